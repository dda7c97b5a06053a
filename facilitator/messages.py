"""The command line's own words, in Norwegian bokmål and English."""

from __future__ import annotations

import argparse

from facilitator.i18n import Lang

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (nb, en)
    "prog_desc": (
        "Led og dokumenter kollegaveiledning om psykososialt arbeidsmiljø (aml. § 4-3).",
        "Run and document peer supervision on the psychosocial work environment (AML § 4-3).",
    ),
    "command_metavar": ("KOMMANDO", "COMMAND"),
    "opt_workspace": (
        "mappen med sessions/ og agendas/ (ellers $FACILITATOR_WORKSPACE eller gjeldende mappe)",
        "the folder holding sessions/ and agendas/ (else $FACILITATOR_WORKSPACE or the "
        "current folder)",
    ),
    "opt_lang": ("språk: nb (standard) eller en", "language: nb (default) or en"),
    "cmd_agenda": ("vis, sjekk og beskriv agendaer", "show, check and describe agendas"),
    "cmd_agenda_list": ("list agendaene som finnes", "list the agendas available"),
    "cmd_agenda_show": ("vis tidsplanen for en agenda", "show the schedule of an agenda"),
    "cmd_agenda_validate": ("sjekk agendafiler", "check agenda files"),
    "cmd_agenda_schema": (
        "skriv JSON-skjemaet for agendafiler (for editorer)",
        "print the JSON Schema of agenda files (for editors)",
    ),
    "cmd_sessions": ("list øktene i arbeidsmappen", "list the sessions in the workspace"),
    "arg_agenda": ("agendaens id eller filsti", "the agenda's id or file path"),
    "arg_paths": ("agendafiler som skal sjekkes", "agenda files to check"),
    "opt_participants": (
        "antall deltakere til stede (standard 6)",
        "number of participants present (default 6)",
    ),
    "opt_start": (
        "starttid, for eksempel 09:00 (standard nå)",
        "start time, for example 09:00 (default now)",
    ),
    "opt_end": (
        "når det avsatte tidsrommet slutter, for eksempel 12:00",
        "when the booked slot ends, for example 12:00",
    ),
    "see_help": ("se «{prog} --help»", "see '{prog} --help'"),
    "internal_error": ("intern feil", "internal error"),
    "cmd_run": (
        "start en ny økt (med deltakere: rett til første steg)",
        "start a new session (with participants: straight to the first step)",
    ),
    "cmd_resume": (
        "fortsett en økt (uten navn: den siste som ikke er avsluttet)",
        "resume a session (without a name: the latest unfinished one)",
    ),
    "opt_run_participants": (
        "deltakerne, skilt med komma",
        "the participants, separated by commas",
    ),
    "opt_title": ("øktas tittel", "the session's title"),
    "arg_session": (
        "øktas id, begynnelsen av id-en, eller filsti",
        "the session's id, the start of it, or a file path",
    ),
    "no_unfinished": (
        "ingen påbegynte økter i {path}; start en ny med «facilitator run»",
        "no unfinished sessions in {path}; start one with 'facilitator run'",
    ),
    "agenda_needs_sub": (
        "velg en underkommando: list, show, validate eller schema",
        "choose a subcommand: list, show, validate or schema",
    ),
    "bad_time": (
        "forventet et klokkeslett som 09:00, fikk «{value}»",
        "expected a time like 09:00, got '{value}'",
    ),
    "bad_participants": (
        "antall deltakere må være mellom 1 og {most}, fikk {value}",
        "the number of participants must be 1 to {most}, got {value}",
    ),
    "col_step": ("Steg", "Step"),
    "col_start": ("Start", "Start"),
    "col_end": ("Slutt", "End"),
    "col_minutes": ("Min", "Min"),
    "col_id": ("Id", "Id"),
    "col_title": ("Tittel", "Title"),
    "col_source": ("Kilde", "Source"),
    "col_paragraphs": ("§ 4-3", "§ 4-3"),
    "col_total_6": ("Min (6)", "Min (6)"),
    "col_date": ("Dato", "Date"),
    "col_unit": ("Enhet", "Unit"),
    "col_state": ("Status", "State"),
    "col_people": ("Delt.", "People"),
    "col_file": ("Fil", "File"),
    "source_builtin": ("innebygd", "built-in"),
    "source_workspace": ("arbeidsmappe", "workspace"),
    "total": ("Totalt", "Total"),
    "per_person": ("{share} per person", "{share} each"),
    "per_person_in_round": ("runde: {share} per person", "round: {share} each"),
    "per_participant": ("{minutes} min × {n}", "{minutes} min × {n}"),
    "schedule_title": ("{title} – {n} deltakere", "{title} – {n} participants"),
    "fits": (
        "Planen passer: {slack} min til overs før {end}.",
        "The plan fits: {slack} min to spare before {end}.",
    ),
    "does_not_fit": (
        "Planen går {over} min over det avsatte tidsrommet (slutt {end}).",
        "The plan runs {over} min past the booked slot (ends {end}).",
    ),
    "valid": ("{path}: gyldig ({id}, {steps} steg)", "{path}: valid ({id}, {steps} steps)"),
    "invalid_summary": ("{bad} av {total} filer har feil", "{bad} of {total} files have problems"),
    "workspace": ("Arbeidsmappe: {path}", "Workspace: {path}"),
    "no_sessions": ("Ingen økter ennå i {path}", "No sessions yet in {path}"),
    "state_setup": ("oppsett", "setup"),
    "state_running": ("pågår", "running"),
    "state_finished": ("avsluttet", "finished"),
    "state_broken": ("kan ikke leses", "unreadable"),
    "invalid_agenda": ("ugyldig", "invalid"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    nb, en = _MESSAGES[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text


# argparse builds its headings and errors with gettext; in bokmål we answer those
# few strings ourselves so the help reads as one language.
_ARGPARSE_NB = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "show program's version number and exit": "vis versjonsnummeret og avslutt",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "expected one argument": "forventet én verdi",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
}


def argparse_translation(lang: Lang) -> None:
    table = _ARGPARSE_NB if lang == "nb" else {}
    argparse._ = lambda s: table.get(s, s)  # type: ignore[attr-defined]
