"""`check`'s pure core: articles and sources in, a `CheckReport` out.

No I/O: the command reads files and renders the report. Articles are independent of
one another once the sources are indexed, so a large run is split over worker
processes that inherit the index.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..attribute import CALL_NOUNS, SPEAKING_VERBS, call_partners
from ..entities import Cast, canonicalise, detect_cast, entity_of
from ..model import Document
from ..normalise import Token, tokenise
from .config import CheckConfig
from .match import Piece, Placement, SourceIndex, candidates, exact, nearest, pieces
from .model import (
    CheckReport,
    Finding,
    Location,
    Marker,
    ParaphraseCheck,
    Quote,
    QuoteCheck,
    SourceSpan,
    Verdict,
)
from .quotes import Extracted, Locator, extract
from .rules import RULES
from .speakers import SpeakerKind, Voices, classify, source_voices
from .verdicts import clip, differences, judge, moved

if TYPE_CHECKING:  # numpy and the sentence index load only with --paraphrase
    from .paraphrase import SentenceIndex

_CONTENT = re.compile(r"[^\W\d_]{4,}")
PARALLEL_FROM = 64  # articles; below this a worker pool costs more than it saves


@dataclass(frozen=True, slots=True)
class Article:
    """A document to check, with the decoded text of its file for line numbers."""

    doc: Document
    raw: str | None = None


@dataclass
class Sources:
    """Everything read from the sources once: index, cast, voices, calls, locations."""

    index: SourceIndex
    cast: Cast
    voices: Voices
    calls: list[str | None]  # per source: the counterpart of the call it reports
    locators: list[Locator]
    paraphrase: SentenceIndex | None = None  # when --paraphrase is on

    _kinds: dict[str | None, SpeakerKind] = field(default_factory=dict)
    _vocabulary: frozenset[str] | None = None

    def has_word_of(self, text: str) -> bool:
        """Does any source carry one of these content words (4+ letters, case aside)?"""
        if self._vocabulary is None:
            self._vocabulary = frozenset(
                w.casefold() for s in self.index.sources for w in _CONTENT.findall(s.doc.text)
            )
        return any(w.casefold() in self._vocabulary for w in _CONTENT.findall(text))

    def speaker_kind(self, phrase: str | None) -> SpeakerKind:
        """`classify`, remembered: the same few attributions recur in every article."""
        kind = self._kinds.get(phrase)
        if kind is None:
            kind = self._kinds[phrase] = classify(phrase, self.voices)
        return kind

    def label(self, person: str | None) -> str | None:
        found = self.cast.counterpart(person) if person else None
        return found.label if found else None


def prepare(sources: Sequence[Article], config: CheckConfig) -> Sources:
    """Index the sources and read from them who they speak for and which call each reports."""
    docs = [s.doc for s in sources]
    cast = detect_cast([d.text for d in docs])
    index = SourceIndex(docs)
    calls = [_call_of(source.tokens, cast) for source in index.sources]
    prepared = Sources(
        index,
        cast,
        source_voices(cast, [d.text for d in docs], config.speakers),
        calls,
        [Locator(d.path, d.text, s.raw) for d, s in zip(docs, sources, strict=True)],
    )
    if config.paraphrase:
        from .paraphrase import SentenceIndex

        prepared.paraphrase = SentenceIndex(docs, cast)
    return prepared


def _call_of(tokens: Sequence[Token], cast: Cast) -> str | None:
    """The counterpart a source names most (first on a tie): the call it reports."""
    named = Counter(
        e
        for e in (entity_of(t) for t in canonicalise(tokens, cast.gazetteer))
        if e is not None and cast.counterpart(e)
    )
    return named.most_common(1)[0][0] if named else None  # ties: the first named


@dataclass
class ArticleResult:
    quotes: list[QuoteCheck] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    paraphrases: list[ParaphraseCheck] = field(default_factory=list)


def check(
    articles: Sequence[Article], sources: Sequence[Article], config: CheckConfig, workers: int = 1
) -> CheckReport:
    """Check every quote of every article against the sources."""
    prepared = prepare(sources, config)
    results = list(_map(articles, prepared, config, workers))
    against = Against(
        "sources", tuple(s.doc.path for s in sources), tuple(prepared.voices.describe())
    )
    return build_report(against, articles, results, config)


# In a worker: the sources, inherited through fork rather than pickled with every task.
_SHARED: tuple[Sources, CheckConfig] | None = None


def _init(shared: tuple[Sources, CheckConfig]) -> None:
    global _SHARED
    _SHARED = shared


def _one(article: Article) -> ArticleResult:
    assert _SHARED is not None, "worker started without its sources"
    return check_article(article, *_SHARED)


def _map(
    articles: Sequence[Article], prepared: Sources, config: CheckConfig, workers: int
) -> Iterator[ArticleResult]:
    """Results in article order, from worker processes when the run is large enough."""
    import multiprocessing

    if (
        workers <= 1
        or len(articles) < PARALLEL_FROM
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        yield from (check_article(a, prepared, config) for a in articles)
        return
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, context, initializer=_init, initargs=((prepared, config),)
    ) as pool:
        yield from pool.map(_one, articles, chunksize=max(1, len(articles) // (workers * 8)))


def check_article(article: Article, prepared: Sources, config: CheckConfig) -> ArticleResult:
    """One article's quotes, each placed, judged and turned into findings."""
    doc = article.doc
    locator = Locator(doc.path, doc.text, article.raw)
    extracted = extract(doc, locator)
    result = ArticleResult()
    index = prepared.index
    cut = [pieces(extracted.text, q.start, q.end, index.encoder) for q in extracted.quotes]
    kinds = [prepared.speaker_kind(q.speaker) for q in extracted.quotes]
    verbatim = [
        exact(index, p) if k != SpeakerKind.OTHER else [] for p, k in zip(cut, kinds, strict=True)
    ]
    pending = [
        i
        for i, (p, k) in enumerate(zip(cut, kinds, strict=True))
        if p and k != SpeakerKind.OTHER and not verbatim[i]
    ]
    near = dict(
        zip(
            pending,
            candidates(index, ["".join(x.code for x in cut[i]) for i in pending]),
            strict=True,
        )
    )
    for i, quote in enumerate(extracted.quotes):
        if not cut[i]:
            continue
        case = _Case(
            quote,
            cut[i],
            kinds[i],
            verbatim[i],
            near.get(i, []),
            _pinned(extracted, quote, prepared),
        )
        checked = _check_quote(case, prepared, config, doc.text)
        result.quotes.append(checked)
        result.findings.extend(silence(quote_findings(checked), quote.marker))
    if config.paraphrase and prepared.paraphrase is not None:
        from .paraphrase import check_paraphrases

        found = check_paraphrases(doc, extracted, locator, prepared.paraphrase, prepared.cast)
        result.paraphrases.extend(found)
        result.findings.extend(
            Finding("RD009", "; ".join(p.changes), p.location, p.span) for p in found
        )
    used = {f.suppressed_by for f in result.findings if f.suppressed_by is not None}
    result.findings.extend(marker_problems(extracted.markers, used))
    return result


