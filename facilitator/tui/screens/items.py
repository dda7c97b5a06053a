"""Everything captured in the session, to read, edit, share or delete.

Each item takes two lines, so that at 80×24 nothing needs scrolling sideways:
on the left what it is and who may see it, on the right its text and, under
it, what else it carries (a measure's owner, deadline, status, factor and
score; whose note or dilemma; the step). Enter (or e) edits the highlighted
item, v flips it between shared and group only, x deletes it; the highlight
stays on the item.
"""

from __future__ import annotations

from typing import assert_never

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.law import PARAGRAPHS, Paragraph
from facilitator.session.model import (
    CapturedItem,
    CheckoutAnswer,
    Dilemma,
    Finding,
    FindingKind,
    ItemKind,
    Measure,
    Note,
    Visibility,
)
from facilitator.timefmt import short_date
from facilitator.tui import capture_forms
from facilitator.tui.bindings import localize
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.form_modal import FormModal
from facilitator.workshop import Workshop

KIND_KEYS = {
    ItemKind.NOTES: "form_note",
    ItemKind.DILEMMAS: "form_dilemma",
    ItemKind.FINDINGS: "form_finding",
    ItemKind.MEASURES: "form_measure",
    ItemKind.CHECKOUTS: "form_checkout",
}

WHAT_WIDTH = 12
"""The left column: the longest kind or visibility word ("bare gruppen")."""
FRAME = 2 * 2 + 2
"""Two columns' padding (one cell each side) and the vertical scrollbar."""
EMPTY = "empty"


def factor_ref(paragraph: Paragraph) -> str:
    """`§ 4-3 (2) c`: short enough for the detail line in either language."""
    return PARAGRAPHS[paragraph].ref_en


class ItemsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,i", "back", "key_back"),
        # The table takes Enter itself (RowSelected, handled below); the footer
        # shows it with e, which the table leaves to the screen.
        Binding("e", "edit", "key_edit", key_display="Enter"),
        Binding("v", "toggle_visibility", "key_visibility"),
        Binding("x,delete", "delete", "key_delete"),
    ]

    def __init__(self, workshop: Workshop, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.workshop = workshop
        self.lang = lang
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static(s("items_title", self.lang), id="items-title")
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self.reload(self._selected_key())

    # --- the rows ---------------------------------------------------------------------

    def _items(self) -> list[tuple[ItemKind, CapturedItem]]:
        return self.workshop.session.all_items()

    def _kind(self, item: CapturedItem) -> str:
        if isinstance(item, Finding):
            return s(
                "form_strength" if item.kind is FindingKind.STRENGTH else "form_risk", self.lang
            )
        return s(KIND_KEYS[ItemKind.of(item)], self.lang)

    def _what_cell(self, item: CapturedItem) -> Text:
        shared = item.visibility is Visibility.SHARED
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self._kind(item) + "\n", style="bold")
        text.append(
            s("shared" if shared else "group_only", self.lang),
            style="bold green" if shared else "yellow",
        )
        return text

    def _text(self, item: CapturedItem) -> str:
        if isinstance(item, Measure):
            text = item.what
        elif isinstance(item, Dilemma):
            text = (
                f"{item.title}: {item.text}"
                if item.title and item.text
                else item.title or item.text
            )
        else:
            text = item.text
        return " ".join(text.split())  # one line: a typed line break would hide the details

    def _details(self, item: CapturedItem) -> list[str]:
        w, lang = self.workshop, self.lang
        steps = {st.id: st.title.get(lang) for st in w.steps}
        if isinstance(item, Measure):
            # What the action plan turns on first; the owner last, as it may be long.
            parts = [
                s(f"status_{item.status.value}", lang),
                f"{s('col_deadline', lang)} {short_date(item.deadline, lang)}"
                if item.deadline
                else "",
                factor_ref(item.factor) if item.factor else "",
                s("items_risk", lang, risk=item.risk) if item.risk is not None else "",
                f"{s('form_owner', lang)}: {item.owner}" if item.owner else "",
                s("items_carried", lang) if item.carried_from else "",
            ]
        elif isinstance(item, Finding):
            parts = [
                factor_ref(item.factor) if item.factor else "",
                steps.get(item.step_id or "", ""),
            ]
        elif isinstance(item, Note):
            kind = s(f"kind_{item.kind.value}", lang) if item.kind.value != "note" else ""
            parts = [
                w.name(item.person),
                kind,
                steps.get(item.step_id, ""),
                *(factor_ref(f) for f in item.factors),
            ]
        elif isinstance(item, Dilemma):
            parts = [
                w.name(item.owner),
                *(factor_ref(f) for f in item.factors),
                s("items_hr", lang) if item.hr_hint else "",
            ]
        elif isinstance(item, CheckoutAnswer):
            parts = [w.name(item.person)]
        else:
            assert_never(item)
        return [p for p in parts if p]

    def _text_cell(self, item: CapturedItem) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self._text(item) + "\n")
        text.append(" · ".join(self._details(item)), style="dim")
        return text

    def reload(self, keep: str | None = None) -> None:
        """Draw the list again; the highlight stays on `keep` when it is still there."""
        table = self.query_one(DataTable)
        self._width = self.size.width
        table.clear(columns=True)
        text_width = max(20, self._width - WHAT_WIDTH - FRAME)
        table.add_column(s("col_what", self.lang), width=WHAT_WIDTH, key="what")
        table.add_column(s("col_text", self.lang), width=text_width, key="text")
        keys = []
        for kind, item in self._items():
            key = _row_key(kind, item)
            keys.append(key)
            table.add_row(
                self._what_cell(item),
                self._text_cell(item),
                key=key,
                height=2,
            )
        if not keys:
            table.add_row("", Text(s("items_empty", self.lang)), key=EMPTY)
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)

    def _selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key in (None, EMPTY) else key

    def _selected(self) -> tuple[ItemKind, CapturedItem] | None:
        key = self._selected_key()
        if key is None:
            return None
        name, item_id = key.split(":", 1)
        kind = ItemKind(name)
        return kind, self.workshop.find(kind, item_id)

    # --- intentions -------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        _, item = chosen
        key = _row_key(*chosen)
        form = capture_forms.edit_form(self.workshop, self.lang, item)
        self.app.push_screen(FormModal(form, self.workshop, self.lang), lambda _: self.reload(key))

    def action_toggle_visibility(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        kind, item = chosen
        flipped = Visibility.GROUP if item.visibility is Visibility.SHARED else Visibility.SHARED
        updated = self.workshop.update(kind, item.id, visibility=flipped)
        # Only this row changes: the highlight and the scroll stay where they are.
        key = _row_key(kind, item)
        table = self.query_one(DataTable)
        table.update_cell(key, "what", self._what_cell(updated))
        table.update_cell(key, "text", self._text_cell(updated))

    def action_delete(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        kind, item = chosen
        text = self._text(item)
        table = self.query_one(DataTable)
        row = table.cursor_row

        def done(yes: bool | None) -> None:
            if yes:
                self.workshop.delete(kind, item.id)
                self.notify(s("items_deleted", self.lang), timeout=3)
            self.reload(_row_key(kind, item))
            # After a delete, the highlight goes to the item that took its place.
            if yes and table.row_count:
                table.move_cursor(row=min(row, table.row_count - 1), animate=False)

        question = f"{s('key_delete', self.lang)}: «{text[:60]}»?"
        self.app.push_screen(ConfirmModal(question, self.lang), done)


def _row_key(kind: ItemKind, item: CapturedItem) -> str:
    """A row's key: `notes:1a2b3c4d5e` (the kind's stored name, then the item's id)."""
    return f"{kind.value}:{item.id}"
