from __future__ import annotations

from readout_diff.entities import PRINCIPAL, canonicalise, country_gazetteer, detect_cast, entity_of
from readout_diff.normalise import tokenise

ARTICLE = (
    "Foreign Secretary Jane Doe spoke with Brazilian Foreign Minister Ana Lima and "
    "Argentina's foreign minister Luis Pérez on Tuesday. Ms Doe urged restraint."
)


def entities(text: str, gaz=None) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    gaz = gaz or country_gazetteer()
    return [(t.text, entity_of(t), t.tier) for t in canonicalise(tokenise(text), gaz) if t.tier]


def test_country_forms_share_one_entity() -> None:
    found = entities("The U.S., the US’s aims, United States' role, America, NEW DELHI: India")
    assert found == [
        ("U.S.", "country:us", "abbreviation"),
        ("US’s", "country:us", "abbreviation"),
        ("United States'", "country:us", "name"),
        ("America", "country:us", "name"),
        ("NEW DELHI", "country:in", "capital"),
        ("India", "country:in", "name"),
    ]


def test_lower_case_words_are_not_countries() -> None:
    assert entities("they urged us to eat turkey in china cups") == []


def test_cast_is_read_from_call_sentences() -> None:
    cast = detect_cast([ARTICLE])
    assert cast.principal is not None and cast.principal.label == "Jane Doe"
    assert [(p.id, p.label, p.country) for p in cast.counterparts] == [
        ("person:lima", "Ana Lima", "country:br"),
        ("person:pérez", "Luis Pérez", "country:ar"),
    ]
    found = entities("Ms Doe and the Foreign Secretary met Mr Pérez", cast.gazetteer)
    assert [(text, entity) for text, entity, _ in found] == [
        ("Ms Doe", PRINCIPAL),
        ("the Foreign Secretary", PRINCIPAL),
        ("Mr Pérez", "person:pérez"),
    ]


def test_counterparts_behind_long_titles_and_appositions() -> None:
    from readout_diff.entities import announced_calls

    long_title = (
        "Secretary of State Karl Halvorsen spoke with Member of the Standing Bureau of the "
        "National Unity Party (NUP) Central Committee and Director of the Office of the "
        "Central External Affairs Commission, Foreign Minister Tomas Eriksen on Friday."
    )
    who_is_also = (
        "Secretary of State Karl Halvorsen spoke with Tomas Eriksen, who is also a member of "
        "the Standing Bureau, on Friday."
    )
    top_diplomat = "Halvorsen spoke with Tomas Eriksen, the country's top diplomat, by phone."
    subject = (
        "Norwegian Foreign Minister Tomas Eriksen, also a member of the Standing Bureau of "
        "the NUP Central Committee, held a phone call with Halvorsen."
    )
    for line in (long_title, who_is_also, top_diplomat):
        assert announced_calls(line) == [(("person:halvorsen",), ("person:eriksen",))]
        cast = detect_cast([line, "The Secretary urged restraint."])
        assert [p.label for p in cast.counterparts] == ["Tomas Eriksen"]
    assert announced_calls(subject) == [(("person:eriksen",), ("person:halvorsen",))]


def test_calls_are_read_behind_possessives_and_asides() -> None:
    from readout_diff.entities import announced_calls

    assert announced_calls("US Secretary of State Anna Berg's phone calls with Ion Rusu") == [
        (("person:berg",), ("person:rusu",))
    ]
    assert announced_calls("Anna Berg on May 8, in separate phone calls with Ion Rusu") == [
        (("person:berg",), ("person:rusu",))
    ]
    assert announced_calls("Trump said after his phone calls with Ion Rusu and Ana Lima") == [
        (("person:trump",), ("person:rusu", "person:lima"))
    ]


def test_transliterations_of_one_surname_are_one_counterpart() -> None:
    cast = detect_cast(
        [
            "Secretary Jane Doe spoke with Prime Minister Nikol Pashinyan on Monday.",
            "Doe also spoke with Pashinian about the border. Doe spoke with Pashinyan again.",
        ]
    )
    assert [p.id for p in cast.counterparts] == ["person:pashinyan"]
    assert "Pashinian" in cast.counterparts[0].aliases


def test_a_title_that_announces_most_calls_outweighs_one_slip() -> None:
    texts = ["The Secretary spoke with Prime Minister Ana Lima today."] * 20
    cast = detect_cast([*texts, "Ana Lima spoke with the Secretary on Friday."])
    assert cast.principal is not None and cast.principal.label == "Secretary"
    assert [p.id for p in cast.counterparts] == ["person:lima"]


def test_calls_announced_by_title_count_for_the_named_holder_of_it() -> None:
    texts = ["Secretary of State Jane Doe spoke with Prime Minister Ana Lima today."]
    texts += ["The Secretary spoke with Foreign Minister Luis Pérez on Friday."] * 3
    cast = detect_cast(texts)
    assert cast.principal is not None and cast.principal.label == "Jane Doe"


def test_a_middle_initial_stands_inside_the_name() -> None:
    """ "Jane Q. Doe" is the caller as "Jane Doe" is; an initial elsewhere stays itself."""
    cast = detect_cast([ARTICLE])
    tokens = canonicalise(tokenise("Foreign Secretary Jane Q. Doe met A. Smith."), cast.gazetteer)
    assert [(t.norm, entity_of(t)) for t in tokens] == [
        ("Foreign Secretary Jane Q. Doe", PRINCIPAL),
        ("met", None),
        ("A", None),
        (".", None),
        ("Smith", None),
        (".", None),
    ]


def test_a_place_before_his_call_is_no_caller() -> None:
    """ "… in the Coral Sea in his first formal call with …": "his" is the subject's, and a
    sea makes no calls."""
    texts = [
        "Secretary of State Jane Doe spoke with Prime Minister Ana Lima today.",
        "Jane Doe voiced concern about naval drills in the Coral Sea in his first formal "
        "call with Ana Lima on Friday.",
    ]
    cast = detect_cast(texts)
    assert cast.principal is not None and cast.principal.label == "Jane Doe"
    assert [p.label for p in cast.callers] == ["Jane Doe"]
