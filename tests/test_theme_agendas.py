"""The shipped agendas, and the eight theme agendas of the § 4-3 series.

Each theme builds on the default workshop (`extends = "kollegaveiledning"`) and may
change only its words: the same steps, kinds, phases and minutes, so a theme
session runs exactly as long as the default one. Together the themes cover every
paragraph of § 4-3 that names a condition of the work.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import BaseModel

from facilitator.agenda.loader import load_agenda_file
from facilitator.agenda.model import Agenda, Step
from facilitator.agenda.registry import (
    DEFAULT_AGENDA,
    builtin_dir,
    find_agenda_path,
    list_agendas,
    load_agenda,
)
from facilitator.law import FACTORS
from facilitator.localized import LocalizedText
from facilitator.schedule import plan

from law_text import LAW_EN, LAW_NB, RENDERING_NOTE

THEMES = {
    "tema-psykologisk-trygghet": {"1", "2d", "4"},
    "tema-robusthet": {"1"},
    "tema-forventninger": {"2a"},
    "tema-arbeidsmengde": {"2c"},
    "tema-kontakt-og-ensomhet": {"4"},
    "tema-emosjonelle-krav": {"2b", "6"},
    "tema-trakassering-og-vold": {"5", "6"},
    "tema-tillit-og-verdighet": {"3"},
}

SHIPPED = sorted(builtin_dir().glob("*.toml"))

# A quotation that opens a line: «…» in bokmål, "…" in English (it may run over lines).
LAW_QUOTE = {"nb": re.compile(r"(?m)^«([^»]+)»"), "en": re.compile(r'(?m)^"([^"]+)"')}
# How the text right before a quotation names the paragraph, in the 2026 numbering.
_ORDINALS_NB = ("første", "andre", "tredje", "fjerde", "femte", "sjette")
NAMES_NB = {str(n): (f"{w} ledd",) for n, w in enumerate(_ORDINALS_NB, 1)}
NAMES_NB |= {f"2{x}": ("andre ledd", f"bokstav {x}") for x in "abcd"}
NAMES_EN = {str(n): (f"paragraph {n}",) for n in range(1, 7)}
NAMES_EN |= {f"2{x}": ("paragraph 2", f"letter {x}") for x in "abcd"}


def flat(text: str) -> str:
    """Line breaks and indentation as single spaces."""
    return " ".join(text.split())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "120"},
        check=False,
    )


def texts(node: object, where: str = "") -> Iterator[tuple[str, LocalizedText]]:
    """Every LocalizedText in a model, with where it sits."""
    if isinstance(node, LocalizedText):
        yield where, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list | tuple):
        for n, item in enumerate(node):
            label = getattr(item, "id", n)
            yield from texts(item, f"{where}[{label}]")


def shape(step: Step) -> tuple[object, ...]:
    """What decides how a step runs and how long it takes, but not what it says."""
    phases = tuple(
        (p.id, p.minutes, p.speakers, p.listeners, p.round, p.focus_back_turned, p.note_kind)
        for p in step.phases
    )
    return (
        step.id,
        step.kind,
        step.minutes,
        step.minutes_per_participant,
        phases,
        tuple(step.captures),
    )


@functools.cache
def theme(agenda_id: str) -> Agenda:
    """One agenda, loaded once; a broken file fails only the tests about it."""
    return load_agenda(agenda_id, None)


@pytest.fixture(scope="module")
def themes() -> dict[str, Agenda]:
    return {i: theme(i) for i in THEMES}


# --- every shipped agenda ----------------------------------------------------------


def test_the_theme_agendas_ship_with_the_default():
    ids = {tomllib.loads(p.read_text(encoding="utf-8"))["id"] for p in SHIPPED}
    assert {DEFAULT_AGENDA, *THEMES} <= ids
    for path in SHIPPED:
        # the file name is the id, so `find_agenda_path` finds it at once
        assert tomllib.loads(path.read_text(encoding="utf-8"))["id"] == path.stem


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_shipped_agenda_validates_on_the_command_line(lang):
    out = run("--lang", lang, "agenda", "validate", *map(str, SHIPPED))
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    word = "gyldig" if lang == "nb" else "valid"
    lines = out.stdout.splitlines()
    assert len(lines) == len(SHIPPED)
    for path, line in zip(SHIPPED, lines, strict=True):
        assert line.startswith(f"{path}: {word} ({path.stem}, ")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_agenda_loads_through_the_loader_and_the_registry(path):
    def find(agenda_id: str) -> Path | None:
        return find_agenda_path(agenda_id, None)

    by_path = load_agenda_file(path, find)
    assert by_path.id == path.stem
    assert load_agenda(path.stem, None) == by_path
    assert load_agenda(str(path), None) == by_path
    assert load_agenda_file(path, find, "en") == by_path


def test_listing_the_builtin_agendas_finds_no_problems():
    entries = {e.id: e for e in list_agendas(None)}
    assert {DEFAULT_AGENDA, *THEMES} <= set(entries)
    assert [e.problem for e in entries.values() if e.problem] == []
    assert all(e.source == "builtin" for e in entries.values())


# --- the theme series --------------------------------------------------------------


def test_every_agenda_that_extends_the_default_is_a_known_theme():
    extending = {
        p.stem
        for p in SHIPPED
        if tomllib.loads(p.read_text(encoding="utf-8")).get("extends") == DEFAULT_AGENDA
    }
    assert extending == set(THEMES)


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_extends_the_default(agenda_id):
    assert theme(agenda_id).extends == DEFAULT_AGENDA


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_keeps_the_steps_kinds_phases_and_minutes(default_agenda, agenda_id):
    agenda = theme(agenda_id)
    assert [shape(s) for s in agenda.steps] == [shape(s) for s in default_agenda.steps]
    assert agenda.group_size == default_agenda.group_size
    assert agenda.follow_up == default_agenda.follow_up
    assert agenda.warn_fraction == default_agenda.warn_fraction
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for people in range(2, 9):
        mine = [s.planned_minutes(people) for s in agenda.steps]
        theirs = [s.planned_minutes(people) for s in default_agenda.steps]
        assert mine == theirs, people
        ours = plan(agenda, people, start)
        assert ours.total_minutes == plan(default_agenda, people, start).total_minutes
    assert sum(s.planned_minutes(6) for s in agenda.steps) == 170
    assert sum(s.planned_minutes(4) for s in agenda.steps) == 140


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_texts_are_complete_in_both_languages(agenda_id):
    agenda = theme(agenda_id)
    found = list(texts(agenda))
    assert len(found) > 50
    for where, text in found:
        assert text.nb.strip(), f"{agenda_id}{where}: no bokmål"
        assert text.en.strip(), f"{agenda_id}{where}: no English"
        assert text.nb != text.en, f"{agenda_id}{where}: bokmål and English are the same"


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_has_its_own_title_theme_and_description(themes, default_agenda, agenda_id):
    agenda = theme(agenda_id)
    assert agenda.theme is not None
    for lang in ("nb", "en"):
        assert agenda.title.get(lang) != default_agenda.title.get(lang)
        assert agenda.description.get(lang) != default_agenda.description.get(lang)
        others = [a for i, a in themes.items() if i != agenda_id]
        assert agenda.title.get(lang) not in {a.title.get(lang) for a in others}
        assert agenda.theme.get(lang) not in {a.theme.get(lang) for a in others if a.theme}


@pytest.mark.parametrize(("agenda_id", "paragraphs"), THEMES.items())
def test_theme_names_its_paragraphs(agenda_id, paragraphs):
    agenda = theme(agenda_id)
    assert {str(p) for p in agenda.paragraphs} == paragraphs
    # only paragraphs that name a condition of the work
    assert set(agenda.paragraphs) <= set(FACTORS)


def test_the_series_covers_every_factor_paragraph_of_section_4_3(themes):
    covered = {p for a in themes.values() for p in a.paragraphs}
    assert covered >= set(FACTORS)
    assert {str(p) for p in FACTORS} == {"1", "2a", "2b", "2c", "2d", "3", "4", "5", "6"}


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_has_its_own_introduction_and_reflection(default_agenda, agenda_id):
    agenda = theme(agenda_id)
    intro, base_intro = agenda.step("faglig-intro"), default_agenda.step("faglig-intro")
    assert intro.content is not None and base_intro.content is not None
    assert intro.content.nb != base_intro.content.nb
    assert intro.content.en != base_intro.content.en
    assert set(intro.paragraphs) >= set(agenda.paragraphs)

    reflection = agenda.step("refleksjon")
    base_questions = default_agenda.step("refleksjon").questions
    assert len(reflection.questions) == len(base_questions) == 3
    for question in reflection.questions:
        assert question not in base_questions
    # the pattern of the default: recognise, then strengths, then risks
    for lang, strength, risk in (("nb", "Styrker:", "Risiko:"), ("en", "Strengths:", "Risks:")):
        first, second, third = (q.get(lang) for q in reflection.questions)
        assert not first.startswith((strength, risk))
        assert second.startswith(strength)
        assert third.startswith(risk)


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_prompts_the_dilemma_and_keeps_the_default_rules(default_agenda, agenda_id):
    prepare = theme(agenda_id).step("forberedelse")
    assert len(prepare.questions) >= 2
    assert not default_agenda.step("forberedelse").questions
    # working alone, three minutes, roles not names, when to bring in HR: inherited
    assert prepare.process == default_agenda.step("forberedelse").process
    rules = " ".join(p.nb for p in prepare.process)
    assert "roller, ikke navn" in rules
    assert "HR" in rules


@pytest.mark.parametrize("agenda_id", THEMES)
def test_theme_leaves_the_peer_supervision_and_closing_as_they_are(default_agenda, agenda_id):
    agenda = theme(agenda_id)
    kept = (
        "intro",
        "fasilitator",
        "innsjekk",
        "pause",
        "kollegaveiledning",
        "utsjekk",
        "avslutning",
    )
    for step_id in kept:
        assert agenda.step(step_id) == default_agenda.step(step_id), step_id


# --- the law, quoted right ---------------------------------------------------------


@pytest.mark.parametrize("agenda_id", [DEFAULT_AGENDA, *THEMES])
@pytest.mark.parametrize(("lang", "law"), [("nb", LAW_NB), ("en", LAW_EN)])
def test_quotations_of_the_law_are_word_for_word(agenda_id, lang, law):
    content = load_agenda(agenda_id, None).step("faglig-intro").content
    assert content is not None
    quotes = LAW_QUOTE[lang].findall(content.get(lang))
    assert quotes, f"{agenda_id}: the introduction quotes no law ({lang})"
    for quote in quotes:
        assert any(flat(quote) in text for text in law.values()), flat(quote)
    if lang == "en":
        assert RENDERING_NOTE in flat(content.en)


@pytest.mark.parametrize("agenda_id", THEMES)
def test_the_introduction_quotes_every_paragraph_of_the_theme(agenda_id):
    agenda = theme(agenda_id)
    content = agenda.step("faglig-intro").content
    assert content is not None
    for paragraph in agenda.paragraphs:
        assert flat(LAW_NB[paragraph]) in flat(content.nb), (agenda_id, str(paragraph))
        assert flat(LAW_EN[paragraph]) in flat(content.en), (agenda_id, str(paragraph))


@pytest.mark.parametrize("agenda_id", [DEFAULT_AGENDA, *THEMES])
@pytest.mark.parametrize(
    ("lang", "law", "names"), [("nb", LAW_NB, NAMES_NB), ("en", LAW_EN, NAMES_EN)]
)
def test_each_quotation_is_introduced_by_its_2026_number(agenda_id, lang, law, names):
    """The old paragraphs 1-5 are now 3-7: a quotation of the harassment paragraph
    must be headed "femte ledd", not "tredje ledd" as before 2026."""
    content = load_agenda(agenda_id, None).step("faglig-intro").content
    assert content is not None
    text = content.get(lang)
    for match in LAW_QUOTE[lang].finditer(text):
        quote = flat(match.group(1))
        key = next((k for k, wording in law.items() if flat(wording) == quote), None)
        assert key is not None, f"{agenda_id}: quotes only part of a paragraph: {quote}"
        heading = text[: match.start()].rstrip().splitlines()[-1].lower()
        for word in names[key]:
            assert word in heading, (agenda_id, key, heading)


def test_no_fine_amounts(themes):
    for agenda in themes.values():
        for where, text in texts(agenda):
            assert not re.search(r"gebyr|\bkroner\b|\b\d+\s?G\b", text.nb), where
            assert not re.search(r"\bpenalt|\bNOK\b|\bkroner\b|\b\d+\s?G\b", text.en), where


# --- as a user meets them ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_agenda_list_shows_every_theme_with_its_theme_line(themes, lang):
    out = run("--lang", lang, "agenda", "list")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    for agenda_id, agenda in themes.items():
        assert agenda_id in out.stdout
        assert agenda.theme is not None
        # titles and theme lines may wrap inside their column, but never mid-word
        for word in (*agenda.title.get(lang).split(), *agenda.theme.get(lang).split()):
            assert word in out.stdout, (agenda_id, word)


@pytest.mark.parametrize("agenda_id", THEMES)
@pytest.mark.parametrize(("lang", "total_word"), [("nb", "Totalt"), ("en", "Total")])
def test_agenda_show_gives_the_same_schedule_as_the_default(agenda_id, lang, total_word):
    out = run("agenda", "show", agenda_id, "--lang", lang, "-n", "6", "--start", "09:00")
    assert out.returncode == 0, out.stderr
    total = next(line for line in out.stdout.splitlines() if total_word in line)
    assert "170" in total and "11:50" in total
    assert theme(agenda_id).title.get(lang) in out.stdout
    assert theme(agenda_id).step("faglig-intro").title.get(lang) in out.stdout
