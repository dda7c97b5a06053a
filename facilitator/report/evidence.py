"""The evidence pack: a period's work on the psychosocial work environment, as an
employer shows it to the Labour Inspection Authority, made from what the units
shared (`shared_exports`): the sessions held, the § 4-3 factors they took up,
the strengths and risks noted, and every shared measure once with its history.

It is built from management summaries only, so nothing kept in a group can
change it (tests/test_evidence.py proves it for every format). The statement of
what it shows for the internal control (internkontrollforskriften § 5) is made
here from the pack's own figures, and claims no more than they carry: employee
participation (no. 3) only for sessions where a safety or union representative
was present, mapping and measures (no. 6), follow-up (no. 8).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from facilitator.i18n import Lang, pick
from facilitator.law import FACTORS, Paragraph
from facilitator.report.shared_exports import LeanMeasure, SharedSession, latest_shared_measures
from facilitator.report.words import count_phrase, factor_label, w
from facilitator.session.model import Answer, ParticipantRole
from facilitator.session.refs import session_date
from facilitator.session.units import unit_key
from facilitator.timefmt import short_date

EVIDENCE_FORMAT = "facilitator-evidence"
EVIDENCE_SCHEMA_VERSION = 1

# Units are typed by hand and compared by `unit_key`, which normalises every
# character; there are few units and many sessions, so each spelling is worked out once.
same_unit = lru_cache(maxsize=4096)(unit_key)

REPRESENTATIVES = (ParticipantRole.SAFETY_REP, ParticipantRole.UNION_REP)
"""The roles whose presence shows the employees' participation (§ 5 no. 3)."""


@dataclass(frozen=True)
class HeldSession:
    """A session held in the period, as its management export gives it."""

    number: int
    """1, 2, … in the order of the sessions table (by date, then unit)."""
    ref: str
    """The session's name-free reference."""
    day: date
    unit: str
    title: str
    agenda_id: str
    agenda_title: str
    theme: str | None
    paragraphs: tuple[Paragraph, ...]
    """The paragraphs of § 4-3 its agenda covers."""
    present: int
    roles: tuple[tuple[ParticipantRole, int], ...] | None
    """Counts per role of those present; None when the export did not record roles."""
    finished: bool
    mapped: frozenset[Paragraph]
    """Factors under which the group noted a strength or a risk (shared ones)."""
    agreed: frozenset[Paragraph]
    """Factors of the measures agreed in the session (shared ones)."""

    @property
    def with_representatives(self) -> bool:
        return any(role in REPRESENTATIVES and n > 0 for role, n in self.roles or ())


FoundKind = Literal["strength", "risk"]
_SIDES: tuple[FoundKind, FoundKind] = ("strength", "risk")


@dataclass(frozen=True)
class FoundItem:
    """A strength or a risk a group noted and shared."""

    kind: FoundKind
    text: str
    factor: Paragraph | None
    session: HeldSession


@dataclass(frozen=True)
class FactorRow:
    """One § 4-3 factor over the period."""

    paragraph: Paragraph
    on_agenda: int
    """Sessions whose agenda covers it."""
    mapped: int
    """Sessions that noted a strength or a risk under it."""
    strengths: int
    risks: int
    agreed: int
    """Measures agreed under it in the period."""
    highest_risk: int | None
    """The highest risk score of its measures in the register."""


@dataclass(frozen=True)
class RegisterEntry:
    """A measure, once, in its newest copy up to the end of the period."""

    measure: LeanMeasure
    origin_ref: str
    """The reference of the session that agreed it."""
    agreed_on: date | None
    agreed_unit: str
    """The unit of the session that agreed it (of the newest copy when unknown)."""
    unit: str
    """The unit of the session holding the newest copy."""
    latest_ref: str
    latest_on: date
    overdue: bool
    followed_up_in_period: bool
    agreed_in_period: bool


@dataclass(frozen=True)
class EvidencePack:
    lang: Lang
    start: date
    end: date
    as_of: date
    """The day deadlines are judged by: the period's end, or today if that is earlier."""
    unit: str | None
    sessions: list[HeldSession]
    findings: list[FoundItem]
    factors: list[FactorRow]
    register: list[RegisterEntry]
    """By factor in the law's order, then deadline."""
    statement: list[str]
    """What the pack shows for the internal control; the first line introduces the rest."""
    not_included: list[str]
    summaries_used: int

    @property
    def units(self) -> list[str]:
        seen: dict[str, str] = {}
        for s in self.sessions:
            seen.setdefault(same_unit(s.unit), s.unit)
        return sorted(seen.values(), key=str.casefold)

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.register if r.overdue)


