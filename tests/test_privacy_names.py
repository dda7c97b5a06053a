"""Names taken out of what goes to management, in the shapes Norwegian text gives
them: the genitive (Karis, Kari's, Kari’s), and in scripts written without spaces
(Chinese, Thai), inside running text. A word that only begins like a name stays."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.report.build import build_summary
from facilitator.report.formats import FORMATS, render_summary
from facilitator.report.model import Audience
from facilitator.report.redact import Redactor
from facilitator.session.model import Finding, FindingKind, Session, new_session

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karis team har for mye", "[deltaker]s team har for mye"),
        ("Kari's og Kari’s team", "[deltaker]'s og [deltaker]’s team"),
        ("Kari Nordmanns turnus", "[deltaker]s turnus"),
        ("Karisma og karismatisk", "Karisma og karismatisk"),
        ("Pers bil, per i dag", "[deltaker]s bil, per i dag"),
        ("李小龙说团队需要支持", "[deltaker]说团队需要支持"),
        ("คุณสมชายบอกว่า", "คุณ[deltaker]บอกว่า"),
    ],
)
def test_a_name_in_its_shapes_is_taken_out(text, expected):
    redact = Redactor(["Kari Nordmann", "Per Vik", "李小龙", "สมชาย ใจดี"], "[deltaker]")
    assert redact(text) == expected


def test_no_export_for_management_holds_a_name_in_the_genitive():
    agenda = load_agenda("kollegaveiledning", None)
    session = new_session("Økt", agenda, NOW, ["Kari Nordmann", "Per Vik"])
    session.findings = [
        Finding(kind=FindingKind.RISK, text="Karis og Pers turnus er for tett", created_at=NOW)
    ]
    session = Session.model_validate(session.model_dump())
    summary = build_summary(session, Audience.MANAGEMENT)
    for fmt in FORMATS:
        text = render_summary(summary, fmt, NOW)
        assert "Kari" not in text and "Pers" not in text, fmt
        if fmt in ("md", "html", "json"):  # csv and ics hold measures and dates only
            assert "turnus er for tett" in text, fmt


def test_a_name_in_the_title_does_not_reach_management_through_the_session_id(workspace):
    """The id is made from the title (`...-oppfolging-for-ase-og-kari-...`), where a
    name is lower-case and without æøå: the redactor cannot find it there, so
    management documents, their file names and the plan carry a reference instead."""
    from facilitator.report.action_plan import workspace_plan
    from facilitator.report.files import default_export_path
    from facilitator.report.html_page import render_html
    from facilitator.report.markdown import render_markdown
    from facilitator.report.plan_layout import plan_csv, plan_document
    from facilitator.session.model import Measure
    from facilitator.session.refs import public_ref
    from facilitator.session.store import SessionStore

    agenda = load_agenda("kollegaveiledning", None)
    earlier = new_session("Januar med Åse", agenda, NOW, ["Åse Berg", "Kari Nordmann"])
    session = new_session("Oppfølging for Åse og Kari", agenda, NOW, ["Åse Berg", "Kari Nordmann"])
    session.measures = [
        Measure(what="Faste møter", created_at=NOW),
        Measure(what="Ny turnus", created_at=NOW, carried_from=earlier.id),
    ]
    assert "ase" in session.id and "kari" in session.id and "ase" in earlier.id
    store = SessionStore(workspace, "nb")
    store.save(Session.model_validate(session.model_dump()))
    summary = build_summary(session, Audience.MANAGEMENT)
    texts = {fmt: render_summary(summary, fmt, NOW).casefold() for fmt in FORMATS}
    plan = workspace_plan(workspace, NOW.date(), "nb")
    texts["plan-md"] = render_markdown(plan_document(plan)).casefold()
    texts["plan-html"] = render_html(plan_document(plan)).casefold()
    texts["plan-csv"] = plan_csv(plan).casefold()
    for where, text in texts.items():
        assert "kari" not in text and "åse" not in text and "-ase-" not in text, where
    assert public_ref(session.id) in texts["md"]
    for fmt in FORMATS:
        name = default_export_path(workspace, session.id, Audience.MANAGEMENT, fmt, "nb").name
        assert "kari" not in name and "ase" not in name
    # The group's own record keeps the id, and the reference finds the session.
    assert session.id in render_summary(build_summary(session, Audience.GROUP), "md", NOW)
    assert store.resolve(public_ref(session.id)) == store.path_for(session.id)
    assert store.resolve(public_ref(session.id)[:-2]) == store.path_for(session.id)
