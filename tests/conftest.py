"""Shared fixtures: the seed articles and the second story written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORY_B = Path(__file__).resolve().parent / "fixtures" / "story_b"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def story_b_dir() -> Path:
    return STORY_B


@pytest.fixture(scope="session")
def seeds_result():  # type: ignore[no-untyped-def]
    """The engine's result on the five seed articles (computed once)."""
    from readout_diff import analyse

    return analyse([SEEDS])
