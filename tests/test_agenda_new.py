"""`facilitator agenda new`: a commented agenda file that is valid as written."""

from __future__ import annotations

import re
import tomllib

import pytest

from facilitator.agenda.model import Agenda, GroupSize, Phase, Step, StepKind
from facilitator.agenda.registry import builtin_dir, list_agendas, load_agenda
from facilitator.agenda.scaffold import _STEPS, _top
from facilitator.agenda.scaffold_extends import NEW_STEP

from cli_helpers import run_cli

SHIPPED = sorted(p.stem for p in builtin_dir().glob("*.toml"))
LANGS = ["nb", "en"]


def new(capsys, workspace, name, *args):
    return run_cli(capsys, "--workspace", str(workspace), "agenda", "new", name, *args)


def validate(capsys, workspace, path, lang="nb"):
    result = run_cli(
        capsys, "--workspace", str(workspace), "--lang", lang, "agenda", "validate", str(path)
    )
    assert result.code == 0, result.err
    assert result.err == ""
    return result


@pytest.fixture
def agendas(workspace):
    folder = workspace / "agendas"
    folder.mkdir()
    return folder


# --- a new agenda of its own --------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_agenda_validates_and_is_found_by_id(capsys, workspace, agendas, lang):
    path = agendas / "kort-okt.toml"
    result = new(capsys, workspace, str(path), "--lang", lang)
    assert result.code == 0, result.err
    assert str(path) in result.out
    validate(capsys, workspace, path, lang)
    agenda = load_agenda("kort-okt", workspace, lang)
    assert agenda.extends is None
    kinds = [s.kind for s in agenda.steps]
    assert kinds == [StepKind.ROUND, StepKind.TIMED, StepKind.PER_PARTICIPANT, StepKind.TIMED]
    assert agenda.steps[1].phases and agenda.steps[2].phases
    assert agenda.steps[0].questions
    assert "kort-okt" in {e.id for e in list_agendas(workspace) if e.agenda}


@pytest.mark.parametrize("lang", LANGS)
def test_the_comments_are_in_the_users_language(capsys, workspace, lang):
    new(capsys, workspace, str(workspace / "a.toml"), "--lang", lang)
    text = (workspace / "a.toml").read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    nb_words, en_words = ("Stegene", "Tittelen", "mangler"), ("The steps", "The title", "needed")
    mine, other = (nb_words, en_words) if lang == "nb" else (en_words, nb_words)
    assert all(word in comments for word in mine[:2])
    assert not any(word in comments for word in other[:2])
    # the agenda's own texts are in both languages, whatever the comments' language
    data = tomllib.loads(text)
    assert data["title"]["nb"] and data["title"]["en"]


def test_every_field_of_the_format_is_in_the_file(capsys, workspace):
    new(capsys, workspace, str(workspace / "a.toml"))
    text = (workspace / "a.toml").read_text(encoding="utf-8")
    for model in (Agenda, Step, Phase, GroupSize):
        for field in model.model_fields:
            assert re.search(rf"\b{field}\b", text), f"{model.__name__}.{field} is not explained"


def test_every_field_written_has_its_comment_in_both_languages():
    for block in [*_top("x"), *_STEPS]:
        assert block.nb.strip() and block.en.strip(), block.toml
        assert block.nb != block.en


@pytest.mark.parametrize("lang", LANGS)
def test_the_header_says_how_to_check_and_how_to_get_completion(capsys, workspace, lang):
    new(capsys, workspace, str(workspace / "a.toml"), "--lang", lang)
    lines = (workspace / "a.toml").read_text(encoding="utf-8").splitlines()
    header = lines[: lines.index("")] if "" in lines else lines
    assert all(line.startswith("#") for line in header)
    assert any("facilitator agenda validate" in line for line in header)
    assert any("facilitator agenda schema > agenda.schema.json" in line for line in header)
    assert any(line.removeprefix("#").strip() == "#:schema ./agenda.schema.json" for line in header)
    # guidance only: an active directive would point at a schema that may not exist
    assert not any(line.startswith("#:schema") for line in lines)


@pytest.mark.parametrize(
    ("name", "agenda_id"),
    [("Vår agenda.toml", "var-agenda"), ("Ærlig_Økt", "aerlig_okt"), ("tema.toml", "tema")],
)
def test_the_id_is_made_from_the_file_name(capsys, workspace, name, agenda_id):
    result = new(capsys, workspace, str(workspace / name))
    assert result.code == 0, result.err
    path = workspace / (name if name.endswith(".toml") else f"{name}.toml")
    assert tomllib.loads(path.read_text(encoding="utf-8"))["id"] == agenda_id
    validate(capsys, workspace, path)


# --- a new agenda that builds on another --------------------------------------------


def uncomment_removal(text: str) -> str:
    """The file with its commented-out `remove = true` example made active."""
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line == "# remove = true")
    for n in (at - 2, at - 1, at):
        lines[n] = lines[n].removeprefix("# ")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("parent_id", SHIPPED)
