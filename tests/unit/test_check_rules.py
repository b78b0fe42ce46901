"""Rule codes: stable, selectable by code, prefix or ALL, and ignorable."""

from __future__ import annotations

import pytest

from readout_diff.check.rules import RULES, RuleSelectionError, Severity, enabled, split_codes


def test_codes_are_stable_and_numbered():
    assert list(RULES) == [f"RD{n:03d}" for n in range(1, 11)]
    assert RULES["RD001"].name == "unsourced-quote"
    assert RULES["RD002"].name == "altered-quote"
    assert RULES["RD008"].severity == Severity.INFO


def test_default_enables_every_rule():
    assert enabled([], []) == frozenset(RULES)


def test_select_by_code_and_prefix_then_ignore():
    assert enabled(["RD001", "rd00"], ["RD008", "RD009"]) == frozenset(
        {"RD001", "RD002", "RD003", "RD004", "RD005", "RD006", "RD007"}
    )
    assert enabled(["ALL"], ["RD01"]) == frozenset(RULES) - {"RD010"}


def test_unknown_code_is_an_error_naming_it():
    with pytest.raises(RuleSelectionError, match='"XX1" is not a rule code'):
        enabled(["XX1"], [])


def test_split_codes_takes_commas_and_spaces():
    assert split_codes("RD001,RD002 RD003,") == ["RD001", "RD002", "RD003"]


def test_severity_order():
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
