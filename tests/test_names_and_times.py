"""Who is named to management, in which time zone times are shown, and how a measure
from an earlier session is referred to (issue: documents an HR adviser can file)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitator.report.action_plan import workspace_plan
from facilitator.report.build import build_summary
from facilitator.report.formats import render_summary
from facilitator.report.model import Audience
from facilitator.report.outgoing import flags_of, leaving_group
from facilitator.session.model import Measure, NamesPolicy, Session, new_session
from facilitator.session.refs import public_ref
from facilitator.session.store import SessionStore
from facilitator.settings import load_settings
from facilitator.textcheck import looks_like_a_name
from facilitator.timefmt import parse_day, parse_moment
from facilitator.timesource import FakeClock
from facilitator.tomlfile import FileProblem
from facilitator.workshop import Workshop

from strategies import default_agenda

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
STAMP = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _session(
    day: date, names: list[str], policy: NamesPolicy, title: str = "Ledergruppe"
) -> Session:
    moment = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    session = new_session(title, default_agenda(), moment, names, unit="Sone øst", day=day)
    session.names_policy = policy
    return session


def _save(workspace: Path, session: Session) -> None:
    SessionStore(workspace).create(session)


# --- owners and the names rule ---------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "owner", "participants"),
    [
        (NamesPolicy.OWNERS, "Kari Nordmann (enhetsleder)", None),
        (NamesPolicy.EVERYONE, "Kari Nordmann (enhetsleder)", ["Kari Nordmann", "Ola Hansen"]),
        (NamesPolicy.NONE, "enhetsleder", None),
    ],
)
def test_the_owner_is_shown_as_the_session_allows(policy, owner, participants):
    s = _session(date(2026, 3, 2), ["Kari Nordmann", "Ola Hansen"], policy)
    s.measures = [
        Measure(
            what="Ola lager en liste",
            owner="Kari Nordmann",
            owner_role="enhetsleder",
            created_at=NOW,
        )
    ]
    summary = build_summary(s, Audience.MANAGEMENT)
    (m,) = summary.measures
    assert m.owner == owner
    assert summary.participants == participants
    # another participant's name in a text is left out unless everyone may be named
    assert ("Ola" in m.what) is (policy is NamesPolicy.EVERYONE)
    # the group's own record always has it all
    assert build_summary(s, Audience.GROUP).measures[0].owner == "Kari Nordmann (enhetsleder)"


def test_with_no_names_and_no_role_a_participant_owner_is_replaced():
    s = _session(date(2026, 3, 2), ["Kari Nordmann"], NamesPolicy.NONE)
    s.measures = [Measure(what="x", owner="Kari Nordmann", created_at=NOW)]
    assert build_summary(s, Audience.MANAGEMENT).measures[0].owner == "[deltaker]"
    assert build_summary(s, Audience.MANAGEMENT, "en").measures[0].owner == "[participant]"


def _carried_pair(workspace: Path, first: NamesPolicy, later: NamesPolicy) -> Session:
    """January (Åse and Kari) agrees a measure that names Åse; March (Kari and Ola)
    follows it up. Åse is not in March's group."""
    from facilitator.followup import add_follow_up, open_earlier_measures

    january = _session(date(2026, 1, 19), ["Åse Berg", "Kari Nordmann"], first, "Januar")
    january.measures = [
        Measure(
            what="Åse lager en liste over hva som kan vente",
            owner="Åse Berg",
            owner_role="fagleder",
            deadline=date(2026, 4, 1),
            created_at=NOW,
        )
    ]
    _save(workspace, january)
    march = _session(date(2026, 3, 2), ["Kari Nordmann", "Ola Hansen"], later, "Mars")
    add_follow_up(march, open_earlier_measures(workspace, "Sone øst"))
    _save(workspace, march)
    return march


