"""The engine, stage by stage: load, lay out, find passages, align, attribute, diff, contrast.

`run` takes in-memory sources and returns a `Result`; it does no I/O of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .align import (
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
    is_first_person,
    readout_style,
)
from .contrast import contrast
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
from .identity import Context, caller_of, issuer_of
from .model import (
    Document,
    InputError,
    Notice,
    Passage,
    PassageKind,
    Readout,
    Result,
    Role,
)
from .normalise import Token, normalise, tokenise
from .passages import ENDS_LIKE_A_SENTENCE, Unit, find_units
from .readouts import Placement, ReadoutSpec, place, snap_dates, widen_to_twins
from .segment import Layout, layout
from .speakers import speaker_head
from .witnesses import build_sentence

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a name to show (a path, or "-") and its bytes or text."""

    name: str
    data: bytes | str
    role: Role = Role.REPORT


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
    context: DocumentContext | None = None
    group: str = ""


# One readout's share of a sentence: the cluster, its witnesses there, and for each
# witness pinned on another call, that call's readout id.
Entry = tuple[Cluster, list[Candidate], dict[int, str]]


@dataclass
class OfficialSentenceGroup:
    doc: Document
    sentences: list[OfficialSentence]


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
        except (ValueError, LookupError, RecursionError, ImportError) as problem:
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
        keys.append(
            {
                normalise(prep.doc.text[p.start : p.end]).text.casefold()
                for p in prep.layout.paragraphs
                if p.end - p.start > 40
            }
        )
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


_DATE_STAMP = re.compile(
    r"\b(?:posted|published|first\s+published|updated)\s*(?:on\s*)?:?\s*"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})",
    re.IGNORECASE,
)


def _date_in_text(prep: _Prepared, default_year: int | None) -> str | None:
    """A publication date read from the article itself: its latest full date outside the
    page chrome, else the day its call sentence names ("on Thursday (May 8)")."""
    text = prep.doc.text
    stamp = _DATE_STAMP.search(text)
    if stamp and (day := parse_date(stamp.group(1))):
        return day.isoformat()
    kept = "\n".join(text[p.start : p.end] for p in prep.layout.paragraphs)
    latest = latest_full_date(kept)
    if latest or default_year is None or prep.doc.role == Role.OFFICIAL:
        return latest  # an official text's "today" is dated by the articles that report it
    spans = tuple((s.start, s.end, s.paragraph) for s in prep.layout.sentences)
    days = [day for _, day, _ in call_dates(text, spans, None, default_year)]
    return max(days).isoformat() if days else None


def _default_year(docs: Sequence[Document]) -> int | None:
    years = Counter(int(d.date[:4]) for d in docs if d.date)
    return years.most_common(1)[0][0] if years else None


def _tokens_in(sentence_tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in sentence_tokens if t.start >= start and t.end <= end]