@cache
def short_day(day: date | None, lang: Lang) -> str:
    """`short_date`, remembered: a pack over thousands of sessions writes the same
    few hundred days tens of thousands of times."""
    return short_date(day, lang)


def is_open_overdue(m: LeanMeasure, as_of: date) -> bool:
    return m.status.is_open and m.deadline is not None and m.deadline < as_of


def build_pack(
    shared: list[SharedSession],
    start: date,
    end: date,
    lang: Lang,
    unit: str | None = None,
    today: date | None = None,
) -> EvidencePack:
    """The pack for the sessions dated `start`…`end` (both included), of `unit`
    when given. Sessions after `end` are left out altogether: the register shows
    each measure as it stood at the period's end."""
    wanted = unit_key(unit) if unit else None
    upto = [
        s
        for s in shared
        if s.summary.date <= end and (wanted is None or same_unit(s.summary.unit) == wanted)
    ]
    in_period = [s for s in upto if s.summary.date >= start]
    as_of = min(end, today) if today else end
    held = [_held(i, s) for i, s in enumerate(in_period, start=1)]
    findings = [
        FoundItem(kind, f.text, group.factor.paragraph, h)
        for h, s in zip(held, in_period, strict=True)
        for group in s.summary.findings
        for kind, items in zip(_SIDES, (group.strengths, group.risks), strict=True)
        for f in items
    ]
    by_ref = {s.summary.session_id: s for s in upto}
    register = _register(upto, by_ref, start, end, as_of)
    factors = _factors(held, findings, register)
    pack = EvidencePack(
        lang=lang,
        start=start,
        end=end,
        as_of=as_of,
        unit=unit,
        sessions=held,
        findings=findings,
        factors=factors,
        register=register,
        statement=[],
        not_included=[
            w("ev_not_included_group", lang),
            w("ev_not_included_people", lang),
            w("ev_not_included_unshared", lang),
        ],
        summaries_used=len(upto),
    )
    pack.statement.extend(statement(pack))
    return pack


def _held(number: int, s: SharedSession) -> HeldSession:
    summary = s.summary
    roles = (
        tuple((r.role, r.count) for r in summary.roles_present)
        if summary.roles_present is not None
        else None
    )
    return HeldSession(
        number=number,
        ref=summary.session_id,
        day=summary.date,
        unit=summary.unit,
        title=summary.title,
        agenda_id=summary.agenda_id,
        agenda_title=summary.agenda_title,
        theme=summary.agenda_theme,
        paragraphs=tuple(summary.agenda_paragraphs),
        present=summary.present_count,
        roles=roles,
        finished=s.finished,
        mapped=frozenset(
            g.factor.paragraph
            for g in summary.findings
            if g.factor.paragraph is not None and (g.strengths or g.risks)
        ),
        agreed=frozenset(
            m.factor.paragraph for m in summary.measures if m.factor.paragraph is not None
        ),
    )


def _register(
    upto: list[SharedSession],
    by_ref: dict[str, SharedSession],
    start: date,
    end: date,
    as_of: date,
) -> list[RegisterEntry]:
    rows = []
    for (origin, _), (m, s) in latest_shared_measures(upto).items():
        agreed_here = m.carried_from is None
        agreed_on = s.summary.date if agreed_here else (m.agreed_on or session_date(origin))
        followed = any(start <= f.at <= end for f in m.follow_ups)
        agreed_in_period = agreed_on is not None and start <= agreed_on <= end
        in_period = start <= s.summary.date
        if not (in_period or followed or agreed_in_period or m.status.is_open):
            continue
        source = by_ref.get(origin)
        rows.append(
            RegisterEntry(
                measure=m,
                origin_ref=origin,
                agreed_on=agreed_on,
                agreed_unit=source.summary.unit if source else s.summary.unit,
                unit=s.summary.unit,
                latest_ref=s.summary.session_id,
                latest_on=s.summary.date,
                overdue=is_open_overdue(m, as_of),
                followed_up_in_period=followed,
                agreed_in_period=agreed_in_period,
            )
        )
    order = {p: i for i, p in enumerate((*Paragraph, None))}
    rows.sort(
        key=lambda r: (
            order[r.measure.factor.paragraph],
            r.measure.deadline or date.max,
            r.measure.what,
            r.origin_ref,
            r.measure.id,
        )
    )
    return rows


