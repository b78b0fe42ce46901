"""The `readout-diff/1` JSON document: exactly the engine's `Result`, in a stable order."""

from __future__ import annotations

import json
from typing import Any

from .model import Contrast, Difference, Document, Passage, Readout, Result, Spot, Witness
from .views import majority_finding

SCHEMA = "readout-diff/1"


def _document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "outlet": doc.outlet,
        "date": doc.date,
        "date_source": doc.date_source,
        "role": doc.role.value,
        "title": doc.title,
        "url": doc.url,
        "copy_of": doc.copy_of,
    }


def _difference(diff: Difference) -> dict[str, Any]:
    return {
        "kind": diff.kind.value,
        "base": diff.base,
        "witness": diff.witness,
        "substantive": diff.substantive,
        "disputed": diff.disputed,
        "base_start": diff.base_start,
        "base_end": diff.base_end,
        "witness_start": diff.witness_start,
        "witness_end": diff.witness_end,
    }


def _spot(spot: Spot) -> dict[str, Any]:
    return {
        "base_start": spot.base_start,
        "base_end": spot.base_end,
        "base": spot.base,
        "support": spot.support,
        "witnesses": spot.witnesses,
        "disputed": spot.disputed,
        "readings": [{"text": text, "support": n} for text, n in spot.readings],
        "majority": spot.majority,
        "majority_support": spot.majority_support,
        "finding": majority_finding(spot),
    }


def _witness(w: Witness) -> dict[str, Any]:
    return {
        "document": w.document,
        "start": w.start,
        "end": w.end,
        "text": w.text,
        "kind": w.kind.value,
        "score": w.score,
        "covered_start": w.covered_start,
        "covered_end": w.covered_end,
        "claimed_readout": w.claimed_readout,
        "differences": [_difference(d) for d in w.differences],
    }


def _readout(r: Readout) -> dict[str, Any]:
    return {
        "id": r.id,
        "label": r.label,
        "counterpart": r.counterpart,
        "date": r.date,
        "official_document": r.official_document,
        "caller": r.caller,
        "caller_evidence": r.caller_evidence,
        "issuer": r.issuer,
        "issuer_evidence": r.issuer_evidence,
        "date_evidence": r.date_evidence,
        "documents": list(r.documents),
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "base_source": s.base_source,
                "also_in": list(s.also_in),
                "spots": [_spot(p) for p in s.spots],
                "witnesses": [_witness(w) for w in s.witnesses],
            }
            for s in r.sentences
        ],
    }


def _contrast(c: Contrast) -> dict[str, Any]:
    def phrases(items: Any) -> list[dict[str, Any]]:
        return [
            {"sentence": p.sentence, "text": p.text, "start": p.start, "end": p.end} for p in items
        ]

    return {
        "a": c.a,
        "b": c.b,
        "only_in_a": phrases(c.only_in_a),
        "only_in_b": phrases(c.only_in_b),
        "shared": [{"a": s.a, "b": s.b, "identical": s.identical} for s in c.shared],
    }


def _passage(p: Passage) -> dict[str, Any]:
    return {
        "document": p.document,
        "start": p.start,
        "end": p.end,
        "kind": p.kind.value,
        "text": p.text,
        "speaker": p.speaker,
        "note": p.note,
    }


def to_dict(result: Result) -> dict[str, Any]:
    """The JSON-ready form of a result (see README, "JSON output")."""
    return {
        "schema": SCHEMA,
        "documents": [_document(d) for d in result.documents],
        "readouts": [_readout(r) for r in result.readouts],
        "contrasts": [_contrast(c) for c in result.contrasts],
        "unassigned": [_passage(p) for p in result.unassigned],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "notices": [{"path": n.path, "message": n.message} for n in result.notices],
    }


def to_json(result: Result) -> str:
    """Byte-stable JSON: same input, same output."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"
