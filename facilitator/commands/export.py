"""`facilitator export SESSION`: a session's summary in Markdown, HTML, CSV, JSON
or iCalendar, or its measures as an XLSX workbook, for management or for the
group itself."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.report.build import build_summary
from facilitator.report.files import checked_target, write_export
from facilitator.report.formats import BINARY_FORMATS, ExportFormat, render_summary_file
from facilitator.report.model import Audience
from facilitator.session.store import SessionStore
from facilitator.tomlfile import FileProblem


def export_time() -> datetime:
    """When the export is made: now, or `SOURCE_DATE_EPOCH` when set, the common
    convention for output that must come out the same every time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def export(
    workspace: Path,
    lang: Lang,
    ref: str | None,
    audience: Audience,
    fmt: ExportFormat,
    output: str | None,
    doc_lang: Lang | None,
) -> int:
    """Write the summary of session `ref`; `doc_lang` is the document's language
    when given (else the session's own), `lang` that of the messages."""
    if not ref:
        raise UserError(t("export_needs_session", lang))
    refuse_binary_on_terminal(fmt, output, lang)
    store = SessionStore(workspace, lang)
    path = store.resolve(ref)
    try:
        session = store.load(path)
    except FileProblem as exc:
        # One line: the most specific one (a field and its line) when there is one.
        raise UserError(exc.problems[1] if len(exc.problems) > 1 else exc.problems[0]) from None
    summary = build_summary(session, audience, doc_lang)
    content = render_summary_file(summary, fmt, export_time())
    write_output(content, output, lang, store, personal=audience is Audience.GROUP, source=path)
    return 0


def export_schema() -> int:
    from facilitator.report.json_export import summary_schema

    print(json.dumps(summary_schema(), indent=2, ensure_ascii=False))
    return 0


def refuse_binary_on_terminal(fmt: str, output: str | None, lang: Lang) -> None:
    """A binary format (XLSX) goes to a file (`-o FILE`) or a pipe; on a terminal it
    would be screenfuls of noise that can upset the terminal itself."""
    if fmt in BINARY_FORMATS and output is None and sys.stdout.isatty():
        raise UserError(t("binary_to_terminal", lang, format=fmt.upper()))


def write_output(
    content: str | bytes,
    output: str | None,
    lang: Lang,
    store: SessionStore,
    personal: bool = False,
    source: Path | None = None,
) -> None:
    """`content` (text in UTF-8, or the bytes of a file) to stdout, or atomically to
    the file `output`, readable by its owner only. Never over a session file."""
    if output is None:
        sys.stdout.buffer.write(content.encode("utf-8") if isinstance(content, str) else content)
        sys.stdout.buffer.flush()
        return
    target = checked_target(output, store, lang, source)
    write_export(target, content)
    print(t("written_personal" if personal else "written", lang, path=Path(output).expanduser()))
