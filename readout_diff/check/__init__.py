"""`readout-diff check`: a linter for quotation fidelity.

The core is pure: `check(articles, sources, config)` and `check_consensus(articles,
config)` return a `CheckReport`; `formats.render` turns it into text, JSON, GitHub
annotations, JUnit XML or SARIF. Reading files is `readout_diff.commands.check`'s job.
"""

from .config import CheckConfig, ConfigError
from .consensus import check_consensus
from .core import Article, check
from .model import CheckReport, Finding, QuoteCheck, Verdict
from .rules import RULES, Severity

__all__ = [
    "RULES",
    "Article",
    "CheckConfig",
    "CheckReport",
    "ConfigError",
    "Finding",
    "QuoteCheck",
    "Severity",
    "Verdict",
    "check",
    "check_consensus",
]
