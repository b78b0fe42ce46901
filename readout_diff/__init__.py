"""readout-diff: find, attribute, align and classify every outlet's version of a readout.

The public API is `analyse` and the result types; see the README for an example.
"""

from .api import analyse
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
    Witness,
)
from .pipeline import Source
from .readouts import ReadoutSpec, ReadoutSpecError
from .serialise import to_dict, to_json

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
__version__ = "0.1.0"
