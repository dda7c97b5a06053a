"""Making a session from a plan (facilitator.session.create): the one way the setup
screen, `facilitator run` and everything else make one. No screen here."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from facilitator.agenda.model import Agenda
from facilitator.agenda.registry import load_agenda
from facilitator.cli import main
from facilitator.commands import tui
from facilitator.followup import STEP_ID
from facilitator.limits import MAX_PARTICIPANTS
from facilitator.session.create import (
    PlanRefused,
    SessionPlan,
    parse_time_of_day,
    split_names,
)
from facilitator.session.model import (
    Measure,
    NamesPolicy,
    ParticipantRole,
    Session,
)
from facilitator.timesource import FakeClock
from facilitator.tui.screens.setup import SetupScreen

from tui_helpers import make_app, saved, setup_app, widget_text

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # the conftest pins TZ=UTC
AGENDA: Agenda = load_agenda("kollegaveiledning", None)


def make(**fields: object) -> SessionPlan:
    fields.setdefault("participants", ("Kari", "Ola"))
    return SessionPlan(AGENDA, str(fields.pop("title", "Ledergruppe Øst")), **fields)  # type: ignore[arg-type]


# --- what setup collects becomes the session ----------------------------------------


def test_a_plan_makes_the_session_it_describes() -> None:
    plan = make(
        participants=("Kari (leder)", "Ola (verneombud)", "Aisha"),
        unit="Sone øst",
        day="03.03.2026",
        start="09:00",
        end="12:00",
        facilitator="Aisha",
        names_policy=NamesPolicy.NONE,
        lang="en",
        time_zone="Europe/Oslo",
        risk_scale=3,
    )
    session = plan.create(NOW)
    assert [(p.id, p.name, p.role) for p in session.participants] == [
        ("p1", "Kari", ParticipantRole.LEADER),
        ("p2", "Ola", ParticipantRole.SAFETY_REP),
        ("p3", "Aisha", None),
    ]
    assert session.facilitator == "p3"
    assert (session.title, session.unit, session.date) == (
        "Ledergruppe Øst",
        "Sone øst",
        date(2026, 3, 3),
    )
    assert session.id.startswith("2026-03-03-ledergruppe-ost-")
    assert (session.lang, session.time_zone, session.risk_scale) == ("en", "Europe/Oslo", 3)
    assert session.names_policy is NamesPolicy.NONE
    assert session.booked_start == datetime(2026, 3, 3, 9, tzinfo=UTC)
    assert session.booked_end == datetime(2026, 3, 3, 12, tzinfo=UTC)
    assert session.state == "setup" and session.created_at == NOW
    Session.model_validate(session.model_dump())  # as the file would be read back


def test_without_a_date_it_is_the_day_it_is_made_with_no_slot() -> None:
    session = make().create(NOW)
    assert session.date == NOW.date()
    assert (session.booked_start, session.booked_end, session.facilitator) == (None, None, None)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Kari", "Ola", "Åse", "Per Vik", "Aisha", "Bo"]),
        min_size=1,
        max_size=MAX_PARTICIPANTS,
    )
)
@example(["Kari", "Kari"])
def test_everyone_gets_an_id_of_their_own_in_speaking_order(names: list[str]) -> None:
    session = make(participants=tuple(names), facilitator=names[-1]).create(NOW)
    assert [p.name for p in session.participants] == names
    assert [p.id for p in session.participants] == [f"p{i}" for i in range(1, len(names) + 1)]
    # the first one written that way
    assert session.facilitator == f"p{names.index(names[-1]) + 1}"


ROLES = {
    "leder": ParticipantRole.LEADER,
    "VO": ParticipantRole.SAFETY_REP,
    "Tillitsvalgt": ParticipantRole.UNION_REP,
    "union  rep": ParticipantRole.UNION_REP,
    "hr": ParticipantRole.HR,
    "BHT": ParticipantRole.OCCUPATIONAL_HEALTH,
}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(ROLES)), min_size=1, max_size=6))
def test_roles_in_brackets_are_read(words: list[str]) -> None:
    lines = tuple(f"Person {i} ({word})" for i, word in enumerate(words))
    session = make(participants=lines).create(NOW)
    assert [p.role for p in session.participants] == [ROLES[w] for w in words]
    assert [p.name for p in session.participants] == [f"Person {i}" for i in range(len(words))]


times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=80, deadline=None)
@given(times, times)
@example(time(22), time(1))  # an evening slot
@example(time(9), time(9))  # the same time: a whole day
@example(time(9), time(12))
def test_an_end_not_after_the_start_is_the_next_day(start: time, end: time) -> None:
    session = make(day="2026-03-02", start=f"{start:%H:%M}", end=f"{end:%H:%M}").create(NOW)
    assert session.booked_start is not None and session.booked_end is not None
    begin = datetime.combine(date(2026, 3, 2), start, UTC)
    assert session.booked_start == begin
    days = 0 if end > start else 1
    assert session.booked_end == datetime.combine(date(2026, 3, 2 + days), end, UTC)
    assert timedelta(0) < session.booked_end - session.booked_start <= timedelta(days=1)


def test_an_end_alone_is_measured_from_the_moment_it_is_made() -> None:
    # as `facilitator run --end` has always taken it
    assert make(end="07:30").create(NOW).booked_end == datetime(2026, 3, 3, 7, 30, tzinfo=UTC)
    assert make(end="11:30").create(NOW).booked_end == datetime(2026, 3, 2, 11, 30, tzinfo=UTC)


def test_earlier_measures_are_followed_up_in_a_step_of_their_own() -> None:
    earlier = Measure(what="Fast møtetid", carried_from="2026-01-05-x-0000", created_at=NOW)
    session = make(follow_up=(earlier,)).create(NOW)
    assert [m.what for m in session.measures] == ["Fast møtetid"]
    assert STEP_ID in [s.id for s in session.agenda.steps]
    assert STEP_ID not in [s.id for s in make().create(NOW).agenda.steps]
    assert STEP_ID in [s.id for s in make(follow_up=(earlier,)).agenda_to_run().steps]


# --- one clear problem per field, in both languages ------------------------------------


BAD = {
    "title": {"title": "   "},
    "participants": {"participants": ()},
    "date": {"day": "31.02.2026"},
    "start": {"start": "25:00"},
    "end": {"end": "noon"},
    "facilitator": {"facilitator": "Nobody"},
    "zone": {"time_zone": "Mars/Olympus"},
}
WORDS = {
    ("title", "nb"): "Skriv en tittel.",
    ("title", "en"): "Please enter a title.",
    ("participants", "nb"): "Skriv inn minst én deltaker.",
    ("participants", "en"): "Please enter at least one participant.",
    ("date", "nb"): "Datoen må skrives som 02.03.2026 eller 2026-03-02.",
    ("date", "en"): "Write the date as 2026-03-02 or 02.03.2026.",
    ("start", "nb"): "Klokkeslett skrives som 09:00.",
    ("start", "en"): "Write times as 09:00.",
    ("end", "nb"): "Klokkeslett skrives som 09:00.",
    ("end", "en"): "Write times as 09:00.",
    ("facilitator", "nb"): "Fasilitatoren må være en av deltakerne.",
    ("facilitator", "en"): "The facilitator must be one of the participants.",
    ("zone", "nb"): "Ukjent tidssone «Mars/Olympus»",
    ("zone", "en"): 'Unknown time zone "Mars/Olympus"',
}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("field", sorted(BAD))
def test_each_field_has_its_own_problem(field: str, lang: str) -> None:
    plan = make(lang=lang, **BAD[field])
    (problem,) = plan.problems()
    assert problem.field == field
    assert WORDS[(field, lang)] in problem.message
    with pytest.raises(PlanRefused) as refused:
        plan.create(NOW)
    assert str(refused.value) == problem.message and refused.value.exit_code == 2


def test_every_problem_at_once_in_the_order_of_the_form() -> None:
    everything = {k: v for fields in BAD.values() for k, v in fields.items()}
    everything["participants"] = ("Kari",)
    problems = make(**everything).problems()
    assert [p.field for p in problems] == [
        "title",
        "date",
        "start",
        "end",
        "facilitator",
        "zone",
    ]


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (("Ola (sjefen)",), "«sjefen» (ved Ola) er ikke en rolle"),
        (("(leder)",), "«(leder)» mangler et navn foran parentesen"),
        (("N",) * (MAX_PARTICIPANTS + 1), "31 deltakere er for mange: en økt kan ha høyst 30"),
        (("x" * 201,), "Et navn kan være høyst 200 tegn"),
    ],
)
def test_participants_that_cannot_be_made(lines: tuple[str, ...], words: str) -> None:
    (problem,) = make(participants=lines).problems()
    assert problem.field == "participants" and words in problem.message


texts = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    title=texts,
    unit=texts,
    lines=st.lists(texts, max_size=8),
    day=st.none() | texts | st.dates().map(date.isoformat),
    start=texts | times.map(lambda t: f"{t:%H:%M}"),
    end=texts | times.map(lambda t: f"{t:%H.%M}"),
    zone=st.none() | texts | st.sampled_from(["Europe/Oslo", "UTC", "America/New_York"]),
)
@example(title="x", unit="", lines=["(leder)"], day=None, start="", end="", zone=None)
@example(title="x", unit="", lines=["\x00"], day=None, start="", end="", zone=None)
@example(title="\x01", unit="", lines=["Kari"], day=None, start="", end="", zone=None)
@example(title="x", unit="", lines=["Kari"], day="9999-12-31", start="9:00", end="8:00", zone=None)
@example(title="x", unit="", lines=["Kari"], day="0001-01-01", start="9:00", end="", zone=None)
@example(title="x", unit="", lines=["Kari"], day=None, start="", end="", zone="../etc/passwd")
def test_any_plan_makes_a_valid_session_or_says_why(
    title: str,
    unit: str,
    lines: list[str],
    day: str | None,
    start: str,
    end: str,
    zone: str | None,
) -> None:
    plan = make(
        title=title,
        unit=unit,
        participants=tuple(lines),
        day=day,
        start=start,
        end=end,
        time_zone=zone,
    )
    problems = plan.problems()
    try:
        session = plan.create(NOW)
    except PlanRefused as exc:
        assert exc.problems == problems and problems
        assert len({p.field for p in problems}) == len(problems)  # one a field
        return
    assert problems == []
    Session.model_validate(session.model_dump())


def test_the_typed_forms() -> None:
    assert split_names("Kari, Ola;Per\nAisha ,, ") == ["Kari", "Ola", "Per", "Aisha"]
    assert parse_time_of_day("9.05") == time(9, 5)
    assert parse_time_of_day(" 23:59 ") == time(23, 59)
    for bad in ("9", "24:00", "12:60", "noon", ""):
        assert parse_time_of_day(bad) is None


# --- `facilitator run` makes its session the same way ----------------------------------


def test_run_refuses_what_setup_would_refuse_before_the_screen_opens(
    workspace: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(tui, "_run", lambda *a, **k: opened.append(k) or 0)
    args = ["--workspace", str(workspace), "run", "--participants", "Kari, Ola (sjefen)"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "«sjefen» (ved Ola) er ikke en rolle" in err
    assert opened == []


async def test_run_reads_roles_as_setup_does(workspace: object, clock: FakeClock) -> None:
    app = make_app(workspace, clock, names=("Kari (leder)", "Ola (verneombud)"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = await saved(app, pilot)
    assert [(p.id, p.name, p.role) for p in session.participants] == [
        ("p1", "Kari", ParticipantRole.LEADER),
        ("p2", "Ola", ParticipantRole.SAFETY_REP),
    ]


async def test_setup_says_what_is_wrong_instead_of_failing(
    workspace: object, clock: FakeClock
) -> None:
    # A role with no name in front of it once made a session the model refused, and
    # the screen app stopped; the plan now says what to put right.
    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#title", Input).value = "Ledergruppe"
        screen.query_one("#names", Input).value = "Kari, (leder)"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "mangler et navn foran parentesen" in widget_text(app, "#setup-problem")
