"""End to end: the installed `facilitator` command in a real terminal (tmux).

A note saved in a running workshop, and another only typed into its form, must
be on disk before the process is killed with SIGKILL; `facilitator resume` must
bring back both: the saved one in the list, the other in its form as typed.
The only waits are bounded polls of the screen (`capture-pane`) and the disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tmux_helpers import (
    NEEDS_TERMINAL,
    Tmux,
    facilitator_command,
    file_contains,
    kill_descendants,
    run_command,
    session_files,
    wait_for,
    wait_for_exit,
)

pytestmark = [pytest.mark.e2e, *NEEDS_TERMINAL]

NOTE = "Notat fra tmux: Vi tar det videre"
DRAFT = "Halvskrevet: ikke lagret ennå"


def test_a_note_survives_sigkill_and_comes_back_on_resume(tmp_path: Path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    tmux = Tmux(tmp_path)
    try:
        first, second = tmp_path / "first.status", tmp_path / "second.status"
        pane = tmux.new_session("e2e", run_command(first, workspace, "Test"))

        def screen() -> str:
            return tmux.screen(pane)

        tmux.wait_for_text(pane, "Steg 1 av 10", "the first step")
        tmux.send(pane, "n")
        tmux.wait_for_text(pane, "Tekst *", "the note form")  # "Notat" is in the footer too
        tmux.send(pane, NOTE, literal=True)
        tmux.wait_for_text(pane, NOTE, "the note typed into the form")
        tmux.send(pane, "C-s")
        wait_for(lambda: file_contains(workspace, NOTE), "the note in the file", show=screen)
        (session_file,) = session_files(workspace)

        tmux.send(pane, "n")
        tmux.wait_for_text(pane, "Tekst *", "a second note form")
        tmux.send(pane, DRAFT, literal=True)
        wait_for(lambda: file_contains(workspace, DRAFT), "the unsaved text as a draft", screen)

        # Kill it hard: no chance to save or unlock on the way out.
        kill_descendants(int(tmux.pane_info(pane, "#{pane_pid}")))
        assert wait_for_exit(first, "the killed process to be gone", screen) == 128 + 9
        assert NOTE in session_file.read_text(encoding="utf-8")
        assert session_file.with_suffix(".lock").exists()  # left behind; the kernel freed it

        pane = tmux.new_window("e2e", facilitator_command(second, workspace, "resume"))
        tmux.wait_for_text(pane, DRAFT, "the unsaved text back in its form")
        tmux.send(pane, "C-s")
        tmux.wait_for_text(pane, "Steg 1 av 10", "the resumed run screen")
        tmux.send(pane, "i")
        tmux.wait_for_text(pane, NOTE, "the note in the list of everything captured")
        tmux.wait_for_text(pane, DRAFT, "the saved draft in the list too")

        tmux.send(pane, "C-q")
        assert wait_for_exit(second, "the app to quit", screen) == 0
        assert session_files(workspace) == [session_file]
        text = session_file.read_text(encoding="utf-8")
        assert NOTE in text
        assert DRAFT in text
        assert "[draft]" not in text  # saved as a note, so no longer a draft
        assert not session_file.with_suffix(".lock").exists()  # released on quit
    finally:
        tmux.kill_server()
