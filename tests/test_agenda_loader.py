"""Agenda files: loading, `extends`, and error messages a person can act on."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from facilitator.agenda.loader import dumps_agenda, load_agenda_file, merge
from facilitator.agenda.model import StepKind
from facilitator.agenda.registry import builtin_dir, find_agenda_path, list_agendas, load_agenda
from facilitator.errors import UserError
from facilitator.tomlfile import FileProblem, locate

from cli_helpers import run_cli
from conftest import REPO

MINIMAL = textwrap.dedent(
    """\
    schema_version = 1
    id = "kort"
    title = { nb = "Kort", en = "Short" }
    description = { nb = "Beskrivelse", en = "Description" }

    [[steps]]
    id = "innsjekk"
    kind = "round"
    minutes = 10
    title = { nb = "Innsjekk", en = "Check-in" }

    [[steps]]
    id = "slutt"
    minutes = 5
    title = { nb = "Slutt", en = "End" }
    """
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, workspace: Path | None = None, lang="nb") -> list[str]:
    with pytest.raises(FileProblem) as info:
        load_agenda_file(path, lambda i: find_agenda_path(i, workspace), lang)
    assert isinstance(info.value, UserError)
    return info.value.problems


def test_builtin_agenda_is_installed_with_the_package():
    import facilitator

    assert (builtin_dir() / "kollegaveiledning.toml").is_file()
    package = Path(facilitator.__file__).resolve().parent
    if REPO not in package.parents:
        # A plain (non-editable) install, as CI does: the agendas must be inside the package.
        assert builtin_dir() == package / "builtin_agendas"


def test_minimal_agenda_loads(tmp_path):
    agenda = load_agenda_file(write(tmp_path, "kort.toml", MINIMAL))
    assert [s.id for s in agenda.steps] == ["innsjekk", "slutt"]
    assert agenda.steps[0].kind is StepKind.ROUND
    assert agenda.title.get("en") == "Short"


def test_default_agenda_round_trips_through_toml(tmp_path, default_agenda):
    path = write(tmp_path, "copy.toml", dumps_agenda(default_agenda))
    assert load_agenda_file(path) == default_agenda


def test_syntax_error_names_line_and_column(tmp_path):
    path = write(tmp_path, "bad.toml", MINIMAL.replace("minutes = 5", "minutes = = 5"))
    (line,) = problems(path)
    assert line.startswith(f"{path}:14:")
    assert "TOML" in line


def test_validation_errors_name_line_field_and_expectation(tmp_path):
    text = MINIMAL.replace("minutes = 10", "minutes = -3").replace(
        'title = { nb = "Slutt", en = "End" }', 'title = { nb = "Slutt" }\ntittel = "x"'
    )
    path = write(tmp_path, "bad.toml", text)
    lines = problems(path, lang="en")
    assert lines == [
        f'{path}:9: steps[0] "innsjekk".minutes: expected a number ≥ 1 (got -3)',
        f'{path}:15: steps[1] "slutt".title.en: the English text (`en`) is missing; every '
        'text is written in both Norwegian bokmål and English: title = { nb = "Slutt", en = "…" }',
        f'{path}:16: steps[1] "slutt".tittel: unknown field (did you mean `title`?)',
    ]


def test_messages_in_norwegian_by_default(tmp_path):
    path = write(tmp_path, "bad.toml", MINIMAL.replace('kind = "round"', 'kind = "runde"'))
    (line,) = problems(path)
    assert "forventet en av" in line and "eller" in line and "(fikk 'runde')" in line


def test_own_rules_are_translated(tmp_path):
    text = MINIMAL.replace('kind = "round"', 'kind = "per_participant"')
    lines_nb = problems(write(tmp_path, "a.toml", text))
    lines_en = problems(write(tmp_path, "b.toml", text), lang="en")
    assert "minutes_per_participant" in lines_nb[0] and "bruker" in lines_nb[0]
    assert "takes `minutes_per_participant`" in lines_en[0]


def test_duplicate_step_ids(tmp_path):
    path = write(tmp_path, "dup.toml", MINIMAL.replace('id = "slutt"', 'id = "innsjekk"'))
    assert "innsjekk" in problems(path, lang="en")[0]
    assert "more than once" in problems(path, lang="en")[0]


def test_phases_must_add_up(tmp_path):
    text = MINIMAL + textwrap.dedent(
        """
        [[steps]]
        id = "veiledning"
        kind = "per_participant"
        minutes_per_participant = 15
        title = { nb = "V", en = "S" }
        phases = [
          { id = "a", minutes = 3, title = { nb = "A", en = "A" } },
          { id = "b", minutes = 5, title = { nb = "B", en = "B" } },
        ]
        """
    )
    (line,) = problems(write(tmp_path, "sum.toml", text), lang="en")
    assert "add up to 8 minutes" in line and '"veiledning"' in line


@pytest.mark.parametrize(
    ("raw", "expect"),
    [
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"", "steps"),
        (b'id = "x"\n', "title"),
        (b"schema_version = 9\n" + MINIMAL.encode()[19:], "newer"),
        (b"[[steps]]\nid = 3\n", "id"),
        (b'id = "x"\x07\n', "TOML"),
    ],
)
def test_garbage_gives_one_clear_problem_and_leaves_the_file(tmp_path, raw, expect):
    path = tmp_path / "g.toml"
    path.write_bytes(raw)
    before = path.stat()
    lines = problems(path, lang="en")
    assert any(expect in line for line in lines), lines
    assert all(line.startswith(str(path)) for line in lines)
    assert "Traceback" not in "\n".join(lines)
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert path.read_bytes() == raw


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in problems(tmp_path / "nope.toml", lang="en")[0]
    assert "folder" in problems(tmp_path, lang="en")[0]


def test_too_many_steps(tmp_path):
    step = '[[steps]]\nid = "s{n}"\nminutes = 1\ntitle = {{ nb = "S", en = "S" }}\n'
    text = MINIMAL.split("[[steps]]")[0] + "".join(step.format(n=n) for n in range(10_000))
    lines = problems(write(tmp_path, "huge.toml", text), lang="en")
    assert any("steps" in line and "at most 200" in line for line in lines)


def test_control_characters_and_huge_texts_are_refused(tmp_path):
    path = write(tmp_path, "c.toml", MINIMAL.replace('nb = "Kort"', 'nb = "K\\u001b[2J"'))
    assert "control characters" in problems(path, lang="en")[0]
    path = write(tmp_path, "h.toml", MINIMAL.replace('nb = "Kort"', f'nb = "{"x" * 20_000}"'))
    assert "too long" in problems(path, lang="en")[0]


# --- extends --------------------------------------------------------------------------


def test_extends_overrides_adds_moves_and_removes(tmp_path, default_agenda):
    path = write(
        tmp_path,
        "tema.toml",
        textwrap.dedent(
            """\
            id = "tema"
            extends = "kollegaveiledning"
            theme = { nb = "Psykologisk trygghet", en = "Psychological safety" }
            paragraphs = ["1", "2d"]

            [title]
            en = "Psychological safety"

            [[steps]]
            id = "faglig-intro"
            minutes = 7

            [[steps]]
            id = "ekstra"
            after = "innsjekk"
            minutes = 3
            title = { nb = "Ekstra", en = "Extra" }

            [[steps]]
            id = "pause"
            remove = true

            [[steps]]
            id = "kollegaveiledning"
            [[steps.phases]]
            id = "drofting"
            rule = { nb = "Ny regel", en = "New rule" }
            """
        ),
    )
    agenda = load_agenda_file(path, lambda i: find_agenda_path(i, None))
    ids = [s.id for s in agenda.steps]
    base = [s.id for s in default_agenda.steps]
    assert ids == [*base[:3], "ekstra", *[i for i in base[3:] if i != "pause"]]
    assert agenda.extends == "kollegaveiledning"
    assert agenda.title.en == "Psychological safety"
    assert agenda.title.nb == default_agenda.title.nb
    assert agenda.step("faglig-intro").minutes == 7
    assert agenda.step("faglig-intro").title == default_agenda.step("faglig-intro").title
    phases = agenda.step("kollegaveiledning").phases
    assert [p.minutes for p in phases] == [3, 5, 5, 2]
    assert phases[2].rule.nb == "Ny regel"
    assert phases[2].focus_back_turned is True


def test_error_in_child_points_at_child_line(tmp_path):
    text = 'id = "tema"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "pause"\nminutes = 0\n'
    path = write(tmp_path, "tema.toml", text)
    (line,) = problems(path, lang="en")
    assert line.startswith(f"{path}:6: ")
    assert '"pause".minutes' in line


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ('id = "a"\nextends = "nobody"\n', 'no agenda has the id "nobody"'),
        ('id = "a"\nextends = 5\n', "expected the id of another agenda"),
        ('id = "a"\nextends = "kollegaveiledning"\n[[steps]]\ntitle = "x"\n', "needs an `id`"),
        (
            'id = "a"\nextends = "kollegaveiledning"\n[[steps]]\nid = "zz"\nremove = true\n',
            'no step "zz"',
        ),
        (
            'id = "a"\nextends = "kollegaveiledning"\n[[steps]]\nid = "n"\nafter = "zz"\n',
            'no step "zz"',
        ),
    ],
)
def test_extends_mistakes(tmp_path, text, expect):
    lines = problems(write(tmp_path, "a.toml", text), lang="en")
    assert any(expect in line for line in lines), lines


REMOVE_JA = 'id = "a"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "pause"\nremove = "ja"\n'


@pytest.mark.parametrize(
    ("lang", "expect"),
    [
        ("en", 'expected true or false without quotes, like remove = true (got "ja")'),
        ("nb", "forventet true eller false uten anførselstegn, som remove = true (fikk «ja»)"),
    ],
)
def test_remove_that_is_not_true_or_false_is_an_error(tmp_path, lang, expect):
    # It used to be read as "keep the step", silently: the file said to remove it.
    path = write(tmp_path, "a.toml", REMOVE_JA)
    assert problems(path, lang=lang) == [f'{path}:6: steps[0] "pause".remove: {expect}']


@pytest.mark.parametrize(
    ("value", "lang", "expect"),
    [
        ("1", "en", "expected true or false (got 1)"),
        ("1", "nb", "forventet true eller false (fikk 1)"),
        ('"true"', "en", 'without quotes, like remove = true (got "true")'),
        ('["x"]', "en", "expected true or false"),
        ("{ a = 1 }", "nb", "forventet true eller false"),
    ],
)
def test_remove_of_a_phase_must_be_true_or_false_too(tmp_path, value, lang, expect):
    text = 'id = "a"\nextends = "kollegaveiledning"\n\n[[steps]]\nid = "kollegaveiledning"\n'
    text += f'\n[[steps.phases]]\nid = "drofting"\nremove = {value}\n'
    path = write(tmp_path, "a.toml", text)
    (line,) = problems(path, lang=lang)
    where = f'{path}:9: steps[0] "kollegaveiledning".phases[0] "drofting".remove: '
    assert line.startswith(where) and line.endswith(expect), line
    assert "\n" not in line


def test_remove_false_keeps_the_step(tmp_path, default_agenda):
    path = write(tmp_path, "a.toml", REMOVE_JA.replace('"ja"', "false"))
    agenda = load_agenda_file(path, lambda i: find_agenda_path(i, None))
    assert [s.id for s in agenda.steps] == [s.id for s in default_agenda.steps]


@pytest.mark.parametrize(
    ("lang", "expect"),
    [("nb", "forventet true eller false"), ("en", "expected true or false")],
)
def test_agenda_validate_refuses_remove_ja_with_exit_code_2(capsys, tmp_path, lang, expect):
    path = write(tmp_path, "a.toml", REMOVE_JA)
    result = run_cli(
        capsys, "--workspace", str(tmp_path), "--lang", lang, "agenda", "validate", str(path)
    )
    assert result.code == 2
    (line,) = result.err_lines
    assert line.startswith(f'{path}:6: steps[0] "pause".remove: ') and expect in line


def test_extends_cycle(tmp_path):
    write(tmp_path, "a.toml", 'id = "a"\nextends = "b"\n')
    path = write(tmp_path, "b.toml", 'id = "b"\nextends = "a"\n')
    (line,) = problems(path, lang="en")
    assert "circle" in line and "b → a → b" in line


def test_merge_does_not_change_its_inputs():
    base = {"steps": [{"id": "a", "title": {"nb": "A", "en": "A"}}], "x": {"y": 1}}
    over = {"steps": [{"id": "a", "title": {"en": "B"}}], "x": {"z": 2}}
    out = merge(base, over)
    assert out["steps"][0]["title"] == {"nb": "A", "en": "B"}
    assert out["x"] == {"y": 1, "z": 2}
    assert base["steps"][0]["title"]["en"] == "A"


# --- registry ---------------------------------------------------------------------------


def test_workspace_agenda_by_id_and_shadowing(tmp_path):
    (tmp_path / "agendas").mkdir()
    write(tmp_path / "agendas", "kort.toml", MINIMAL)
    shadow = MINIMAL.replace('id = "kort"', 'id = "kollegaveiledning"')
    write(tmp_path / "agendas", "mine.toml", shadow)
    assert load_agenda("kort", tmp_path).id == "kort"
    assert len(load_agenda("kollegaveiledning", tmp_path).steps) == 2
    entries = {e.id: e for e in list_agendas(tmp_path)}
    assert entries["kollegaveiledning"].source == "workspace"
    assert entries["kort"].agenda is not None


def test_broken_workspace_agenda_is_listed_with_its_problem(tmp_path):
    (tmp_path / "agendas").mkdir()
    write(tmp_path / "agendas", "broken.toml", 'id = "broken"\n')
    entry = next(e for e in list_agendas(tmp_path) if e.id == "broken")
    assert entry.agenda is None and "broken.toml" in entry.problem


def test_unknown_id_lists_what_exists(tmp_path):
    with pytest.raises(UserError, match="kollegaveiledning"):
        load_agenda("nope", tmp_path)


# --- locate -----------------------------------------------------------------------------


def test_locate_finds_tables_keys_and_array_items():
    text = textwrap.dedent(
        """\
        id = "x"
        [title]
        nb = "a"
        [[steps]]
        id = "s1"
        [[steps]]
        id = "s2"
        note = \"\"\"
        minutes = 1
        \"\"\"
        minutes = 4
        [[steps.phases]]
        id = "p"
        [steps.phases.rule]
        nb = "r"
        """
    )
    assert locate(text, ("id",)) == 1
    assert locate(text, ("title", "nb")) == 3
    assert locate(text, ("title", "en")) == 2
    assert locate(text, ("steps", 1, "minutes")) == 11
    assert locate(text, ("steps", 1, "phases", 0, "rule", "nb")) == 15
    assert locate(text, ("steps", 0, "title")) == 4
    assert locate(text, ("nothing",)) is None
