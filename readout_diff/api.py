"""The library's one call: `analyse` paths or texts and get the typed `Result`.

>>> from readout_diff import analyse
>>> result = analyse(["seeds/"])
>>> [r.id for r in result.readouts][:2]
['2025-04-30-jaishankar', '2025-05-08-jaishankar']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from .documents import MAX_BYTES
from .errors import UNUSABLE_PATH, ReadoutSpecError
from .inputs import read_paths
from .model import InputError, Result, Role, Source
from .pipeline import Options, Progress, run
from .readouts import ReadoutSpec, parse_specs

TextOrPath = str | os.PathLike[str] | Source


def _names_a_path(item: str) -> bool:
    """A string is a path if it names an existing file or folder (or is "-")."""
    if item == "-":
        return True
    if not item.strip() or "\n" in item or "\r" in item or len(item) > 1024:
        return False
    try:
        return Path(item).exists()
    except UNUSABLE_PATH:
        return False


def _sources(items: Iterable[TextOrPath], role: Role) -> tuple[list[Source], list[InputError]]:
    sources: list[Source] = []
    errors: list[InputError] = []
    paths: list[str | os.PathLike[str]] = []
    for number, item in enumerate(items, 1):
        if isinstance(item, Source):
            sources.append(replace(item, role=role))
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _names_a_path(item)):
            paths.append(item)
        elif isinstance(item, str) and (
            "\n" in item or "\r" in item or " " in item.strip() or not item.strip()
        ):
            prefix = "official" if role == Role.OFFICIAL else "text"
            sources.append(Source(f"<{prefix}-{number}>", item, role))
        else:
            paths.append(item)
    read, read_errors = read_paths(paths, role)
    return sources + read, errors + read_errors


# The public entry point: its options are keyword-only, named at every call, and a record
# of them would break every caller, so the argument count is allowed here.
def analyse(  # noqa: PLR0913
    inputs: Sequence[TextOrPath],
    *,
    official: Sequence[TextOrPath] = (),
    readouts: str | os.PathLike[str] | Sequence[ReadoutSpec] | None = None,
    ignore_case: bool = False,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
) -> Result:
    """Find, attribute, align and diff every readout passage in `inputs`.

    `inputs` and `official` take file or folder paths, article texts, or `Source`s.
    `official` texts become the base wording of the readouts they report.
    `readouts` names the readouts: a TOML file path or text (see README), or specs.
    Unreadable inputs are reported in `Result.errors`; everything else is analysed.
    Raises `ReadoutSpecError` if the readouts definition itself is unusable.
    """
    reports, errors = _sources(inputs, Role.REPORT)
    officials, official_errors = _sources(official, Role.OFFICIAL)
    specs = _specs(readouts)
    for spec in specs:
        if spec.official_text:
            name = spec.official or f"<official:{spec.id}>"
            officials.append(Source(name, spec.official_text, Role.OFFICIAL))
            specs = [replace(s, official=name) if s is spec else s for s in specs]
    result = run(officials + reports, specs, Options(ignore_case, max_bytes), progress)
    every = [*errors, *official_errors, *result.errors]
    given = [os.fspath(i) if not isinstance(i, Source) else i.name for i in [*inputs, *official]]
    return replace(result, errors=tuple(sorted(every, key=lambda e: _rank(e.path, given))))


def _rank(path: str, given: Sequence[str]) -> int:
    """Errors are listed in the order their inputs were given."""
    for index, name in enumerate(given):
        if path == name or path.startswith(name.rstrip("/\\") + os.sep):
            return index
    return len(given)


def _specs(readouts: str | os.PathLike[str] | Sequence[ReadoutSpec] | None) -> list[ReadoutSpec]:
    if readouts is None:
        return []
    if isinstance(readouts, (str, os.PathLike)):
        text = os.fspath(readouts)
        if "[[readout]]" not in text:
            path = Path(text)
            try:
                text = path.read_text("utf-8")
            except OSError as error:
                raise ReadoutSpecError(f"{path}: cannot be read: {error.strerror}") from None
            specs = parse_specs(text)
            return [_resolve_official(s, path.parent) for s in specs]
        return [_resolve_official(s, Path.cwd()) for s in parse_specs(text)]
    return [_resolve_official(s, Path.cwd()) for s in readouts]


def _resolve_official(spec: ReadoutSpec, folder: Path) -> ReadoutSpec:
    """An `official = "file"` is read relative to the readouts file (or, for readouts given
    as TOML text or as specs, to the working directory)."""
    if spec.official and not spec.official_text:
        path = folder / spec.official
        try:
            return replace(spec, official=str(path), official_text=path.read_text("utf-8"))
        except OSError as error:
            raise ReadoutSpecError(
                f'readout "{spec.id}": official text {path} cannot be read: {error.strerror}'
            ) from None
    return spec
