"""Every direct quotation in an article, located by file, line and column.

Quotes (double or single marks, straight or curly, several sentences, several
paragraphs) come from the engine's own `find_quotes`, so `check` and the engine read the
same quotations: an unclosed quote is kept to its paragraph, single marks are a quote
style (British and Asian outlets), a quote inside a quote belongs to the outer one.
Inline ignore markers are blanked out before any of this, so their
`reason="..."` is never taken for a quotation.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..dates import leading_date_line
from ..lexicon import PRONOUNS
from ..model import Document
from ..passages import Quote as PassageQuote
from ..passages import find_quotes
from ..segment import Layout, layout
from .model import Location, Marker, Quote
from .speakers import QuoteBounds, attribution, is_pronoun

MARKER = re.compile(r"<!--\s*readout-diff:\s*ignore\b(?P<body>.*?)-->", re.IGNORECASE)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.IGNORECASE)
_DOUBLE = '"“”„‟«»'


class Locator:
    """Offsets in a document's text -> line and column in the file it came from.

    Plain text and Markdown bodies sit verbatim in their file; the text extracted from
    HTML or JSON does not, so there a quote is found in the file by its words, and
    failing that it is placed in the extracted text (and marked inexact).
    """

    def __init__(self, path: str, text: str, raw: str | None = None) -> None:
        self.path = path
        self.text = text
        reference = raw if raw is not None else text
        found = reference.find(text) if text else 0
        self.base: int | None = found if found >= 0 else None
        self.reference = reference if self.base is not None or raw is None else raw
        self._lines_ref = _line_starts(self.reference)
        self._lines_text = _line_starts(text) if self.base is None else self._lines_ref

    def span(self, start: int, end: int) -> Location:
        if self.base is not None:
            return self._location(self.base + start, self.base + end, self._lines_ref, True)
        snippet = self.text[start:end].split("\n", 1)[0]
        for form in _encodings(snippet):
            at = self.reference.find(form) if len(form) >= 8 else -1
            if at >= 0:
                return self._location(at, at + len(form), self._lines_ref, True)
        return self._location(start, end, self._lines_text, False)

    def _location(self, start: int, end: int, starts: list[int], exact: bool) -> Location:
        line, column = _line_col(starts, start)
        end_line, end_column = _line_col(starts, max(end, start))
        return Location(self.path, line, column, end_line, end_column, exact)


def _encodings(snippet: str) -> list[str]:
    """How a snippet may be spelled in a JSON or HTML file."""
    forms = [snippet, json.dumps(snippet)[1:-1], json.dumps(snippet, ensure_ascii=False)[1:-1]]
    forms.append(snippet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return list(dict.fromkeys(forms))


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def find_markers(text: str, locator: Locator) -> list[Marker]:
    """Inline ignore markers, with their codes (upper-cased) and reason."""
    markers = []
    for match in MARKER.finditer(text):
        body = match.group("body")
        reason_match = _REASON.search(body)
        reason = None
        if reason_match:
            reason = (reason_match.group("dq") or reason_match.group("sq") or "").strip() or None
            body = body[: reason_match.start()] + body[reason_match.end() :]
        codes = tuple(c.upper() for c in re.findall(r"[A-Za-z]+\d+", body))
        markers.append(
            Marker(
                match.start(), match.end(), codes, reason, locator.span(match.start(), match.end())
            )
        )
    return markers


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with each span blanked (same length, so every offset still holds)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's quotes, markers and layout (kept for paraphrase and call pins)."""

    quotes: list[Quote]
    markers: list[Marker]
    layout: Layout
    text: str  # the document text with markers blanked


def extract(doc: Document, locator: Locator) -> Extracted:
    """Every quotation in `doc`, in order, with speaker and the marker that governs it."""
    markers = find_markers(doc.text, locator)
    text = mask(doc.text, [(m.start, m.end) for m in markers])
    date_line = leading_date_line(text)
    lay = layout(text, date_line[1] if date_line else 0)
    spans = [part for q in find_quotes(text, lay) for part in _split_misread(text, q)]
    spans.sort()
    quotes: list[Quote] = []
    for index, (start, end, problem) in enumerate(spans):
        line_start, line_end = _line_bounds(text, start, end)
        if problem == "never closed":
            end = _sentence_end(text, lay, start, end, line_end)
        start, end = _strip(text, start, end)
        if end <= start or not re.search(r"\w", text[start:end]):
            continue
        before = spans[index - 1][1] if index and spans[index - 1][1] >= line_start else None
        after = spans[index + 1][0] - 1 if index + 1 < len(spans) else None
        bounds = QuoteBounds(start, end, line_start, line_end, before, after)
        speaker = attribution(text, bounds)
        quotes.append(
            Quote(
                doc.id,
                doc.path,
                start,
                end,
                doc.text[start:end],
                locator.span(start, end),
                speaker,
                unclosed=problem == "never closed",
                unopened=problem == "never opened",
            )
        )
    quotes = _inherit_speakers(text, lay, quotes)
    return Extracted(_bind_markers(text, quotes, markers), markers, lay, text)


