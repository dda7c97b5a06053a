"""The capture forms: for each kind of item, the fields to ask for and what to
do with the answers. Used both to add an item from the run screen and to edit
one from the list of everything captured."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from facilitator.agenda.model import Capture
from facilitator.i18n import Lang
from facilitator.law import FACTORS, label
from facilitator.session.model import FindingKind, MeasureStatus, Visibility
from facilitator.textcheck import mentions_health, names_someone, suggests_hr
from facilitator.tui.screens.form import FormField
from facilitator.tui.strings import s
from facilitator.workshop import Workshop

Values = dict[str, Any]


@dataclass
class Form:
    title: str
    fields: list[FormField]
    apply: Callable[[Values], object]
    hr_hint: bool = False


def _factors(lang: Lang) -> list[tuple[str, Any]]:
    return [(label(p, lang), p) for p in FACTORS]


def _people(w: Workshop) -> list[tuple[str, Any]]:
    return [(p.name, p.id) for p in w.session.participants]


def _shared(lang: Lang, visibility: Visibility) -> FormField:
    return FormField("shared", s("form_visibility", lang), "check", visibility is Visibility.SHARED)


def _visibility(values: Values) -> Visibility:
    return Visibility.SHARED if values.get("shared") else Visibility.GROUP


def _first(items: list[Any]) -> Any:
    return items[0] if items else None


def nudges(w: Workshop, values: Values, lang: Lang, hr: bool) -> list[str]:
    """Gentle hints while typing: HR involvement, names, health."""
    text = " ".join(str(v) for v in values.values() if isinstance(v, str))
    hints = []
    if hr and suggests_hr(text):
        hints.append(s("hr_hint", lang))
    if names_someone(text, [p.name for p in w.session.participants]):
        hints.append(s("form_names_nudge", lang))
    if mentions_health(text):
        hints.append(s("form_health_nudge", lang))
    return hints


def note_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    reading = w.reading()
    title = s("form_note", lang)
    if item is None:
        phase = w.step.phase(reading.phase)
        if reading.person:
            title += f" – {w.name(reading.person)}"
        if phase is not None:
            title += f" – {phase.title.get(lang)}"
    fields = [
        FormField("text", s("form_text", lang), "area", item.text if item else "", required=True),
        FormField(
            "factor",
            s("form_factor", lang),
            "select",
            _first(item.factors) if item else None,
            _factors(lang),
        ),
        _shared(lang, item.visibility if item else Visibility.GROUP),
    ]

    def apply(v: Values) -> object:
        factors = [v["factor"]] if v["factor"] else []
        if item is not None:
            return w.update(
                "notes", item.id, text=v["text"], factors=factors, visibility=_visibility(v)
            )
        return w.add_note(v["text"], _visibility(v), factors)

    return Form(title, fields, apply)


def dilemma_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    reading = w.reading()
    owner = (
        item.owner
        if item
        else (reading.person or (w.session.present[0].id if w.session.present else None))
    )
    existing = item or (w.dilemma_of(owner) if owner else None)
    fields = [
        FormField(
            "owner", s("form_owner_person", lang), "select", owner, _people(w), required=True
        ),
        FormField(
            "title",
            s("form_short_title", lang),
            "text",
            existing.title if existing else "",
            required=True,
        ),
        FormField("text", s("form_text", lang), "area", existing.text if existing else ""),
        FormField(
            "factor",
            s("form_factor", lang),
            "select",
            _first(existing.factors) if existing else None,
            _factors(lang),
        ),
        FormField("hr", s("form_hr", lang), "check", existing.hr_hint if existing else False),
        _shared(lang, existing.visibility if existing else Visibility.GROUP),
    ]

    def apply(v: Values) -> object:
        hr = bool(v["hr"]) or suggests_hr(f"{v['title']} {v['text']}")
        factors = [v["factor"]] if v["factor"] else []
        if item is not None and v["owner"] == item.owner:
            return w.update(
                "dilemmas",
                item.id,
                title=v["title"],
                text=v["text"],
                factors=factors,
                hr_hint=hr,
                visibility=_visibility(v),
            )
        return w.set_dilemma(v["owner"], v["title"], v["text"], factors, hr, _visibility(v))

    return Form(s("form_dilemma", lang), fields, apply, hr_hint=True)


def finding_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    kinds = [
        (s("form_strength", lang), FindingKind.STRENGTH),
        (s("form_risk", lang), FindingKind.RISK),
    ]
    fields = [
        FormField(
            "kind",
            s("form_kind", lang),
            "select",
            item.kind if item else FindingKind.STRENGTH,
            kinds,
            required=True,
        ),
        FormField("text", s("form_text", lang), "area", item.text if item else "", required=True),
        FormField(
            "factor",
            s("form_factor", lang),
            "select",
            item.factor if item else None,
            _factors(lang),
        ),
        _shared(lang, item.visibility if item else Visibility.SHARED),
    ]

    def apply(v: Values) -> object:
        if item is not None:
            return w.update(
                "findings",
                item.id,
                kind=v["kind"],
                text=v["text"],
                factor=v["factor"],
                visibility=_visibility(v),
            )
        return w.add_finding(v["kind"], v["text"], v["factor"], _visibility(v))

    return Form(s("form_finding", lang), fields, apply)


def measure_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    fields = [
        FormField("what", s("form_what", lang), "area", item.what if item else "", required=True),
        FormField("challenge", s("form_challenge", lang), "text", item.challenge if item else ""),
        FormField(
            "factor",
            s("form_factor", lang),
            "select",
            item.factor if item else None,
            _factors(lang),
        ),
        FormField("owner", s("form_owner", lang), "text", item.owner if item else ""),
        FormField("deadline", s("form_deadline", lang), "date", item.deadline if item else None),
    ]
    if item is not None:
        fields.append(
            FormField(
                "status",
                s("form_status", lang),
                "select",
                item.status,
                [(s(f"status_{st.value}", lang), st) for st in MeasureStatus],
                required=True,
            )
        )
    fields.append(_shared(lang, item.visibility if item else Visibility.SHARED))

    def apply(v: Values) -> object:
        if item is not None:
            return w.update(
                "measures",
                item.id,
                what=v["what"],
                challenge=v["challenge"],
                factor=v["factor"],
                owner=v["owner"],
                deadline=v["deadline"],
                status=v["status"],
                visibility=_visibility(v),
            )
        return w.add_measure(
            v["what"], v["owner"], v["deadline"], v["challenge"], v["factor"], _visibility(v)
        )

    return Form(s("form_measure", lang), fields, apply)


def checkout_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    step = (
        w.step
        if Capture.CHECKOUT in w.step.captures
        else next((st for st in w.steps if Capture.CHECKOUT in st.captures), None)
    )
    questions = [(q.get(lang), i) for i, q in enumerate(step.questions)] if step else []
    person = item.person if item else w.reading().person
    fields = [
        FormField(
            "person", s("form_owner_person", lang), "select", person, _people(w), required=True
        ),
        FormField(
            "question",
            s("form_question", lang),
            "select",
            item.question if item else 0,
            questions or [("–", 0)],
            required=True,
        ),
        FormField("text", s("form_text", lang), "area", item.text if item else "", required=True),
        _shared(lang, item.visibility if item else Visibility.GROUP),
    ]

    def apply(v: Values) -> object:
        if item is not None:
            return w.update(
                "checkouts",
                item.id,
                person=v["person"],
                question=v["question"],
                text=v["text"],
                visibility=_visibility(v),
            )
        return w.add_checkout(v["person"], v["text"], v["question"], _visibility(v))

    return Form(s("form_checkout", lang), fields, apply)


def next_meeting_form(w: Workshop, lang: Lang, item: Any = None) -> Form:
    fields = [
        FormField(
            "when", s("form_next_meeting", lang), "datetime", w.session.next_meeting, required=True
        )
    ]
    return Form(s("key_next_meeting", lang), fields, lambda v: w.set_next_meeting(v["when"]))


FORMS: dict[str, Callable[..., Form]] = {
    "notes": note_form,
    "dilemmas": dilemma_form,
    "findings": finding_form,
    "measures": measure_form,
    "checkouts": checkout_form,
}
