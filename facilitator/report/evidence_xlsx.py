"""The evidence pack as an XLSX workbook: one sheet per part (about the pack,
sessions, coverage of the factors, factors, strengths and risks, measures,
follow-ups), with real dates and numbers, a bold header row that stays in view
and a filter on every column, as `action_xlsx` writes the action plan, and with
the same guards: every text cell is a string (never a formula), cut to what a
cell holds, with anything XML cannot carry replaced.

The sheets are written in openpyxl's write-only mode, row by row: a pack over
ten thousand sessions has hundreds of thousands of cells, and the ordinary mode
keeps an object per cell (several times slower, and gigabytes at that size).
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from facilitator.i18n import Lang
from facilitator.report.action_csv import FORMULA_START
from facilitator.report.action_xlsx import (
    _HEADER_FILL,
    _HEADER_FONT,
    _LINE_POINTS,
    _OVERDUE_FILL,
    _PAGE,
    DATE_FORMAT,
    _save,
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

_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})
_TOP = Alignment(vertical="top")
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class Col:
    header: str
    width: int
    """In characters; a longer text wraps (and the row grows) when `wrap`."""
    wrap: bool = False


class _Sheet:
    """One write-only sheet: header, rows, then filters and print settings."""

    def __init__(self, book: Workbook, title: str, cols: Sequence[Col], lang: Lang) -> None:
        sheet = book.create_sheet(title)
        assert isinstance(sheet, WriteOnlyWorksheet)
        self.sheet, self.cols, self.lang, self.rows = sheet, cols, lang, 0
        self._styles: dict[tuple[str, bool, bool], WriteOnlyCell] = {}
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
        header = []
        for col in cols:
            cell = WriteOnlyCell(sheet, value=cell_text(col.header))
            cell.data_type = "s"
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = _TOP_WRAP
            header.append(cell)
        self._append(header, [c.header for c in cols], header=True)

    def _append(self, cells: list[object], texts: Sequence[Value], header: bool = False) -> None:
        self.rows += 1
        lines = 1
        for value, col in zip(texts, self.cols, strict=True):
            if isinstance(value, str) and (col.wrap or header) and len(value) > col.width:
                lines = max(lines, _wrapped_lines(value, col.width))
            elif isinstance(value, str) and "\n" in value:
                lines = max(lines, value.count("\n") + 1)
        if lines > 1:
            # LibreOffice keeps the default height of a row it is not told about,
            # and wrapped lines would print over the next row.
            self.sheet.row_dimensions[self.rows].height = _LINE_POINTS * lines + 3
        self.sheet.append(cells)

    def add(self, values: Sequence[Value], marked: bool = False) -> None:
        cells: list[object] = []
        shown: list[Value] = []
        for value, col in zip(values, self.cols, strict=True):
            if isinstance(value, str):
                value = cell_text(value)
            shown.append(value)
            if value is None or value == "":
                cells.append(self._cell(None, "empty", marked, col) if marked else None)
            elif isinstance(value, date):
                cells.append(self._cell(value, "date", marked, col))
            elif not marked and not col.wrap and (isinstance(value, int) or not _risky(value)):
                cells.append(value)
            else:
                cells.append(self._cell(value, "text", marked, col))
        self._append(cells, shown)

    def _cell(self, value: Value, kind: str, marked: bool, col: Col) -> WriteOnlyCell:
        """A cell with the style its kind needs. Styles are made once per kind and
        copied by their index array: openpyxl looks every style object up by hash
        when it is assigned, and at a few hundred thousand cells that was a third
        of the time."""
        wrap = col.wrap and kind != "date"
        key = (kind, marked, wrap)
        proto = self._styles.get(key)
        if proto is None:
            proto = WriteOnlyCell(self.sheet)
            proto.alignment = _TOP_WRAP if wrap else _TOP
            if kind == "date":
                proto.number_format = DATE_FORMAT[self.lang]
            if marked:
                proto.fill = _OVERDUE_FILL
            self._styles[key] = proto
        cell = WriteOnlyCell(self.sheet, value=value)
        cell._style = copy(proto._style)
        if isinstance(value, str):
            # Stored as a string whatever it starts with: never a formula (see
            # action_xlsx._text_cell), with Excel's hidden quote prefix.
            cell.data_type = "s"
            if value.startswith(FORMULA_START):
                cell.quotePrefix = True
        return cell

    def finish(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{self._last}{max(self.rows, 1)}"


def _risky(text: str) -> bool:
    """A text openpyxl would store as a formula or an error rather than a string."""
    return text.startswith(FORMULA_START) or text in _ERRORS


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
    return _save(book, stamp)
