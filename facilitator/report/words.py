"""What the documents build of words: the documents' word lookup `w`, column
headers, statuses, counts and the statement of what a record documents. The words
themselves are in `facilitator.i18n.document_words`."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from facilitator.i18n import Lang
from facilitator.i18n.words import document
from facilitator.law import Paragraph, label
from facilitator.session.model import Answer, MeasureStatus
from facilitator.timefmt import long_date

# The HMS action plan's columns, in the order DESIGN.md §3 gives them.
ACTION_PLAN_COLUMNS: tuple[str, ...] = (
    "col_challenge",
    "col_factor",
    "col_likelihood",
    "col_consequence",
    "col_risk",
    "col_measure",
    "col_owner",
    "col_deadline",
    "col_status",
    "col_evaluation",
    "col_done_on",
)


w = document
"""The documents' word or sentence `key` in `lang` with `values` filled in:
`w(key, lang, **values)`."""


def columns(lang: Lang) -> list[str]:
    """The action plan's column headers."""
    return [w(key, lang) for key in ACTION_PLAN_COLUMNS]


def status_word(status: MeasureStatus, lang: Lang) -> str:
    return w(f"status_{status.value}", lang)


def factor_label(factor: Paragraph | None, lang: Lang) -> str:
    return label(factor, lang) if factor is not None else w("no_factor", lang)


def answers_text(worked: Answer | None, enough: Answer | None, lang: Lang) -> str:
    """`virket: delvis, nok: nei`: a follow-up's answers to the Labour Inspection
    Authority's questions; empty when the group gave none."""
    parts = [
        w("ev_worked", lang, answer=w(f"answer_{worked.value}", lang)) if worked else "",
        w("ev_enough", lang, answer=w(f"answer_{enough.value}", lang)) if enough else "",
    ]
    return ", ".join(p for p in parts if p)


def meeting_time(moment: datetime, lang: Lang, zone: str) -> str:
    """The next meeting in the room's time zone `zone` (IANA), wherever the document
    is made or read: `mandag 20. april 2026 kl. 09:00`."""
    local = moment.astimezone(ZoneInfo(zone))
    day = long_date(local.date(), lang, weekday=True)
    return w("meeting_at", lang, day=day, time=f"{local:%H:%M}")


def count_phrase(n: int, one: str, many: str, lang: Lang) -> str:
    """`ingen risikoer`, `1 risiko`, `3 risikoer` (and the English)."""
    if n == 0:
        return w("count_none", lang, what=many)
    return f"{n} {one if n == 1 else many}"


def counted(n: int, noun: str, lang: Lang) -> str:
    """`count_phrase` of the words `noun_{noun}` (one) and `noun_{noun}_many`."""
    return count_phrase(n, w(f"noun_{noun}", lang), w(f"noun_{noun}_many", lang), lang)


def dilemma_count(n: int, lang: Lang) -> str:
    return counted(n, "dilemma", lang)


def documents_statement(
    lang: Lang,
    audience: str,
    present: int,
    factors: int,
    strengths: int,
    risks: int,
    measures: int,
    scored: int,
    followed_up: int,
) -> list[str]:
    """What the document can serve as in the internal control, with this session's
    own figures: the leaders' participation, the factors mapped, the measures agreed
    (and how many carry a risk score) and the follow-up of earlier ones
    (internkontrollforskriften § 5 no. 6 and 8). It claims no more: one meeting of
    leaders is not the employees' participation (no. 3), and sorting what was found
    by factor is not a risk assessment (DESIGN.md §3)."""
    this = w("st_this_group" if audience == "group" else "st_this_management", lang)
    scores = w("st_scores", lang, scored=scored) if measures else ""
    return [
        w("st_intro", lang, This=this.capitalize()),
        w("st_leaders", lang, leaders=counted(present, "leader", lang)),
        w(
            "st_mapping",
            lang,
            factors=counted(factors, "factor", lang),
            strengths=counted(strengths, "strength", lang),
            risks=counted(risks, "risk", lang),
        ),
        w(
            "st_measures",
            lang,
            agreed=counted(measures, "measure", lang),
            scores=scores,
            this=this,
        ),
        w("st_follow_up", lang, earlier=counted(followed_up, "measure", lang)),
    ]
