"""Turn raw input bytes into documents: decode, detect the format, extract text and metadata.

Pure: takes a name and bytes, returns documents or raises `InputProblem` with a
one-line reason. Reading files and folders is the CLI's job (`readout_diff.inputs`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from .dates import find_dates, leading_date_line, parse_date
from .errors import InputProblem as InputProblem  # moved; still importable from here
from .model import Document, Role

MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ""}


@dataclass(frozen=True, slots=True)
class RawText:
    """Decoded text of one input plus the encoding used, when it was not UTF-8."""

    text: str
    encoding_note: str | None


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> RawText:
    """UTF-8 first; otherwise detect the encoding or say that it cannot be detected."""
    if len(data) > max_bytes:
        raise InputProblem(
            f"file is {_size(len(data))}, over the {_size(max_bytes)} limit "
            "for one input (raise it with --max-bytes)"
        )
    if not data.strip():
        raise InputProblem("file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputProblem("file is binary, not text")
    try:
        return RawText(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputProblem("file is not UTF-8 and its text encoding cannot be detected")
    text, encoding = str(best), best.encoding
    if sum(b > 127 for b in data) <= len(data) // 20 and encoding not in (
        "cp1252",
        "latin_1",
        "iso8859_1",
        "iso8859_15",
    ):
        # a few stray bytes in English text: Windows-1252 is far likelier than the guess
        with contextlib.suppress(UnicodeDecodeError):
            text, encoding = data.decode("cp1252"), "cp1252"
    if _looks_binary(text):
        raise InputProblem("file is binary, not text")
    return RawText(text, f"not UTF-8; read as {encoding}")


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f} MB"
    return f"{n / 1e3:.1f} kB" if n >= 1_000 else f"{n} bytes"


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls > len(text[:4096]) * 0.05


def parse(
    name: str,
    data: bytes,
    role: Role = Role.REPORT,
    max_bytes: int = MAX_BYTES,
) -> tuple[list[Document], str | None]:
    """Documents found in one input (a JSONL file may hold several), plus a decoding note."""
    raw = decode(data, max_bytes)
    text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = PurePath(name).suffix.lower()
    stem = PurePath(name).stem if name != "-" else "stdin"
    stripped = text.lstrip()
    if not stripped:
        raise InputProblem("file is empty")
    records: list[dict[str, object]] = []
    if suffix in (".json", ".jsonl"):
        records = _json_records(text)
    elif suffix == "" and stripped[:1] in "{[":
        with contextlib.suppress(InputProblem):  # "[Reuters] ..." is text, not JSON
            records = _json_records(text)
    if records:
        docs = [
            _record_document(name, f"{stem}#{i + 1}" if len(records) > 1 else stem, rec, role)
            for i, rec in enumerate(records)
            if str(rec["text"]).strip()
        ]
        if not docs:
            raise InputProblem('every JSON record has an empty "text"')
        skipped = len(records) - len(docs)
        notes = [raw.encoding_note] if raw.encoding_note else []
        if skipped:
            notes.append(f'{skipped} record(s) with an empty "text" skipped')
        return docs, "; ".join(notes) or None
    if suffix in (".html", ".htm") or re.match(
        r"<(!doctype|html|head|body|article|p)\b", stripped, re.I
    ):
        return [_html_document(name, stem, text, role)], raw.encoding_note
    meta, body = _front_matter(text) if suffix in (".md", ".markdown", "") else ({}, text)
    return [_make_document(name, stem, body, role, meta)], raw.encoding_note


def _json_records(text: str) -> list[dict[str, object]]:
    try:
        loaded = json.loads(text)
        records = loaded if isinstance(loaded, list) else [loaded]
    except json.JSONDecodeError as whole_error:
        records = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                if number == 1:
                    raise InputProblem(
                        f"not valid JSON: {whole_error.msg} (line {whole_error.lineno})"
                    ) from None
                raise InputProblem(f"line {number} is not valid JSON: {error.msg}") from None
    good = [r for r in records if isinstance(r, dict) and isinstance(r.get("text"), str)]
    if not good:
        raise InputProblem('no JSON record with a "text" string')
    return good


def _record_document(name: str, doc_id: str, record: dict[str, object], role: Role) -> Document:
    meta = {k: str(v) for k, v in record.items() if k != "text" and v is not None}
    return _make_document(name, doc_id, str(record["text"]), role, meta)


def _html_document(name: str, stem: str, html: str, role: Role) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if extracted is None:
        raise InputProblem("HTML page has no article text that can be extracted")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = str(data.get("text") or "")
    if not text.strip():
        raise InputProblem("HTML page has no article text that can be extracted")
    meta = {
        "outlet": str(data.get("sitename") or ""),
        "date": str(data.get("date") or ""),
        "title": str(data.get("title") or ""),
        "url": str(data.get("url") or ""),
    }
    return _make_document(name, stem, text, role, {k: v for k, v in meta.items() if v})


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` YAML front matter between --- lines; the body keeps its text."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[match.end() :]


# "LONDON, Sept 14 (Global Briefing Wire) -": a wire dateline names its agency.
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+,([^()\n]{0,30})\(([A-Z][^()\n]{1,40})\)\s*[-—–]")
# "https://www.example.com/news/..." alone on the first line of a saved article.
_URL_LINE = re.compile(
    r"\A\s*(?:(?:url|source|link)\s*:\s*)?<?(https?://[^\s<>]+)>?[ \t]*(?:\n|\Z)", re.I
)
# "(Reuters) -" opening the body, or "— AFP" / "-- Reuters" closing it: the wire's credit.
_OPENING_CREDIT = re.compile(r"\A\s*\(([A-Z][A-Za-z .&]{1,30})\)\s*[-—–]")
_CLOSING_CREDIT = re.compile(r"\n\s*(?:[-—–]{1,2})\s*([A-Z][A-Za-z]{1,15}(?: [A-Z][a-z]+)?)\s*\Z")
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.", "english.", "en.")


def outlet_from_url(url: str) -> str | None:
    """The publisher a page's address names: its host without "www." and the like."""
    host = urlsplit(url).hostname
    if not host or "." not in host:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host


