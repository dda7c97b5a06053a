"""Captured items by kind: one enum (`ItemKind`), each kind with its model and its
list in the session; typed lookups by kind; drafts that keep the names they had on
disk; and each rule about items written once (the risk scale, a measure's status
and done date, the HR hint), so that every way in agrees."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from facilitator.agenda.model import Agenda
from facilitator.session.model import (
    ITEM_MODELS,
    CapturedItem,
    CheckoutAnswer,
    Dilemma,
    DraftForm,
    Finding,
    FindingKind,
    ItemKind,
    Measure,
    MeasureStatus,
    Note,
    Session,
    Visibility,
    hr_hint_for,
    new_session,
    risk_scores,
    scores_out_of_scale,
    session_state,
)
from facilitator.session.quickread import read_workspace
from facilitator.session.store import SessionStore, dumps_session
from facilitator.timesource import FakeClock
from facilitator.tui import capture_forms
from facilitator.workshop import COLLECTIONS, Workshop

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NAMES = ["Kari Nordmann", "Ola Hansen", "Per Berg"]
OLD_DRAFT_FORMS = (
    "notes",
    "dilemmas",
    "findings",
    "measures",
    "checkouts",
    "next_meeting",
    "follow_up",
)
"""What session files have said in `draft.form` since drafts were saved."""
MODELS: dict[ItemKind, type[CapturedItem]] = {
    ItemKind.NOTES: Note,
    ItemKind.DILEMMAS: Dilemma,
    ItemKind.FINDINGS: Finding,
    ItemKind.MEASURES: Measure,
    ItemKind.CHECKOUTS: CheckoutAnswer,
}


@pytest.fixture
def w(default_agenda: Agenda, clock: FakeClock) -> Workshop:
    workshop = Workshop(new_session("Ledergruppe Øst", default_agenda, clock.now(), NAMES), clock)
    workshop.begin()
    return workshop


def add(w: Workshop, kind: ItemKind) -> CapturedItem:
    match kind:
        case ItemKind.NOTES:
            return w.add_note("Et notat")
        case ItemKind.DILEMMAS:
            return w.set_dilemma("p1", "Turnus", "Vaktene går ikke opp")
        case ItemKind.FINDINGS:
            return w.add_finding(FindingKind.RISK, "Lite tid til oppfølging")
        case ItemKind.MEASURES:
            return w.add_measure("Fast møte", owner="Leder", likelihood=2, consequence=2)
        case ItemKind.CHECKOUTS:
            return w.add_checkout("p2", "Takk for i dag")


# --- the kinds, their models and lists -----------------------------------------------


def test_every_kind_has_a_model_and_a_list_of_the_session(w: Workshop) -> None:
    assert ITEM_MODELS == MODELS
    assert [k.value for k in ItemKind] == ["notes", "dilemmas", "findings", "measures", "checkouts"]
    assert tuple(ItemKind) == COLLECTIONS
    for kind in ItemKind:
        assert kind.model is MODELS[kind]
        # the session's own list, not a copy: what is added there is in the session
        assert w.session.items(kind) is getattr(w.session, kind.value)
        item = add(w, kind)
        assert ItemKind.of(item) is kind
        assert w.session.items(kind) == [item]
        assert kind.form.item_kind is kind
        assert kind.form.value == kind.value
    assert [(k, i.id) for k, i in w.session.all_items()] == [
        (k, w.session.items(k)[0].id) for k in ItemKind
    ]


def test_the_forms_are_the_kinds_and_two_more() -> None:
    assert [f.value for f in DraftForm] == list(OLD_DRAFT_FORMS)
    assert {f.item_kind for f in DraftForm} == {*ItemKind, None}
    assert DraftForm.NEXT_MEETING.item_kind is None
    assert DraftForm.FOLLOW_UP.item_kind is None
    assert set(capture_forms.FORMS) == set(DraftForm)


def test_a_name_that_is_no_kind_is_a_key_error() -> None:
    assert ItemKind.named("measures") is ItemKind.MEASURES
    for name in ("participants", "clocks", "next_meeting", "follow_up", "Notes", ""):
        with pytest.raises(KeyError):
            ItemKind.named(name)


# --- find, update, delete, kind by kind ----------------------------------------------


@pytest.mark.parametrize("kind", list(ItemKind))
def test_find_update_and_delete_by_kind(w: Workshop, clock: FakeClock, kind: ItemKind) -> None:
    item = add(w, kind)
    other = add(w, ItemKind.NOTES if kind is not ItemKind.NOTES else ItemKind.CHECKOUTS)
    found = w.find(kind, item.id)
    assert found is item and isinstance(found, MODELS[kind])
    assert w.find(kind.value, item.id) is item  # the stored name finds it too
    clock.advance(minutes=1)

    updated = w.update(kind, item.id, visibility=Visibility.SHARED)
    assert type(updated) is MODELS[kind]
    assert (updated.id, updated.updated_at) == (item.id, clock.now())
    assert w.find(kind, item.id) is updated

    w.delete(kind, item.id)
    assert w.session.items(kind) == ([other] if ItemKind.of(other) is kind else [])
    for call in (
        lambda: w.find(kind, item.id),
        lambda: w.update(kind, item.id, visibility="group"),
        lambda: w.delete(kind, item.id),
    ):
        with pytest.raises(KeyError):
            call()


def test_an_item_of_one_kind_is_not_found_as_another(w: Workshop) -> None:
    note = add(w, ItemKind.NOTES)
    for kind in ItemKind:
        if kind is not ItemKind.NOTES:
            with pytest.raises(KeyError):
                w.find(kind, note.id)


def test_a_field_called_kind_can_be_changed(w: Workshop) -> None:
    """`kind` is both the lookup's first argument and a finding's field."""
    finding = add(w, ItemKind.FINDINGS)
    changed = w.update(ItemKind.FINDINGS, finding.id, kind=FindingKind.STRENGTH)
    assert changed.kind is FindingKind.STRENGTH


# --- drafts keep their stored names ---------------------------------------------------


@pytest.mark.parametrize("name", OLD_DRAFT_FORMS)
def test_a_draft_saved_before_the_enum_loads_and_saves_the_same(
    w: Workshop, tmp_path: Path, name: str
) -> None:
    data = w.session.model_dump(mode="json")
    data["draft"] = {
        "form": name,
        "values": {"text": "halvferdig"},
        "updated_at": START.isoformat(),
    }
    session = Session.model_validate(data)
    assert session.draft is not None
    assert session.draft.form is DraftForm(name) and session.draft.form == name
    text = dumps_session(session)
    assert f'form = "{name}"' in text
    store = SessionStore(tmp_path)
    path = store.save(session)
    again = store.load(path)
    assert again.draft is not None and again.draft.form is DraftForm(name)


def test_a_draft_brings_back_its_form_on_its_item(w: Workshop, clock: FakeClock) -> None:
    note = add(w, ItemKind.NOTES)
    w.set_draft(DraftForm.NOTES, {"text": "rettet"}, note.id)
    assert w.session.draft is not None
    form = capture_forms.draft_form(w, "nb", w.session.draft)
    assert (form.kind, form.item_id) == (DraftForm.NOTES, note.id)
    # deleted since: the text comes back in a form for a new one
    w.delete(ItemKind.NOTES, note.id)
    form = capture_forms.draft_form(w, "nb", w.session.draft)
    assert (form.kind, form.item_id) == (DraftForm.NOTES, None)


def test_a_follow_up_draft_brings_back_its_measure(w: Workshop) -> None:
    first = w.add_measure("Første")
    second = w.add_measure("Andre")
    for m in (first, second):
        m.carried_from = "2026-01-01-tidligere-abcd"
    w.set_draft(DraftForm.FOLLOW_UP, {"measure": second.id}, second.id)
    assert w.session.draft is not None
    form = capture_forms.draft_form(w, "nb", w.session.draft)
    assert (form.kind, form.item_id) == (DraftForm.FOLLOW_UP, second.id)


def test_a_form_refuses_an_item_of_another_kind(w: Workshop) -> None:
    note = add(w, ItemKind.NOTES)
    with pytest.raises(TypeError):
        capture_forms.FORMS[DraftForm.MEASURES](w, "nb", note)
    assert capture_forms.edit_form(w, "nb", note).kind is DraftForm.NOTES


# --- each rule once ---------------------------------------------------------------------


def test_the_forms_offer_the_scores_the_scale_takes(w: Workshop) -> None:
    for scale in (3, 5):
        w.session.risk_scale = scale
        form = capture_forms.measure_form(w, "nb")
        for name in ("likelihood", "consequence"):
            field = next(f for f in form.fields if f.name == name)
            assert [v for _, v in field.options] == list(risk_scores(scale))


def test_one_risk_scale_check_for_the_workshop_the_session_and_the_quick_reader(
    w: Workshop, tmp_path: Path
) -> None:
    m = w.add_measure("Tiltak", likelihood=3, consequence=2)
    assert scores_out_of_scale(m, 3) == []
    m4 = m.model_copy(update={"likelihood": 4})
    assert scores_out_of_scale(m4, 3) == [("likelihood", 4)]
    assert scores_out_of_scale(m4, 5) == []
    w.session.risk_scale = 3
    with pytest.raises(ValidationError, match="1 to 3"):
        w.update(ItemKind.MEASURES, m.id, likelihood=4)
    data = w.session.model_dump(mode="json")
    data["measures"][0]["likelihood"] = 4
    with pytest.raises(ValidationError, match=f"measure {m.id}: risk scores go from 1 to 3"):
        Session.model_validate(data)
    # the quick reader of session files refuses the cut, then the whole file says why
    path = SessionStore(tmp_path).save(w.session)
    text = path.read_text("utf-8").replace("likelihood = 3", "likelihood = 4")
    path.write_text(text, "utf-8")
    sessions, problems = read_workspace(path.parent)
    assert sessions == [] and len(problems) == 1


def test_one_hr_rule_for_the_workshop_and_the_form(w: Workshop) -> None:
    """The box adds the hint; an unticked box leaves it to the words; only the
    workshop, asked directly, can be told there is none."""
    hr_words = ("Sykefravær", "langvarig sykmelding og konflikt")
    plain = ("Turnus", "vaktene går ikke opp")
    assert hr_hint_for(*hr_words) and not hr_hint_for(*plain)
    assert hr_hint_for(*plain, flagged=True)
    assert not hr_hint_for(*hr_words, flagged=False)

    cases = [(hr_words, False, True), (plain, False, False), (plain, True, True)]
    for pid, ((title, text), ticked, expected) in zip(("p1", "p2", "p3"), cases, strict=True):
        form = capture_forms.dilemma_form(w, "nb")
        values: dict[str, Any] = {
            "owner": pid,
            "title": title,
            "text": text,
            "factor": None,
            "hr": ticked,
            "shared": False,
        }
        made = form.apply(values)
        assert isinstance(made, Dilemma) and made.hr_hint is expected
        assert w.set_dilemma(pid, title, text).hr_hint is hr_hint_for(title, text)


def test_a_status_set_in_the_measure_form_gets_the_done_date_a_follow_up_gives(
    w: Workshop, clock: FakeClock
) -> None:
    """Marking a measure done by editing it dates it as a follow-up does; taking it
    back clears the date; an edit that keeps the status keeps the date."""
    m = w.add_measure("Tiltak")
    today = clock.now().astimezone().date()
    done = w.update(ItemKind.MEASURES, m.id, status=MeasureStatus.DONE)
    assert done.done_on == today
    clock.advance(minutes=3 * 24 * 60)
    kept = w.update(ItemKind.MEASURES, m.id, owner="Leder", status=MeasureStatus.DONE)
    assert kept.done_on == today
    again = w.update(ItemKind.MEASURES, m.id, status=MeasureStatus.IN_PROGRESS)
    assert again.done_on is None
    followed = w.follow_up(m.id, MeasureStatus.DONE)
    assert followed.done_on == today + timedelta(days=3)


def test_session_state_is_one_rule() -> None:
    assert session_state(None, None) == "setup"
    assert session_state(START, None) == "running"
    assert session_state(START, START) == "finished"
    assert session_state(None, START) == "finished"
