"""The words of the documents (the summary, the group's record, the action plan,
the evidence pack, calendar events), in Norwegian bokmål and English.

Kept apart from the command line's and the screen's words because these end up in
documents that people outside the group read: headings, column names, statuses and
the statement of what a record documents. Looked up with
`facilitator.i18n.words.document`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nb, en)
    "title_group": ("Gruppens referat", "The group's record"),
    "title_management": (
        "Oppsummering til ledelsen og AMU",
        "Summary for management and the working environment committee (AMU)",
    ),
    "banner_group": (
        "Gruppens eget referat. Det inneholder navn og det som ble sagt i fortrolighet, "
        "og skal ikke deles utenfor gruppen.",
        "The group's own record. It holds names and what was said in confidence: "
        "do not share it outside the group.",
    ),
    "banner_management": (
        "Kollegaveiledningen er fortrolig. Denne oppsummeringen inneholder bare det gruppen "
        "har valgt å dele, og ingen opplysninger om enkeltpersoner.",
        "Peer supervision is confidential. This summary holds only what the group chose "
        "to share, and nothing about any individual.",
    ),
    "draft": (
        "Utkast: økta er ikke avsluttet ennå.",
        "Draft: the session has not been finished yet.",
    ),
    "date": ("Dato", "Date"),
    "unit": ("Enhet", "Unit"),
    "agenda": ("Opplegg", "Agenda"),
    "participants": ("Deltakere", "Participants"),
    "present_count": ("{n} til stede", "{n} present"),
    "names_withheld": ("navnene er ikke tatt med", "names not included"),
    "facilitator": ("Fasilitator", "Facilitator"),
    "absent": ("Ikke til stede", "Absent"),
    "next_meeting": ("Neste møte", "Next meeting"),
    "not_set": ("ikke avtalt", "not agreed"),
    "documents_group": ("Hva referatet kan brukes til", "What this record can be used for"),
    "documents_management": (
        "Hva oppsummeringen kan brukes til",
        "What this summary can be used for",
    ),
    "findings": ("Styrker og risikoer", "Strengths and risks"),
    "strengths": ("Styrker", "Strengths"),
    "risks": ("Risikoer", "Risks"),
    "measures": ("Tiltak", "Measures"),
    "followed_up": ("Oppfølging av tidligere tiltak", "Follow-up of earlier measures"),
    "dilemmas": ("Dilemmaer", "Dilemmas"),
    "themes": ("Temaer i dilemmaene", "Themes of the dilemmas"),
    "shared_dilemmas": ("Dilemmaer gruppen har valgt å dele", "Dilemmas the group chose to share"),
    "notes": ("Notater", "Notes"),
    "checkouts": ("Fra utsjekken", "From the check-out"),
    "time": ("Tidsbruk", "Time"),
    "airtime": ("Taletid per person", "Airtime per person"),
    "none": ("Ingen.", "None."),
    "no_factor": ("Uten § 4-3-faktor", "No § 4-3 factor"),
    "group_only": ("bare gruppen", "group only"),
    "in_focus": ("i fokus: {name}", "in focus: {name}"),
    "brought_by": ("tatt opp av {name}", "brought by {name}"),
    "hr_hint": ("bør drøftes med HR", "worth raising with HR"),
    "focus_notes": ("fokuspersonens notater", "the focus person's notes"),
    "takeaway": ("tar med seg", "takes away"),
    "col_agreed_in": ("Avtalt i økt", "Agreed in session"),
    "each_dilemma": ("Hver enkelts dilemma", "Each person's dilemma"),
    "source": ("Laget av facilitator fra økta {id}.", "Made by facilitator from session {id}."),
    "col_step": ("Steg", "Step"),
    "col_planned": ("Planlagt (min)", "Planned (min)"),
    "col_actual": ("Brukt (min)", "Actual (min)"),
    "col_person": ("Deltaker", "Participant"),
    "col_minutes": ("Minutter", "Minutes"),
    "col_question": ("Spørsmål", "Question"),
    "col_follow_up": ("Oppfølging", "Follow-up"),
    "col_source": ("Kilde", "Source"),
    # a measure carried from a session whose file is not in the workspace (deleted,
    # or kept elsewhere): its id, which begins with the session's date, is all we have
    "earlier_session_on": ("Tidligere økt ({date})", "An earlier session ({date})"),
    "earlier_session": ("en tidligere økt", "an earlier session"),
    "agreed_in_session": ("avtalt i økta {date}", "agreed in the session of {date}"),
    "col_overdue": ("Forfalt", "Overdue"),
    "total": ("Totalt", "Total"),
    "question_n": ("Spørsmål {n}", "Question {n}"),
    "overdue": ("forfalt", "overdue"),
    "yes": ("ja", "yes"),
    "participant_role": ("[deltaker]", "[participant]"),
    # the HMS action plan's columns (DESIGN.md §3)
    "col_challenge": ("Utfordring/risiko", "Challenge/risk"),
    "col_factor": ("§ 4-3-faktor", "§ 4-3 factor"),
    "col_likelihood": ("Sannsynlighet", "Likelihood"),
    "col_consequence": ("Konsekvens", "Consequence"),
    "col_risk": ("Risiko", "Risk"),
    "col_measure": ("Tiltak", "Measure"),
    "col_owner": ("Ansvarlig", "Owner"),
    "col_deadline": ("Frist", "Deadline"),
    "col_status": ("Status", "Status"),
    "col_evaluation": ("Oppfølging/evaluering", "Follow-up/evaluation"),
    "col_done_on": ("Dato utført", "Date done"),
    # calendar events
    "deadline_event": ("Frist: {what}", "Deadline: {what}"),
    "meeting_event": ("Neste møte: {title}", "Next meeting: {title}"),
    "from_session": ("Fra økta «{title}», {date}.", "From the session “{title}”, {date}."),
    # the action plan across sessions
    "plan_title": ("HMS-handlingsplan", "HMS action plan"),
    "plan_subtitle": (
        "Tiltak fra kollegaveiledning, per {date}",
        "Measures from peer supervision, as of {date}",
    ),
    "plan_scope_shared": (
        "Bare tiltak gruppene har merket som delt.",
        "Only measures the groups marked as shared.",
    ),
    "plan_scope_all": (
        "Alle tiltak, også de som bare er for gruppen.",
        "All measures, including those for the group only.",
    ),
    "plan_scope_open": ("Bare åpne tiltak.", "Open measures only."),
    "plan_unit": ("Enhet: {unit}.", "Unit: {unit}."),
    "plan_counts": ("{n} tiltak, {overdue} forfalt.", "{n} {measures}, {overdue} overdue."),
    "plan_empty": ("Ingen tiltak å vise.", "No measures to show."),
    # kinds of what leaves the group (see `outgoing`)
    "kind_title": ("Tittel", "Title"),
    "kind_unit": ("Enhet", "Unit"),
    "kind_participants": ("Deltakere", "Participants"),
    "kind_times": ("Tidsbruk", "Time"),
    "kind_strength": ("Styrke", "Strength"),
    "kind_risk": ("Risiko", "Risk"),
    "kind_theme": ("Tema", "Theme"),
    "kind_dilemma": ("Dilemma", "Dilemma"),
    "kind_measure": ("Tiltak", "Measure"),
    "kind_follow_up": ("Oppfølging", "Follow-up"),
    "kind_note": ("Notat", "Note"),
    "kind_checkout": ("Utsjekk", "Check-out"),
    "kind_next_meeting": ("Neste møte", "Next meeting"),
    "times_line": (
        "planlagt og brukt tid for {n} steg (ingen tall per person)",
        "planned and actual time of {n} steps (no figures per person)",
    ),
    # the evidence pack over a period (`facilitator evidence`)
    "ev_title": (
        "Dokumentasjon av arbeidet med det psykososiale arbeidsmiljøet",
        "Evidence of the work on the psychosocial work environment",
    ),
    "ev_subtitle": (
        "Kollegaveiledning i ledergruppene, {start} – {end}",
        "Peer supervision in the leader groups, {start} – {end}",
    ),
    "ev_banner": (
        "Laget bare av oppsummeringene enhetene har delt med ledelsen. Det gruppene har "
        "holdt for seg selv, er ikke med, og ingenting her er utledet av det.",
        "Made only from the summaries the units shared with management. What the groups "
        "kept to themselves is not in it, and nothing here is derived from it.",
    ),
    "ev_period": ("Periode", "Period"),
    "ev_units": ("Enheter", "Units"),
    "ev_sessions": ("Økter", "Sessions"),
    "ev_register": ("Tiltaksregister", "Register of measures"),
    "ev_overdue_as_of": ("Forfalt per {date}", "Overdue as of {date}"),
    "ev_statement_heading": ("Hva dokumentasjonen viser", "What this evidence shows"),
    "ev_statement_intro": (
        "Pakken kan inngå i dokumentasjonen av virksomhetens internkontroll "
        "(internkontrollforskriften § 5). Den viser en del av det arbeidet, ikke alt, og "
        "den viser ikke alene at kravene i § 5 er oppfylt:",
        "This pack can form part of the documentation of the undertaking's internal "
        "control (Internal Control Regulations section 5). It shows one part of that "
        "work, not all of it, and it does not by itself show that section 5 is met:",
    ),
    "ev_reps_some": (
        "Medvirkning (nr. 3): verneombud eller tillitsvalgt var med i {reps} av {n} økter. "
        "Det viser at arbeidstakernes representanter tok del i de øktene; arbeidstakernes "
        "medvirkning ellers dokumenteres på annen måte.",
        "Employee participation (no. 3): a safety or union representative took part in "
        "{reps} of {n} sessions. That shows the employees' representatives took part in "
        "those sessions; the employees' participation otherwise is documented elsewhere.",
    ),
    "ev_reps_none": (
        "Medvirkning (nr. 3): ingen av øktene hadde verneombud eller tillitsvalgt til "
        "stede. Pakken viser ledernes deltakelse, ikke arbeidstakernes; den medvirkningen "
        "dokumenteres på annen måte.",
        "Employee participation (no. 3): no session had a safety or union representative "
        "present. The pack shows the leaders' participation, not the employees'; that "
        "participation is documented elsewhere.",
    ),
    "ev_roles_unknown": (
        "For {k} av øktene er rollene ikke registrert (delt fra en eldre versjon av facilitator).",
        "For {k} of the sessions the roles were not recorded (shared from an older "
        "version of facilitator).",
    ),
    "ev_mapping": (
        "Kartlegging (nr. 6): i {sessions} så gruppene på {mapped} av de {total} faktorene "
        "i § 4-3 og noterte {strengths} og {risks}.",
        "Mapping (no. 6): in {sessions} the groups looked at {mapped} of the {total} "
        "factors of section 4-3 and noted {strengths} and {risks}.",
    ),
    "ev_measures": (
        "Tiltak (nr. 6): gruppene avtalte {agreed} i perioden, med ansvarlig, frist og "
        "status; {scored} av dem har en risikoskår (sannsynlighet × konsekvens). Selve "
        "risikovurderingen gjøres sammen med arbeidstakerne og deres representanter; "
        "pakken er et grunnlag for den.",
        "Measures (no. 6): the groups agreed {agreed} in the period, with owner, deadline "
        "and status; {scored} of them carry a risk score (likelihood × consequence). The "
        "risk assessment itself is made with the employees and their representatives; "
        "the pack is a basis for it.",
    ),
    "ev_follow_up": (
        "Oppfølging (nr. 8): {followed} ble fulgt opp i perioden. Gruppene svarte på om "
        "tiltaket virket for {worked} av dem og på om det er nok for {enough}. Per {date} "
        "var {overdue} forfalt.",
        "Follow-up (no. 8): {followed} were followed up in the period. The groups said "
        "whether the measure worked for {worked} of them and whether it is enough for "
        "{enough}. As of {date}, {overdue} were overdue.",
    ),
    "ev_not_claimed": (
        "Pakken sier ingenting om de andre punktene i § 5 (nr. 1, 2, 4, 5 og 7).",
        "It says nothing about the other points of section 5 (nos. 1, 2, 4, 5 and 7).",
    ),
    "ev_not_included_heading": ("Hva pakken ikke inneholder", "What this pack does not contain"),
    "ev_not_included_group": (
        "Kollegaveiledningen er fortrolig. Det en gruppe har merket «bare gruppen» – "
        "dilemmaene, det som ble sagt i veiledningsrundene, og notater og utsjekksvar "
        "gruppen ikke har delt – blir i gruppen. Pakken er laget bare av det gruppene har "
        "merket «delt», og ingenting i den er utledet av resten: ikke antall, temaer "
        "eller datoer.",
        "Peer supervision is confidential. What a group marked “group only” – its "
        "dilemmas, what was said in the supervision rounds, and the notes and check-out "
        "answers it did not share – stays in the group. The pack is made only from what "
        "the groups marked “shared”, and nothing in it is derived from the rest: no "
        "counts, themes or dates.",
    ),
    "ev_not_included_people": (
        "Ingenting om enkeltpersoner: ingen navn på deltakerne, ingen taletid og ingen "
        "liste over hvem som var borte. Den ansvarlige for et tiltak står slik økta som "
        "avtalte tiltaket tillot.",
        "Nothing about individuals: no participants' names, no airtime and no list of "
        "who was away. A measure's owner appears as the session that agreed the measure "
        "allowed.",
    ),
    "ev_not_included_unshared": (
        "Bare økter enhetene har delt, er med. En økt som ikke er delt, eller som ble delt "
        "etter at pakken ble laget, mangler her.",
        "Only sessions the units shared are included. A session not shared, or shared "
        "after the pack was made, is missing here.",
    ),
    "ev_no_sessions": ("Ingen delte økter i perioden.", "No shared sessions in the period."),
    "ev_factors_heading": ("§ 4-3-faktorene i perioden", "The § 4-3 factors over the period"),
    "ev_grid_caption": (
        "Faktor for faktor, økt for økt: hva hver økt tok opp.",
        "Factor by factor, session by session: what each session took up.",
    ),
    "ev_mark_agenda": ("faktoren er tema i opplegget", "the factor is on the agenda"),
    "ev_mark_mapped": ("styrker eller risikoer notert", "strengths or risks noted"),
    "ev_mark_measure": ("tiltak avtalt", "measure agreed"),
    "ev_col_no": ("Nr.", "No."),
    "ev_col_agenda": ("Opplegg og tema", "Agenda and theme"),
    "ev_col_present": ("Til stede", "Present"),
    "ev_col_roles": ("Roller", "Roles"),
    "ev_col_factor": ("Faktor", "Factor"),
    "ev_col_on_agenda": ("Økter med faktoren i opplegget", "Sessions with it on the agenda"),
    "ev_col_mapped": ("Økter der den ble kartlagt", "Sessions where it was mapped"),
    "ev_col_agreed": ("Tiltak avtalt", "Measures agreed"),
    "ev_col_highest": ("Høyeste risikoskår", "Highest risk score"),
    "ev_col_agreed_in": ("Avtalt", "Agreed"),
    "ev_col_kind": ("Hva", "What"),
    "ev_col_text": ("Tekst", "Text"),
    "ev_col_worked": ("Virket det?", "Did it work?"),
    "ev_col_enough": ("Er det nok?", "Is it enough?"),
    "ev_col_on_agenda_short": ("I opplegget", "On the agenda"),
    "ev_col_session": ("Økt", "Session"),
    "ev_findings_heading": ("Styrker og risikoer etter faktor", "Strengths and risks by factor"),
    "ev_scores": ("Risikoskår i tiltakene", "Risk scores in the measures"),
    "ev_worked": ("virket: {answer}", "worked: {answer}"),
    "ev_enough": ("nok: {answer}", "enough: {answer}"),
    "ev_register_counts": (
        "{n} tiltak i registeret, {overdue} forfalt per {date}.",
        "{n} {measures} in the register, {overdue} overdue as of {date}.",
    ),
    "ev_register_scope": (
        "Hvert tiltak står én gang, slik det sist ble registrert innen {date}, med hele "
        "historikken: når og hvor det ble avtalt, og hver oppfølging. Med er tiltak som "
        "ble avtalt eller fulgt opp i perioden, og tiltak som fortsatt var åpne ved "
        "periodens slutt.",
        "Each measure appears once, as last recorded by {date}, with its whole history: "
        "when and where it was agreed, and each follow-up. Included are measures agreed "
        "or followed up in the period, and measures still open at its end.",
    ),
    "ev_draft": ("utkast", "draft"),
    "ev_roles_not_recorded": ("ikke registrert", "not recorded"),
    "ev_source": (
        "Laget av facilitator fra {n} delte oppsummeringer.",
        "Made by facilitator from {n} shared summaries.",
    ),
    "ev_unit_only": ("Bare enheten {unit}.", "Unit {unit} only."),
    "ev_about": ("Om pakken", "About"),
    "ev_follow_ups": ("Oppfølging", "Follow-ups"),
    "ev_coverage": ("Dekning", "Coverage"),
    "ev_factors_sheet": ("Faktorer", "Factors"),
    "answer_yes": ("ja", "yes"),
    "answer_partly": ("delvis", "partly"),
    "answer_no": ("nei", "no"),
    "role_leader": ("leder", "leader"),
    "role_leader_many": ("ledere", "leaders"),
    "role_safety_rep": ("verneombud", "safety representative"),
    "role_safety_rep_many": ("verneombud", "safety representatives"),
    "role_union_rep": ("tillitsvalgt", "union representative"),
    "role_union_rep_many": ("tillitsvalgte", "union representatives"),
    "role_hr": ("fra HR", "from HR"),
    "role_hr_many": ("fra HR", "from HR"),
    "role_occupational_health": ("fra BHT", "from occupational health"),
    "role_occupational_health_many": ("fra BHT", "from occupational health"),
    # short names of the factors, for the rows of a chart
    "short_1": ("(1) fullt forsvarlig", "(1) fully satisfactory"),
    "short_2a": ("(2) a krav og forventninger", "(2) a demands, expectations"),
    "short_2b": ("(2) b emosjonelle krav", "(2) b emotional demands"),
    "short_2c": ("(2) c arbeidsmengde", "(2) c workload"),
    "short_2d": ("(2) d støtte og hjelp", "(2) d support and help"),
    "short_3": ("(3) integritet, verdighet", "(3) integrity, dignity"),
    "short_4": ("(4) kontakt", "(4) contact"),
    "short_5": ("(5) trakassering", "(5) harassment"),
    "short_6": ("(6) vold og trusler", "(6) violence, threats"),
    # measure statuses (DESIGN.md §5)
    "status_planned": ("planlagt", "planned"),
    "status_in_progress": ("pågår", "in progress"),
    "status_done": ("utført", "done"),
    "status_dropped": ("avbrutt", "dropped"),
    # dates: `2. mars 2026` / `2 March 2026`; a meeting at a time of day
    "long_date": ("{day}. {month} {year}", "{day} {month} {year}"),
    "meeting_at": ("{day} kl. {time}", "{day} at {time}"),
    "month_1": ("januar", "January"),
    "month_2": ("februar", "February"),
    "month_3": ("mars", "March"),
    "month_4": ("april", "April"),
    "month_5": ("mai", "May"),
    "month_6": ("juni", "June"),
    "month_7": ("juli", "July"),
    "month_8": ("august", "August"),
    "month_9": ("september", "September"),
    "month_10": ("oktober", "October"),
    "month_11": ("november", "November"),
    "month_12": ("desember", "December"),
    # datetime.weekday(): Monday is 0
    "weekday_0": ("mandag", "Monday"),
    "weekday_1": ("tirsdag", "Tuesday"),
    "weekday_2": ("onsdag", "Wednesday"),
    "weekday_3": ("torsdag", "Thursday"),
    "weekday_4": ("fredag", "Friday"),
    "weekday_5": ("lørdag", "Saturday"),
    "weekday_6": ("søndag", "Sunday"),
    # counted things: `ingen risikoer`, `1 risiko`, `3 risikoer`
    "count_none": ("ingen {what}", "no {what}"),
    "noun_leader": ("leder", "leader"),
    "noun_leader_many": ("ledere", "leaders"),
    "noun_factor": ("faktor", "factor"),
    "noun_factor_many": ("faktorer", "factors"),
    "noun_strength": ("styrke", "strength"),
    "noun_strength_many": ("styrker", "strengths"),
    "noun_risk": ("risiko", "risk"),
    "noun_risk_many": ("risikoer", "risks"),
    "noun_measure": ("tiltak", "measure"),
    "noun_measure_many": ("tiltak", "measures"),
    "noun_dilemma": ("dilemma", "dilemma"),
    "noun_dilemma_many": ("dilemmaer", "dilemmas"),
    "noun_session": ("økt", "session"),
    "noun_session_many": ("økter", "sessions"),
    # what a session's record or summary documents (`documents_statement`)
    "st_this_group": ("referatet", "this record"),
    "st_this_management": ("oppsummeringen", "this summary"),
    "st_intro": (
        "{This} kan inngå i dokumentasjonen av virksomhetens internkontroll "
        "(internkontrollforskriften § 5). Den viser en del av det arbeidet, ikke alt:",
        "{This} can form part of the documentation of the undertaking's internal control "
        "(Internal Control Regulations section 5). It shows one part of that work, not "
        "all of it:",
    ),
    "st_leaders": (
        "Ledernes deltakelse: {leaders} drøftet det psykososiale arbeidsmiljøet "
        "(arbeidsmiljøloven § 4-3) i en strukturert kollegaveiledning. Medvirkningen fra "
        "arbeidstakerne og deres verneombud og tillitsvalgte (nr. 3) dokumenteres på annen "
        "måte.",
        "The leaders' participation: {leaders} discussed the psychosocial work environment "
        "(Working Environment Act section 4-3) in structured peer supervision. The "
        "participation of the employees and their safety and union representatives "
        "(no. 3) is documented elsewhere.",
    ),
    "st_mapping": (
        "Kartlegging (nr. 6): gruppen så på {factors} i § 4-3 og noterte {strengths} og {risks}.",
        "Mapping (no. 6): the group looked at {factors} of section 4-3 and noted "
        "{strengths} and {risks}.",
    ),
    "st_scores": (
        "; {scored} av dem har en risikoskår (sannsynlighet × konsekvens)",
        "; {scored} of them carry a risk score (likelihood × consequence)",
    ),
    "st_measures": (
        "Tiltak (nr. 6): gruppen avtalte {agreed}, med ansvarlig, frist og status{scores}. "
        "Selve risikovurderingen hører til virksomhetens internkontroll og gjøres sammen "
        "med arbeidstakerne og deres representanter; {this} er et grunnlag for den.",
        "Measures (no. 6): the group agreed {agreed}, with owner, deadline and "
        "status{scores}. The risk assessment itself belongs to the undertaking's internal "
        "control, made with the employees and their representatives; {this} is a basis "
        "for it.",
    ),
    "st_follow_up": (
        "Oppfølging (nr. 8): denne økta fulgte opp {earlier} fra tidligere økter.",
        "Follow-up (no. 8): this session followed up {earlier} from earlier sessions.",
    ),
}
