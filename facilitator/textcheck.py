"""Gentle checks of free text: does a dilemma touch something where HR should be
involved (and which concern), and does a note seem to name a person or mention
health?

These are nudges, not gates: they look for words and short phrases, so they miss
things and sometimes fire needlessly. The screen shows a hint and the user
decides. How well the HR rules do is measured in tests/test_hr_hints.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

# A trailing space means the whole word ("syk " but not "sykkel").
_HEALTH_STEMS = (
    "syk ",
    "syke ",
    "sykd",
    "sykm",
    "sykem",
    "sykef",
    "diagnos",
    "depresj",
    "depress",
    "angst",
    "anxiety",
    "utbrent",
    "burnout",
    "burn-out",
    "medisin",
    "medicat",
    "gravid",
    "pregnan",
    "rusmid",
    "ruspåvirk",
    "alkohol",
    "alcohol",
    "psykisk",
    "mental health",
    "kreft",
    "cancer",
    "terapi",
    "therap",
    "sick",
    "illness",
    "ill ",
)
# Norwegian first names that are also everyday words.
_NAMES_THAT_ARE_WORDS = frozenset(
    {
        "per",
        "dag",
        "liv",
        "hans",
        "bo",
        "vår",
        "sol",
        "tone",
        "siv",
        "ask",
        "gro",
        "frank",
        "rune",
        "mai",
        "tor",
        "eli",
        "kim",
        "bjørn",
        "ulf",
        "elv",
        "storm",
        "vidar",
    }
)
# Two capitalised words in a row look like a first and last name.
_CAPITALISED_PAIR = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ][a-zæøå]+\b")


def _words(text: str) -> str:
    # words separated by single spaces, punctuation gone: " han er syk "
    return " " + re.sub(r"[^\w-]+", " ", text.lower()).strip() + " "


def _has_stem(text: str, stems: Iterable[str]) -> bool:
    words = _words(text)
    return any(f" {stem}" in words for stem in stems)


class HrConcern(StrEnum):
    """What in a dilemma suggests involving HR (DESIGN.md §3, from the seed's
    "when you should talk to HR"), in the order the hint names them."""

    HARASSMENT = "harassment"
    RETALIATION = "retaliation"
    WHISTLEBLOWING = "whistleblowing"
    CONFLICT = "conflict"
    SICK_LEAVE = "sick_leave"
    PROCESS = "process"
    IMPARTIALITY = "impartiality"


# The rules read a sentence at a time, lower-cased, with punctuation (other than
# hyphens) turned into single spaces, so a pattern is written in plain words:
# `\b` starts a word, `\w*` ends a stem. For each concern:
#   fires  - words or short phrases that say it;
#   pairs  - two cues that say it only together in one sentence ("after she spoke
#            up" + "fewer shifts" is retaliation; neither is alone);
#   unless - phrases that look like it and are not, blanked out first (a § 4-3
#            factor such as "rollekonflikt", "varsle pårørende", "lavt sykefravær").
# Negations of the headline words ("ingen konflikter", "no bullying") are blanked
# for every concern. Anything subtler (irony, "hun sier det ikke er mobbing, men")
# is beyond a word list: the hint is a nudge the user may ignore, and the dilemma
# form's HR box can be ticked or unticked by hand.
_HEADLINE = (
    r"(?:konflikt|mobb|trakass|krenk|sykefravær|syke?meld|gjengjeld|represal|conflict"
    r"|bull(?:y|ie)|mobbing|harass|sick leave|sickness absence|absence|retaliat)\w*"
)
_NEGATED = re.compile(
    r"\b(?:ingen|ikke noen|ikke noe|ikke|uten|aldri|no|not|not any|without|never|free of|free from"
    r"|isn t|aren t|wasn t)"
    r"(?: (?:a|an|any|tegn på|signs? of|reports? of|meldinger om|kjente|known|open|åpne"
    r"|store|større|major|serious|alvorlige|reelle|real|egentlige?|lenger|longer"
    r"|had|hatt|noen|been|vært))"
    r"{0,2} " + _HEADLINE + r"|\b(?:ingen|nobody|no one)(?: (?!hun|han|de|she|he|they)\w+){0,4}"
    r" (?:har vært|har hatt|has been|have been|has had|er|is|var|was) (?:on |på )?"
    + _HEADLINE
    + r"|\b\w*(?:konfliktfri|mobbefri)\w*|\bconflict-free\b"
)

_SPEAK_UP = (
    r"\b(?:sa (?:i)?fra|si (?:i)?fra|sagt (?:i)?fra|sier (?:i)?fra|klaget|klagde|klage\w*"
    r"|tok (?:det |dette |saken )?opp|tatt (?:det |dette |saken )?opp|meldte (?:fra|avvik)"
    r"|skrev (?:et )?avvik|varslet|varsle|varslingen|varselet|kritiserte|sa imot"
    r"|spoke up|speak up|speaking up|raised (?:a |the |her |his |their )?concerns?"
    r"|raised (?:it|this|the issue|the matter)|raising (?:it|concerns?)|complain\w*"
    r"|report|reported|reporting|blew the whistle|pushed back|criticised|criticized"
    r"|questioned|challenged|objected|protested|protesterte|stilte spørsmål ved)\b"
)
_ADVERSE = (
    r"\b(?:dårligere|færre|fratatt|mistet|miste|fjernet|flyttet|omplassert|sidelinjen"
    r"|holdt utenfor|holdes utenfor|ikke lenger|straff\w*|hevn\w*|forbigått|oversett"
    r"|ikke (?:fått )?forlenget|fryst ut|frosset ut|fryses ut|utfrys\w*|kaldere"
    r"|behandlet annerledes|mindre attraktive|kuttet|worse|fewer|taken off|removed from"
    r"|moved (?:to|off|from)|sidelined|passed over|punish\w*|payback|lost (?:her|his|their)"
    r"|frozen out|froze (?:her|him|them) out|cut (?:her|his|their)|not renewed|demoted"
    r"|cold shoulder|treated differently|penalis\w*|penaliz\w*|left out|stopped inviting"
    r"|no longer invit\w*|not invited|sluttet å invitere|ikke (?:lenger )?(?:blir )?invitert"
    r"|kaldt|kald skulder|(?:tyngste|dårligste|kjedeligste) (?:\w+ )?(?:oppgavene|vaktene)"
    r"|ikke (?:blitt )?(?:spurt|tilbudt)|(?:not|no longer) (?:been )?(?:offered|given|asked)"
    r"|satt utenfor|(?:left|kept|taken|dropped|cut) (?:off|out of)|(?:worst|hardest) (?:shifts"
    r"|tasks|jobs))"
)
_AFTER = r"\b(?:etter at|etter|siden|fordi|for å ha|after|since|because|for) (?:\w+ ){0,3}"
_FEAR = (
    r"\b(?:redde?|frykt\w*|tør ikke|afraid|scared|fear\w*|worried|worries)"
    r" (?:\w+ ){0,5}(?:konsekvens\w*|straff\w*|hevn|represal\w*|miste\w*|reaksjon\w*"
    r"|repercussions?|consequences?|payback|punish\w*|backlash|lose (?:her|his|their|my))"
)
_FAMILY = (
    r"\b(?:min|mitt|my|our|vår) (?:egen |own )?(?:sønn|datter|bror|søster|mann|kone|nabo"
    r"|svoger|svigerinne|fetter|kusine|nevø|niese|son|daughter|brother|sister|cousin"
    r"|nephew|niece|neighbou?r|brother-in-law|sister-in-law|wife|husband|partner)\b"
)
_AT_WORK = (
    r"\b(?:jobber|ansatt\w*|søkt|søker|vikar\w*|stilling\w*|teamet|avdelingen|hos oss"
    r"|works?|working|employed|applied|applying|temps?|position|job|team|reports to me)\b"
)

_RULES: dict[HrConcern, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    # concern: (fires, unless, pairs)
    HrConcern.HARASSMENT: (
        r"\b(?:\w*trakass\w*|mobb\w*|utfrys\w*|krenk\w*|nedverdig\w*|ydmyket|ydmykende"
        r"|ydmykelse\w*|latterliggj\w*|(?:gjør|gjorde|gjort) narr|sjikan\w*|hetse\w*|hetset"
        r"|hetsing\w*|rasis\w*|diskriminer\w*|sexis\w*|grenseoverskridende|nedlatende"
        r"|uglesett|utestengt|utestenging|fryse[rst]? (?:\w+ )?ut|fryst ut|frosset ut"
        r"|holdt utenfor|holdes utenfor|blir holdt (?:\w+ )?utenfor|hengt ut|henger (?:\w+ )?ut"
        r"|uthengt|uthenging"
        r"|slengbemerkning\w*|seksuell\w* (?:kommentar|hentydning|oppmerksomhet|tilnærm)\w*"
        r"|(?:ufin\w*|upassende|stygg\w*|uønsket|sjikanøs\w*|nedsettende)"
        r" (?:kommentar|bemerkning|melding|oppførsel|spøk|vits|berøring|oppmerksomhet"
        r"|kontakt|tilnærm|bilde|ord)\w*|tafs\w*|beføl\w*|kjeft\w* (?:på|til)"
        r"|(?:tar|tok|tatt|ta) på (?:henne|ham|han|dem)\b|(?:kommentar|kommenter)\w* (?:\w+ ){0,3}"
        r"(?:utseende\w*|kropp\w*|vekt\w*|klær\w*|aksent\w*|religion\w*|hudfarge\w*"
        r"|legning\w*)"
        r"|harass\w*|bully|bullies|bullied|bullying|ostraci[sz]\w*|frozen out"
        r"|freez\w* (?:\w+ )?out|froze (?:\w+ )?out|left out of|shut out|gang\w* up"
        r"|excluded (?:by|from) (?:\w+ ){0,3}(?:chat|lunch\w*|breaks?|conversations?|group"
        r"|social\w*|team)\b|comments? about (?:her|his|their) (?:body|looks|appearance"
        r"|weight|clothes|accent|religion|skin|sexuality)"
        r"|humiliat\w*|belittl\w*|demean\w*|degrading|intimidat\w*|ridicul\w*|mock(?:s|ed|ing)?"
        r"|(?:made|make|making|makes) fun of|discriminat\w*|slurs?\b|picks? on|picked on"
        r"|picking on|groped|groping|offended by|(?:yell|shout)\w* at (?:her|him|them|staff)"
        r"|(?:inappropriate|offensive|unwelcome|unwanted|sexual|crude|nasty|hurtful"
        r"|derogatory|vulgar|sexist|racist) (?:comment|remark|joke|message|touch|attention"
        r"|advance|behaviou?r|text|photo|picture|language)\w*"
        r"|feel\w* (?:violated|degraded|targeted|unsafe around)|touch\w* (?:her|him|his)\b"
        r"|spread\w* (?:\w+ )?rumou?rs|laugh\w* at (?:her|him|them)\b|sprer (?:\w+ )?rykter"
        r"|ler av (?:henne|ham|han|dem)\b|later som (?:hun|han|de) ikke (?:finnes|er der)"
        r"|(?:overser|ignorerer|ignorert) (?:henne|ham|han|dem)\b|ignor\w* (?:her|him)\b"
        r"|pretend\w* (?:she|he) (?:isn t|is not|doesn t|does not) (?:there|exist)"
        r"|silent treatment)",
        r"\b(?:mock(?:-up| up|up| exam| inspection| interview)\w*)",
        (),
    ),
    HrConcern.RETALIATION: (
        r"\b(?:gjengjeld\w*|represal\w*|hevn\w*|retaliat\w*|reprisals?|victimi[sz]\w*)",
        r"\btil gjengjeld\b",
        (
            (_AFTER + _SPEAK_UP, _ADVERSE),
            (_SPEAK_UP, _FEAR),
        ),
    ),
    HrConcern.WHISTLEBLOWING: (
        r"\b(?:varsl\w*|kritikkverdig\w* forhold\w*|(?:sendt|sende|sender|levert|levere"
        r"|mottatt|motta|mottok|fått et) (?:inn )?(?:et |ett )?(?:\w+ )?varsel\b"
        r"|varsel (?:om|mot) (?:\w+ ){0,6}(?:leder\w*|kolleg\w*|sjef\w*|bryter|brudd"
        r"|mobb\w*|trakass\w*)|whistle-?blow\w*|(?:blew|blow|blown|blowing) the whistle"
        r"|protected disclosure|falsif\w*|forfalsk\w*|underslag\w*|embezzl\w*|bedrageri\w*"
        r"|(?:reported|reporting|report) (?:\w+ ){0,2}(?:possible )?"
        r"(?:misconduct|wrongdoing|malpractice|fraud))",
        # "varsle" is also plain "notify" (someone outside the case) and "announce"
        r"\b(?:arbeidstilsynet (?:\w+ ){0,2}varsl\w*(?: \w+){0,3}|varslingsrutine\w*"
        r"|vi (?:\w+ ){0,2}varsl(?:e|er|et|te)\b"
        r"|varsl\w* (?:(?:både|straks|raskt|umiddelbart|alltid|også|nærmeste|de|den|det|en"
        r"|et) ){0,2}(?:pårørende|foreldre\w*|foresatte|politi\w*|brannvesen\w*|ambulanse\w*"
        r"|legevakt\w*|\w*lege(?:n|r|ne)?|barnevern\w*|nav|kunde\w*|brukerne|beboer\w*"
        r"|innbygger\w*|nabo\w*|vaktlag\w*|vakthavende|alle|sms|e-post|epost|telefon\w*"
        r"|mobil\w*|app\w*|i god tid|for sent|på forhånd)\b"
        r"|varsl\w* (?:om )?(?:(?:et|en|ny|nye|det|den) )?(?:tilsyn\w*|kutt\w*|budsjettkutt\w*"
        r"|nedbemanning\w*|omorganisering\w*|endring\w*|permittering\w*|streik\w*|besøk\w*"
        r"|inspeksjon\w*|kontroll\w*|stenging\w*|innsparing\w*|fravær\w*|forsinkelse\w*"
        r"|vaktbytte\w*|turnus\w*|møte\w*)|får varsler)",
        (),
    ),
    HrConcern.CONFLICT: (
        r"\b(?:\w*konflikt\w*|krangl\w*|krangel\w*|uvennskap\w*|gnisning\w*|to leire"
        r"|tatt parti|tar parti|ta parti|tatt side|ta side|velge side|splittet|splittelse"
        r"|klikkdannelse\w*|klikkene|egne klikker|i klikker|baksnakk\w*"
        r"|betent\w* (?:sak|situasjon|forhold|stemning|miljø|tema)\w*"
        r"|(?:saken|situasjonen|forholdet|stemningen) er (?:\w+ )?betent"
        r"|samarbeidsproblem\w*|samarbeidsvansk\w*"
        r"|(?:snakker|prater) ikke (?:lenger )?(?:sammen|med hverandre)"
        r"|ikke (?:lenger )?(?:snakker|prater) (?:sammen|med hverandre)"
        r"|sluttet å (?:snakke|prate|hilse) (?:sammen|med hverandre|på hverandre)"
        r"|(?:vil|kan) ikke (?:lenger )?(?:dele vakt\w*|jobbe|samarbeide|gå vakt\w*"
        r"|ha vakt\w*) (?:sammen"
        r"|med (?:hverandre|henne|ham|han|dem|de|kollega\w*|en kollega|den nye))"
        r"|(?:vil|kan) ikke (?:lenger )?dele vakt\w*|(?:vil|kan) ikke (?:\w+ ){0,3}sammen"
        r"|ikke vil (?:\w+ ){0,3}sammen|(?:uenighet\w*|disagreement\w*|argument\w*|dispute\w*)"
        r" (?:\w+ )?(?:mellom|between) (?:to|de to|two|the two|begge|both)\b"
        r"|holde med (?:hvem|den ene)|hvem de skal holde med|one side or the other"
        r"|side with (?:her|him|one)|(?:same shift|samme vakt) (?:as|som|med) (?:each other"
        r"|hverandre|her|him|henne|ham)|(?:resign|quit|leave) if (?:\w+ ){0,5}"
        r"(?:work|working) with|nekte[rt]? å samarbeide|nekte[rt]? å (?:jobbe|gå vakt\w*"
        r"|ha vakt\w*) (?:sammen|med)"
        r"|samarbeid\w* (?:\w+ ){0,6}(?:brutt sammen|låst seg|stoppet (?:helt )?opp"
        r"|kjørt seg fast)"
        r"|(?:går|gikk) ikke (?:godt )?overens|ikke går (?:godt )?overens"
        r"|(?:uenighet\w*|situasjon\w*|saken|forholdet|fronte\w*) (?:\w+ ){0,2}låst seg"
        r"|anstrengt forhold|\w*conflict\w*|feud\w*|quarrel\w*|falling-? ?out|fallen out"
        r"|fell out|two camps|(?:taken|take|taking|picking|picked) sides|factions?\b|cliques?\b"
        r"|clash\w* (?:between|with (?:her|him|each other|one another|colleagues?|a colleague))"
        r"|keep clashing|personality clash\w*|friction between|tensions? between (?:two|the two"
        r"|them|staff|colleagues|the \w+ and|\w+ and (?:her|him|me))\b|hostil\w*"
        r"|rows? between|blazing row|shouting match|bad blood|at each other s throats"
        r"|not on speaking terms|can t stand each other|cannot stand each other"
        r"|(?:don t|do not|won t|will not|no longer|refuses? to|can t|cannot|stopped|not|never)"
        r" (?:\w+ ){0,2}(?:speak\w*|spoke\w*|talk\w*|work\w*|cooperat\w*|collaborat\w*)"
        r" (?:together|(?:to|with) (?:each other|one another|her|him|them|a colleague"
        r"|colleagues|the new \w+))\b"
        r"|relations\w* (?:\w+ ){0,8}(?:broken down|broke down|strained|soured)"
        r"|(?:cooperation|collaboration) (?:\w+ ){0,2}(?:broken down|broke down|stopped)"
        r"|disputes? between|ongoing dispute)",
        # A conflict of roles, goals, loyalties or interests, or between demands, is a
        # § 4-3 factor (or impartiality), not a quarrel between people.
        r"\b(?:(?:rolle|lojalitets|mål|interesse|arbeids|tids|kalender|verdi|krav)konflikt\w*"
        r"|(?:kurs|opplæring|lære|lærer|trening|seminar|course|training|workshop) (?:\w+ ){0,3}"
        r"(?:i|in|on) (?:konflikt\w*|conflict \w+)|(?:konflikthåndtering\w*|conflict (?:management"
        r"|resolution|handling)) (?:course|training|kurs\w*|seminar\w*|workshop)\w*"
        r"|konflikt\w* mellom (?:to |ulike )?(?:hensyn|krav|mål|oppgaver|prioritering\w*"
        r"|verdier|roller|forventninger)|role conflicts?|conflicts? of interests?|conflicting"
        r"|conflicted|(?:scheduling|calendar|timetable|diary) conflicts?"
        r"|conflicts? between (?:two |different )?(?:priorities|demands|goals|tasks|values"
        r"|roles|deadlines|expectations)|conflicts? with (?:the|my|our|a|his|her)"
        r" (?:meeting|calendar|schedule|holidays?|rota|shifts?|plans?|training|budget)\w*)",
        (),
    ),
    HrConcern.SICK_LEAVE: (
        r"\b(?:\w*sykefravær\w*|\w*syke?meld\w*|langtidssyk\w*|langtidsfravær\w*|egenmeld\w*"
        r"|dialogmøte\w*|friskmeld\w*|(?:langvarig\w*|gjentatt\w*|hyppig\w*|mye|høyt|stort"
        r"|økende|økt|jevnlig\w*|stadig|mange|hyppigere|lengre) (?:\w+ )?fravær\w*"
        r"|fravær\w* (?:\w+ ){0,5}(?:øker|økt|gjentar seg|har vart|varer|doblet|steget)"
        r"|(?:stadig|ofte|mye) syk\b|(?:stadig|ofte) borte"
        r"|(?:har vært|er|var) (?:borte|hjemme|ute)(?: fra \w+)? (?:i|på) (?:\w+ ){0,2}"
        r"(?:uker|måneder|mnd)|har vært (?:borte|hjemme)(?: fra \w+)? siden \w+|sick leave"
        r"|sick-leave|sickness absence|sick notes?|off sick"
        r"|out sick|off work (?:\w+ ){0,3}(?:for|since)|(?:hjemme|borte) (?:\w+ ){0,3}(?:i|for)"
        r" (?:over |mer enn |nesten |snart )?(?:\w+ )?(?:uker|måneder)\b|been off (?:work|sick)"
        r"|absences\b"
        r"|call\w* in sick|signed off (?:sick|work|for)|long-term (?:sick\w*|absen\w*|illness)"
        r"|absenteeism"
        r"|self-certif\w*|sick days|(?:frequent|repeated|recurring|high|long|lengthy|prolonged"
        r"|regular|many|lots of|more) (?:short |sick )?(?:absence|absences|sick days)"
        r"|absent (?:a lot|again|for (?:\w+ )?(?:weeks|months))|(?:frequent|repeated|short) spells"
        r"|absen\w* (?:\w+ ){0,5}(?:doubled|risen|increased|gone up|grown|rising)"
        r"|been (?:away|absent|off) (?:for|since) (?:\w+ ){0,2}(?:weeks|months|christmas"
        r"|easter|summer|spring|autumn|january|february|march|april|may|june|july|august"
        r"|september|october|november|december))",
        r"\b(?:(?:lavt?|lite|lavere|synkende|nedgang i|rekordlavt) (?:\w+ )?(?:syke)?fravær\w*"
        r"|(?:syke)?fravær\w* (?:\w+ ){0,4}(?:er|har vært|ligger|holder seg"
        r"|holdt seg) (?:\w+ ){0,2}"
        r"(?:lavt?|stabilt|under|nede)|fravær\w* av\b|(?:syke)?fravær\w* (?:har )?(?:gått ned"
        r"|sunket|falt)"
        r"|(?:low|lower|little|falling|reduced|decreasing|record-low) (?:sick leave"
        r"|sickness absence|absence|absenteeism)|(?:sick leave|sickness absence|absence"
        r"|absenteeism) (?:\w+ ){0,4}(?:is|has been|remains|stayed|stays) (?:\w+ ){0,2}"
        r"(?:low|down|stable|below)|(?:rutine\w*|retningslinje\w*|polic\w*|routines?"
        r"|procedures?) (?:\w+ ){0,3}(?:sykmeldte|syke?melding\w*|sykefravær\w*|sick leave"
        r"|sickness absence)|(?:sykefraværs\w*|sick leave|sickness absence) (?:follow-up )?"
        r"(?:routines?|polic\w*|procedures?)\b|(?:sick leave|sickness absence"
        r"|absence) (?:has )?(?:fallen|dropped|gone down))",
        (),
    ),
    HrConcern.PROCESS: (
        r"\b(?:personalsak\w*|advarsel(?:en)?\b|advarsler\w*|tjenestelig\w* tilrettevisning\w*"
        r"|avskjed\w*|disiplinær\w*|saksgang\w*|formell\w* klage\w*|skriftlig\w* klage\w*"
        r"|(?:written|formal|final) warning|disciplinary|dismissal|grievance\w*"
        r"|(?:formal|written) complaint|(?:hr|personnel) case|due process|proper procedure)",
        "",
        (),
    ),
    HrConcern.IMPARTIALITY: (
        r"\b(?:habile?\b|habilitet\w*|inhabil\w*|partisk\w*|upartisk\w*|interessekonflikt\w*"
        r"|(?:være|holde meg|forbli) (?:\w+ )?(?:objektiv|nøytral)|favoriser\w*"
        r"|forskjellsbehandl\w*|venner (?:privat|utenfor jobb\w*|på fritiden)|venner privat"
        r"|(?:nær|nære|god|gode|beste) venn\w*|bestevenn\w*|venninne\w*|kompis\w*"
        r"|omgås (?:\w+ )?(?:privat|på fritiden)|kjenner (?:\w+ ){0,2}privat|vennskap\w*"
        r"|i (?:familie|slekt) med|gift med|samboer\w*|kjæreste\w*|svoger\w*|svigerinne\w*"
        r"|(?:er jeg|am i|i m|i am|jeg er) (?:\w+ )?(?:den |the )?(?:rette|riktige|riktig|rett"
        r"|right)"
        r" (?:person|one)|nær\w* relasjon|relasjon til (?:en|den|de|begge) (?:\w+ ){0,3}"
        r"(?:ansatt\w*|involvert\w*|part\w*)|(?:noen|en) andre? (?:bør|burde|må) (?:ta|håndtere"
        r"|behandle|følge opp) (?:den|saken|dette)|someone else should (?:handle|take|deal with"
        r"|investigate)|(?:shared?|sharing) a (?:flat|house)|lived together|used to live with"
        r"|(?:former|ex-?) ?(?:partner|wife|husband|girlfriend|boyfriend)|my ex\b"
        r"|eks(?:kjæreste|mann|kone|samboer)\w*|tidligere (?:samboer|kjæreste|partner|mann|kone)"
        r"|impartial\w*|biased|conflicts? of interests?|(?:be|stay|remain|being) (?:\w+ )?"
        r"(?:objective|neutral)|favou?ritism|play\w* favou?rites|friends (?:outside|after"
        r"|privately|in private)|(?:close|good|best|old) friends?|(?:we are|we re) friends"
        r"|friends with (?:her|him|them|one)|sociali[sz]\w* (?:outside|after) work"
        r"|dating (?:a|an|one|her|him|someone|each other)|(?:are|is|were|been|started) dating"
        r"|(?:in a|romantic) relationship with"
        r"|(?:i m|i am|she s|she is|he s|he is|we re|we are|they re|they are) related)",
        "",
        ((_FAMILY, _AT_WORK),),
    ),
}
_COMPILED = {
    concern: (
        re.compile(fires),
        re.compile(unless) if unless else None,
        tuple((re.compile(a), re.compile(b)) for a, b in pairs),
    )
    for concern, (fires, unless, pairs) in _RULES.items()
}
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def hr_concerns(text: str) -> list[HrConcern]:
    """What in `text` suggests involving HR, in the order of `HrConcern`: a claim
    of harassment or retaliation, whistleblowing, a conflict between people, sick
    leave (long, repeated or just named), a personnel matter (a warning, a formal
    complaint), or doubt about one's own impartiality. It reads words and short
    phrases, not meaning: see the note above `_HEADLINE`."""
    sentences = [_words(part) for part in _SENTENCE_END.split(text)]
    sentences = [_NEGATED.sub(" ", sentence) for sentence in sentences if sentence.strip()]
    found: list[HrConcern] = []
    for concern, (fires, unless, pairs) in _COMPILED.items():
        for sentence in sentences:
            seen = unless.sub(" ", sentence) if unless is not None else sentence
            if fires.search(seen) or any(a.search(seen) and b.search(seen) for a, b in pairs):
                found.append(concern)
                break
    return found


def suggests_hr(text: str) -> bool:
    """The text touches harassment, retaliation, whistleblowing, conflict,
    work-related sick leave, the right process or impartiality: the situations
    where a leader should involve HR."""
    return bool(hr_concerns(text))


def mentions_health(text: str) -> bool:
    return _has_stem(text, _HEALTH_STEMS)


def names_someone(text: str, known_names: Iterable[str] = ()) -> bool:
    """The text seems to name a person: a known name, or a capitalised first and
    last name inside a sentence."""
    for name in known_names:
        for part in name.split():
            if len(part) < 2:
                continue
            # A name that is also a common word ("Per", "Dag", "Liv") counts only
            # when capitalised; others are found however they were typed.
            flags = 0 if part.lower() in _NAMES_THAT_ARE_WORDS else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, flags):
                return True
    return bool(_CAPITALISED_PAIR.search(text))


# Capitalised words that are not people: institutions and terms a leader group
# writes every day. Only a nudge: a name missing here is caught by the pair rule
# or not at all, and a word missing here is flagged needlessly, never hidden.
_NOT_NAMES = frozenset(
    {
        "amu", "hms", "bht", "nav", "hr", "arbeidstilsynet", "teams", "excel", "outlook",
        "kommunen", "norge", "norway", "i", "the", "and", "we", "vi", "jeg",
    }
)  # fmt: skip
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n–—-]\s*|[«\"(]\s*)$")


def looks_like_a_name(text: str, allowed: Iterable[str] = ()) -> bool:
    """The text seems to name someone: two capitalised words in a row, or a
    capitalised word inside a sentence (Norwegian capitalises little else), other
    than the words of `allowed` (names the text may hold: an owner) and common
    institutions (`AMU`, `NAV`, `Arbeidstilsynet`)."""
    skip = {part.casefold() for name in allowed for part in name.split()} | _NOT_NAMES
    for m in _CAPITALISED_PAIR.finditer(text):
        if any(word.casefold() not in skip for word in m.group(0).split()):
            return True
    for m in re.finditer(r"\b[A-ZÆØÅ][a-zæøåéü]+\b", text):
        if _SENTENCE_START.search(text[: m.start()]):
            continue
        if m.group(0).casefold() not in skip:
            return True
    return False
