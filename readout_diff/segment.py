"""Cut a document into paragraphs and sentences, dropping page chrome and repeats.

Offsets always point into the document's original text; nothing is rewritten.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from syntok import segmenter

from .normalise import normalise

_CHROME_LINE = re.compile(
    r"""^\s*(?:
        advertisements?|advertising|sponsored(?:\s+content)?|ads?|
        (?:also\s+read|read\s+(?:more|also)|see\s+also|must\s+read|watch|listen)\b.*|
        home\s*(?:/|\||»|>).*|
        (?:tags?|topics?|first\s+published|published|posted|updated|last\s+updated|from)\s*:.*|
        (?:published|updated|posted)\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}.*|
        live\s*tv|
        share(?:\s+this)?(?:\s+(?:article|story))?|follow\s+us.*|subscribe.*|sign\s+up.*|
        (?:photo|image|file\s+photo|representational\s+image)\s*(?::|\|).*|
        [/|\\\-–—•·*_=]{2,}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Headings after which the rest of the page is readers' comments or other stories.
_TERMINATOR = re.compile(
    r"^\s*(?:you\s+may\s+also\s+like|comments?(?:\s*\(\d+\))?|"
    r"more\s+(?:from|stories|news)(?:\s+\w+){0,3}|trending(?:\s+now)?|most\s+(?:read|popular)|"
    r"top\s+stories|latest\s+news)\s*:?\s*$",
    re.IGNORECASE,
)
# A syndicator's or publisher's disclaimer: the article has ended ("/Public Release. This
# material from the originating organization…", "… are solely those of the author(s)").
_DISCLAIMER = re.compile(
    r"^\s*(?:/?public\s+release\b|disclaimer\s*:|\(?this\s+(?:story|article)\s+has\s+not\s+"
    r"been\s+edited\b)|originating\s+organi[sz]ation|do(?:es)?\s+not\s+take\s+institutional"
    r"\s+positions|solely\s+those\s+of\s+the\s+author",
    re.IGNORECASE,
)
# Headings of a box set into the body (links to other stories, a newsletter sign-up): the
# box is skipped and the article goes on after it.
_BOX_HEADING = re.compile(
    r"^\s*(?:related(?:\s+(?:articles?|stories|story|news|posts?|coverage|content|reading|"
    r"links?|topics?))?|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?))?|"
    r"(?:also\s+read|read\s+(?:more|also|next)|see\s+also|must\s+read|more\s+on\s+this"
    r"(?:\s+(?:story|topic))?|editor'?s\s+picks?|don'?t\s+miss)|"
    r"[^.!?\n]{0,60}\bnewsletters?\b[^.!?\n]{0,60}|sign\s+up\b[^.!?\n]{0,80}|"
    r"subscribe\b[^.!?\n]{0,80})\s*[:.!]?\s*$",
    re.IGNORECASE,
)
# Lines a box holds: headlines, bylines and times, the sign-up form's words.
_BOX_FORM = re.compile(
    r"\b(?:e-?mail|privacy|terms|sign(?:ing)?\s+up|subscribe|newsletters?|inbox|unsubscribe)\b",
    re.IGNORECASE,
)
_TAKEAWAYS = re.compile(
    r"^\s*(?:key\s+takeaways|highlights|key\s+points|in\s+brief|tl;?dr)\s*:?\s*$", re.I
)
_CAPTION_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AP\s+Photo|AFP|Getty\s+Images|PTI\s+Photo|ANI\s+Photo|Photo\s+credit)\b"
    r"|\bPhoto:\s)",
)
_ENDS_SENTENCE = re.compile(r"[.!?\"”’'):…]\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    duplicate_of: int | None = None  # index of the earlier paragraph with the same text
    key: str = ""  # its text normalised and case-folded: a copy of it elsewhere has the same


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Layout:
    """The readable structure of one document."""

    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    chrome: tuple[tuple[int, int], ...]  # spans dropped as page furniture

    def paragraph_of(self, offset: int) -> int | None:
        index = bisect_right(self.paragraphs, offset, key=lambda para: para.start) - 1
        return index if index >= 0 and offset < self.paragraphs[index].end else None


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        s, e = match.start() + start, match.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _is_prose(line: str) -> bool:
    """A line of the article's own text: a sentence of some length, or a quotation."""
    words = len(re.findall(r"\w+", line))
    if _BOX_FORM.search(line) and words < 30:
        return False
    return words >= 8 and bool(_ENDS_SENTENCE.search(line) or re.search(r"[\"“”]", line))


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_CREDIT.search(line)) and not re.search(r"[\"“”]", line)


