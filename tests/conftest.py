from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.timesource import FakeClock

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
def default_agenda():
    return load_agenda("kollegaveiledning", None)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FACILITATOR_WORKSPACE", raising=False)
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)
    return tmp_path


# Screens show local wall-clock times; pin the zone so every machine sees the same.
os.environ["TZ"] = "UTC"
time.tzset()
os.environ["TEXTUAL_ANIMATIONS"] = "none"
