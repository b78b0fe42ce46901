"""Find readout passages in a document: quotes, embedded posts, reported speech.

Quotes are paired mark by mark inside a paragraph, so an unbalanced quote ends at its
paragraph (minus a trailing "she said") instead of swallowing the rest of the article.
Single marks (‘…’, '…') are an outlet's quote style too; a quote inside a quote belongs
to the outer one. `check` finds its quotations with the same `find_quotes`.
Every passage becomes sentence-sized units, the things that are aligned later.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .dates import WEEKDAYS
from .lexicon import SPEECH_VERBS as _SPEECH_VERBS
from .lexicon import strip_possessive
from .model import PassageKind
from .segment import Layout, Paragraph, Sentence
from .speakers import QuoteBounds, attribution, resolve_names

OPEN_MARKS = "“„«‹"
CLOSE_MARKS = "”»›"
AMBIGUOUS_MARKS = '"＂'
OPEN_SINGLE = "‘'"
CLOSE_SINGLE = "’'"
# A quotation's tail may credit it with "according to X" too.
SPEECH_VERBS = _SPEECH_VERBS + "|according to"
# A speaker: a capitalised name of up to four words, a pronoun, or "the readout"; never
# across a line break.
_WHO = r"(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.’'-]*|he|she|they|it|the[ \t]+(?:\w+[ \t]+){0,3}\w+"
_TAIL_ATTRIBUTION = re.compile(
    rf"\s*[,;:]*\s*(?:{_WHO})\s+(?:further\s+)?(?:{SPEECH_VERBS})\b[^\"“”]*$", re.IGNORECASE
)
_AFTER = re.compile(
    rf"^\s*[,;:]?\s*(?:(?P<who1>{_WHO})\s+(?:further\s+|also\s+)?(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+(?P<who2>{_WHO}))"
)
_BEFORE = re.compile(
    rf"(?P<who>{_WHO})[ \t]+(?:[a-z]\w*[ \t]+){{0,2}}(?:{SPEECH_VERBS})\b[^.!?\n]*?[,:]?\s*$"
)
_POST_SIGNATURE = re.compile(
    r"[—–-]+\s*(?P<author>[^()\n—–]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]{2,9}\.?\s+\d{1,2},\s*\d{4})\s*$"
)
_APOSTROPHE_NEXT = re.compile(r"\s[a-z]")
# A news agency's post that ends ": US State Department spokesperson Tammy…" credits a source.
_POST_CREDIT = re.compile(
    r":\s+(?:[A-Z][\w.’'-]*\s*){1,8}(?:[a-z]+\s+){0,2}(?:[A-Z][\w.’'-]*\s*){0,4}…?\s*$"
)
_TRAILING_LINK = re.compile(r"\s*(?:https?://|pic\.twitter\.com/)\S+\s*$")
ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…][\"”’)\]]*\s*$")
_SPEECH_NEXT = re.compile(rf"\s*(?:{SPEECH_VERBS})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the quoted words, marks excluded
    end: int
    problem: str | None = None  # "never closed" / "never opened"
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    start: int  # the post's own words, signature excluded
    end: int
    author: str
    handle: str
    date_text: str
    signature_start: int


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence-sized stretch of a document that may be a version of a readout sentence."""

    document: str
    start: int
    end: int
    kind: PassageKind
    sentence: int  # index into the layout's sentences
    paragraph: int
    speaker: str | None = None
    problem: str | None = None
    post_date: str | None = None
    fragment: bool = False  # a quoted phrase inside the outlet's own sentence
    quote_start: int | None = None  # the whole quotation this unit is part of
    quote_end: int | None = None
    around_quote: bool = False  # reported speech around a quotation: joins, never founds


def _mark_role(text: str, i: int, open_now: bool) -> str:
    mark = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if mark in CLOSE_MARKS and prev in "sS" and _APOSTROPHE_NEXT.match(text, i + 1):
        line_end = text.find("\n", i)
        rest = text[i + 1 : line_end if line_end >= 0 else len(text)]
        close_at = next((k for k, c in enumerate(rest) if c in CLOSE_MARKS), None)
        reopened = close_at is not None and any(c in OPEN_MARKS for c in rest[:close_at])
        if (
            open_now
            and close_at is not None
            and not reopened
            and not _SPEECH_NEXT.match(text, i + 1)
        ):
            return "apostrophe"  # "the United States” commitment", not "“a” and “b”"
    if mark in OPEN_MARKS:
        return "open"
    if mark in CLOSE_MARKS:
        return "close"
    opens = prev.isspace() or prev in "([{—–-/:" or i == 0
    closes = nxt.isspace() or nxt in ".,;:!?)]}—–-…" or i + 1 == len(text)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_now else "open"


