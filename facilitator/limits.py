"""How much a session may hold: bounds that keep a file manageable, shared by the
session model and the commands that check what they are given (kept apart from
the models so those commands need not load them to know the numbers)."""

from __future__ import annotations

MAX_PARTICIPANTS = 30
MAX_ITEMS = 20_000
"""Notes, dilemmas, findings, measures or check-out answers of one kind."""
