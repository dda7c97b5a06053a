"""The capture forms: for each kind of item, the fields to ask for and what to
do with the answers. Used both to add an item from the run screen and to edit
one from the list of everything captured; `FormModal` shows them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from facilitator.agenda.model import Capture
from facilitator.followup import followed_up_here, measure_label, to_follow_up
from facilitator.i18n import MAX_TEXT, Lang
from facilitator.i18n.words import screen as s
from facilitator.law import FACTORS, label
from facilitator.session.model import (
    Answer,
    CapturedItem,
    CheckoutAnswer,
    Dilemma,
    Draft,
    DraftForm,
    Finding,
    FindingKind,
    ItemKind,
    Measure,
    MeasureStatus,
    Note,
    Visibility,
    hr_hint_for,
    risk_scores,
)
from facilitator.textcheck import hr_concerns, mentions_health, names_someone
from facilitator.workshop import Workshop

Values = dict[str, Any]
"""A form's answers, parsed: dates as `date`, boxes as `bool`, empty choices as None."""
RawValues = dict[str, str | bool]
"""A form's fields as typed (see `Draft`)."""

Kind = Literal["text", "area", "select", "check", "date", "datetime"]
SHORT_TEXT = 200
"""The longest title, owner or other one-line text the session takes."""


@dataclass
class FormField:
    name: str
    label: str
    kind: Kind = "text"
    value: Any = None
    options: Sequence[tuple[str, Any]] = ()
    required: bool = False
    placeholder: str = ""
    max_length: int = MAX_TEXT
    warn_if_past: bool = False
    """A date before today is saved only when the user saves again (a deadline)."""


@dataclass
class Form:
    kind: DraftForm
    title: str
    fields: list[FormField]
    apply: Callable[[Values], object]
    hr_hint: bool = False
    item_id: str | None = None
    """The item being edited; None when the form adds one."""
    refill: Callable[[str, Any], Values | None] | None = None
    """When the choice `name` changes to `value`, the values of other fields."""


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
    # Name what was seen, so the hint explains itself and a false alarm is easy
    # to spot: "this may be about sick leave and a conflict".
    concerns = [s(f"hr_concern_{c}", lang) for c in hr_concerns(text)] if hr else []
    if concerns:
        listed = ", ".join(concerns[:-1]) + s("hr_concerns_and", lang) if concerns[1:] else ""
        hints.append(s("hr_hint_about", lang, concerns=listed + concerns[-1]))
    if names_someone(text, [p.name for p in w.session.participants]):
        hints.append(s("form_names_nudge", lang))
    if mentions_health(text):
        hints.append(s("form_health_nudge", lang))
    risk = risk_line(values, lang)
    if risk:
        hints.append(risk)
    return hints


def note_form(w: Workshop, lang: Lang, item: Note | None = None) -> Form:
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
                ItemKind.NOTES, item.id, text=v["text"], factors=factors, visibility=_visibility(v)
            )
        return w.add_note(v["text"], _visibility(v), factors)

    return Form(DraftForm.NOTES, title, fields, apply, item_id=item.id if item else None)


def dilemma_form(w: Workshop, lang: Lang, item: Dilemma | None = None) -> Form:
    reading = w.reading()
    owner = (
        item.owner
        if item
        else (reading.person or (w.session.present[0].id if w.session.present else None))
    )
    existing = item or (w.dilemma_of(owner) if owner else None)

    def content(owner: str | None) -> Values:
        """What the form shows for a participant: their dilemma, or nothing yet.
        (One dilemma each: choosing another participant must not carry the text
        typed for the first over to the second.)"""
        d = w.dilemma_of(owner) if owner else None
        return {
            "title": d.title if d else "",
            "text": d.text if d else "",
            "factor": _first(d.factors) if d else None,
            "hr": d.hr_hint if d else False,
            "shared": d.visibility is Visibility.SHARED if d else False,
        }

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
            max_length=SHORT_TEXT,
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
        # An unticked box leaves it to the words: the box can add the hint, not hide it.
        hr = hr_hint_for(v["title"], v["text"], True if v["hr"] else None)
        factors = [v["factor"]] if v["factor"] else []
        current = item if item is not None and v["owner"] == item.owner else None
        if current is not None:
            return w.update(
                ItemKind.DILEMMAS,
                current.id,
                title=v["title"],
                text=v["text"],
                factors=factors,
                hr_hint=hr,
                visibility=_visibility(v),
            )
        return w.set_dilemma(v["owner"], v["title"], v["text"], factors, hr, _visibility(v))

    return Form(
        DraftForm.DILEMMAS,
        s("form_dilemma", lang),
        fields,
        apply,
        hr_hint=True,
        item_id=item.id if item else None,
        refill=lambda name, value: content(value) if name == "owner" else None,
    )


