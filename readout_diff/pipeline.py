"""The engine, stage by stage: load, lay out, find passages, align, attribute, diff, contrast.

`run` takes in-memory sources and returns a `Result`; it does no I/O of its own. The
counterpart's side (its own account kept out of the caller's readout, and its own readout)
is `counterpart`'s.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import wraps
from typing import ParamSpec, TypeVar

from .align import (
    NOT_WORDED_AS_A_READOUT,
    Aligner,
    Candidate,
    Cluster,
    Encoder,
    OfficialSentence,
)
from .attribute import (
    SPEECH_WORDS,
    DocumentContext,
    call_dates,
    call_partners,
    document_partners,
    entity_weights,
    gather,
    in_issuer_voice,
    is_first_person,
    readout_style,
)
from .contrast import contrast
from .counterpart import (
    Side,
    UnitInContext,
    counterpart_readouts,
    counterpart_subject,
    lead_and_unit,
    side_of,
    speaker_is_counterpart,
)
from .dates import leading_date_line, parse_date
from .differences import content_keys
from .documents import MAX_BYTES, InputProblem, latest_full_date, parse
from .entities import (
    PRINCIPAL,
    Cast,
    Person,
    canonicalise,
    detect_cast,
    entity_of,
    extend_cast,
    person_key,
)
from .errors import PARSE_FAILURES
from .identity import counterpart_key, identify, identify_counterpart_side
from .model import (
    Document,
    InputError,
    Notice,
    Passage,
    PassageKind,
    Readout,
    ReadoutKey,
    Result,
    Role,
    Source,
    Witness,
)
from .normalise import Token, tokenise
from .passages import ENDS_LIKE_A_SENTENCE, Unit, find_units
from .readouts import Placement, ReadoutSpec, place, snap_dates, widen_to_twins
from .scanning import starting_with
from .segment import Layout, layout
from .speech import clauses
from .witnesses import Measuring, build_sentence

Progress = Callable[[str, int, int], None]
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Options:
    """Knobs a user may turn."""

    ignore_case: bool = False  # case differences are not reported at all
    max_bytes: int = MAX_BYTES


@dataclass
class _Prepared:
    doc: Document
    layout: Layout
    sentence_tokens: list[list[Token]]
    units: list[Unit]
    sentence_ends: list[int] = field(default_factory=list)  # for bisecting by offset
    context: DocumentContext | None = None
    group: str = ""


# One readout's share of a sentence: the cluster, its witnesses there, and for each
# witness pinned on another call, that call's readout id.
Entry = tuple[Cluster, list[Candidate], dict[int, str]]


@dataclass
class OfficialSentenceGroup:
    """An official text's sentences and the readout it stands for."""

    doc: Document
    sentences: list[OfficialSentence]
    key: ReadoutKey = ReadoutKey("")


@dataclass(frozen=True, slots=True)
class _Setting:
    """What every readout of a run is built against."""

    cast: Cast
    specs: Sequence[ReadoutSpec]
    officials: list[OfficialSentenceGroup]
    official_keys: list[ReadoutKey]  # the readout each official text stands for
    options: Options


def _load(
    sources: Sequence[Source], options: Options
) -> tuple[list[Document], list[InputError], list[Notice]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    notices: list[Notice] = []
    used: set[str] = set()
    for source in sources:
        data = (
            source.data.encode("utf-8", "replace") if isinstance(source.data, str) else source.data
        )  # a lone surrogate in a Python string becomes "?"
        try:
            parsed, note = parse(source.name, data, source.role, options.max_bytes)
        except InputProblem as problem:
            errors.append(InputError(source.name, str(problem)))
            continue
        except PARSE_FAILURES as problem:
            # An extractor choking on one file must not lose the others.
            errors.append(InputError(source.name, f"cannot be parsed: {problem}"))
            continue
        if note:
            notices.append(Notice(source.name, note))
        for doc in parsed:
            doc_id, n = doc.id, 1
            while doc_id in used:  # a/x.txt, b/x.txt: x, x-2 (and x-3 if x-2 is taken)
                n += 1
                doc_id = f"{doc.id}-{n}"
            used.add(doc_id)
            docs.append(replace(doc, id=doc_id))
    return docs, errors, notices


def _body_start(text: str) -> int:
    line = leading_date_line(text)
    return line[1] if line else 0


def _prepare(doc: Document) -> _Prepared:
    lay = layout(doc.text, _body_start(doc.text))
    units, _ = find_units(doc.id, doc.text, lay)
    return _Prepared(doc, lay, [], units)


def _mark_copies(prepared: list[_Prepared]) -> list[_Prepared]:
    """Wire copies (the same paragraphs under other bylines) form one group."""
    keys: list[set[str]] = []
    for prep in prepared:
        keys.append({p.key for p in prep.layout.paragraphs if p.end - p.start > 40})
    holders: defaultdict[str, list[int]] = defaultdict(list)  # paragraph -> documents
    for i in sorted(range(len(prepared)), key=lambda i: prepared[i].doc.id):
        prepared[i].group = prepared[i].doc.id
        shared: Counter[int] = Counter(j for key in keys[i] for j in holders[key])
        for j in sorted(shared, key=lambda j: prepared[j].doc.id):
            union = len(keys[i] | keys[j])
            if union and shared[j] / union >= 0.8 and prepared[j].doc.copy_of is None:
                prepared[i].doc = replace(prepared[i].doc, copy_of=prepared[j].doc.id)
                prepared[i].group = prepared[j].group
                break
        for key in keys[i]:
            holders[key].append(i)
    return prepared


_DATE_STAMP = starting_with(
    "fpu",
    r"(?:posted|published|first\s+published|updated)\s*(?:on\s*)?:?\s*"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})",
    re.IGNORECASE,
    word=True,
)


