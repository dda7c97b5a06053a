"""`facilitator agenda validate` on the mistakes people make, and `agenda list` in an
80-column terminal.

Each problem must be one line an HMS adviser can fix the file from: the file and
line, the field as the file names it, what was expected, and, where it can be
guessed, what was meant."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import pytest
from rich.console import Console

from facilitator.agenda.registry import list_agendas, load_agenda
from facilitator.commands.agenda import agenda_table

from cli_helpers import SHORT_AGENDA, run_cli
from conftest import REPO

# The README's short agenda with a step in two phases between its two.
BASE = SHORT_AGENDA.replace(
    '[[steps]]\nid = "avslutning"',
    textwrap.dedent(
        """\
        [[steps]]
        id = "refleksjon"
        kind = "timed"
        minutes = 15
        title = { nb = "Refleksjon", en = "Reflection" }
        phases = [
          { id = "alene", minutes = 5, title = { nb = "Alene", en = "Alone" } },
          { id = "sammen", minutes = 10, title = { nb = "Sammen", en = "Together" } },
        ]

        [[steps]]
        id = "avslutning"
        """
    ).rstrip("\n"),
)

EXTENDING = textwrap.dedent(
    """\
    id = "var-versjon"
    extends = "kollegaveiledning"

    [[steps]]
    id = "ekstra"
    after = "innsjekk"
    minutes = 5
    title = { nb = "Ekstra", en = "Extra" }
    """
)


@dataclass(frozen=True)
class Mistake:
    name: str
    text: str
    line: str
    """The file's line the problem is on (found by its text, so the case reads as the file)."""
    field: str
    nb: tuple[str, ...]
    en: tuple[str, ...]


