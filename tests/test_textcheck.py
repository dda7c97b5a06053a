"""The text nudges: words that should make the screen suggest HR, flag health or
a name, in bokmål and English, and everyday words that must not.

The checks match word stems and short phrases, so some behaviour is a decision
rather than a fact; those cases are listed under "decided" with the reason, so
that changing them is a conscious choice. How well the HR hint reads whole
dilemmas is measured in tests/test_hr_hints.py."""

from __future__ import annotations

import pytest

from facilitator.textcheck import mentions_health, names_someone, suggests_hr

# --- HR ---------------------------------------------------------------------------

HR_NB = [
    # harassment, retaliation, bullying, whistleblowing
    "Hun opplever trakassering fra en kollega",
    "Han sier han blir trakassert på vakt",
    "påstand om seksuell trakassering",
    "En ansatt er blitt mobbet over tid",
    "mobbing i arbeidsgruppa",
    "Hun føler seg utfryst av de andre",
    "frykt for gjengjeldelse etter at hun sa fra",
    "represalier mot den som sa fra",
    "Hun har varslet om kritikkverdige forhold",
    # conflict
    "en konflikt mellom to sykepleiere",
    "Konflikten går ut over hele teamet",
    "konfliktene har vart lenge",
    # work-related sick leave
    "langvarig sykefravær i teamet",
    "Sykefraværet øker",
    "hun har vært sykmeldt i tre uker",
    "han er sykemeldt igjen",
    "en langtidssykmeldt medarbeider",
    # impartiality
    "Er jeg habil når det gjelder en venn?",
    "jeg er kanskje inhabil",
    "spørsmål om habilitet",
    "usikker på habiliteten min",
    "de mener jeg er partisk",
    "hvordan være upartisk",
]
HR_EN = [
    "an employee says she is being harassed",
    "a claim of sexual harassment",
    "fear of retaliation after raising a concern",
    "they retaliated against him",
    "bullying in the team",
    "he was bullied by two colleagues",
    "a whistleblower case",
    "the whistle-blower was moved",
    "a conflict between two nurses",
    "the conflicts affect everyone",
    "she has been on sick leave for months",
    "repeated sick-leave",
    "high sickness absence",
    "a sick note again",
    "doubts about my impartiality",
    "a conflict of interest",
]


@pytest.mark.parametrize("text", HR_NB + HR_EN)
def test_hr_situations_are_suggested(text: str) -> None:
    assert suggests_hr(text)


@pytest.mark.parametrize(
    "text",
    [
        "TRAKASSERING!",
        "(mobbing)",
        "«Konflikt»",
        "konflikt/sykefravær",
        "Mobbing.",
        "—mobbing—",
        "Bullying?!",
        "SICK LEAVE",
        "on sick\nleave",
        "sick   leave",
        "sick, leave",  # punctuation between words reads as a space: fires
        "\tHarassment\n",
    ],
)
def test_hr_ignores_case_punctuation_and_spacing(text: str) -> None:
    assert suggests_hr(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Vi planlegger turnus for sommeren",
        "Hvordan fordele helgevakter rettferdig?",
        "til gjengjeld fikk vi mer tid",  # everyday "in return", not retaliation
        "habiliteringstjenesten har fått ny leder",  # a municipal service
        "jeg sykler til jobben",
        "sykehjemmet har mange vikarer",
        "sykepleierne er slitne",
        "mobilen ringer hele tiden",
        "vi fikk et varsel om ny turnus",  # "varsel" is a notice, not "varsling"
        "We planned the rota for the summer",
        "partial agreement on priorities",
        "a bull market",
        "she was sickly as a child",  # health perhaps, but no HR situation
    ],
)
def test_everyday_text_does_not_suggest_hr(text: str) -> None:
    assert not suggests_hr(text)


@pytest.mark.parametrize(
    ("text", "fires", "why"),
    [
        ("et konfliktfritt team", False, "'free of conflict' says there is none"),
        ("det er ingen mobbing her", False, "a plain negation of the word is understood"),
        ("vi må varsle foreldrene", False, "'varsle' someone outside is plain 'notify'"),
        ("rollekonflikter i teamet", False, "a role conflict is a § 4-3 factor, not an HR case"),
        ("samarbeidskonflikt", True, "a compound naming a conflict between people fires"),
        ("conflicting schedules", False, "'conflicting' is contradictory, not a quarrel"),
        ("hun sier det ikke er mobbing, men det ligner", True, "negation at a distance is not"),
    ],
)
def test_hr_decided_cases(text: str, fires: bool, why: str) -> None:
    assert suggests_hr(text) is fires, why