@dataclass(frozen=True, slots=True)
class _Case:
    """One quotation and what is known of it before it is judged."""

    quote: Quote
    cut: list[Piece]  # its words, split at elisions
    kind: SpeakerKind  # who it is credited to
    verbatim: list[Placement]  # where the sources carry it word for word
    near: list[int]  # else the sources nearest to it
    pinned: str | None  # the call the article's own words pin it on


def _check_quote(case: _Case, prepared: Sources, config: CheckConfig, text: str) -> QuoteCheck:
    """A quotation's verdict: not checked, unsourced, or judged against where it is from."""
    quote, kind = case.quote, case.kind
    if kind == SpeakerKind.OTHER:
        return QuoteCheck(
            quote,
            Verdict.NOT_CHECKED,
            kind.value,
            pinned_call=prepared.label(case.pinned),
            note=f"credited to {quote.speaker}, whom the sources do not speak for",
        )
    placement = _placement(case, prepared, config)
    if isinstance(placement, QuoteCheck):
        return placement
    source = prepared.index.sources[placement.source]
    found = differences(source, placement, case.cut, text, prepared.cast.gazetteer)
    judgement = judge(
        found,
        placement.reordered,
        config.allow_spelling_variants,
        moved(found, source, placement, prepared.index.encoder),
    )
    return QuoteCheck(
        quote,
        judgement.verdict,
        kind.value,
        _span(placement, prepared),
        judgement.differences,
        prepared.label(case.pinned),
        problems=judgement.problems,
    )


