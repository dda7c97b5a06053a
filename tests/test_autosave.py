"""The autosaver: every change reaches the disk, bursts cost few writes, and a
failing disk keeps the data and is retried until it works.

Nothing here sleeps: the tests wait on `flush(timeout=...)` or on statuses the
saver reports, and hold the writer with events where the order matters."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import facilitator.atomic
import facilitator.session.store
from facilitator.errors import UserError
from facilitator.session.autosave import AutoSaver, SaveStatus
from facilitator.session.model import Note, Session, new_session
from facilitator.session.store import SessionStore

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
WAIT = 10.0
"""Upper bound for waiting on the worker; a passing test never waits this long."""


class Statuses:
    """Collects what the saver reports, and lets a test wait for a status."""

    def __init__(self) -> None:
        self.seen: list[SaveStatus] = []
        self._cond = threading.Condition()

    def __call__(self, status: SaveStatus) -> None:
        with self._cond:
            self.seen.append(status)
            self._cond.notify_all()

    def wait_for(self, pred: Callable[[SaveStatus], bool]) -> SaveStatus:
        with self._cond:
            assert self._cond.wait_for(lambda: any(pred(s) for s in self.seen), WAIT)
            return next(s for s in reversed(self.seen) if pred(s))

    def clear(self) -> None:
        with self._cond:
            self.seen.clear()


class Disk:
    """`write_atomic` that fails with a full disk while `full` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.attempts = 0
        self._real = facilitator.session.store.write_atomic
        monkeypatch.setattr(facilitator.session.store, "write_atomic", self)

    def __call__(self, path: Path, data: bytes, **options: Any) -> None:
        self.attempts += 1
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._real(path, data, **options)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path)


@pytest.fixture
def session(default_agenda: Any) -> Session:
    return new_session("Ledergruppe Øst", default_agenda, NOW, ["Kari", "Ola", "Per", "Lise"])


@pytest.fixture
def savers() -> Iterator[list[AutoSaver]]:
    """Stops every saver a test made, even a failing one."""
    made: list[AutoSaver] = []
    yield made
    for saver in made:
        saver.close(timeout=0)


def make(savers: list[AutoSaver], store: SessionStore, **kw: Any) -> AutoSaver:
    saver = AutoSaver(store, **kw)
    savers.append(saver)
    return saver


def snapshot(session: Session, note: str | None = None) -> dict[str, Any]:
    if note is not None:
        session.notes.append(Note(text=note, step_id="intro", created_at=NOW))
    return session.model_dump(mode="python", exclude_none=True)


def test_a_snapshot_reaches_the_disk_and_loads_back_equal(
    store: SessionStore, session: Session, savers: list[AutoSaver]
) -> None:
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses)
    assert saver.status == SaveStatus(pending=False, error=None, saves=0)
    saver.submit(snapshot(session, "Første notat «æøå»"))
    assert saver.flush(timeout=WAIT)
    assert store.load(session.id) == session
    assert saver.status == SaveStatus(pending=False, error=None, saves=1)
    assert statuses.seen[-1] == SaveStatus(pending=False, error=None, saves=1)


