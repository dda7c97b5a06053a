"""Following up earlier measures: the step a new session gets when the unit has
open measures from earlier sessions.

When a session is set up, the open measures of earlier sessions of the same unit
are copied into it (same id, `carried_from` naming the session that agreed
them), and a short follow-up step is put where the agenda says (`follow_up`:
first, or before closing). In that step the group goes through each measure
and records its status and an evaluation; each update is kept on the measure
with its date. The earlier session files are never changed: the newest copy of
a measure is its state (see `facilitator.report.action_plan`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.agenda.model import Agenda, Capture, Step, StepKind
from facilitator.i18n import Lang
from facilitator.localized import LocalizedText
from facilitator.session.model import Measure, Session
from facilitator.timefmt import short_date

if TYPE_CHECKING:  # the screen imports this module; the reports load when needed
    from facilitator.session.measures import LatestMeasure

STEP_ID = "oppfolging-av-tiltak"
MINUTES_PER_MEASURE = 2
MIN_MINUTES = 5
MAX_MINUTES = 20


def _t(nb: str, en: str) -> LocalizedText:
    return LocalizedText(nb=nb, en=en)


def follow_up_step(count: int) -> Step:
    """The step: about two minutes a measure, at least five, at most twenty."""
    minutes = min(MAX_MINUTES, max(MIN_MINUTES, MINUTES_PER_MEASURE * count))
    return Step(
        id=STEP_ID,
        kind=StepKind.TIMED,
        minutes=minutes,
        title=_t("Oppfølging av tiltak fra tidligere", "Following up earlier measures"),
        purpose=_t(
            "Vi ser på tiltakene vi ble enige om sist: er de gjort, og virket de? "
            "Slik henger arbeidet sammen fra gang til gang.",
            "We look at the measures we agreed on before: have they been done, and "
            "did they work? That is what ties the work together from one time to the next.",
        ),
        process=[
            _t(
                "Ta tiltakene ett og ett. Den som er ansvarlig, forteller kort hvordan det gikk.",
                "Take the measures one at a time. Whoever owns one says briefly how it went.",
            ),
            _t(
                "Bli enige om status: planlagt, pågår, utført eller avbrutt.",
                "Agree on its status: planned, in progress, done or dropped.",
            ),
            _t(
                "Skriv en kort vurdering: virket det, og hva gjør vi videre?",
                "Write a short evaluation: did it work, and what do we do next?",
            ),
        ],
        questions=[
            _t("Er tiltaket gjennomført som avtalt?", "Has the measure been carried out?"),
            _t("Har det hatt den virkningen vi ønsket?", "Has it had the effect we wanted?"),
            _t(
                "Skal vi fortsette, endre eller avslutte det?",
                "Do we continue, change or close it?",
            ),
        ],
        captures=[Capture.FOLLOW_UP, Capture.NOTES],
    )


def with_follow_up(agenda: Agenda, count: int, not_before: int = 0) -> Agenda:
    """`agenda` with the follow-up step where it asks for it, but not before the
    step at `not_before` (a session under way gets it ahead, not behind it);
    unchanged when there is nothing to follow up, it asks for none, or it already
    has the step."""
    if count <= 0 or agenda.follow_up == "none" or any(s.id == STEP_ID for s in agenda.steps):
        return agenda
    steps = list(agenda.steps)
    at = 0 if agenda.follow_up == "first" else max(0, len(steps) - 1)
    at = max(at, min(not_before, len(steps)))
    steps.insert(at, follow_up_step(count))
    # Validated, not `model_copy`: the agenda's own rules must hold for the result.
    return Agenda.model_validate({**agenda.model_dump(), "steps": [s.model_dump() for s in steps]})


def carry(found: list[LatestMeasure]) -> list[Measure]:
    """Copies of measures for a new session to follow up (see the module's docstring).

    A copy keeps what decides which names management may see of it: the names rule
    of the session that agreed it, and the names of everyone in the sessions it
    passed through (a name only they knew is still taken out later)."""
    copies = []
    for item in found:
        m = item.measure
        first_copy = m.carried_from is None
        names = dict.fromkeys((*m.history_names, *item.session.participant_names))
        copies.append(
            m.model_copy(
                update={
                    "carried_from": item.origin,
                    "history_names": list(names),
                    "agreed_names_policy": (
                        item.session.names_policy if first_copy else m.agreed_names_policy
                    ),
                },
                deep=True,
            )
        )
    return copies


def open_earlier_measures(
    workspace: Path, unit: str, session: Session | None = None
) -> list[Measure]:
    """Open measures from the workspace's sessions of `unit` (blank matches blank),
    in their newest state, ready to carry into a new session. Given the `session`
    they are for (one under way, whose unit was changed), that session's own file
    and any dated after it are left out: its own measures are not earlier ones.
    Files that cannot be read are skipped here: `facilitator plan` and `sessions`
    report them."""
    from facilitator.session.measures import open_measures
    from facilitator.session.quickread import read_workspace

    sessions, _problems = read_workspace(workspace / "sessions")
    if session is not None:
        sessions = [s for s in sessions if s.id != session.id and s.date <= session.date]
    return carry(open_measures(sessions, unit=unit))


def add_follow_up(session: Session, measures: list[Measure]) -> None:
    """Carry `measures` into a session and give it the follow-up step. In setup the
    step goes where the agenda says; in a session under way (its unit corrected)
    it goes there only if that is still ahead, else right after the current step,
    so it is never among the steps already behind the group. Steps are found by
    id, so the current step and the steps' clocks are unchanged by the insert."""
    known = {m.id for m in session.measures}
    carried = [m for m in measures if m.id not in known]
    if not carried:
        return
    current = session.current_step
    after = session.agenda.step_index(current) + 1 if current is not None else 0
    session.agenda = with_follow_up(session.agenda, len(carried), not_before=after)
    session.measures = [*session.measures, *carried]


def followed_up_here(session: Session, measure: Measure) -> bool:
    """The group has recorded a follow-up of `measure` in this session."""
    return any(f.session_id == session.id for f in measure.follow_ups)


def to_follow_up(session: Session) -> list[Measure]:
    """The measures this session follows up, in order."""
    return [m for m in session.measures if m.carried_from is not None]


def measure_label(m: Measure, lang: Lang) -> str:
    """`What (owner, deadline)` on one line, for lists and choices."""
    details = ", ".join(x for x in (m.owner, short_date(m.deadline, lang)) if x)
    return f"{m.what} ({details})" if details else m.what
