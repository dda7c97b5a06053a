"""Arbeidsmiljøloven § 4-3 as in force from 1 January 2026.

The paragraph keys (`"1"`, `"2a"`, …) are what agenda files and tags use. The
Norwegian wording is the law's own. The English is our rendering of it in the terms
of the Labour Inspection Authority's own translation of the Act ("fully
satisfactory", "undertaking", "undesirable strain"), so that an English reader
meets the words that translation and an inspector use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from facilitator.i18n import Lang, pick


class Paragraph(StrEnum):
    """A paragraph (ledd), or a letter of the second paragraph, of § 4-3."""

    P1 = "1"
    P2 = "2"
    P2A = "2a"
    P2B = "2b"
    P2C = "2c"
    P2D = "2d"
    P3 = "3"
    P4 = "4"
    P5 = "5"
    P6 = "6"
    P7 = "7"


@dataclass(frozen=True)
class ParagraphInfo:
    ref_nb: str
    ref_en: str
    short_nb: str
    short_en: str

    def ref(self, lang: Lang) -> str:
        return pick(lang, nb=self.ref_nb, en=self.ref_en)

    def short(self, lang: Lang) -> str:
        return pick(lang, nb=self.short_nb, en=self.short_en)


PARAGRAPHS: dict[Paragraph, ParagraphInfo] = {
    Paragraph.P1: ParagraphInfo(
        "§ 4-3 første ledd",
        "§ 4-3 (1)",
        "fullt forsvarlige psykososiale arbeidsmiljøfaktorer",
        "fully satisfactory psychosocial working environment factors",
    ),
    Paragraph.P2: ParagraphInfo(
        "§ 4-3 andre ledd",
        "§ 4-3 (2)",
        "de psykososiale arbeidsmiljøfaktorene",
        "the psychosocial working environment factors",
    ),
    Paragraph.P2A: ParagraphInfo(
        "§ 4-3 andre ledd bokstav a",
        "§ 4-3 (2) a",
        "uklare eller motstridende krav og forventninger i arbeidet",
        "unclear or conflicting demands and expectations in the work",
    ),
    Paragraph.P2B: ParagraphInfo(
        "§ 4-3 andre ledd bokstav b",
        "§ 4-3 (2) b",
        "emosjonelle krav og belastninger i arbeid med mennesker",
        "emotional demands and strain in work with people",
    ),
    Paragraph.P2C: ParagraphInfo(
        "§ 4-3 andre ledd bokstav c",
        "§ 4-3 (2) c",
        "arbeidsmengde og tidspress",
        "workload and time pressure",
    ),
    Paragraph.P2D: ParagraphInfo(
        "§ 4-3 andre ledd bokstav d",
        "§ 4-3 (2) d",
        "støtte og hjelp i arbeidet",
        "support and help in the work",
    ),
    Paragraph.P3: ParagraphInfo(
        "§ 4-3 tredje ledd",
        "§ 4-3 (3)",
        "integritet og verdighet",
        "integrity and dignity",
    ),
    Paragraph.P4: ParagraphInfo(
        "§ 4-3 fjerde ledd",
        "§ 4-3 (4)",
        "kontakt og kommunikasjon med andre arbeidstakere",
        "contact and communication with other employees",
    ),
    Paragraph.P5: ParagraphInfo(
        "§ 4-3 femte ledd",
        "§ 4-3 (5)",
        "trakassering eller annen utilbørlig opptreden",
        "harassment or other improper conduct",
    ),
    Paragraph.P6: ParagraphInfo(
        "§ 4-3 sjette ledd",
        "§ 4-3 (6)",
        "vold, trusler og uheldige belastninger fra kontakt med andre",
        "violence, threats and undesirable strain from contact with others",
    ),
    Paragraph.P7: ParagraphInfo(
        "§ 4-3 sjuende ledd",
        "§ 4-3 (7)",
        "forskrifter fra departementet",
        "regulations issued by the ministry",
    ),
}

# The factors a note, finding, dilemma or measure can be tagged with: every
# paragraph that names a condition of the work (not (2) as a whole, not (7)).
FACTORS: tuple[Paragraph, ...] = (
    Paragraph.P1,
    Paragraph.P2A,
    Paragraph.P2B,
    Paragraph.P2C,
    Paragraph.P2D,
    Paragraph.P3,
    Paragraph.P4,
    Paragraph.P5,
    Paragraph.P6,
)


def label(paragraph: Paragraph, lang: Lang) -> str:
    """`§ 4-3 (2) c – workload and time pressure` in the language asked for."""
    info = PARAGRAPHS[paragraph]
    return f"{info.ref(lang)} – {info.short(lang)}"
