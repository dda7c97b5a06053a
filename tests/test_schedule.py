from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitator.schedule import plan

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("people", "total"), [(6, 170), (4, 140), (1, 95), (8, 200)])
def test_default_agenda_totals(default_agenda, people, total):
    schedule = plan(default_agenda, people, START)
    assert schedule.total_minutes == total
    assert schedule.end == START + timedelta(minutes=total)


def test_steps_are_laid_end_to_end(default_agenda):
    schedule = plan(default_agenda, 6, START)
    assert schedule.steps[0].start == START
    for before, after in zip(schedule.steps, schedule.steps[1:], strict=False):
        assert before.end == after.start
        assert (before.end - before.start) == timedelta(minutes=before.minutes)


def test_fits_in_booked_slot(default_agenda):
    assert plan(default_agenda, 6, START, START + timedelta(hours=3)).fits is True
    tight = plan(default_agenda, 6, START, START + timedelta(minutes=150))
    assert tight.fits is False
    assert tight.slack_minutes == -20
    assert plan(default_agenda, 6, START).fits is None


def test_round_share_is_split_among_present(default_agenda):
    checkin = next(p for p in plan(default_agenda, 4, START).steps if p.step.id == "innsjekk")
    assert checkin.share_seconds == 8 * 60 / 4


def test_needs_a_participant(default_agenda):
    with pytest.raises(ValueError):
        plan(default_agenda, 0, START)