def run(
    sources: Sequence[Source],
    specs: Sequence[ReadoutSpec] = (),
    options: Options = Options(),
    progress: Progress | None = None,
) -> Result:
    """Analyse every source; bad inputs become errors, the rest is still analysed.

    Sources are taken in name order, so the order they are given in changes nothing."""
    ordered = sorted(sources, key=lambda s: (s.role != Role.OFFICIAL, s.name))
    docs, errors, notices = _load(ordered, options)
    prepared = []
    for number, doc in enumerate(docs, 1):
        prepared.append(_prepare(doc))
        if progress:
            progress("read", number, len(docs))
    prepared = _mark_copies(prepared)
    default_year = _default_year(
        [p.doc for p in prepared]
        + [replace(p.doc, date=_date_in_text(p, None)) for p in prepared if p.doc.date is None]
    )
    for prep in prepared:
        if prep.doc.date is None:
            found = _date_in_text(prep, default_year)
            prep.doc = replace(prep.doc, date=found, date_source="text" if found else None)
    notices.extend(
        Notice(p.doc.path, "dated from its file name: no date in its text or metadata")
        for p in prepared
        if p.doc.role == Role.OFFICIAL and p.doc.date_source == "file name"
    )
    docs = [p.doc for p in prepared]
    cast = detect_cast(
        [p.doc.text for p in prepared if p.doc.role == Role.REPORT],
        official=[p.doc.text for p in prepared if p.doc.role == Role.OFFICIAL],
    )
    if specs:
        cast = extend_cast(cast, specs)
    encoder = Encoder()
    candidates: list[Candidate] = []
    officials: list[OfficialSentenceGroup] = []
    for prep in prepared:
        text = prep.doc.text
        prep.sentence_tokens = [
            canonicalise(tokenise(text[s.start : s.end], s.start), cast.gazetteer)
            for s in prep.layout.sentences
        ]
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
        if prep.doc.role == Role.OFFICIAL:
            officials.append(
                OfficialSentenceGroup(
                    prep.doc,
                    [
                        OfficialSentence(
                            prep.doc, "", s.start, s.end, toks, encoder.encode(content_keys(toks))
                        )
                        for s, toks in zip(prep.layout.sentences, prep.sentence_tokens, strict=True)
                        if any(t.is_word for t in toks)
                        # a page title or "Published 14 September" is not the readout
                        and ENDS_LIKE_A_SENTENCE.search(text[s.start : s.end])
                    ],
                )
            )
            continue
        candidates.extend(_candidates_of(prep, cast, encoder))
    if progress:
        progress("passages", len(candidates), len(docs))
    official_readouts = [_official_readout(group, cast, specs) for group in officials]
    for group, key in zip(officials, official_readouts, strict=True):
        for sentence in group.sentences:
            sentence.readout = key
            sentence.day = _day_of(key) if "|" in key else None
    calls: Counter[tuple[str, dt.date]] = Counter()
    for prep in prepared:
        if prep.context is None:
            continue
        for _, day, index in prep.context.call_dates:
            for partner in call_partners(prep.sentence_tokens[index], cast):
                calls[(partner, day)] += 1
    aligner = Aligner(cast, [s for g in officials for s in g.sentences])
    leftovers = aligner.run(candidates)
    official_readouts = _date_undated_officials(official_readouts, aligner.clusters)
    result_readouts, unassigned = _build_readouts(
        aligner.clusters, cast, calls, specs, officials, official_readouts, options
    )
    result_readouts, unfounded = _with_a_call(result_readouts, cast, calls)
    unassigned.extend(unfounded)
    call_days = {
        p.doc.id: {day.isoformat() for _, day, _ in p.context.call_dates}
        for p in prepared
        if p.context is not None
    }
    result_readouts = [
        _identify(r, cast, {d.id: d for d in docs}, call_days, specs) for r in result_readouts
    ]
    unassigned.extend(
        _passage(c, c.reason or "matches no readout sentence")
        for c in leftovers
        if c.unit.kind != PassageKind.PARAPHRASE and not c.fragment
    )
    carried = {w.document for r in result_readouts for s in r.sentences for w in s.witnesses}
    notices.extend(
        Notice(d.path, "no readout passage found")
        for d in docs
        if d.role == Role.REPORT and d.id not in carried
    )
    contrasts = contrast(result_readouts, cast)
    unassigned.sort(key=lambda p: (p.document, p.start))
    return Result(
        documents=tuple(sorted(docs, key=lambda d: d.id)),
        readouts=tuple(result_readouts),
        contrasts=tuple(contrasts),
        unassigned=tuple(unassigned),
        errors=tuple(errors),
        notices=tuple(notices),
    )


