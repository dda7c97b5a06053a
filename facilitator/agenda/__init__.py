"""Agendas: the workshop as data (model), read from TOML (loader), found by id (registry)."""

from facilitator.agenda.model import (
    Agenda,
    Capture,
    Phase,
    Role,
    Step,
    StepKind,
)

__all__ = ["Agenda", "Capture", "Phase", "Role", "Step", "StepKind"]