def _placement(case: _Case, prepared: Sources, config: CheckConfig) -> Placement | QuoteCheck:
    """Where a quotation is from: its verbatim place (on the pinned call's source first),
    else its nearest source; or its verdict when it is from nowhere (unsourced, or scare
    quotes)."""
    quote, kind, pinned = case.quote, case.kind, case.pinned
    if case.verbatim:
        return min(
            case.verbatim,
            key=lambda p: (prepared.calls[p.source] != pinned, p.end - p.start, p.source),
        )
    pinned_label = prepared.label(pinned)
    tried = [nearest(prepared.index, s, case.cut) for s in case.near]
    if not tried:
        if kind == SpeakerKind.NONE and _scare(quote, prepared):
            return _scare_quote(quote, kind, pinned_label)
        return QuoteCheck(
            quote,
            Verdict.UNSOURCED,
            kind.value,
            pinned_call=pinned_label,
            note=_searched(prepared, kind),
        )
    placement = max(
        tried,
        key=lambda p: (round(p.similarity, 3), prepared.calls[p.source] == pinned, -p.source),
    )
    if kind == SpeakerKind.NONE and placement.similarity < ALTERED_FROM and _scare(quote, prepared):
        return _scare_quote(quote, kind, pinned_label)
    short = quote.words <= config.short_quote_words
    # heavily altered: judged against its nearest source, not only "unsourced"
    altered = not short and ALTERED_FROM <= placement.similarity < config.min_similarity
    if not altered and (short or placement.similarity < config.min_similarity):
        return QuoteCheck(
            quote,
            Verdict.UNSOURCED,
            kind.value,
            _span(placement, prepared),
            pinned_call=pinned_label,
            note=_searched(prepared, kind),
        )
    return placement


ALTERED_FROM = 0.45
"""A quotation this alike to its nearest source (and under `min-similarity`) is reported
as altered from it: a heavy rewrite of real words, not an invention."""


def _searched(prepared: Sources, kind: SpeakerKind) -> str | None:
    """For a quotation credited to a voice of the sources: which sources were searched."""
    if kind != SpeakerKind.SOURCE:
        return None
    names = [PurePath(s.doc.path).name for s in prepared.index.sources]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"searched {shown}"


def _scare(quote: Quote, prepared: Sources) -> bool:
    """A name or a scare quote: one to three words ("constructive", "muddy the waters"),
    or words that are all capitalised (an operation's name, "Operation Sindoor"), none of
    whose words any source carries ("fresh commitment" beside a source's "continued
    commitment" may be a misquoted fragment, and stays an error)."""
    words = quote.text.split()
    named = all(w[:1].isupper() for w in words if w[:1].isalpha())
    return (len(words) <= 3 or named) and not prepared.has_word_of(quote.text)


def _scare_quote(quote: Quote, kind: SpeakerKind, pinned: str | None) -> QuoteCheck:
    return QuoteCheck(
        quote,
        Verdict.NOT_CHECKED,
        kind.value,
        pinned_call=pinned,
        note="a name or a scare quote credited to no one, and no source has words like it",
    )


def _span(placement: Placement, prepared: Sources) -> SourceSpan | None:
    source = prepared.index.sources[placement.source]
    if placement.end <= placement.start:
        return None
    start = source.tokens[source.words[placement.start]].start
    end = source.tokens[source.words[placement.end - 1]].end
    return SourceSpan(
        source.doc.id,
        source.doc.path,
        start,
        end,
        source.doc.text[start:end],
        prepared.locators[placement.source].span(start, end),
        round(placement.similarity, 3),
        prepared.label(prepared.calls[placement.source]),
    )


_NOT_PINS = SPEAKING_VERBS | {"speaks"}  # "X speaks with Y" pins nothing either


_CALL_PHRASE = re.compile(
    rf"\b(?:{'|'.join(sorted(CALL_NOUNS))})\b\W+(?:\w+\W+){{0,3}}?(?:with|of|on|between)\b",
    re.IGNORECASE,
)


def _pinned(extracted: Extracted, quote: Quote, prepared: Sources) -> str | None:
    """The one call the article's own words around the quote pin it on, if any.

    "In a readout of the call with X" pins; "Rubio spoke with X and Y, urging..." only
    tells what calls there were, so verbs of speaking are not read as pins, and a
    sentence that names another counterpart too pins nothing.
    """
    text = extracted.text
    around = [
        s for s in extracted.layout.sentences if s.end >= quote.start and s.start <= quote.end
    ]
    if not any(_CALL_PHRASE.search(text, s.start, s.end) for s in around):
        return None  # no call phrase: nothing to pin (and no need to tokenise)
    tokens: list[Token] = []
    for sentence in around:
        tokens.extend(
            t
            for t in canonicalise(
                tokenise(text[sentence.start : sentence.end], sentence.start),
                prepared.cast.gazetteer,
            )
            if (t.end <= quote.start or t.start >= quote.end) and t.norm.casefold() not in _NOT_PINS
        )
    partners = call_partners(tokens, prepared.cast)
    if len(partners) != 1:
        return None
    named = set()
    for entity in (entity_of(t) for t in tokens):
        if entity and entity.startswith("person:") and prepared.cast.counterpart(entity):
            named.add(entity)
        elif entity and entity.startswith("country:"):
            named.update(p.id for p in prepared.cast.counterparts if p.country == entity)
    return partners[0] if named <= {partners[0]} else None


