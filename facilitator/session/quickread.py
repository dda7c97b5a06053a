"""Reading only the measures (and the little around them) from session files,
fast enough for a workspace of a thousand sessions: for the HMS action plan, the
follow-up of earlier measures, and the start screen's list of sessions.

Most of a session file is the agenda snapshot, the step clocks and the notes;
parsing all of it with tomllib costs a few milliseconds a file. The action plan
needs the top-level fields, the participants (to keep names out) and the
measures, so this reader cuts those sections out of the text and parses only
them. The cut is only trusted for files as facilitator writes them: when a file
holds anything it could misread (a multi-line string), or the cut does not parse
and validate, the whole file is read the ordinary way, which either succeeds or
explains exactly what is wrong. So a bad file is reported, never a crash, and a
file damaged only in a part the plan does not read still gives its measures.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from facilitator.fields import Ref, UtcDatetime
from facilitator.i18n import Lang
from facilitator.limits import MAX_ITEMS, MAX_PARTICIPANTS
from facilitator.localized import RequiredShortText, ShortText
from facilitator.session.model import (
    Measure,
    NamesPolicy,
    Session,
    SessionState,
    scores_out_of_scale,
    session_state,
    upgrade_v1,
)
from facilitator.session.store import END_LINE, SessionStore
from facilitator.tomlfile import MAX_FILE_BYTES, FileProblem

# Table headers as tomli-w writes them: at the start of a line. Splitting the text
# before every line that starts with `[` is done in C and is several times faster
# than a pattern per line. A header written any other way (indented, quoted) stays
# with the section before it and is kept or dropped with it; `_entries` notices a
# measures or participants table dropped that way.
_SECTION = re.compile(r"\n(?=\[)")
_KEEP = tuple(
    f"{open_}{name}{close}"
    for name in ("measures", "participants")
    for open_, closes in (("[[", ("]]", ".")), ("[", ("]", ".")))
    for close in closes
)
_TABLES = re.compile(r"\[\[\s*[\"']?(measures|participants)[\"']?\s*\]\]")


@dataclass(frozen=True)
class SessionMeasures:
    """What the action plan needs from one session file."""

    path: Path
    id: str
    title: str
    unit: str
    date: date
    updated_at: datetime
    risk_scale: int
    names_policy: NamesPolicy
    participant_names: tuple[str, ...]
    measures: tuple[Measure, ...]
    present_count: int = 0
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def state(self) -> SessionState:
        """As `Session.state`: for lists of sessions (the start screen)."""
        return session_state(self.started_at, self.finished_at)


class _Name(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: RequiredShortText
    present: bool = True


class _Sheet(BaseModel):
    """The parts of a session the plan reads, checked as the session model checks them."""

    model_config = ConfigDict(extra="ignore")
    format: Literal["facilitator-session"]
    schema_version: Annotated[int, Field(strict=True, ge=2, le=2)]
    id: Ref
    title: RequiredShortText
    unit: ShortText = ""
    date: date
    lang: Lang = "nb"
    updated_at: UtcDatetime
    started_at: UtcDatetime | None = None
    finished_at: UtcDatetime | None = None
    risk_scale: Literal[3, 5] = 5
    names_policy: NamesPolicy = NamesPolicy.OWNERS
    participants: Annotated[list[_Name], Field(max_length=MAX_PARTICIPANTS)] = []
    measures: Annotated[list[Measure], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: object) -> object:
        return upgrade_v1(data)

    @model_validator(mode="after")
    def _scores_in_scale(self) -> _Sheet:
        for m in self.measures:
            if scores_out_of_scale(m, self.risk_scale):
                raise ValueError(f"measure {m.id}: risk score above {self.risk_scale}")
        return self


def cut(text: str) -> str:
    """The top-level keys and the `participants` and `measures` tables of a session
    file's text: everything under any other table header is left out."""
    top, *sections = _SECTION.split(text)
    return "\n".join([top, *(s for s in sections if s.startswith(_KEEP))])


def _entries(text: str) -> Counter[str]:
    """How many `[[measures]]` and `[[participants]]` the text has, found more loosely
    than `cut` finds headers (anywhere, even inside a string), as a check that the
    cut lost none."""
    return Counter(_TABLES.findall(text))


def _measures_of(path: Path, source: _Sheet | Session) -> SessionMeasures:
    return SessionMeasures(
        path=path,
        id=source.id,
        title=source.title,
        unit=source.unit,
        date=source.date,
        updated_at=source.updated_at,
        risk_scale=source.risk_scale,
        names_policy=source.names_policy,
        participant_names=tuple(p.name for p in source.participants),
        measures=tuple(source.measures),
        present_count=sum(1 for p in source.participants if p.present),
        started_at=source.started_at,
        finished_at=source.finished_at,
    )


def _fast(path: Path) -> SessionMeasures | None:
    """The measures from the cut text, or None when the file must be read in full."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None
    # Only files as facilitator writes them: whole, LF line ends, no multi-line
    # strings (inside one, a line could look like a table header).
    if text.rstrip().rpartition("\n")[2].strip() != END_LINE or "\r" in text:
        return None
    if '"""' in text or "'''" in text:
        return None
    try:
        sheet = _Sheet.model_validate(tomllib.loads(cut(text)))
    except (tomllib.TOMLDecodeError, ValidationError, RecursionError):
        return None
    # As tables, every entry must have come through the cut (written inline, they
    # are top-level keys, which are always kept). A count that differs for any other
    # reason (`[[measures]]` inside a note) only means a slower, full read.
    entries = _entries(text)
    for name, got in (("measures", sheet.measures), ("participants", sheet.participants)):
        if entries[name] not in (0, len(got)):
            return None
    return _measures_of(path, sheet)


def read_measures(path: Path, lang: Lang = "nb") -> SessionMeasures:
    """The measures of one session file; `FileProblem` when it cannot be read."""
    found = _fast(path)
    if found is not None:
        return found
    return _measures_of(path, SessionStore(path.parent, lang).load(path))


def read_workspace(folder: Path, lang: Lang = "nb") -> tuple[list[SessionMeasures], list[str]]:
    """Every session file in `folder`: what could be read, and one line per file that
    could not."""
    found, problems = [], []
    if not folder.is_dir():
        return [], []
    for path in sorted(folder.glob("*.toml")):
        try:
            found.append(read_measures(path, lang))
        except FileProblem as exc:
            problems.append(exc.problems[0])
    return found, problems
