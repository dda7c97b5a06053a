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