def layout(text: str, body_start: int = 0) -> Layout:
    """Paragraphs (one per line or block), sentences, and what was set aside as chrome."""
    kept, chrome = _sort_lines(text, _lines(text, body_start))
    merged = _merge_broken_lines(text, kept, chrome)
    seen: dict[str, int] = {}
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for s, e in merged:
        key = normalise(text[s:e]).text.casefold()
        duplicate = seen.get(key) if len(key) > 20 else None
        index = len(paragraphs)
        paragraphs.append(Paragraph(s, e, duplicate, key))
        if duplicate is None:
            seen.setdefault(key, index)
            sentences.extend(_sentences(text, s, e, index))
    return Layout(tuple(paragraphs), tuple(sentences), tuple(chrome))


def _sort_lines(
    text: str, lines: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The lines kept as the article's text, and the spans set aside as chrome: a
    newsletter box, a takeaways list, page furniture, and all after the article ends."""
    kept: list[tuple[int, int]] = []
    chrome: list[tuple[int, int]] = []
    in_takeaways = False
    in_box = False
    for index, (s, e) in enumerate(lines):
        line = text[s:e]
        if (_TERMINATOR.match(line) or _DISCLAIMER.search(line)) and index >= len(lines) // 3:
            chrome.append((s, len(text)))
            break
        if _BOX_HEADING.match(line):
            in_box = True
            chrome.append((s, e))
            continue
        if in_box:
            if not _is_prose(line):
                chrome.append((s, e))  # a headline, a byline, "11 minutes ago", the form
                continue
            in_box = False  # the article goes on after the box
        if _TAKEAWAYS.match(line):
            in_takeaways = True
            chrome.append((s, e))
            continue
        if in_takeaways:
            if _in_takeaways(text, lines[index - 1][1], s, e):
                chrome.append((s, e))
                continue
            in_takeaways = False
        if _CHROME_LINE.match(line) or _is_caption(line):
            chrome.append((s, e))
            continue
        kept.append((s, e))
    return kept, chrome


def _in_takeaways(text: str, previous_end: int, s: int, e: int) -> bool:
    """A line still in a takeaways list: a bullet, or a short line right under the last."""
    line = text[s:e]
    blank_before = "\n\n" in text[previous_end:s]
    return bool(re.match(r"\s*[•\-*–·▪]", line)) or (not blank_before and len(line) < 220)


def _merge_broken_lines(
    text: str, kept: list[tuple[int, int]], chrome: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Kept lines with a sentence broken across two of them joined into one paragraph."""
    merged: list[tuple[int, int]] = []
    for s, e in kept:
        if merged:
            ps, pe = merged[-1]
            gap = text[pe:s]
            if (
                not _ENDS_SENTENCE.search(text[ps:pe])
                and re.match(r"[a-z]", text[s])
                and not any(cs >= pe and ce <= s for cs, ce in chrome)
                and gap.count("\n") <= 3
            ):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def _sentences(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    chunk = text[start:end].replace("\n", " ")
    out: list[Sentence] = []
    for para in segmenter.analyze(chunk):
        for sentence in para:
            if not sentence:
                continue
            s = sentence[0].offset
            e = sentence[-1].offset + len(sentence[-1].value)
            out.append(Sentence(start + s, start + e, paragraph))
    # syntok leaves a closing quote or bracket to the next sentence; give it back.
    fixed: list[Sentence] = []
    for sent in out:
        if fixed and re.fullmatch(r"[\"”’')\]]+", text[sent.start : sent.start + 1] or "x"):
            prev = fixed[-1]
            head = sent.start + 1
            fixed[-1] = Sentence(prev.start, head, paragraph)
            rest = text[head : sent.end].strip()
            if rest:
                fixed.append(
                    Sentence(sent.end - len(text[head : sent.end].lstrip()), sent.end, paragraph)
                )
            continue
        fixed.append(sent)
    return fixed
