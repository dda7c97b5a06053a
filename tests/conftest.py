from __future__ import annotations

import os
import shutil
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.timesource import FakeClock

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, which .ci/run installs: the browser the room's tests drive."""

SAMPLE_SESSION = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
"""The invented sample session the README and the goldens use."""


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


@pytest.fixture
def sample_workspace(workspace: Path) -> Path:
    """A workspace holding a copy of the sample session and nothing else."""
    (workspace / "sessions").mkdir()
    shutil.copy(SAMPLE_SESSION, workspace / "sessions" / SAMPLE_SESSION.name)
    return workspace


# Screens show local wall-clock times; pin the zone so every machine sees the same.
os.environ["TZ"] = "UTC"
time.tzset()
os.environ["TEXTUAL_ANIMATIONS"] = "none"

# Hypothesis: random locally (so new failures are found), the same examples every run
# in CI (so a fresh clone never fails on a draw nobody has seen). Every failure ever
# found is kept as an explicit @example next to its test.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    """A headless Chromium driven by Playwright (imported here only when a test asks
    for it). Playwright's own browser download is not used: Debian's is."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        chromium = await p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            await chromium.close()
