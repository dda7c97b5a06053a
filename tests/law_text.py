"""The wording of arbeidsmiljøloven § 4-3 as in force from 1 January 2026, for the
tests that check how the agendas quote it ((5) with the definitions of harassment
in force since 1 January 2024).

The Norwegian is the law. The English is our rendering, in the terms of the
Labour Inspection Authority's own translation of the Act ("undertaking", "fully
satisfactory", "undesirable strain"); it has none yet of the two paragraphs added
in 2026, so (1) and (2) are ours alone. Every agenda uses this same English.
"""

from __future__ import annotations

LAW_NB = {
    "1": "Arbeidet skal organiseres, planlegges og gjennomføres slik at de psykososiale "
    "arbeidsmiljøfaktorene i virksomheten er fullt forsvarlige ut fra hensynet til "
    "arbeidstakernes helse, sikkerhet og velferd.",
    "2": "Psykososiale arbeidsmiljøfaktorer er i tillegg til forhold som nevnt i tredje til "
    "sjette ledd blant annet "
    "a. uklare eller motstridende krav og forventninger i arbeidet "
    "b. emosjonelle krav og belastninger i arbeid med mennesker "
    "c. arbeidsmengde og tidspress som innebærer ubalanse mellom arbeidet som skal "
    "utføres, og den tiden som er til rådighet "
    "d. støtte og hjelp i arbeidet.",
    "2a": "uklare eller motstridende krav og forventninger i arbeidet",
    "2b": "emosjonelle krav og belastninger i arbeid med mennesker",
    "2c": "arbeidsmengde og tidspress som innebærer ubalanse mellom arbeidet som skal "
    "utføres, og den tiden som er til rådighet",
    "2d": "støtte og hjelp i arbeidet",
    "3": "Arbeidet skal legges til rette slik at arbeidstakers integritet og verdighet ivaretas.",
    "4": "Arbeidet skal søkes utformet slik at det gir mulighet for kontakt og "
    "kommunikasjon med andre arbeidstakere i virksomheten.",
    "5": "Arbeidstaker skal ikke utsettes for trakassering, herunder seksuell trakassering, "
    "eller annen utilbørlig opptreden. Med trakassering menes handlinger, unnlatelser "
    "eller ytringer som har som formål eller virkning å være krenkende, skremmende, "
    "fiendtlige, nedverdigende eller ydmykende. Med seksuell trakassering menes enhver "
    "form for uønsket seksuell oppmerksomhet som har som formål eller virkning å være "
    "krenkende, skremmende, fiendtlig, nedverdigende, ydmykende eller plagsom.",
    "6": "Arbeidstaker skal, så langt det er mulig, beskyttes mot vold, trusler og uheldige "
    "belastninger som følge av kontakt med andre.",
}
LAW_EN = {
    "1": "Work shall be organised, planned and carried out so that the psychosocial working "
    "environment factors in the undertaking are fully satisfactory with regard to the "
    "employees' health, safety and welfare.",
    "2": "In addition to the matters mentioned in the third to sixth paragraphs, "
    "psychosocial working environment factors include, among others: "
    "a. unclear or conflicting demands and expectations in the work "
    "b. emotional demands and strain in work with people "
    "c. workload and time pressure that involve an imbalance between the work to be "
    "done and the time available "
    "d. support and help in the work.",
    "2a": "unclear or conflicting demands and expectations in the work",
    "2b": "emotional demands and strain in work with people",
    "2c": "workload and time pressure that involve an imbalance between the work to be "
    "done and the time available",
    "2d": "support and help in the work",
    "3": "The work shall be arranged so as to preserve the employees' integrity and dignity.",
    "4": "Efforts shall be made to arrange the work so as to enable contact and "
    "communication with other employees of the undertaking.",
    "5": "Employees shall not be subjected to harassment, including sexual harassment, or "
    "other improper conduct. Harassment means acts, omissions or statements that have "
    "the purpose or effect of being offensive, frightening, hostile, degrading or "
    "humiliating. Sexual harassment means any form of unwanted sexual attention that "
    "has the purpose or effect of being offensive, frightening, hostile, degrading, "
    "humiliating or troublesome.",
    "6": "Employees shall, as far as possible, be protected against violence, threats and "
    "undesirable strain as a result of contact with other persons.",
}
RENDERING_NOTE = (
    "(Our English rendering, in the terms of the Labour Inspection Authority's "
    "translation. The Norwegian text is the law.)"
)
"""What follows every English quotation of the law in an agenda."""