def _factors(
    held: list[HeldSession], findings: list[FoundItem], register: list[RegisterEntry]
) -> list[FactorRow]:
    strengths: dict[Paragraph | None, int] = defaultdict(int)
    risks: dict[Paragraph | None, int] = defaultdict(int)
    for f in findings:
        (strengths if f.kind == "strength" else risks)[f.factor] += 1
    agreed: dict[Paragraph | None, int] = defaultdict(int)
    highest: dict[Paragraph | None, int] = {}
    for r in register:
        p = r.measure.factor.paragraph
        if r.agreed_in_period:
            agreed[p] += 1
        if r.measure.risk is not None:
            highest[p] = max(highest.get(p, 0), r.measure.risk)
    return [
        FactorRow(
            paragraph=p,
            on_agenda=sum(1 for h in held if p in h.paragraphs),
            mapped=sum(1 for h in held if p in h.mapped),
            strengths=strengths[p],
            risks=risks[p],
            agreed=agreed[p],
            highest_risk=highest.get(p),
        )
        for p in FACTORS
    ]


def _n(n: int, lang: Lang, nb: tuple[str, str], en: tuple[str, str]) -> str:
    one, many = pick(lang, nb=nb, en=en)
    return count_phrase(n, one, many, lang)


def statement(pack: EvidencePack) -> list[str]:
    """What the pack shows for the internal control, from its own figures."""
    lang = pack.lang
    n = len(pack.sessions)
    sessions = _n(n, lang, ("økt", "økter"), ("session", "sessions"))
    reps = sum(1 for s in pack.sessions if s.with_representatives)
    unknown = sum(1 for s in pack.sessions if s.roles is None)
    participation = w("ev_reps_some", lang, reps=reps, n=n) if reps else w("ev_reps_none", lang)
    if unknown:
        participation += " " + w("ev_roles_unknown", lang, k=unknown)
    mapped = sum(1 for f in pack.factors if f.mapped)
    agreed = [r for r in pack.register if r.agreed_in_period]
    followed = [r for r in pack.register if r.followed_up_in_period]

    def answered(r: RegisterEntry, field: Literal["worked", "enough"]) -> bool:
        return any(
            getattr(f, field) is not None
            for f in r.measure.follow_ups
            if pack.start <= f.at <= pack.end
        )

    return [
        w("ev_statement_intro", lang),
        participation,
        w(
            "ev_mapping",
            lang,
            sessions=sessions,
            mapped=mapped,
            total=len(FACTORS),
            strengths=_n(
                sum(f.strengths for f in pack.factors),
                lang,
                ("styrke", "styrker"),
                ("strength", "strengths"),
            ),
            risks=_n(
                sum(f.risks for f in pack.factors),
                lang,
                ("risiko", "risikoer"),
                ("risk", "risks"),
            ),
        ),
        w(
            "ev_measures",
            lang,
            agreed=_n(len(agreed), lang, ("tiltak", "tiltak"), ("measure", "measures")),
            scored=sum(1 for r in agreed if r.measure.risk is not None),
        ),
        w(
            "ev_follow_up",
            lang,
            followed=_n(len(followed), lang, ("tiltak", "tiltak"), ("measure", "measures")),
            worked=sum(1 for r in followed if answered(r, "worked")),
            enough=sum(1 for r in followed if answered(r, "enough")),
            overdue=_n(pack.overdue, lang, ("tiltak", "tiltak"), ("measure", "measures")),
            date=short_day(pack.as_of, lang),
        ),
        w("ev_not_claimed", lang),
    ]


# --- words the layouts share -------------------------------------------------------


def answer_word(answer: Answer | None, lang: Lang) -> str:
    return w(f"answer_{answer.value}", lang) if answer is not None else ""


def roles_text(roles: tuple[tuple[ParticipantRole, int], ...] | None, lang: Lang) -> str:
    """`4 ledere, 1 verneombud`; `ikke registrert` when the export did not record roles."""
    if roles is None:
        return w("ev_roles_not_recorded", lang)
    return ", ".join(
        f"{n} {w(f'role_{role.value}' + ('' if n == 1 else '_many'), lang)}"
        for role, n in roles
        if n
    )


