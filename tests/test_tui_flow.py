"""Pilot tests: drive the app by keys with a fake clock and check what is saved.

Every wait is a condition: `pilot.pause()` (the app is idle), the autosaver's
`flush`, or a bounded poll for something on the screen. Time in the workshop
only moves when the test advances the `FakeClock`.
"""

from __future__ import annotations

import errno
import os
import random
from datetime import date, datetime, timedelta

from textual.widgets import DataTable, Digits, Select, Static

from facilitator.agenda.model import NoteKind
from facilitator.agenda.registry import load_agenda
from facilitator.law import FACTORS
from facilitator.session.model import FindingKind, Visibility, new_session
from facilitator.session.store import SessionStore
from facilitator.stepclock import Status
from facilitator.timesource import FakeClock
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.items import ItemsScreen
from facilitator.tui.screens.people import PeopleModal
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.screens.start import StartScreen

from tui_helpers import (
    NAMES,
    choose,
    fill_form,
    make_app,
    paste_text,
    run_screen,
    run_screen_or_form,
    save_form,
    saved,
    screen_text,
    sessions_listed,
    setup_app,
    start_app,
    type_text,
    wait_for_text,
    wait_until,
    widget_text,
)


async def test_run_straight_to_first_step_and_save_a_note(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("n")
        await pilot.press(*"Vi er spente")
        await pilot.press("ctrl+s")
        session = await saved(app, pilot)
        assert [n.text for n in session.notes] == ["Vi er spente"]
        assert session.notes[0].step_id == "intro"
        assert session.notes[0].visibility == "group"


# --- a whole session ------------------------------------------------------------------


async def test_a_whole_four_person_session_by_keys(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        assert "Steg 1 av 10" in screen_text(app)
        session = await saved(app, pilot)
        assert [p.name for p in session.participants] == list(NAMES)
        assert session.current_step == "intro"
        assert session.clocks == {}

        # 1 intro: start, a note, then on without the timer
        await pilot.press("space")
        clock.advance(minutes=4)
        await pilot.press("n")
        await fill_form(pilot, "Filmen satte i gang tanker")
        session = await saved(app, pilot)
        note = session.notes[-1]
        assert (note.step_id, note.phase_id, note.person, note.kind) == (
            "intro",
            None,
            None,
            NoteKind.NOTE,
        )
        assert note.created_at == clock.now()
        assert session.clocks["intro"].status is Status.RUNNING

        clock.advance(minutes=6)
        await pilot.press("pagedown", "pagedown")
        session = await saved(app, pilot)
        assert session.current_step == "innsjekk"
        assert session.clocks["intro"].status is Status.PAUSED
        assert "innsjekk" not in session.clocks
        assert "Steg 3 av 10" in screen_text(app)

        # 3 innsjekk (a round): Per is away, Kari passes, Ola gets a minute more
        await pilot.press("a")
        assert isinstance(app.screen, PeopleModal)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        run_screen(app)
        await pilot.press("space")
        reading = w.reading()
        assert reading.person == "p1"
        assert reading.unit_planned == 8 * 60 / 3
        await pilot.press("n")
        await fill_form(pilot, "Kari har det bra", typed=True)
        session = await saved(app, pilot)
        assert [p.present for p in session.participants] == [True, True, True, False]
        assert session.clocks["innsjekk"].order == ["p1", "p2", "p3"]
        assert session.notes[-1].person == "p1"
        assert session.notes[-1].text == "Kari har det bra"
        assert session.notes[-1].step_id == "innsjekk"

        clock.advance(seconds=30)
        await pilot.press("p")
        reading = w.reading()
        assert reading.person == "p2"
        # Kari keeps the 30 s she used; the rest of her share goes to the other two
        share = 8 * 60 / 3 + (8 * 60 / 3 - 30) / 2
        assert reading.unit_planned == share
        await pilot.press("plus")
        assert w.reading().unit_planned == share + 60
        await pilot.press("minus", "minus")
        assert w.reading().unit_planned == share - 60
        await pilot.press("plus")
        session = await saved(app, pilot)
        clock_log = session.clocks["innsjekk"]
        assert clock_log.passed == ["p1"]
        assert [(a.seconds, a.person) for a in clock_log.adjustments] == [
            (60, "p2"),
            (-60, "p2"),
            (-60, "p2"),
            (60, "p2"),
        ]

        # Per comes back: he joins the end of the round and the shares recompute
        clock.advance(minutes=2)
        await pilot.press("right")
        await pilot.press("a")
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        reading = w.reading()
        assert reading.person == "p3"
        # a quarter each now; what Kari left of hers is shared by the three after her
        assert reading.unit_planned == 8 * 60 / 4 + (8 * 60 / 4 - 30) / 3
        session = await saved(app, pilot)
        assert all(p.present for p in session.participants)
        assert session.clocks["innsjekk"].order == ["p1", "p2", "p3", "p4"]

        # 4 faglig intro, 5 refleksjon: strengths and risks
        await pilot.press("pagedown")
        await pilot.press("n")
        await fill_form(pilot, "Loven sier mer om krav og forventninger")
        await pilot.press("pagedown")
        assert w.step.id == "refleksjon"
        await pilot.press("space")
        await pilot.press("right")  # phase "runde", Kari first
        await pilot.press("n")
        await fill_form(pilot, "Kari: vi er gode på støtte")
        session = await saved(app, pilot)
        note = session.notes[-1]
        assert (note.step_id, note.phase_id, note.person) == ("refleksjon", "runde", "p1")

        await pilot.press("s")
        await fill_form(pilot, "Vi støtter hverandre i vanskelige saker")
        await pilot.press("s")
        await paste_text(pilot, "Høy arbeidsmengde i turnus")
        await pilot.press("shift+tab")  # the kind
        await choose(pilot, 1)  # Risiko
        await pilot.press("tab", "tab")  # past the text to the § 4-3 factor
        await choose(pilot, 4)  # (ingen), (1), (2) a, (2) b, (2) c
        await pilot.press("tab", "space")  # not to be shared
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        strength, risk = session.findings
        assert (strength.kind, strength.visibility, strength.step_id) == (
            FindingKind.STRENGTH,
            Visibility.SHARED,
            "refleksjon",
        )
        assert strength.text == "Vi støtter hverandre i vanskelige saker"
        assert (risk.kind, risk.text, risk.factor, risk.visibility) == (
            FindingKind.RISK,
            "Høy arbeidsmengde i turnus",
            FACTORS[3],
            Visibility.GROUP,
        )

        # 6 pause, 7 forberedelse: one dilemma each; Aisha's touches harassment
        await pilot.press("pagedown", "pagedown")
        assert w.step.id == "forberedelse"
        dilemmas = [
            ("Prioritering", "Hvem skal få mest av tiden min når alle trenger den?"),
            ("Nye rutiner", "Gruppen vil ikke ta i bruk den nye turnusen."),
            ("Trakassering", "En ansatt forteller at hun opplever trakassering fra en kollega."),
            ("Hjemmekontor", "Skal alle få samme ordning, eller skal det vurderes hver gang?"),
        ]
        for downs, (title, text) in enumerate(dilemmas):
            await pilot.press("d")
            assert isinstance(app.screen, FormModal)
            if downs:
                await pilot.press("shift+tab")  # the participant
                await choose(pilot, downs)
                await pilot.press("tab")
            await type_text(pilot, title)  # the one-line title is selected on focus
            await pilot.press("tab")  # the text
            await fill_form(pilot, text)
        session = await saved(app, pilot)
        assert [(d.owner, d.title, d.text) for d in session.dilemmas] == [
            (f"p{i}", title, text) for i, (title, text) in enumerate(dilemmas, 1)
        ]
        assert [d.hr_hint for d in session.dilemmas] == [False, False, True, False]
        assert {d.visibility for d in session.dilemmas} == {Visibility.GROUP}

        # 8 kollegaveiledning: Kari's turn, notes while her back is turned
        await pilot.press("pagedown")
        assert w.step.id == "kollegaveiledning"
        await pilot.press("space")
        await pilot.pause()
        assert "Prioritering" in screen_text(app)
        clock.advance(minutes=3)
        await pilot.press("right")
        clock.advance(minutes=5)
        await pilot.press("right")
        reading = w.reading()
        assert (reading.person, reading.phase) == ("p1", "drofting")
        assert run_screen(app).query_one("#back-turned", Static).display
        await pilot.press("n")
        await fill_form(pilot, "Det er lov å si nei til noe")
        clock.advance(minutes=5)
        await pilot.press("right")
        await pilot.press("n")
        await fill_form(pilot, "Jeg tar med meg å spørre gruppen")
        session = await saved(app, pilot)
        focus_note, takeaway = session.notes[-2:]
        assert (focus_note.step_id, focus_note.phase_id, focus_note.person, focus_note.kind) == (
            "kollegaveiledning",
            "drofting",
            "p1",
            NoteKind.FOCUS_NOTES,
        )
        assert focus_note.visibility is Visibility.GROUP
        assert (takeaway.phase_id, takeaway.person, takeaway.kind) == (
            "respons",
            "p1",
            NoteKind.TAKEAWAY,
        )
        # on to Aisha's turn: her dilemma is on screen with the HR hint
        await pilot.press(*["right"] * 5)
        reading = w.reading()
        assert (reading.person, reading.phase) == ("p3", "presentasjon")
        await pilot.pause()
        assert "Trakassering" in screen_text(app)
        assert "HR" in widget_text(app, "#dilemma")
        session = await saved(app, pilot)
        assert session.clocks["kollegaveiledning"].order == ["p1", "p2", "p3", "p4"]

        # 9 utsjekk: an answer from the person in focus (to the first question),
        # then from the next (to the second)
        await pilot.press("pagedown")
        assert w.step.id == "utsjekk"
        await pilot.press("space")
        for question, text in enumerate(
            ("Det var godt å høre de andre", "Å høre hvordan det gikk")
        ):
            await pilot.press("c")
            if question:
                await pilot.press("shift+tab")  # the question
                await choose(pilot, question)
                await pilot.press("tab")
            await fill_form(pilot, text)
            await pilot.press("right")
        session = await saved(app, pilot)
        assert [(c.person, c.question, c.text) for c in session.checkouts] == [
            ("p1", 0, "Det var godt å høre de andre"),
            ("p2", 1, "Å høre hvordan det gikk"),
        ]
        assert {c.visibility for c in session.checkouts} == {Visibility.GROUP}

        # 10 avslutning: measures with owner and deadline, the next meeting
        await pilot.press("pagedown")
        assert w.step.id == "avslutning"
        await pilot.press("m")
        await paste_text(pilot, "Fast tid til kollegastøtte hver uke")
        await pilot.press("tab")
        await paste_text(pilot, "Lite tid til refleksjon")
        await pilot.press("tab", "tab", "tab", "tab")  # past factor and risk to the owner
        await type_text(pilot, "Avdelingsleder")
        await pilot.press("tab", "tab")  # past the owner's role
        await type_text(pilot, "15.04.2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        await pilot.press("m")
        await paste_text(pilot, "Ta opp turnus i AMU")
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await type_text(pilot, "HMS-leder")
        await pilot.press("tab", "tab")
        await type_text(pilot, "2026-05-01")
        await pilot.press("enter")  # Enter in a one-line field saves too
        await pilot.pause()
        run_screen(app)
        await pilot.press("n")
        await fill_form(pilot, "Referat sendes til AMU")
        await pilot.press("t")
        await type_text(pilot, "2026-04-20 09:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        assert [(m.what, m.challenge, m.owner, m.deadline) for m in session.measures] == [
            (
                "Fast tid til kollegastøtte hver uke",
                "Lite tid til refleksjon",
                "Avdelingsleder",
                date(2026, 4, 15),
            ),
            ("Ta opp turnus i AMU", "", "HMS-leder", date(2026, 5, 1)),
        ]
        assert {m.visibility for m in session.measures} == {Visibility.SHARED}
        assert session.next_meeting == datetime(2026, 4, 20, 9, 0).astimezone()
        captured = widget_text(app, "#captured")  # below the fold at 80×24
        assert "→ Fast tid til kollegastøtte hver uke (Avdelingsleder) 15.04.2026" in captured

        # the items list: share a dilemma, edit a note, delete a finding
        await pilot.press("i")
        assert isinstance(app.screen, ItemsScreen)
        table = app.screen.query_one(DataTable)
        keys = [row.value for row in table.rows]
        dilemma_row = next(i for i, k in enumerate(keys) if k.startswith("dilemmas:"))
        await pilot.press(*["down"] * dilemma_row)
        await pilot.press("v")
        first_note_row = next(i for i, k in enumerate(keys) if k.startswith("notes:"))
        await pilot.press(*["up"] * (dilemma_row - first_note_row))
        await pilot.press("e")
        assert isinstance(app.screen, FormModal)
        await pilot.press("end")
        await type_text(pilot, " (rettet)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ItemsScreen)
        finding_row = next(i for i, k in enumerate(keys) if k.startswith("findings:"))
        await pilot.press(*["down"] * (finding_row - first_note_row))
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ItemsScreen)
        await pilot.press("escape")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        assert session.dilemmas[0].visibility is Visibility.SHARED
        assert session.notes[0].text == "Filmen satte i gang tanker (rettet)"
        assert session.notes[0].updated_at == clock.now()
        assert [f.kind for f in session.findings] == [FindingKind.RISK]

        # finish: PgDn at the last step only says so; F10 asks first
        await pilot.press("pagedown")
        assert w.step.id == "avslutning"
        await pilot.press("f10")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")
        await pilot.pause()
        session = await saved(app, pilot)
        assert session.finished_at is None
        clock.advance(minutes=9)
        await pilot.press("f10")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # finishing leads on to the summary
        await pilot.press("escape")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        assert session.state == "finished"
        assert session.finished_at == clock.now()
        assert session.current_step == "avslutning"
        assert all(c.status is not Status.RUNNING for c in session.clocks.values())
        assert [n.step_id for n in session.notes] == [
            "intro",
            "innsjekk",
            "faglig-intro",
            "refleksjon",
            "kollegaveiledning",
            "kollegaveiledning",
            "avslutning",
        ]


# --- the timer ----------------------------------------------------------------------


async def test_next_and_previous_step_never_start_the_timer(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("pagedown")
        assert w.step.id == "fasilitator"
        assert w.reading().status is Status.NOT_STARTED
        await pilot.press("pagedown", "pagedown")
        assert w.step.id == "faglig-intro"
        clock.advance(minutes=1)
        await pilot.press("pageup", "pageup", "pageup")
        assert w.step.id == "intro"
        reading = w.reading()
        assert reading.status is Status.PAUSED
        assert reading.elapsed == 2 * 60  # the minute spent elsewhere did not count
        await pilot.press("pageup")  # already the first step
        assert w.step.id == "intro"
        session = await saved(app, pilot)
        assert session.current_step == "intro"
        assert set(session.clocks) == {"intro"}
        assert session.clocks["intro"].status is Status.PAUSED
        assert "Trykk mellomrom for å starte" not in screen_text(app)
        await pilot.press("pagedown")
        assert "Trykk mellomrom for å starte" in screen_text(app)


async def test_timer_counts_down_warns_and_shows_overtime(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        w = screen.workshop
        digits = screen.query_one("#timer", Digits)
        assert digits.value == "10:00"
        await pilot.press("space")
        clock.advance(minutes=4)
        reading = w.reading()
        assert (reading.status, reading.remaining, reading.overtime) == (Status.RUNNING, 360, 0)
        # the 4 Hz redraw picks the new time up by itself
        await wait_until(pilot, lambda: digits.value == "6:00", "6:00 on the timer")
        assert digits.has_class("-normal")

        clock.advance(minutes=4, seconds=30)  # 1:30 left: under a fifth of 10 minutes
        await wait_until(pilot, lambda: digits.value == "1:30", "1:30 on the timer")
        assert digits.has_class("-warning")

        await pilot.press("space")  # pause: time stands still
        clock.advance(minutes=5)
        reading = w.reading()
        assert (reading.status, reading.remaining) == (Status.PAUSED, 90)
        await pilot.press("space")
        clock.advance(minutes=2, seconds=5)
        reading = w.reading()
        assert reading.remaining == -35
        assert reading.overtime == 35
        assert reading.unit_overtime == 35
        await wait_until(pilot, lambda: digits.value.startswith("+"), "overtime on the timer")
        assert digits.value == "+0:35"
        assert digits.has_class("-overtime")
        assert not digits.has_class("-warning")
        assert "OVERTID" in screen_text(app)

        await pilot.press("plus")  # a minute more: back on the right side of zero
        assert w.reading().unit_remaining == 25
        await wait_until(pilot, lambda: digits.value == "0:25", "0:25 after +1 min")
        assert not digits.has_class("-overtime")
        session = await saved(app, pilot)
        first, second = session.clocks["intro"].runs
        assert first.end is not None
        assert second.end is None


# --- setup, start, language --------------------------------------------------------


async def test_setup_screen_draws_a_facilitator_and_previews_140_minutes(
    workspace, clock: FakeClock
):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        await type_text(pilot, "Helse øst")
        await pilot.press("tab", "tab", "tab", "tab")  # unit, date, agenda, participants
        await paste_text(pilot, "Kari, Ola, Aisha, Per")
        assert app.focused is screen.query_one("#names")
        table = screen.query_one("#preview", DataTable)
        minutes = [column.value for column in table.columns].index("min")
        assert str(table.get_row_at(table.row_count - 1)[minutes]) == "140"
        assert table.row_count == 11  # ten steps and the total

        await pilot.press("tab", "tab", "tab", "tab")  # start, end, facilitator, draw
        assert app.focused is screen.query_one("#draw")
        await pilot.press("enter")
        expected = random.Random(1).choice(list(NAMES))
        assert screen.query_one("#facilitator", Select).value == expected
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        assert session.title == "Helse øst"
        assert [p.name for p in session.participants] == list(NAMES)
        assert session.facilitator == f"p{NAMES.index(expected) + 1}"
        assert session.booked_end - session.booked_start == timedelta(hours=3)
        assert session.current_step == "intro"
        await pilot.pause()
        assert f"Fasilitator: {expected}" in screen_text(app)


async def make_session_on_disk(workspace, clock, steps_forward=2, **kwargs):
    """Run the app once: move on `steps_forward` steps, leave a note, quit."""
    app = make_app(workspace, clock, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*["pagedown"] * steps_forward)
        await pilot.press("n")
        await fill_form(pilot, "Notat før pausen")
        session = await saved(app, pilot)
        path = app.session_path
    return session, path


async def test_start_screen_lists_an_unfinished_session_and_resumes_it(workspace, clock: FakeClock):
    before, path = await make_session_on_disk(workspace, clock)
    assert before.current_step == "innsjekk"
    clock.advance(minutes=60)
    app = start_app(workspace, clock, "nb")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sessions_listed(pilot)
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        assert "Fortsett en påbegynt økt" in text
        assert "02.03.2026  Ledergruppe Øst (4)" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = run_screen(app)
        assert app.session_path == path
        assert screen.workshop.step.id == "innsjekk"
        assert "Steg 3 av 10" in screen_text(app)
        assert "Notat før pausen" in widget_text(app, "#captured")
        await pilot.press("n")
        await fill_form(pilot, "Etter pausen")
        session = await saved(app, pilot)
        assert session.id == before.id
        assert session.current_step == "innsjekk"
        assert [n.text for n in session.notes] == ["Notat før pausen", "Etter pausen"]
        assert session.started_at == before.started_at


async def test_a_session_left_running_after_a_crash_days_ago_opens_paused(
    workspace, clock: FakeClock
):
    """The laptop died in the check-in with the timer running, and the group never
    came back to it: reopened three days later, the check-in is not 72 hours over."""
    from facilitator.workshop import Workshop

    agenda = load_agenda("kollegaveiledning", workspace)
    session = new_session("Ledergruppe Øst", agenda, clock.now(), ["Kari", "Ola"])
    workshop = Workshop(session, clock)
    workshop.begin()
    workshop.goto_step(agenda.step_index("innsjekk"))
    workshop.toggle_timer()
    clock.advance(minutes=3)
    workshop.add_note("Skrevet før strømmen gikk")
    store = SessionStore(workspace, "nb")
    path = store.create(session)  # as the autosaver left it: the clock running
    clock.advance(minutes=3 * 24 * 60)

    app = make_app(workspace, clock, names=(), mode="resume", session_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        reading = run_screen(app).workshop.reading()
        assert reading.status is Status.PAUSED and reading.elapsed == 3 * 60
        assert any("satt på pause" in n.message for n in app._notifications)
        saved_now = await saved(app, pilot)
        clocks = saved_now.clocks["innsjekk"]
        assert clocks.status is Status.PAUSED
        assert [n.text for n in saved_now.notes] == ["Skrevet før strømmen gikk"]


async def test_the_app_in_english(workspace, clock: FakeClock):
    app = make_app(workspace, clock, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for words in ("Step 1 of 10", "A shared introduction", "Press space to start"):
            assert words in text
        for words in ("Start/pause", "Next step", "Note"):
            assert words in text  # the footer
        assert "Steg" not in text
        await pilot.press("n")
        assert "Note" in screen_text(app)
        assert "Shared: may go to management" in screen_text(app)
        await fill_form(pilot, "We are curious")
        await pilot.press("pagedown", "pagedown", "space")
        text = screen_text(app)
        assert "Speaking: Kari" in text
        assert "left of 2:00" in text
        session = await saved(app, pilot)
        assert session.lang == "en"
        assert [n.text for n in session.notes] == ["We are curious"]

    app = start_app(workspace, clock, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await sessions_listed(pilot)
        text = screen_text(app)
        assert "New session" in text
        assert "Resume a session" in text
        assert "Ny økt" not in text


# --- things going wrong ------------------------------------------------------------


async def test_a_session_open_elsewhere_is_refused_with_a_notification(workspace, clock: FakeClock):
    session = new_session("Låst økt", load_agenda("kollegaveiledning", workspace), clock.now())
    session.participants = []
    store = SessionStore(workspace)
    path = store.create(session)
    before = path.read_bytes()
    other = store.lock(session).acquire()  # as if another facilitator process had it
    try:
        app = start_app(workspace, clock, "nb")
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            await sessions_listed(pilot)
            await pilot.press("down", "enter")
            await wait_for_text(pilot, "åpen et annet sted")
            assert isinstance(app.screen, StartScreen)  # back where we chose
            assert app.lock is None
            assert app.autosaver is None
            (notification,) = list(app._notifications)
            assert notification.severity == "error"
            assert str(os.getpid()) in notification.message  # it says who holds it
        assert path.read_bytes() == before
    finally:
        other.release()


async def test_a_failing_disk_is_shown_and_the_app_keeps_going(
    workspace, clock: FakeClock, monkeypatch
):
    import facilitator.session.store as store_module

    real_write = store_module.write_atomic
    disk_full = {"on": False}
    attempts = []

    def write_atomic(path, data, **options):
        attempts.append(path)
        if disk_full["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data, **options)

    monkeypatch.setattr(store_module, "write_atomic", write_atomic)
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        status = screen.query_one("#save-status", Static)
        await saved(app, pilot)
        disk_full["on"] = True
        await pilot.press("n")
        await fill_form(pilot, "Skrevet mens disken var full")
        await wait_until(pilot, lambda: status.has_class("-error"), "the save warning")
        assert "No space left on device" in widget_text(app, "#save-status")
        assert "KUNNE IKKE LAGRE" in screen_text(app)
        assert not app.autosaver.flush(timeout=0.1)

        # the workshop goes on in memory
        await pilot.press("space", "pagedown")
        assert screen.workshop.step.id == "fasilitator"
        assert (
            "Skrevet mens disken var full"
            not in SessionStore(workspace).load(app.session_path).model_dump_json()
        )

        disk_full["on"] = False
        app.autosaver.retry_now()
        session = await saved(app, pilot)
        assert [n.text for n in session.notes] == ["Skrevet mens disken var full"]
        assert session.current_step == "fasilitator"
        await wait_until(pilot, lambda: not status.has_class("-error"), "the warning to go")
        assert "Lagret" in widget_text(app, "#save-status")
        assert app.autosaver.status.error is None


# --- capture forms ---------------------------------------------------------------------


async def test_a_check_out_answer_to_the_first_question_is_saved(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*["pagedown"] * 8, "space")
        assert run_screen(app).workshop.step.id == "utsjekk"
        await pilot.press("c")
        await fill_form(pilot, "Det var godt å høre de andre")
        session = await saved(app, pilot)
        assert [(c.person, c.question) for c in session.checkouts] == [("p1", 0)]


async def test_choosing_another_participant_in_the_dilemma_form_starts_blank(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*["pagedown"] * 6)
        assert run_screen(app).workshop.step.id == "forberedelse"
        await pilot.press("d")
        await type_text(pilot, "Kari")
        await pilot.press("tab")
        await fill_form(pilot, "Karis fortrolige sak")
        await pilot.press("d", "shift+tab")
        await choose(pilot, 1)  # Ola
        await pilot.press("tab")
        await type_text(pilot, "Ola")
        await pilot.press("tab")
        await fill_form(pilot, "Olas sak")
        session = await saved(app, pilot)
        assert [(d.owner, d.text) for d in session.dilemmas] == [
            ("p1", "Karis fortrolige sak"),
            ("p2", "Olas sak"),
        ]


# --- drafts: what is typed survives before it is saved -------------------------------


async def test_text_typed_into_a_form_comes_back_after_the_app_dies(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")  # refleksjon
        await pilot.press("s")
        await type_text(pilot, "Vi gir hverandre ")
        await paste_text(pilot, "støtte når det butter")
        await pilot.press("tab", "tab", "space")  # past the factor: not to be shared
        w = run_screen_or_form(app).workshop
        await wait_until(
            pilot,
            lambda: w.session.draft is not None and w.session.draft.values.get("shared") is False,
            "the draft",
        )
        session = await saved(app, pilot)
        path = app.session_path
    # The app is gone with the form open (as after a crash): the draft is on disk.
    assert session.draft is not None
    assert session.draft.form == "findings"
    assert session.draft.values == {
        "kind": "strength",
        "text": "Vi gir hverandre støtte når det butter",
        "shared": False,
    }
    assert session.findings == []

    app = make_app(workspace, clock, mode="resume", session_path=path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        assert "tatt vare på" in " ".join(n.message for n in app._notifications)
        await pilot.press("end")
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
    (finding,) = session.findings
    assert (finding.kind, finding.text, finding.visibility) == (
        FindingKind.STRENGTH,
        "Vi gir hverandre støtte når det butter!",
        Visibility.GROUP,
    )
    assert finding.step_id == "refleksjon"
    assert session.draft is None


async def test_closing_a_form_discards_its_draft(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        await pilot.press("n")
        await paste_text(pilot, "Kanskje ikke")
        await wait_until(pilot, lambda: w.session.draft is not None, "the draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmModal)  # text typed: it asks first
        await pilot.press("y")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        assert session.draft is None
        assert session.notes == []


async def test_a_note_too_long_to_save_is_cut_at_its_limit_and_says_so(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        await pilot.press("n")
        await paste_text(pilot, "x" * 10_001)
        form = app.screen
        assert isinstance(form, FormModal)
        # the field takes what it can hold, and says at once that the rest was left out
        assert "høyst 10000 tegn" in widget_text(app, "#form-hint")
        await wait_until(pilot, lambda: w.session.draft is not None, "the draft")
        session = await saved(app, pilot)
        assert session.notes == []
        assert len(session.draft.values["text"]) == 10_000  # as much as a text can hold
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
        assert [len(n.text) for n in session.notes] == [10_000]
        assert session.draft is None


async def test_an_edit_in_progress_comes_back_as_an_edit(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        await pilot.press("n")
        await fill_form(pilot, "Første utkast")
        await pilot.press("i", "e")
        assert isinstance(app.screen, FormModal)
        await pilot.press("end")
        await type_text(pilot, ", rettet")
        await wait_until(
            pilot,
            lambda: w.session.draft is not None
            and w.session.draft.values.get("text", "").endswith(", rettet"),
            "the draft with the whole text",
        )
        session = await saved(app, pilot)
        path = app.session_path
    (note,) = session.notes
    assert session.draft.item_id == note.id

    app = make_app(workspace, clock, mode="resume", session_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        run_screen(app)
        session = await saved(app, pilot)
    assert [(n.id, n.text) for n in session.notes] == [(note.id, "Første utkast, rettet")]


# --- follow-up of earlier measures ---------------------------------------------------


async def test_setup_offers_the_follow_up_and_the_group_records_each_measure(
    workspace, clock: FakeClock
):
    from facilitator.followup import STEP_ID
    from facilitator.session.model import Measure, MeasureStatus

    earlier = new_session(
        "Januar", load_agenda("kollegaveiledning", workspace), clock.now(), ["Kari", "Ola"]
    )
    earlier.unit = "Hjemmetjenesten"
    earlier.measures = [
        Measure(what="Faste morgenmøter", owner="Enhetsleder", created_at=clock.now()),
        Measure(what="Ryddigere turnus", created_at=clock.now()),
        Measure(what="Allerede gjort", status=MeasureStatus.DONE, created_at=clock.now()),
    ]
    SessionStore(workspace).save(earlier)
    clock.advance(minutes=60 * 24 * 40)

    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        await type_text(pilot, "Mars")
        await pilot.press("tab")
        await type_text(pilot, "Hjemmetjenesten")
        await wait_until(
            pilot,
            lambda: "Følg opp 2 åpne tiltak" in screen_text(app),
            "the follow-up offer",
        )
        assert screen.query_one("#follow-up").value  # offered, and ticked
        # the earlier units to choose from, the offer, date, agenda, participants
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await paste_text(pilot, "Kari, Ola, Aisha")
        assert "Oppfølging av tiltak fra tidligere" in screen_text(app)  # in the schedule
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        w = run_screen(app).workshop
        session = await saved(app, pilot)
        ids = [s.id for s in session.agenda.steps]
        assert ids[-2:] == [STEP_ID, "avslutning"]
        assert [(m.what, m.carried_from) for m in session.measures] == [
            ("Faste morgenmøter", earlier.id),
            ("Ryddigere turnus", earlier.id),
        ]

        await pilot.press(*["pagedown"] * ids.index(STEP_ID))
        assert w.step.id == STEP_ID
        text = widget_text(app, "#follow-up")
        assert "Faste morgenmøter (Enhetsleder)" in text
        assert "ikke tatt ennå" in text
        await pilot.press("f")
        assert isinstance(app.screen, FormModal)
        await pilot.press("shift+tab")  # the status
        await choose(pilot, 2)  # planlagt, i gang, utført
        await pilot.press("tab")
        await fill_form(pilot, "Gjort, og møtene virker")
        await pilot.press("f")  # the next one not yet followed up
        await pilot.press("shift+tab")
        await choose(pilot, 1)  # i gang
        await pilot.press("tab")
        await fill_form(pilot, "Halvveis")
        session = await saved(app, pilot)
        first, second = session.measures
        assert (first.status, second.status) == (MeasureStatus.DONE, MeasureStatus.IN_PROGRESS)
        assert [(f.text, f.session_id) for f in first.follow_ups] == [
            ("Gjort, og møtene virker", session.id)
        ]
        assert [f.text for f in second.follow_ups] == ["Halvveis"]
        assert first.done_on == clock.now().astimezone().date()
        assert widget_text(app, "#follow-up").count("fulgt opp nå") == 2

        # Again for the first measure: a correction, not a second follow-up
        await pilot.press("f", "shift+tab", "shift+tab")
        await choose(pilot, 0)  # all followed up: the form starts at the first
        await pilot.press("tab")
        await pilot.press("enter", "up", "enter")  # from its status here (utført) to i gang
        await pilot.press("tab", "end")
        await type_text(pilot, " (nesten)")
        await save_form(pilot)
        session = await saved(app, pilot)
        assert [(f.status, f.text) for f in session.measures[0].follow_ups] == [
            (MeasureStatus.IN_PROGRESS, "Gjort, og møtene virker (nesten)")
        ]


async def test_setup_chooses_a_theme_after_reading_its_introduction(workspace, clock: FakeClock):
    from facilitator.tui.screens.agenda_preview import AgendaPreviewModal

    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        await type_text(pilot, "Trygghet")
        select = screen.query_one("#agenda", Select)
        ids = [value for _label, value in select._options]
        await pilot.press("tab", "tab", "tab")  # unit, date, agenda
        assert app.focused is select
        await choose(pilot, ids.index("tema-psykologisk-trygghet") - ids.index("kollegaveiledning"))
        chosen = load_agenda("tema-psykologisk-trygghet", workspace)
        theme = widget_text(app, "#agenda-theme")
        assert chosen.theme.nb in theme
        assert "§ 4-3 (1)" in theme
        await pilot.press("f2")
        assert isinstance(app.screen, AgendaPreviewModal)
        preview = screen_text(app)
        assert chosen.title.nb in preview
        reflection = chosen.step("refleksjon")
        assert reflection.questions[0].nb.split()[0] in preview
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("tab")
        await paste_text(pilot, "Kari, Ola, Aisha")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        assert session.agenda.id == "tema-psykologisk-trygghet"
        assert session.agenda.step("refleksjon").questions == reflection.questions
