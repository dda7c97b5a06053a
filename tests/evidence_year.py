"""A year of sessions across three units, and their management exports, as an
organisation's shared folder would hold them (issue 15).

    python tests/evidence_year.py DIR        # writes DIR/<unit>/<ref>.json

Each unit meets every six weeks through the theme series on § 4-3 (starting at
different weeks), with five or six leaders, now and then a safety or union
representative, HR or occupational health; each session shares strengths and
risks and agrees measures (some scored), keeps a dilemma and a note in the group,
and follows up the unit's open measures from the session before, saying whether
they worked and whether they are enough. Some measures run past their deadline.
Deterministic: the same folder every time.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from facilitator.agenda.registry import load_agenda
from facilitator.law import FACTORS
from facilitator.report.build import build_summary
from facilitator.report.json_export import render_json
from facilitator.report.model import Audience
from facilitator.session.model import (
    Answer,
    Dilemma,
    Finding,
    FindingKind,
    FollowUp,
    Measure,
    MeasureStatus,
    Note,
    ParticipantRole,
    Session,
    Visibility,
    new_session,
)
from facilitator.session.refs import public_ref

UNITS = (
    ("Hjemmetjenesten sone øst", date(2026, 1, 12)),
    ("Solbakken sykehjem", date(2026, 1, 26)),
    ("Rehabiliteringsavdelingen", date(2026, 2, 9)),
)
SERIES = (
    "tema-psykologisk-trygghet",
    "tema-tillit-og-verdighet",
    "tema-forventninger",
    "tema-arbeidsmengde",
    "tema-kontakt-og-ensomhet",
    "tema-emosjonelle-krav",
    "tema-trakassering-og-vold",
    "tema-robusthet",
)
NAMES = ["Kari", "Ola", "Aisha", "Per", "Lise", "Nils", "Marte", "Jonas", "Sofie"]
STRENGTHS = [
    "Kollegene stiller opp for hverandre når det står på.",
    "Tydelige morgenmøter gir oversikt over dagen.",
    "Lav terskel for å si fra om feil uten at det blir en sak.",
    "Nye ansatte får en fast fadder de første ukene.",
    "Ledergruppen deler erfaringer åpent og raskt.",
    "God dialog med verneombudet om endringer.",
]
RISKS = [
    "For få hender i helgene når noen er borte.",
    "Uklare forventninger til hva som skal prioriteres på travle dager.",
    "Krevende møter med pårørende som er misfornøyde.",
    "Hendelser med trusler blir ikke alltid meldt.",
    "Lite tid til å snakke sammen etter tunge oppdrag.",
    "Noen opplever at kritikk tas personlig.",
    "Mange vikarer gjør det vanskelig å holde rutinene.",
]
MEASURES = [
    ("Lage en liste over hva som kan vente på travle dager", "Uklare prioriteringer"),
    ("Faste samtaler etter tunge oppdrag, ti minutter", "Lite tid til å bearbeide"),
    ("Gå gjennom rutinen for å melde vold og trusler", "Hendelser blir ikke meldt"),
    ("Bemanningsplan for helg med reserveliste", "For få hender i helgene"),
    ("Felles opplæring i å gi og ta imot tilbakemeldinger", "Kritikk tas personlig"),
    ("Fadderordning også for vikarer", "Mange vikarer"),
    ("Møte med pårørenderådet om forventninger", "Krevende pårørendemøter"),
]
OWNER_ROLES = ["enhetsleder", "avdelingsleder", "HMS-rådgiver", "teamleder"]
EVALUATIONS = {
    MeasureStatus.DONE: "Innført i alle team; de ansatte sier det hjelper.",
    MeasureStatus.IN_PROGRESS: "Startet, men ikke kommet i gang i helgene ennå.",
    MeasureStatus.PLANNED: "Utsatt på grunn av sykefravær i ledergruppen.",
}


def _moment(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def year_of_sessions(seed: int = 2026) -> list[Session]:
    """Three units' sessions through 2026 (eight each), oldest first."""
    rng = random.Random(seed)
    out: list[Session] = []
    for u, (unit, first) in enumerate(UNITS):
        open_measures: list[tuple[Measure, str]] = []
        for i, agenda_id in enumerate(SERIES):
            day = first + timedelta(weeks=6 * i)
            agenda = load_agenda(agenda_id, None)
            names = rng.sample(NAMES, rng.choice((5, 6)))
            session = new_session(
                f"Ledergruppe {unit} {i + 1}",
                agenda,
                _moment(day, 7),
                names,
                unit=unit,
                day=day,
                time_zone="Europe/Oslo",
            )
            people = session.participants
            for p in people:
                p.role = ParticipantRole.LEADER
            # A representative in about half the sessions, HR or BHT now and then.
            if (i + u) % 2 == 0:
                people[-1].role = (
                    ParticipantRole.SAFETY_REP if i % 4 < 2 else ParticipantRole.UNION_REP
                )
            if i % 3 == 2:
                people[0].role = (
                    ParticipantRole.HR if u % 2 else ParticipantRole.OCCUPATIONAL_HEALTH
                )
            if rng.random() < 0.2:
                people[1].present = False
            at = _moment(day, 9)
            focus = [p for p in agenda.paragraphs if p in FACTORS] or list(FACTORS)
            findings = [
                Finding(
                    id=f"f{k}",
                    created_at=at,
                    kind=FindingKind.STRENGTH if k % 2 == 0 else FindingKind.RISK,
                    text=rng.choice(STRENGTHS if k % 2 == 0 else RISKS),
                    factor=rng.choice(focus),
                )
                for k in range(rng.randint(2, 4))
            ]
            findings.append(
                Finding(
                    id="fg",
                    created_at=at,
                    kind=FindingKind.RISK,
                    text="Kari sliter etter konflikten med Ola (bare gruppen).",
                    factor=focus[0],
                    visibility=Visibility.GROUP,
                )
            )
            carried = []
            for m, origin in open_measures:
                status = rng.choice(
                    [MeasureStatus.DONE, MeasureStatus.IN_PROGRESS, MeasureStatus.PLANNED]
                )
                follow = FollowUp(
                    at=day,
                    status=status,
                    text=EVALUATIONS[status],
                    worked=rng.choice([Answer.YES, Answer.PARTLY, Answer.NO, None]),
                    enough=rng.choice([Answer.YES, Answer.PARTLY, Answer.NO, None]),
                )
                carried.append(
                    m.model_copy(
                        update={
                            "carried_from": origin,
                            "status": status,
                            "done_on": day - timedelta(days=3)
                            if status is MeasureStatus.DONE
                            else None,
                            "follow_ups": [*m.follow_ups, follow],
                            "history_names": list(m.history_names),
                            "agreed_names_policy": m.agreed_names_policy or session.names_policy,
                        },
                        deep=True,
                    )
                )
            agreed = []
            for k in range(rng.randint(1, 2)):
                what, challenge = rng.choice(MEASURES)
                scored = rng.random() < 0.6
                agreed.append(
                    Measure(
                        id=f"{public_ref(session.id)[-6:]}m{k}",
                        created_at=at,
                        what=what,
                        challenge=challenge,
                        factor=rng.choice(focus),
                        owner=rng.choice(names),
                        owner_role=rng.choice(OWNER_ROLES),
                        deadline=day + timedelta(weeks=rng.choice((3, 5, 8))),
                        likelihood=rng.randint(2, 5) if scored else None,
                        consequence=rng.randint(2, 5) if scored else None,
                    )
                )
            agreed.append(
                Measure(
                    id=f"{public_ref(session.id)[-6:]}g",
                    created_at=at,
                    what="Samtale med Kari om arbeidsbelastningen",
                    visibility=Visibility.GROUP,
                )
            )
            session.findings = findings
            session.measures = [*carried, *agreed]
            session.dilemmas = [
                Dilemma(
                    id="d1",
                    created_at=at,
                    owner=people[0].id,
                    title="Varsel om trakassering",
                    text="En ansatt har varslet om en kollega.",
                    factors=[FACTORS[7]],
                )
            ]
            session.notes = [
                Note(id="n1", created_at=at, step_id=agenda.steps[0].id, text="Fortrolig notat.")
            ]
            session.started_at = _moment(day, 7)
            session.finished_at = _moment(day, 10)
            session.updated_at = session.finished_at
            session = Session.model_validate(session.model_dump())
            out.append(session)
            # What the next session of the unit follows up: the open shared ones.
            open_measures = [
                (m, m.carried_from or session.id)
                for m in session.measures
                if m.status.is_open and m.visibility is Visibility.SHARED
            ]
    return sorted(out, key=lambda s: (s.date, s.unit))


def export_path(folder: Path, session: Session) -> Path:
    unit = session.unit.split()[0].lower()
    return folder / unit / f"{public_ref(session.id)}-ledelsen.json"


def write_exports(folder: Path, sessions: list[Session]) -> list[Path]:
    """Each session's management export, as `facilitator export SESSION --format json
    -o <folder>/<unit>/<ref>-ledelsen.json` writes it."""
    paths = []
    for session in sessions:
        path = export_path(folder, session)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_json(build_summary(session, Audience.MANAGEMENT)), "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "shared-exports")
    written = write_exports(target, year_of_sessions())
    print(f"{len(written)} exports in {target}")
