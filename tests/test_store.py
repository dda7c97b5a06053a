"""The session store: TOML files that survive crashes, stay private, and are
never written over when they cannot be read."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.errors import FacilitatorError, UserError
from facilitator.session.model import (
    Dilemma,
    Finding,
    FindingKind,
    FollowUp,
    Measure,
    MeasureStatus,
    NamesPolicy,
    Note,
    Session,
    new_session,
)
from facilitator.session.store import SessionStore, dumps_session, parse_session
from facilitator.stepclock import StepClock
from facilitator.tomlfile import MAX_FILE_BYTES, FileProblem

from strategies import TRICKY, default_agenda, sessions

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def make_session(
    title: str = "Ledergruppe Øst", day: date | None = None, notes: int = 1, people: int = 3
) -> Session:
    session = new_session(
        title,
        default_agenda(),
        NOW,
        [f"Deltaker {i} «æøå»" for i in range(1, people + 1)],
        unit="Hjemmetjenesten",
        day=day,
    )
    for i in range(notes):
        session.notes.append(
            Note(
                text=f'Notat {i}: «sitat» \\ og "mer"\nny linje',
                step_id="intro",
                created_at=NOW,
                person="p1",
            )
        )
    session.measures.append(
        Measure(
            what="Fast pause kl. 11",
            created_at=NOW,
            likelihood=3,
            consequence=4,
            follow_ups=[FollowUp(at=date(2026, 4, 1), status=MeasureStatus.IN_PROGRESS)],
        )
    )
    session.findings.append(Finding(kind=FindingKind.RISK, text="Høyt tempo", created_at=NOW))
    session.dilemmas.append(Dilemma(owner="p1", title="Vanskelig samtale", created_at=NOW))
    session.clocks["intro"] = StepClock(step_id="intro")
    session.clocks["intro"].start(default_agenda().step("intro"), NOW)
    return session


@contextmanager
def fresh_store(lang: str = "nb") -> Iterator[SessionStore]:
    """A store in a new folder, for hypothesis tests (function fixtures do not reset)."""
    with tempfile.TemporaryDirectory() as tmp:
        yield SessionStore(Path(tmp), lang)  # type: ignore[arg-type]


@pytest.fixture
def store(workspace: Path) -> SessionStore:
    return SessionStore(workspace)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def leftovers(folder: Path) -> list[str]:
    """Anything in the sessions folder that is not a session file."""
    return sorted(p.name for p in folder.iterdir() if p.suffix != ".toml")


def assert_clear_problem(exc: FileProblem, path: Path) -> None:
    """One or a few lines, each naming the file, none of them a traceback."""
    message = str(exc)
    assert isinstance(exc, UserError)
    assert exc.exit_code == 2
    assert exc.path == path
    assert exc.problems
    for line in message.splitlines():
        assert line.startswith(str(path)), line
    assert "Traceback" not in message
    assert 'File "' not in message
    assert "Error:" not in message  # no Python exception class names
    assert len(message.splitlines()) <= 6


# --- round trip -----------------------------------------------------------------


@PROPERTY
@given(sessions())
def test_dumps_then_parse_gives_the_same_session(session):
    text = dumps_session(session)
    assert text.startswith('format = "facilitator-session"\nschema_version = 2\n')
    data = tomllib.loads(text)
    assert parse_session(data, text, Path("x.toml"), "nb") == session


@PROPERTY
@given(sessions())
def test_save_then_load_gives_the_same_session(session):
    with fresh_store() as store:
        path = store.create(session)
        assert path == store.folder / f"{session.id}.toml"
        assert store.load(session.id) == session
        assert store.load(path) == session
        changed = session.model_copy(update={"updated_at": session.updated_at + timedelta(1)})
        store.save(changed)
        assert store.load(session.id) == changed


def test_tricky_texts_survive_the_round_trip(store):
    session = make_session()
    tricky = "".join(TRICKY)
    session.title = "«Øst» \"A\" \\ 'B' 🙂 שלום"
    session.notes.append(Note(text=tricky, step_id="intro", created_at=NOW))
    session.notes.append(Note(text="x\r\ny\n\n\tz", step_id="intro", created_at=NOW))
    store.create(session)
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.notes[-2].text == tricky.strip()


def test_every_file_carries_format_and_schema_version(store):
    path = store.create(make_session())
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "facilitator-session"
    assert data["schema_version"] == 2


def test_times_are_stored_with_their_time_zone(store):
    session = make_session()
    path = store.create(session)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["created_at"] == NOW
    assert data["created_at"].utcoffset() == timedelta(0)
    assert store.load(path).created_at.tzinfo is not None


def test_a_file_with_windows_line_endings_and_bom_still_loads(store):
    session = make_session()
    path = store.create(session)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert store.load(path) == session


# --- atomic, private writes --------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o000, 0o277])
def test_create_makes_an_owner_only_folder_and_file(workspace, umask):
    store = SessionStore(workspace / "new" / "ws")
    old = os.umask(umask)
    try:
        path = store.create(make_session())
    finally:
        os.umask(old)
    assert mode(store.folder) == 0o700
    assert mode(path) == 0o600
    assert leftovers(store.folder) == []


def test_save_keeps_folder_and_file_owner_only(store):
    session = make_session()
    path = store.create(session)
    session.title = "Nytt navn"
    store.save(session)
    assert mode(store.folder) == 0o700
    assert mode(path) == 0o600
    assert leftovers(store.folder) == []
    assert [p.name for p in store.folder.iterdir()] == [path.name]


def test_a_loose_sessions_folder_of_ours_is_tightened(store):
    store.folder.mkdir(mode=0o755)
    store.folder.chmod(0o755)
    path = store.create(make_session())
    assert mode(store.folder) == 0o700
    assert mode(path) == 0o600
    store.folder.chmod(0o755)
    store.save(store.load(path))
    assert mode(store.folder) == 0o700


def test_a_file_made_readable_by_others_is_private_again_after_save(store):
    path = store.create(make_session())
    path.chmod(0o644)
    store.save(store.load(path))
    assert mode(path) == 0o600


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to hand the folder to another user")
def test_a_folder_owned_by_someone_else_is_left_as_it_is(store):
    store.folder.mkdir(mode=0o755)
    store.folder.chmod(0o755)
    os.chown(store.folder, 65534, 65534)
    path = store.create(make_session())
    assert mode(store.folder) == 0o755
    assert mode(path) == 0o600


def _fail_fsync(monkeypatch, exc: BaseException) -> None:
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise exc
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _fail_write(monkeypatch, exc: BaseException) -> None:
    real = os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *args):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise exc

        def flush(self):
            self.handle.flush()

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Failing(real(fd, *a, **k)))


def _fail_rename(monkeypatch, exc: BaseException) -> None:
    def replace(self, target):
        raise exc

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(os, "replace", lambda *a, **k: replace(None, None))
    monkeypatch.setattr(os, "rename", lambda *a, **k: replace(None, None))


FAILURES = {"fsync": _fail_fsync, "write": _fail_write, "rename": _fail_rename}


@pytest.mark.parametrize("where", FAILURES)
def test_a_failed_save_leaves_the_old_file_and_no_temp_file(store, monkeypatch, where):
    session = make_session()
    path = store.create(session)
    before = path.read_bytes()
    session.title = "Endret"
    FAILURES[where](monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError) as info:
        store.save(session)
    monkeypatch.undo()
    assert not isinstance(info.value, FacilitatorError)
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == before
    assert leftovers(store.folder) == []
    assert store.load(path).title == "Ledergruppe Øst"


@pytest.mark.parametrize("where", FAILURES)
def test_a_failed_create_leaves_nothing(store, monkeypatch, where):
    FAILURES[where](monkeypatch, OSError(errno.EIO, "I/O error"))
    with pytest.raises(OSError):
        store.create(make_session())
    monkeypatch.undo()
    assert list(store.folder.iterdir()) == []


def test_an_interrupt_during_write_leaves_the_old_file(store, monkeypatch):
    session = make_session()
    path = store.create(session)
    before = path.read_bytes()
    _fail_write(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        store.save(session)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(store.folder) == []


def test_a_folder_that_cannot_be_fsynced_does_not_fail_the_save(store, monkeypatch):
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    session = make_session()
    store.create(session)
    assert store.load(session.id) == session


def test_save_fsyncs_the_file_and_the_folder(store, monkeypatch):
    kinds = []
    real = os.fsync

    def fsync(fd: int) -> None:
        kinds.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    store.create(make_session())
    assert kinds == ["file", "dir"]


# --- files that cannot be read --------------------------------------------------

SESSION = make_session(notes=3)
GOOD = dumps_session(SESSION).encode("utf-8")


def write_file(store: SessionStore, content: bytes, name: str = "skadet.toml") -> Path:
    store.folder.mkdir(parents=True, exist_ok=True)
    path = store.folder / name
    path.write_bytes(content)
    return path


def assert_refused(store: SessionStore, path: Path) -> FileProblem:
    """`load` refuses with a clear FileProblem and neither it nor listing,
    creating or resolving changes the file."""
    before = snapshot(path)
    with pytest.raises(FileProblem) as info:
        store.load(path)
    assert_clear_problem(info.value, path)
    entry = next(e for e in store.entries() if e.path == path)
    assert entry.session is None
    assert entry.problem is not None
    assert entry.problem.startswith(str(path))
    assert snapshot(path) == before
    return info.value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_truncated_file_is_refused_wherever_it_was_cut(data):
    cut = data.draw(st.integers(0, len(GOOD) - 1), label="cut")
    truncated = GOOD[:cut]
    if truncated.rstrip() == GOOD.rstrip():
        return  # only trailing white space is gone: nothing was lost
    with fresh_store() as store:
        path = write_file(store, truncated, f"{SESSION.id}.toml")
        exc = assert_refused(store, path)
        message = str(exc)
        if "TOML" in message:
            # a syntax error says where: a line, or the end of the file
            assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", message) or (
                "slutt" in message or "end of the file" in message
            ), message


def test_a_file_cut_at_any_line_end_is_refused(tmp_path):
    """Cuts between entries are valid TOML: only the closing line can tell."""
    store = SessionStore(tmp_path)
    ends = [i + 1 for i, byte in enumerate(GOOD) if byte == ord("\n")]
    for cut in [0, *ends[:-1]]:
        path = write_file(store, GOOD[:cut], "cut.toml")
        with pytest.raises(FileProblem) as info:
            store.load(path)
        assert_clear_problem(info.value, path)


@PROPERTY
@given(sessions(max_items=2), st.floats(0, 1, exclude_max=True))
def test_any_session_file_cut_short_is_refused(session, where):
    good = dumps_session(session).encode("utf-8")
    truncated = good[: int(len(good) * where)]
    if truncated.rstrip() == good.rstrip():
        return
    with fresh_store() as store:
        path = write_file(store, truncated)
        assert_refused(store, path)


@PROPERTY
@given(st.binary(max_size=2000))
@example(b"")
@example(b"\x00\x01\x02")
@example(b"\xff\xfe" + "format".encode("utf-16-le"))
@example(b"x = " + b"[" * 5000)
@example(b"x = " + b"{a = " * 5000)
@example(b'format = "facilitator-session"\n' + b"[" * 5000)
def test_garbage_is_refused(garbage):
    with fresh_store() as store:
        path = write_file(store, garbage)
        assert_refused(store, path)


def test_invalid_utf8_names_the_line(store):
    path = write_file(store, GOOD.replace(b"Hjemmetjenesten", b"Hjemmetjenest\xe6n"))
    line = GOOD[: GOOD.index(b"Hjemmetjenesten")].count(b"\n") + 1
    exc = assert_refused(store, path)
    assert str(exc).startswith(f"{path}:{line}: ")
    assert "UTF-8" in str(exc)


def test_a_syntax_error_names_the_line(store):
    lines = GOOD.decode().splitlines(keepends=True)
    lines.insert(6, "dette er ikke toml\n")
    path = write_file(store, "".join(lines).encode())
    exc = assert_refused(store, path)
    assert str(exc).startswith(f"{path}:7:")
    assert "TOML" in str(exc)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"a = 1\n", "ikke en øktfil"),
        (b'format = "facilitator-agenda"\nschema_version = 1\n', "ikke en øktfil"),
        (b"format = 1\n", "ikke en øktfil"),
        (GOOD.replace(b'format = "facilitator-session"\n', b""), "ikke en øktfil"),
        (b"", "tom"),
        (b"\n\n  \n", "tom"),
    ],
)
def test_a_file_that_is_not_a_session_is_called_foreign(store, content, words):
    path = write_file(store, content)
    exc = assert_refused(store, path)
    assert words in str(exc)


def test_an_agenda_file_is_not_a_session(store):
    agenda_file = Path(__file__).resolve().parent.parent / "agendas" / "kollegaveiledning.toml"
    path = write_file(store, agenda_file.read_bytes())
    assert "ikke en øktfil" in str(assert_refused(store, path))


@pytest.mark.parametrize("version", [3, 17, 10**9])
def test_a_newer_schema_version_asks_for_an_upgrade(store, version):
    path = write_file(
        store, GOOD.replace(b"schema_version = 2\n", f"schema_version = {version}\n".encode(), 1)
    )
    exc = assert_refused(store, path)
    assert "nyere" in str(exc)
    assert str(version) in str(exc)


def test_a_newer_file_is_recognised_even_if_the_rest_has_changed(store):
    path = write_file(
        store, b'format = "facilitator-session"\nschema_version = 3\n[whatever]\nnew = true\n'
    )
    assert "nyere" in str(assert_refused(store, path))


@pytest.mark.parametrize("version", [b"0", b"-1", b'"1"', b"true", b"1.0", b"[1]"])
def test_a_strange_schema_version_is_refused(store, version):
    path = write_file(
        store, GOOD.replace(b"schema_version = 2\n", b"schema_version = " + version + b"\n", 1)
    )
    assert_refused(store, path)


def test_a_missing_schema_version_is_refused(store):
    path = write_file(store, GOOD.replace(b"schema_version = 2\n", b"", 1))
    assert "schema_version" in str(assert_refused(store, path))


def _replace_line(text: bytes, key: bytes, new: bytes) -> tuple[bytes, int]:
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(key + b" = "))
    lines[index] = new + b"\n"
    return b"".join(lines), index + 1


@pytest.mark.parametrize(
    ("key", "new", "field"),
    [
        (b"title", b"title = 5", "title"),
        (b"title", b'title = ""', "title"),
        (b"date", 'date = "i går"'.encode(), "date"),
        (b"risk_scale", b"risk_scale = 4", "risk_scale"),
        (b"lang", b'lang = "sv"', "lang"),
        (b"risk_scale", b'risk_scale = "fem"', "risk_scale"),
        (b"created_at", b"created_at = 2026-03-02T08:00:00", "created_at"),
        (b"updated_at", 'updated_at = "nå"'.encode(), "updated_at"),
        (b"names_policy", b'names_policy = "ja"', "names_policy"),
        (b"unit", b'unit = "a\\u0000b"', "unit"),
        (b"id", b'id = "../../etc/passwd"', "id"),
    ],
)
def test_a_wrong_type_names_the_field_and_line(store, key, new, field):
    content, line = _replace_line(GOOD, key, new)
    path = write_file(store, content)
    exc = assert_refused(store, path)
    assert exc.problems[0] == (f"{path}: øktfilen er skadet eller ufullstendig og blir ikke endret")
    assert any(p.startswith(f"{path}:{line}: {field}") for p in exc.problems[1:]), exc.problems


def test_a_wrong_type_in_a_note_names_the_note(store):
    text = GOOD.decode()
    first_note = text.index("[[notes]]")
    broken = text[:first_note] + text[first_note:].replace('kind = "note"', 'kind = "rant"', 1)
    path = write_file(store, broken.encode())
    exc = assert_refused(store, path)
    line = broken[: broken.index('kind = "rant"')].count("\n") + 1
    assert any(p.startswith(f"{path}:{line}: notes[0]") and ".kind: " in p for p in exc.problems), (
        exc.problems
    )


def test_a_rule_broken_across_fields_is_explained(store):
    content, _ = _replace_line(GOOD, b"risk_scale", b"risk_scale = 3")
    path = write_file(store, content)
    exc = assert_refused(store, path)
    assert "1 to 3" in str(exc) or "1 til 3" in str(exc)


def test_an_unknown_field_is_refused(store):
    path = write_file(store, GOOD.replace(b"lang = ", b'mood = "glad"\nlang = ', 1))
    assert "mood" in str(assert_refused(store, path))


def test_a_folder_in_place_of_a_file_is_refused(store):
    store.folder.mkdir(parents=True)
    path = store.folder / "mappe.toml"
    path.mkdir()
    with pytest.raises(FileProblem) as info:
        store.load(path)
    assert_clear_problem(info.value, path)
    assert next(e for e in store.entries() if e.path == path).problem


@pytest.mark.skipif(os.getuid() == 0, reason="root can read anything")
def test_an_unreadable_file_is_refused(store):
    path = write_file(store, GOOD)
    path.chmod(0)
    assert_refused(store, path)


def test_a_missing_file_is_a_clear_problem(store):
    path = store.folder / "borte.toml"
    with pytest.raises(FileProblem) as info:
        store.load(path)
    assert_clear_problem(info.value, path)


def test_problems_are_in_english_when_asked(workspace):
    store = SessionStore(workspace, "en")
    foreign = write_file(store, b"a = 1\n", "a.toml")
    assert "not a facilitator session file" in str(assert_refused(store, foreign))
    newer = write_file(store, GOOD.replace(b"schema_version = 2", b"schema_version = 3"), "b.toml")
    assert "newer" in str(assert_refused(store, newer))
    content, _ = _replace_line(GOOD, b"title", b"title = 5")
    broken = write_file(store, content, "c.toml")
    assert "damaged or incomplete" in str(assert_refused(store, broken))
    cut = write_file(store, GOOD[: len(GOOD) // 2], "d.toml")
    assert_refused(store, cut)


def test_create_never_replaces_an_existing_file(store):
    session = make_session()
    path = store.create(session)
    before = snapshot(path)
    with pytest.raises(UserError, match="finnes allerede"):
        store.create(session)
    assert snapshot(path) == before


def test_create_never_replaces_a_broken_file(store):
    session = make_session()
    path = write_file(store, b"\x00garbage", f"{session.id}.toml")
    before = snapshot(path)
    with pytest.raises(UserError):
        store.create(session)
    assert snapshot(path) == before
    assert leftovers(store.folder) == []


def test_a_session_too_large_to_read_back_is_not_written(store):
    session = make_session(notes=0)
    path = store.create(session)
    before = snapshot(path)
    big = "ø" * 9_000
    session.notes = [
        Note(text=big, step_id="intro", created_at=NOW) for _ in range(MAX_FILE_BYTES // 15_000)
    ]
    with pytest.raises(UserError):
        store.save(session)
    assert snapshot(path) == before
    assert leftovers(store.folder) == []


def test_a_session_broken_in_place_is_not_written(store):
    """pydantic does not see `list.append`; save checks the rules before writing,
    since load would refuse the file afterwards."""
    session = make_session()
    session.measures.clear()
    session.risk_scale = 3
    path = store.create(session)
    before = snapshot(path)
    session.measures.append(Measure(what="x", created_at=NOW, likelihood=5))
    with pytest.raises(ValueError, match="1 to 3"):
        store.save(session)
    assert snapshot(path) == before
    assert leftovers(store.folder) == []


# --- listing --------------------------------------------------------------------


def test_entries_lists_good_and_broken_files_newest_first(store):
    old = make_session("Gammel", day=date(2025, 1, 1))
    new = make_session("Ny", day=date(2026, 6, 1))
    store.create(old)
    store.create(new)
    broken = write_file(store, GOOD[:100], "2099-01-01-skadet-0000.toml")
    foreign = write_file(store, b"a = 1\n", "fremmed.toml")
    lock = store.lock(new).acquire()
    try:
        entries = store.entries()
    finally:
        lock.release()
    good = [e.session.id for e in entries if e.session]
    assert good == [new.id, old.id]
    bad = {e.path: e.problem for e in entries if e.session is None}
    assert set(bad) == {broken, foreign}
    assert all(problem and problem.startswith(str(path)) for path, problem in bad.items())
    assert len(entries) == 4  # no lock or temp files


def test_entries_of_a_workspace_without_sessions(workspace):
    assert SessionStore(workspace).entries() == []


# --- finding a session -----------------------------------------------------------


@pytest.fixture
def three(store: SessionStore) -> list[Path]:
    paths = []
    for title, day in [("Øst", date(2026, 3, 2)), ("Vest", date(2026, 3, 2)), ("Nord", None)]:
        paths.append(store.create(make_session(title, day=day or date(2025, 1, 1))))
    return paths


def test_resolve_by_id(store, three):
    for path in three:
        assert store.resolve(path.stem) == path


def test_resolve_by_unique_prefix(store, three):
    east = three[0]
    assert store.resolve("2026-03-02-ost") == east
    assert store.resolve("2025") == three[2]
    assert store.load("2025").title == "Nord"


def test_resolve_by_path(store, three, monkeypatch):
    assert store.resolve(str(three[0])) == three[0]
    monkeypatch.chdir(store.workspace)
    relative = f"sessions{os.sep}{three[1].name}"
    assert store.resolve(relative) == Path(relative)
    assert store.load(relative).title == "Vest"
    monkeypatch.chdir(store.folder)
    assert store.load(three[2].name).title == "Nord"


def test_an_exact_id_wins_over_longer_ones(store):
    a = make_session("A", day=date(2026, 1, 1))
    b = a.model_copy(update={"id": a.id + "x"})
    store.create(a)
    store.create(b)
    assert store.resolve(a.id) == store.path_for(a.id)


def test_an_ambiguous_prefix_is_a_user_error(store, three):
    with pytest.raises(UserError) as info:
        store.resolve("2026-03-02")
    message = str(info.value)
    assert "flere" in message
    assert three[0].stem in message
    assert three[1].stem in message
    assert info.value.exit_code == 2


@pytest.mark.parametrize("ref", ["2027", "finnes-ikke", "*", "2026*", "[0-9]*", "?", ""])
def test_an_unknown_session_is_a_user_error(store, three, ref):
    with pytest.raises(UserError) as info:
        store.resolve(ref)
    assert "finner ingen" in str(info.value)


def test_resolve_without_a_sessions_folder(workspace):
    with pytest.raises(UserError):
        SessionStore(workspace).resolve("noe")


def test_resolve_messages_in_english(workspace, three):
    store = SessionStore(workspace, "en")
    with pytest.raises(UserError, match="no session"):
        store.resolve("nope")
    with pytest.raises(UserError, match="matches several"):
        store.resolve("2026")


def test_a_missing_path_is_a_file_problem(store):
    with pytest.raises(FileProblem):
        store.load(str(store.folder / "borte.toml"))


# --- size -----------------------------------------------------------------------


def test_a_session_with_500_notes_saves_and_loads(store, capsys):
    session = make_session(notes=0, people=8)
    steps = [s.id for s in default_agenda().steps]
    for i in range(500):
        session.notes.append(
            Note(
                text=f"Notat {i}: Vi snakket om arbeidspress og «forutsigbarhet» i turnusen. "
                "Tiltak: faste møter, bedre overlapp. 🙂 " * 2,
                step_id=steps[i % len(steps)],
                person=f"p{i % 8 + 1}",
                created_at=NOW + timedelta(seconds=i),
            )
        )
    path = store.create(session)
    t0 = time.perf_counter()
    store.save(session)
    t1 = time.perf_counter()
    loaded = store.load(path)
    t2 = time.perf_counter()
    assert loaded == session
    assert len(loaded.notes) == 500
    with capsys.disabled():
        print(
            f"\n500 notes, {path.stat().st_size // 1024} KiB: "
            f"save {1000 * (t1 - t0):.1f} ms, load {1000 * (t2 - t1):.1f} ms"
        )


# --- version 1 files ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "policy"), [(b"false", NamesPolicy.NONE), (b"true", NamesPolicy.EVERYONE)]
)
def test_a_version_1_file_reads_as_it_did(store, flag, policy):
    """Version 1 kept `names_in_management_export`: false let no name out (owners
    included), true every name; the file reads with the same rule, and is saved as
    version 2 with the room's zone the product's default."""
    v1 = GOOD.replace(b"schema_version = 2\n", b"schema_version = 1\n", 1).replace(
        b'names_policy = "owners"\n', b"names_in_management_export = " + flag + b"\n", 1
    )
    v1 = re.sub(rb'(?m)^(time_zone|history_names|owner_role) = .*\n', b"", v1)
    assert b"names_policy" not in v1 and b"time_zone" not in v1
    path = write_file(store, v1)
    loaded = store.load(path)
    assert loaded.names_policy is policy and loaded.time_zone == "Europe/Oslo"
    store.save(loaded, path)
    again = tomllib.loads(path.read_text(encoding="utf-8"))
    assert again["schema_version"] == 2 and again["names_policy"] == policy.value
    assert "names_in_management_export" not in again


def test_a_version_2_file_with_the_old_flag_is_refused(store):
    path = write_file(
        store, GOOD.replace(b'names_policy = "owners"\n', b"names_in_management_export = true\n")
    )
    assert "names_in_management_export" in str(assert_refused(store, path))