def _attribution_end(text: str, start: int, end: int) -> int:
    """Where an unclosed quote really ends: before a trailing ", she said."."""
    segment = text[start:end]
    match = _TAIL_ATTRIBUTION.search(segment)
    if match and match.start() > 0:
        return start + match.start()
    return end


def find_quotes(text: str, layout: Layout) -> list[Quote]:
    """Quoted spans, paired within paragraphs; a quote may run on into the next paragraph."""
    quotes = _double_quotes(text, layout)
    singles = _single_quotes(text, layout)
    # A quote inside a quote belongs to the outer one, whichever marks each uses.
    quotes = [q for q in quotes if not any(o.start < q.start and q.end <= o.end for o in singles)]
    quotes += [s for s in singles if not any(o.start <= s.start and s.end <= o.end for o in quotes)]
    quotes.sort(key=lambda q: (q.start, q.end))
    named = [_with_speaker(text, q) for q in quotes if text[q.start : q.end].strip()]
    return _resolve_pronouns(named)


def _double_quotes(text: str, layout: Layout) -> list[Quote]:
    """“Quoted” or "quoted" spans; one left open at a paragraph's end is carried into the
    next paragraph when that paragraph goes on with the quote."""
    quotes: list[Quote] = []
    paragraphs = [p for p in layout.paragraphs if p.duplicate_of is None]
    carry: int | None = None  # an open quote carried into this paragraph
    for index, para in enumerate(paragraphs):
        paired, open_at = _pair_double_marks(text, para, carry)
        quotes += paired
        carry = None
        if open_at is None:
            continue
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if nxt is not None and _continues(text, nxt.start, nxt.end):
            if text[nxt.start] in OPEN_MARKS + AMBIGUOUS_MARKS:
                quotes.append(Quote(open_at, para.end))  # multi-paragraph convention
            else:
                carry = open_at
        else:
            end = _attribution_end(text, open_at, para.end)
            quotes.append(Quote(open_at, end, "never closed"))
    return quotes


def _pair_double_marks(
    text: str, para: Paragraph, open_at: int | None
) -> tuple[list[Quote], int | None]:
    """The quotes a paragraph's double marks open and close, and where a quote still open
    at its end began (`open_at`: where one carried in from the paragraph before began)."""
    quotes: list[Quote] = []
    for mark in _DOUBLE_MARK.finditer(text, para.start, para.end):
        i = mark.start()
        role = _mark_role(text, i, open_at is not None)
        if role == "apostrophe":
            continue
        if open_at is None:
            if role == "open":
                open_at = i + 1
            else:
                quotes.append(Quote(para.start, i, "never opened"))
        elif role == "close":
            quotes.append(Quote(open_at, i))
            open_at = None
        else:
            end = _attribution_end(text, open_at, i)
            quotes.append(Quote(open_at, end, "never closed"))
            open_at = i + 1
    return quotes, open_at


def _single_quotes(text: str, layout: Layout) -> list[Quote]:
    """‘Quoted’ or 'quoted' spans (British and Asian outlets, headlines) paired within a
    paragraph; a lone mark is an apostrophe ("Rubio’s", "the leaders’ talks")."""
    out: list[Quote] = []
    for para in layout.paragraphs:
        if para.duplicate_of is not None:
            continue
        marks = [m.start() for m in _SINGLE_MARK.finditer(text, para.start, para.end)]
        closes = [i for i in marks if _closes_single(text, i)]
        open_at: int | None = None
        for i in marks:  # any other character neither opens nor closes a quote
            if open_at is None:
                if _opens_single(text, i):
                    open_at = i + 1
                continue
            if i not in closes or (
                text[i - 1] in "sS"
                and _APOSTROPHE_BEFORE_WORD.match(text, i + 1)
                and any(c > i for c in closes)
            ):
                continue
            if len(re.findall(r"\w", text[open_at:i])) >= 2:
                out.append(Quote(open_at, i))
            open_at = None
    return out


_APOSTROPHE_BEFORE_WORD = re.compile(r" [a-z]")
# Where a paragraph holds a quotation mark: read there, not character by character.
_DOUBLE_MARK = re.compile(f"[{re.escape(OPEN_MARKS + CLOSE_MARKS + AMBIGUOUS_MARKS)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(OPEN_SINGLE + CLOSE_SINGLE)}]")