def _candidates_of(prep: _Prepared, cast: Cast, encoder: Encoder) -> list[Candidate]:
    """Every unit of a report as a candidate for alignment, with its evidence and, when
    it may not start a readout sentence of its own, why."""
    out = []
    for unit in prep.units:
        assert prep.context is not None
        toks = _tokens_in(prep.sentence_tokens[unit.sentence], unit.start, unit.end)
        reason = None
        if is_first_person(toks):
            reason = "first-person remark, not readout wording"
        elif unit.speaker and _speaker_is_counterpart(unit.speaker, cast):
            reason = f"credited to {unit.speaker}, not to the readout"
        elif third := _third_party_subject(toks, cast):
            reason = f"about {third}, who made calls of their own"
        elif own := _counterpart_subject(_lead_and_unit(prep, unit), cast):
            reason = f"the counterpart's own account ({own}), not the caller's readout"
        elif not _worded_as_readout(toks, prep, unit):
            reason = "not worded as a readout"
        post_date = parse_date(unit.post_date) if unit.post_date else None
        evidence = gather(
            unit.start,
            unit.end,
            unit.sentence,
            toks,
            prep.context,
            cast,
            post_date,
            _quote_context(prep, unit),
        )
        out.append(
            Candidate(
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
        )
    return out


_ANNOUNCES_CALL = re.compile(
    r"\b(?:spoke|spoken|talked|phoned|held|had)\b(?:\s+\S+){0,3}?\s+"
    r"(?:with|to|calls?|talks|a\s+call|(?:phone|telephone)\s+(?:calls?|conversations?))\b",
    re.IGNORECASE,
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
    for sentence, tokens in zip(prep.layout.sentences, prep.sentence_tokens, strict=True):
        if sentence.end < unit.quote_start or sentence.start > unit.quote_end:
            continue
        out.extend(t for t in tokens if t.end <= unit.quote_start or t.start >= unit.quote_end)
    return out


def _date_undated_officials(keys: list[str], clusters: list[Cluster]) -> list[str]:
    """An official text that names no day ("... spoke with X today.") takes the day its
    witnesses' articles give the call."""
    out = []
    for key in keys:
        if not key.endswith("|"):
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
        dated = key + max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0].isoformat()
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


# Words before a name that make it an object, not the subject: "in a call with Wang, ..."
_BEFORE_OBJECT = frozenset("with to between of on from for about by and told urged asked".split())


def _lead_and_unit(prep: _Prepared, unit: Unit) -> list[Token]:
    """The unit's sentence up to the unit's end: its lead-in and its own words."""
    return [t for t in prep.sentence_tokens[unit.sentence] if t.end <= unit.end]


def _counterpart_subject(tokens: list[Token], cast: Cast) -> str | None:
    """The counterpart as the subject, before any mention of the caller ("Wang ended the call
    by emphasizing that ...", "Sharif's office said ..."): their side's account of the call."""
    words = [t for t in tokens if t.is_word]
    for i, token in enumerate(words):
        entity = entity_of(token)
        if entity is None or (i and words[i - 1].norm.casefold() in _BEFORE_OBJECT):
            continue
        if entity == PRINCIPAL:
            return None
        person = cast.counterpart(entity.removesuffix("'s"))
        if person is not None:
            return person.label
    return None


def _speaker_is_counterpart(speaker: str, cast: Cast) -> bool:
    tokens = canonicalise(tokenise(speaker_head(speaker)), cast.gazetteer)
    return any((entity_of(t) or "").startswith("person:") for t in tokens)


def _passage(cand: Candidate, note: str) -> Passage:
    text = cand.doc.text[cand.unit.start : cand.unit.end]
    return Passage(
        cand.doc.id, cand.unit.start, cand.unit.end, cand.unit.kind, text, cand.unit.speaker, note
    )


def _official_readout(
    group: OfficialSentenceGroup, cast: Cast, specs: Sequence[ReadoutSpec]
) -> str:
    """The readout key an official text stands for: from the spec that names it, else
    from its own "spoke with X" and date."""
    for spec in specs:
        if spec.official and (spec.official == group.doc.path or spec.official == group.doc.id):
            return f"spec:{spec.id}"
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
    return f"{person}|{day or ''}"


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


def _spec_key(spec: ReadoutSpec) -> str:
    return f"spec:{spec.id}"


def _belongs(
    member: Candidate,
    person: str,
    keys: dict[str, str],
    cluster: Cluster,
    specs: Sequence[ReadoutSpec],
) -> bool:
    """A witness the article pins on one call stays out of its twin's copy of a shared
    sentence, and out of a twin sentence it matched only as well as its own."""
    pin = member.evidence.explicit if member.evidence else None
    if pin is None or pin == person:
        return True
    if pin in keys:
        return False
    return not any(
        pin in {_person_of(k, specs) for k in other.fixed}
        for other in member.joined
        if other is not cluster
    )


def _person_of(key: str, specs: Sequence[ReadoutSpec]) -> str:
    """The counterpart a readout key stands for."""
    spec = next((s for s in specs if _spec_key(s) == key), None)
    if spec is not None:
        return f"person:{spec.counterpart.split()[-1].casefold()}"
    return key.partition("|")[0]


def _day_of(key: str) -> dt.date | None:
    day = key.partition("|")[2]
    try:
        return dt.date.fromisoformat(day) if day else None
    except ValueError:
        return None


def _build_readouts(
    clusters: list[Cluster],
    cast: Cast,
    calls: Counter[tuple[str, dt.date]],
    specs: Sequence[ReadoutSpec],
    officials: list[OfficialSentenceGroup],
    official_keys: list[str],
    options: Options,
) -> tuple[list[Readout], list[Passage]]:
    placements: list[Placement | None] = []
    strength: list[float] = []
    for cluster in clusters:
        if cluster.fixed:
            placements.append(
                Placement(tuple(_person_of(k, specs) for k in cluster.fixed), None, cluster.fixed)
            )
        else:
            placements.append(place(cluster, cast, calls))
        strength.append(sum(m.weight for m in cluster.members))
    placements = widen_to_twins(snap_dates(placements, strength))

    known = list(official_keys) + [
        _readout_key(p, placement.date, specs, cast)
        for placement in placements
        if placement and not placement.fixed_readouts
        for p in placement.counterparts
    ]

    def claimed(person: str, day: dt.date | None) -> str | None:
        """The readout an article pins a passage on: that call's, when it was found (a
        call no readout was found for is named nowhere)."""
        for key in known:
            other = _day_of(key) if "|" in key else None
            if _person_of(key, specs) == person and (
                day is None or other is None or abs((other - day).days) <= 1
            ):
                return _rid(key, specs)
        return None

    groups: dict[str, list[Entry]] = defaultdict(list)
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
            day = _day_of(placement.fixed_readouts[0])
        else:
            keys = {p: _readout_key(p, placement.date, specs, cast) for p in placement.counterparts}
            day = placement.date
        if not placement.fixed_readouts and any(k in official_keys for k in keys.values()):
            unassigned.extend(
                _passage(m, "not in the official text of its readout")
                for m in cluster.members
                if not m.fragment and m.unit.kind != PassageKind.PARAPHRASE
            )
            continue
        for person, key in keys.items():
            members = [m for m in cluster.members if _belongs(m, person, keys, cluster, specs)]
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
        _readout(key, groups[key], cast, specs, officials, official_keys, options)
        for key in sorted(groups)
    ]
    return _link_shared(_claims_that_exist(readouts)), unassigned


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
        person = _counterpart_key(readout, cast)
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


