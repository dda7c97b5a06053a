"""Reading what units share: the management exports (`facilitator export SESSION
--format json`) an organisation collects in one folder, typically a synced drive.

Whoever compiles the organisation's evidence pack or action plan must never hold a
group's confidential record, so this reader opens only `*.json` files, and of
those keeps only management summaries (`format = "facilitator-summary"`,
`audience = "management"`, schema version 1 or 2). A session file (`*.toml`) in
the folder is never opened; a group's own record, a damaged file or a foreign one
is skipped with one line saying which file and why.

A workspace is a source too: its sessions are turned into management summaries
in memory (`build_summary`) and read back through the same lean model, so both
ways give the same records.

The reader is lean: a pydantic model of only the keys the pack and the plan use
(`model_validate_json`, parsed in Rust), so ten thousand exports read in about a
second. Dilemma themes are never read: version 1 counted them over every dilemma,
group-only ones too.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.law import Paragraph
from facilitator.session.model import Answer, MeasureStatus, ParticipantRole

if TYPE_CHECKING:
    from facilitator.report.action_plan import ActionPlan

MAX_EXPORT_BYTES = 20 * 1024 * 1024
"""A management export of one session is tens of kilobytes; a bigger file is not one."""


class _Lean(BaseModel):
    # Unknown keys are ignored: a later minor addition to the export must not make
    # an older reader skip it. Frozen, as the records are shared between the plan
    # and the pack.
    model_config = ConfigDict(extra="ignore", frozen=True)


class LeanFactor(_Lean):
    paragraph: Paragraph | None


class LeanFinding(_Lean):
    text: str


class LeanFindings(_Lean):
    factor: LeanFactor
    strengths: list[LeanFinding]
    risks: list[LeanFinding]


class LeanFollowUp(_Lean):
    at: date
    status: MeasureStatus
    text: str
    worked: Answer | None = None
    enough: Answer | None = None


class LeanMeasure(_Lean):
    id: str
    what: str
    challenge: str
    factor: LeanFactor
    owner: str
    deadline: date | None
    status: MeasureStatus
    done_on: date | None
    likelihood: int | None
    consequence: int | None
    risk: int | None
    risk_scale: int
    follow_ups: list[LeanFollowUp]
    carried_from: str | None
    agreed_on: date | None = None
    origin_ref: str | None = None
    """Version 2; for version 1 it is `carried_from` or the session's own reference."""


class LeanRole(_Lean):
    role: ParticipantRole
    count: int


class LeanSummary(_Lean):
    """The keys of a management export that the pack and the plan read."""

    format: Literal["facilitator-summary"]
    schema_version: Literal[1, 2]
    audience: Literal["management"]
    lang: Lang
    session_id: str
    title: str
    unit: str
    date: date
    state: Literal["setup", "running", "finished"]
    agenda_id: str
    agenda_title: str
    agenda_theme: str | None = None
    agenda_paragraphs: list[Paragraph] = []
    finished_at: datetime | None = None
    present_count: int
    roles_present: list[LeanRole] | None = None
    """None in version 1, which did not record roles (not the same as none present)."""
    findings: list[LeanFindings]
    measures: list[LeanMeasure]
    followed_up: list[LeanMeasure]


@dataclass(frozen=True)
class SharedSession:
    """One session as the management export of it says, and where it was read."""

    summary: LeanSummary
    source: str
    """The file it was read from, or the workspace's session id's reference."""
    mtime: float
    """The file's modification time (0 for a workspace session)."""

    @property
    def finished(self) -> bool:
        return self.summary.state == "finished"

    @property
    def rank(self) -> tuple[bool, float, float, str]:
        """Of two exports of one session, the larger is the newer: finished over a
        draft, then finished later, then the file changed later."""
        done = self.summary.finished_at
        return (self.finished, done.timestamp() if done else float("-inf"), self.mtime, self.source)


