"""New agenda files for people to edit: `facilitator agenda new PATH [--extends ID]`.

A new file is valid as written and says in comments, in the user's language, what
each field is for. The texts of the agenda itself are in both languages, as every
agenda's must be. Without `extends` it is a small complete workshop; with it, the
file changes the texts of one of the parent's steps, adds a step, shows how to
remove one, and sets the theme and the paragraphs (`scaffold_extends`).

The file is built from blocks: a comment in bokmål and in English, and the TOML it
explains, written once for both languages.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from facilitator.i18n import Lang, pick


@dataclass(frozen=True)
class Block:
    nb: str
    """The comment in bokmål (empty for none)."""
    en: str
    """The comment in English."""
    toml: str = ""
    """The TOML it explains (may be empty: a comment on its own)."""


COMMENT_WIDTH = 80


def _comment(text: str) -> list[str]:
    """`text` as comment lines of at most 80 columns; a wrapped line keeps the
    indentation of the line it came from (and of a "- " list item's text)."""
    lines = []
    for line in text.strip("\n").splitlines():
        bullet = 2 if line.lstrip().startswith("- ") else 0
        indent = " " * (len(line) - len(line.lstrip()) + bullet)
        # Not at hyphens: "id-en" and "tema-arbeidsmengde" stay whole.
        wrapped = textwrap.wrap(
            line, COMMENT_WIDTH - 2, subsequent_indent=indent, break_on_hyphens=False
        ) or [""]
        lines += [f"# {part}".rstrip() for part in wrapped]
    return lines


def render(blocks: list[Block], lang: Lang) -> str:
    parts = []
    for block in blocks:
        comment = pick(lang, nb=block.nb, en=block.en)
        lines = _comment(comment) if comment else []
        if block.toml:
            lines.append(block.toml.strip("\n"))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def header(path: str, agenda_id: str, lang: Lang, parent: str | None = None) -> Block:
    """The opening comment: what the file is, how to check and use it, and how to
    get completion and checking in an editor from the schema."""
    nb_built = f", bygd på «{parent}»" if parent else ""
    en_built = f', built on "{parent}"' if parent else ""
    return Block(
        f"""
Agenda for facilitator: {agenda_id}{nb_built}.

Laget med `facilitator agenda new`. Filen er gyldig slik den står; endre den
og sjekk den med
    facilitator agenda validate {path}
Legg den i mappen agendas/ i arbeidsmappen, så finner facilitator den på id-en:
    facilitator agenda show {agenda_id}
    facilitator run --agenda {agenda_id}

Fullføring, forklaring av feltene og feil mens du skriver, i en editor
med Taplo (for eksempel Even Better TOML i VS Code): lag skjemaet i
samme mappe med
    facilitator agenda schema > agenda.schema.json
og ta bort «#» og mellomrommene foran linjen under, så den begynner
med «#:schema»:
    #:schema ./agenda.schema.json

Alle tekster skrives på bokmål (nb) og engelsk (en); begge må være med.
Minutter er hele tall uten anførselstegn: minutes = 10.
""",
        f"""
Agenda for facilitator: {agenda_id}{en_built}.

Made with `facilitator agenda new`. The file is valid as it stands; edit it
and check it with
    facilitator agenda validate {path}
Put it in the agendas/ folder of the workspace and facilitator finds it by id:
    facilitator agenda show {agenda_id}
    facilitator run --agenda {agenda_id}

For completion, descriptions of the fields and errors as you type, in an
editor with Taplo (for example Even Better TOML in VS Code): make the schema
in the same folder with
    facilitator agenda schema > agenda.schema.json
and delete the "#" and the spaces in front of the line below, so that it
starts with "#:schema":
    #:schema ./agenda.schema.json

Every text is written in Norwegian bokmål (nb) and English (en); both are needed.
Minutes are whole numbers without quotes: minutes = 10.
""",
    )


def standalone(path: str, agenda_id: str, lang: Lang) -> str:
    """A small complete workshop: a check-in round, a reflection in two phases, one
    round of peer supervision per participant, and a closing."""
    return render([header(path, agenda_id, lang), *_top(agenda_id), *_STEPS], lang)


def version_and_id(agenda_id: str) -> list[Block]:
    return [
        Block(
            "Versjonen av agendaformatet; denne versjonen av facilitator leser 1.",
            "The version of the agenda format; this version of facilitator reads 1.",
            "schema_version = 1",
        ),
        Block(
            "Id-en agendaen finnes under: små bokstaver a-z, sifre, - og _.",
            "The id the agenda is found by: lower-case letters a-z, digits, - and _.",
            f'id = "{agenda_id}"',
        ),
    ]


def title_block(toml: str) -> Block:
    return Block(
        "Tittelen, slik den står på skjermen og i oppsummeringen.",
        "The title, as it appears on screen and in the summary.",
        toml,
    )


def theme_block(toml: str) -> Block:
    return Block(
        "Temaet i noen få ord (valgfritt); vises under tittelen i `facilitator agenda\n"
        "list` og i `facilitator agenda series`.",
        "The theme in a few words (optional); shown under the title in `facilitator\n"
        "agenda list` and in `facilitator agenda series`.",
        toml,
    )


def paragraphs_block(toml: str) -> Block:
    return Block(
        'Leddene i arbeidsmiljøloven § 4-3 agendaen handler om: "1", "2" (hele\n'
        'andre ledd), "2a" til "2d" (bokstavene i andre ledd) og "3" til "7".',
        "The paragraphs of § 4-3 of the Working Environment Act the agenda is about:\n"
        '"1", "2" (the whole second paragraph), "2a" to "2d" (its letters), "3" to "7".',
        toml,
    )


def _top(agenda_id: str) -> list[Block]:
    return [
        *version_and_id(agenda_id),
        Block(
            "En agenda kan bygge på en annen og si bare det som er annerledes:\n"
            'extends = "kollegaveiledning" (se `facilitator agenda new --extends`).\n'
            "Denne står på egne ben.",
            "An agenda can build on another and say only what differs:\n"
            'extends = "kollegaveiledning" (see `facilitator agenda new --extends`).\n'
            "This one stands on its own.",
        ),
        title_block('title = { nb = "Kort kollegaveiledning", en = "Short peer supervision" }'),
        Block(
            "En setning eller to om hva økta er, for den som velger agenda. En tekst kan\n"
            'skrives på én linje, { nb = "...", en = "..." }, eller som her, én linje per språk.',
            "A sentence or two on what the session is, for whoever picks an agenda. A text\n"
            'can be written on one line, { nb = "...", en = "..." }, or as here, a line each.',
            'description.nb = "En kortere økt: innsjekk, refleksjon, én runde kollegaveiledning '
            'per deltaker og avslutning."\n'
            'description.en = "A shorter session: check-in, reflection, one round of peer '
            'supervision per participant, and a close."',
        ),
        theme_block(
            'theme = { nb = "Støtte og hjelp i hverdagen", en = "Support and help day to day" }'
        ),
        paragraphs_block('paragraphs = ["1", "2d"]'),
        Block(
            "Anbefalt gruppestørrelse; flere enn max er lov, med en advarsel.",
            "The recommended group size; more than max is allowed, with a warning.",
            "group_size = { min = 3, max = 6 }",
        ),
        Block(
            "Hvor oppfølgingen av tiltak fra tidligere økter kommer, når det finnes åpne:\n"
            '"first" (først), "before_closing" (før siste steg) eller "none" (ingen).',
            "Where the follow-up of measures from earlier sessions goes, when there are\n"
            'open ones: "first", "before_closing" (before the last step) or "none".',
            'follow_up = "before_closing"',
        ),
        Block(
            "Når tidtakeren skifter til varselfarge: andelen av tiden som er igjen\n"
            "(0.2 er 20 prosent).",
            "When the timer turns to its warning colour: the share of the time left\n"
            "(0.2 is 20 per cent).",
            "warn_fraction = 0.2",
        ),
    ]


_STEPS: list[Block] = [
    Block(
        """
-----------------------------------------------------------------------------
Stegene, i den rekkefølgen de kjøres; hvert begynner med [[steps]].
  id        stegets navn i filen: små bokstaver a-z, sifre, - og _
  kind      hvordan steget bruker tiden:
              "timed"            én tidsblokk for hele gruppen, kan deles i faser
              "round"            runde rundt bordet: minuttene deles på de frammøtte
              "per_participant"  én runde per deltaker, hver gjennom stegets faser
              "break"            pause
  minutes   hele minutter, 1 til 600
  captures  hva appen ber gruppen skrive ned: "notes" (notater), "dilemma",
            "strengths_risks" (styrker og risiko), "measures" (tiltak),
            "checkout" (utsjekk), "next_meeting" (neste møte), "facilitator"
            (hvem som er fasilitator), "follow_up" (oppfølging av tiltak)
  paragraphs  leddene i § 4-3 steget handler om (som for agendaen)
""",
        """
-----------------------------------------------------------------------------
The steps, in the order they run; each starts with [[steps]].
  id        the step's name in the file: lower-case a-z, digits, - and _
  kind      how the step uses its time:
              "timed"            one block of time for the group, may have phases
              "round"            around the table: the minutes are split among
                                 those present
              "per_participant"  one turn per participant, each through the
                                 step's phases
              "break"            a break
  minutes   whole minutes, 1 to 600
  captures  what the app asks the group to write down: "notes", "dilemma",
            "strengths_risks", "measures", "checkout", "next_meeting",
            "facilitator" (who facilitates), "follow_up" (of earlier measures)
  paragraphs  the paragraphs of § 4-3 the step is about (as for the agenda)
""",
    ),
    Block(
        "Innsjekk: en runde der hver deltaker er i fokus etter tur.",
        "Check-in: a round where each participant is in focus in turn.",
        """
[[steps]]
id = "innsjekk"
kind = "round"
minutes = 10
title = { nb = "Innsjekk", en = "Check-in" }
captures = ["notes"]
""",
    ),
    Block(
        "purpose: en setning eller to om hvorfor gruppen gjør dette steget.",
        "purpose: a sentence or two on why the group does this step.",
        'purpose = { nb = "Alle kommer til orde før vi begynner.", en = "Everyone gets a '
        'word in before we start." }',
    ),
    Block(
        "questions: spørsmålene som vises på skjermen, ett [[steps.questions]] per\nspørsmål.",
        "questions: the questions shown on screen, one [[steps.questions]] each.",
        """
[[steps.questions]]
nb = "Hvordan har du det i dag?"
en = "How are you today?"

[[steps.questions]]
nb = "Hva håper du å få ut av økta?"
en = "What do you hope to get out of the session?"
""",
    ),
    Block(
        "Refleksjon: ett steg for hele gruppen, delt i to faser. Fasenes minutter må\n"
        "til sammen bli stegets minutes (her 5 + 15 = 20).",
        "Reflection: one step for the whole group, in two phases. The phases' minutes\n"
        "must add up to the step's minutes (here 5 + 15 = 20).",
        """
[[steps]]
id = "refleksjon"
kind = "timed"
minutes = 20
title = { nb = "Refleksjon", en = "Reflection" }
captures = ["strengths_risks", "notes"]
paragraphs = ["2d"]
""",
    ),
    Block(
        "process: hvordan steget gjennomføres, som korte punkter, ett\n"
        "[[steps.process]] per punkt.",
        "process: how the step is run, as short points, one [[steps.process]] each.",
        """
[[steps.process]]
nb = "Tenk først hver for dere, så snakker vi sammen."
en = "Think on your own first, then we talk together."

[[steps.process]]
nb = "Fasilitator passer på at alle kommer til orde."
en = "The facilitator makes sure everyone has a say."
""",
    ),
    Block(
        """
Fasene, hver med sitt [[steps.phases]]:
  id, title, minutes  som for et steg
  rule       regelen for fasen, vist stort mens den går
  speakers   hvem som snakker, og listeners hvem som lytter: "focus"
             (fokuspersonen), "colleagues" (de andre), "everyone" (alle),
             "each_in_turn" (én om gangen rundt bordet) eller "nobody" (ingen)
  round      true: fasen går rundt bordet, og minuttene deles på de frammøtte
  questions  spørsmål for akkurat denne fasen
""",
        """
The phases, each with its own [[steps.phases]]:
  id, title, minutes  as for a step
  rule       the rule of the phase, shown large while it runs
  speakers   who speaks, and listeners who listens: "focus" (the focus
             person), "colleagues" (the others), "everyone", "each_in_turn"
             (one at a time around the table) or "nobody"
  round      true: the phase goes around the table, its minutes split among
             those present
  questions  questions for this phase only
""",
        """
[[steps.phases]]
id = "alene"
minutes = 5
title = { nb = "Tenk selv", en = "Think on your own" }
rule = { nb = "Stille: skriv ned egne tanker.", en = "Quiet: write down your own thoughts." }
speakers = "nobody"

[[steps.phases.questions]]
nb = "Hvor får du støtte og hjelp i arbeidet, og hvor mangler den?"
en = "Where do you get support and help in your work, and where is it missing?"

[[steps.phases]]
id = "sammen"
minutes = 15
title = { nb = "Sammen", en = "Together" }
speakers = "everyone"
round = false
""",
    ),
    Block(
        """
Kollegaveiledning: én runde per deltaker, hver gjennom de fire fasene.
minutes_per_participant er lengden på én runde (her 3 + 5 + 5 + 2 = 15); et
per_participant-steg har den i stedet for minutes.
""",
        """
Peer supervision: one turn per participant, each through the four phases.
minutes_per_participant is the length of one turn (here 3 + 5 + 5 + 2 = 15); a
per_participant step has it instead of minutes.
""",
        """
[[steps]]
id = "kollegaveiledning"
kind = "per_participant"
minutes_per_participant = 15
title = { nb = "Kollegaveiledning", en = "Peer supervision" }
captures = ["dilemma", "notes"]

[[steps.phases]]
id = "presentasjon"
minutes = 3
title = { nb = "Fokuspersonen legger fram", en = "The focus person presents" }
speakers = "focus"
listeners = "colleagues"

[[steps.phases]]
id = "sporsmal"
minutes = 5
title = { nb = "Avklarende spørsmål", en = "Clarifying questions" }
rule = { nb = "Bare spørsmål: ingen råd.", en = "Questions only: no advice." }
speakers = "colleagues"
listeners = "focus"
""",
    ),
    Block(
        "focus_back_turned: true når fokuspersonen snur ryggen til og bare lytter.\n"
        'note_kind: hva slags notat appen foreslår: "note" (vanlig), "focus_notes"\n'
        '(fokuspersonens egne notater mens hen lytter) eller "takeaway" (det hen tar med seg).',
        "focus_back_turned: true when the focus person turns their back and only listens.\n"
        'note_kind: the kind of note the app suggests: "note" (plain), "focus_notes" (the\n'
        'focus person\'s own notes while listening) or "takeaway" (what they take with them).',
        """
[[steps.phases]]
id = "drofting"
minutes = 5
title = { nb = "Kollegaene drøfter", en = "The colleagues discuss" }
speakers = "colleagues"
listeners = "focus"
focus_back_turned = true
note_kind = "focus_notes"

[[steps.phases]]
id = "respons"
minutes = 2
title = { nb = "Tilbake til fokuspersonen", en = "Back to the focus person" }
speakers = "focus"
note_kind = "takeaway"
""",
    ),
    Block(
        "Avslutning. content er lengre stoff å lese sammen; tekst over flere linjer\n"
        'skrives mellom """ og """.',
        "Closing. content is longer material to read together; text over several\n"
        'lines goes between """ and """.',
        '''
[[steps]]
id = "avslutning"
kind = "timed"
minutes = 10
title = { nb = "Avslutning og veien videre", en = "Closing and next steps" }
captures = ["measures", "next_meeting"]

[steps.content]
nb = """
Hvilke tiltak blir vi enige om, hvem har ansvaret, og når møtes vi igjen?"""
en = """
Which measures do we agree on, who owns them, and when do we meet again?"""
''',
    ),
]
