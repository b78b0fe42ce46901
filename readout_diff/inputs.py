"""Read inputs from disk or stdin: the only place the engine's callers touch files.

Paths become `Source`s; a path that cannot be read becomes an `InputError` with a
one-line reason, so one bad file never stops the rest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from .documents import TEXT_SUFFIXES
from .errors import UNUSABLE_PATH
from .model import InputError, Role, Source


def _is_text_candidate(path: Path) -> bool:
    return (
        path.is_file() and not path.name.startswith(".") and (path.suffix.lower() in TEXT_SUFFIXES)
    )


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    role: Role = Role.REPORT,
    stdin_bytes: bytes | None = None,
) -> tuple[list[Source], list[InputError]]:
    """Files as they are, folders as their text files (recursively, sorted), "-" as stdin."""
    sources: list[Source] = []
    errors: list[InputError] = []
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            data = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read()
            sources.append(Source("-", data, role))
            continue
        path = Path(name)
        try:
            exists = path.exists()
        except UNUSABLE_PATH as problem:
            errors.append(InputError(name[:80], f"not a usable path: {problem}"))
            continue
        if not exists:
            errors.append(InputError(name, "no such file or directory"))
            continue
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if _is_text_candidate(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                errors.append(
                    InputError(
                        name,
                        "directory has no readable text files (.txt, .md, .html, .json, .jsonl)",
                    )
                )
            for file in files:
                _read_one(file, role, sources, errors)
            continue
        _read_one(path, role, sources, errors)
    return sources, errors


def _read_one(path: Path, role: Role, sources: list[Source], errors: list[InputError]) -> None:
    try:
        sources.append(Source(str(path), path.read_bytes(), role))
    except IsADirectoryError:
        errors.append(InputError(str(path), "is a directory"))
    except PermissionError:
        errors.append(InputError(str(path), "permission denied"))
    except OSError as error:
        errors.append(InputError(str(path), f"cannot be read: {error.strerror or error}"))
