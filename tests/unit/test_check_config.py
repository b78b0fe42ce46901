"""[tool.readout-diff] parsing, validation and command-line overrides."""

from __future__ import annotations

import pytest

from readout_diff.check.config import CheckConfig, ConfigError, apply, parse_pyproject
from readout_diff.check.rules import Severity

PYPROJECT = """
[project]
name = "newsroom"

[tool.readout-diff]
sources = ["readouts/official.txt", "/abs/other.txt"]
ignore = ["RD008"]
fail-on = "error"
min-similarity = 0.7
short-quote-words = 2
spelling-variants = "allow"
speakers = ["Paul Devereux"]
paraphrase = true
format = "sarif"
colour = "blue"
"""


def test_reads_every_key_and_resolves_sources_against_the_file():
    config, unknown = parse_pyproject(PYPROJECT, "/repo")
    assert config == CheckConfig(
        sources=("/repo/readouts/official.txt", "/abs/other.txt"),
        ignore=("RD008",),
        fail_on=Severity.ERROR,
        min_similarity=0.7,
        short_quote_words=2,
        spelling_variants="allow",
        speakers=("Paul Devereux",),
        paraphrase=True,
        format="sarif",
    )
    assert unknown == ["colour"]
    assert config.allow_spelling_variants


def test_no_table_means_no_config():
    assert parse_pyproject("[project]\nname = 'x'\n") == (None, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[tool.readout-diff]\nfail-on = 'fatal'\n",
            'fail-on must be "error", "warning" or "info"',
        ),
        ("[tool.readout-diff]\nmin-similarity = 2\n", "min-similarity must be a number above 0"),
        ("[tool.readout-diff]\nsources = [1]\n", "sources must be a list of strings"),
        ("[tool.readout-diff]\nselect = ['RD1000']\n", '"RD1000" is not a rule code'),
        ("[tool.readout-diff]\nspelling-variants = 'yes'\n", 'must be "allow" or "flag"'),
        ("[tool.readout-diff]\nparaphrase = 'yes'\n", "paraphrase must be true or false"),
        ("[tool.readout-diff]\nformat = 'xml'\n", "format must be one of text, json"),
        ("[tool.readout-diff]\nshort-quote-words = -1\n", "short-quote-words must be a whole"),
        ("[tool.readout-diff\n", "not valid TOML"),
    ],
)
def test_bad_values_are_named(text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        parse_pyproject(text)


def test_command_line_overrides_the_file_and_none_leaves_it():
    config, _ = parse_pyproject(PYPROJECT, "/repo")
    assert config is not None
    changed = apply(config, {"select": ["RD002"], "fail_on": None, "format": "json"})
    assert changed.select == ("RD002",)
    assert changed.fail_on == Severity.ERROR
    assert changed.format == "json"
    assert changed.codes == frozenset({"RD002"})