def _readout_key(
    person: str, date: dt.date | None, specs: Sequence[ReadoutSpec], cast: Cast
) -> str:
    for spec in specs:
        if f"person:{spec.counterpart.split()[-1].casefold()}" == person and (
            spec.date is None or date is None or spec.date == date.isoformat()
        ):
            return _spec_key(spec)
    return f"{person}|{date.isoformat() if date else ''}"


def _rid(key: str, specs: Sequence[ReadoutSpec]) -> str:
    """A readable readout id: the spec's id, else "<date>-<counterpart>"."""
    spec = next((s for s in specs if _spec_key(s) == key), None)
    if spec is not None:
        return spec.id
    person, _, day = key.partition("|")
    return f"{day or 'undated'}-{person.split(':', 1)[-1]}"


def _readout(
    key: str,
    entries: list[Entry],
    cast: Cast,
    specs: Sequence[ReadoutSpec],
    officials: list[OfficialSentenceGroup],
    official_keys: list[str],
    options: Options,
) -> Readout:
    spec = next((s for s in specs if _spec_key(s) == key), None)
    official = next((g for g, k in zip(officials, official_keys, strict=True) if k == key), None)
    rid = _rid(key, specs)
    found: Person | None = cast.counterpart(_person_of(key, specs))
    if spec is not None:
        counterpart_label = spec.counterpart
        date = spec.date
    else:
        person, _, day = key.partition("|")
        counterpart_label = found.label if found else person.split(":", 1)[-1]
        date = day or None
    if official is not None and date is None:
        date = official.doc.date
    principal = cast.principal.label if cast.principal else "Call"
    label = f"{principal} – {counterpart_label}" + (f", {date}" if date else "")
    ordered = _sentence_order(entries, official)
    sentences = []
    for index, (cluster, members, claims) in enumerate(ordered, 1):
        sentence = build_sentence(
            f"{rid}/s{index}", cluster, members, claims, cast, options.ignore_case
        )
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


