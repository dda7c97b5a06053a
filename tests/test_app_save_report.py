"""The autosaver's reports reach the screen app as messages posted from its thread
(`post_message`), so the thread that keeps the data safe never waits for the screen."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from facilitator.timesource import FakeClock
from facilitator.tui.app import FacilitatorApp

from tui_helpers import make_app, saved, wait_until


async def test_the_autosaver_posts_its_reports(
    workspace: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    waited_on: list[str] = []
    posted: list[str] = []
    real_call, real_post = FacilitatorApp.call_from_thread, FacilitatorApp.post_message

    def call_from_thread(self: FacilitatorApp, callback: Any, *args: Any, **kw: Any) -> Any:
        waited_on.append(threading.current_thread().name)
        return real_call(self, callback, *args, **kw)

    def post_message(self: FacilitatorApp, message: Any) -> bool:
        posted.append(threading.current_thread().name)
        return real_post(self, message)

    monkeypatch.setattr(FacilitatorApp, "call_from_thread", call_from_thread)
    monkeypatch.setattr(FacilitatorApp, "post_message", post_message)
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await saved(app, pilot)
        await pilot.press("space")  # the timer starts: a change to save
        await wait_until(
            pilot,
            lambda: app.save_status is not None and app.save_status.saves >= 2,
            "the second save reported",
        )
        assert not app.save_status.pending and app.save_status.error is None
    assert "facilitator-autosave" in posted
    assert "facilitator-autosave" not in waited_on