def agenda_text(s: HeldSession, lang: Lang) -> str:
    text = s.agenda_title + (f": {s.theme}" if s.theme else "")
    return text + (f" ({w('ev_draft', lang)})" if not s.finished else "")


def factor_name(paragraph: Paragraph | None, lang: Lang) -> str:
    """The factor in the pack's language, whatever language the export was in."""
    return factor_label(paragraph, lang)


def agreed_text(r: RegisterEntry, lang: Lang) -> str:
    """`19.01.2026, Hjemmetjenesten`: when and where a measure was agreed."""
    day = short_day(r.agreed_on, lang) if r.agreed_on else w("earlier_session", lang)
    return f"{day}, {r.agreed_unit}" if r.agreed_unit else day


# --- JSON ------------------------------------------------------------------------


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def pack_data(pack: EvidencePack) -> dict[str, object]:
    """The pack as data with stable keys (every key always there, null where a value
    is missing); `schema_version` changes if a key ever changes meaning."""
    lang = pack.lang
    return {
        "format": EVIDENCE_FORMAT,
        "schema_version": EVIDENCE_SCHEMA_VERSION,
        "lang": lang,
        "from": _day(pack.start),
        "to": _day(pack.end),
        "as_of": _day(pack.as_of),
        "unit": pack.unit,
        "summaries_used": pack.summaries_used,
        "sessions": [
            {
                "number": s.number,
                "ref": s.ref,
                "date": _day(s.day),
                "unit": s.unit,
                "title": s.title,
                "agenda_id": s.agenda_id,
                "agenda_title": s.agenda_title,
                "agenda_theme": s.theme,
                "agenda_paragraphs": [p.value for p in s.paragraphs],
                "present_count": s.present,
                "roles_present": (
                    None if s.roles is None else [{"role": r.value, "count": n} for r, n in s.roles]
                ),
                "finished": s.finished,
                "factors_mapped": sorted(p.value for p in s.mapped),
                "factors_with_measures": sorted(p.value for p in s.agreed),
            }
            for s in pack.sessions
        ],
        "factors": [
            {
                "paragraph": f.paragraph.value,
                "label": factor_name(f.paragraph, lang),
                "sessions_on_agenda": f.on_agenda,
                "sessions_mapped": f.mapped,
                "strengths": f.strengths,
                "risks": f.risks,
                "measures_agreed": f.agreed,
                "highest_risk": f.highest_risk,
            }
            for f in pack.factors
        ],
        "findings": [
            {
                "kind": f.kind,
                "text": f.text,
                "paragraph": f.factor.value if f.factor else None,
                "session_ref": f.session.ref,
                "date": _day(f.session.day),
                "unit": f.session.unit,
            }
            for f in pack.findings
        ],
        "measures": [
            {
                "id": r.measure.id,
                "origin_ref": r.origin_ref,
                "what": r.measure.what,
                "challenge": r.measure.challenge,
                "paragraph": r.measure.factor.paragraph.value
                if r.measure.factor.paragraph
                else None,
                "owner": r.measure.owner,
                "deadline": _day(r.measure.deadline),
                "status": r.measure.status.value,
                "done_on": _day(r.measure.done_on),
                "likelihood": r.measure.likelihood,
                "consequence": r.measure.consequence,
                "risk": r.measure.risk,
                "risk_scale": r.measure.risk_scale,
                "agreed_on": _day(r.agreed_on),
                "agreed_unit": r.agreed_unit,
                "unit": r.unit,
                "latest_ref": r.latest_ref,
                "latest_on": _day(r.latest_on),
                "overdue": r.overdue,
                "follow_ups": [
                    {
                        "at": _day(f.at),
                        "status": f.status.value,
                        "text": f.text,
                        "worked": f.worked.value if f.worked else None,
                        "enough": f.enough.value if f.enough else None,
                    }
                    for f in r.measure.follow_ups
                ],
            }
            for r in pack.register
        ],
        "statement": pack.statement,
        "not_included": pack.not_included,
    }


def render_pack_json(pack: EvidencePack) -> str:
    import json

    return json.dumps(pack_data(pack), indent=2, ensure_ascii=False) + "\n"
