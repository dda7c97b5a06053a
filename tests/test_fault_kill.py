"""kill -9 at 20 moments of a scripted workshop, and nothing that mattered is lost.

The installed `facilitator` runs in a real terminal (tmux) and is driven by
keystrokes as a facilitator would: start the timer, take a note, move on to the
next step and person, pause and go on, take more notes, and leave the last one
half-typed in its form. A seeded draw picks, for each of the 20 runs, one
keystroke batch of the script and a delay after it; the process is then killed
with SIGKILL while the script goes on, so the kill falls anywhere: mid-word,
during a save, while the draft timer waits, or when the app is idle.

After each kill:

- the session file loads (never half written);
- every note whose text was sent more than LATE (1 s) before the kill is in it:
  saved notes as notes, text still in a form as the session's draft, each as a
  prefix of what was typed that holds at least what was typed that long ago;
- a note whose Ctrl+S was sent more than 1 s before is a note, once;
- the timer: the clock of every step, read at the moment of the kill from the
  saved file, is within 1 s of a reference clock replayed from the moments the
  keys were sent (`Workshop` on a `FakeClock`), and the step and the person or
  phase in focus are the same when the last move was sent more than 1 s before;
- `facilitator resume` takes over the lock left by the killed process, reopens
  the session (with the half-typed form, when there was one) and quits cleanly.

Only condition waits synchronise with the program (the screen, the exit-status
file). The pauses between batches are the pace of a person typing, and the kill
delay is the experiment itself; neither waits for anything.

Run with `pytest -m faults` (about two minutes); `FACILITATOR_KILL_SEED` changes
the draw.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop

from tmux_helpers import (
    NEEDS_TERMINAL,
    Tmux,
    facilitator_command,
    process_tree,
    read_status,
    run_command,
    session_files,
    wait_for,
    wait_for_exit,
)

pytestmark = [pytest.mark.faults, *NEEDS_TERMINAL]

KILLS = 20
SEED = int(os.environ.get("FACILITATOR_KILL_SEED", "20260302"))
LATE = 1.0
"""Seconds: what was sent longer ago than this before the kill must be on disk."""
NAMES = ("Kari", "Ola", "Aisha", "Per")
STEPS = 10
FORM = "Tekst *"  # the note form's text field, on screen while the form is open

# The script: ("timer",) Space, ("unit",) →, ("step",) PgDn, ("open", note) n,
# ("type", note, text) typed into the form, ("save", note) Ctrl+S.
SCRIPT: list[tuple[str, ...]] = [
    ("timer",),
    ("open", "intro"),
    ("type", "intro", "Intronotat: alle "),
    ("type", "intro", "er på plass, også Åse "),
    ("type", "intro", "og Øystein."),
    ("save", "intro"),
    ("step",),
    ("step",),  # check-in: a round
    ("timer",),
    ("unit",),
    ("open", "ola"),
    ("type", "ola", "Ola: uka har vært "),
    ("type", "ola", "travel, men god 🙂 "),
    ("type", "ola", "– takk for sist"),
    ("save", "ola"),
    ("unit",),
    ("timer",),  # pause
    ("timer",),  # and go on
    ("unit",),
    ("open", "per"),
    ("type", "per", "Per gleder seg "),
    ("type", "per", "til dagen"),
    ("save", "per"),
    ("step",),
    ("timer",),
    ("open", "halv"),
    ("type", "halv", "Halvskrevet: vi må huske "),
    ("type", "halv", "å ta opp turnusen "),
    ("type", "halv", "før påske"),
]
KEYS = {"timer": "Space", "unit": "Right", "step": "NPage", "open": "n", "save": "C-s"}


@dataclass
class Sent:
    action: tuple[str, ...]
    mono: float
    wall: datetime


@dataclass
class Kill:
    mono: float = 0.0
    wall: datetime | None = None
    done: threading.Event = field(default_factory=threading.Event)


class Stopped(Exception):
    """The process was killed: the script stops here."""


class Driver:
    """Sends the script to the app in one pane, recording when each batch went."""

    def __init__(self, tmux: Tmux, pane: str, kill: Kill, rng: random.Random) -> None:
        self.tmux, self.pane, self.kill, self.rng = tmux, pane, kill, rng
        self.sent: list[Sent] = []

    def screen(self) -> str:
        return self.tmux.screen(self.pane)

    def wait(self, condition, what: str) -> None:
        def check() -> bool:
            if self.kill.done.is_set():
                raise Stopped
            return bool(condition(self.screen()))

        wait_for(check, what, show=self.screen)

    def do(self, action: tuple[str, ...]) -> None:
        if self.kill.done.is_set():
            raise Stopped
        self.sent.append(Sent(action, time.monotonic(), datetime.now(UTC)))
        if action[0] == "type":
            self.tmux.send(self.pane, action[2], literal=True)
        else:
            self.tmux.send(self.pane, KEYS[action[0]])
        # A person looks before going on where the screen changes under their hands.
        if action[0] == "open":
            self.wait(lambda s: FORM in s, "the note form")
        elif action[0] == "save":
            self.wait(lambda s: FORM not in s, "the form to close")
        elif action[0] == "step":
            steps = sum(1 for x in self.sent if x.action == ("step",))
            self.wait(lambda s: f"Steg {1 + steps} av {STEPS}" in s, "the next step")

    def pace(self) -> None:
        """The time a person takes before the next batch (ends early on the kill)."""
        if self.kill.done.wait(self.rng.uniform(0.05, 0.35)):
            raise Stopped


@dataclass
class Outcome:
    kill: int
    killed_at: int
    """How many batches had been sent."""
    deviation: float
    """Largest difference between a saved clock and the reference, seconds."""
    notes: int
    draft: bool


OUTCOMES: list[Outcome] = []


@pytest.fixture(scope="module", autouse=True)
def report(request):
    yield
    if not OUTCOMES:
        return
    worst = max(o.deviation for o in OUTCOMES)
    where = ", ".join(str(o.killed_at) for o in sorted(OUTCOMES, key=lambda o: o.killed_at))
    lines = [
        f"kill -9: {len(OUTCOMES)} of {KILLS} kills recovered (seed {SEED}); killed after "
        f"batch {where} of {len(SCRIPT)}",
        f"kill -9: largest timer deviation at the kill {worst:.3f} s; "
        f"{sum(o.draft for o in OUTCOMES)} runs left a half-typed form, kept as the draft; "
        f"{sum(o.notes for o in OUTCOMES)} saved notes in all",
    ]
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n" + "\n".join(lines))


def _killer(pids: list[int], kill: Kill) -> None:
    kill.mono = time.monotonic()
    kill.wall = datetime.now(UTC)
    for pid in reversed(pids):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    kill.done.set()


def _typed(sent: list[Sent], note: str, before: float | None = None) -> str:
    return "".join(
        s.action[2]
        for s in sent
        if s.action[0] == "type" and s.action[1] == note and (before is None or s.mono < before)
    )


def _check_notes(session: Session, sent: list[Sent], cut: float) -> None:
    notes = [n.text for n in session.notes]
    draft = session.draft.values.get("text") if session.draft else None
    for note in dict.fromkeys(s.action[1] for s in sent if s.action[0] == "type"):
        full, old = _typed(sent, note), _typed(sent, note, cut).strip()

        def holds(text: object, full: str = full, old: str = old) -> bool:
            t = str(text).strip()
            return bool(t) and full.startswith(t) and t.startswith(old)

        as_notes = [t for t in notes if holds(t)]
        assert len(as_notes) <= 1, f"{note} saved twice: {as_notes}"
        saved = any(s.action == ("save", note) and s.mono < cut for s in sent)
        if saved:
            assert as_notes, f"{note}: saved more than {LATE} s before the kill, not a note"
            assert as_notes[0].strip() == full.strip()
        elif old:
            assert as_notes or (draft is not None and holds(draft)), (
                f"{note}: {old!r} was typed more than {LATE} s before the kill and is "
                f"lost (notes {notes}, draft {draft!r})"
            )


def _reference(session: Session, sent: list[Sent]) -> Workshop:
    """The clocks as the keys, sent when they were, would make them."""
    ref = session.model_copy(deep=True)
    ref.clocks, ref.current_step = {}, ref.agenda.steps[0].id
    clock = FakeClock(sent[0].wall if sent else None)
    workshop = Workshop(ref, clock)
    for s in sent:
        clock.set(s.wall)
        if s.action == ("timer",):
            workshop.toggle_timer()
        elif s.action == ("unit",):
            workshop.move_unit(+1)
        elif s.action == ("step",):
            workshop.next_step()
    return workshop


def _check_timer(session: Session, sent: list[Sent], kill: Kill, cut: float) -> float:
    assert kill.wall is not None
    ref = _reference(session, sent)
    ref.clock.set(kill.wall)  # type: ignore[attr-defined]
    app = Workshop(session, FakeClock(kill.wall))
    worst = 0.0
    for step in session.agenda.steps:
        if step.id not in session.clocks and step.id not in ref.session.clocks:
            continue
        a, r = app.reading(step), ref.reading(step)
        worst = max(worst, abs(a.elapsed - r.elapsed))
        assert abs(a.elapsed - r.elapsed) <= LATE, (step.id, a.elapsed, r.elapsed)
    moves = [s for s in sent if s.action[0] in ("timer", "unit", "step")]
    # Who or which phase is in focus is checked only when the last move was sent
    # more than a second before the kill (a later one may not have been read yet);
    # the figure reported is the largest of what is checked.
    if moves and moves[-1].mono < cut:
        assert session.current_step == ref.session.current_step
        assert app.reading().unit_index == ref.reading().unit_index
        unit = abs(app.reading().unit_elapsed - ref.reading().unit_elapsed)
        worst = max(worst, unit)
        assert unit <= LATE
    return worst


@pytest.mark.parametrize("n", range(KILLS))
def test_kill_9_loses_nothing_typed_more_than_a_second_before(tmp_path: Path, n: int):
    rng = random.Random(SEED * 100 + n)
    after, delay = rng.randrange(len(SCRIPT)), rng.uniform(0.0, 1.6)
    workspace = tmp_path / "ws"
    workspace.mkdir()
    tmux = Tmux(tmp_path)
    try:
        first, second = tmp_path / "first.status", tmp_path / "second.status"
        pane = tmux.new_session("kill", run_command(first, workspace, f"Kill {n}", ",".join(NAMES)))
        tmux.wait_for_text(pane, f"Steg 1 av {STEPS}", "the first step")
        pids = process_tree(int(tmux.pane_info(pane, "#{pane_pid}")))[1:]
        assert pids, "no program under the pane's shell"

        kill = Kill()
        driver = Driver(tmux, pane, kill, rng)
        timer: threading.Timer | None = None
        try:
            for i, action in enumerate(SCRIPT):
                driver.do(action)
                if i == after:
                    timer = threading.Timer(delay, _killer, (pids, kill))
                    timer.start()
                driver.pace()
            assert kill.done.wait(10), "the kill did not come"
        except Stopped:
            pass
        finally:
            if timer is not None:
                timer.join()
        show = driver.screen
        assert wait_for_exit(first, "the killed process to be gone", show) == 128 + 9

        (path,) = session_files(workspace)
        session = SessionStore(workspace).load(path)  # whole: the old or the new
        cut = kill.mono - LATE
        _check_notes(session, driver.sent, cut)
        deviation = _check_timer(session, driver.sent, kill, cut)

        # Resume: takes over the lock the killed process left, reopens where it was.
        assert path.with_suffix(".lock").exists()
        pane = tmux.new_window("kill", facilitator_command(second, workspace, "resume"))
        draft = session.draft.values.get("text") if session.draft else None
        if draft:
            want = str(draft).strip()[:20]
        else:
            want = f"Steg {session.agenda.step_index(session.current_step or '') + 1} av"
        tmux.wait_for_text(pane, want, "the session reopened as it was")
        tmux.send(pane, "C-q")
        wait_for(lambda: read_status(second), "resume to quit", show=lambda: tmux.screen(pane))
        assert read_status(second) == "0", tmux.screen(pane)
        after_resume = SessionStore(workspace).load(path)
        assert [x.text for x in after_resume.notes] == [x.text for x in session.notes]
        assert not path.with_suffix(".lock").exists()
        OUTCOMES.append(Outcome(n, len(driver.sent), deviation, len(session.notes), bool(draft)))
    finally:
        tmux.kill_server()
