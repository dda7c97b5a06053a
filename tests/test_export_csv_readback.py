"""The CSV read back the way LibreOffice's import dialog reads it by default: tab,
comma *and* semicolon all split fields, `"` delimits text. Every row must keep
the header's number of columns and give back each value as written, whatever the
texts hold (separators, quotes, line breaks, formula starts).

Before every field was quoted, a measure like `Møter, ukentlig` pushed every
later cell of its row one column to the right there (issue 11).
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.law import Paragraph
from facilitator.report.action_csv import (
    as_text,
    measure_values,
    neutralise,
    one_kind_of_break,
    plan_values,
)
from facilitator.report.action_plan import workspace_plan
from facilitator.report.build import build_summary
from facilitator.report.formats import render_summary
from facilitator.report.model import Audience, MeasureEntry, Summary
from facilitator.report.plan_layout import plan_csv
from facilitator.report.words import columns
from facilitator.session.model import Measure, Session, new_session
from facilitator.session.store import SessionStore

from conftest import REPO
from strategies import default_agenda, measures, texts

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
STAMP = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
SEPARATORS = "\t,;"


# --- LibreOffice's default CSV import, as a reader ----------------------------


def office_rows(data: str) -> list[list[str]]:
    """`data` split into rows and fields as LibreOffice Calc's import dialog does with
    its defaults: tab, comma and semicolon are all separators, `"` is the text
    delimiter (a field that starts with it runs to the next `"` that is not doubled,
    and may hold separators and line breaks), and CR, LF or CRLF ends a row."""
    text = data.removeprefix("\ufeff")
    rows: list[list[str]] = []
    row: list[str] = []
    field: list[str] = []
    quoted, at_start = False, True
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == '"' and text[i + 1 : i + 2] == '"':
                field.append('"')
                i += 2
                continue
            if c == '"':
                quoted = False
            else:
                field.append(c)
            i += 1
            continue
        if c == '"' and at_start:
            quoted, at_start = True, False
        elif c in SEPARATORS:
            row.append("".join(field))
            field, at_start = [], True
        elif c in "\r\n":
            row.append("".join(field))
            rows.append(row)
            row, field, at_start = [], [], True
            if c == "\r" and text[i + 1 : i + 2] == "\n":
                i += 1
        else:
            field.append(c)
            at_start = False
        i += 1
    if field or row:
        row.append("".join(field))
        rows.append(row)
    return rows


def test_the_reader_splits_like_libreoffice():
    assert office_rows('a,b;c\td\r\n"x, y";"say ""hi""\nthere"\r\n') == [
        ["a", "b", "c", "d"],
        ["x, y", 'say "hi"\nthere'],
    ]


def test_the_reader_catches_an_unquoted_comma():
    # What the CSV looked like before issue 11: quoted only where `;` needs it.
    old = io.StringIO()
    csv.writer(old, delimiter=";", lineterminator="\r\n").writerows(
        [columns("nb"), ["Møter, ukentlig", *[""] * 10]]
    )
    header, row = office_rows(old.getvalue())
    assert len(header) == 11 and len(row) == 12  # one cell too many: the row slid right


# --- what the cells should hold -------------------------------------------------


def expected_cells(values: list[str | int | date | None]) -> list[str]:
    """What a reader should get back: the value as text, a formula start behind a
    `'`, line breaks as `\\n`."""
    return [one_kind_of_break(neutralise(as_text(v))) for v in values]


def check_measures_csv(summary: Summary) -> None:
    rows = office_rows(render_summary(summary, "csv", STAMP))
    assert rows[0] == columns(summary.lang)
    assert len(rows) == 1 + len(summary.all_measures)
    for got, m in zip(rows[1:], summary.all_measures, strict=True):
        assert len(got) == len(rows[0]), got
        assert got == expected_cells(measure_values(m, summary.lang))
        check_typed(got, m)


def check_typed(row: list[str], m: MeasureEntry) -> None:
    """The texts people typed, compared with the model rather than with the code
    that wrote them."""
    for got, typed in ((row[0], m.challenge), (row[5], m.what), (row[6], m.owner)):
        expected = "\n".join(typed.splitlines()) if ("\r" in typed or "\n" in typed) else typed
        if expected.startswith(("=", "+", "-", "@", "\t", "\r")):
            expected = "'" + expected
        assert got == expected
    assert row[7] == (m.deadline.isoformat() if m.deadline else "")
    assert row[4] == ("" if m.risk is None else str(m.risk))


# --- the sample ------------------------------------------------------------------


def sample_session() -> Session:
    return SessionStore(REPO, "nb").load(SAMPLE)


def test_sample_csv_reads_back_in_its_columns():
    session = sample_session()
    for audience in Audience:
        for lang in ("nb", "en"):
            check_measures_csv(build_summary(session, audience, lang))


def test_sample_plan_csv_reads_back_in_its_columns(tmp_path: Path):
    (tmp_path / "sessions").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sessions" / SAMPLE.name)
    for lang in ("nb", "en"):
        plan = workspace_plan(tmp_path, date(2026, 3, 25), lang)
        rows = office_rows(plan_csv(plan))
        assert len(rows[0]) == 13 and len(rows) == 1 + len(plan.rows) > 1
        for got, r in zip(rows[1:], plan.rows, strict=True):
            assert got == expected_cells(plan_values(r, lang))


# --- any text -----------------------------------------------------------------------

PIECES = [
    ",",
    ";",
    "\t",
    '"',
    '""',
    "'",
    "\n",
    "\r\n",
    "\r",
    "=",
    "+",
    "-",
    "@",
    '=HYPERLINK("http://x","klikk")',
    "+47 22 00 00 00",
    "-1",
    "@SUM(A1:A2)",
    "a, b; c\td",
    ' "quoted" ',
    "2026-04-15",
    "1,5",
    "#N/A",
]
tricky_texts = st.lists(st.one_of(st.sampled_from(PIECES), texts), min_size=1, max_size=8).map(
    "".join
)


@st.composite
def tricky_measures(draw: st.DrawFn) -> Measure:
    """A valid measure whose texts (and follow-ups) are full of separators, quotes,
    line breaks and formula starts."""
    data = draw(measures(5)).model_dump()
    data.update(
        what=draw(tricky_texts).strip() or "x",
        challenge=draw(tricky_texts),
        owner=draw(tricky_texts)[:200],
        follow_ups=[{**f, "text": draw(tricky_texts)} for f in data["follow_ups"]],
    )
    return Measure.model_validate(data)


def session_with(items: list[Measure], lang: str = "nb") -> Session:
    session = new_session("Gruppe", default_agenda(), NOW, ["Kari"], lang=lang)  # type: ignore[arg-type]
    session.measures = list({m.id: m for m in items}.values())
    return session


@settings(max_examples=100, deadline=None)
@given(st.lists(tricky_measures(), min_size=1, max_size=4), st.sampled_from(["nb", "en"]))
@example(
    [
        Measure(
            what='=HYPERLINK("http://x"), then; more\tand "quotes"',
            challenge="Møter, ukentlig\r\nog i helgene",
            owner="-Kari, leder",
            factor=Paragraph.P2C,
            deadline=date(2026, 4, 15),
            likelihood=4,
            consequence=3,
            created_at=NOW,
        )
    ],
    "nb",
)
def test_any_measures_read_back_in_their_columns(items, lang):
    check_measures_csv(build_summary(session_with(items, lang), Audience.GROUP))
