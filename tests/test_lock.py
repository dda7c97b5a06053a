"""One process per session: a second opener is refused and told who holds it; a
lock left by a killed process is taken over."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from facilitator.errors import RuntimeFailure, SessionLocked
from facilitator.session.lock import SessionLock
from facilitator.session.store import SessionStore

SID = "2026-03-02-ledergruppe-ost-abcd"

# Takes the lock, says so, and holds it until told (a line on stdin) or killed.
HOLDER = """
import sys
from pathlib import Path
from facilitator.errors import SessionLocked
from facilitator.session.lock import SessionLock

lock = SessionLock(Path(sys.argv[1]), sys.argv[2])
try:
    lock.acquire()
except SessionLocked as exc:
    print("refused", exc, flush=True)
    raise SystemExit(0)
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


class Holder:
    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), SID],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.pid = self.proc.pid

    def line(self) -> str:
        """The child's next line: waiting on it is the condition, no sleeping."""
        assert self.proc.stdout is not None
        out = self.proc.stdout.readline()
        if not out:
            _, err = self.proc.communicate(timeout=30)
            pytest.fail(f"holder process ended without a word: {err}")
        return out.strip()

    def tell(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=30)


@contextmanager
def holder(path: Path) -> Iterator[Holder]:
    h = Holder(path)
    try:
        yield h
    finally:
        h.close()


@pytest.fixture
def lock_path(workspace: Path) -> Path:
    return SessionStore(workspace).lock(SID).path


def test_a_lock_is_held_and_released(lock_path):
    lock = SessionLock(lock_path, SID)
    assert not lock.held
    lock.acquire()
    assert lock.held
    assert lock.took_over is None
    assert lock_path.exists()
    assert stat.S_IMODE(lock_path.stat().st_mode) == 0o600
    assert f"pid = {os.getpid()}" in lock_path.read_text()
    lock.release()
    assert not lock.held
    assert not lock_path.exists()
    lock.release()  # twice is harmless


def test_store_lock_makes_the_private_folder(workspace):
    lock = SessionStore(workspace).lock(SID)
    assert lock.path == workspace / "sessions" / f"{SID}.lock"
    assert stat.S_IMODE(lock.path.parent.stat().st_mode) == 0o700


def test_a_second_lock_in_the_same_process_is_refused(lock_path):
    with SessionLock(lock_path, SID):
        with pytest.raises(SessionLocked) as info:
            SessionLock(lock_path, SID).acquire()
        assert f"pid {os.getpid()}" in str(info.value)
        assert SID in str(info.value)
        assert isinstance(info.value, RuntimeFailure)
        assert lock_path.exists()  # the refused one did not remove the holder's file
    assert not lock_path.exists()
    with SessionLock(lock_path, SID) as again:
        assert again.held


def test_acquiring_twice_with_one_lock_is_harmless(lock_path):
    lock = SessionLock(lock_path, SID)
    lock.acquire()
    try:
        assert lock.acquire() is lock
        assert lock.held
    finally:
        lock.release()
    assert not lock_path.exists()


def test_a_lock_held_by_another_process_is_refused_with_its_pid(lock_path):
    with holder(lock_path) as other:
        assert other.line() == "locked"
        with pytest.raises(SessionLocked) as info:
            SessionLock(lock_path, SID).acquire()
        message = str(info.value)
        assert f"pid {other.pid}" in message
        assert "åpen i en annen facilitator-prosess" in message
        with pytest.raises(SessionLocked, match=f"pid {other.pid}.*close it there first"):
            SessionLock(lock_path, SID, "en").acquire()
        other.tell()
        assert other.line() == "released"
    lock = SessionLock(lock_path, SID).acquire()
    assert lock.took_over is None  # a clean release leaves nothing to take over
    lock.release()


def test_another_process_is_refused_while_we_hold_the_lock(lock_path):
    with SessionLock(lock_path, SID), holder(lock_path) as other:
        answer = other.line()
        assert answer.startswith("refused")
        assert f"pid {os.getpid()}" in answer


def test_a_lock_left_by_a_killed_process_is_taken_over(lock_path):
    with holder(lock_path) as other:
        assert other.line() == "locked"
        other.kill()
        assert lock_path.exists()  # SIGKILL leaves the file behind
        lock = SessionLock(lock_path, SID).acquire()
    try:
        assert lock.took_over is not None
        assert lock.took_over.pid == other.pid
        assert lock.took_over.host
        assert lock.took_over.since is not None
        assert f"pid = {os.getpid()}" in lock_path.read_text()
    finally:
        lock.release()
    assert not lock_path.exists()


def test_a_lock_file_with_rubbish_in_it_is_taken(lock_path):
    lock_path.write_bytes(b"\xff\x00 not toml [[")
    with SessionLock(lock_path, SID) as lock:
        assert lock.took_over is None


def test_took_over_is_forgotten_on_the_next_acquire(lock_path):
    lock_path.write_text('pid = 999999\nhost = "gone"\n')
    lock = SessionLock(lock_path, SID)
    lock.acquire()
    assert lock.took_over is not None
    assert lock.took_over.pid == 999999
    lock.release()
    lock.acquire()
    assert lock.took_over is None
    lock.release()


LIST_FDS = """
import os
for fd in os.listdir("/proc/self/fd"):
    try:
        print(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        pass
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_lock_is_not_inherited_by_a_child_process(lock_path):
    with SessionLock(lock_path, SID):
        out = subprocess.run(
            [sys.executable, "-c", LIST_FDS],
            capture_output=True,
            text=True,
            check=True,
        )
    assert str(lock_path) not in out.stdout


def test_only_one_of_many_processes_gets_the_lock(lock_path):
    others = [Holder(lock_path) for _ in range(6)]
    try:
        answers = [h.line() for h in others]
        assert answers.count("locked") == 1, answers
        winner = others[answers.index("locked")]
        assert all(
            a.startswith("refused") and f"pid {winner.pid}" in a for a in answers if a != "locked"
        ), answers
        winner.tell()
        assert winner.line() == "released"
    finally:
        for h in others:
            h.close()
    assert not lock_path.exists()


def test_never_two_holders_at_once_under_contention(lock_path):
    """Threads hammer acquire/release; the inode check after flock must keep
    anyone from holding a lock on a file another thread has just unlinked."""
    inside = 0
    overlaps = 0
    guard = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        nonlocal inside, overlaps
        try:
            got = 0
            while got < 150:
                lock = SessionLock(lock_path, SID)
                try:
                    lock.acquire()
                except SessionLocked:
                    continue
                with guard:
                    inside += 1
                    overlaps += inside > 1
                got += 1
                with guard:
                    inside -= 1
                lock.release()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert overlaps == 0
    assert not lock_path.exists()


def test_the_lock_file_is_private_whatever_the_umask(lock_path):
    old = os.umask(0o277)
    try:
        lock = SessionLock(lock_path, SID).acquire()
    finally:
        os.umask(old)
    try:
        assert stat.S_IMODE(lock_path.stat().st_mode) == 0o600
    finally:
        lock.release()
