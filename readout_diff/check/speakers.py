"""Who a quote is credited to: `check` uses the engine's one implementation
(`readout_diff.speakers`), so the two faces never credit one quote to two speakers."""

from __future__ import annotations

from ..lexicon import SPEECH_VERBS
from ..speakers import (
    QuoteBounds,
    SpeakerKind,
    Voices,
    _subject_before,
    attribution,
    classify,
    is_pronoun,
    resolve_names,
    source_voices,
)

__all__ = [
    "SPEECH_VERBS",
    "QuoteBounds",
    "SpeakerKind",
    "Voices",
    "_subject_before",
    "attribution",
    "classify",
    "is_pronoun",
    "resolve_names",
    "source_voices",
]
