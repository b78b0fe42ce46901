"""Report writers: one module per format, each a thin face over the engine's `Result`."""

from __future__ import annotations

FORMATS = ("text", "json", "markdown", "html")