@dataclass(frozen=True)
class SharedRead:
    """What a set of sources gave: one record per session, and one line per file
    that was skipped."""

    sessions: list[SharedSession]
    """One per session (the newest export of it), by date, then unit, then reference."""
    skipped: list[str]
    files_read: int


def json_files(folder: Path) -> list[Path]:
    """Every `*.json` file under `folder` (sub-folders too: one per unit), sorted.
    Links to folders are not followed, so a link cannot pull in a whole drive."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += (Path(root) / name for name in files if name.lower().endswith(".json"))
    return sorted(found)


def _why(data: bytes, lang: Lang) -> str:
    """Why a file that did not parse as a management export was skipped."""
    import json

    try:
        head = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return t("shared_not_json", lang)
    if not isinstance(head, dict) or head.get("format") != "facilitator-summary":
        return t("shared_foreign", lang)
    if head.get("audience") == "group":
        return t("shared_group_record", lang)
    version = head.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > 2:
        return t("shared_newer", lang, version=version)
    if head.get("audience") != "management":
        return t("shared_foreign", lang)
    return t("shared_damaged", lang)


def read_export(path: Path, lang: Lang) -> SharedSession | str:
    """The management export in `path`, or why it was skipped. Only a regular file
    is read (not a FIFO or a device, which could block or never end), up to a limit."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return t("shared_not_file", lang)
        if info.st_size > MAX_EXPORT_BYTES:
            return t("shared_too_large", lang)
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or str(exc)
    try:
        return SharedSession(LeanSummary.model_validate_json(data), str(path), info.st_mtime)
    except ValidationError:
        return _why(data, lang)


