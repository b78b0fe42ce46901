"""The interactive review (`readout-diff review`).

This package imports Textual: only the `review` command may import it, and only when
it runs, so the engine, the library and the other commands never load Textual.
"""

from .app import ReviewApp

__all__ = ["ReviewApp"]
