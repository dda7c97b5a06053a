"""Every export of the sample session, and the action plan of a workspace holding
it, compared byte for byte with the files in tests/golden/.

After an intended change, regenerate them and read the diff before committing:

    FACILITATOR_UPDATE_GOLDEN=1 pytest tests/test_export_golden.py
"""

from __future__ import annotations

import difflib
import os
from datetime import UTC, date, datetime

import pytest

from facilitator.i18n import Lang
from facilitator.report.action_plan import workspace_plan
from facilitator.report.build import build_summary
from facilitator.report.formats import FORMATS, render_summary
from facilitator.report.html_page import render_html
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_csv, plan_document
from facilitator.session.store import SessionStore

from conftest import REPO

GOLDEN = REPO / "tests" / "golden"
SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
STAMP = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
"""The export time (DTSTAMP) the goldens were made with."""
AS_OF = date(2026, 3, 25)
"""The day the plan's goldens judge deadlines by: one measure is overdue then."""
UPDATE = os.environ.get("FACILITATOR_UPDATE_GOLDEN") == "1"


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    data = text.encode("utf-8")
    if UPDATE:
        path.write_bytes(data)
        return
    assert path.is_file(), f"{path} is missing; make it with FACILITATOR_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(),
            text.splitlines(),
            f"golden/{name}",
            "now",
            lineterm="",
        )
        pytest.fail("\n".join(list(diff)[:60]) + "\n(FACILITATOR_UPDATE_GOLDEN=1 to accept)")


@pytest.fixture(scope="module")
def sample():
    return SessionStore(REPO, "nb").load(SAMPLE)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", list(Audience))
def test_sample_export(sample, audience, fmt):
    text = render_summary(build_summary(sample, audience), fmt, STAMP)
    check(f"sample-{audience.value}.{fmt}", text)


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_sample_export_in_english(sample, fmt):
    text = render_summary(build_summary(sample, Audience.MANAGEMENT, "en"), fmt, STAMP)
    check(f"sample-management-en.{fmt}", text)



@pytest.mark.parametrize("lang", ["nb", "en"])
def test_plan(sample_workspace, lang: Lang):
    plan = workspace_plan(sample_workspace, AS_OF, lang)
    check(f"plan-{lang}.md", render_markdown(plan_document(plan)))
    check(f"plan-{lang}.csv", plan_csv(plan))
    if lang == "nb":
        check("plan-nb.html", render_html(plan_document(plan)))
