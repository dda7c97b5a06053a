# ruff: noqa: E501 (the labelled sentences read best one to a line)
"""How well the HR hint reads dilemmas: a labelled set of sentences a leader might
write, in bokmål and English, half of which should suggest involving HR and half
of which should not (among them the look-alikes: notifying next of kin, an
announced inspection, low sick leave, a role conflict, conflicting demands,
"no conflicts").

DESIGN.md §3 says when a leader should involve HR: a claim of harassment or
retaliation; a conflict that affects work capacity or several people; work-related
sick leave that lasts or recurs; doubt about the right process or one's own
impartiality. Each sentence that should hint is labelled with the concern it is
mainly about, and the hint must name it.

MAIN is the set the rules were tuned on: it must reach 90 % recall and precision.
HELD_OUT was written after the tuning and never tuned on: it shows how the rules
do on sentences they have not seen. Three times a fresh set was written after a
round of tuning; the first two scored 45 % recall and 75 % precision when first
run, and were then folded into MAIN and tuned on; the third (HELD_OUT now) scored
20 % recall and 100 % precision. So: what the hint flags is mostly right, but it
misses most dilemmas told without the usual words, and no word list will fix
that. The held-out test guards the measured figures; the 80 % recall one is an
expected failure until the rules (or something better than rules) get there.
Print both sets' figures, with the sentences missed or wrongly flagged:

    .venv/bin/python tests/test_hr_hints.py
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from facilitator.i18n import Lang
from facilitator.textcheck import HrConcern, hr_concerns, suggests_hr
from facilitator.tui.capture_forms import nudges

H = HrConcern.HARASSMENT
R = HrConcern.RETALIATION
W = HrConcern.WHISTLEBLOWING
C = HrConcern.CONFLICT
S = HrConcern.SICK_LEAVE
P = HrConcern.PROCESS
I = HrConcern.IMPARTIALITY  # noqa: E741
NO = None
"""Should not hint."""

Case = tuple[str, HrConcern | None]

MAIN_NB: list[Case] = [
    # should hint
    ("En medarbeider føler seg krenket av kommentarene en kollega kommer med om utseendet hennes.", H),
    ("To på nattevakt har i lang tid gjort narr av den nye assistenten foran beboerne.", H),
    ("Hun forteller at en overordnet har sendt henne upassende meldinger på kveldstid.", H),
    ("Flere i teamet sier at de blir holdt utenfor lunsj og sosiale aktiviteter av en fast gruppe.", H),
    ("Jeg har fått høre at en av fagarbeiderne kommer med nedsettende kommentarer om kolleger med utenlandsk bakgrunn.", H),
    ("En ung vikar opplever at en eldre kollega tar på henne på en måte hun ikke liker.", H),
    ("Det går rykter om at én ansatt blir mobbet i garderoben.", H),
    ("Etter at hun meldte avvik om bemanningen, har hun fått færre helgevakter enn før.", R),
    ("Han mener han ble forbigått til stillingen fordi han tok opp arbeidsmiljøet på personalmøtet.", R),
    ("Noen ansatte tør ikke si fra om feil fordi de er redde for reaksjonene fra avdelingslederen.", R),
    ("En sykepleier sier at hun har blitt flyttet til en annen avdeling som straff for at hun klaget.", R),
    ("En ansatt har levert et skriftlig varsel om kritikkverdige forhold i økonomistyringen.", W),
    ("Jeg har mottatt en varsling om en av teamlederne og vet ikke hvordan jeg skal håndtere den.", W),
    ("To av sykepleierne på dagtid snakker ikke lenger sammen, og resten av gruppa merker det.", C),
    ("Uenigheten om den nye turnusen har delt personalgruppa i to leire.", C),
    ("Samarbeidet mellom kjøkkenet og avdelingen har stoppet helt opp etter hendelsen i vinter.", C),
    ("En konflikt mellom to ansatte går nå ut over arbeidsevnen til flere på vakt.", C),
    ("To fagarbeidere nekter å gå vakt sammen, og jeg må lage turnusen rundt dem.", C),
    ("Det er stadig krangling på vaktrommet mellom de faste og de nyansatte.", C),
    ("En medarbeider har vært langtidssykmeldt i fem måneder, og hun sier selv at det skyldes arbeidsbelastningen.", S),
    ("Jeg ser et mønster med hyppige egenmeldinger på mandager hos én ansatt.", S),
    ("Han har vært borte fra jobb i flere uker med det han kaller slitenhet etter omorganiseringen.", S),
    ("Langtidsfraværet i gruppa har økt etter at vi fikk flere brukere med tunge behov.", S),
    ("Hun er delvis sykmeldt for andre gang i år, og jeg lurer på hva vi kan endre i jobben.", S),
    ("Den ansatte som er anklaget, er en jeg omgås privat, så jeg lurer på om jeg bør behandle saken selv.", I),
    ("Jeg og en av de involverte er venner utenfor jobben, og jeg er usikker på om jeg kan være nøytral.", I),
    ("Svogeren min har søkt på en ledig stilling i min enhet.", I),
    ("Jeg vurderer å gi en skriftlig advarsel, men vet ikke hva som er riktig framgangsmåte.", P),
    # should not hint
    ("Vi må bli flinkere til å varsle pårørende når en beboer blir dårligere.", NO),
    ("Arbeidstilsynet har varslet tilsyn i mai, og vi må få orden på dokumentasjonen.", NO),
    ("Vi har lavt sykefravær, men mange sier de er slitne etter kveldsvaktene.", NO),
    ("Det er ingen konflikter i gruppa, men møtene blir lange og lite effektive.", NO),
    ("Jeg opplever en rollekonflikt når jeg både skal være faglig leder og styre økonomien.", NO),
    ("Ansatte får motstridende beskjeder fra meg og fra kommunalsjefen om hva som skal prioriteres.", NO),
    ("Hvordan fordeler vi sommerferien rettferdig når alle vil ha fri i juli?", NO),
    ("Det nye journalsystemet tar mye tid, og dokumentasjonen hoper seg opp.", NO),
    ("Vi har mange deltidsstillinger, og det er vanskelig å skape kontinuitet.", NO),
    ("Teamet er flinke til å støtte hverandre i travle perioder.", NO),
    ("Arbeidsmengden har økt etter at vi overtok to nye boliger, uten at bemanningen er endret.", NO),
    ("Jeg er usikker på hvordan vi skal involvere verneombudet i risikovurderingen.", NO),
    ("Vi skal varsle alle ansatte om den nye turnusen minst seks uker før den trer i kraft.", NO),
    ("Flere ansatte ønsker mer hjemmekontor, mens andre mener det svekker fellesskapet.", NO),
    ("Sykefraværet har gått ned siden vi innførte faste møtepunkter.", NO),
    ("Beboerne på skjermet enhet har ofte utagerende atferd, og personalet blir emosjonelt slitne.", NO),
    ("Jeg lurer på hvordan jeg kan gi mer anerkjennelse uten at det blir kunstig.", NO),
    ("Forventningene fra brukerne og pårørende er høye, og ansatte kjenner på at de ikke strekker til.", NO),
    ("Etter omorganiseringen vet ikke alle hvem de skal rapportere til.", NO),
    ("Vi har hatt en konfliktfri høst, og jeg vil bruke tiden til å jobbe med mål for neste år.", NO),
    ("Hvordan kan vi få nyansatte raskere inn i rutinene?", NO),
    ("Det er lite tid til faglig refleksjon i hverdagen.", NO),
    ("Vi må varsle politiet og legevakten når en bruker forsvinner, men rutinen er ukjent for mange.", NO),
    ("Jeg får varsler på telefonen hele kvelden og klarer ikke å koble av.", NO),
    ("Det er ikke mobbing vi snakker om, men en tøff tone i møtene.", NO),
    ("Vi har gode rutiner for oppfølging av sykmeldte, og jeg vil dele dem med gruppa.", NO),
    ("Kravene til dokumentasjon har økt, og det tar tid fra brukerne.", NO),
    # written as the first held-out set (45 % recall, 75 % precision before it was
    # looked at), then tuned on: now part of the main set
    ("En medarbeider sier at kollegaen stadig kommer med seksuelle hentydninger på nattevakt.", H),
    ("Hun føler seg tråkket på og latterliggjort i morgenmøtene av en av de erfarne sykepleierne.", H),
    ("Etter at han skrev et avvik om legemiddelhåndteringen, har teamlederen behandlet ham kaldt og overlatt ham de tyngste oppgavene.", R),
    ("To i teamet har gått hver til sitt og vil ikke lenger dele vakter, og det påvirker hele turnusen.", C),
    ("Det er dårlig stemning mellom de to teamlederne, og de ansatte føler at de må velge side.", C),
    ("En fagarbeider har hatt mange korte fravær det siste halvåret, og jeg vet ikke om det har med jobben å gjøre.", S),
    ("Hun har vært sykmeldt siden februar og sier hun gruer seg til å komme tilbake til avdelingen.", S),
    ("Jeg har en nær relasjon til en av de ansatte som er part i saken, og lurer på om noen andre bør ta den.", I),
    ("En ansatt har sendt et varsel om at lederen på nabotjenesten bryter rutinene for tvang.", W),
    ("Jeg er usikker på om jeg kan gi en formell advarsel uten å snakke med HR først.", P),
    ("Vi må varsle fastlegen når en beboer får nye symptomer, men det glipper i helgene.", NO),
    ("Sykefraværet i enheten er stabilt lavt, og jeg vil forstå hva vi gjør riktig.", NO),
    ("Ansatte opplever at forventningene fra ledelsen og fra brukerne trekker i hver sin retning.", NO),
    ("Jeg står i en lojalitetskonflikt mellom kommunens sparekrav og det de ansatte trenger.", NO),
    ("Det har ikke vært noen konflikter i høst, men tempoet er høyt.", NO),
    ("Hvordan kan vi bruke medarbeiderundersøkelsen bedre i planleggingen?", NO),
    ("Flere nyansatte sier de savner en fast person å spørre når de er usikre.", NO),
    ("Jeg ønsker å gi teamet mer innflytelse over hvordan turnusen settes opp.", NO),
    ("Vi har fått varsel om budsjettkutt til neste år, og jeg vet ikke hva som må prioriteres bort.", NO),
    ("Vi skal lære opp alle i konflikthåndtering på personalseminaret i høst.", NO),
    # written as the second held-out set (again 45 % recall, 75 % precision before it
    # was looked at), then tuned on: now part of the main set
    ("En av de ansatte har fortalt at teamlederen gjentatte ganger har kommentert kroppen hennes foran andre.", H),
    ("Hun sier at de andre på vakta later som hun ikke finnes og ikke svarer når hun spør om noe.", H),
    ("Etter at han sa fra til verneombudet om for lav bemanning, ble han ikke spurt om ekstravakter lenger.", R),
    ("Det har blitt to grupper på avdelingen som ikke vil spise lunsj sammen, og nye ansatte må velge hvem de skal holde med.", C),
    ("Uenigheten mellom to sykepleiere har gått så langt at den ene har bedt om å bli flyttet.", C),
    ("En medarbeider har vært hjemme med utmattelse i over to måneder, og hun knytter det til arbeidspresset.", S),
    ("Han er ofte borte på fredager og etter helger, og kollegaene begynner å reagere.", S),
    ("Den ene parten i saken er datteren til en god venninne av meg.", I),
    ("Jeg har fått en skriftlig klage på en av mine ansatte fra en kollega, og vet ikke hvordan jeg skal behandle den.", P),
    ("En ansatt har tatt kontakt med tillitsvalgt fordi hun mener lederen hennes trakasserer henne.", H),
    ("Vi har varslet statsforvalteren om at vi ikke rekker fristen for rapporten.", NO),
    ("Fraværet på personalmøtene er høyt fordi mange jobber deltid.", NO),
    ("Jeg vil gjerne at vi blir bedre til å feire det som går bra.", NO),
    ("Det er uenighet i ledergruppa om hvordan vi skal prioritere midlene, men diskusjonene er gode.", NO),
    ("Mange ansatte har to roller, og det er uklart hva som gjelder når de kolliderer.", NO),
    ("Ingen i teamet har vært sykmeldt i år, men flere sier de er på grensen.", NO),
    ("Vi må bli bedre på å melde avvik når utstyr svikter.", NO),
    ("Beboerne har rett til å klage, og vi må svare innen fristen.", NO),
    ("Jeg ønsker at verneombudet skal være mer med i planleggingen av turnus.", NO),
    ("Nattevaktene føler seg alene når det skjer noe alvorlig.", NO),
]  # fmt: skip

MAIN_EN: list[Case] = [
    # should hint
    ("One of the support workers says she feels humiliated by the way a senior colleague speaks to her in front of residents.", H),
    ("A new employee has been excluded from the team's group chat and lunch breaks for weeks.", H),
    ("Two colleagues keep making comments about her body, and she has asked me to do something.", H),
    ("A nurse told me a doctor has been sending her unwanted messages late at night.", H),
    ("Several people say the shift supervisor shouts at staff when things go wrong.", H),
    ("She reported being bullied by her team lead, but she wants it kept quiet.", H),
    ("An apprentice says the older craftsmen mock his accent every day.", H),
    ("Since he raised concerns about staffing at the union meeting, he has been given worse shifts.", R),
    ("She believes she was passed over for the team lead role because she complained about her manager.", R),
    ("Staff are reluctant to report errors because they fear the consequences from the head of department.", R),
    ("After she filed a complaint, her manager stopped inviting her to planning meetings.", R),
    ("An employee has blown the whistle on how the unit handles medication errors.", W),
    ("I've received a whistleblowing report about one of my team leaders.", W),
    ("Two senior nurses have not spoken to each other since the reorganisation, and the whole ward feels it.", C),
    ("The disagreement about the new rota has split the team into two camps.", C),
    ("Two of my electricians refuse to work together, so I have to plan every job around them.", C),
    ("There's a long-running feud between the day and night shifts that new staff get drawn into.", C),
    ("A conflict between two team leaders is slowing down decisions for everyone.", C),
    ("Relations between the kitchen and the care staff have broken down completely.", C),
    ("One of my staff has been on long-term sick leave since January and says the workload is the reason.", S),
    ("He calls in sick almost every other Monday, and colleagues are starting to resent covering for him.", S),
    ("Absence in the home care team has doubled this year, mostly short, frequent spells.", S),
    ("She has been signed off for stress twice this year.", S),
    ("A colleague keeps sending sick notes for a week at a time, and the pattern worries me.", S),
    ("The employee accused of harassment is a close friend of mine outside work, so I'm not sure I should handle it.", I),
    ("My nephew has applied for a temporary job in my department.", I),
    ("I'm worried I can't be impartial because I used to work alongside both of them.", I),
    ("I think a written warning may be needed, but I've never done one and don't want to get the procedure wrong.", P),
    # should not hint
    ("Staff get conflicting demands from the ward manager and the doctors about what comes first.", NO),
    ("I struggle with the role conflict of being both a colleague and their manager.", NO),
    ("Sickness absence in my unit is low, but people say they're exhausted.", NO),
    ("There are no conflicts in the team as such, but meetings drag on.", NO),
    ("We need to notify next of kin faster when a resident's condition changes.", NO),
    ("The Labour Inspection Authority has given notice of an inspection in the spring.", NO),
    ("How do we share out summer holidays fairly when everyone wants July?", NO),
    ("The new rostering system clashes with how we used to plan weekends.", NO),
    ("My calendar is full of meetings, and I have little time for my staff.", NO),
    ("Team members support each other well during busy periods.", NO),
    ("I'm unsure how to involve the safety representative in the risk assessment.", NO),
    ("Workload has grown since we took over two new sites, with no extra staff.", NO),
    ("Many of our staff work part-time, which makes continuity hard.", NO),
    ("Some want more remote work, while others feel it weakens the team spirit.", NO),
    ("We have a scheduling conflict between the AMU meeting and the staff meeting.", NO),
    ("Residents on the dementia unit are often agitated, and staff go home drained.", NO),
    ("I want to give more recognition without it feeling forced.", NO),
    ("Nobody is quite sure who to report to after the reorganisation.", NO),
    ("We had a conflict-free autumn and want to use it to plan next year's goals.", NO),
    ("How can new starters learn our routines faster?", NO),
    ("There is little time for reflection in the working day.", NO),
    ("Expectations from families are high, and staff feel they never do enough.", NO),
    ("Our sick leave follow-up routine works well, and I'd like to share it.", NO),
    ("It isn't bullying, more a blunt tone in meetings that I'd like to soften.", NO),
    ("Documentation demands have grown and take time away from the patients.", NO),
    ("There is a tension between keeping costs down and keeping quality up.", NO),
    ("We must report the incident to the Labour Inspection Authority within the deadline.", NO),
    # written as the first held-out set (45 % recall, 75 % precision before it was
    # looked at), then tuned on: now part of the main set
    ("A cleaner told me a supervisor keeps standing too close and touching her arm when nobody else is around.", H),
    ("Several staff say a colleague spreads rumours about them and laughs at them in the break room.", H),
    ("Ever since she reported the safety issue to the union rep, she has been left off the overtime list.", R),
    ("One nurse says she will resign if she has to keep working with the other one.", C),
    ("The two day-shift coordinators are openly hostile to each other and it's affecting patient handovers.", C),
    ("He has been off work with stress for three months and the GP says it's job-related.", S),
    ("She's had eight separate absences since the autumn, each a couple of days.", S),
    ("I used to share a flat with one of the people involved, so I doubt I'm the right one to investigate.", I),
    ("An employee has raised a formal grievance against the team leader.", P),
    ("Someone has anonymously reported possible fraud in how overtime is recorded.", W),
    ("We need to inform relatives straight away when a resident falls.", NO),
    ("Our absence rate is among the lowest in the municipality.", NO),
    ("Priorities from the clinic and from the municipality pull in opposite directions.", NO),
    ("As a new manager I'm caught in a role conflict between my old colleagues and my new job.", NO),
    ("We want to run a conflict management course for all team leaders next spring.", NO),
    ("How do we make the staff survey results lead to real change?", NO),
    ("There has been no friction in the team since we changed the rota.", NO),
    ("The inspectorate announced an audit of our risk assessments for next month.", NO),
    ("I'd like more time to walk around and talk to staff on the floor.", NO),
    ("The deadlines for two projects conflict with the holiday period.", NO),
    # written as the second held-out set (again 45 % recall, 75 % precision before it
    # was looked at), then tuned on: now part of the main set
    ("A porter says two colleagues keep sending him crude jokes about his sexuality in the group chat.", H),
    ("She told me the night coordinator regularly belittles her in front of patients.", H),
    ("Since he questioned the new budget at the staff meeting, he has not been offered any extra hours.", R),
    ("The argument between the two pharmacists has spread, and now the whole team takes one side or the other.", C),
    ("Two care workers have asked not to be put on the same shift as each other.", C),
    ("One of my team has been on and off sick for most of the year.", S),
    ("He has used up all his self-certified days again and it's only March.", S),
    ("The person who made the complaint is my former partner.", I),
    ("I'm not sure whether this needs to become a formal disciplinary matter.", P),
    ("An employee told the union that patient records are being falsified on the night shift.", W),
    ("We alert the duty doctor whenever a resident's blood sugar drops.", NO),
    ("Absence from training sessions is high because people can't leave the ward.", NO),
    ("We disagree in the management team about budgets, but we argue it out well.", NO),
    ("The nurses often face conflicting instructions from different doctors.", NO),
    ("Nobody in the unit has been on sick leave this year, but several say they are close to the edge.", NO),
    ("Staff should feel free to raise concerns in team meetings.", NO),
    ("Residents have the right to complain, and we have to reply within a set time.", NO),
    ("I want the safety representative more involved in planning.", NO),
    ("Night staff feel alone when something serious happens.", NO),
    ("How do we make sure part-time staff get the same information as everyone else?", NO),
]  # fmt: skip

MAIN = MAIN_NB + MAIN_EN

HELD_OUT: list[Case] = [
    # written after the rules were tuned on MAIN (all three rounds); never tuned on
    ("En ansatt sier at to kolleger har laget en egen chattegruppe der de harselerer med henne.", H),
    ("En assistent forteller at en av legene gjentatte ganger har invitert henne hjem, selv om hun har sagt nei.", H),
    ("Siden hun tok opp overtidsbruken med tillitsvalgt, har hun ikke fått være med på kurs.", R),
    ("Stemningen mellom de to fagansvarlige er så dårlig at de bare kommuniserer via e-post.", C),
    ("Flere ansatte har bedt om å slippe å jobbe med en bestemt kollega.", C),
    ("En miljøarbeider har vært ute i sykmelding tre ganger i år, hver gang etter perioder med mye vold fra brukere.", S),
    ("Etter at vi fikk ny turnus, har én ansatt hatt kortere eller lengre fravær nesten hver måned.", S),
    ("Jeg var med på å ansette henne, og vi har kjent hverandre siden studietiden.", I),
    ("Jeg vet ikke om jeg bør kalle inn til en alvorlig samtale eller gå via HR med en gang.", P),
    ("En sykepleier påstår at en kollega har tatt med seg medisiner hjem, og hun vil at jeg skal gjøre noe.", W),
    ("Vi varsler alltid nærmeste pårørende når noen blir innlagt.", NO),
    ("Sykefraværet vårt er under snittet i kommunen.", NO),
    ("Det blir stadig flere oppgaver uten at noe blir tatt bort.", NO),
    ("Jeg sliter med å være både kollega og leder for de samme folkene.", NO),
    ("Vi har gode diskusjoner i teamet, selv når vi er uenige.", NO),
    ("Ansatte vet ikke hvem de skal spørre når fagansvarlig er borte.", NO),
    ("Det har vært mange nyansettelser i år, og opplæringen henger etter.", NO),
    ("Pårørende klager ofte på at de ikke får informasjon.", NO),
    ("Vi har et godt samarbeid med bedriftshelsetjenesten.", NO),
    ("Hvordan sikrer vi at alle får tatt ut pausene sine?", NO),
    ("A young worker says a manager from another site keeps texting her at night asking her out.", H),
    ("Two staff members say a colleague makes remarks about their religion during lunch.", H),
    ("After she gave evidence in the investigation, her line manager moved her to the night rota without asking.", R),
    ("The team has split over the new working hours, and people now sit apart in the canteen.", C),
    ("The tension between the two senior carers is so bad that staff avoid working with either of them.", C),
    ("He's been off with back pain for ten weeks and says the lifting on the ward caused it.", S),
    ("Her absences have become more frequent since she was moved to the busier unit.", S),
    ("The employee I'm meant to assess for promotion is my golf partner.", I),
    ("I don't know whether I can handle this myself or whether it needs a formal process with HR.", P),
    ("A member of staff says she has seen a colleague take money from a resident's account.", W),
    ("We always inform next of kin when a resident is admitted to hospital.", NO),
    ("Our sick leave is below the municipal average.", NO),
    ("More tasks keep arriving, and nothing is ever taken away.", NO),
    ("I find it hard to be both a colleague and a manager to the same people.", NO),
    ("We have good discussions in the team, even when we disagree.", NO),
    ("Staff don't know who to ask when the clinical lead is away.", NO),
    ("We have hired many new people this year, and training is lagging behind.", NO),
    ("Relatives often complain that they don't get enough information.", NO),
    ("We work well with the occupational health service.", NO),
    ("How do we make sure everyone actually gets their breaks?", NO),
]  # fmt: skip


def scores(cases: list[Case]) -> tuple[float, float, float]:
    """Recall and precision of `suggests_hr` on `cases`, and the share of the
    sentences rightly flagged whose labelled concern the hint names."""
    found = [(expected, hr_concerns(text)) for text, expected in cases]
    hits = [(expected, got) for expected, got in found if expected is not None and got]
    flagged = sum(1 for _, got in found if got)
    should = sum(1 for expected, _ in found if expected is not None)
    recall = len(hits) / should if should else 1.0
    precision = len(hits) / flagged if flagged else 1.0
    named = sum(1 for expected, got in hits if expected in got) / len(hits) if hits else 1.0
    return recall, precision, named


def test_main_set_is_large_balanced_and_bilingual() -> None:
    assert len(MAIN) >= 100
    assert len(set(text for text, _ in MAIN)) == len(MAIN)
    for half in (MAIN_NB, MAIN_EN):
        positives = sum(1 for _, expected in half if expected is not None)
        assert abs(positives - len(half) / 2) <= 1
    assert {expected for _, expected in MAIN if expected is not None} == set(HrConcern)


def test_the_hint_reaches_90_percent_recall_and_precision_on_the_main_set() -> None:
    recall, precision, named = scores(MAIN)
    assert recall >= 0.9, report(MAIN)
    assert precision >= 0.9, report(MAIN)
    assert named >= 0.9, report(MAIN)


def test_the_held_out_set_as_measured() -> None:
    """Not a target: the figures measured on sentences the rules never saw, so a
    change that makes them worse is noticed (see the module note)."""
    recall, precision, named = scores(HELD_OUT)
    assert len(HELD_OUT) >= 30
    assert precision >= 0.8, report(HELD_OUT)
    assert recall >= 0.2, report(HELD_OUT)
    assert named >= 0.9, report(HELD_OUT)


@pytest.mark.xfail(
    strict=True,
    reason="a word list misses most dilemmas described without the usual words "
    "(20 % recall on the held-out set); when this passes, raise the bound above",
)
def test_the_held_out_set_reaches_80_percent_recall() -> None:
    assert scores(HELD_OUT)[0] >= 0.8


# The cases the issue named: missed before, or flagged needlessly.
ISSUE: list[tuple[str, HrConcern | None]] = [
    ("Hun føler seg krenket", H),
    ("han har langtidsfravær", S),
    ("hyppige egenmeldinger", S),
    ("vi er venner privat", I),
    ("Vi må varsle pårørende", None),
    ("Arbeidstilsynet har varslet tilsyn", None),
    ("lavt sykefravær", None),
    ("conflicting demands", None),
    ("a role conflict", None),
    ("ingen konflikter", None),
]


@pytest.mark.parametrize(("text", "concern"), ISSUE)
def test_the_cases_named_in_the_issue(text: str, concern: HrConcern | None) -> None:
    assert hr_concerns(text) == ([concern] if concern else [])


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e in MAIN + HELD_OUT])
def test_suggests_hr_is_whether_any_concern_was_seen(text: str, expected: HrConcern | None) -> None:
    assert suggests_hr(text) is bool(hr_concerns(text))


def test_concerns_come_once_each_in_a_fixed_order() -> None:
    text = (
        "Hun er sykmeldt etter en konflikt, og sier hun blir mobbet. "
        "Konflikten har vart lenge, og jeg er venner privat med den andre."
    )
    assert hr_concerns(text) == [H, C, S, I]


def _workshop() -> Any:
    # `nudges` reads only the participants' names from the workshop
    return SimpleNamespace(session=SimpleNamespace(participants=[]))


@pytest.mark.parametrize(
    ("lang", "values", "hint"),
    [
        (
            "nb",
            {"title": "Fravær", "text": "Hun er langtidssykmeldt etter en konflikt i teamet."},
            "Tips: Dette kan handle om en konflikt og sykefravær – noe der HR bør trekkes inn.",
        ),
        (
            "en",
            {"title": "Absence", "text": "She has been on sick leave after a conflict."},
            "Tip: this may be about a conflict and sick leave, where HR should be involved.",
        ),
        (
            "en",
            {"title": "", "text": "A close friend of mine was bullied, and there is a feud."},
            "Tip: this may be about harassment, a conflict and your impartiality, where HR "
            "should be involved.",
        ),
        (
            "nb",
            {"title": "Tilsyn", "text": "Arbeidstilsynet har varslet tilsyn."},
            None,
        ),
    ],
)
def test_the_form_hint_says_which_concern_it_saw(
    lang: Lang, values: dict[str, Any], hint: str | None
) -> None:
    found = [h for h in nudges(_workshop(), values, lang, hr=True) if "HR" in h]
    assert found == ([hint] if hint else [])


def test_forms_without_the_hr_hint_do_not_show_it() -> None:
    values = {"text": "en konflikt i teamet"}
    assert not [h for h in nudges(_workshop(), values, "nb", hr=False) if "HR" in h]


def report(cases: list[Case]) -> str:
    recall, precision, named = scores(cases)
    lines = [f"recall {recall:.0%}, precision {precision:.0%}, concern named {named:.0%}"]
    for text, expected in cases:
        got = hr_concerns(text)
        if (expected is None) != (not got) or (expected is not None and expected not in got):
            lines.append(f"  expected {expected}, got {[str(c) for c in got]}: {text}")
    return "\n".join(lines)


if __name__ == "__main__":
    print("main set:", len(MAIN), "sentences")
    print(report(MAIN))
    print("held-out set:", len(HELD_OUT), "sentences")
    print(report(HELD_OUT))