def _printed_date(prep: _Prepared) -> str | None:
    """A publication date the article prints: a "Published ..." stamp, else its latest
    full date outside the page chrome."""
    text = prep.doc.text
    stamp = _DATE_STAMP.search(text)
    if stamp and (day := parse_date(stamp.group(1))):
        return day.isoformat()
    kept = "\n".join(text[p.start : p.end] for p in prep.layout.paragraphs)
    return latest_full_date(kept)


def _call_day(prep: _Prepared, default_year: int) -> str | None:
    """The day the article's call sentence names ("on Thursday (May 8)"): what dates an
    article that prints no full date."""
    spans = tuple((s.start, s.end, s.paragraph) for s in prep.layout.sentences)
    days = [day for _, day, _ in call_dates(prep.doc.text, spans, None, default_year)]
    return max(days).isoformat() if days else None


def _default_year(docs: Sequence[Document]) -> int | None:
    years = Counter(int(d.date[:4]) for d in docs if d.date)
    return years.most_common(1)[0][0] if years else None


def _tokens_in(sentence_tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in sentence_tokens if t.start >= start and t.end <= end]


def _cyclic_gc_paused(engine: Callable[P, T]) -> Callable[P, T]:
    """Run without Python's cyclic garbage collector, then restore it as it was. A long
    article makes millions of tokens that live until the run ends, and the collector
    would walk them all again and again: a tenth of the time on a 5 MB input. Reference
    counting still frees whatever the run drops; the few reference cycles it makes
    (candidates and the sentences they joined) are collected once it returns."""

    @wraps(engine)
    def paused(*args: P.args, **kwargs: P.kwargs) -> T:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return engine(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_cyclic_gc_paused
def run(
    sources: Sequence[Source],
    specs: Sequence[ReadoutSpec] = (),
    options: Options = Options(),
    progress: Progress | None = None,
) -> Result:
    """Analyse every source; bad inputs become errors, the rest is still analysed.

    Sources are taken in name order, so the order they are given in changes nothing."""
    prepared, errors, notices = _read(sources, options, progress)
    default_year = _date_documents(prepared, notices)
    docs = [p.doc for p in prepared]
    cast = _cast_of(prepared, specs)
    encoder = Encoder()
    sides: dict[int, Side] = {}  # candidates of the counterpart's side
    officials = _read_officials(prepared, cast, encoder, default_year, specs)
    candidates = [
        candidate
        for prep in prepared
        if prep.doc.role == Role.REPORT
        for candidate in _candidates_of(prep, cast, encoder, sides)
    ]
    if progress:
        progress("passages", len(candidates), len(docs))
    calls = _announced_calls(prepared, cast)
    aligner = Aligner(cast, [s for g in officials for s in g.sentences])
    leftovers = aligner.run(candidates)
    official_keys = _date_undated_officials([g.key for g in officials], aligner.clusters)
    setting = _Setting(cast, specs, officials, official_keys, options)
    readouts, unassigned = _build_readouts(aligner.clusters, calls, setting)
    readouts, unfounded = _with_a_call(readouts, cast, calls)
    unassigned.extend(unfounded)
    by_id = {d.id: d for d in docs}
    call_days = {
        p.doc.id: {day.isoformat() for _, day, _ in p.context.call_dates}
        for p in prepared
        if p.context is not None
    }
    readouts = [identify(r, cast, by_id, call_days, specs) for r in readouts]
    own_side, taken = counterpart_readouts(
        [c for c in leftovers if id(c) in sides], sides, readouts, cast
    )
    for key, sentences in own_side:
        entries: list[Entry] = [(c, members, {}) for c, members in sentences]
        readout = _readout(key, entries, replace(setting, officials=[], official_keys=[]))
        readouts.append(identify_counterpart_side(readout, cast, by_id, call_days, specs))
    unassigned.extend(
        _passage(c, c.reason or "matches no readout sentence")
        for c in leftovers
        if c.unit.kind != PassageKind.PARAPHRASE and not c.fragment and id(c) not in taken
    )
    notices.extend(_without_readouts(docs, readouts))
    unassigned.sort(key=lambda p: (p.document, p.start))
    return Result(
        documents=tuple(sorted(docs, key=lambda d: d.id)),
        readouts=tuple(readouts),
        contrasts=tuple(contrast(readouts, cast)),
        unassigned=tuple(unassigned),
        errors=tuple(errors),
        notices=tuple(notices),
    )


def _read(
    sources: Sequence[Source], options: Options, progress: Progress | None
) -> tuple[list[_Prepared], list[InputError], list[Notice]]:
    """Load every source in name order, lay each out, and group wire copies."""
    ordered = sorted(sources, key=lambda s: (s.role != Role.OFFICIAL, s.name))
    docs, errors, notices = _load(ordered, options)
    prepared = []
    for number, doc in enumerate(docs, 1):
        prepared.append(_prepare(doc))
        if progress:
            progress("read", number, len(docs))
    return _mark_copies(prepared), errors, notices


def _date_documents(prepared: list[_Prepared], notices: list[Notice]) -> int | None:
    """Date the undated from their text; an official text dated only by its file name
    says so. Returns the year most documents share (for dates printed without one)."""
    undated = [p for p in prepared if p.doc.date is None]
    printed = [_printed_date(p) for p in undated]
    default_year = _default_year(
        [p.doc for p in prepared]
        + [replace(p.doc, date=day) for p, day in zip(undated, printed, strict=True)]
    ) or _default_year(  # no dated text at all: a year printed anywhere, a caption's too
        [replace(p.doc, date=latest_full_date(p.doc.text)) for p in prepared]
    )
    for prep, found in zip(undated, printed, strict=True):
        # an official text's "today" is dated by the articles that report it
        if found is None and default_year is not None and prep.doc.role != Role.OFFICIAL:
            found = _call_day(prep, default_year)
        prep.doc = replace(prep.doc, date=found, date_source="text" if found else None)
    notices.extend(
        Notice(p.doc.path, "dated from its file name: no date in its text or metadata")
        for p in prepared
        if p.doc.role == Role.OFFICIAL and p.doc.date_source == "file name"
    )
    return default_year


def _cast_of(prepared: list[_Prepared], specs: Sequence[ReadoutSpec]) -> Cast:
    """Who made the calls and who received them, with the readouts file's names added."""
    cast = detect_cast(
        [p.doc.text for p in prepared if p.doc.role == Role.REPORT],
        official=[p.doc.text for p in prepared if p.doc.role == Role.OFFICIAL],
    )
    return extend_cast(cast, specs) if specs else cast


def _read_officials(
    prepared: list[_Prepared],
    cast: Cast,
    encoder: Encoder,
    default_year: int | None,
    specs: Sequence[ReadoutSpec],
) -> list[OfficialSentenceGroup]:
    """Tokenise every document against the cast and give it its context; each official
    text becomes a group of fixed base sentences of the readout it stands for."""
    officials = []
    for prep in prepared:
        _give_context(prep, cast, default_year)
        if prep.doc.role == Role.OFFICIAL:
            group = OfficialSentenceGroup(prep.doc, _official_sentences(prep, encoder))
            group.key = _official_readout(group, cast, specs)
            for sentence in group.sentences:
                sentence.readout = group.key
                sentence.day = group.key.day
            officials.append(group)
    return officials


def _give_context(prep: _Prepared, cast: Cast, default_year: int | None) -> None:
    text = prep.doc.text
    prep.sentence_tokens = [
        canonicalise(tokenise(text[s.start : s.end], s.start), cast.gazetteer)
        for s in prep.layout.sentences
    ]
    prep.sentence_ends = [s.end for s in prep.layout.sentences]
    reference = parse_date(prep.doc.date) if prep.doc.date else None
    spans = tuple((s.start, s.end, s.paragraph) for s in prep.layout.sentences)
    post_dates = {
        u.sentence: d for u in prep.units if u.post_date for d in [parse_date(u.post_date)] if d
    }
    prep.context = DocumentContext(
        text,
        spans,
        reference,
        call_dates(text, spans, reference, default_year, post_dates),
        tuple(tuple(t) for t in prep.sentence_tokens),
        document_partners(prep.sentence_tokens, cast),
    )


def _official_sentences(prep: _Prepared, encoder: Encoder) -> list[OfficialSentence]:
    """An official text's sentences, each a fixed base (its readout is set once known)."""
    text = prep.doc.text
    return [
        OfficialSentence(
            prep.doc,
            ReadoutKey(f"doc:{prep.doc.id}"),
            s.start,
            s.end,
            toks,
            encoder.encode(content_keys(toks)),
        )
        for s, toks in zip(prep.layout.sentences, prep.sentence_tokens, strict=True)
        if any(t.is_word for t in toks)
        # a page title or "Published 14 September" is not the readout
        and ENDS_LIKE_A_SENTENCE.search(text[s.start : s.end])
    ]


def _announced_calls(prepared: list[_Prepared], cast: Cast) -> Counter[tuple[str, dt.date]]:
    """The (counterpart, day) calls the articles announce, with how often."""
    calls: Counter[tuple[str, dt.date]] = Counter()
    for prep in prepared:
        if prep.context is None:
            continue
        for _, day, index in prep.context.call_dates:
            for partner in call_partners(prep.sentence_tokens[index], cast):
                calls[(partner, day)] += 1
    return calls


def _without_readouts(docs: list[Document], readouts: list[Readout]) -> list[Notice]:
    carried = {w.document for r in readouts for s in r.sentences for w in s.witnesses}
    return [
        Notice(d.path, "no readout passage found")
        for d in docs
        if d.role == Role.REPORT and d.id not in carried
    ]


def _candidates_of(
    prep: _Prepared, cast: Cast, encoder: Encoder, sides: dict[int, Side] | None = None
) -> list[Candidate]:
    """Every unit of a report as a candidate for alignment, with its evidence and, when
    it may not start a readout sentence of its own, why. Every passage `counterpart.side_of`
    gives a side (credited to their readout, a quotation they speak, reported speech, of
    their side or of none) goes into `sides`."""
    out = []
    for unit in prep.units:
        assert prep.context is not None
        toks = _tokens_in(prep.sentence_tokens[unit.sentence], unit.start, unit.end)
        reason = None
        context = _quote_context(prep, unit)
        issuer_voice = unit.kind == PassageKind.QUOTE and in_issuer_voice(
            toks, unit.speaker, context
        )
        if is_first_person(toks, issuer_voice):
            reason = "first-person remark, not readout wording"
        elif unit.speaker and speaker_is_counterpart(unit.speaker, cast):
            reason = f"credited to {unit.speaker}, not to the readout"
        elif third := _third_party_subject(toks, cast):
            reason = f"about {third}, who made calls of their own"
        elif own := counterpart_subject(lead_and_unit(prep.context, unit), cast):
            reason = f"the counterpart's own account ({own}), not the caller's readout"
        elif not _worded_as_readout(toks, prep, unit):
            reason = NOT_WORDED_AS_A_READOUT
        evidence = gather(unit, toks, prep.context, cast, context)
        candidate = Candidate(
            unit,
            prep.doc,
            toks,
            encoder.encode(content_keys(toks)),
            prep.group,
            unit.fragment,
            reason is None,
            reason,
            evidence,
        )
        if sides is not None:
            side = side_of(
                UnitInContext(prep.context, unit, toks, context), cast, credit=reason is not None
            )
            if side is not None:
                sides[id(candidate)] = side
        out.append(candidate)
        out.extend(_clauses_of(candidate, encoder))
    return out


def _clauses_of(whole: Candidate, encoder: Encoder) -> list[Candidate]:
    """Each clause of a sentence of reported speech that reports more than one thing
    ("…spoke with Abbas, calling on the PA to …"): a candidate that may join a readout
    sentence the whole did not, never found one."""
    unit = whole.unit
    if unit.kind != PassageKind.PARAPHRASE or whole.fragment or unit.around_quote:
        return []
    spans = clauses(whole.tokens)
    if len(spans) < 2:
        return []
    out = []
    for a, b in spans:
        toks = whole.tokens[a:b]
        part = replace(unit, start=toks[0].start, end=toks[-1].end)
        code = encoder.encode(content_keys(toks))
        out.append(
            Candidate(
                part,
                whole.doc,
                toks,
                code,
                whole.group,
                False,
                False,
                whole.reason,
                whole.evidence,
                part_of=whole,
            )
        )
    return out


_ANNOUNCES_CALL = starting_with(
    "hpst",
    r"(?:spoke|spoken|talked|phoned|held|had)\b(?:\s+\S+){0,3}?\s+"
    r"(?:with|to|calls?|talks|a\s+call|(?:phone|telephone)\s+(?:calls?|conversations?))\b",
    re.IGNORECASE,
    word=True,
)


def _worded_as_readout(tokens: list[Token], prep: _Prepared, unit: Unit) -> bool:
    """Readout wording by itself, or a quote whose lead-in gives it the subject
    ("the Secretary “welcomed ...”"), unless that lead-in is someone speaking."""
    founding = unit.kind == PassageKind.PARAPHRASE
    if founding and _ANNOUNCES_CALL.search(prep.doc.text, unit.start, unit.end):
        return False  # "X held back-to-back calls with ...": the outlet's story of the call
    if readout_style(tokens, founding=founding):
        return True
    if unit.kind != PassageKind.QUOTE:
        return False
    lead = [t for t in prep.sentence_tokens[unit.sentence] if t.end <= unit.start]
    speech = next((i for i, t in enumerate(lead) if t.norm.casefold() in SPEECH_WORDS), None)
    if speech is not None and any(
        (entity_of(t) or "").startswith(("person:", "country:")) for t in lead[:speech]
    ):
        return False  # "Armenia's ministry said the Secretary ...": not the readout's voice
    tail = lead[speech + 1 :] if speech is not None else lead
    return readout_style(tail + tokens)


def _quote_context(prep: _Prepared, unit: Unit) -> list[Token]:
    """Words around the whole quotation a unit belongs to: its lead-in and attribution."""
    if unit.quote_start is None or unit.quote_end is None:
        return []
    out: list[Token] = []
    sentences = prep.layout.sentences
    first = bisect_left(prep.sentence_ends, unit.quote_start)  # the first that reaches it
    for index in range(first, len(sentences)):
        if sentences[index].start > unit.quote_end:
            break
        tokens = prep.sentence_tokens[index]
        out.extend(t for t in tokens if t.end <= unit.quote_start or t.start >= unit.quote_end)
    return out


def _date_undated_officials(keys: list[ReadoutKey], clusters: list[Cluster]) -> list[ReadoutKey]:
    """An official text that names no day ("... spoke with X today.") takes the day its
    witnesses' articles give the call."""
    out = []
    for key in keys:
        if key.spec is not None or key.day is not None:
            out.append(key)
            continue
        votes: Counter[dt.date] = Counter()
        for cluster in clusters:
            if key in cluster.fixed:
                for member in cluster.members:
                    if member.strong_date:
                        votes[member.strong_date] += 1
        if not votes:
            out.append(key)
            continue
        dated = replace(key, day=max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0])
        for cluster in clusters:
            cluster.fixed = tuple(dated if k == key else k for k in cluster.fixed)
        out.append(dated)
    return out


