"""The documents printed to PDF by headless Chromium, and measured (issue 11).

Each document (the sample's summaries for management and for the group, in both
languages, the HMS action plan, and a session written to break the layout: long
texts, words longer than a line, web addresses, thirty measures) is rendered with
`render_html`, printed by `chromium --print-to-pdf`, and read back with pdfplumber:

- every page is A4 portrait;
- every character of the document's content is at 10 pt or more and inside the
  page's margins, so Chromium did not shrink the page and nothing is cut;
- each page's margins hold exactly its running head (the document's name) and foot
  (`side 2 av 5` / `page 2 of 5`), at 8 pt or more, and nothing else;
- every text of the document is in the PDF, in order;
- no date, time or figure of the document is broken across two lines.

Chromium is Debian's `chromium`, which .ci/run installs. Without it the tests are
skipped on a developer's machine and fail in CI (CI=true). To look at the pages:

    FACILITATOR_PRINT_PNG=/tmp/print-check pytest tests/test_print_chromium.py

writes each page as a PNG (`pdftoppm -r 60`) and the HTML and PDF into that folder.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pdfplumber
import pytest

from facilitator.law import Paragraph
from facilitator.report.action_plan import workspace_plan
from facilitator.report.blocks import Block, Document, Facts, Heading, Items, Para, Table
from facilitator.report.build import build_summary
from facilitator.report.html_page import CSS, RUNNING_TITLE_MAX, render_html
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_document
from facilitator.report.summary_layout import summary_document
from facilitator.session.model import FollowUp, Measure, MeasureStatus, Session, Visibility
from facilitator.session.store import SessionStore

from conftest import REPO

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
AS_OF = date(2026, 3, 25)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PNG_DIR = os.environ.get("FACILITATOR_PRINT_PNG")

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
# The page's margins, as html_page.CSS sets them (`@page { ... margin: 17mm 15mm 16mm`).
_MARGINS = re.search(r"@page \{ size: A4 portrait; margin: (\d+)mm (\d+)mm (\d+)mm;", CSS)
assert _MARGINS, "the @page rule of html_page.CSS has changed: update this test"
TOP, SIDE, BOTTOM = (int(mm) * MM for mm in _MARGINS.groups())
SLACK = 1.0
"""Points a glyph's box may stand past a margin (its advance is wider than its ink)."""
MIN_CONTENT_PT = 10
MIN_RUNNING_PT = 8
PAGE_WORDS = {"nb": "side {n} av {total}", "en": "page {n} of {total}"}

# The dates, times and figures that must stay whole on one line.
ATOMS = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    r"|\b\d{1,2}\.? [^\W\d_]{3,9} \d{4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\(\d+ × \d+\)"
    r"|\b\d{3,}\b"
)


# --- the documents -------------------------------------------------------------

LONG_WORD = "Arbeidsmiljøkartleggingsoppfølgingsansvarsfordelingsdokumentasjonsrutinegjennomgang"
URL = (
    "https://intranett.helse-ost.example.no/hms/handlingsplan/tiltak?id=1234567890&visning=utskrift"
)
OWNERS = [
    "Avdelingsleder for hjemmetjenesten sone øst sammen med verneombudet",
    "HMS-rådgiver",
    "Enhetsleder",
    "Bartholomeus Christoffersen-Haraldsen",
]