def finding_form(w: Workshop, lang: Lang, item: Finding | None = None) -> Form:
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
                ItemKind.FINDINGS,
                item.id,
                kind=v["kind"],
                text=v["text"],
                factor=v["factor"],
                visibility=_visibility(v),
            )
        return w.add_finding(v["kind"], v["text"], v["factor"], _visibility(v))

    return Form(
        DraftForm.FINDINGS,
        s("form_finding", lang),
        fields,
        apply,
        item_id=item.id if item else None,
    )


def _scores(top: int) -> list[tuple[str, Any]]:
    return [(str(n), n) for n in risk_scores(top)]


def measure_form(w: Workshop, lang: Lang, item: Measure | None = None) -> Form:
    top = w.session.risk_scale
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
        FormField(
            "likelihood",
            s("form_likelihood", lang, top=top),
            "select",
            item.likelihood if item else None,
            _scores(top),
        ),
        FormField(
            "consequence",
            s("form_consequence", lang, top=top),
            "select",
            item.consequence if item else None,
            _scores(top),
        ),
        FormField(
            "owner",
            s("form_owner", lang),
            "text",
            item.owner if item else "",
            max_length=SHORT_TEXT,
        ),
        FormField(
            "owner_role",
            s("form_owner_role", lang),
            "text",
            item.owner_role if item else "",
            max_length=SHORT_TEXT,
        ),
        FormField(
            "deadline",
            s("form_deadline", lang),
            "date",
            item.deadline if item else None,
            warn_if_past=True,
        ),
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
        common = {
            "what": v["what"],
            "challenge": v["challenge"],
            "factor": v["factor"],
            "owner": v["owner"],
            "owner_role": v["owner_role"],
            "deadline": v["deadline"],
            "likelihood": v["likelihood"],
            "consequence": v["consequence"],
            "visibility": _visibility(v),
        }
        if item is not None:
            return w.update(ItemKind.MEASURES, item.id, status=v["status"], **common)
        return w.add_measure(**common)

    return Form(
        DraftForm.MEASURES,
        s("form_measure", lang),
        fields,
        apply,
        item_id=item.id if item else None,
    )


def risk_line(values: Values, lang: Lang) -> str | None:
    """`Risiko: 12 (4 × 3)` once both scores of a measure are chosen."""
    likelihood, consequence = values.get("likelihood"), values.get("consequence")
    if isinstance(likelihood, int) and isinstance(consequence, int):
        risk = likelihood * consequence
        return s("form_risk_score", lang, risk=risk, l=likelihood, c=consequence)
    return None


def checkout_form(w: Workshop, lang: Lang, item: CheckoutAnswer | None = None) -> Form:
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
                ItemKind.CHECKOUTS,
                item.id,
                person=v["person"],
                question=v["question"],
                text=v["text"],
                visibility=_visibility(v),
            )
        return w.add_checkout(v["person"], v["text"], v["question"], _visibility(v))

    return Form(
        DraftForm.CHECKOUTS,
        s("form_checkout", lang),
        fields,
        apply,
        item_id=item.id if item else None,
    )


def next_meeting_form(w: Workshop, lang: Lang, item: CapturedItem | None = None) -> Form:
    """The next meeting is the session's, not an item's: `item` is not used."""
    fields = [
        FormField(
            "when", s("form_next_meeting", lang), "datetime", w.session.next_meeting, required=True
        )
    ]
    return Form(
        DraftForm.NEXT_MEETING,
        s("key_next_meeting", lang),
        fields,
        lambda v: w.set_next_meeting(v["when"]),
    )


def _answers(lang: Lang) -> list[tuple[str, Any]]:
    return [(s(f"answer_{a.value}", lang), a) for a in Answer]


