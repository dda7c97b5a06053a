"""Exporting from the screen app: what leaves the group is listed before anything
is written, a confirmation is asked, and the file is owner-only."""

from __future__ import annotations

import stat

from textual.widgets import Input, Static

from facilitator.session.model import FindingKind, Visibility
from facilitator.session.refs import public_ref
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.screens.start import StartScreen

from tui_helpers import (
    choose,
    make_app,
    paste_text,
    run_screen,
    saved,
    sessions_listed,
    start_app,
    wait_until,
    widget_text,
)

SHARED = "Vi støtter hverandre i vanskelige saker"
GROUP_ONLY = "Kari fortalte om en konflikt i teamet"


async def _capture(app, pilot) -> None:
    w = run_screen(app).workshop
    w.add_finding(FindingKind.STRENGTH, SHARED)
    w.add_note(GROUP_ONLY, Visibility.GROUP)
    await saved(app, pilot)


async def test_a_management_export_lists_what_leaves_and_asks_first(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _capture(app, pilot)
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        leaving = widget_text(app, "#leaving-lines")
        assert SHARED in leaving
        assert GROUP_ONLY not in leaving
        assert "Kari" not in leaving
        path = screen.query_one("#path", Input).value
        assert path == str(
            workspace / "exports" / f"{public_ref(app.session_path.stem)}-ledelsen.md"
        )

        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")  # not now: nothing is written
        await pilot.pause()
        assert not (workspace / "exports").exists() or not any((workspace / "exports").iterdir())
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        written = workspace / "exports" / f"{public_ref(app.session_path.stem)}-ledelsen.md"
        text = written.read_text(encoding="utf-8")
        assert SHARED in text
        assert GROUP_ONLY not in text
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
        assert "Skrevet" in widget_text(app, "#export-status")


async def test_the_groups_own_record_warns_and_holds_everything(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _capture(app, pilot)
        await pilot.press("e")
        await choose(pilot, 1)  # the audience: the group's own record
        await pilot.press("tab")
        await choose(pilot, 1)  # the format: HTML
        assert "fortrolig" in widget_text(app, "#leaving-lines")
        path = app.screen.query_one("#path", Input).value
        assert path.endswith("-gruppen.html")
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        text = (workspace / "exports" / path.rsplit("/", 1)[1]).read_text(encoding="utf-8")
        assert GROUP_ONLY in text and SHARED in text
        assert text.startswith("<!DOCTYPE html>")


async def test_an_export_is_never_written_over_a_session_file(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _capture(app, pilot)
        before = app.session_path.read_bytes()
        await pilot.press("e")
        field = app.screen.query_one("#path", Input)
        field.focus()
        field.value = ""
        await paste_text(pilot, str(app.session_path))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # no question asked
        assert "øktfil" in widget_text(app, "#export-status")
        assert app.session_path.read_bytes() == before
        await pilot.press("escape")
        await pilot.pause()
        run_screen(app)


async def test_finishing_the_session_leads_to_the_export(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f10", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export")
        session = await saved(app, pilot)
        assert session.state == "finished"


async def test_a_past_session_is_exported_from_the_start_screen(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _capture(app, pilot)
        await pilot.press("f10", "y")
        await pilot.pause()
        path = app.session_path
    app = start_app(workspace, clock, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await sessions_listed(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("e")  # nothing chosen yet: "+ New session" is highlighted
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("down", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.source == path
        assert SHARED in str(screen.query_one("#leaving-lines", Static).render())
        assert "This is what leaves the group" in widget_text(app, "#preview-heading")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert SessionStore(workspace).load(path).state == "finished"
