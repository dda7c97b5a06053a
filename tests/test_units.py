"""A unit is the same unit however its case, spaces and punctuation are typed, so a
group never loses the follow-up of its own measures to a spelling."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from facilitator.report.action_plan import collect_plan, open_measures
from facilitator.session.model import Visibility, new_session
from facilitator.session.quickread import read_workspace
from facilitator.session.store import SessionStore
from facilitator.session.units import known_units, unit_key
from facilitator.workshop import Workshop


def test_spellings_of_one_unit_are_one_unit():
    spellings = ["Helse Øst", "helse øst", "Helse-Øst", " HELSE ØST. ", "HelseØst", "Helse  Øst"]
    assert {unit_key(u) for u in spellings} == {"helseøst"}
    assert unit_key("Helse Øst") != unit_key("Helse Vest")
    assert unit_key("") == unit_key("  ") == ""
    # a composed and a decomposed letter are one letter
    assert unit_key("Tje\u0301neste") == unit_key("Tjéneste")


@given(st.text(max_size=40))
@example("Helse Øst")
@example("ß")
def test_the_key_ignores_case_and_punctuation_and_is_stable(text):
    key = unit_key(text)
    assert unit_key(key) == key
    assert unit_key(f"-{text}, ") == key
    assert unit_key(f"{text} ") == key


def test_known_units_keeps_one_spelling_each_the_first_met():
    assert known_units(["Helse Øst", "helse-øst", "", "Oppvekst", " oppvekst "]) == [
        "Helse Øst",
        "Oppvekst",
    ]


def _session_with_measure(workspace, clock, agenda, unit: str) -> None:
    w = Workshop(new_session("Før", agenda, clock.now(), ["Kari"], unit=unit), clock)
    w.add_measure(what=f"Tiltak i {unit}", visibility=Visibility.SHARED)
    SessionStore(workspace).save(w.session)


def test_a_differently_spelt_unit_still_finds_its_measures(workspace, clock, default_agenda):
    _session_with_measure(workspace, clock, default_agenda, "Helse Øst")
    _session_with_measure(workspace, clock, default_agenda, "Helse Vest")
    sessions, _ = read_workspace(workspace / "sessions")
    found = open_measures(sessions, unit="helse-øst ")
    assert [m.measure.what for m in found] == ["Tiltak i Helse Øst"]
    plan = collect_plan(sessions, date(2026, 3, 2), "nb", unit="HELSE ØST")
    assert len(plan.rows) == 1
