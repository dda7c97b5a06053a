"""Whatever people type stays text in every format: Markdown (checked with a real
CommonMark parser), HTML, CSV (formula injection, Excel's settings) and iCalendar
(escaping and folding)."""

from __future__ import annotations

import csv
import html
import io
import re
import urllib.parse
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.law import Paragraph
from facilitator.report import md_text
from facilitator.report.action_csv import measures_csv, neutralise
from facilitator.report.blocks import Document, Facts, Heading, Item, Items, Para, Table
from facilitator.report.build import build_summary
from facilitator.report.calendar_ics import escape_text, fold, render_ics
from facilitator.report.html_page import render_html
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Audience
from facilitator.session.model import Measure, Session, new_session
from facilitator.session.refs import public_ref

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NASTY = [
    "| pipe | in | cell |",
    "`code` and ``more``",
    "# not a heading",
    "## nor this",
    "- not a list",
    "+ nor this",
    "* nor this",
    "1. not numbered",
    "12) nor this",
    "> not a quote",
    "===",
    "---",
    "    not code",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[a link](https://example.com) ![img](x.png)",
    "&amp; &copy; &#169;",
    "*emphasis* _and_ __strong__ ~~strike~~",
    "$x^2$ math",
    "back\\slash\\",
    "æøå ÆØÅ 🙂 👩🏽‍⚕️ 🇳🇴",
    "\"quotes\" and 'apostrophes'",
    "tab\there",
    "=SUM(A1:A2)",
]
# Text as people type it: any of the nasty pieces, words and line breaks.
typed = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        st.text(
            st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\n\t"),
            max_size=10,
        ),
    ),
    min_size=1,
    max_size=5,
).map(" ".join)


def _words(text: str) -> str:
    """What a reader sees of a text, whitespace aside."""
    return " ".join(text.split())


# --- Markdown ---------------------------------------------------------------

markdown_it = pytest.importorskip("markdown_it")


