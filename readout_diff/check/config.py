"""Settings for `check`: defaults, then `[tool.readout-diff]` in pyproject.toml, then the CLI.

Parsing is pure (text in, settings out); finding and reading the file is the command's
job. Source paths in the file are relative to the file, so a hook run from anywhere in
the repository finds them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import PurePath
from typing import Any

from ..errors import ReadoutDiffError
from .rules import RuleSelectionError, Severity, enabled

SPELLING_POLICIES = ("allow", "flag")


class ConfigError(ReadoutDiffError, ValueError):
    """A configuration that cannot be used; the message names the key and the problem."""


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Every knob `check` has; the defaults are the strict, documented ones."""

    sources: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING  # lowest severity that makes the exit code 1
    min_similarity: float = 0.6  # below this a longer quote is unsourced
    short_quote_words: int = 3  # quotes this short must appear verbatim
    spelling_variants: str = "flag"  # "allow": emphasised/emphasized is equivalent
    speakers: tuple[str, ...] = ()  # extra names the sources speak for
    paraphrase: bool = False
    format: str = "text"

    @property
    def codes(self) -> frozenset[str]:
        return enabled(self.select, self.ignore)

    @property
    def allow_spelling_variants(self) -> bool:
        return self.spelling_variants == "allow"


# pyproject key -> field name; keys use dashes as TOML tools do.
_KEYS = {f.name.replace("_", "-"): f.name for f in fields(CheckConfig)}


def parse_pyproject(text: str, folder: str = ".") -> tuple[CheckConfig | None, list[str]]:
    """The `[tool.readout-diff]` table of a pyproject text, and the unknown keys in it.

    Returns None when the file has no such table (so the search may go on upward).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}") from None
    tool = data.get("tool", {})
    table = tool.get("readout-diff") if isinstance(tool, dict) else None
    if table is None:
        return None, []
    if not isinstance(table, dict):
        raise ConfigError("[tool.readout-diff] must be a table")
    unknown = sorted(k for k, v in table.items() if k not in _KEYS and not isinstance(v, dict))
    values = {_KEYS[k]: v for k, v in table.items() if k in _KEYS}
    config = apply(CheckConfig(), values, where="[tool.readout-diff]")
    if config.sources:
        config = replace(config, sources=tuple(_relative(folder, s) for s in config.sources))
    return config, unknown


def _relative(folder: str, path: str) -> str:
    return path if PurePath(path).is_absolute() else str(PurePath(folder) / path)


def apply(config: CheckConfig, values: dict[str, Any], where: str = "command line") -> CheckConfig:
    """`config` with `values` (field name -> value) checked and applied; None means unset."""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        key = name.replace("_", "-")
        changes[name] = _coerce(name, value, f"{where}: {key}")
    updated = replace(config, **changes)
    try:
        enabled(updated.select, updated.ignore)  # a bad code fails now, not mid-run
    except RuleSelectionError as problem:
        raise ConfigError(f"{where}: {problem}") from None
    return updated


def _coerce(name: str, value: Any, label: str) -> Any:
    """A setting's value in its field's type; `label` names it in the error."""
    return _COERCERS[name](value, label)


def _strings(value: Any, label: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{label} must be a list of strings")
    return tuple(value)


def _severity(value: Any, label: str) -> Severity:
    if value not in ("error", "warning", "info"):
        raise ConfigError(f'{label} must be "error", "warning" or "info"')
    return Severity(value)


def _share(value: Any, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ConfigError(f"{label} must be a number above 0 and at most 1")
    return float(value)


def _count(value: Any, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{label} must be a whole number, 0 or more")
    return value


def _spelling(value: Any, label: str) -> str:
    if value not in SPELLING_POLICIES:
        raise ConfigError(f'{label} must be "allow" or "flag"')
    return str(value)


def _flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{label} must be true or false")
    return value


def _format(value: Any, label: str) -> str:
    from .formats import FORMATS

    if value not in FORMATS:
        raise ConfigError(f"{label} must be one of {', '.join(FORMATS)}")
    return str(value)


_COERCERS: dict[str, Callable[[Any, str], Any]] = {
    "sources": _strings,
    "select": _strings,
    "ignore": _strings,
    "speakers": _strings,
    "fail_on": _severity,
    "min_similarity": _share,
    "short_quote_words": _count,
    "spelling_variants": _spelling,
    "paraphrase": _flag,
    "format": _format,
}