def _third_party_subject(tokens: list[Token], cast: Cast) -> str | None:
    """A third party (or someone only a third party phoned) named before the principal
    ("Macron urged ...", "Hun Manet said ..."): another call's words."""
    third = {person_key(p): p.label for p in cast.third_parties + cast.elsewhere}
    for token in tokens:
        entity = entity_of(token)
        if entity == PRINCIPAL:
            return None
        if entity in third:
            return third[entity]
    return None


def _passage(cand: Candidate, note: str) -> Passage:
    text = cand.doc.text[cand.unit.start : cand.unit.end]
    return Passage(
        cand.doc.id, cand.unit.start, cand.unit.end, cand.unit.kind, text, cand.unit.speaker, note
    )


def _official_readout(
    group: OfficialSentenceGroup, cast: Cast, specs: Sequence[ReadoutSpec]
) -> ReadoutKey:
    """The readout an official text stands for: the spec that names it, else its own
    "spoke with X" and date."""
    for spec in specs:
        if spec.official and spec.official in (group.doc.path, group.doc.id):
            return _spec_key(spec)
    own = detect_cast([group.doc.text])
    text = group.doc.text
    main = max(
        own.counterparts,
        default=None,  # the most named, then the first named
        key=lambda p: (p.mentions, -text.find(p.label.split()[-1])),
    )
    counterpart = main.label.split()[-1].casefold() if main else None
    person = f"person:{counterpart}" if counterpart else _named_in(group, cast)
    day = group.doc.date  # its metadata, its file name's date, or its text's
    return ReadoutKey(person, dt.date.fromisoformat(day) if day else None)