# --- health -----------------------------------------------------------------------

HEALTH = [
    "Hun er syk",
    "han var syk.",
    "de syke må prioriteres",
    "en alvorlig sykdom",
    "hun er sykmeldt",
    "høyt sykefravær",
    "han har fått en diagnose",
    "depresjon",
    "he seems depressed",
    "angst for å komme på jobb",
    "anxiety",
    "Hun er utbrent",
    "burnout",
    "burn-out",
    "bruker sterke medisiner",
    "on medication",
    "hun er gravid",
    "she is pregnant",
    "problemer med rusmidler",
    "ruspåvirket på jobb",
    "alkohol",
    "alcohol",
    "psykisk helse",
    "her mental health",
    "kreft",
    "cancer treatment",
    "går i terapi",
    "therapy",
    "he is sick",
    "a long illness",
    "she is ill.",
    "ILL",
    "SYKDOM!",
]


@pytest.mark.parametrize("text", HEALTH)
def test_health_words_are_flagged(text: str) -> None:
    assert mentions_health(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "jeg sykler til jobben",
        "en ny sykkel",
        "sykehjemmet",  # a workplace
        "sykepleierne",  # a profession
        "det var ille",
        "stilig",
        "billig løsning",
        "en illustrasjon",
        "I'll be there",
        "we will see",
        "skills and training",
        "helse, miljø og sikkerhet",  # HMS is not about someone's health
        "det psykososiale arbeidsmiljøet",
        "health and safety",
    ],
)
def test_everyday_words_are_not_health(text: str) -> None:
    assert not mentions_health(text)


# --- names ------------------------------------------------------------------------

KNOWN = ["Kari Nordmann", "Ola Hansen", "  Anne-Lise Berg "]


@pytest.mark.parametrize(
    "text",
    [
        "Jeg snakket med Kari om saken",
        "jeg snakket med kari om saken",  # typed fast, in lower case
        "OLA var ikke enig",
        "Ola, kan du ta den?",
        "Kari's idea",
        "hva mente anne-lise?",
    ],
)
def test_a_known_name_is_found(text: str) -> None:
    assert names_someone(text, KNOWN)


@pytest.mark.parametrize(
    "text",
    [
        "Karina har begynt",  # another word starting with a known name
        "en ansatt sa fra",
        "lederen og verneombudet",
        "Olav kommer i morgen",
        "",
    ],
)
def test_a_known_name_inside_another_word_is_not_a_name(text: str) -> None:
    assert not names_someone(text, KNOWN)


def test_one_letter_and_blank_names_are_ignored() -> None:
    assert not names_someone("a b c", ["A", " ", ""])


@pytest.mark.parametrize(
    "text",
    [
        "Vi snakket med Per Olsen om turnus",
        "Ola Hansen sa fra",
        "saken gjelder Ørjan Ås",
        "I talked to John Smith yesterday",
    ],
)
def test_a_capitalised_first_and_last_name_is_a_name(text: str) -> None:
    assert names_someone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi snakket med lederen om turnus",
        "Det var bra. Neste gang blir bedre",  # a full stop is not a space
        "NAV Oslo",  # all capitals: an organisation
        "I dag",
        "per olsen",  # lower case and unknown: missed (a known gap)
        "the employee raised it",
    ],
)
def test_text_without_a_name(text: str) -> None:
    assert not names_someone(text)


@pytest.mark.parametrize(
    ("text", "known", "fires", "why"),
    [
        ("to timer per uke", ["Per Berg"], False, "a name that is also a word needs a capital"),
        ("Per sa nei", ["Per Berg"], True, "... and then it counts"),
        ("Hei Kari", [], True, "a greeting plus a name is two capitalised words"),
        ("Etter Påske", [], True, "two capitalised words need not be a name"),
        ("snakket med Nordmann", ["Kari Nordmann"], True, "last names count too"),
    ],
)
def test_names_decided_cases(text: str, known: list[str], fires: bool, why: str) -> None:
    assert names_someone(text, known) is fires, why
