"""A new agenda file that builds on another (`facilitator agenda new --extends ID`).

It is made from the parent itself, so every id it names exists there: it changes
the texts of one of the parent's steps (filled in with what they are now, ready
to edit), adds a step after it, shows how to remove one, and sets the title,
theme and paragraphs. As written it validates; the removal is left commented out
so that nothing disappears unasked.
"""

from __future__ import annotations

import tomli_w

from facilitator.agenda.model import Agenda, Step, StepKind
from facilitator.agenda.scaffold import (
    Block,
    header,
    paragraphs_block,
    render,
    theme_block,
    title_block,
    version_and_id,
)
from facilitator.i18n import Lang
from facilitator.localized import LocalizedText

NEW_STEP = "egen-tjeneste"
"""The id of the example step added after the changed one."""


def _string(text: str) -> str:
    """A TOML string: quotes, backslashes and line breaks escaped as TOML wants."""
    return tomli_w.dumps({"v": text})[4:-1]


def _text(key: str, value: LocalizedText, nb_suffix: str = "", en_suffix: str = "") -> str:
    """`key = { nb = "…", en = "…" }`, or one line per language when that is long."""
    nb, en = _string(value.nb + nb_suffix), _string(value.en + en_suffix)
    inline = f"{key} = {{ nb = {nb}, en = {en} }}"
    return inline if len(inline) <= 100 else f"{key}.nb = {nb}\n{key}.en = {en}"


def _questions(step: Step) -> str:
    return "\n\n".join(
        f"[[steps.questions]]\nnb = {_string(q.nb)}\nen = {_string(q.en)}" for q in step.questions
    )


def _unused_id(parent: Agenda, wanted: str) -> str:
    ids = {s.id for s in parent.steps}
    n, ident = 1, wanted
    while ident in ids:
        n += 1
        ident = f"{wanted}-{n}"
    return ident


def extending(path: str, agenda_id: str, parent: Agenda, lang: Lang) -> str:
    changed = next((s for s in parent.steps if s.kind is StepKind.ROUND), parent.steps[0])
    others = [s for s in parent.steps if s.id != changed.id]
    removable = next(
        (s for s in others if s.kind is StepKind.BREAK), others[-1] if others else None
    )
    blocks = [
        header(path, agenda_id, lang, parent.id),
        _how(parent),
        *_top(agenda_id, parent),
        _change(changed, parent),
        _add(_unused_id(parent, NEW_STEP), changed, parent),
        _remove(removable, parent),
    ]
    return render(blocks, lang)


def _how(parent: Agenda) -> Block:
    steps = ", ".join(s.id for s in parent.steps)
    return Block(
        f"""
Med extends sier filen bare det som skal være annerledes enn i «{parent.id}»:
- et felt som står her, erstatter feltet der; en tabell som title flettes felt
  for felt, så title = {{ en = "..." }} alene endrer bare den engelske tittelen;
- steg og faser kobles på id: en id som finnes, endrer det steget (eller den
  fasen), en ny id legger til et steg, sist eller der before = "id" eller
  after = "id" sier, og remove = true tar det bort;
- lister som questions, process og paragraphs erstattes i sin helhet.
Stegene i «{parent.id}»: {steps}.
Se hele tidsplanen med: facilitator agenda show {parent.id}
""",
        f"""
With extends the file says only what differs from "{parent.id}":
- a field here replaces the field there; a table such as title is merged field
  by field, so title = {{ en = "..." }} alone changes only the English title;
- steps and phases are matched by id: an id that exists changes that step (or
  phase), a new id adds a step, at the end or where before = "id" or
  after = "id" says, and remove = true takes it away;
- lists such as questions, process and paragraphs are replaced as a whole.
The steps of "{parent.id}": {steps}.
See its whole schedule with: facilitator agenda show {parent.id}
""",
    )


def _top(agenda_id: str, parent: Agenda) -> list[Block]:
    paragraphs = ", ".join(_string(p.value) for p in parent.paragraphs)
    theme = (
        _text("theme", parent.theme)
        if parent.theme is not None
        else '# theme = { nb = "...", en = "..." }'
    )
    return [
        *version_and_id(agenda_id),
        Block(
            "Agendaen denne bygger på; det som ikke står i denne filen, hentes derfra.",
            "The agenda this one builds on; whatever this file does not say comes from it.",
            f'extends = "{parent.id}"',
        ),
        title_block(_text("title", parent.title, " (vår versjon)", " (our version)")),
        theme_block(theme),
        paragraphs_block(f"paragraphs = [{paragraphs}]"),
    ]


def _change(step: Step, parent: Agenda) -> Block:
    lines = ["[[steps]]", f'id = "{step.id}"', _text("title", step.title)]
    if step.purpose is not None:
        lines.append(_text("purpose", step.purpose))
    toml = "\n".join(lines)
    if step.questions:
        toml += "\n\n" + _questions(step)
    return Block(
        f"""
-----------------------------------------------------------------------------
Endre tekstene i et steg. «{step.id}» finnes i «{parent.id}», så dette endrer det
steget; tekstene under er slik de er nå, klare til å skrives om. Bare feltene
som står her, endres: tiden og resten er som før. Spørsmålene
([[steps.questions]]) erstatter alle spørsmålene i steget.
""",
        f"""
-----------------------------------------------------------------------------
Change the texts of a step. "{step.id}" is a step of "{parent.id}", so this
changes that step; the texts below are as they are now, ready to be rewritten.
Only the fields given here change: the time and the rest stay as they were.
The questions ([[steps.questions]]) replace all of the step's questions.
""",
        toml,
    )


def _add(new_id: str, after: Step, parent: Agenda) -> Block:
    return Block(
        f"""
Legge til et steg. «{new_id}» finnes ikke i «{parent.id}», så det blir et nytt
steg, her rett etter «{after.id}» (after); before = "id" setter det foran et
steg, og uten noen av dem kommer det sist. Et nytt steg trenger title og
minutes. Dette er et eksempel: skriv det om, eller ta det bort.
""",
        f"""
Add a step. "{new_id}" is not a step of "{parent.id}", so this is a new step,
here right after "{after.id}" (after); before = "id" puts it in front of a
step, and with neither it comes last. A new step needs title and minutes.
This is an example: rewrite it, or take it out.
""",
        f"""
[[steps]]
id = "{new_id}"
after = "{after.id}"
kind = "round"
minutes = 5
title = {{ nb = "Temaet i egen tjeneste", en = "The theme in your own service" }}
captures = ["notes"]

[[steps.questions]]
nb = "Hvor møter du dagens tema i din egen tjeneste denne uka?"
en = "Where do you meet today's theme in your own service this week?"
""",
    )


def _remove(step: Step | None, parent: Agenda) -> Block:
    if step is None:
        return Block(
            'Ta bort et steg: [[steps]] med id = "..." og remove = true.',
            'Remove a step: [[steps]] with id = "..." and remove = true.',
        )
    title_nb, title_en = step.title.nb, step.title.en
    return Block(
        f"""
Ta bort et steg: remove = true tar bort steget med den id-en. Fjern «# » foran
de tre linjene under for å ta bort «{step.id}» ({title_nb}).
[[steps]]
id = "{step.id}"
remove = true
""",
        f"""
Remove a step: remove = true takes away the step with that id. Delete the "# "
in front of the three lines below to remove "{step.id}" ({title_en}).
[[steps]]
id = "{step.id}"
remove = true
""",
    )
