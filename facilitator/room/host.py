"""What the room's server may ask of the workshop, and the one answer to it.

The server never holds the `Workshop`: it asks a `RoomHost` for the view, the
names to pick from, and whether an input may go in now. `WorkshopHost` answers over
a running `Workshop`, through the same intentions the keyboard uses, so what a phone
sends is saved by the autosave like anything typed; the step decides what is
allowed, here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from facilitator.agenda.model import Capture, NoteKind, StepKind
from facilitator.i18n import Lang
from facilitator.session.model import FindingKind, ItemKind
from facilitator.workshop import Workshop
from facilitator.workshop_view import WorkshopView, workshop_view

TITLE_LIMIT = 200
"""A dilemma's title is a short text (`ShortText`)."""


class InputKind(StrEnum):
    """What a participant can send from their phone."""

    DILEMMA = "dilemma"
    STRENGTH = "strength"
    RISK = "risk"
    FOCUS_NOTES = "focus_notes"
    CHECKOUT = "checkout"


ANONYMOUS_KINDS = (InputKind.STRENGTH, InputKind.RISK)
"""What can be sent without a name: strengths and risks are stored with no author."""


@dataclass(frozen=True)
class Sent:
    """Where an input went: enough to read it back, nothing more."""

    kind: ItemKind
    item_id: str


@dataclass(frozen=True)
class OwnItem:
    """One thing a participant sent, as it stands now (the facilitator may edit it)."""

    kind: InputKind
    text: str


class RoomHost(Protocol):
    """What the room's server asks of whoever runs the workshop."""

    def view(self) -> WorkshopView:
        """The running workshop now (the server sends only its audience form)."""
        ...

    def participants(self) -> Sequence[tuple[str, str]]:
        """(id, name) of everyone present, to pick one's name from."""
        ...

    def allowed(self, person: str | None) -> tuple[InputKind, ...]:
        """What `person` (None: anonymous) may send in the step now running."""
        ...

    def submit(
        self,
        person: str | None,
        kind: InputKind,
        text: str,
        title: str = "",
        question: int = 0,
        sent: Sequence[Sent] = (),
    ) -> Sent | None:
        """Put the input in through the workshop's intentions; None when the step
        does not allow it now (`text` is already cleaned and not empty). `sent` is
        what this phone sent before: a dilemma is replaced only by the phone that
        wrote it."""
        ...

    def read_back(self, sent: Sequence[Sent]) -> list[OwnItem]:
        """The items `sent` as they stand now; those deleted since are left out."""
        ...


class WorkshopHost:
    """A `RoomHost` over a running `Workshop`. `on_input` is called with what came
    in and from whom (None: no name) after each input that went in (the screen
    redraws and says so; the workshop's own `on_change` has already handed the
    session to the autosaver)."""

    def __init__(
        self,
        workshop: Workshop,
        on_input: Callable[[InputKind, str | None], None] | None = None,
        lang: Lang | None = None,
    ) -> None:
        self.workshop = workshop
        self.on_input = on_input or (lambda kind, person: None)
        self.lang = lang

    def view(self) -> WorkshopView:
        return workshop_view(self.workshop, self.lang)

    def participants(self) -> list[tuple[str, str]]:
        return [(p.id, p.name) for p in self.workshop.session.present]

    def _is_present(self, person: str | None) -> bool:
        found = self.workshop.session.participant(person) if person else None
        return found is not None and found.present

    def allowed(self, person: str | None) -> tuple[InputKind, ...]:
        w = self.workshop
        if w.session.finished_at is not None or w.session.started_at is None:
            return ()
        step = w.step
        kinds: list[InputKind] = []
        named = self._is_present(person)
        if Capture.DILEMMA in step.captures and step.kind is not StepKind.PER_PARTICIPANT and named:
            kinds.append(InputKind.DILEMMA)
        if Capture.STRENGTHS_RISKS in step.captures:
            kinds += ANONYMOUS_KINDS
        if step.kind is StepKind.PER_PARTICIPANT and named:
            reading = w.reading()
            if not reading.complete and reading.person == person:
                kinds.append(InputKind.FOCUS_NOTES)
        if Capture.CHECKOUT in step.captures and named:
            kinds.append(InputKind.CHECKOUT)
        return tuple(kinds)

    def submit(
        self,
        person: str | None,
        kind: InputKind,
        text: str,
        title: str = "",
        question: int = 0,
        sent: Sequence[Sent] = (),
    ) -> Sent | None:
        if kind not in self.allowed(person) or not text:
            return None
        w = self.workshop
        match kind:
            case InputKind.DILEMMA:
                assert person is not None  # allowed() gives it only to a name
                existing = w.dilemma_of(person)
                if existing is not None and Sent(ItemKind.DILEMMAS, existing.id) not in sent:
                    # Typed in by the facilitator (or another phone that picked this
                    # name): not overwritten from a phone.
                    return None
                dilemma = w.set_dilemma(person, title[:TITLE_LIMIT], text)
                new = Sent(ItemKind.DILEMMAS, dilemma.id)
            case InputKind.STRENGTH | InputKind.RISK:
                # No author: a finding has no field for one, and nothing here adds it.
                finding_kind = (
                    FindingKind.STRENGTH if kind is InputKind.STRENGTH else FindingKind.RISK
                )
                new = Sent(ItemKind.FINDINGS, w.add_finding(finding_kind, text).id)
            case InputKind.FOCUS_NOTES:
                # add_note files it under the person in focus, who is `person` (allowed()).
                new = Sent(ItemKind.NOTES, w.add_note(text, kind=NoteKind.FOCUS_NOTES).id)
            case InputKind.CHECKOUT:
                assert person is not None
                count = len(w.step.questions)
                # A round with no written questions still has one answer: number 0.
                if not 0 <= question < max(count, 1):
                    return None
                new = Sent(ItemKind.CHECKOUTS, w.add_checkout(person, text, question).id)
        self.on_input(kind, person if kind not in ANONYMOUS_KINDS else None)
        return new

    def read_back(self, sent: Sequence[Sent]) -> list[OwnItem]:
        session = self.workshop.session
        # Looked up by id in the session's own lists, so an edit by the facilitator
        # shows as it now stands and a deleted item is simply not found.
        texts: dict[tuple[ItemKind, str], OwnItem] = {}
        for d in session.dilemmas:
            text = f"{d.title}\n{d.text}".strip() if d.title else d.text
            texts[ItemKind.DILEMMAS, d.id] = OwnItem(InputKind.DILEMMA, text)
        for f in session.findings:
            kind = InputKind.STRENGTH if f.kind is FindingKind.STRENGTH else InputKind.RISK
            texts[ItemKind.FINDINGS, f.id] = OwnItem(kind, f.text)
        for n in session.notes:
            texts[ItemKind.NOTES, n.id] = OwnItem(InputKind.FOCUS_NOTES, n.text)
        for c in session.checkouts:
            texts[ItemKind.CHECKOUTS, c.id] = OwnItem(InputKind.CHECKOUT, c.text)
        return [texts[key] for ref in sent if (key := (ref.kind, ref.item_id)) in texts]