def test_a_given_path_is_used(
    store: SessionStore, session: Session, savers: list[AutoSaver], tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere" / "mine.toml"
    saver = make(savers, store, path=target)
    saver.submit(snapshot(session))
    assert saver.flush(timeout=WAIT)
    assert store.load(target) == session
    assert not store.path_for(session.id).exists()


def test_a_burst_coalesces_and_the_last_snapshot_wins(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entered, release = threading.Event(), threading.Event()
    written: list[int] = []
    real = store.save_dump

    def slow_save(dump: dict[str, Any], path: Path | None = None) -> Path:
        written.append(len(dump.get("notes", [])))
        if len(written) == 1:
            entered.set()
            assert release.wait(WAIT)
        return real(dump, path)

    monkeypatch.setattr(store, "save_dump", slow_save)
    saver = make(savers, store)
    saver.submit(snapshot(session, "0"))
    assert entered.wait(WAIT)  # the first write is under way
    for i in range(1, 51):
        saver.submit(snapshot(session, str(i)))
    assert saver.status.pending
    release.set()
    assert saver.flush(timeout=WAIT)
    assert written == [1, 51]  # the first and the newest; the 49 between never written
    assert saver.status.saves == 2
    assert store.load(session.id) == session
    assert store.load(session.id).notes[-1].text == "50"


def test_many_quick_submits_end_with_the_newest_on_disk(
    store: SessionStore, session: Session, savers: list[AutoSaver]
) -> None:
    saver = make(savers, store)
    for i in range(100):
        saver.submit(snapshot(session, f"notat {i}"))
    assert saver.flush(timeout=WAIT)
    assert 1 <= saver.status.saves <= 100
    assert store.load(session.id) == session


def test_a_full_disk_keeps_the_data_and_the_retry_writes_the_newest(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disk = Disk(monkeypatch)
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=3600)
    saver.submit(snapshot(session, "lagret"))
    assert saver.flush(timeout=WAIT)
    on_disk = store.path_for(session.id).read_bytes()

    disk.full = True
    saver.submit(snapshot(session, "mens disken er full"))
    failed = statuses.wait_for(lambda s: s.error is not None)
    assert failed.pending
    assert failed.saves == 1
    assert "No space left on device" in failed.error  # type: ignore[operator]
    assert str(store.path_for(session.id)) in failed.error  # type: ignore[operator]
    assert not saver.flush(timeout=0.05)  # the data is not on disk, and says so
    assert saver.status.pending and saver.status.error == failed.error
    assert store.path_for(session.id).read_bytes() == on_disk  # the old file is untouched

    # a newer change while the disk is full: it replaces the kept one and is tried at once
    attempts = disk.attempts
    statuses.clear()
    saver.submit(snapshot(session, "nyeste"))
    statuses.wait_for(lambda s: s.error is not None)
    assert disk.attempts == attempts + 1

    disk.full = False
    statuses.clear()
    saver.retry_now()
    ok = statuses.wait_for(lambda s: s.error is None)
    assert ok == SaveStatus(pending=False, error=None, saves=2)
    assert saver.flush(timeout=WAIT)
    loaded = store.load(session.id)
    assert loaded == session
    assert [n.text for n in loaded.notes] == ["lagret", "mens disken er full", "nyeste"]


def test_the_retry_comes_by_itself(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disk = Disk(monkeypatch)
    disk.full = True
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=0.01)
    saver.submit(snapshot(session, "venter"))
    statuses.wait_for(lambda s: s.error is not None)
    disk.full = False
    assert statuses.wait_for(lambda s: s.error is None).saves == 1
    assert saver.flush(timeout=WAIT)
    assert store.load(session.id) == session
    assert disk.attempts >= 2


def test_retry_now_right_after_a_failure_is_not_lost(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The failure is reported before the worker starts waiting to retry; a
    `retry_now` in between (here: from the listener itself) must still cut the
    wait short rather than leave the data waiting for `retry_seconds`."""
    disk = Disk(monkeypatch)
    saver: AutoSaver | None = None

    def fix_and_retry(status: SaveStatus) -> None:
        if status.error is not None:
            disk.full = False
            assert saver is not None
            saver.retry_now()

    saver = make(savers, store, on_status=fix_and_retry, retry_seconds=3600)
    for i in range(5):
        disk.full = True
        saver.submit(snapshot(session, f"runde {i}"))
        assert saver.flush(timeout=WAIT), i
    assert saver.status == SaveStatus(pending=False, error=None, saves=5)
    assert disk.attempts == 10
    assert store.load(session.id) == session


def test_a_store_error_and_a_bug_are_reported_and_retried(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = store.save_dump
    problem: list[Exception] = [UserError("økta er for stor til å lagres")]

    def save_dump(dump: dict[str, Any], path: Path | None = None) -> Path:
        if problem:
            raise problem[0]
        return real(dump, path)

    monkeypatch.setattr(store, "save_dump", save_dump)
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=3600)
    saver.submit(snapshot(session))
    assert statuses.wait_for(lambda s: s.error is not None).error == "økta er for stor til å lagres"
    statuses.clear()
    problem[0] = ValueError("oops")
    saver.retry_now()
    assert statuses.wait_for(lambda s: s.error is not None).error == "ValueError: oops"
    problem.clear()
    saver.retry_now()
    assert saver.flush(timeout=WAIT)
    assert store.load(session.id) == session


def test_close_flushes_and_stops(
    store: SessionStore, session: Session, savers: list[AutoSaver]
) -> None:
    saver = make(savers, store)
    saver.submit(snapshot(session, "siste"))
    assert saver.close(timeout=WAIT)
    assert store.load(session.id) == session
    assert not saver._thread.is_alive()
    with pytest.raises(RuntimeError):
        saver.submit(snapshot(session))
    assert saver.close(timeout=WAIT)  # twice is harmless


def test_close_with_a_failing_disk_says_data_is_unsaved(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disk = Disk(monkeypatch)
    disk.full = True
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=3600)
    saver.submit(snapshot(session))
    statuses.wait_for(lambda s: s.error is not None)
    assert not saver.close(timeout=0.05)
    saver._thread.join(WAIT)
    assert not saver._thread.is_alive()
    assert saver.status.pending
    assert not store.path_for(session.id).exists()


def test_a_listener_that_raises_does_not_stop_the_saving(
    store: SessionStore, session: Session, savers: list[AutoSaver]
) -> None:
    calls: list[SaveStatus] = []

    def broken(status: SaveStatus) -> None:
        calls.append(status)
        raise RuntimeError("the screen is gone")

    saver = make(savers, store, on_status=broken)
    for i in range(3):
        saver.submit(snapshot(session, f"notat {i}"))
        assert saver.flush(timeout=WAIT)
    assert saver.status.saves == 3
    assert len(calls) == 3
    assert store.load(session.id) == session


def test_a_write_that_fails_midway_leaves_the_old_file_whole(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=3600)
    saver.submit(snapshot(session, "gammel"))
    assert saver.flush(timeout=WAIT)
    path = store.path_for(session.id)
    old = path.read_bytes()
    written: list[int] = []
    real_fdopen = facilitator.atomic.os.fdopen

    class HalfWriter:
        """A file that takes half the data, then finds the disk full."""

        def __init__(self, fd: int, mode: str) -> None:
            self._file = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def fileno(self) -> int:
            return self._file.fileno()

        def write(self, data: bytes) -> int:
            self._file.write(data[: len(data) // 2])
            self._file.flush()
            written.append(len(data) // 2)
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(facilitator.atomic.os, "fdopen", HalfWriter)
    saver.submit(snapshot(session, "ny"))
    statuses.wait_for(lambda s: s.error is not None)
    monkeypatch.undo()
    assert written and written[0] > 0
    assert path.read_bytes() == old
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []

    saver.retry_now()
    assert saver.flush(timeout=WAIT)
    assert store.load(session.id) == session


def test_a_failed_fsync_leaves_the_old_file_and_no_temp_file(
    store: SessionStore,
    session: Session,
    savers: list[AutoSaver],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statuses = Statuses()
    saver = make(savers, store, on_status=statuses, retry_seconds=3600)
    saver.submit(snapshot(session, "gammel"))
    assert saver.flush(timeout=WAIT)
    path = store.path_for(session.id)
    old = path.read_bytes()

    def no_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(facilitator.atomic.os, "fsync", no_fsync)
    saver.submit(snapshot(session, "ny"))
    assert "Input/output error" in statuses.wait_for(lambda s: s.error is not None).error  # type: ignore[operator]
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_the_file_on_disk_is_always_a_whole_snapshot(
    store: SessionStore, session: Session, savers: list[AutoSaver]
) -> None:
    """Read the file between submits while the worker writes: every read is a
    whole session, one of those submitted, never a mix or a cut."""
    saver = make(savers, store)
    saver.submit(snapshot(session, "0"))
    assert saver.flush(timeout=WAIT)
    path = store.path_for(session.id)
    for i in range(1, 60):
        loaded = store.load(path)
        texts = [n.text for n in loaded.notes]
        assert texts == [str(k) for k in range(len(texts))]
        assert 1 <= len(texts) <= i
        saver.submit(snapshot(session, str(i)))
    assert saver.flush(timeout=WAIT)
    assert store.load(path) == session