def test_an_extending_agenda_validates_and_changes_what_it_shows(
    capsys, workspace, agendas, parent_id, lang
):
    path = agendas / "var-versjon.toml"
    result = new(capsys, workspace, str(path), "--extends", parent_id, "--lang", lang)
    assert result.code == 0, result.err
    validate(capsys, workspace, path, lang)
    parent = load_agenda(parent_id, workspace)
    mine = load_agenda("var-versjon", workspace, lang)
    assert mine.extends == parent_id
    # the step whose texts are shown is as it was: the texts are there to edit
    changed = next(s for s in parent.steps if s.kind is StepKind.ROUND)
    assert mine.step(changed.id) == changed
    # one step added, right after it
    ids = [s.id for s in mine.steps]
    assert ids[ids.index(changed.id) + 1] == NEW_STEP
    assert [i for i in ids if i != NEW_STEP] == [s.id for s in parent.steps]
    assert mine.theme == parent.theme and mine.paragraphs == parent.paragraphs
    assert mine.title.nb == f"{parent.title.nb} (vår versjon)"
    assert mine.title.en == f"{parent.title.en} (our version)"

    # the removal, left commented out, works when made active
    path.write_text(uncomment_removal(path.read_text(encoding="utf-8")), encoding="utf-8")
    validate(capsys, workspace, path, lang)
    removed = load_agenda("var-versjon", workspace)
    assert "pause" in ids and "pause" not in [s.id for s in removed.steps]


def test_an_agenda_of_the_workspace_can_be_extended(capsys, workspace, agendas):
    assert new(capsys, workspace, str(agendas / "egen.toml")).code == 0
    assert new(capsys, workspace, str(agendas / "egen-kort.toml"), "--extends", "egen").code == 0
    validate(capsys, workspace, agendas / "egen-kort.toml")
    mine = load_agenda("egen-kort", workspace)
    assert mine.step("innsjekk") == load_agenda("egen", workspace).step("innsjekk")


# --- refusals -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_existing_file_is_not_written_over_without_force(capsys, workspace, lang):
    path = workspace / "mine.toml"
    path.write_text("# mine\n", encoding="utf-8")
    result = new(capsys, workspace, str(path), "--lang", lang)
    assert result.code == 2
    assert len(result.err_lines) == 1 and str(path) in result.err
    assert "--force" in result.err
    assert path.read_text(encoding="utf-8") == "# mine\n"
    assert new(capsys, workspace, str(path), "--force", "--lang", lang).code == 0
    validate(capsys, workspace, path)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("x.toml", "--extends", "kollegaveileding"), "kollegaveiledning"),  # did you mean
        (("x.toml", "--extends", "agendas/x.toml"), "--extends"),
        (("kollegaveiledning.toml", "--extends", "kollegaveiledning"), "kollegaveiledning"),
        (("no/such/folder/x.toml",), "no/such/folder"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_mistakes_are_one_line_and_exit_2(capsys, workspace, monkeypatch, args, words, lang):
    monkeypatch.chdir(workspace)
    result = new(capsys, workspace, *args, "--lang", lang)
    assert result.code == 2
    assert len(result.err_lines) == 1, result.err
    assert words in result.err
    assert list(workspace.iterdir()) == []  # nothing written


@pytest.mark.parametrize("lang", LANGS)
def test_a_fresh_workspace_gets_its_agendas_folder(capsys, workspace, monkeypatch, lang):
    # The README's own example, in a workspace that has no agendas/ yet.
    monkeypatch.chdir(workspace)
    result = new(capsys, workspace, "agendas/var-okt.toml", "--lang", lang)
    assert result.code == 0, result.err
    assert (workspace / "agendas").is_dir()
    assert result.out.splitlines()[0] == (
        "Laget mappen agendas." if lang == "nb" else "Made the folder agendas."
    )
    validate(capsys, workspace, workspace / "agendas" / "var-okt.toml", lang)
    assert load_agenda("var-okt", workspace, lang).id == "var-okt"


def test_a_refused_agenda_makes_no_agendas_folder(capsys, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    result = new(capsys, workspace, "agendas/x.toml", "--extends", "finnes-ikke")
    assert result.code == 2
    assert list(workspace.iterdir()) == []


def test_a_new_agenda_with_a_builtin_id_is_noted(capsys, workspace, agendas):
    result = new(capsys, workspace, str(agendas / "kollegaveiledning.toml"), "--lang", "en")
    assert result.code == 0
    assert "built-in" in result.out
    validate(capsys, workspace, agendas / "kollegaveiledning.toml")


@pytest.mark.parametrize("extends", [(), ("--extends", "kollegaveiledning")])
def test_following_the_schema_guidance_gives_a_header_directive(capsys, workspace, extends):
    """Taplo reads `#:schema` in the header: before any key, after comments only."""
    new(capsys, workspace, str(workspace / "a.toml"), *extends)
    lines = (workspace / "a.toml").read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith("#:schema ./agenda.schema.json"))
    lines[at] = "#" + lines[at].lstrip("# ")  # the "#" and the spaces taken off
    assert lines[at] == "#:schema ./agenda.schema.json"
    assert all(line == "" or line.startswith("#") for line in lines[:at])
    assert tomllib.loads("\n".join(lines)) == tomllib.loads("\n".join(lines[:at] + lines[at + 1 :]))