def _url_of(text: str, meta: dict[str, str]) -> str | None:
    if meta.get("url"):
        return meta["url"]
    line = _URL_LINE.match(text)
    return line.group(1).rstrip(".,;") if line else None


def _credit_of(text: str) -> str | None:
    """The wire or outlet the body credits: a dateline's "(Reuters)", or a closing "— AFP"."""
    for pattern, group in ((_DATELINE, 2), (_OPENING_CREDIT, 1)):
        match = pattern.match(text)
        if match:
            return match.group(group).strip()
    closing = _CLOSING_CREDIT.search(text[-200:])
    return closing.group(1).strip() if closing else None


def _dateline_date(text: str) -> dt.date | None:
    """ "WASHINGTON, Jan 28 (Reuters) -": a dateline that carries its year dates the article."""
    match = _DATELINE.match(text)
    if not match:
        return None
    mentions = [m for m in find_dates(match.group(1)) if m.year]
    return mentions[0].resolve(None) if mentions else None


def _date_of(name: str, text: str, meta: dict[str, str]) -> tuple[dt.date | None, str | None]:
    """The publication day and what gave it: metadata, a date line, a wire dateline, and
    only as a last resort the file's name."""
    line = leading_date_line(text)
    named = re.search(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)", PurePath(name).name)
    for value, source in (
        (parse_date(meta["date"]) if meta.get("date") else None, "metadata"),
        (line[0] if line else None, "date line"),
        (_dateline_date(text), "wire dateline"),
        (parse_date(named.group(1)) if named else None, "file name"),
    ):
        if value is not None:
            return value, source
    return None, None


def _make_document(name: str, doc_id: str, text: str, role: Role, meta: dict[str, str]) -> Document:
    url = _url_of(text, meta)
    date, source = _date_of(name, text, meta)
    outlet = (
        meta.get("outlet")
        or meta.get("source")
        or meta.get("sitename")
        or (outlet_from_url(url) if url else None)
        or _credit_of(text)
        or doc_id
    )
    return Document(
        id=doc_id,
        path=name,
        outlet=outlet,
        date=date.isoformat() if date else None,
        date_source=source,
        role=role,
        text=text,
        title=meta.get("title") or None,
        url=url,
    )


def latest_full_date(text: str) -> str | None:
    """The latest dated mention with a year: a fallback publication date."""
    dates = [m.resolve(None) for m in find_dates(text) if m.year]
    known = [d for d in dates if d is not None]
    return max(known).isoformat() if known else None