MISTAKES = [
    Mistake(
        "misspelt key",
        BASE.replace("minutes = 20", "minuttes = 20"),
        "minuttes = 20",
        'steps[2] "avslutning".minuttes',
        ("ukjent felt", "mente du `minutes`?"),
        ("unknown field", "did you mean `minutes`?"),
    ),
    Mistake(
        "Norwegian key",
        BASE.replace('paragraphs = ["1", "2d"]', 'paragraphs = ["1", "2d"]\ntema = "Trygghet"'),
        'tema = "Trygghet"',
        "tema",
        ("ukjent felt", "mente du `theme`?"),
        ("unknown field", "did you mean `theme`?"),
    ),
    Mistake(
        "missing English text",
        BASE.replace('{ nb = "Avslutning", en = "Closing" }', '{ nb = "Avslutning" }'),
        'title = { nb = "Avslutning" }',
        'steps[2] "avslutning".title.en',
        ("engelsk (`en`) mangler", 'title = { nb = "Avslutning", en = "…" }'),
        ("English text (`en`) is missing", 'title = { nb = "Avslutning", en = "…" }'),
    ),
    Mistake(
        "minutes in quotes",
        BASE.replace("minutes = 20", 'minutes = "10"'),
        'minutes = "10"',
        'steps[2] "avslutning".minutes',
        ("heltall uten anførselstegn", "minutes = 10", "«10»"),
        ("whole number without quotes", "minutes = 10", '"10"'),
    ),
    Mistake(
        "step kind typo",
        BASE.replace('kind = "round"', 'kind = "rund"'),
        'kind = "rund"',
        'steps[0] "innsjekk".kind',
        ("forventet en av", "'rund'", 'mente du `kind = "round"`?'),
        ("expected one of", "'rund'", 'did you mean `kind = "round"`?'),
    ),
    Mistake(
        "capture typo",
        BASE.replace('captures = ["notes"]', 'captures = ["note"]'),
        'captures = ["note"]',
        'steps[0] "innsjekk".captures[0]',
        ("forventet en av", 'mente du "notes"?'),
        ("expected one of", 'did you mean "notes"?'),
    ),
    Mistake(
        "unknown extends",
        EXTENDING.replace('extends = "kollegaveiledning"', 'extends = "kollegaveileding"'),
        'extends = "kollegaveileding"',
        "extends",
        ("finner ikke noe opplegg", 'mente du `extends = "kollegaveiledning"`?'),
        ("no agenda has the id", 'did you mean `extends = "kollegaveiledning"`?'),
    ),
    Mistake(
        "after an unknown step",
        EXTENDING.replace('after = "innsjekk"', 'after = "innsjek"'),
        'after = "innsjek"',
        'steps[0] "ekstra".after',
        ("ikke noe steg «innsjek»", 'mente du `after = "innsjekk"`?'),
        ('no step "innsjek"', 'did you mean `after = "innsjekk"`?'),
    ),
    Mistake(
        "removing an unknown step",
        'id = "v"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "paus"\nremove = true\n',
        'id = "paus"',
        'steps[0] "paus".id',
        ("ikke noe steg «paus» å ta bort", 'mente du `id = "pause"`?'),
        ('no step "paus" to remove', 'did you mean `id = "pause"`?'),
    ),
    Mistake(
        "changing a step with a misspelt id",
        'id = "v"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "innsjek"\nminutes = 5\n',
        "[[steps]]",
        'steps[0] "innsjek".title',
        ("et nytt steg trenger `title`", 'mente du `id = "innsjekk"`?'),
        ("a new step needs `title`", 'did you mean `id = "innsjekk"`?'),
    ),
    Mistake(
        "duplicated step id",
        BASE.replace('id = "avslutning"', 'id = "innsjekk"'),
        'id = "innsjekk"\nminutes = 20',
        'steps[2] "innsjekk".id',
        ("brukt flere ganger", "først i steps[0]"),
        ("used more than once", "first by steps[0]"),
    ),
    Mistake(
        "phases that do not add up",
        BASE.replace("minutes = 15", "minutes = 20"),
        'minutes = 20\ntitle = { nb = "Refleksjon"',
        'steps[1] "refleksjon".minutes',
        ("til sammen 15 minutter", "`minutes` er 20", "sett `minutes = 15`"),
        ("add up to 15 minutes", "`minutes` is 20", "set `minutes = 15`"),
    ),
    Mistake(
        "paragraph 2e",
        BASE.replace('["1", "2d"]', '["1", "2e"]'),
        'paragraphs = ["1", "2e"]',
        "paragraphs[1]",
        ("'2e'", "andre ledd har bare bokstavene a–d"),
        ("'2e'", "paragraph 2 has only the letters a–d"),
    ),
    Mistake(
        "paragraph as the law writes it",
        BASE.replace('["1", "2d"]', '["1", "(2) d"]'),
        'paragraphs = ["1", "(2) d"]',
        "paragraphs[1]",
        ('mente du "2d"?',),
        ('did you mean "2d"?',),
    ),
    Mistake(
        "a text without nb and en",
        BASE.replace('title = { nb = "Innsjekk", en = "Check-in" }', 'title = "Innsjekk"'),
        'title = "Innsjekk"',
        'steps[0] "innsjekk".title',
        ('mente du `title = { nb = "Innsjekk", en = "…" }`?',),
        ('did you mean `title = { nb = "…", en = "Innsjekk" }`?',),
    ),
]

BROKEN = 'title = { nb = "Innsjekk }'
SYNTAX = BASE.replace('title = { nb = "Innsjekk", en = "Check-in" }', BROKEN)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def validate(capsys, workspace, path, lang):
    return run_cli(
        capsys, "--workspace", str(workspace), "--lang", lang, "agenda", "validate", str(path)
    )


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_each_mistake_is_one_line_with_line_field_expectation_and_suggestion(
    capsys, workspace, mistake, lang
):
    path = workspace / "agenda.toml"
    path.write_text(mistake.text, encoding="utf-8")
    result = validate(capsys, workspace, path, lang)
    assert result.code == 2
    assert len(result.err_lines) == 1, result.err
    (line,) = result.err_lines
    assert line.startswith(f"{path}:{line_of(mistake.text, mistake.line)}: {mistake.field}: ")
    for words in mistake.nb if lang == "nb" else mistake.en:
        assert words in line, (words, line)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", "feil i TOML-syntaksen: en tekst i anførselstegn slutter ikke på samme linje"),
        ("en", "TOML syntax error: a text in quotes does not end on the same line"),
    ],
)
def test_a_syntax_error_says_where_and_the_likely_cause(capsys, workspace, lang, words):
    path = workspace / "agenda.toml"
    path.write_text(SYNTAX, encoding="utf-8")
    result = validate(capsys, workspace, path, lang)
    assert result.code == 2
    (line,) = result.err_lines
    assert line.startswith(f"{path}:{line_of(SYNTAX, BROKEN)}:")
    assert words in line


