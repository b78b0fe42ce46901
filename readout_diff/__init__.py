"""readout-diff: find, attribute, align and classify every outlet's version of a readout.

The public API is `analyse` and the result types; see the README for an example.

Names are imported on first use (PEP 562), so `import readout_diff` and the command line's
`--help` do not load the engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import analyse
    from .errors import ReadoutDiffError, ReadoutSpecError
    from .model import (
        Contrast,
        ContrastPhrase,
        Difference,
        DifferenceKind,
        Document,
        InputError,
        Notice,
        Passage,
        PassageKind,
        Readout,
        ReadoutSentence,
        Result,
        Role,
        SharedSentence,
        Source,
        Witness,
    )
    from .readouts import ReadoutSpec
    from .serialise import to_dict, to_json

# name -> the module (under readout_diff) that defines it
_EXPORTS = {
    "Contrast": "model",
    "ContrastPhrase": "model",
    "Difference": "model",
    "DifferenceKind": "model",
    "Document": "model",
    "InputError": "model",
    "Notice": "model",
    "Passage": "model",
    "PassageKind": "model",
    "Readout": "model",
    "ReadoutDiffError": "errors",
    "ReadoutSentence": "model",
    "ReadoutSpec": "readouts",
    "ReadoutSpecError": "errors",
    "Result": "model",
    "Role": "model",
    "SharedSentence": "model",
    "Source": "model",
    "Witness": "model",
    "analyse": "api",
    "to_dict": "serialise",
    "to_json": "serialise",
}

__all__ = [
    "Contrast",
    "ContrastPhrase",
    "Difference",
    "DifferenceKind",
    "Document",
    "InputError",
    "Notice",
    "Passage",
    "PassageKind",
    "Readout",
    "ReadoutDiffError",
    "ReadoutSentence",
    "ReadoutSpec",
    "ReadoutSpecError",
    "Result",
    "Role",
    "SharedSentence",
    "Source",
    "Witness",
    "analyse",
    "to_dict",
    "to_json",
]


def _version() -> str:
    """The installed distribution's version: pyproject.toml is its one source."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("readout-diff")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, "__version__"})
