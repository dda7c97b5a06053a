"""Finding an agenda by id reads only the file's top-level keys, and gets the same
id as reading the whole file, whatever comes before the first table."""

from __future__ import annotations

import tomllib

import pytest

from facilitator.agenda.registry import _peek_id, load_agenda
from facilitator.tomlfile import FileProblem

from conftest import REPO


@pytest.mark.parametrize("path", sorted((REPO / "agendas").glob("*.toml")), ids=lambda p: p.stem)
def test_the_shipped_agendas(path):
    assert _peek_id(path) == tomllib.loads(path.read_text(encoding="utf-8"))["id"]


@pytest.mark.parametrize(
    "text",
    [
        'id = "a"\n[title]\nnb = "x"\n',
        # a line inside a multi-line string or array that looks like a table
        'note = """\n[not a table]\n"""\nid = "a"\n[title]\nnb = "x"\n',
        'rows = [\n  ["x"],\n]\nid = "a"\n',
        '  [title]\nnb = "x"\n',
        'id = 3\n',
        'id = "a"\n[[steps]]\nid = "b"\n',
    ],
)
def test_the_same_id_as_the_whole_file(tmp_path, text):
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    whole = tomllib.loads(text).get("id")
    assert _peek_id(path) == (whole if isinstance(whole, str) else None)


def test_a_file_broken_below_its_id_is_found_and_its_fault_told(tmp_path):
    # Found by its id, so the loader says what is wrong and where (reading the whole
    # file to find the id said only that no agenda had it).
    folder = tmp_path / "agendas"
    folder.mkdir()
    (folder / "mine.toml").write_text('id = "mine"\n[title\n', encoding="utf-8")
    assert _peek_id(folder / "mine.toml") == "mine"
    with pytest.raises(FileProblem) as problem:
        load_agenda("mine", tmp_path, "en")
    assert "mine.toml:2:7: TOML syntax error" in str(problem.value)


def test_a_file_that_is_not_toml_at_the_top_has_no_id(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('id = "a\n[title]\n', encoding="utf-8")
    assert _peek_id(path) is None
