"""One entry point for every format a session summary can be written in."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from facilitator.report.model import Summary

Format = Literal["md", "html", "csv", "json", "ics"]
"""The formats written as text (UTF-8); the screen app offers these."""
FORMATS: tuple[Format, ...] = ("md", "html", "csv", "json", "ics")

ExportFormat = Format | Literal["xlsx"]
"""Every format `facilitator export` writes: the text ones, and XLSX (a binary file)."""
EXPORT_FORMATS: tuple[ExportFormat, ...] = (*FORMATS, "xlsx")
BINARY_FORMATS: tuple[ExportFormat, ...] = ("xlsx",)
"""Formats that are not text: they go to a file or a pipe, never to a terminal."""


def render_summary(summary: Summary, fmt: Format, stamp: datetime) -> str:
    """`summary` as text in `fmt`; `stamp` is the time of export (the calendar's DTSTAMP).

    Each writer is imported when its format is asked for: `facilitator export`
    writes one format and starts faster without loading the others."""
    if fmt == "md":
        from facilitator.report.markdown import render_markdown
        from facilitator.report.summary_layout import summary_document

        return render_markdown(summary_document(summary))
    if fmt == "html":
        from facilitator.report.html_page import render_html
        from facilitator.report.summary_layout import summary_document

        return render_html(summary_document(summary))
    if fmt == "csv":
        from facilitator.report.action_csv import measures_csv

        return measures_csv(summary.all_measures, summary.lang)
    if fmt == "json":
        from facilitator.report.json_export import render_json

        return render_json(summary)
    from facilitator.report.calendar_ics import render_ics

    return render_ics(summary, stamp)


def render_summary_file(summary: Summary, fmt: ExportFormat, stamp: datetime) -> bytes:
    """`summary` as the bytes of a file in `fmt`: the text formats in UTF-8, XLSX as
    a workbook of the measures whose document properties carry `stamp`."""
    if fmt == "xlsx":
        # Imported here: openpyxl takes a tenth of a second to load, and only XLSX needs it.
        from facilitator.report.action_xlsx import measures_xlsx

        return measures_xlsx(summary, stamp)
    return render_summary(summary, fmt, stamp).encode("utf-8")
