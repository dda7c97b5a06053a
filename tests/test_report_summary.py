"""Building the summary of a session: what each audience gets, the times, the
follow-up of earlier measures, names kept out, and the list of what leaves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from facilitator.law import Paragraph
from facilitator.report.build import build_summary
from facilitator.report.json_export import render_json
from facilitator.report.model import Audience, DilemmaEntry, Summary
from facilitator.report.outgoing import leaving_group, outgoing
from facilitator.report.redact import Redactor
from facilitator.session.model import NamesPolicy, Visibility
from facilitator.session.refs import public_ref
from facilitator.session.store import SessionStore

from conftest import REPO

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
PRESENT = ["Kari Nordmann", "Ola Nordmann", "Aisha Rahimi", "Per Vik", "Ingrid Moe"]
PRESENT = ["Kari Nordmann", "Ola Nordmann", "Aisha Rahimi", "Per Vik", "Ingrid Moe"]


@pytest.fixture
def sample():
    return SessionStore(REPO, "nb").load(SAMPLE)


def test_group_copy_has_everything(sample):
    s = build_summary(sample, Audience.GROUP)
    assert s.participants == PRESENT
    assert s.absent == ["Tor Lunde"] and s.facilitator == "Kari Nordmann"
    assert len(s.dilemmas) == 5 and all(d.owner for d in s.dilemmas)
    assert sum(d.hr_hint is True for d in s.dilemmas) == 1
    assert len(s.measures) == 5 and len(s.followed_up) == 2
    assert any(n.person == "Per Vik" and n.kind.value == "focus_notes" for n in s.notes)
    checkin = next(t for t in s.steps if t.step_id == "innsjekk")
    assert checkin.airtime[0].name == "Kari Nordmann"
    assert sum(p.seconds for p in checkin.airtime) == pytest.approx(525, abs=1)


def test_management_copy_has_only_what_is_shared_and_no_one(sample):
    s = build_summary(sample, Audience.MANAGEMENT)
    assert s.participants is None and s.present_count == 5
    assert s.absent == [] and s.facilitator is None
    assert [d.title for d in s.dilemmas] == ["Hva kan vente på en travel dag?"]
    assert all(d.owner is None and d.hr_hint is None for d in s.dilemmas)
    assert len(s.measures) == 4  # the one kept in the group is not there
    # owners as the group wrote them (the sample's rule is `owners`), roles added
    assert {m.owner for m in s.all_measures} >= {"Per Vik (avdelingsleder)", "Enhetsleder"}
    # with no names allowed, the role the facilitator typed, or a neutral word
    sample.names_policy = NamesPolicy.NONE
    none = build_summary(sample, Audience.MANAGEMENT)
    assert {m.owner for m in none.all_measures} >= {"avdelingsleder", "Enhetsleder"}
    assert not any("Per Vik" in m.owner or "Aisha" in m.owner for m in none.all_measures)
    assert all(not t.airtime for t in s.steps)
    assert all(n.person is None for n in s.notes) and all(c.person is None for c in s.checkouts)
    risks = [r.text for f in s.findings for r in f.risks]
    assert not any("turnusgruppene" in r for r in risks)


def test_dilemma_themes_count_only_what_the_audience_may_see(sample):
    # In a small group, "harassment: 1 dilemma" points at a person: management's
    # themes come from the shared dilemmas alone, the group's from all of them.
    s = build_summary(sample, Audience.MANAGEMENT)
    themes = {t.factor.paragraph: t.count for t in s.dilemma_themes}
    shared = [d for d in sample.dilemmas if d.visibility is Visibility.SHARED]
    assert sum(themes.values()) == sum(len(d.factors or [None]) for d in shared)
    assert Paragraph.P5 not in themes  # the harassment dilemma stays in the group
    group = build_summary(sample, Audience.GROUP)
    themes = {t.factor.paragraph: t.count for t in group.dilemma_themes}
    assert themes[Paragraph.P2C] == 2 and themes[Paragraph.P6] == 2 and themes[Paragraph.P5] == 1


def test_times_planned_for_those_present_and_read_from_the_clocks(sample):
    s = build_summary(sample, Audience.MANAGEMENT)
    assert s.planned_minutes == 155  # five present: 10+2+8+5+20+10+5+5×15+10+10
    peer = next(t for t in s.steps if t.step_id == "kollegaveiledning")
    assert (peer.planned_minutes, peer.actual_minutes) == (75, pytest.approx(76.7, abs=0.1))
    assert s.actual_minutes == pytest.approx(sum(t.actual_minutes or 0 for t in s.steps), abs=0.2)


def test_followed_up_measures_keep_their_origin_and_evaluations(sample):
    s = build_summary(sample, Audience.MANAGEMENT, "en")
    done, going = s.followed_up
    # management sees the name-free reference, the group the id itself
    assert done.carried_from == public_ref("2026-01-19-ledergruppe-helse-ost-demo")
    group = build_summary(sample, Audience.GROUP, "en")
    assert group.followed_up[0].carried_from == "2026-01-19-ledergruppe-helse-ost-demo"
    assert done.status_text == "done" and done.done_on.isoformat() == "2026-02-02"
    assert going.follow_ups[0].status_text == "in progress"
    assert "this session followed up 2 measures" in s.documents[4]
    # documents name the agreeing session by its date, never by a fingerprint
    assert done.agreed_on.isoformat() == "2026-01-19"
    assert done.origin_ref == group.followed_up[0].origin_ref == done.carried_from


def test_names_may_go_to_management_when_the_session_says_so(sample):
    sample.names_policy = NamesPolicy.EVERYONE
    s = build_summary(sample, Audience.MANAGEMENT)
    assert s.participants == PRESENT
    assert "Per Vik (avdelingsleder)" in {m.owner for m in s.measures}
    # ...but still nothing per person
    assert s.absent == [] and all(not t.airtime for t in s.steps)


@pytest.mark.parametrize("audience", list(Audience))
def test_json_reads_back_as_the_same_summary(sample, audience):
    summary = build_summary(sample, audience)
    assert Summary.model_validate_json(render_json(summary)) == summary


def test_a_management_summary_refuses_anything_personal(sample):
    s = build_summary(sample, Audience.MANAGEMENT)
    data = s.model_dump()
    data["dilemmas"][0]["owner"] = "Per Vik"
    with pytest.raises(ValidationError):
        Summary.model_validate(data)
    data = s.model_dump()
    hidden = DilemmaEntry(title="x", text="y", factors=[], shared=False)
    data["dilemmas"].append(hidden.model_dump())
    with pytest.raises(ValidationError):
        Summary.model_validate(data)


def test_what_leaves_the_group_is_what_the_export_holds(sample):
    lines = leaving_group(sample)
    kinds = [o.kind for o in lines]
    assert kinds[:4] == ["title", "unit", "participants", "times"]
    assert kinds.count("measure") == 6 and kinds.count("dilemma") == 1
    assert kinds.count("strength") == 3 and kinds.count("risk") == 4
    assert "navnene er ikke tatt med" in lines[2].text
    assert all(o.label for o in lines)
    assert not any("Kari" in o.text for o in lines)
    # a measure's owner is named, as the group wrote it, and nowhere else
    assert all(o.kind == "measure" for o in lines if "Per Vik" in o.text)
    assert lines == outgoing(build_summary(sample, Audience.MANAGEMENT))


def test_nothing_shared_still_says_who_came_and_how_long_it_took(sample):
    for item in [*sample.findings, *sample.measures, *sample.notes, *sample.checkouts]:
        item.visibility = Visibility.GROUP
    for d in sample.dilemmas:
        d.visibility = Visibility.GROUP
    sample.next_meeting = None
    kinds = {o.kind for o in leaving_group(sample)}
    # not even the themes of the dilemmas: they were all kept in the group
    assert kinds == {"title", "unit", "participants", "times"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kari Nordmann tar det", "[x] tar det"),
        ("kari og NORDMANN", "[x] og [x]"),
        ("Karianne er ikke Kari", "Karianne er ikke [x]"),
        ("Per Vik sa: 5 per person", "[x] sa: 5 per person"),
        ("per tar det, og Per også", "per tar det, og [x] også"),
        ("ingen navn her", "ingen navn her"),
    ],
)
def test_redactor(text, expected):
    redact = Redactor(["Kari Nordmann", "Per Vik", "A"], "[x]")
    assert redact(text) == expected


def test_summary_of_a_session_in_setup_is_a_draft(sample):
    sample.finished_at = None
    sample.clocks = {}
    sample.started_at = None
    sample.updated_at = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    s = build_summary(sample, Audience.MANAGEMENT)
    assert s.state == "setup" and s.actual_minutes is None
    assert all(t.actual_minutes is None for t in s.steps)


def test_roles_present_and_the_follow_up_answers_reach_management(sample):
    from facilitator.session.model import Answer, ParticipantRole

    sample.participants[1].role = ParticipantRole.SAFETY_REP
    sample.participants[2].role = ParticipantRole.LEADER
    sample.participants[5].role = ParticipantRole.UNION_REP  # away: not counted
    carried = next(m for m in sample.measures if m.carried_from)
    carried.follow_ups[-1].worked = Answer.PARTLY
    carried.follow_ups[-1].enough = Answer.NO
    s = build_summary(sample, Audience.MANAGEMENT)
    # five present: four leaders and the safety representative; Tor is away
    assert [(r.role, r.count) for r in s.roles_present] == [
        (ParticipantRole.LEADER, 4),
        (ParticipantRole.SAFETY_REP, 1),
    ]
    answered = next(m for m in s.followed_up if m.id == carried.id).follow_ups[-1]
    assert (answered.worked, answered.enough) == (Answer.PARTLY, Answer.NO)
    assert s.agenda_paragraphs and s.finished_at == sample.finished_at