def _md() -> object:
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Tags(HTMLParser):
    """The tags of a page, and its text with character references resolved."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.text.append("\n")

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


@settings(max_examples=300, deadline=None)
@given(typed)
def test_markdown_list_item_renders_as_the_text_typed(text):
    rendered = _md().render("- " + md_text.block(text) + "\n")
    parsed = _parse(rendered)
    assert set(parsed.tags) <= {"ul", "li", "br"}, rendered
    assert _words("".join(parsed.text)) == _words(text)


@settings(max_examples=300, deadline=None)
@given(typed, typed)
def test_markdown_table_cells_stay_in_their_cells(a, b):
    source = "\n".join(md_text.table(["x", "y"], [[md_text.cell(a), md_text.cell(b)]], frozenset()))
    rendered = _md().render(source + "\n")
    parsed = _parse(rendered)
    assert parsed.tags.count("td") == 2, rendered
    assert set(parsed.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "br"}, rendered
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    for cell, original in zip(cells, (a, b), strict=True):
        seen = _words(html.unescape(re.sub(r"<br\s*/?>", " ", cell)))
        assert seen == _words(original)


@settings(max_examples=200, deadline=None)
@given(typed)
def test_markdown_heading_holds_its_text_and_nothing_more(text):
    rendered = _md().render(render_markdown(Document("t", "nb", [Heading(2, text)])))
    parsed = _parse(rendered)
    assert set(parsed.tags) <= {"h2"}, rendered
    assert _words("".join(parsed.text)) == _words(text)


def test_markdown_escapes_the_usual_suspects():
    assert md_text.cell("a | b\nc") == r"a \| b<br>c"
    assert md_text.inline("# title") == r"\# title"
    assert md_text.block("1. first\n- second") == "1\\. first  \n  \\- second"
    assert md_text.inline("<b>`x`</b>") == r"\<b\>\`x\`\</b\>"
    assert md_text.cell("15.04.2026") == "15.04.2026"  # dates in cells stay readable


# --- HTML -------------------------------------------------------------------

ALLOWED_HTML = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p"}
ALLOWED_HTML |= {"dl", "dt", "dd", "ul", "li", "strong", "span", "br"}
ALLOWED_HTML |= {"table", "thead", "tbody", "tr", "th", "td"}


@settings(max_examples=200, deadline=None)
@given(typed, typed, typed)
def test_html_holds_only_our_own_tags_and_the_text_typed(a, b, c):
    doc = Document(
        a,
        "nb",
        [
            Heading(1, a),
            Para(b),
            Facts([(a, b)]),
            Items([Item(c, title=a, meta=b)]),
            Table([a], [[c]], marked=[True]),
        ],
    )
    page = render_html(doc)
    parsed = _parse(page)
    assert set(parsed.tags) <= ALLOWED_HTML
    assert parsed.tags.count("script") == 0
    seen = _words("".join(parsed.text))
    for text in (a, b, c):
        assert _words(text) in seen


def test_html_escapes_markup_and_declares_its_language():
    page = render_html(Document("x", "en", [Para('<script>alert("x")</script> & co')]))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page
    assert '<html lang="en">' in page
    assert "default-src 'none'" in page  # nothing can be loaded from anywhere
    assert "@media print" in page and "break-after: avoid" in page


# --- CSV --------------------------------------------------------------------

HEADER_NB = "Utfordring/risiko;§ 4-3-faktor;Sannsynlighet;Konsekvens;Risiko;Tiltak;Ansvarlig;Frist;Status;Oppfølging/evaluering;Dato utført"  # noqa: E501
HEADER_EN = "Challenge/risk;§ 4-3 factor;Likelihood;Consequence;Risk;Measure;Owner;Deadline;Status;Follow-up/evaluation;Date done"  # noqa: E501


def _session(measures: list[Measure], lang: str = "nb") -> Session:
    session = new_session("Gruppe", _agenda(), NOW, ["Kari"], lang=lang)  # type: ignore[arg-type]
    session.measures = measures
    return session


def _agenda():
    from strategies import default_agenda

    return default_agenda()


def _read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))


@pytest.mark.parametrize(("lang", "header"), [("nb", HEADER_NB), ("en", HEADER_EN)])
def test_csv_parses_back_with_the_action_plan_header(lang, header):
    measure = Measure(
        what="Ukentlige møter; også i helgene",
        challenge='For mye å gjøre, "alltid"\nog overalt',
        factor=Paragraph.P2C,
        owner="Enhetsleder æøå 🙂",
        deadline=date(2026, 4, 15),
        likelihood=4,
        consequence=3,
        created_at=NOW,
    )
    summary = build_summary(_session([measure], lang), Audience.GROUP)
    text = measures_csv(summary.all_measures, summary.lang)
    assert text.endswith("\r\n") and text.count("\r\n") == 2  # header and one row
    rows = _read_csv(text)
    assert ";".join(rows[0]) == header
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row[rows[0][5]] == "Ukentlige møter; også i helgene"
    assert row[rows[0][0]] == 'For mye å gjøre, "alltid"\nog overalt'
    assert row[rows[0][6]] == "Enhetsleder æøå 🙂"
    assert row[rows[0][7]] == "2026-04-15"
    assert (row[rows[0][2]], row[rows[0][3]], row[rows[0][4]]) == ("4", "3", "12")
    assert row[rows[0][8]] == ("planlagt" if lang == "nb" else "planned")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_formulas(start):
    assert neutralise(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'
    assert neutralise(f"a{start}b") == f"a{start}b"


@settings(max_examples=200, deadline=None)
@given(typed.filter(lambda t: t.strip()), typed)
def test_csv_cells_come_back_as_typed_or_neutralised(what, owner):
    measure = Measure(what=what, owner=owner[:200], created_at=NOW)
    summary = build_summary(_session([measure]), Audience.GROUP)
    rows = _read_csv(measures_csv(summary.all_measures, "nb"))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0])
    for got, typed_text in ((rows[1][5], measure.what), (rows[1][6], measure.owner)):
        expected = "\n".join(typed_text.splitlines()) if "\n" in typed_text else typed_text
        if expected.startswith(("=", "+", "-", "@", "\t", "\r")):
            expected = "'" + expected
        assert got == expected
        assert not got.startswith(("=", "+", "-", "@"))


# --- iCalendar ----------------------------------------------------------------


def _unescape_ics(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@settings(max_examples=300, deadline=None)
@given(typed)
def test_ics_text_escapes_and_comes_back(text):
    escaped = escape_text(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert re.search(r"(?<!\\)(?:\\\\)*[;,]", escaped) is None  # every ; and , escaped
    assert _unescape_ics(escaped) == text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(typed)
def test_ics_folding_keeps_lines_short_and_characters_whole(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert "".join([physical[0], *(p[1:] for p in physical[1:])]) == line


def test_ics_folds_between_characters_not_inside_them():
    line = "SUMMARY:" + "æ" * 40 + "🙂" * 10
    for physical in fold(line).split("\r\n"):
        physical.encode("utf-8").decode("utf-8")  # each piece is whole characters
        assert len(physical.encode("utf-8")) <= 75


def test_ics_file_is_crlf_with_escaped_text_and_stable_uids():
    measure = Measure(
        what="Møte; kl. 9, rom 2\\3\nny linje",
        deadline=date(2026, 4, 15),
        created_at=NOW,
        id="abc123",
    )
    session = _session([measure])
    session.next_meeting = datetime(2026, 4, 20, 7, 0, tzinfo=UTC)
    summary = build_summary(session, Audience.MANAGEMENT)
    ics = render_ics(summary, datetime(2026, 3, 3, 12, 0, tzinfo=UTC))
    assert "\n" not in ics.replace("\r\n", "")
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Frist: Møte\\; kl. 9\\, rom 2\\\\3\\nny linje" in unfolded
    ref = public_ref(session.id)  # management's calendar: no title slug in a UID
    assert f"UID:abc123.{ref}@facilitator" in unfolded
    assert f"UID:next-meeting.{ref}@facilitator" in unfolded
    group = render_ics(build_summary(session, Audience.GROUP), datetime(2026, 3, 3, tzinfo=UTC))
    # the same event whichever audience the calendar was made for (calendar_ics.py)
    assert f"UID:abc123.{ref}@facilitator" in group.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20260415" in unfolded and "DTEND;VALUE=DATE:20260416" in unfolded
    assert "DTSTART:20260420T070000Z" in unfolded
    assert unfolded.count("DTSTAMP:20260303T120000Z") == 2
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")


# --- Markdown: web and mail addresses stay working links (GFM autolinks) -------------


def _gfm() -> object:
    """GitHub-flavoured Markdown as far as markdown-it goes: tables, strikethrough and
    autolinks of addresses (`linkify`), as GitHub's renderer makes them."""
    return markdown_it.MarkdownIt("gfm-like")


TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "br"}

LINKS = [
    # as typed, and the link a reader gets
    ("https://www.nav.no/arbeid_og_velferd/side?a=1&b=2#del_3",) * 2,
    ("http://example.com/~bruker/rapport_2026.pdf",) * 2,
    ("https://no.wikipedia.org/wiki/Arbeidsmilj%C3%B8loven_(Norge)",) * 2,
    ("https://example.com/a__b__c/_x_/",) * 2,
    (
        "www.arbeidstilsynet.no/tema/psykososialt_arbeidsmiljo",
        "http://www.arbeidstilsynet.no/tema/psykososialt_arbeidsmiljo",
    ),
    ("mailto:hms_radgiver@example.no",) * 2,
]


def _links(rendered: str) -> list[tuple[str, str]]:
    """Each link's address and text, as a reader gets them (markdown-it shows %C3%B8
    in a link's text as ø, as a browser would show it in the address bar)."""
    return [
        (html.unescape(href), urllib.parse.unquote(html.unescape(text)))
        for href, text in re.findall(r'<a href="([^"]*)">(.*?)</a>', rendered, re.S)
    ]


@pytest.mark.parametrize(("url", "href"), LINKS, ids=[u for u, _ in LINKS])
def test_markdown_address_is_a_working_link_in_a_list_item_and_a_table_cell(url, href):
    typed_text = f"Se {url}. Eller _her_ | #1 ({url})\nny linje: {url}"
    shown = urllib.parse.unquote(url)
    item = _gfm().render(render_markdown(Document("t", "nb", [Items([Item(typed_text)])])))
    table = _gfm().render(
        render_markdown(Document("t", "nb", [Table(["a", "b"], [[typed_text, "x"]])]))
    )
    assert len(re.findall(r"<td>", table)) == 2
    cell = re.findall(r"<td>(.*?)</td>", table, re.S)[0]
    for rendered, tags in ((item, {"ul", "li", "br", "a"}), (cell, TABLE_TAGS | {"a"})):
        assert _links(rendered) == [(href, shown)] * 3, rendered
        parsed = _parse(rendered)
        assert set(parsed.tags) <= tags, rendered
        text = "".join(parsed.text).replace(url, shown)
        assert _words(text) == _words(typed_text.replace(url, shown))