def _newest(found: Iterable[SharedSession]) -> list[SharedSession]:
    by_ref: dict[str, SharedSession] = {}
    for item in found:
        ref = item.summary.session_id
        if ref not in by_ref or item.rank > by_ref[ref].rank:
            by_ref[ref] = item
    return sorted(
        by_ref.values(),
        key=lambda s: (s.summary.date, s.summary.unit.casefold(), s.summary.session_id),
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused while a pack is read and made. Reading ten
    thousand exports keeps millions of small objects alive, and each full
    collection walks all of them, so the collector's work grew with the square of
    the number of exports (reading 10,000 took 5.6 s with it, 1.5 s without). What
    is made here holds no reference cycles to collect; the collector runs again
    as before once the work is done.

    Turned on again as it was, the collector would walk every object made
    meanwhile at its next run, and again as they grow older (half a second for
    ten thousand exports, each time). They are moved out of its sight instead
    (`gc.freeze`): without cycles, each is still freed as soon as nothing holds
    it. The commands that use this run once and end, so nothing is kept longer."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


def read_folders(folders: Sequence[Path], lang: Lang) -> SharedRead:
    """The management exports in `folders` (see the module's docstring)."""
    found: list[SharedSession] = []
    skipped: list[str] = []
    files = 0
    with paused_gc():
        for folder in folders:
            for path in json_files(folder):
                files += 1
                got = read_export(path, lang)
                if isinstance(got, str):
                    skipped.append(f"{path}: {got}")
                    continue
                found.append(got)
        return SharedRead(_newest(found), skipped, files)


def read_workspace_shared(workspace: Path, lang: Lang) -> SharedRead:
    """The workspace's sessions as the management exports of them would be: built
    in memory and read back through the same lean model as a shared file."""
    from facilitator.report.build import build_summary
    from facilitator.report.json_export import render_json
    from facilitator.report.model import Audience
    from facilitator.session.store import SessionStore

    found: list[SharedSession] = []
    skipped: list[str] = []
    entries = SessionStore(workspace, lang).entries()
    for entry in entries:
        if entry.session is None:
            skipped.append(entry.problem or str(entry.path))
            continue
        # The document's language is the session's own, as `export --format json` gives.
        summary = build_summary(entry.session, Audience.MANAGEMENT)
        lean = LeanSummary.model_validate_json(render_json(summary))
        found.append(SharedSession(lean, lean.session_id, 0.0))
    return SharedRead(_newest(found), skipped, len(entries))


# --- measures across sessions ---------------------------------------------------------


def _age(s: SharedSession) -> tuple[date, bool, float, float, str]:
    """Which of two copies of a measure is newer: by the sessions holding them."""
    done = s.summary.finished_at
    return (
        s.summary.date,
        s.finished,
        done.timestamp() if done else float("-inf"),
        s.mtime,
        s.summary.session_id,
    )


def _origin(m: LeanMeasure, s: SharedSession) -> str:
    return m.origin_ref or m.carried_from or s.summary.session_id


def latest_shared_measures(
    sessions: list[SharedSession],
) -> dict[tuple[str, str], tuple[LeanMeasure, SharedSession]]:
    """Each measure once, by (the reference of the session that agreed it, its id),
    in the copy of the newest session: as `action_plan.latest_measures`, from
    management exports (which hold shared copies only)."""
    newest: dict[tuple[str, str], tuple[LeanMeasure, SharedSession]] = {}
    ages = {id(s): _age(s) for s in sessions}
    for s in sessions:
        age = ages[id(s)]
        for m in (*s.summary.measures, *s.summary.followed_up):
            key = (_origin(m, s), m.id)
            if key not in newest or age >= ages[id(newest[key][1])]:
                newest[key] = (m, s)
    return newest


def shared_plan(
    sessions: list[SharedSession],
    as_of: date,
    lang: Lang,
    status: Literal["open", "all"] = "all",
    unit: str | None = None,
    problems: list[str] | None = None,
) -> ActionPlan:
    """The HMS action plan of what units shared: each measure once, in its newest
    copy, as `facilitator plan` makes it from a workspace (management only: the
    exports hold shared measures only, with names as the agreeing session allowed)."""
    from facilitator.report.action_plan import ActionPlan, PlanRow, is_overdue, sort_rows
    from facilitator.report.build import factor
    from facilitator.report.model import Audience, FollowUpEntry, MeasureEntry
    from facilitator.report.words import status_word, w
    from facilitator.session.refs import session_date
    from facilitator.session.units import unit_key
    from facilitator.timefmt import short_date

    by_ref = {s.summary.session_id: s for s in sessions}
    wanted = unit_key(unit) if unit else None
    rows = []
    for (origin, _), (m, s) in latest_shared_measures(sessions).items():
        if status == "open" and not m.status.is_open:
            continue
        if wanted is not None and unit_key(s.summary.unit) != wanted:
            continue
        entry = MeasureEntry(
            id=m.id,
            what=m.what,
            challenge=m.challenge,
            factor=factor(m.factor.paragraph, lang),
            owner=m.owner,
            deadline=m.deadline,
            status=m.status,
            status_text=status_word(m.status, lang),
            done_on=m.done_on,
            likelihood=m.likelihood,
            consequence=m.consequence,
            risk=m.risk,
            risk_scale=m.risk_scale,
            follow_ups=[
                FollowUpEntry(
                    at=f.at,
                    status=f.status,
                    status_text=status_word(f.status, lang),
                    text=f.text,
                    worked=f.worked,
                    enough=f.enough,
                )
                for f in m.follow_ups
            ],
            carried_from=m.carried_from,
            agreed_on=m.agreed_on,
            origin_ref=origin,
            shared=True,
        )
        agreeing = by_ref.get(origin)
        if agreeing is not None:
            source = f"{agreeing.summary.title} ({short_date(agreeing.summary.date, lang)})"
        else:
            day = session_date(origin)
            source = w("earlier_session_on", lang, date=short_date(day, lang)) if day else origin
        rows.append(
            PlanRow(
                entry=entry,
                source_id=origin,
                source=source,
                unit=s.summary.unit,
                overdue=is_overdue(entry, as_of),
            )
        )
    sort_rows(rows)
    return ActionPlan(
        as_of, lang, Audience.MANAGEMENT, status, unit, rows, len(sessions), problems or []
    )
