"""An open session (facilitator.opened_session): the lock, the autosave, stale
clocks and closing, without a screen."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.errors import SessionLocked, UserError
from facilitator.opened_session import OpenedSession, check_openable
from facilitator.session.autosave import SaveStatus
from facilitator.session.model import Session, new_session
from facilitator.session.store import SessionStore
from facilitator.stepclock import Status
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop

WAIT = 10.0


def a_session(clock: FakeClock) -> Session:
    return new_session(
        "Ledergruppe Øst", load_agenda("kollegaveiledning", None), clock.now(), ["Kari", "Ola"]
    )


@pytest.fixture
def store(workspace: Path) -> SessionStore:
    return SessionStore(workspace, "nb")


@pytest.fixture
def opened() -> Iterator[list[OpenedSession]]:
    """Every session a test opens is closed after it, whatever happens."""
    made: list[OpenedSession] = []
    yield made
    for one in made:
        one.close()


def test_a_new_session_is_written_locked_and_begun(
    store: SessionStore, clock: FakeClock, opened: list[OpenedSession]
) -> None:
    session = a_session(clock)
    one = OpenedSession.open(store, session, clock, new=True)
    opened.append(one)
    assert one.path == store.path_for(session.id) and one.path.is_file()
    assert one.lock.held and one.stale_stopped_at is None
    assert one.session.current_step == session.agenda.steps[0].id  # begun
    assert one.autosaver.flush(WAIT)
    assert store.load(one.path).current_step == one.session.current_step


def test_a_second_opener_is_refused_and_the_first_keeps_it(
    store: SessionStore, clock: FakeClock, opened: list[OpenedSession]
) -> None:
    first = OpenedSession.open(store, a_session(clock), clock, new=True)
    opened.append(first)
    assert first.autosaver.flush(WAIT)
    again = store.load(first.path)
    with pytest.raises(SessionLocked, match="åpen i en annen facilitator-prosess"):
        OpenedSession.open(store, again, clock, new=False, path=first.path)
    with pytest.raises(SessionLocked):
        check_openable(store, first.path)
    assert first.lock.held
    first.workshop.add_note("Fortsatt vår")
    assert first.autosaver.flush(WAIT)
    assert [n.text for n in store.load(first.path).notes] == ["Fortsatt vår"]


def test_a_new_session_whose_file_exists_is_refused_and_holds_nothing(
    store: SessionStore, clock: FakeClock
) -> None:
    session = a_session(clock)
    store.create(session)
    with pytest.raises(UserError, match="finnes allerede"):
        OpenedSession.open(store, session, clock, new=True)
    with store.lock(session):  # free again
        pass


def test_close_saves_and_releases_and_can_be_said_twice(
    store: SessionStore, clock: FakeClock
) -> None:
    one = OpenedSession.open(store, a_session(clock), clock, new=True)
    one.workshop.add_note("Siste ord")
    assert one.close() is True
    assert not one.lock.held
    assert [n.text for n in check_openable(store, one.path).notes] == ["Siste ord"]
    assert one.close() is True
    one.workshop.add_note("Etter lukking")  # the screen may still be drawing: no error
    with OpenedSession.open(store, store.load(one.path), clock, new=False, path=one.path) as two:
        assert two.lock.held
    assert not two.lock.held and two.closed


def left_running(store: SessionStore, clock: FakeClock) -> Path:
    """A session whose timer ran when the laptop died."""
    session = a_session(clock)
    workshop = Workshop(session, clock)
    workshop.begin()
    workshop.toggle_timer()
    clock.advance(minutes=3)
    workshop.add_note("Før strømmen gikk")
    return store.create(session)


def test_a_clock_left_running_long_ago_is_stopped_where_it_was_last_used(
    store: SessionStore, clock: FakeClock, opened: list[OpenedSession]
) -> None:
    path = left_running(store, clock)
    last = store.load(path).updated_at
    clock.advance(minutes=3 * 24 * 60)
    one = OpenedSession.open(store, store.load(path), clock, new=False, path=path)
    opened.append(one)
    assert one.stale_stopped_at == last
    reading = one.workshop.reading()
    assert reading.status is Status.PAUSED and reading.elapsed == 3 * 60
    assert one.autosaver.flush(WAIT)
    step = one.session.current_step
    assert step is not None
    assert store.load(path).clocks[step].status is Status.PAUSED


def test_a_clock_running_a_moment_ago_goes_on(
    store: SessionStore, clock: FakeClock, opened: list[OpenedSession]
) -> None:
    path = left_running(store, clock)
    clock.advance(minutes=5)
    one = OpenedSession.open(store, store.load(path), clock, new=False, path=path)
    opened.append(one)
    assert one.stale_stopped_at is None
    assert one.workshop.reading().status is Status.RUNNING


def test_every_change_is_handed_over_and_reported(
    store: SessionStore, clock: FakeClock, opened: list[OpenedSession]
) -> None:
    submitted: list[SaveStatus] = []
    reported: list[tuple[str, SaveStatus]] = []
    done = threading.Event()

    def on_status(status: SaveStatus) -> None:
        reported.append((threading.current_thread().name, status))
        if status.saves >= 2:
            done.set()

    one = OpenedSession.open(
        store, a_session(clock), clock, new=True, on_status=on_status, on_submit=submitted.append
    )
    opened.append(one)
    assert submitted and submitted[-1].pending  # begun: handed over, not yet written
    assert one.autosaver.flush(WAIT)
    one.workshop.add_note("Et notat")
    assert done.wait(WAIT)
    # the autosaver's own thread reports; the caller decides how to get it to a screen
    assert {name for name, _status in reported} == {"facilitator-autosave"}
    assert reported[-1][1].error is None


def test_check_openable_reads_the_file_and_keeps_no_lock(
    store: SessionStore, clock: FakeClock
) -> None:
    session = a_session(clock)
    path = store.create(session)
    assert check_openable(store, path).id == session.id
    with store.lock(session) as lock:
        assert lock.held
