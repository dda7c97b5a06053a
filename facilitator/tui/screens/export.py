"""Exporting a session's summary from the screen: for management (only what the
group marked as shared, and the screen lists exactly that before anything is
written) or the group's own record; in any of the export formats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from facilitator.errors import FacilitatorError
from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.report.build import build_summary
from facilitator.report.files import checked_target, default_export_path, write_export
from facilitator.report.formats import EXPORT_FORMATS, ExportFormat, render_summary_file
from facilitator.report.model import Audience
from facilitator.report.outgoing import outgoing
from facilitator.session.model import NamesPolicy, Session
from facilitator.session.store import SessionStore
from facilitator.tui.bindings import localize
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.typing import TYPE_AHEAD_BINDINGS
from facilitator.tui.widgets.choices import names_policy_options, names_policy_select


class ExportScreen(Screen[None]):
    BINDINGS = [
        *TYPE_AHEAD_BINDINGS,  # a file name typed right after Tab goes in the file field
        Binding("escape", "back", "key_back"),
        Binding("ctrl+s", "write", "export_write", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        store: SessionStore,
        lang: Lang,
        now: datetime,
        source: Path,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        localize(self, lang)
        self.session = session
        self.store = store
        self.lang = lang
        self.now = now
        self.source = source
        self.on_change = on_change
        """Saves the session after a change made here (the names rule); None when the
        session was only read to be exported."""
        self._path_typed = False
        """The user has typed a file name of their own: keep it when the choices change."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="export"):
            with VerticalScroll(id="export-form"):
                yield Static(s("export_title", lang, title=self.session.title), id="form-title")
                yield Label(s("export_audience", lang))
                yield Select(
                    [
                        (s("export_management", lang), Audience.MANAGEMENT),
                        (s("export_group", lang), Audience.GROUP),
                    ],
                    value=Audience.MANAGEMENT,
                    allow_blank=False,
                    id="audience",
                )
                # Visible here too, and changeable: what may go to management is
                # decided in setup, but the group may change its mind at the end.
                yield Label(s("names_policy", lang), id="names-policy-label")
                yield names_policy_select(lang, self.session.names_policy, "names-policy")
                yield Label(s("export_format", lang))
                yield Select(
                    [(s(f"format_{f}", lang), f) for f in EXPORT_FORMATS],
                    value="md",
                    allow_blank=False,
                    id="format",
                )
                yield Label(s("export_file", lang))
                yield Input(id="path")
                yield Static(id="export-status")
                with Horizontal(id="form-buttons"):
                    yield Button(
                        s("export_write", lang) + " (Ctrl+S)", variant="primary", id="write"
                    )
                    yield Button(s("key_back", lang) + " (Esc)", id="back")
            with Vertical(id="export-preview"):
                yield Static(classes="dialog-title", id="preview-heading")
                with VerticalScroll(id="leaving"):
                    yield Static(id="leaving-lines")
        yield Footer()

    def on_mount(self) -> None:
        self._refresh()
        self.query_one("#audience", Select).focus()

    # --- what is chosen -------------------------------------------------------------

    def _audience(self) -> Audience:
        value = self.query_one("#audience", Select).value
        return value if isinstance(value, Audience) else Audience.MANAGEMENT

    def _format(self) -> ExportFormat:
        value = self.query_one("#format", Select).value
        return next((f for f in EXPORT_FORMATS if f == value), "md")

    @on(Input.Changed, "#path")
    def _typed(self, event: Input.Changed) -> None:
        default = self._default_path()
        self._path_typed = event.value != str(default)

    def _default_path(self) -> Path:
        return default_export_path(
            self.store.workspace, self.session.id, self._audience(), self._format(), self.lang
        )

    @on(Select.Changed, "#names-policy")
    def _names_policy(self, event: Select.Changed) -> None:
        chosen = event.value
        if not isinstance(chosen, str) or chosen == self.session.names_policy.value:
            return
        # The session's own rule, saved with it like every other change (when the
        # session is open here; a file exported from the start screen is only read).
        self.session.names_policy = NamesPolicy(chosen)
        if self.on_change is not None:
            self.on_change()
        self._refresh()
        label = dict((v, k) for k, v in names_policy_options(self.lang))[chosen]
        key = "export_names_changed" if self.on_change else "export_names_this_export"
        self._status(s(key, self.lang, choice=label))

    @on(Select.Changed, "#audience, #format")
    def _refresh(self) -> None:
        lang = self.lang
        path = self.query_one("#path", Input)
        if not self._path_typed:
            path.value = str(self._default_path())
        heading = self.query_one("#preview-heading", Static)
        lines = Text()
        management = self._audience() is Audience.MANAGEMENT
        for widget in self.query("#names-policy, #names-policy-label"):
            widget.display = management
        if management:
            summary = build_summary(self.session, Audience.MANAGEMENT, self.session.lang)
            leaving = outgoing(summary)
            heading.update(s("export_leaving", lang, n=len(leaving)))
            flagged = sum(1 for item in leaving if item.flags)
            if flagged:
                lines.append(s("export_flagged", lang, n=flagged) + "\n\n", style="bold yellow")
            for item in leaving:
                for flag in item.flags:
                    lines.append(f"[{s(f'export_flag_{flag}', lang)}] ", style="bold yellow")
                lines.append(f"{item.label}: ", style="bold")
                lines.append(item.text + "\n")
        else:
            heading.update(s("export_group_heading", lang))
            lines.append(s("export_group_warning", lang), style="bold yellow")
        self.query_one("#leaving-lines", Static).update(lines)
        self._status("")

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.set_class(error, "-error")
        status.update(text)

    # --- writing ----------------------------------------------------------------------

    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        try:
            target = checked_target(
                self.query_one("#path", Input).value.strip() or self._default_path(),
                self.store,
                self.lang,
                self.source,
            )
        except FacilitatorError as exc:
            self._status(str(exc), error=True)
            return
        audience = self._audience()
        key = "export_confirm_management" if audience is Audience.MANAGEMENT else "export_confirm"
        question = s(key, self.lang, path=target)
        if target.exists():
            question += "\n" + s("export_replaces", self.lang)

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(target, audience)

        self.app.push_screen(ConfirmModal(question, self.lang), answered)

    def _write(self, target: Path, audience: Audience) -> None:
        summary = build_summary(self.session, audience, self.session.lang)
        data = render_summary_file(summary, self._format(), self.now)
        try:
            write_export(target, data)
        except OSError as exc:
            self._status(f"{exc.strerror or exc}: {target}", error=True)
            return
        self._status(s("export_written", self.lang, path=target))
        self.notify(s("export_written", self.lang, path=target), timeout=8)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