def test_norwegian_messages_use_norwegian_grammar_for_phases(capsys, workspace):
    text = 'id = "v"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "kollegaveiledning"\n\n'
    text += '[[steps.phases]]\nid = "drofting-2"\nminutes = 6\n'
    path = workspace / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    (line,) = validate(capsys, workspace, path, "nb").err_lines
    assert "ikke en fase i «kollegaveiledning», så det blir en ny fase" in line


def test_every_problem_of_a_file_is_reported(capsys, workspace):
    text = BASE.replace("minutes = 20", "minuttes = 20").replace('kind = "round"', 'kind = "rund"')
    path = workspace / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    result = validate(capsys, workspace, path, "en")
    lines = result.err_lines
    assert len(lines) == 2
    assert "kind" in lines[0] and "minuttes" in lines[1]  # in the order of the file


# --- agenda list in 80 columns -----------------------------------------------------


def render(entries, lang: str, width: int = 80) -> str:
    console = Console(width=width, record=True, highlight=False, color_system=None)
    console.print(agenda_table(entries, lang))
    return console.export_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_agenda_list_shows_whole_ids_at_80_columns(lang):
    entries = list_agendas(None, lang)
    text = render(entries, lang)
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for entry in entries:
        # the id a user types is on one line, whole, at the start of a line
        assert any(line.startswith(f"{entry.id} ") for line in lines), entry.id
    assert "…" not in text
    assert "(1), (2) d," in text and "(2) c" in text


def test_agenda_list_shows_theme_source_and_paragraphs(tmp_path):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "egen.toml").write_text(
        BASE.replace('id = "kort-innsjekk"', 'id = "egen"'), encoding="utf-8"
    )
    (tmp_path / "agendas" / "brutt.toml").write_text('id = "brutt"\n', encoding="utf-8")
    text = render(list_agendas(tmp_path, "nb"), "nb")
    lines = text.splitlines()
    egen = next(n for n, line in enumerate(lines) if line.startswith("egen "))
    assert lines[egen + 1].startswith("arbeidsmappe")
    assert "(1), (2) d" in lines[egen]
    brutt = next(n for n, line in enumerate(lines) if line.startswith("brutt "))
    assert "ugyldig" in lines[brutt]
    robusthet = next(n for n, line in enumerate(lines) if line.startswith("tema-robusthet "))
    assert "innebygd" in lines[robusthet + 1]
    assert "Å komme gjennom" in lines[robusthet + 1] + lines[robusthet + 2]


def test_agenda_list_prints_a_broken_agendas_problem_on_stderr(capsys, tmp_path):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "brutt.toml").write_text('id = "brutt"\n', encoding="utf-8")
    result = run_cli(capsys, "--workspace", str(tmp_path), "agenda", "list")
    assert result.code == 0
    assert "brutt" in result.out
    assert len(result.err_lines) == 1 and "brutt.toml" in result.err


# --- the new commands start without the screen -------------------------------------


def test_series_and_new_do_not_import_textual(tmp_path):
    code = (
        "import sys\nfrom facilitator.cli import main\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'series', '-f', 'ics'])\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'new', {str(tmp_path / 'a')!r}])\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'new', {str(tmp_path / 'b')!r},"
        " '--extends', 'kollegaveiledning'])\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_the_readme_example_of_an_own_agenda_is_valid(capsys, workspace):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    guide = readme[readme.index("### Write your own agenda") :]
    example = re.search(r"```toml\n(.*?)```", guide, re.S)
    assert example is not None
    (workspace / "agendas").mkdir()
    path = workspace / "agendas" / "var-kollegaveiledning.toml"
    path.write_text(example.group(1), encoding="utf-8")
    assert validate(capsys, workspace, path, "nb").code == 0
    agenda = load_agenda("var-kollegaveiledning", workspace)
    ids = [s.id for s in agenda.steps]
    assert ids[ids.index("innsjekk") + 1] == "egen-tjeneste" and "pause" not in ids
