"""Report writers: one module per format, each a thin face over the engine's `Result`.

`render` picks the writer and imports it only then: JSON needs neither Rich nor Jinja.
Faces (the command line, the review app) call this; they never import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Result

FORMATS = ("text", "json", "markdown", "html")


def render(result: Result, fmt: str, color: bool = False, width: int = 100) -> str:
    """The report in one of FORMATS, as text."""
    if fmt == "json":
        from ..serialise import to_json

        return to_json(result)
    if fmt == "markdown":
        from .markdown import render as markdown

        return markdown(result)
    if fmt == "html":
        from .html import render as html

        return html(result)
    if fmt != "text":
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    from .text import render as text

    return text(result, color=color, width=width)