def _split_misread(text: str, quote: PassageQuote) -> list[tuple[int, int, str | None]]:
    """Two quotes read as one: `“perpetrators” must face “justice”` pairs as one quote when
    the first ” is taken for an apostrophe ("States” commitment"). A quotation never holds
    a bare “, so one inside a quote means the ” before it closed a quote."""
    parts: list[tuple[int, int, str | None]] = []
    start = quote.start
    for match in re.finditer(r"”(?=\s[^“”]*“)", text[quote.start : quote.end]):
        close = quote.start + match.start()
        reopen = text.index("“", close)
        parts.append((start, close, None))
        start = reopen + 1
    closing = text.find("”", start, quote.end) if quote.problem == "never closed" else -1
    if closing > start and text[closing + 1 : closing + 2].isspace():
        return [*parts, (start, closing, None)]  # “perpetrators” must face “justice”
    parts.append((start, quote.end, quote.problem))
    return parts


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _sentence_end(text: str, lay: Layout, start: int, end: int, line_end: int) -> int:
    """An unclosed quote ends where its attribution begins (", she said"), else with the
    sentence it opens in."""
    if re.search(r"\w", text[end:line_end]):
        return end
    for sentence in lay.sentences:
        if sentence.start <= start < sentence.end:
            return min(end, sentence.end)
    return end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    marks = " \t\n" + _DOUBLE + "‘’'"
    while start < end and text[start] in marks:
        start += 1
    while end > start and text[end - 1] in marks:
        end -= 1
    return start, end


_SUBJECT = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+(?:(?:had|has|have|was|is|also|later|"
    r"then|\w+ly)\s+)*(?:[a-z]+ed|said|told|spoke|met|wrote|gave|made|says)\b"
)
_NOT_SUBJECTS = PRONOUNS | frozenset(
    {
        "we",
        "it",
        "however",
        "meanwhile",
        "but",
        "and",
        "the",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "this",
        "that",
    }
)


def _inherit_speakers(text: str, lay: Layout, quotes: list[Quote]) -> list[Quote]:
    """A second fragment of one sentence shares the first's speaker; "she said" is the
    last named speaker, or failing that the subject of the sentence before."""
    out: list[Quote] = []
    for quote in quotes:
        speaker = quote.speaker
        prev = out[-1] if out else None
        if speaker is None and prev is not None and _same_sentence(lay, prev.end, quote.start):
            speaker = prev.speaker
        elif speaker is not None and is_pronoun(speaker):
            speaker = _resolve_pronoun(text, lay, quote, out) or speaker
        out.append(replace(quote, speaker=speaker))
    return out


def _resolve_pronoun(text: str, lay: Layout, quote: Quote, earlier: list[Quote]) -> str | None:
    """The speaker of a recent quote (this or the previous paragraph), else the subject of
    this paragraph ("Trump had condemned... he later said"), else any recent speaker."""
    named = [
        q for q in earlier if q.speaker and not is_pronoun(q.speaker) and quote.start - q.end < 1500
    ]
    here = lay.paragraph_of(quote.start)
    if named and here is not None and (lay.paragraph_of(named[-1].start) or 0) >= here - 1:
        return named[-1].speaker
    return _subject_before(text, lay, quote.start) or (named[-1].speaker if named else None)


def _same_sentence(lay: Layout, a: int, b: int) -> bool:
    return any(s.start <= a and b < s.end for s in lay.sentences)


def _subject_before(text: str, lay: Layout, offset: int) -> str | None:
    paragraph = lay.paragraph_of(offset)
    start = lay.paragraphs[paragraph].start if paragraph is not None else 0
    names = [
        m.group("name")
        for m in _SUBJECT.finditer(text, start, offset)
        if m.group("name").split()[0].casefold() not in _NOT_SUBJECTS
    ]
    return names[-1] if names else None


def _bind_markers(text: str, quotes: list[Quote], markers: list[Marker]) -> list[Quote]:
    """A marker governs the first quote that starts on its line or the next non-blank one."""
    bound: dict[int, Marker] = {}
    for marker in markers:
        pos = marker.end
        while pos < len(text) and text[pos].isspace():
            pos += 1
        line_end = text.find("\n", pos)
        limit = len(text) if line_end < 0 else line_end
        target = next(
            (i for i, q in enumerate(quotes) if marker.end <= q.start <= limit and i not in bound),
            None,
        )
        if target is not None:
            bound[target] = marker
    return [replace(q, marker=bound.get(i)) for i, q in enumerate(quotes)]
