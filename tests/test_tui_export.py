"""Exporting from the screen app: what leaves the group is listed before anything
is written, a confirmation is asked, and the file is owner-only."""

from __future__ import annotations

import stat

from textual.widgets import Input, Select, Static

from facilitator.report.model import Audience
from facilitator.session.model import FindingKind, NamesPolicy, Visibility
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


async def test_the_preview_shows_the_names_rule_and_a_change_is_saved(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        w.add_measure("Faste møter", owner="Kari", owner_role="enhetsleder")
        await saved(app, pilot)
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        policy = screen.query_one("#names-policy", Select)
        assert policy.value == NamesPolicy.OWNERS.value
        assert "Ansvarlig: Kari (enhetsleder)" in widget_text(app, "#leaving-lines")
        policy.value = NamesPolicy.NONE.value
        await wait_until(
            pilot,
            lambda: "Ansvarlig: enhetsleder" in widget_text(app, "#leaving-lines"),
            "the owner shown by role",
        )
        assert "Kari" not in widget_text(app, "#leaving-lines")
        assert "Lagret for økta" in widget_text(app, "#export-status")
        session = await saved(app, pilot)
        assert session.names_policy is NamesPolicy.NONE
        # the group's own record has no such choice: it holds every name
        await pilot.press("escape")
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#audience", Select).value = Audience.GROUP
        await pilot.pause()
        assert not screen.query_one("#names-policy", Select).display


async def test_the_preview_flags_what_seems_to_name_someone_or_mention_health(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        w.add_finding(FindingKind.RISK, "Flere er utbrent etter vinteren")
        w.add_finding(FindingKind.RISK, "Vi bør snakke med Jonas Berg om turnusen")
        w.add_finding(FindingKind.STRENGTH, SHARED)
        await saved(app, pilot)
        await pilot.press("e")
        leaving = widget_text(app, "#leaving-lines")
        assert "2 av punktene ser ut til å nevne en person eller helse" in leaving
        lines = leaving.splitlines()
        assert any(line.startswith("[helse?]") and "utbrent" in line for line in lines)
        assert any(line.startswith("[navn?]") and "Jonas Berg" in line for line in lines)
        assert any(SHARED in line and not line.startswith("[") for line in lines)


async def test_the_measures_are_exported_as_a_spreadsheet(workspace, clock: FakeClock):
    from datetime import date

    import openpyxl

    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        w.add_measure("Faste møter", owner="Enhetsleder", deadline=date(2026, 4, 15))
        await saved(app, pilot)
        await pilot.press("e")
        screen = app.screen
        screen.query_one("#format", Select).value = "xlsx"
        await pilot.pause()
        path = screen.query_one("#path", Input).value
        assert path.endswith("-ledelsen.xlsx")
        await pilot.press("ctrl+s", "y")
        await wait_until(pilot, lambda: "Skrevet" in widget_text(app, "#export-status"), "written")
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[1][5] == "Faste møter" and rows[1][7].date() == date(2026, 4, 15)
