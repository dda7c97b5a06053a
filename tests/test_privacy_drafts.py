"""A draft (what is half-typed into a form) reaches neither `facilitator plan` nor
`facilitator export`, even a draft of a measure marked shared, in any format.
The plan reads session files with a cut-down reader of its own: this makes sure
the draft's table is not mistaken for a measure. (Summaries built in memory are
covered by tests/test_report_privacy.py.)"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.session.model import Draft
from facilitator.session.store import SessionStore

from cli_helpers import SAMPLE_SESSION as SAMPLE
from cli_helpers import run_cli

DRAFT = "Utkast-til-tiltak-9Q"


@pytest.mark.parametrize("form", ["measures", "notes", "findings", "follow_up"])
def test_a_draft_is_in_no_plan_and_no_export(capsys, tmp_path: Path, form):
    store = SessionStore(tmp_path)
    session = store.load(SAMPLE)
    session.finished_at = None
    measure = session.measures[0].id
    session.draft = Draft(
        form=form,
        item_id=measure if form in ("measures", "follow_up") else None,
        values={"what": DRAFT, "text": DRAFT, "challenge": DRAFT, "shared": True},
        updated_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    )
    store.create(session)
    outputs = []
    for audience in ("management", "group"):
        for fmt in ("md", "html", "csv"):
            args = ("plan", "--audience", audience, "-f", fmt, "--as-of", "2026-03-25")
            outputs.append(run_cli(capsys, "--workspace", str(tmp_path), *args))
        for fmt in ("md", "html", "csv", "json", "ics"):
            args = ("export", session.id, "--audience", audience, "-f", fmt)
            outputs.append(run_cli(capsys, "--workspace", str(tmp_path), *args))
    assert all(r.code == 0 for r in outputs), [r.err for r in outputs]
    assert "Faste morgenmøter" in outputs[0].out  # the plan did read the session
    assert not [r for r in outputs if DRAFT in r.out]