def test_a_carried_measure_is_scrubbed_with_every_name_its_history_knows(workspace):
    march = _carried_pair(workspace, NamesPolicy.OWNERS, NamesPolicy.OWNERS)
    (carried,) = march.measures
    assert carried.history_names == ["Åse Berg", "Kari Nordmann"]
    assert carried.agreed_names_policy is NamesPolicy.OWNERS
    summary = build_summary(march, Audience.MANAGEMENT)
    (m,) = summary.followed_up
    assert "Åse" not in m.what and m.what.startswith("[deltaker]")
    assert m.owner == "Åse Berg (fagleder)"  # the owner, as the agreeing session allows
    for fmt in ("md", "html", "csv", "json", "ics"):
        text = render_summary(summary, fmt, STAMP)
        assert "Åse lager" not in text, fmt


def test_a_measure_keeps_the_names_rule_of_the_session_that_agreed_it(workspace):
    # January let no names out; March lets everyone's out: the measure agreed in
    # January still shows no name, in March's summary and in the plan.
    march = _carried_pair(workspace, NamesPolicy.NONE, NamesPolicy.EVERYONE)
    (m,) = build_summary(march, Audience.MANAGEMENT).followed_up
    assert m.owner == "fagleder" and "Åse" not in m.what
    (row,) = workspace_plan(workspace, date(2026, 3, 25), "nb").rows
    assert row.entry.owner == "fagleder" and "Åse" not in row.entry.what
    # ...and the other way round: agreed under `everyone`, followed up under `none`
    for path in (workspace / "sessions").glob("*.toml"):
        path.unlink()
    march = _carried_pair(workspace, NamesPolicy.EVERYONE, NamesPolicy.NONE)
    (m,) = build_summary(march, Audience.MANAGEMENT).followed_up
    assert m.owner == "Åse Berg (fagleder)" and "Åse lager" in m.what


def test_a_carried_measure_is_named_by_the_date_of_its_session_not_a_fingerprint(workspace):
    march = _carried_pair(workspace, NamesPolicy.OWNERS, NamesPolicy.OWNERS)
    for audience in Audience:
        summary = build_summary(march, audience)
        (m,) = summary.followed_up
        assert m.agreed_on == date(2026, 1, 19)
        md = render_summary(summary, "md", STAMP)
        html = render_summary(summary, "html", STAMP)
        assert "19.01.2026" in md and "19.01.2026" in html
        assert public_ref(m.carried_from or "")[-6:] not in md.split("Laget av")[0]
        lines = [o.text for o in leaving_group(march) if o.kind == "measure"]
        assert any("avtalt i økta 19.01.2026" in line for line in lines)


def test_a_measure_has_one_calendar_uid_for_every_audience(workspace):
    march = _carried_pair(workspace, NamesPolicy.OWNERS, NamesPolicy.OWNERS)

    def uids(audience: Audience) -> list[str]:
        ics = render_summary(build_summary(march, audience), "ics", STAMP).replace("\r\n ", "")
        return [line for line in ics.splitlines() if line.startswith("UID:") and "." in line]

    group, management = uids(Audience.GROUP), uids(Audience.MANAGEMENT)
    measure_uids = [u for u in group if not u.startswith("UID:next-meeting")]
    assert measure_uids and set(measure_uids) <= set(management)


# --- times in the room's zone ------------------------------------------------------------


def test_the_next_meeting_is_shown_in_the_rooms_time_zone_wherever_it_is_exported():
    # The tests run with TZ=UTC; the room is in Oslo, where 07:00 UTC in April is 09:00.
    s = _session(date(2026, 3, 2), ["Kari"], NamesPolicy.OWNERS)
    s.time_zone = "Europe/Oslo"
    s.next_meeting = datetime(2026, 4, 20, 7, 0, tzinfo=UTC)
    for fmt in ("md", "html"):
        text = render_summary(build_summary(s, Audience.MANAGEMENT), fmt, STAMP)
        assert "kl. 09:00" in text and "07:00" not in text
    en = render_summary(build_summary(s, Audience.MANAGEMENT, "en"), "md", STAMP)
    assert "at 09:00" in en
    assert build_summary(s, Audience.MANAGEMENT).time_zone == "Europe/Oslo"


