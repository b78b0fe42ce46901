"""`readout-diff check`: a linter for quotation fidelity.

The core is pure: `check(articles, sources, config)` and `check_consensus(articles,
config)` return a `CheckReport`; `formats.render` turns it into text, JSON, GitHub
annotations, JUnit XML or SARIF. Reading files is `readout_diff.commands.check`'s job.

Names are imported on first use (PEP 562): building the command line's parser reads
`check.rules` and `check.formats` without loading the matcher.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import CheckConfig, ConfigError
    from .consensus import check_consensus
    from .core import Article, check
    from .model import CheckReport, Finding, QuoteCheck, Verdict
    from .rules import RULES, Severity

_EXPORTS = {
    "RULES": "rules",
    "Article": "core",
    "CheckConfig": "config",
    "CheckReport": "model",
    "ConfigError": "config",
    "Finding": "model",
    "QuoteCheck": "model",
    "Severity": "rules",
    "Verdict": "model",
    "check": "core",
    "check_consensus": "consensus",
}

__all__ = [
    "Article",
    "CheckConfig",
    "CheckReport",
    "ConfigError",
    "Finding",
    "QuoteCheck",
    "RULES",
    "Severity",
    "Verdict",
    "check",
    "check_consensus",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