def follow_up_form(w: Workshop, lang: Lang, item: Measure | None = None) -> Form:
    """Status and an evaluation of one measure carried over from an earlier session;
    the first not yet followed up here is chosen unless `item` says which."""
    measures = to_follow_up(w.session)
    chosen = item or next((m for m in measures if not followed_up_here(w.session, m)), None)
    chosen = chosen or _first(measures)

    def content(measure_id: str | None) -> Values:
        m = next((x for x in measures if x.id == measure_id), None)
        here = [f for f in m.follow_ups if f.session_id == w.session.id] if m else []
        return {
            "status": here[-1].status if here else (m.status if m else MeasureStatus.PLANNED),
            "text": here[-1].text if here else "",
            "worked": here[-1].worked if here else None,
            "enough": here[-1].enough if here else None,
        }

    start = content(chosen.id if chosen else None)
    fields = [
        FormField(
            "measure",
            s("form_measure", lang),
            "select",
            chosen.id if chosen else None,
            [(measure_label(m, lang), m.id) for m in measures],
            required=True,
        ),
        FormField(
            "status",
            s("form_status", lang),
            "select",
            start["status"],
            [(s(f"status_{st.value}", lang), st) for st in MeasureStatus],
            required=True,
        ),
        FormField("text", s("form_evaluation", lang), "area", start["text"]),
        # The Labour Inspection Authority's own questions about a measure; optional.
        FormField("worked", s("form_worked", lang), "select", start["worked"], _answers(lang)),
        FormField("enough", s("form_enough", lang), "select", start["enough"], _answers(lang)),
    ]

    def apply(v: Values) -> object:
        return w.follow_up(v["measure"], v["status"], v["text"], v["worked"], v["enough"])

    return Form(
        DraftForm.FOLLOW_UP,
        s("form_follow_up", lang),
        fields,
        apply,
        item_id=chosen.id if chosen else None,
        refill=lambda name, value: content(value) if name == "measure" else None,
    )


class FormFactory(Protocol):
    """Builds a form: to add an item (no `item`), or to edit `item`."""

    def __call__(self, w: Workshop, lang: Lang, item: CapturedItem | None = None, /) -> Form: ...


Edited = TypeVar("Edited", Note, Dilemma, Finding, Measure, CheckoutAnswer)


def _editing(
    model: type[Edited], build: Callable[[Workshop, Lang, Edited | None], Form]
) -> FormFactory:
    """`build` as a factory that takes any item, and refuses one of another kind
    (an edit of a note in the measure form would save nonsense)."""

    def factory(w: Workshop, lang: Lang, item: CapturedItem | None = None, /) -> Form:
        if item is not None and not isinstance(item, model):
            raise TypeError(f"{build.__name__} edits a {model.__name__}, not {type(item).__name__}")
        return build(w, lang, item)

    return factory


FORMS: dict[DraftForm, FormFactory] = {
    DraftForm.NOTES: _editing(Note, note_form),
    DraftForm.DILEMMAS: _editing(Dilemma, dilemma_form),
    DraftForm.FINDINGS: _editing(Finding, finding_form),
    DraftForm.MEASURES: _editing(Measure, measure_form),
    DraftForm.CHECKOUTS: _editing(CheckoutAnswer, checkout_form),
    DraftForm.NEXT_MEETING: next_meeting_form,
    DraftForm.FOLLOW_UP: _editing(Measure, follow_up_form),
}
"""Every form by its kind (a draft's `form`; a plain stored string finds it too)."""


def edit_form(w: Workshop, lang: Lang, item: CapturedItem) -> Form:
    """The form that edits `item`, chosen by its kind."""
    return FORMS[ItemKind.of(item).form](w, lang, item)


def draft_form(w: Workshop, lang: Lang, draft: Draft) -> Form:
    """The form a draft was typed into, on the item it was editing (a follow-up's is
    a measure); a new one when that item has been deleted since, so that what was
    typed comes back as new rather than being lost. Fill it with `draft.values`."""
    item: CapturedItem | None = None
    kind = ItemKind.MEASURES if draft.form is DraftForm.FOLLOW_UP else draft.form.item_kind
    if kind is not None and draft.item_id is not None:
        with contextlib.suppress(KeyError):
            item = w.find(kind, draft.item_id)
    return FORMS[draft.form](w, lang, item)
