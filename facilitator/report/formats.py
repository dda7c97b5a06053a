"""One entry point for every format a session summary can be written in."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from facilitator.report.action_csv import measures_csv
from facilitator.report.calendar_ics import render_ics
from facilitator.report.html_page import render_html
from facilitator.report.json_export import render_json
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Summary
from facilitator.report.summary_layout import summary_document

Format = Literal["md", "html", "csv", "json", "ics"]
"""The formats written as text (UTF-8); the screen app offers these."""
FORMATS: tuple[Format, ...] = ("md", "html", "csv", "json", "ics")

ExportFormat = Format | Literal["xlsx"]
"""Every format `facilitator export` writes: the text ones, and XLSX (a binary file)."""
EXPORT_FORMATS: tuple[ExportFormat, ...] = (*FORMATS, "xlsx")
BINARY_FORMATS: tuple[ExportFormat, ...] = ("xlsx",)
"""Formats that are not text: they go to a file or a pipe, never to a terminal."""


def render_summary(summary: Summary, fmt: Format, stamp: datetime) -> str:
    """`summary` as text in `fmt`; `stamp` is the time of export (the calendar's DTSTAMP)."""
    if fmt == "md":
        return render_markdown(summary_document(summary))
    if fmt == "html":
        return render_html(summary_document(summary))
    if fmt == "csv":
        return measures_csv(summary.all_measures, summary.lang)
    if fmt == "json":
        return render_json(summary)
    return render_ics(summary, stamp)


def render_summary_file(summary: Summary, fmt: ExportFormat, stamp: datetime) -> bytes:
    """`summary` as the bytes of a file in `fmt`: the text formats in UTF-8, XLSX as
    a workbook of the measures whose document properties carry `stamp`."""
    if fmt == "xlsx":
        # Imported here: openpyxl takes a tenth of a second to load, and only XLSX needs it.
        from facilitator.report.action_xlsx import measures_xlsx

        return measures_xlsx(summary, stamp)
    return render_summary(summary, fmt, stamp).encode("utf-8")
