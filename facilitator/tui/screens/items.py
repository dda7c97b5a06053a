"""Everything captured in the session, to read, edit, share or delete."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from facilitator.i18n import Lang
from facilitator.session.model import Visibility
from facilitator.tui import forms
from facilitator.tui.bindings import localize
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.form import FormModal
from facilitator.tui.strings import s
from facilitator.workshop import Workshop

KIND_KEYS = {
    "notes": "form_note",
    "dilemmas": "form_dilemma",
    "findings": "form_finding",
    "measures": "form_measure",
    "checkouts": "form_checkout",
}


class ItemsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,i", "back", "key_back"),
        Binding("enter,e", "edit", "key_edit"),
        Binding("v", "toggle_visibility", "key_visibility"),
        Binding("delete,x", "delete", "key_delete"),
    ]

    def __init__(self, workshop: Workshop, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.workshop = workshop
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(s("items_title", self.lang), id="items-title")
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("col_what", "col_text", "col_who", "col_step", "col_visibility"):
            table.add_column(s(key, self.lang), key=key)
        self.reload()
        table.focus()

    def _rows(self) -> list[tuple[str, Any, str, str]]:
        w, lang = self.workshop, self.lang
        rows = []
        steps = {st.id: st.title.get(lang) for st in w.steps}
        for n in w.session.notes:
            rows.append(("notes", n, w.name(n.person), steps.get(n.step_id, "")))
        for d in w.session.dilemmas:
            rows.append(("dilemmas", d, w.name(d.owner), ""))
        for f in w.session.findings:
            rows.append(("findings", f, "", steps.get(f.step_id or "", "")))
        for m in w.session.measures:
            rows.append(("measures", m, m.owner, ""))
        for c in w.session.checkouts:
            rows.append(("checkouts", c, w.name(c.person), ""))
        return rows

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        lang = self.lang
        for collection, item, who, step in self._rows():
            text = getattr(item, "text", "") or getattr(item, "what", "") or ""
            if collection == "dilemmas" and item.title:
                text = f"{item.title}: {text}" if text else item.title
            if collection == "findings":
                kind = s("form_strength" if item.kind.value == "strength" else "form_risk", lang)
            else:
                kind = s(KIND_KEYS[collection], lang)
            if collection == "measures" and item.risk is not None:
                risk = s(
                    "form_risk_score", lang, risk=item.risk, l=item.likelihood, c=item.consequence
                )
                text = f"{risk} · {text}"
            one_line = " ".join(text.split())
            shared = item.visibility is Visibility.SHARED
            table.add_row(
                kind,
                one_line[:80],
                who,
                step,
                s("shared" if shared else "group_only", lang),
                key=f"{collection}:{item.id}",
            )
        if not table.row_count:
            table.add_row(s("items_empty", lang), "", "", "", "", key="empty")

    def _selected(self) -> tuple[str, Any] | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if not row_key or row_key == "empty":
            return None
        collection, item_id = row_key.split(":", 1)
        return collection, self.workshop.find(collection, item_id)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        collection, item = chosen
        form = forms.FORMS[collection](self.workshop, self.lang, item)
        self.app.push_screen(FormModal(form, self.workshop, self.lang), lambda _: self.reload())

    def action_toggle_visibility(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        collection, item = chosen
        flipped = Visibility.GROUP if item.visibility is Visibility.SHARED else Visibility.SHARED
        self.workshop.update(collection, item.id, visibility=flipped)
        self.reload()

    def action_delete(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        collection, item = chosen
        text = getattr(item, "text", "") or getattr(item, "what", "") or getattr(item, "title", "")

        def done(yes: bool | None) -> None:
            if yes:
                self.workshop.delete(collection, item.id)
                self.notify(s("items_deleted", self.lang), timeout=3)
            self.reload()

        question = f"{s('key_delete', self.lang)}: «{text[:60]}»?"
        self.app.push_screen(ConfirmModal(question, self.lang), done)
