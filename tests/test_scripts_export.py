"""Names and notes in any script come out of every format exactly as typed:
Norwegian letters, Greek, Cyrillic, Arabic and Hebrew (right to left, with
direction marks), Devanagari, Thai, Chinese, Japanese, Korean, Vietnamese
(precomposed and with combining marks), emoji with skin tones and zero-width
joiner sequences, and flags. Each export is written to a file by the command
line, read back and parsed (JSON, CSV with Excel's settings, HTML, Markdown with
a CommonMark parser, iCalendar unfolded and unescaped), and every text must be
there with the same code points, not just the same look.

For management, with names not allowed, every participant's name is taken out
of what leaves the group, whichever script it is written in and whether it was
typed precomposed (NFC) or decomposed (NFD)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.session.model import (
    CheckoutAnswer,
    Dilemma,
    Finding,
    FindingKind,
    Measure,
    NamesPolicy,
    Note,
    Session,
    Visibility,
    new_session,
)
from facilitator.session.store import SessionStore

from cli_helpers import run_cli

markdown_it = pytest.importorskip("markdown_it")

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NAMES = [
    "Åse Ødegård",
    "Jørn-Åge Bæk",
    "Αλέξανδρος Παπαδόπουλος",
    "Иван Петров",
    "محمد العربي",
    "שרה כהן",
    "Nguyễn Thị Ánh",
    "Ma\u0301rio Nu\u0301n\u0303ez",  # decomposed: combining acute and tilde
    "Zoë Łukasz",
    "김민준 박",
    "Priya शर्मा",
    "Kari 👩🏽\u200d⚕️",
]
TEXTS = [
    "Vi må ta tak i turnusen før påske, sa Åse",
    "النقاش كان مفيدا جدا اليوم",
    "הצוות צריך יותר זמן \u200fלמנוחה",
    "Møte i \u202bرمضان\u202c neste uke",
    "Ångstrøm skrevet som A\u030angstro\u0308m",
    "Familien 👨\u200d👩\u200d👧\u200d👦 og flagget 🇳🇴 og 👍🏿",
    "สวัสดีครับ ทีมงาน",
    "会議は予定通りに進みました",
    "团队需要更多的支持",
    "Нужно больше поддержки",
    "Χρειαζόμαστε περισσότερη υποστήριξη",
    "हमें और समय चाहिए",
    "Tiếng Việt có dấu",
]


def _session(names_allowed: bool) -> Session:
    agenda = load_agenda("kollegaveiledning", None)
    session = new_session("Ledergruppe Øst 🌲 مرحبا", agenda, NOW, NAMES, unit="Enhet Ærø")
    people = [p.id for p in session.participants]
    steps = [s.id for s in agenda.steps]
    session.notes = [
        Note(text=t, step_id=steps[i % len(steps)], person=people[i % len(people)],
             visibility=Visibility.SHARED, created_at=NOW)
        for i, t in enumerate(TEXTS)
    ]  # fmt: skip
    session.findings = [
        Finding(kind=FindingKind.RISK, text=t, visibility=Visibility.SHARED, created_at=NOW)
        for t in TEXTS[:4]
    ]
    session.measures = [
        Measure(what=t, owner="HMS-rådgiver", deadline=date(2026, 4, 1 + i), created_at=NOW)
        for i, t in enumerate(TEXTS)
    ]
    session.dilemmas = [
        Dilemma(owner=people[i], title=TEXTS[i][:40], text=TEXTS[i], created_at=NOW)
        for i in range(3)
    ]
    session.checkouts = [
        CheckoutAnswer(person=people[i], text=TEXTS[-1 - i], visibility=Visibility.SHARED,
                       created_at=NOW)
        for i in range(3)
    ]  # fmt: skip
    session.names_policy = NamesPolicy.EVERYONE if names_allowed else NamesPolicy.NONE
    session.started_at, session.finished_at = NOW, NOW.replace(hour=11)
    return Session.model_validate(session.model_dump())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def _ics_text(data: str) -> str:
    unfolded = data.replace("\r\n ", "")
    out, chars = [], iter(unfolded)
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(c)
    return "".join(out)


def _export(capsys, workspace: Path, session: Session, audience: str, fmt: str) -> str:
    out = workspace / f"{audience}.{fmt}"
    args = ["export", session.id, "--audience", audience, "-f", fmt, "-o", str(out)]
    result = run_cli(capsys, "--workspace", str(workspace), *args)
    assert result.code == 0, result.err
    raw = out.read_bytes()
    return raw.decode("utf-8-sig" if fmt == "csv" else "utf-8")  # strict: no bad bytes


def _readable(fmt: str, text: str) -> str:
    """The text a reader of the format sees, markup and escapes taken away."""
    if fmt == "html":
        return _html_text(text)
    if fmt == "md":
        md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
        return _html_text(md.render(text))
    if fmt == "ics":
        return _ics_text(text)
    return text


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return tmp_path


@pytest.mark.parametrize("audience", ["group", "management"])
def test_every_script_comes_back_exactly_from_every_format(capsys, workspace, audience):
    session = _session(names_allowed=True)
    SessionStore(workspace).create(session)

    data = json.loads(_export(capsys, workspace, session, audience, "json"))
    assert data["title"] == session.title and data["unit"] == session.unit
    assert data["participants"] == NAMES
    assert sorted(n["text"] for n in data["notes"]) == sorted(TEXTS)
    assert sorted(m["what"] for m in data["measures"]) == sorted(TEXTS)

    rows = list(csv.reader(io.StringIO(_export(capsys, workspace, session, audience, "csv")),
                           delimiter=";"))  # fmt: skip
    whats = [row[5] for row in rows[1:]]
    assert sorted(whats) == sorted(TEXTS)

    ics = _readable("ics", _export(capsys, workspace, session, audience, "ics"))
    assert all(t in ics for t in TEXTS)

    for fmt in ("md", "html"):
        seen = _readable(fmt, _export(capsys, workspace, session, audience, fmt))
        missing = [t for t in [*TEXTS, *NAMES, session.title] if t not in seen]
        assert not missing, (fmt, missing)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_names_in_any_script_are_taken_out_for_management(capsys, workspace, form):
    session = _session(names_allowed=False)
    # The group wrote the names into shared texts, typed one way or the other.
    for i, measure in enumerate(session.measures[: len(NAMES)]):
        measure.what = unicodedata.normalize(form, f"{NAMES[i]}: {measure.what}")
    SessionStore(workspace).create(session)
    for fmt in ("md", "html", "csv", "json", "ics"):
        seen = _readable(fmt, _export(capsys, workspace, session, "management", fmt))
        for name in NAMES:
            for part in name.split():
                for shape in {
                    unicodedata.normalize("NFC", part),
                    unicodedata.normalize("NFD", part),
                }:
                    assert shape not in seen, (fmt, form, name, part)