_WINDOW = 200  # characters around a witness read for the office its words are credited to


def _identify(
    readout: Readout,
    cast: Cast,
    docs: dict[str, Document],
    call_days: dict[str, set[str]],
    specs: Sequence[ReadoutSpec],
) -> Readout:
    """Name the readout's caller and issuer from evidence, label it with both, and say
    what set its day."""
    official = docs[readout.official_document] if readout.official_document else None
    own = [Context(official.text, official=True)] if official else []
    reports = [d for d in readout.documents if d != readout.official_document]
    counterpart = _counterpart_key(readout, cast)
    caller = caller_of(counterpart, own + [Context(docs[d].text) for d in reports], cast)
    nearby = [(Context(_near(readout, d, docs[d].text)), Context(docs[d].text)) for d in reports]
    issuer = issuer_of([(c, c) for c in own] + nearby, cast.counterpart(counterpart))
    label = f"{caller.value or 'Call'} – {readout.counterpart}"
    label += f", {readout.date}" if readout.date else ""
    label += f" · {issuer.value} readout" if issuer.value else ""
    return replace(
        readout,
        label=label,
        caller=caller.value,
        caller_evidence=caller.evidence,
        issuer=issuer.value,
        issuer_evidence=issuer.evidence,
        date_evidence=_date_evidence(readout, official, reports, docs, call_days, specs),
    )


def _date_evidence(
    readout: Readout,
    official: Document | None,
    reports: list[str],
    docs: dict[str, Document],
    call_days: dict[str, set[str]],
    specs: Sequence[ReadoutSpec],
) -> str | None:
    """What set a readout's call day, strongest first."""
    day = readout.date
    if day is None:
        return None
    if any(s.id == readout.id and s.date == day for s in specs):
        return "the readouts file"
    if official is not None and official.date == day:
        return f"the official text ({official.date_source or 'its text'})"
    named = sum(1 for d in reports if day in call_days.get(d, set()))
    if named:
        return f"the call day named in {named} {'article' if named == 1 else 'articles'}"
    published = sum(1 for d in reports if docs[d].date == day)
    if published:
        return f"the publication day of {published} {'article' if published == 1 else 'articles'}"
    return "the day the articles' dates point to"


def _near(readout: Readout, document: str, text: str) -> str:
    """The stretches of a document around its witnesses of a readout."""
    return "\n".join(
        text[max(0, w.start - _WINDOW) : w.end + _WINDOW]
        for s in readout.sentences
        for w in s.witnesses
        if w.document == document
    )


def _counterpart_key(readout: Readout, cast: Cast) -> str:
    for person in cast.counterparts:
        if person.label == readout.counterpart:
            return person.id
    return f"person:{readout.counterpart.split()[-1].casefold()}" if readout.counterpart else ""


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