def quote_findings(checked: QuoteCheck) -> list[Finding]:
    quote = checked.quote
    out: list[Finding] = []
    where = quote.location
    if quote.unclosed:
        out.append(
            Finding(
                "RD005", "closing quotation mark missing; checked to the end of its sentence", where
            )
        )
    if quote.unopened:
        out.append(
            Finding(
                "RD005",
                "closing quotation mark with no opening mark; checked from "
                "the start of its paragraph",
                where,
            )
        )
    if checked.verdict == Verdict.NOT_CHECKED:
        out.append(Finding("RD008", f"not checked: {checked.note}", where))
        return out
    if checked.verdict == Verdict.UNSOURCED:
        who = f"credited to {quote.speaker}" if quote.speaker else "credited to no one"
        if checked.note:
            who += f", a voice of the sources; {checked.note}"
        near = checked.span
        hint = (
            f'; nearest: "{clip(near.text)}" ({_place(near.location)}, {near.similarity:.0%} alike)'
            if near
            else "; no source has words like it"
        )
        out.append(
            Finding("RD001", f'no source says "{clip(quote.text)}" ({who}){hint}', where, near)
        )
        return out
    out.extend(Finding(code, message, where, checked.span) for code, message in checked.problems)
    span = checked.span
    if span and checked.pinned_call and span.call and span.call != checked.pinned_call:
        out.append(
            Finding(
                "RD006",
                f"pinned on the call with {checked.pinned_call}, but these "
                f"words are from the readout of the call with {span.call} "
                f"({_place(span.location)})",
                where,
                span,
            )
        )
    return out


def _place(location: Location) -> str:
    return f"{location.path}:{location.line}:{location.column}"


def silence(findings: list[Finding], marker: Marker | None) -> list[Finding]:
    """Findings a quote's marker names carry the marker's reason and no longer count."""
    if marker is None:
        return findings
    return [
        replace(f, suppressed=marker.reason or "no reason given", suppressed_by=marker.start)
        if f.code in marker.codes
        else f
        for f in findings
    ]


def marker_problems(markers: Sequence[Marker], used: set[int]) -> list[Finding]:
    """Markers that name no known rule, silence nothing, or give no reason."""
    out: list[Finding] = []
    for marker in markers:
        unknown = [c for c in marker.codes if c not in RULES]
        if not marker.codes:
            out.append(Finding("RD010", "ignore marker names no rule code", marker.location))
        elif unknown:
            out.append(
                Finding(
                    "RD010",
                    f"ignore marker names unknown code {', '.join(unknown)}",
                    marker.location,
                )
            )
        elif marker.start not in used:
            out.append(
                Finding(
                    "RD010",
                    f"ignore marker for {', '.join(marker.codes)} silences "
                    "nothing on the quote that follows it",
                    marker.location,
                )
            )
        if marker.codes and not marker.reason:
            out.append(Finding("RD010", 'ignore marker gives no reason="..."', marker.location))
    return out


@dataclass(frozen=True, slots=True)
class Against:
    """What the quotes were checked against: the sources (their paths, and the voices they
    speak for) or the outlets' consensus."""

    mode: str  # "sources" or "consensus"
    sources: tuple[str, ...] = ()
    voices: tuple[str, ...] = ()


def build_report(
    against: Against,
    articles: Sequence[Article],
    results: Sequence[ArticleResult],
    config: CheckConfig,
) -> CheckReport:
    codes = config.codes
    return CheckReport(
        mode=against.mode,
        articles=tuple(dict.fromkeys(a.doc.path for a in articles)),
        sources=against.sources,
        quotes=tuple(q for r in results for q in r.quotes),
        findings=tuple(f for r in results for f in r.findings if f.code in codes),
        paraphrases=tuple(p for r in results for p in r.paraphrases),
        voices=against.voices,
        enabled=codes,
    )