def test_markdown_leaves_an_address_unescaped():
    url = "https://example.com/a_b_c?x=1&y=#z"
    assert md_text.cell(f"Se {url}.") == f"Se {url}."
    assert md_text.inline(f"({url}) _x_") == f"({url}) \\_x\\_"
    assert md_text.block(f"- {url}\n{url}") == f"\\- {url}  \n  {url}"
    # what GFM leaves out at the end of an address stays as typed, outside the link
    assert md_text.inline("https://example.com/a_b!") == "https://example.com/a_b!"


# An address with something in it that means something in Markdown or a table is
# escaped as text is, and defused so that no renderer links it with backslashes in it.
UNSAFE_ADDRESSES = [
    "https://example.com/a|b",
    "https://example.com/a)|b",
    "(https://example.com/a)|",
    "https://example.com/a>b",
    "https://example.com/<script>alert(1)</script>",
    "https://example.com/<img src=x onerror=alert(1)>",
    "https://example.com/a`b`",
    "https://example.com/*a*",
    "https://example.com/[x](javascript:alert(1))",
    "https://example.com/a\\_b",
    "https://example.com/&copy;",
    "www.example.com/a|b",
    "mailto:a_b@example.no|x",
    "javascript://example.com/%0aalert(1)",
    "xhttps://example.com/_a_/",
    "https://localhost/_a_/",
]


@pytest.mark.parametrize("url", UNSAFE_ADDRESSES)
def test_markdown_an_address_cannot_smuggle_markup_into_a_table_cell(url):
    source = "\n".join(
        md_text.table(["x", "y"], [[md_text.cell(url), md_text.cell(url)]], frozenset())
    )
    rendered = _gfm().render(source + "\n")
    parsed = _parse(rendered)
    assert parsed.tags.count("td") == 2, rendered
    assert set(parsed.tags) <= TABLE_TAGS | {"a"}, rendered
    for href, _ in _links(rendered):
        assert href.startswith(("https://", "http://", "mailto:")), rendered
        assert "\\" not in href and "%5C" not in href, rendered
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    for cell in cells:
        assert _words(html.unescape(re.sub(r"<[^>]*>", "", cell))) == _words(url)


ADDRESSES = st.sampled_from(
    [u for u, _ in LINKS if "%" not in u]
    + UNSAFE_ADDRESSES
    + ["https://example.com/a_b!", "(www.example.com/x_y).", "_https://example.com/_a_/_"]
)
typed_with_addresses = st.lists(
    st.one_of(
        st.sampled_from(NASTY),
        ADDRESSES,
        st.text(
            st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\n\t"),
            max_size=10,
        ),
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(typed_with_addresses, typed_with_addresses)
def test_gfm_table_cells_with_addresses_show_the_text_typed(a, b):
    source = "\n".join(md_text.table(["x", "y"], [[md_text.cell(a), md_text.cell(b)]], frozenset()))
    rendered = _gfm().render(source + "\n")
    parsed = _parse(rendered)
    assert parsed.tags.count("td") == 2, rendered
    assert set(parsed.tags) <= TABLE_TAGS | {"a"}, rendered
    for href, text in _links(rendered):
        assert "\\" not in text and "%5C" not in href, rendered
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    for cell, original in zip(cells, (a, b), strict=True):
        seen = _words(html.unescape(re.sub(r"<(?!br)[^>]*>", "", re.sub(r"<br\s*/?>", " ", cell))))
        assert seen == _words(original)


@settings(max_examples=200, deadline=None)
@given(typed_with_addresses)
def test_gfm_list_item_with_addresses_shows_the_text_typed(text):
    rendered = _gfm().render("- " + md_text.block(text) + "\n")
    parsed = _parse(rendered)
    assert set(parsed.tags) <= {"ul", "li", "br", "a"}, rendered
    for href, shown in _links(rendered):
        assert "\\" not in shown and "%5C" not in href, rendered
    assert _words("".join(parsed.text)) == _words(text)