def _opens_single(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in OPEN_SINGLE or i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    before = "([{—–-/" + OPEN_MARKS + CLOSE_MARKS + AMBIGUOUS_MARKS
    return ch == "‘" or i == 0 or text[i - 1].isspace() or text[i - 1] in before


def _closes_single(text: str, i: int) -> bool:
    if text[i] not in CLOSE_SINGLE or i == 0 or text[i - 1].isspace():
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return nxt.isspace() or nxt in ".,;:!?)]}—–-…" + OPEN_MARKS + CLOSE_MARKS + AMBIGUOUS_MARKS


def _resolve_pronouns(quotes: list[Quote]) -> list[Quote]:
    """ "…," she said: the last speaker the article named; "Bruce said": the "Tammy Bruce"
    named before (`speakers.resolve_names`, shared with `check`)."""
    names = resolve_names([q.speaker for q in quotes])
    return [Quote(q.start, q.end, q.problem, name) for q, name in zip(quotes, names, strict=True)]


def _continues(text: str, start: int, end: int) -> bool:
    """Does this paragraph carry on a quote left open in the one before it?"""
    if text[start] in OPEN_MARKS + AMBIGUOUS_MARKS:
        return True
    for i in range(start, end):
        if text[i] in OPEN_MARKS:
            return False
        if text[i] in CLOSE_MARKS:
            return True
        if text[i] in AMBIGUOUS_MARKS:
            return _mark_role(text, i, True) == "close"
    return False


def _with_speaker(text: str, quote: Quote) -> Quote:
    """The speaker the article credits, read as `check` reads it (`speakers.attribution`)."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    who = attribution(text, QuoteBounds(quote.start, quote.end, line_start, line_end))
    return Quote(quote.start, quote.end, quote.problem, who)


def find_posts(text: str, layout: Layout) -> list[Post]:
    """Embedded social posts: a paragraph that ends "— Name (@handle) Month D, YYYY", or
    a paragraph followed by a line holding only that signature."""
    posts = []
    previous = None
    for para in layout.paragraphs:
        if para.duplicate_of is not None:
            continue
        match = _POST_SIGNATURE.search(text, para.start, para.end)
        if match and match.end() >= para.end - 1:
            start = para.start
            if match.start() - para.start < 3:
                if previous is None:
                    continue
                start = previous.start  # the signature sits on a line of its own
            while start < match.start() and text[start] in OPEN_MARKS + AMBIGUOUS_MARKS + " ":
                start += 1
            posts.append(
                Post(
                    start,
                    match.start(),
                    match.group("author").strip(),
                    match.group("handle"),
                    match.group("date"),
                    match.start(),
                )
            )
        previous = para
    return posts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    strip = " \t\n" + OPEN_MARKS + CLOSE_MARKS + AMBIGUOUS_MARKS + "‘"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


_QuoteIndex = tuple[list[int], list["Quote"]]


def find_units(doc_id: str, text: str, layout: Layout) -> tuple[list[Unit], list[Quote]]:
    """Every sentence as a unit: the quoted part of a mostly quoted sentence, the words of
    an embedded post, or else the whole sentence as possible reported speech."""
    quotes = find_quotes(text, layout)
    by_start = sorted(quotes, key=lambda q: (q.start, q.end))
    reach = list(accumulate((q.end for q in by_start), max))  # nested quotes included
    ordered: _QuoteIndex = (reach, by_start)
    posts = find_posts(text, layout)
    units: list[Unit] = []
    for index, sentence in enumerate(layout.sentences):
        if any(
            p.signature_start <= sentence.start < p.end + 80
            and sentence.start <= p.signature_start + 3
            for p in posts
        ):
            continue  # the signature line itself
        post = next((p for p in posts if p.start <= sentence.start < p.signature_start), None)
        if post is not None:
            end = min(sentence.end, post.end)
            while (link := _TRAILING_LINK.search(text, sentence.start, end)) is not None:
                end = link.start()  # "… https://t.co/x": the post's link, not its words
            tail = _POST_CREDIT.search(text, sentence.start, end)
            start, end = _trim(text, sentence.start, tail.start() if tail else end)
            if _words(text[start:end]) >= 3:
                units.append(
                    Unit(
                        doc_id,
                        start,
                        end,
                        PassageKind.POST,
                        index,
                        sentence.paragraph,
                        post.author,
                        None,
                        post.date_text,
                    )
                )
            continue
        units.extend(
            _sentence_units(doc_id, text, index, sentence, _overlapping(ordered, sentence))
        )
    return units, quotes


# Words of an outlet's framing around a quotation: who said it, where, when, in what.
_FRAMING = frozenset(
    (
        "the a an of in on at to by for from with during after before that as its his her "
        "their and also was were is has had have been be who which according reported "
        "reportedly quoted quoting said says saying added adding stated statement readout "
        "release released issued issuing speaking spoke call phone telephone conversation "
        "talks spokesperson spokesman spokeswoman "
        "official officials department ministry office government foreign state secretary "
        "minister president prime spokesperson's counterpart today yesterday earlier later "
        "late morning evening night"
    ).split()
) | frozenset(WEEKDAYS)


def _only_framing(text: str, sentence: Sentence, quoted: list[tuple[int, int, Quote]]) -> bool:
    """Is everything around the quotations framing: names, titles, a reporting verb, the
    call and the day ("The State Department said Secretary Blinken “…” on Monday")?"""
    pieces, at = [], sentence.start
    for s, e, _ in sorted(quoted, key=lambda x: x[0]):
        pieces.append(text[at:s])
        at = max(at, e)
    pieces.append(text[at : sentence.end])
    for word in re.findall(r"[\w’'-]+", " ".join(pieces)):
        if word[:1].isupper() or word[:1].isdigit():
            continue  # a name, a title, a date
        if strip_possessive(word.casefold()) not in _FRAMING:
            return False
    return True


def _runs_into_quote(text: str, start: int, quote_start: int) -> bool:
    """Does the outlet's own clause carry on into the quotation, with no comma or colon
    between ("Blinken “reiterated …”", "Rubio said “the …”"), the quotation going on in
    lower case? Then the words around it are reported speech, however few."""
    lead = text[start:quote_start].rstrip(" \t" + OPEN_MARKS + AMBIGUOUS_MARKS + OPEN_SINGLE)
    return bool(lead) and lead[-1].isalnum() and text[quote_start : quote_start + 1].islower()


def _overlapping(ordered: _QuoteIndex, sentence: Sentence) -> list[Quote]:
    """The quotes that reach into a sentence, found by bisection on how far the quotes so
    far reach, so a paragraph of thousands of quotes costs n log n, not n squared."""
    ends, quotes = ordered
    out = []
    for i in range(bisect_right(ends, sentence.start), len(quotes)):
        if quotes[i].start >= sentence.end:
            break
        out.append(quotes[i])
    return out


def _sentence_units(
    doc_id: str, text: str, index: int, sentence: Sentence, quotes: list[Quote]
) -> list[Unit]:
    sentence_words = _words(text[sentence.start : sentence.end])
    quoted: list[tuple[int, int, Quote]] = []
    for quote in quotes:
        start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
        if end > start:
            start, end = _trim(text, start, end)
            if end > start:
                quoted.append((start, end, quote))
    quoted_words = sum(_words(text[s:e]) for s, e, _ in quoted)
    whole = any(
        _words(text[s:e]) >= 4
        and text[s].isupper()
        and (
            not re.search(r"\w", text[e : sentence.end])
            or not re.search(r"\w", text[sentence.start : s])
        )
        for s, e, _ in quoted
    )

    def quote_unit(s: int, e: int, q: Quote, fragment: bool) -> Unit:
        return Unit(
            doc_id,
            s,
            e,
            PassageKind.QUOTE,
            index,
            sentence.paragraph,
            q.speaker,
            q.problem,
            fragment=fragment,
            quote_start=q.start,
            quote_end=q.end,
        )

    if quoted and quoted_words >= 3 and (quoted_words >= 0.5 * sentence_words or whole):
        units = [quote_unit(s, e, q, False) for s, e, q in quoted if _words(text[s:e]) >= 3]
        if (
            sentence_words - quoted_words >= 2
            and re.search(r"\w", text[sentence.start : quoted[0][0]])
            and (
                not _only_framing(text, sentence, quoted)
                or _runs_into_quote(text, sentence.start, quoted[0][0])
            )
        ):
            # a quotation inside reported speech ("Blinken “reiterated …” of the attacks"):
            # the reported speech around it is a witness of its own
            start, end = _trim(text, sentence.start, sentence.end)
            speaker = next((q.speaker for _, _, q in quoted if q.speaker), None)
            units.append(
                Unit(
                    doc_id,
                    start,
                    end,
                    PassageKind.PARAPHRASE,
                    index,
                    sentence.paragraph,
                    speaker,
                    around_quote=True,
                )
            )
        return units
    if quoted and quoted_words >= 4 and _only_framing(text, sentence, quoted):
        # "The State Department said the Secretary “…”": the outlet's lead-in is no
        # version of the readout; the witness is the quotation alone.
        return [quote_unit(s, e, q, False) for s, e, q in quoted if _words(text[s:e]) >= 3]
    start, end = _trim(text, sentence.start, sentence.end)
    speaker = next((q.speaker for _, _, q in quoted if q.speaker), None)
    units = []
    if ENDS_LIKE_A_SENTENCE.search(text[sentence.start : sentence.end]) or sentence_words >= 15:
        # a headline or a section heading is no report of what was said
        units.append(
            Unit(doc_id, start, end, PassageKind.PARAPHRASE, index, sentence.paragraph, speaker)
        )
    units.extend(quote_unit(s, e, q, True) for s, e, q in quoted if _words(text[s:e]) >= 2)
    return units
