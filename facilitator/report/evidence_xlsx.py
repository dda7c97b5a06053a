"""The evidence pack as an XLSX workbook: one sheet per part (about the pack,
sessions, coverage of the factors, factors, strengths and risks, measures,
follow-ups), with real dates and numbers, a bold header row that stays in view
and a filter on every column, as `action_xlsx` writes the action plan, and with
the same guards: every text cell is a string (never a formula), cut to what a
cell holds, with anything XML cannot carry replaced.

A pack over ten thousand sessions has over a million cells. openpyxl's ordinary
mode keeps an object per cell (gigabytes at that size), and even its write-only
mode makes and serialises an object per cell in Python (20 to 30 µs each, 20 s
for such a pack). So openpyxl makes the workbook, its styles and each sheet's
settings, and the rows are written here as the XML openpyxl would write for them
(see `_Sheet`; tests/test_evidence_xlsx.py holds the two to the same cells).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from facilitator.i18n import Lang
from facilitator.report.action_csv import FORMULA_START
from facilitator.report.action_xlsx import (
    _HEADER_FILL,
    _HEADER_FONT,
    _LINE_POINTS,
    _OVERDUE_FILL,
    _PAGE,
    DATE_FORMAT,
    _wrapped_lines,
    cell_text,
)
from facilitator.report.evidence import (
    EvidencePack,
    agenda_text,
    agreed_text,
    answer_word,
    factor_name,
)
from facilitator.report.evidence_layout import status_text
from facilitator.report.words import status_word, w
from facilitator.session.model import ParticipantRole
from facilitator.timefmt import long_date

Value = str | int | date | None

_TOP = Alignment(vertical="top")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Col:
    header: str
    width: int
    """In characters; a longer text wraps (and the row grows) when `wrap`."""
    wrap: bool = False


class _Sheet:
    """One write-only sheet: header, rows, then filters and print settings.

    openpyxl sets up the sheet (widths, frozen header, print settings, filter) and
    the workbook's styles, but the rows are written here, as the sheet's XML text:
    openpyxl makes an object per cell and serialises it element by element in
    Python, 20 to 30 µs a cell, and a pack over ten thousand exports has over a
    million cells. The XML written is what openpyxl writes for the same cells
    (inline strings, `t="n"` numbers and date serials, the same style ids), so a
    reader sees the same workbook; `_save` puts it in place of the empty
    `<sheetData>` openpyxl leaves."""

    def __init__(self, book: Workbook, title: str, cols: Sequence[Col], lang: Lang) -> None:
        sheet = book.create_sheet(title)
        assert isinstance(sheet, WriteOnlyWorksheet)
        self.sheet, self.cols, self.lang, self.rows = sheet, cols, lang, 0
        self._epoch = book.epoch
        self._letters = [get_column_letter(i) for i in range(1, len(cols) + 1)]
        self._xml: list[str] = []
        self._styles: dict[tuple[str, bool, bool, bool], str] = {}
        self._serials: dict[date, str] = {}
        self._numbers: dict[int, str] = {}
        self._texts: list[dict[str, _Known]] = [{} for _ in cols]
        # Everything about the sheet but its rows must be set before the first row.
        for i, col in enumerate(cols, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = col.width + 2
        last = get_column_letter(len(cols))
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.oddHeader.center.text = title
        sheet.oddFooter.center.text = _PAGE[lang]
        self._last = last
        proto = WriteOnlyCell(sheet)
        proto.font = _HEADER_FONT
        proto.fill = _HEADER_FILL
        proto.alignment = _TOP_WRAP
        header_style = f' s="{proto.style_id}"'
        texts = [cell_text(col.header) for col in cols]
        lines = max(_lines(text, col, header=True) for text, col in zip(texts, cols, strict=True))
        cells = [
            f'<c r="{c}1"{header_style} {_inline(text)}'
            for c, text in zip(self._letters, texts, strict=True)
        ]
        self._row(cells, lines)

    def _row(self, cells: list[str], lines: int) -> None:
        self.rows += 1
        # LibreOffice keeps the default height of a row it is not told about, and
        # wrapped lines would print over the next row.
        height = (
            f' ht="{safe_string(float(_LINE_POINTS * lines + 3))}" customHeight="1"'
            if lines > 1
            else ""
        )
        self._xml.append(f'<row r="{self.rows}"{height}>{"".join(cells)}</row>')

    def add(self, values: Sequence[Value], marked: bool = False) -> None:
        if len(values) != len(self.cols):
            raise ValueError(f"{len(values)} values for {len(self.cols)} columns")
        cells: list[str] = []
        row = self.rows + 1
        lines = 1
        for i, value in enumerate(values):
            letter = self._letters[i]
            if isinstance(value, str):
                known = self._texts[i].get(value)
                if known is None:
                    # The same texts come back row after row (a factor's label, a
                    # measure's name on each of its follow-ups): each made once.
                    known = self._texts[i][value] = self._text_cell(value, self.cols[i])
                tail, height, style, quote = known
                if tail is not None:
                    if height > lines:
                        lines = height
                    if marked:
                        style = self._style("text", True, self.cols[i], quote)
                    cells.append(f'<c r="{letter}{row}"{style} {tail}')
                    continue
                value = None
            if value is None:
                if marked:
                    style = self._style("empty", True, self.cols[i])
                    cells.append(f'<c r="{letter}{row}"{style} t="n"/>')
            elif isinstance(value, date):
                serial = self._serials.get(value)
                if serial is None:
                    serial = self._serials[value] = safe_string(to_excel(value, self._epoch))
                style = self._style("date", marked, self.cols[i])
                cells.append(f'<c r="{letter}{row}"{style} t="n"><v>{serial}</v></c>')
            else:
                col = self.cols[i]
                style = self._style("text", marked, col)
                number = self._numbers.get(value)
                if number is None:
                    number = self._numbers[value] = safe_string(value)
                kind = "b" if isinstance(value, bool) else "n"
                cells.append(f'<c r="{letter}{row}"{style} t="{kind}"><v>{number}</v></c>')
        self._row(cells, lines)

    def _text_cell(self, value: str, col: Col) -> _Known:
        text = cell_text(value)
        if text == "":
            return None, 1, "", False
        # Stored as a string whatever it starts with: never a formula (see
        # action_xlsx._text_cell), with Excel's hidden quote prefix.
        quote = text.startswith(FORMULA_START)
        # Every cell at the top of its row, as in the action plan: a short text or a
        # number beside a wrapped one would otherwise sit at the row's foot.
        style = self._style("text", False, col, quote)
        return _inline(text), _lines(text, col), style, quote

    def _style(self, kind: str, marked: bool, col: Col, quote: bool = False) -> str:
        """The style attribute of a cell of this kind: each style made once, by
        openpyxl, which gives it its index in the workbook's styles."""
        wrap = col.wrap and kind != "date"
        key = (kind, marked, wrap, quote)
        style = self._styles.get(key)
        if style is None:
            proto = WriteOnlyCell(self.sheet)
            proto.alignment = _TOP_WRAP if wrap else _TOP
            if kind == "date":
                proto.number_format = DATE_FORMAT[self.lang]
            if marked:
                proto.fill = _OVERDUE_FILL
            if quote:
                proto.quotePrefix = True
            style = self._styles[key] = f' s="{proto.style_id}"'
        return style

    def finish(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{self._last}{max(self.rows, 1)}"

    def sheet_data(self) -> str:
        return f"<sheetData>{''.join(self._xml)}</sheetData>"


_Known = tuple[str | None, int, str, bool]
"""A text as a cell of a column shows it: the cell's XML after its reference and
style (None for an empty cell), the lines it takes, its style when the row is
not marked, whether it starts as a formula would."""


def _lines(text: str, col: Col, header: bool = False) -> int:
    """The lines `text` takes in `col`: wrapped if the column wraps (a header always
    does), else as many as it has."""
    if (col.wrap or header) and len(text) > col.width:
        return _wrapped_lines(text, col.width)
    return text.count("\n") + 1


def _inline(text: str) -> str:
    """A text cell's type and value as openpyxl writes them: an inline string,
    spaces at either end kept."""
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return f't="inlineStr"><is><t{space}>{body}</t></is></c>'


_EMPTY_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _save(book: Workbook, stamp: datetime, sheets: Sequence[_Sheet]) -> bytes:
    """The workbook as bytes, as `action_xlsx._save` makes them (the same bytes for
    the same content and `stamp`), with each sheet's rows put in its XML."""
    moment = stamp.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    book.properties.created = moment
    book.properties.modified = moment
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(book, archive).write_data()
    # openpyxl names the sheets' parts by their order in the workbook.
    data = {
        f"xl/worksheets/sheet{n}.xml": sheet.sheet_data().encode()
        for n, sheet in enumerate(sheets, start=1)
    }
    assert [s.sheet for s in sheets] == book.worksheets
    when = max(moment, datetime(1980, 1, 1)).timetuple()[:6]  # zip's calendar starts in 1980
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry.filename)
            rows = data.pop(entry.filename, None)
            if rows is not None:
                empty = _EMPTY_DATA.search(content)
                assert empty is not None, entry.filename
                content = content[: empty.start()] + rows + content[empty.end() :]
            fixed = zipfile.ZipInfo(entry.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            # The sheets' rows are most of the work of packing: the fastest level
            # packs them a third less well in a third of the time.
            target.writestr(fixed, content, compresslevel=1 if rows is not None else None)
    assert not data, sorted(data)
    return out.getvalue()


def _upper(text: str) -> str:
    """A word made a column's header: its first letter in upper case, the rest as is
    (`fra HR` → `Fra HR`)."""
    return text[:1].upper() + text[1:]


def _yes(flag: bool, lang: Lang) -> str:
    return w("yes", lang) if flag else ""


def evidence_xlsx(pack: EvidencePack, stamp: datetime) -> bytes:
    lang = pack.lang
    book = Workbook(write_only=True)
    title = w("ev_title", lang)

    about = _Sheet(book, w("ev_about", lang), [Col(title, 110, wrap=True)], lang)
    period = f"{long_date(pack.start, lang)} – {long_date(pack.end, lang)}"
    for line in (
        f"{w('ev_period', lang)}: {period}",
        *pack.statement,
        w("ev_not_included_heading", lang),
        *pack.not_included,
        w("ev_source", lang, n=pack.summaries_used),
    ):
        about.add([line])
    about.finish()

    roles = list(ParticipantRole)
    sessions = _Sheet(
        book,
        w("ev_sessions", lang),
        [
            Col(w("ev_col_no", lang), 5),
            Col(w("date", lang), 11),
            Col(w("unit", lang), 24, wrap=True),
            Col(w("ev_col_agenda", lang), 40, wrap=True),
            Col(w("ev_col_present", lang), 9),
            *(Col(_upper(w(f"role_{r.value}_many", lang)), 12, wrap=True) for r in roles),
            Col(w("ev_col_session", lang), 18),
        ],
        lang,
    )
    for s in pack.sessions:
        counts = dict(s.roles) if s.roles is not None else None
        sessions.add(
            [
                s.number,
                s.day,
                s.unit,
                agenda_text(s, lang),
                s.present,
                *((counts.get(r, 0) if counts is not None else None) for r in roles),
                s.ref,
            ]
        )
    sessions.finish()

    coverage = _Sheet(
        book,
        w("ev_coverage", lang),
        [
            Col(w("ev_col_no", lang), 5),
            Col(w("date", lang), 11),
            Col(w("unit", lang), 24, wrap=True),
            Col(w("ev_col_factor", lang), 40, wrap=True),
            Col(w("ev_col_on_agenda_short", lang), 12),
            Col(_upper(w("ev_mark_mapped", lang)), 14, wrap=True),
            Col(_upper(w("ev_mark_measure", lang)), 12, wrap=True),
        ],
        lang,
    )
    labels = {f.paragraph: factor_name(f.paragraph, lang) for f in pack.factors}
    for s in pack.sessions:
        for p, label in labels.items():
            marks = (p in s.paragraphs, p in s.mapped, p in s.agreed)
            if any(marks):
                coverage.add([s.number, s.day, s.unit, label, *(_yes(m, lang) for m in marks)])
    coverage.finish()

    factors = _Sheet(
        book,
        w("ev_factors_sheet", lang),
        [
            Col(w("ev_col_factor", lang), 44, wrap=True),
            Col(w("ev_col_on_agenda", lang), 14, wrap=True),
            Col(w("ev_col_mapped", lang), 14, wrap=True),
            Col(w("strengths", lang), 10),
            Col(w("risks", lang), 10),
            Col(w("ev_col_agreed", lang), 10, wrap=True),
            Col(w("ev_col_highest", lang), 12, wrap=True),
        ],
        lang,
    )
    for f in pack.factors:
        factors.add(
            [
                labels[f.paragraph],
                f.on_agenda,
                f.mapped,
                f.strengths,
                f.risks,
                f.agreed,
                f.highest_risk,
            ]
        )
    factors.finish()

    found = _Sheet(
        book,
        w("findings", lang),
        [
            Col(w("ev_col_factor", lang), 36, wrap=True),
            Col(w("ev_col_kind", lang), 9),
            Col(w("ev_col_text", lang), 60, wrap=True),
            Col(w("unit", lang), 24, wrap=True),
            Col(w("date", lang), 11),
            Col(w("ev_col_no", lang), 5),
        ],
        lang,
    )
    for item in pack.findings:
        kind = "kind_strength" if item.kind == "strength" else "kind_risk"
        found.add(
            [
                factor_name(item.factor, lang),
                w(kind, lang),
                item.text,
                item.session.unit,
                item.session.day,
                item.session.number,
            ]
        )
    found.finish()

    register = _Sheet(
        book,
        w("measures", lang),
        [
            Col(w("col_measure", lang), 32, wrap=True),
            Col(w("col_challenge", lang), 28, wrap=True),
            Col(w("col_factor", lang), 22, wrap=True),
            Col(w("col_owner", lang), 18, wrap=True),
            Col(w("col_deadline", lang), 11),
            Col(w("col_status", lang), 12, wrap=True),
            Col(w("col_done_on", lang), 11),
            Col(w("col_likelihood", lang), 8),
            Col(w("col_consequence", lang), 8),
            Col(w("col_risk", lang), 7),
            Col(w("ev_col_agreed_in", lang), 11),
            Col(w("col_agreed_in", lang), 24, wrap=True),
            Col(w("unit", lang), 22, wrap=True),
            Col(w("col_overdue", lang), 9),
            Col(w("ev_col_session", lang), 18),
            Col(w("col_follow_up", lang), 10),
        ],
        lang,
    )
    follow = _Sheet(
        book,
        w("ev_follow_ups", lang),
        [
            Col(w("col_measure", lang), 32, wrap=True),
            Col(w("unit", lang), 22, wrap=True),
            Col(w("date", lang), 11),
            Col(w("col_status", lang), 12),
            Col(w("col_evaluation", lang), 48, wrap=True),
            Col(w("ev_col_worked", lang), 10),
            Col(w("ev_col_enough", lang), 10),
        ],
        lang,
    )
    for r in pack.register:
        m = r.measure
        register.add(
            [
                m.what,
                m.challenge,
                factor_name(m.factor.paragraph, lang),
                m.owner,
                m.deadline,
                status_text(r, lang),
                m.done_on,
                m.likelihood,
                m.consequence,
                m.risk,
                r.agreed_on,
                agreed_text(r, lang),
                r.unit,
                _yes(r.overdue, lang),
                r.origin_ref,
                len(m.follow_ups),
            ],
            marked=r.overdue,
        )
        for up in m.follow_ups:
            follow.add(
                [
                    m.what,
                    r.unit,
                    up.at,
                    status_word(up.status, lang),
                    up.text,
                    answer_word(up.worked, lang),
                    answer_word(up.enough, lang),
                ]
            )
    register.finish()
    follow.finish()
    book.properties.creator = "facilitator"
    book.properties.title = title
    book.properties.language = lang
    return _save(book, stamp, [about, sessions, coverage, factors, found, register, follow])
