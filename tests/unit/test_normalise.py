from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readout_diff.normalise import american_spelling, match_key, normalise, tokenise


def test_quotes_dashes_spaces_fold() -> None:
    assert (
        normalise("“It’s\u00a0a de\u2014facto  — ‘test’…”").text
        == "\"It's a de-facto - 'test'...\""
    )


def test_invisible_characters_and_escapes_go() -> None:
    assert normalise(
        're\u200bestablish \\"x\\" soft\u00adhyphen'
    ).text == 're-establish "x" softhyphen'.replace("re-", "re")


def test_split_hyphen_is_repaired() -> None:
    assert normalise("de -escalation and de- escalation").text == "de-escalation and de-escalation"


def test_origin_maps_back_to_the_original() -> None:
    text = "A\u00a0“quote”…  end"
    norm = normalise(text)
    start = norm.text.index("quote")
    assert norm.span(start, start + 5) == (3, 8)
    assert text[slice(*norm.span(start, start + 5))] == "quote"


@given(st.text())
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == once


@given(st.text())
def test_origin_is_monotonic_and_in_range(text: str) -> None:
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text) + 1
    assert list(norm.origin) == sorted(norm.origin)
    assert all(0 <= o <= len(text) for o in norm.origin)


def test_tokens_keep_abbreviations_and_split_glued_sentences() -> None:
    words = [t.text for t in tokenise("the U.S. said violence.The end, 1.5 per cent")]
    assert words == [
        "the",
        "U.S.",
        "said",
        "violence",
        ".",
        "The",
        "end",
        ",",
        "1.5",
        "per",
        "cent",
    ]


def test_token_offsets_and_keys() -> None:
    text = "He “emphasised” the US’s role"
    tokens = tokenise(text, base_offset=10)
    word = tokens[2]
    assert (word.text, word.key, word.start, word.end) == ("emphasised", "emphasized", 14, 24)
    assert tokens[5].key == "us's" and text[tokens[5].start - 10 : tokens[5].end - 10] == "US’s"


def test_match_key_folds_case_hyphens_dots_and_possessives() -> None:
    assert match_key("De-escalation") == match_key("deescalation")
    assert match_key("U.S.") == "us"
    assert match_key("States'") == "states's"


def test_american_spelling_rules_and_exceptions() -> None:
    pairs = {
        "emphasised": "emphasized",
        "organisation": "organization",
        "harbouring": "harboring",
        "travelled": "traveled",
        "defence": "defense",
        "analysed": "analyzed",
        "raised": "raised",
        "promise": "promise",
        "advertising": "advertising",
        "exercise": "exercise",
        "called": "called",
        "crisis": "crisis",
    }
    assert {w: american_spelling(w) for w in pairs} == pairs


def _reference(text: str) -> str:
    """The plain per-character definition the fast path must agree with."""
    import re
    import unicodedata

    from readout_diff.normalise import _FOLD, DOUBLE_QUOTES

    clusters: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if clusters and unicodedata.combining(ch):
            clusters[-1] = (clusters[-1][0], clusters[-1][1] + ch)
        else:
            clusters.append((i, ch))
    out = ""
    for offset, cluster in clusters:
        if cluster == "\\" and offset + 1 < len(text) and text[offset + 1] in DOUBLE_QUOTES:
            continue
        folded = _FOLD.get(cluster)
        if folded is None:
            folded = "".join(_FOLD.get(c, c) for c in unicodedata.normalize("NFKC", cluster))
        for ch in folded:
            if ch.isspace():
                if not out or out[-1] == " ":
                    continue
                ch = " "
            out += ch
    out = re.sub(r'(?<=[a-z]s)"(?= [a-z])', "'", out.rstrip(" "))
    return re.sub(r"(?<=\w) (?=-\w)|(?<=\w-) (?=\w)", "", out)


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
    | st.text(alphabet='ab \\"“”é\u0301\u00a0\n-.', max_size=40)
)
def test_fast_path_agrees_with_the_definition(text: str) -> None:
    assert normalise(text).text == _reference(text)


def test_a_closing_quote_is_an_apostrophe_only_when_it_closes_nothing() -> None:
    norms = [t.norm for t in tokenise("“urged the withdrawal of forces” during the call")]
    assert norms[5:7] == ["forces", '"']
    norms = [t.norm for t in tokenise("“reaffirmed the United States” commitment to peace.”")]
    assert "States'" in norms and norms[-1] == '"'
    assert "States'" in [t.norm for t in tokenise("the United States” commitment")]