def _stress_session() -> Session:
    """The sample with a long title and long names, and thirty measures full of long
    sentences, words longer than a line and web addresses."""
    data = SessionStore(REPO, "nb").load(SAMPLE).model_dump()
    data["title"] = (
        "Ledergruppe for hjemmetjenesten, sykehjemmene og rehabiliteringsavdelingen i "
        "Helse Øst – oppfølging av arbeidsmiljøkartleggingen med verneombud og tillitsvalgte"
    )
    data["unit"] = "Hjemmetjenesten, sone øst, nord og vest – " + LONG_WORD[:60]
    long_names = ["Bartholomeus Christoffersen-Haraldsen", "Anne-Lise Johansen Østby"]
    for person, name in zip(data["participants"], long_names, strict=False):
        person["name"] = name
    factors = list(Paragraph)
    statuses = list(MeasureStatus)
    created = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    measures = []
    for i in range(30):
        status = statuses[i % len(statuses)]
        follow_ups = [
            FollowUp(
                at=date(2026, 2, 1 + j),
                status=MeasureStatus.IN_PROGRESS,
                text=f"Gått gjennom på personalmøtet {j + 1}. gang; se {URL} for referatet "
                "og rutinen slik den ble vedtatt i arbeidsmiljøutvalget.",
            )
            for j in range(i % 3)
        ]
        measures.append(
            Measure(
                id=f"stress-{i}",
                created_at=created,
                what=f"Tiltak {i + 1}: {LONG_WORD} for alle team, med opplæring av "
                "nyansatte og en fast gjennomgang hver tredje måned"
                + (f"\nSe {URL}" if i % 4 == 0 else ""),
                challenge="Ansatte opplever at forventningene er uklare og at det er lite "
                "tid til å lære opp nye kolleger, særlig i helger og ferier. " * (1 + i % 3),
                factor=factors[i % len(factors)],
                owner=OWNERS[i % len(OWNERS)],
                deadline=date(2026, 1 + i % 12, 1 + i % 28),
                status=status,
                done_on=date(2026, 2, 2) if status is MeasureStatus.DONE else None,
                likelihood=1 + i % 5,
                consequence=1 + (i * 2) % 5,
                follow_ups=follow_ups,
                visibility=Visibility.SHARED if i % 5 else Visibility.GROUP,
                carried_from="2026-01-19-ledergruppe-helse-ost" if i % 6 == 0 else None,
            ).model_dump()
        )
    data["measures"] = [*data["measures"], *measures]
    note = dict(data["notes"][0])
    note["id"] = "stress-note"
    note["text"] = f"{LONG_WORD * 3} og {URL}/{'x' * 120} – begge lengre enn en linje."
    data["notes"] = [*data["notes"], note]
    return Session.model_validate(data)


def _documents(workspace: Path) -> dict[str, Document]:
    store = SessionStore(REPO, "nb")
    sample = store.load(SAMPLE)
    stress = _stress_session()
    (workspace / "sessions").mkdir(parents=True)
    shutil.copy(SAMPLE, workspace / "sessions" / SAMPLE.name)
    plans = {lang: plan_document(workspace_plan(workspace, AS_OF, lang)) for lang in ("nb", "en")}
    SessionStore(workspace, "nb").save(stress)
    docs = {
        f"sample-{audience.value}-{lang}": summary_document(build_summary(sample, audience, lang))
        for audience in Audience
        for lang in ("nb", "en")
    }
    docs |= {f"plan-{lang}": doc for lang, doc in plans.items()}
    docs["stress-group-nb"] = summary_document(build_summary(stress, Audience.GROUP))
    docs["stress-management-en"] = summary_document(
        build_summary(stress, Audience.MANAGEMENT, "en")
    )
    docs["stress-plan-nb"] = plan_document(
        workspace_plan(workspace, AS_OF, "nb", audience=Audience.GROUP)
    )
    docs |= _evidence_documents(workspace.parent / "shared")
    return docs


def _evidence_documents(shared: Path) -> dict[str, Document]:
    """The evidence pack of a year across three units (issue 15), in both languages,
    with the sample's own export among them (a version 2 file with no roles)."""
    from evidence_year import write_exports, year_of_sessions

    from facilitator.report.evidence import build_pack
    from facilitator.report.evidence_layout import evidence_document
    from facilitator.report.json_export import render_json
    from facilitator.report.shared_exports import read_folders

    write_exports(shared, year_of_sessions())
    sample = SessionStore(REPO, "nb").load(SAMPLE)
    (shared / "sample.json").write_text(
        render_json(build_summary(sample, Audience.MANAGEMENT)), "utf-8"
    )
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    return {
        f"evidence-{lang}": evidence_document(
            build_pack(read_folders([shared], lang).sessions, start, end, lang, today=end)
        )
        for lang in ("nb", "en")
    }