def test_a_session_refuses_a_zone_that_does_not_exist():
    s = _session(date(2026, 3, 2), ["Kari"], NamesPolicy.OWNERS)
    with pytest.raises(ValueError, match="Europe/Oslo"):
        s.time_zone = "Europe/Bergen"


def test_a_new_session_takes_the_machines_zone(monkeypatch):
    import tzlocal

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "America/New_York")
    assert new_session("x", default_agenda(), NOW).time_zone == "America/New_York"
    # a machine whose zone cannot be told gives the product's default
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: None)
    assert new_session("x", default_agenda(), NOW).time_zone == "Europe/Oslo"
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Mars/Olympus")
    assert new_session("x", default_agenda(), NOW).time_zone == "Europe/Oslo"
    assert new_session("x", default_agenda(), NOW, time_zone="Europe/Oslo").time_zone == (
        "Europe/Oslo"
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15.11.2026", date(2026, 11, 15)),
        ("2026-11-15", date(2026, 11, 15)),
        (" 5.1.2027 ", date(2027, 1, 5)),
    ],
)
def test_dates_are_read_as_people_type_them(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["31.02.2026", "2026-13-01", "15/11/2026", "", "i morgen"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_day(text)


def test_a_moment_is_read_in_the_rooms_zone():
    from zoneinfo import ZoneInfo

    oslo = ZoneInfo("Europe/Oslo")
    moment = parse_moment("20.04.2026 09:00", oslo)
    assert moment.astimezone(UTC) == datetime(2026, 4, 20, 7, 0, tzinfo=UTC)
    assert parse_moment("2026-04-20 9.00", oslo) == moment
    with pytest.raises(ValueError):
        parse_moment("20.04.2026", oslo)


# --- the workspace's risk scale --------------------------------------------------------------


def test_the_workspace_file_sets_the_risk_scale(workspace):
    assert load_settings(workspace).risk_scale == 5
    (workspace / "facilitator.toml").write_text("risk_scale = 3\n", encoding="utf-8")
    assert load_settings(workspace).risk_scale == 3
    (workspace / "facilitator.toml").write_text("\n\nrisk_scale = 4\n", encoding="utf-8")
    with pytest.raises(FileProblem) as info:
        load_settings(workspace, "en")
    (line,) = info.value.problems
    assert "facilitator.toml:3: risk_scale" in line


def test_a_score_above_the_scale_is_refused_and_a_score_shows_everywhere():
    s = _session(date(2026, 3, 2), ["Kari"], NamesPolicy.OWNERS)
    s.risk_scale = 3
    w = Workshop(s, FakeClock(NOW))
    with pytest.raises(ValueError):
        w.add_measure("x", likelihood=4, consequence=1)
    w.add_measure("Tiltak", owner="Enhetsleder", likelihood=3, consequence=2)
    summary = build_summary(s, Audience.MANAGEMENT)
    assert summary.measures[0].risk == 6
    assert "6 (3 × 2)" in render_summary(summary, "md", STAMP)
    assert '"6"' in render_summary(summary, "csv", STAMP) or ";6;" in render_summary(
        summary, "csv", STAMP
    )


# --- what the export preview flags -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Vi snakket med Åse Berg om turnusen", ("name",)),
        ("En i teamet, Jonas, har vært sykmeldt lenge", ("name", "health")),
        ("Faste morgenmøter i alle team", ()),
        ("Ta det opp i AMU og med NAV", ()),
        ("Flere er utbrent etter vinteren", ("health",)),
    ],
)
def test_the_preview_flags_names_from_outside_the_group_and_health(text, flags):
    assert flags_of(text) == flags


def test_a_measures_owner_is_named_on_purpose_and_not_flagged():
    assert not looks_like_a_name("Innføre faste møter\nEnhetsleder Berg", ["Enhetsleder Berg"])
    assert flags_of("Innføre faste møter\nKari Nordmann", owner="Kari Nordmann") == ()