def _named_in(group: OfficialSentenceGroup, cast: Cast) -> str:
    """A body-only official text ("The Secretary urged Armenia to ...") stands for the
    counterpart it names most, and most as the one urged or condoled; its file name
    stands for it only when it names none."""
    weights: defaultdict[str, float] = defaultdict(float)
    for sentence in group.sentences:
        for person, weight in entity_weights(sentence.tokens, cast).items():
            weights[person] += weight
    if not weights:
        return f"doc:{group.doc.id}"
    return max(weights.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _spec_key(spec: ReadoutSpec) -> ReadoutKey:
    return ReadoutKey(f"person:{spec.counterpart.split()[-1].casefold()}", spec=spec.id)


def _belongs(
    member: Candidate,
    person: str,
    keys: dict[str, ReadoutKey],
    cluster: Cluster,
) -> bool:
    """A witness the article pins on one call stays out of its twin's copy of a shared
    sentence, and out of a twin sentence it matched only as well as its own. Reported
    speech the article pins on another call never joins an official text's sentence of
    this one: its words are the outlet's, so only a quotation is kept where its words
    belong (with the claim noted)."""
    pin = member.evidence.explicit if member.evidence else None
    if pin is None or pin == person:
        return True
    if pin in keys or (member.unit.kind == PassageKind.PARAPHRASE and cluster.fixed):
        return False
    return not any(
        pin in {k.counterpart for k in other.fixed}
        for other in member.joined
        if other is not cluster
    )


def _placements(
    clusters: list[Cluster], calls: Counter[tuple[str, dt.date]]
) -> list[Placement | None]:
    """Each sentence's call: the readouts of its official text, else the counterparts and
    the day its witnesses name, snapped to the days of the strong sentences."""
    placements: list[Placement | None] = []
    strength: list[float] = []
    for cluster in clusters:
        if cluster.fixed:
            placements.append(
                Placement(tuple(k.counterpart for k in cluster.fixed), None, cluster.fixed)
            )
        else:
            placements.append(place(cluster, calls))
        strength.append(sum(m.weight for m in cluster.members))
    return widen_to_twins(snap_dates(placements, strength))


def _build_readouts(
    clusters: list[Cluster], calls: Counter[tuple[str, dt.date]], setting: _Setting
) -> tuple[list[Readout], list[Passage]]:
    specs, official_keys = setting.specs, setting.official_keys
    placements = _placements(clusters, calls)
    known = list(official_keys) + [
        _readout_key(p, placement.date, specs)
        for placement in placements
        if placement and not placement.fixed_readouts
        for p in placement.counterparts
    ]

    def claimed(person: str, day: dt.date | None) -> str | None:
        """The readout an article pins a passage on: that call's, when it was found (a
        call no readout was found for is named nowhere)."""
        for key in known:
            other = key.day
            if key.counterpart == person and (
                day is None or other is None or abs((other - day).days) <= 1
            ):
                return _rid(key)
        return None

    groups: dict[ReadoutKey, list[Entry]] = defaultdict(list)
    unassigned: list[Passage] = []
    for cluster, placement in zip(clusters, placements, strict=True):
        if placement is None:
            unassigned.extend(
                _passage(m, "no call or counterpart can be told from it")
                for m in cluster.members
                if not m.fragment and m.unit.kind != PassageKind.PARAPHRASE
            )
            continue
        if placement.fixed_readouts:
            keys = dict(zip(placement.counterparts, placement.fixed_readouts, strict=True))
            day = placement.fixed_readouts[0].day
        else:
            keys = {p: _readout_key(p, placement.date, specs) for p in placement.counterparts}
            day = placement.date
        if not placement.fixed_readouts and any(
            _same_call(k, o) for k in keys.values() for o in official_keys
        ):
            unassigned.extend(
                _passage(m, "not in the official text of its readout")
                for m in cluster.members
                if not m.fragment and m.unit.kind != PassageKind.PARAPHRASE
            )
            continue
        for person, key in keys.items():
            members = [m for m in cluster.members if _belongs(m, person, keys, cluster)]
            pinned = {
                id(m): claimed(m.evidence.explicit, day)
                for m in members
                if m.evidence and m.evidence.explicit and m.evidence.explicit != person
            }
            pinned.update(
                {
                    id(m): claimed(person, m.strong_date)
                    for m in members
                    if m.other_day and m.strong_date
                }
            )
            claims = {k: v for k, v in pinned.items() if v is not None}
            groups[key].append((cluster, members, claims))
    readouts = [
        _readout(key, groups[key], setting) for key in sorted(groups, key=lambda k: k.order)
    ]
    return _link_shared(_claims_that_exist(_one_readout_per_passage(readouts))), unassigned


def _word_keys(text: str) -> set[str]:
    return {t.key for t in tokenise(text) if t.is_word}


def _one_readout_per_passage(readouts: list[Readout]) -> list[Readout]:
    """A passage of an article stands in one readout. Where one stretch of a document is a
    witness in two readouts, it stays in both when its words are in both sentences (twins
    that share them); otherwise the sentence that holds more of its words keeps it (then
    the better match, the readout the rest of its article reports, the verbatim kind)."""
    spots = [
        (ri, si, wi, w)
        for ri, r in enumerate(readouts)
        for si, sentence in enumerate(r.sentences)
        for wi, w in enumerate(sentence.witnesses)
    ]
    per_doc: Counter[tuple[int, str]] = Counter((ri, w.document) for ri, _, _, w in spots)
    dropped: set[tuple[int, int, int]] = set()

    def rank(spot: tuple[int, int, int, Witness]) -> tuple[float, int, int, int, str]:
        ri, _, _, w = spot
        return (
            round(w.score, 2),
            per_doc[(ri, w.document)],
            w.kind != PassageKind.PARAPHRASE,
            -w.substantive_count,
            readouts[ri].id,
        )

    for i, j in _overlapping(spots):
        a, b = spots[i], spots[j]
        (ra, sa, _, wa), (rb, sb, _, wb) = a, b
        if ra == rb:
            continue
        passage = _word_keys(wa.text) | _word_keys(wb.text)
        missing_a = passage - _word_keys(readouts[ra].sentences[sa].text)
        missing_b = passage - _word_keys(readouts[rb].sentences[sb].text)
        if missing_a == missing_b:
            continue  # its words are in both (twins share them): it stands in both
        if len(missing_a) != len(missing_b):
            loser = b if len(missing_a) < len(missing_b) else a
        else:
            loser = min(a, b, key=rank)
        dropped.add(loser[:3])
    return _without_witnesses(readouts, dropped) if dropped else readouts


def _without_witnesses(
    readouts: list[Readout], dropped: set[tuple[int, int, int]]
) -> list[Readout]:
    """The readouts without the dropped witnesses (readout, sentence, witness indices): a
    consensus sentence left with none goes, and a readout left with no witness and no
    official text."""
    out = []
    for ri, readout in enumerate(readouts):
        sentences = []
        for si, sentence in enumerate(readout.sentences):
            kept = tuple(
                w for wi, w in enumerate(sentence.witnesses) if (ri, si, wi) not in dropped
            )
            if kept or sentence.base_source != "consensus":
                sentences.append(replace(sentence, witnesses=kept))
        if readout.official_document or any(s.witnesses for s in sentences):
            out.append(replace(readout, sentences=tuple(sentences)))
    return out


def _overlapping(spots: list[tuple[int, int, int, Witness]]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of spots whose witnesses overlap in one document: a sweep over
    each document's witnesses by start, not a comparison of every pair."""
    by_doc: defaultdict[str, list[int]] = defaultdict(list)
    for i, (_, _, _, w) in enumerate(spots):
        by_doc[w.document].append(i)
    for indices in by_doc.values():
        indices.sort(key=lambda i: spots[i][3].start)
        open_: list[int] = []  # earlier witnesses that reach past the current start
        for i in indices:
            w = spots[i][3]
            open_ = [k for k in open_ if spots[k][3].end > w.start]
            yield from ((min(i, k), max(i, k)) for k in open_ if spots[k][3].start < w.end)
            open_.append(i)


def _same_call(key: ReadoutKey, official: ReadoutKey) -> bool:
    """The same counterpart on a day within one of an official readout's is that call
    (overnight, or dated as of the next day abroad), never a second readout beside it:
    the official text says which calls there were."""
    if key == official:
        return True
    if key.spec or official.spec or key.counterpart != official.counterpart:
        return False
    return key.day is None or official.day is None or abs((key.day - official.day).days) <= 1


def _with_a_call(
    readouts: list[Readout],
    cast: Cast,
    calls: Counter[tuple[str, dt.date]],
) -> tuple[list[Readout], list[Passage]]:
    """A readout needs an official text, an announcement of its call (within a day), or
    a quotation or post: news prose alone never makes one."""
    kept: list[Readout] = []
    dropped: list[Passage] = []
    for readout in readouts:
        day = dt.date.fromisoformat(readout.date) if readout.date else None
        person = counterpart_key(readout, cast)
        announced = any(p == person and (day is None or abs((d - day).days) <= 1) for p, d in calls)
        quoted = any(
            w.kind != PassageKind.PARAPHRASE for s in readout.sentences for w in s.witnesses
        )
        if readout.official_document or announced or quoted:
            kept.append(readout)
            continue
        note = "no call is announced for it and no quotation carries it"
        dropped.extend(
            Passage(w.document, w.start, w.end, w.kind, w.text, None, note)
            for s in readout.sentences
            for w in s.witnesses
        )
    return kept, dropped


def _claims_that_exist(readouts: list[Readout]) -> list[Readout]:
    """A witness pinned on another call names that call's readout only when it was found."""
    found = {r.id for r in readouts}
    return [
        replace(
            r,
            sentences=tuple(
                replace(
                    s,
                    witnesses=tuple(
                        w
                        if w.claimed_readout in found or w.claimed_readout is None
                        else replace(w, claimed_readout=None)
                        for w in s.witnesses
                    ),
                )
                for s in r.sentences
            ),
        )
        for r in readouts
    ]


def _readout_key(person: str, date: dt.date | None, specs: Sequence[ReadoutSpec]) -> ReadoutKey:
    for spec in specs:
        if f"person:{spec.counterpart.split()[-1].casefold()}" == person and (
            spec.date is None or date is None or spec.date == date.isoformat()
        ):
            return _spec_key(spec)
    return ReadoutKey(person, date)


def _rid(key: ReadoutKey) -> str:
    """A readable readout id: the spec's id, else "<date>-<counterpart>"."""
    if key.spec is not None:
        return key.spec
    day = key.day.isoformat() if key.day else "undated"
    return f"{day}-{key.counterpart.split(':', 1)[-1]}"


def _readout(key: ReadoutKey, entries: list[Entry], setting: _Setting) -> Readout:
    cast, specs, options = setting.cast, setting.specs, setting.options
    officials, official_keys = setting.officials, setting.official_keys
    spec = next((s for s in specs if s.id == key.spec), None)
    official = next((g for g, k in zip(officials, official_keys, strict=True) if k == key), None)
    rid = _rid(key)
    found: Person | None = cast.counterpart(key.counterpart)
    if spec is not None:
        counterpart_label = spec.counterpart
        date = spec.date
    else:
        counterpart_label = found.label if found else key.counterpart.split(":", 1)[-1]
        date = key.day.isoformat() if key.day else None
    if official is not None and date is None:
        date = official.doc.date
    principal = cast.principal.label if cast.principal else "Call"
    label = f"{principal} – {counterpart_label}" + (f", {date}" if date else "")
    ordered = _sentence_order(entries, official)
    sentences = []
    for index, (cluster, members, claims) in enumerate(ordered, 1):
        measuring = Measuring(cast, options.ignore_case)
        sentence = build_sentence(f"{rid}/s{index}", cluster, members, claims, measuring)
        if official is not None and cluster.official is not None:
            sentence = replace(sentence, base_source=f"official:{official.doc.id}")
        sentences.append(sentence)
    return Readout(
        id=rid,
        label=label,
        counterpart=counterpart_label,
        date=date,
        sentences=tuple(sentences),
        aliases=found.aliases if found else (),
        official_document=official.doc.id if official else None,
    )


def _sentence_order(entries: list[Entry], official: OfficialSentenceGroup | None) -> list[Entry]:
    """Official order where there is one; else where the witnesses put them."""
    if official is not None:
        # a sentence twins share word for word sits where this readout's own text has it
        own = {_words_of(s): s.start for s in official.sentences}

        def place_in_text(entry: Entry) -> int:
            sentence = entry[0].official
            return own.get(_words_of(sentence), sentence.start) if sentence else 0

        return sorted(entries, key=place_in_text)
    ranks: dict[int, list[float]] = defaultdict(list)
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, (_, members, _) in enumerate(entries):
        for m in members:
            by_doc[m.doc.id].append((m.unit.start, index))
    for items in by_doc.values():
        items.sort()
        for rank, (_, index) in enumerate(items):
            ranks[index].append(rank / max(len(items) - 1, 1))

    def key(i: int) -> tuple[float, str]:
        values = ranks.get(i, [1.0])
        return (sum(values) / len(values), entries[i][0].code)

    return [entries[i] for i in sorted(range(len(entries)), key=key)]


def _words_of(sentence: OfficialSentence) -> str:
    return " ".join(t.key for t in sentence.tokens)


def _link_shared(readouts: list[Readout]) -> list[Readout]:
    """Mark sentences that stand, word for word, in more than one readout."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for readout in readouts:
        for sentence in readout.sentences:
            owners[sentence.text].append((readout.id, sentence.id))
    out = []
    for readout in readouts:
        sentences = []
        for sentence in readout.sentences:
            others = tuple(rid for rid, _ in owners[sentence.text] if rid != readout.id)
            sentences.append(replace(sentence, also_in=others))
        out.append(replace(readout, sentences=tuple(sentences)))
    return out