NAMES = [
    *(f"sample-{a}-{lang}" for a in ("management", "group") for lang in ("nb", "en")),
    "plan-nb",
    "plan-en",
    "stress-group-nb",
    "stress-management-en",
    "stress-plan-nb",
    "evidence-nb",
    "evidence-en",
]


# --- printing and reading back -------------------------------------------------

Glyph = tuple[str, float, float, float, float, float]
"""A character drawn on a page: its text, x0, x1, top, bottom and size in points."""


@dataclass(frozen=True)
class Pages:
    """What a printed PDF holds, page by page."""

    size: list[tuple[float, float]] = field(default_factory=list)
    content: list[list[Glyph]] = field(default_factory=list)
    """The characters inside each page's margins, less spaces."""
    running: list[list[Glyph]] = field(default_factory=list)
    """The characters in each page's top and bottom margins."""
    head: list[str] = field(default_factory=list)
    """The text in each page's top margin, without spaces."""
    foot: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    """The text inside each page's margins, as lines."""


def print_and_read(html: Path, pdf: Path, profile: Path) -> Pages:
    """`html` printed to `pdf` by Chromium, and read back. Run in worker processes:
    reading a PDF is pure Python and takes about as long as printing it."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 0, (
        f"chromium printed nothing (exit {done.returncode}):\n{done.stderr[-2000:]}"
    )
    pages = Pages()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            pages.size.append((float(page.width), float(page.height)))
            top, bottom, inside = [], [], []
            for c in page.chars:
                if not c["text"].strip():
                    continue
                glyph = (c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"])
                if c["bottom"] <= TOP:
                    top.append(glyph)
                elif c["top"] >= A4[1] - BOTTOM:
                    bottom.append(glyph)
                else:
                    inside.append(glyph)
            pages.content.append(inside)
            pages.running.append(top + bottom)
            pages.head.append("".join(g[0] for g in top))
            pages.foot.append("".join(g[0] for g in bottom))
            box = (0, TOP, float(page.width), A4[1] - BOTTOM)
            pages.body.append(page.crop(box).extract_text())
    if PNG_DIR and shutil.which("pdftoppm"):
        png = ["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))]
        subprocess.run(png, check=True, timeout=60)
    return pages


@dataclass(frozen=True)
class Printed:
    doc: Document
    pages: Pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    if CHROMIUM is None:
        reason = "chromium is not installed (apt-get install chromium; .ci/run does)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("print")
    out = Path(PNG_DIR) if PNG_DIR else root
    out.mkdir(parents=True, exist_ok=True)
    docs = _documents(root / "workspace")
    jobs = {}
    for name, doc in docs.items():
        html = out / f"{name}.html"
        html.write_text(render_html(doc), encoding="utf-8")
        jobs[name] = (html, out / f"{name}.pdf", root / f"profile-{name}")
    workers = max(2, min(len(jobs), os.cpu_count() or 2))
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
        # the longest first, so the short ones fill in around them
        order = sorted(jobs, key=lambda n: not n.startswith("stress"))
        futures = {name: pool.submit(print_and_read, *jobs[name]) for name in order}
        return {name: Printed(docs[name], futures[name].result()) for name in docs}


# --- what the document says ----------------------------------------------------


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _running_title(doc: Document) -> str:
    title = " ".join(doc.title.split())
    return title if len(title) <= RUNNING_TITLE_MAX else title[: RUNNING_TITLE_MAX - 1]


def _pieces(blocks: list[Block]) -> Iterator[list[str]]:
    """The texts of a document's content in reading order, in groups whose pieces
    must all come after the group before: a text, or the words of a table's row
    (printed as a table, a row is read across, so the second line of one cell comes
    after the first line of the next). Tables' headers are left out: they are
    printed as a table's head or as each card's labels."""
    for block in blocks:
        if isinstance(block, Heading | Para):
            yield [block.text]
        elif isinstance(block, Facts):
            for row in block.rows:
                yield list(row)
        elif isinstance(block, Items):
            for item in block.items:
                yield [item.title, item.text, item.meta]
        elif isinstance(block, Table):
            for row in block.rows:
                yield [word for cell in row for word in cell.split()]


def _texts(blocks: list[Block]) -> Iterator[str]:
    for group in _pieces(blocks):
        yield from group


# --- the tests -----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_page_is_a4_portrait(printed, name):
    sizes = printed[name].pages.size
    assert sizes, "no pages"
    for n, (w, h) in enumerate(sizes, 1):
        assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1, f"page {n} is {w:.1f} × {h:.1f} pt"


@pytest.mark.parametrize("name", NAMES)
def test_content_is_at_10_pt_or_more_and_the_running_text_at_8(printed, name):
    pages = printed[name].pages
    content = [g[5] for page in pages.content for g in page]
    running = [g[5] for page in pages.running for g in page]
    assert min(content) >= MIN_CONTENT_PT - 0.05, f"smallest text {min(content):.2f} pt"
    assert min(running) >= MIN_RUNNING_PT - 0.05, f"smallest running text {min(running):.2f}"


@pytest.mark.parametrize("name", NAMES)
def test_every_character_is_inside_the_margins(printed, name):
    """The content inside all four margins; the running head and foot (the top and
    bottom margins' text) inside the side margins and the page."""
    # Measured from the nominal A4 page: Chromium lays the page out at 210 × 297 mm
    # and writes its size rounded down a little (594.96 × 841.92 pt).
    w, h = A4
    pages = printed[name].pages
    for n, (content, running) in enumerate(zip(pages.content, pages.running, strict=True), 1):
        outside = [
            text
            for text, x0, x1, top, bottom, _ in content
            if x0 < SIDE - SLACK
            or x1 > w - SIDE + SLACK
            or top < TOP - SLACK
            or bottom > h - BOTTOM + SLACK
        ]
        outside += [
            text
            for text, x0, x1, top, bottom, _ in running
            if x0 < SIDE - SLACK or x1 > w - SIDE + SLACK or top < 0 or bottom > h
        ]
        assert not outside, f"page {n}: {''.join(outside)[:80]!r} outside the margins"


@pytest.mark.parametrize("name", NAMES)
def test_each_page_has_the_document_name_and_its_number(printed, name):
    """The margins hold the running head and foot and nothing else."""
    doc, pages = printed[name].doc, printed[name].pages
    total = len(pages.size)
    title = _squeeze(_running_title(doc))
    for n, (head, foot) in enumerate(zip(pages.head, pages.foot, strict=True), 1):
        assert head.startswith(title) and len(head) <= len(title) + 1, f"page {n}: {head!r}"
        page_words = PAGE_WORDS[doc.lang].format(n=n, total=total)
        assert foot == _squeeze(page_words), f"page {n}'s foot: {foot!r}"


@pytest.mark.parametrize("name", NAMES)
def test_every_text_of_the_document_is_printed_in_order(printed, name):
    """Nothing cut or lost: each text, whitespace aside, is found in the printed text
    after the one before it."""
    text = _squeeze("".join(printed[name].pages.body))
    at = 0
    for group in _pieces(printed[name].doc.blocks):
        end = at
        for piece in group:
            wanted = _squeeze(piece)
            found = text.find(wanted, at)
            assert found >= 0, f"not printed (after position {at}): {piece[:100]!r}"
            end = max(end, found + len(wanted))
        at = end


@pytest.mark.parametrize("name", NAMES)
def test_no_date_time_or_figure_is_broken_across_lines(printed, name):
    lines = re.sub(r"[ \t]+", " ", "\n".join(printed[name].pages.body))
    atoms = {m.group() for t in _texts(printed[name].doc.blocks) for m in ATOMS.finditer(t)}
    assert atoms, "the document has no dates at all?"
    for atom in sorted(atoms):
        assert atom in lines, f"{atom!r} is not found whole on one line"
        for k in range(1, len(atom)):
            broken = f"{atom[:k].rstrip()}\n{atom[k:].lstrip()}"
            assert broken not in lines, f"{atom!r} is broken across two lines"
