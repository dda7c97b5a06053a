"""Every word the screen app shows, in Norwegian bokmål and English.

Looked up with `facilitator.i18n.words.screen`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # app and keys
    "app_title": ("Kollegaveiledning", "Peer supervision"),
    "key_quit": ("Lukk", "Quit"),
    "key_help": ("Hjelp", "Help"),
    # the command palette (Ctrl+P) and Textual's own widgets
    "palette_search": ("Søk etter en kommando …", "Search for a command…"),
    "cmd_help": ("Hjelp", "Help"),
    "tip_help": (
        "Tastene på skjermen du er på, og hva de gjør",
        "The keys of this screen and what they do",
    ),
    "cmd_theme": ("Fargetema", "Colour theme"),
    "cmd_theme_tip": (
        "Bytt fargetema, for eksempel når teksten er vanskelig å lese på storskjermen",
        "Change the colours, for instance when the shared screen is hard to read",
    ),
    "cmd_quit_tip": (
        "Lukk programmet. Alt er lagret, og økta kan åpnes igjen.",
        "Close the program. Everything is saved, and the session can be reopened.",
    ),
    "select_dismiss": ("Lukk listen", "Close the list"),
    "palette_no_matches": ("Ingen treff", "No matches"),
    "palette_theme_search": ("Søk etter et fargetema …", "Search for a colour theme…"),
    "quit_hint": (
        "Trykk Ctrl+Q for å lukke programmet. Alt er lagret.",
        "Press Ctrl+Q to quit. Everything is saved.",
    ),
    "quit_hint_title": ("Vil du lukke programmet?", "Do you want to quit?"),
    "key_timer": ("Start/pause", "Start/pause"),
    "key_next_unit": ("Neste person/fase", "Next person/phase"),
    "key_prev_unit": ("Forrige person/fase", "Previous person/phase"),
    "key_next_step": ("Neste steg", "Next step"),
    "key_prev_step": ("Forrige steg", "Previous step"),
    "key_plus": ("+1 min", "+1 min"),
    "key_minus": ("−1 min", "−1 min"),
    "key_absent": ("Fravær", "Absent"),
    "key_pass": ("Står over", "Pass"),
    "key_note": ("Notat", "Note"),
    "key_dilemma": ("Dilemma", "Dilemma"),
    "key_finding": ("Styrke/risiko", "Strength/risk"),
    "key_measure": ("Tiltak", "Measure"),
    "key_checkout": ("Utsjekk", "Check-out"),
    "key_next_meeting": ("Neste møte", "Next meeting"),
    "key_items": ("Alt som er notert", "All captured"),
    "key_finish": ("Avslutt økta", "Finish session"),
    "key_back": ("Tilbake", "Back"),
    "key_scroll": ("Rull teksten", "Scroll the text"),
    "key_save": ("Lagre", "Save"),
    "key_edit": ("Endre", "Edit"),
    "key_delete": ("Slett", "Delete"),
    "key_visibility": ("Delt/bare gruppen", "Shared/group only"),
    "tip_timer": ("Start eller stopp klokka for dette steget", "Start or stop this step's timer"),
    "tip_next_unit": (
        "Gi ordet til neste person, eller gå til neste fase",
        "Give the floor to the next person, or go to the next phase",
    ),
    "tip_prev_unit": (
        "Tilbake til forrige person eller fase",
        "Back to the previous person or phase",
    ),
    "tip_next_step": (
        "Gå videre til neste steg (klokka starter ikke av seg selv)",
        "Move on to the next step (its timer does not start by itself)",
    ),
    "tip_prev_step": ("Tilbake til forrige steg", "Back to the previous step"),
    "tip_plus": (
        "Gi ett minutt mer til den som har ordet nå",
        "One more minute for whoever has the floor",
    ),
    "tip_minus": ("Ett minutt mindre", "One minute less"),
    "tip_absent": (
        "Marker en deltaker som borte eller tilbake",
        "Mark a participant as away or back",
    ),
    "tip_pass": (
        "Den som har ordet, står over; tiden fordeles på de andre",
        "The person with the floor passes; their time goes to the others",
    ),
    "tip_dilemma": (
        "Skriv inn dilemmaet til en deltaker (ett hver)",
        "Enter a participant's dilemma (one each)",
    ),
    "tip_finding": (
        "En styrke eller en risiko, gjerne med § 4-3-faktor",
        "A strength or a risk, ideally with its § 4-3 factor",
    ),
    "tip_measure": (
        "Et tiltak: hva som skal gjøres, hvem som har ansvaret, og frist",
        "A measure: what is to be done, who owns it, and by when",
    ),
    "tip_checkout": ("Et svar i utsjekken", "An answer in the check-out round"),
    "tip_next_meeting": ("Når gruppen møtes neste gang", "When the group meets next"),
    "tip_finish": (
        "Avslutt økta (den kan åpnes igjen) og gå til eksporten",
        "Finish the session (it can be reopened) and go on to the export",
    ),
    "tip_note": ("Skriv et notat til dette steget", "Write a note for this step"),
    "tip_items": (
        "Se, endre og slette alt som er notert",
        "See, edit and delete everything captured",
    ),
    # start screen
    "start_title": (
        "Kollegaveiledning om psykososialt arbeidsmiljø",
        "Peer supervision on the psychosocial work environment",
    ),
    "start_new": ("Ny økt", "New session"),
    "start_resume": ("Fortsett en påbegynt økt", "Resume a session"),
    "start_past": ("Tidligere økter", "Past sessions"),
    "start_none": ("Ingen økter ennå.", "No sessions yet."),
    "start_reading": ("  Leser øktene …", "  Reading the sessions …"),
    "start_workspace": ("Arbeidsmappe: {path}", "Workspace: {path}"),
    "start_broken": (
        "{count} øktfil(er) kan ikke leses; se «facilitator sessions».",
        "{count} session file(s) cannot be read; see 'facilitator sessions'.",
    ),
    # setup
    "setup_title": ("Ny økt", "New session"),
    "setup_session_title": ("Tittel", "Title"),
    "setup_session_title_ph": (
        "For eksempel «Ledergruppe helse, mars»",
        "For example 'Health leaders, March'",
    ),
    "setup_unit": ("Enhet/tjeneste", "Unit/service"),
    "setup_date": ("Dato (DD.MM.ÅÅÅÅ)", "Date (YYYY-MM-DD)"),
    "names_policy": ("Navn i det som går til ledelsen", "Names in what goes to management"),
    "names_policy_owners": (
        "Bare de ansvarlige for tiltak (anbefalt)",
        "Only the owners of measures (recommended)",
    ),
    "names_policy_everyone": ("Alle som er til stede", "Everyone present"),
    "names_policy_none": (
        "Ingen navn: ansvarlige vises med rolle",
        "No names: owners are shown by their role",
    ),
    "setup_agenda": ("Opplegg", "Agenda"),
    "setup_participants": (
        "Deltakere, skilt med komma; rolle i parentes om du vil",
        "Participants, separated by commas; a role in brackets if you like",
    ),
    "setup_participants_ph": (
        "Kari, Ola (verneombud), Aisha (tillitsvalgt), Per",
        "Kari, Ola (safety rep), Aisha (union rep), Per",
    ),
    "setup_unknown_role": (
        "«{role}» (ved {name}) er ikke en rolle: skriv leder, verneombud, tillitsvalgt, HR eller BHT.",
        "'{role}' (for {name}) is not a role: write leader, safety rep, union rep, HR or occupational health.",
    ),
    "setup_start": ("Start (TT:MM)", "Start (HH:MM)"),
    "setup_end": ("Avsatt til (TT:MM)", "Booked until (HH:MM)"),
    "setup_facilitator": ("Fasilitator", "Facilitator"),
    "setup_draw": ("Trekk fasilitator", "Draw facilitator"),
    "setup_shuffle": ("Trekk rekkefølge", "Draw speaking order"),
    "setup_order": ("Rekkefølge: {names}", "Speaking order: {names}"),
    "setup_begin": ("Start økta", "Start the session"),
    "setup_follow_up": ("Følg opp {n} åpne tiltak", "Follow up {n} open measures"),
    "setup_follow_up_one": ("Følg opp 1 åpent tiltak", "Follow up 1 open measure"),
    "setup_cancel": ("Avbryt", "Cancel"),
    "setup_preview_agenda": ("Se tema og spørsmål", "See theme and questions"),
    "tip_preview_agenda": (
        "Les oppleggets tema, introduksjon og spørsmål før dere velger",
        "Read the agenda's theme, introduction and questions before you choose",
    ),
    "setup_preview": ("Tidsplan", "Schedule"),
    "setup_preview_for": ("Tidsplan for {n} deltakere", "Schedule for {n} participants"),
    "setup_preview_for_one": ("Tidsplan for 1 deltaker", "Schedule for 1 participant"),
    "setup_total": ("Slutt, totalt", "End, total"),
    "col_start": ("Start", "Start"),
    "col_min": ("Min", "Min"),
    "setup_fits": ("Planen passer: {slack} min til overs.", "The plan fits: {slack} min to spare."),
    "setup_over": (
        "Planen går {over} min over avsatt tid.",
        "The plan runs {over} min past the booked time.",
    ),
    "setup_no_end": ("Ingen sluttid er satt.", "No end time set."),
    "setup_too_many": (
        "{n} deltakere: opplegget anbefaler høyst {most}. Det går, men tiden blir lang.",
        "{n} participants: the agenda recommends at most {most}. It works, but it gets long.",
    ),
    "setup_need_title": ("Skriv en tittel.", "Please enter a title."),
    "setup_need_people": ("Skriv inn minst én deltaker.", "Please enter at least one participant."),
    "setup_bad_date": (
        "Datoen må skrives som 02.03.2026 eller 2026-03-02.",
        "Write the date as 2026-03-02 or 02.03.2026.",
    ),
    "setup_bad_time": ("Klokkeslett skrives som 09:00.", "Write times as 09:00."),
    "none": ("(ingen)", "(none)"),
    # run screen
    "step_of": ("Steg {n} av {total}", "Step {n} of {total}"),
    "phase_of": ("Fase {n} av {total}: {title}", "Phase {n} of {total}: {title}"),
    "turn_of": ("Runde {n} av {total}", "Turn {n} of {total}"),
    "focus": ("Fokusperson", "Focus person"),
    "in_focus": ("Ordet har", "Speaking"),
    "back_turned": (
        "{name} snur ryggen til, lytter og noterer, og kommenterer ikke. Ikke snakk til {name} nå.",
        "{name} turns away, listens and takes notes, and does not comment. Do not speak to "
        "{name} now.",
    ),
    "cue_turn_back": (
        "{name} snur seg tilbake til gruppa.",
        "{name} turns back to the group.",
    ),
    "floor_speaks": ("Ordet har: {who}", "Speaking: {who}"),
    "floor_listens": ("Lytter: {who}", "Listening: {who}"),
    "floor_questions": ("Kollegaene spør, {name} svarer.", "The colleagues ask, {name} answers."),
    "floor_discussion": (
        "Kollegaene snakker sammen; {name} bare lytter.",
        "The colleagues talk among themselves; {name} only listens.",
    ),
    "floor_everyone": ("Alle snakker sammen.", "Everyone talks together."),
    "floor_focus_and_colleagues": (
        "Ordet går mellom {name} og kollegaene.",
        "The floor goes between {name} and the colleagues.",
    ),
    "floor_each_in_turn": ("Én og én har ordet, etter tur.", "One at a time, in turn."),
    "round_complete": (
        "Runden er ferdig: alle har stått over eller er borte. Gå videre til neste steg.",
        "The round is over: everyone has passed or is away. Go on to the next step.",
    ),
    "floor_nobody": ("Ingen snakker: tenk hver for dere.", "Nobody talks: think on your own."),
    "facilitator_in_focus": (
        "{name} er fasilitator og fokusperson i denne runden. La en annen ta over tastaturet "
        "og tidtakingen til runden er over.",
        "{name} is the facilitator and the focus person in this round. Let someone else take "
        "over the keyboard and the timekeeping until the round is over.",
    ),
    "facilitator_mark": ("fasilitator", "facilitator"),
    "questions": ("Spørsmål", "Questions"),
    "process": ("Slik gjør dere det", "How to do it"),
    "rule": ("Regel", "Rule"),
    "role_focus": ("fokuspersonen", "the focus person"),
    "role_colleagues": ("kollegaene", "the colleagues"),
    "role_everyone": ("alle", "everyone"),
    "role_each_in_turn": ("én og én etter tur", "one at a time"),
    "role_nobody": ("ingen – tenk hver for dere", "nobody – think on your own"),
    "timer_left": ("igjen av {planned}", "left of {planned}"),
    "timer_over": ("OVERTID – over {planned}", "OVERTIME – past {planned}"),
    "timer_not_started": ("Trykk mellomrom for å starte", "Press space to start"),
    "timer_paused": ("PAUSE", "PAUSED"),
    "step_time": ("Steget: {left} igjen av {planned}", "Step: {left} left of {planned}"),
    "step_time_over": ("Steget: {over} over {planned}", "Step: {over} past {planned}"),
    "plan_planned": ("Planlagt slutt", "Planned end"),
    "plan_projected": ("Beregnet slutt", "Projected end"),
    "palette": ("kommandoer", "commands"),
    "plan_behind": ("{minutes} min bak planen", "{minutes} min behind plan"),
    "plan_ahead": ("{minutes} min foran planen", "{minutes} min ahead of plan"),
    "plan_on_time": ("i rute", "on time"),
    "slot_margin": ("{minutes} min til overs før {end}", "{minutes} min to spare before {end}"),
    "slot_over": (
        "{minutes} min over avsatt tid ({end})",
        "{minutes} min past the booked time ({end})",
    ),
    "people": ("Deltakere", "Participants"),
    "absent": ("borte", "away"),
    "passed": ("står over", "passes"),
    "spoken": ("har snakket", "has spoken"),
    "captured_here": ("Notert i dette steget", "Captured in this step"),
    "nothing_captured": ("Ingenting notert ennå.", "Nothing captured yet."),
    "alert_warning": ("Snart slutt på tiden for {what}.", "Time is nearly up for {what}."),
    "alert_zero": ("Tiden er ute for {what}.", "Time is up for {what}."),
    "alert_warning_phase": (
        "Snart slutt på tiden for fasen «{phase}».",
        "Time is nearly up for the phase '{phase}'.",
    ),
    "alert_zero_phase": (
        "Tiden er ute for fasen «{phase}».",
        "Time is up for the phase '{phase}'.",
    ),
    "this_step": ("dette steget", "this step"),
    "phase_changed": ("Ny fase: {title}", "New phase: {title}"),
    "last_unit": (
        "Dette er siste person/fase i steget. Gå videre med PgDn.",
        "This is the last person/phase of the step. Move on with PgDn.",
    ),
    "first_unit": (
        "Dette er første person/fase i steget.",
        "This is the first person/phase of the step.",
    ),
    "last_step": (
        "Dette er siste steg. Trykk F10 for å avslutte økta.",
        "This is the last step. Press F10 to finish the session.",
    ),
    "first_step": ("Dette er første steg.", "This is the first step."),
    "no_focus": ("Ingen har ordet i dette steget.", "Nobody has the floor in this step."),
    "finished": ("Økta er avsluttet og lagret.", "The session is finished and saved."),
    "stale_clock": (
        "Tidtakingen sto på da økta sist ble brukt ({when}). Den er satt på pause fra da, "
        "så tiden siden ikke teller som overtid. Trykk mellomrom for å fortsette.",
        "The timer was still running when the session was last used ({when}). It is "
        "paused from then, so the time since does not count as overtime. Press space "
        "to go on.",
    ),
    "facilitator_is": ("Fasilitator: {name}", "Facilitator: {name}"),
    "dilemma_of": ("Dilemma: {title}", "Dilemma: {title}"),
    "hr_hint": (
        "Tips: Dette kan handle om noe der HR bør trekkes inn.",
        "Tip: this may be something where HR should be involved.",
    ),
    "hr_hint_about": (
        "Tips: Dette kan handle om {concerns} – noe der HR bør trekkes inn.",
        "Tip: this may be about {concerns}, where HR should be involved.",
    ),
    "hr_concern_harassment": ("trakassering", "harassment"),
    "hr_concern_retaliation": ("gjengjeldelse", "retaliation"),
    "hr_concern_whistleblowing": ("varsling", "whistleblowing"),
    "hr_concern_conflict": ("en konflikt", "a conflict"),
    "hr_concern_sick_leave": ("sykefravær", "sick leave"),
    "hr_concern_process": ("en personalsak", "a personnel matter"),
    "hr_concern_impartiality": ("habiliteten din", "your impartiality"),
    "hr_concerns_and": (" og ", " and "),
    # saving
    "saved": ("Lagret", "Saved"),
    "saving": ("Lagrer …", "Saving …"),
    "save_failed": (
        "KUNNE IKKE LAGRE: {error}. Alt er i minnet; prøver igjen.",
        "COULD NOT SAVE: {error}. Everything is kept in memory; retrying.",
    ),
    "save_recovered": ("Lagret igjen.", "Saved again."),
    "locked": ("Økta er åpen et annet sted: {error}", "The session is open elsewhere: {error}"),
    "unsaved_on_quit": (
        "Noe er ikke lagret ennå ({error}). Trykk Ctrl+Q igjen for å lukke likevel.",
        "Something is not saved yet ({error}). Press Ctrl+Q again to quit anyway.",
    ),
    # capture forms
    "form_note": ("Notat", "Note"),
    "form_text": ("Tekst", "Text"),
    "form_visibility": ("Delt: kan gå til ledelsen", "Shared: may go to management"),
    "form_factor": ("§ 4-3-faktor", "§ 4-3 factor"),
    "form_kind": ("Type", "Kind"),
    "form_dilemma": ("Dilemma", "Dilemma"),
    "form_owner_person": ("Deltaker", "Participant"),
    "form_short_title": ("Kort tittel", "Short title"),
    "form_hr": ("Bør HR trekkes inn?", "Should HR be involved?"),
    "form_finding": ("Styrke eller risiko", "Strength or risk"),
    "form_strength": ("Styrke", "Strength"),
    "form_risk": ("Risiko", "Risk"),
    "form_measure": ("Tiltak", "Measure"),
    "form_what": ("Hva skal gjøres", "What is to be done"),
    "form_challenge": ("Utfordring det svarer på", "The challenge it answers"),
    "form_owner": ("Ansvarlig", "Owner"),
    "form_deadline": ("Frist (DD.MM.ÅÅÅÅ)", "Deadline (YYYY-MM-DD)"),
    "form_owner_role": (
        "Ansvarligs rolle (vises når ingen navn skal til ledelsen)",
        "Owner's role (shown when no names go to management)",
    ),
    "form_likelihood": ("Sannsynlighet (1–{top})", "Likelihood (1–{top})"),
    "form_consequence": ("Konsekvens (1–{top})", "Consequence (1–{top})"),
    "form_risk_score": ("Risiko: {risk} ({l} × {c})", "Risk: {risk} ({l} × {c})"),
    # the form: a field that is full, the room's time, closing with text in it
    "form_field_full": (
        "«{field}» er full: høyst {most} tegn. Resten ble ikke tatt med.",
        "“{field}” is full: {most} characters at most. The rest was left out.",
    ),
    "form_timer_left": ("{time} igjen", "{time} left"),
    "form_timer_over": ("{time} på overtid", "{time} over time"),
    "form_timer_not_started": ("tiden går ikke ennå", "the timer has not started"),
    "form_discard_new": (
        "Forkaste {what}? Det du har skrevet, blir ikke lagret.",
        "Discard {what}? What you have typed will not be saved.",
    ),
    "form_discard_edit": (
        "Forkaste endringene i {what}?",
        "Discard your changes to {what}?",
    ),
    "form_the_notes": ("notatet", "the note"),
    "form_the_dilemmas": ("dilemmaet", "the dilemma"),
    "form_the_strength": ("styrken", "the strength"),
    "form_the_risk": ("risikoen", "the risk"),
    "form_the_measures": ("tiltaket", "the measure"),
    "form_the_checkouts": ("utsjekksvaret", "the check-out answer"),
    "form_the_next_meeting": ("tidspunktet for neste møte", "the time of the next meeting"),
    "form_the_follow_up": ("oppfølgingen", "the follow-up"),
    "setup_discard": (
        "Forkaste den nye økta? Det du har fylt inn, blir ikke lagret.",
        "Discard the new session? What you have filled in will not be saved.",
    ),
    "setup_earlier_units": ("Tidligere enheter", "Earlier units"),
    "form_past_deadline": (
        "Fristen {date} er allerede passert. Lagre likevel? Trykk Lagre igjen for å bekrefte.",
        "The deadline {date} has already passed. Save anyway? Press Save again to confirm.",
    ),
    "form_status": ("Status", "Status"),
    "form_checkout": ("Utsjekk", "Check-out"),
    "form_question": ("Spørsmål", "Question"),
    "form_next_meeting": ("Neste møte (DD.MM.ÅÅÅÅ TT:MM)", "Next meeting (YYYY-MM-DD HH:MM)"),
    "form_follow_up": ("Oppfølging av tiltak", "Follow-up of a measure"),
    "form_worked": ("Virket tiltaket?", "Did the measure work?"),
    "form_enough": ("Er det nok?", "Is it enough?"),
    "answer_yes": ("ja", "yes"),
    "answer_partly": ("delvis", "partly"),
    "answer_no": ("nei", "no"),
    "form_evaluation": (
        "Vurdering: virket det, og hva nå?",
        "Evaluation: did it work, and what now?",
    ),
    "key_follow_up": ("Følg opp tiltak", "Follow up a measure"),
    "tip_follow_up": (
        "Registrer status og en vurdering for et tiltak fra tidligere",
        "Record the status of an earlier measure and an evaluation",
    ),
    "nothing_to_follow_up": (
        "Ingen tiltak fra tidligere økter å følge opp.",
        "No measures from earlier sessions to follow up.",
    ),
    "follow_up_list": ("Tiltak å følge opp", "Measures to follow up"),
    "followed_up_here": ("fulgt opp nå", "followed up now"),
    "not_yet": ("ikke tatt ennå", "not yet"),
    "keys_here": ("Skriv inn her: {keys}", "Capture here: {keys}"),
    "form_required": ("{field} må fylles ut.", "{field} is required."),
    "form_bad_date": (
        "{field}: skriv datoen som 02.03.2026 eller 2026-03-02.",
        "{field}: write the date as 2026-03-02 or 02.03.2026.",
    ),
    "form_bad_datetime": (
        "{field}: skriv som 02.03.2026 09:00 eller 2026-03-02 09:00.",
        "{field}: write as 2026-03-02 09:00 or 02.03.2026 09:00.",
    ),
    "form_too_long": (
        "{field} er for lang: høyst {most} tegn (nå {n}).",
        "{field} is too long: at most {most} characters (now {n}).",
    ),
    "form_not_saved": (
        "Ble ikke lagret: {problem}. Teksten står der fortsatt.",
        "Not saved: {problem}. Your text is still here.",
    ),
    "draft_restored": (
        "Teksten du holdt på med, er tatt vare på. Lagre med Ctrl+S.",
        "The text you were typing has been kept. Save it with Ctrl+S.",
    ),
    "form_names_nudge": (
        "Det ser ut som teksten nevner en person ved navn. Bruk helst rolle (for eksempel «en medarbeider»).",
        "The text seems to name a person. Prefer a role (for example 'an employee').",
    ),
    "form_health_nudge": (
        "Teksten nevner helse. Skriv bare det gruppen trenger, og uten navn.",
        "The text mentions health. Write only what the group needs, and no names.",
    ),
    "group_only": ("bare gruppen", "group only"),
    "shared": ("delt", "shared"),
    "status_planned": ("planlagt", "planned"),
    "status_in_progress": ("pågår", "in progress"),
    "status_done": ("utført", "done"),
    "status_dropped": ("avbrutt", "dropped"),
    "kind_note": ("notat", "note"),
    "kind_focus_notes": ("fokuspersonens notater", "focus person's notes"),
    "kind_takeaway": ("tar med seg", "takeaway"),
    # export
    "key_export": ("Eksporter", "Export"),
    "tip_export": (
        "Skriv oppsummeringen til ledelsen eller gruppens eget referat til en fil",
        "Write the summary for management, or the group's own record, to a file",
    ),
    "start_pick_session": (
        "Velg en økt i listen først (piltastene).",
        "Pick a session in the list first (arrow keys).",
    ),
    "export_title": ("Eksporter «{title}»", "Export '{title}'"),
    "export_audience": ("Hvem er den for?", "Who is it for?"),
    "export_management": (
        "Ledelsen og AMU: bare det som er delt, ingenting om den enkelte",
        "Management and the AMU (working environment committee): only what is shared, "
        "nothing about any one person",
    ),
    "export_group": (
        "Gruppens eget referat: alt, fortrolig",
        "The group's own record: everything, confidential",
    ),
    "export_format": ("Format", "Format"),
    "format_md": ("Markdown (e-post, Teams)", "Markdown (e-mail, Teams)"),
    "format_html": ("HTML (nettleser, skriv ut som PDF)", "HTML (browser, print to PDF)"),
    "format_csv": (
        "CSV: tiltakene til HMS-handlingsplanen (Excel)",
        "CSV: the measures for the HMS action plan (Excel)",
    ),
    "format_xlsx": (
        "XLSX: tiltakene som regneark (Excel, LibreOffice)",
        "XLSX: the measures as a spreadsheet (Excel, LibreOffice)",
    ),
    "format_json": ("JSON (for andre systemer)", "JSON (for other systems)"),
    "format_ics": (
        "Kalender (.ics): frister og neste møte",
        "Calendar (.ics): deadlines and the next meeting",
    ),
    "export_file": ("Fil", "File"),
    "export_write": ("Skriv fil", "Write file"),
    "export_leaving": (
        "Dette går ut av gruppen ({n} punkter)",
        "This is what leaves the group ({n} items)",
    ),
    "export_group_heading": ("Gruppens eget referat", "The group's own record"),
    "export_flag_name": ("navn?", "a name?"),
    "export_flag_health": ("helse?", "health?"),
    "export_flagged": (
        "{n} av punktene ser ut til å nevne en person eller helse (merket under). "
        "Les dem før du skriver: Esc, så i – Enter endrer teksten, v holder den i gruppen.",
        "{n} of the items seem to name a person or mention health (marked below). "
        "Read them before you write: Esc, then i – Enter edits the text, v keeps it in the group.",
    ),
    "export_names_changed": (
        "Lagret for økta: {choice}.",
        "Saved for the session: {choice}.",
    ),
    "export_names_this_export": (
        "For denne eksporten: {choice}. Åpne økta for å endre den for godt.",
        "For this export: {choice}. Open the session to change it for good.",
    ),
    "export_group_warning": (
        "Referatet har med alt: navn, dilemmaer, notater fra rundene og hvem som sa hva. "
        "Det er fortrolig og skal bare deles med dem som var med.",
        "The record holds everything: names, dilemmas, notes from the rounds and who said "
        "what. It is confidential and is for the people who took part only.",
    ),
    "export_confirm_management": (
        "Skrive oppsummeringen til ledelsen til {path}? Den har med det som står i listen, og ikke noe mer.",
        "Write the summary for management to {path}? It holds what is in the list, and nothing more.",
    ),
    "export_confirm": (
        "Skrive gruppens fortrolige referat til {path}?",
        "Write the group's confidential record to {path}?",
    ),
    "export_replaces": (
        "Filen finnes allerede og blir erstattet.",
        "The file exists and will be replaced.",
    ),
    "export_written": ("Skrevet: {path}", "Written: {path}"),
    # items screen
    "items_title": ("Alt som er notert", "Everything captured"),
    "items_empty": ("Ingenting notert ennå.", "Nothing captured yet."),
    "items_deleted": ("Slettet.", "Deleted."),
    "col_what": ("Hva", "What"),
    "col_text": ("Tekst", "Text"),
    "col_who": ("Hvem", "Who"),
    "col_step": ("Steg", "Step"),
    "col_visibility": ("Synlighet", "Visibility"),
    "col_deadline": ("frist", "deadline"),
    "items_risk": ("risiko {risk}", "risk {risk}"),
    "items_carried": ("fra en tidligere økt", "from an earlier session"),
    "items_hr": ("HR bør kanskje inn", "HR may be needed"),
    # session details (o on the run screen)
    "key_details": ("Om økta", "Session details"),
    "tip_details": (
        "Endre tittel, enhet, dato, avsatt tid og hvilke navn som kan gå til ledelsen",
        "Change the title, unit, date, booked time and which names may go to management",
    ),
    "details_title": ("Om økta", "Session details"),
    "details_unit_hint": (
        "Enheten avgjør hvilke tiltak fra tidligere økter denne økta følger opp.",
        "The unit decides which measures from earlier sessions this session follows up.",
    ),
    "details_saved": ("Endringene er lagret.", "The changes are saved."),
    "details_no_unit": ("(ingen enhet)", "(no unit)"),
    "details_nothing_open": (
        "Ingen åpne tiltak fra tidligere økter for {unit}.",
        "No open measures from earlier sessions of {unit}.",
    ),
    "details_offer_follow_up": (
        "Tidligere økter for {unit} har {n} åpne tiltak. Ta dem med til oppfølging i denne økta?",
        "Earlier sessions of {unit} left {n} open measures. Add them to this session to follow up?",
    ),
    "details_offer_follow_up_one": (
        "Tidligere økter for {unit} har 1 åpent tiltak. Ta det med til oppfølging i denne økta?",
        "Earlier sessions of {unit} left 1 open measure. Add it to this session to follow up?",
    ),
    "details_follow_up_added": (
        "Lagt til for oppfølging: {n}. Trykk f for å følge opp et tiltak.",
        "Added to follow up: {n}. Press f to follow one up.",
    ),
    # absent picker
    "pick_person": ("Hvem er borte eller tilbake?", "Who is away or back?"),
    "help_title": ("Hjelp", "Help"),
    "finish_confirm": (
        "Avslutte økta? Alt er lagret, og den kan åpnes igjen senere.",
        "Finish the session? Everything is saved, and it can be opened again later.",
    ),
    "yes": ("Ja", "Yes"),
    "no": ("Nei", "No"),
    # the buttons of a yes/no question say which key answers them
    "yes_key": ("Ja (J)", "Yes (Y)"),
    "no_key": ("Nei (Esc)", "No (Esc)"),
    # the room: the projector's page and the participants' phones (facilitator/room)
    "room_wall_title": ("Skjermen i rommet", "The room's screen"),
    "room_join_here": ("Bli med fra mobilen", "Join from your phone"),
    "room_level_warning": ("▲ Snart slutt", "▲ Almost time"),
    "room_level_overtime": ("■ Tiden er ute", "■ Time is up"),
    "room_break_until": ("Pause til {time}", "Break until {time}"),
    "room_finished": ("Økta er avsluttet. Takk for i dag!", "The session is over. Thank you!"),
    "room_connection_lost": (
        "Mistet kontakten med fasilitatorens maskin. Prøver igjen …",
        "Lost contact with the facilitator's computer. Trying again …",
    ),
    "room_join_title": ("Bli med", "Join"),
    "room_pick_name": ("Hvem er du?", "Who are you?"),
    "room_pick_name_help": (
        "Velg navnet ditt én gang. Bare du kan lese det du sender herfra.",
        "Pick your name once. Only you can read back what you send from here.",
    ),
    "room_anonymous": ("Fortsett uten navn", "Continue without a name"),
    "room_anonymous_note": (
        "Uten navn kan du bare legge inn styrker og risikoer.",
        "Without a name you can only add strengths and risks.",
    ),
    "room_name_taken": (
        "Navnet er allerede valgt på en annen mobil. Spør fasilitatoren.",
        "That name is already chosen on another phone. Ask the facilitator.",
    ),
    "room_you_are": ("Du er {name}", "You are {name}"),
    "room_you_are_anonymous": ("Du deltar uten navn", "You take part without a name"),
    "room_nothing_now": (
        "Ingenting å skrive inn i dette steget. Følg med på skjermen.",
        "Nothing to write in this step. Follow the shared screen.",
    ),
    "room_kind_dilemma": ("Ditt dilemma", "Your dilemma"),
    "room_dilemma_help": (
        "Bare du ser det, og det lagres i gruppens egne notater, til du legger det fram. "
        "Sender du igjen, erstatter det det du sendte før.",
        "Only you see it, and it is kept in the group's own record, until you present "
        "it. Sending again replaces what you sent before.",
    ),
    "room_dilemma_title": ("Kort tittel", "Short title"),
    "room_kind_strength": ("Styrke", "Strength"),
    "room_kind_risk": ("Risiko", "Risk"),
    "room_findings_help": (
        "Sendes uten navn. Rommet ser det først når fasilitatoren viser det.",
        "Sent without your name. The room sees it only when the facilitator shows it.",
    ),
    "room_kind_focus_notes": ("Dine notater som fokusperson", "Your notes as focus person"),
    "room_focus_notes_help": (
        "Skriv ned det du hører. Notatene er dine og blir i gruppen.",
        "Write down what you hear. The notes are yours and stay in the group.",
    ),
    "room_kind_checkout": ("Ditt svar i utsjekken", "Your check-out answer"),
    "room_question": ("Spørsmål", "Question"),
    "room_send": ("Send", "Send"),
    "room_sent": ("Sendt.", "Sent."),
    "room_refused": (
        "Det kan ikke sendes nå. Steget kan ha endret seg.",
        "That cannot be sent now. The step may have changed.",
    ),
    "room_too_fast": (
        "Litt for raskt. Vent et øyeblikk og prøv igjen.",
        "A little too fast. Wait a moment and try again.",
    ),
    "room_too_long": ("Teksten er for lang.", "The text is too long."),
    "room_bad_text": (
        "Teksten har tegn som ikke kan lagres.",
        "The text has characters that cannot be saved.",
    ),
    "room_empty": ("Skriv noe først.", "Write something first."),
    "room_mine": ("Det du har sendt", "What you have sent"),
    "room_mine_none": ("Du har ikke sendt noe ennå.", "You have not sent anything yet."),
    "room_closed": ("Rommet er stengt.", "The room is closed."),
    "room_open_at": ("Rommet er åpent: {url}", "The room is open: {url}"),
    "room_wall_at": ("Skjermen i rommet: {url}", "The room's screen: {url}"),
    "room_no_network": (
        "Maskinen har ingen nettverksadresse mobilene kan nå. Slå på en mobil hotspot, "
        "koble maskinen og mobilene til den, og åpne rommet på nytt.",
        "This computer has no network address the phones can reach. Turn on a phone "
        "hotspot, connect the computer and the phones to it, and open the room again.",
    ),
    "room_hotspot_hint": (
        "Kommer ikke mobilene inn? Gjestenett holder ofte enhetene fra hverandre. "
        "Bruk en mobil hotspot i stedet.",
        "Phones cannot get in? Guest Wi-Fi often keeps devices apart. "
        "Use a phone hotspot instead.",
    ),
    # the room, on the facilitator's screen (`r`)
    "key_room": ("Rommet", "Room"),
    "tip_room": (
        "Skjermen i rommet (projektoren) og deltakernes mobiler",
        "The room's screen (the projector) and the participants' phones",
    ),
    "room_title": ("Rommet", "The room"),
    "room_wall_help": (
        "Åpne lenken i nettleseren som vises på projektoren, og trykk F11 for fullskjerm. "
        "Den viser steget, tiden og hvem som har fokus, aldri det dere skriver ned.",
        "Open the link in the browser shown on the projector and press F11 for full "
        "screen. It shows the step, the time and who is in focus, never what you write "
        "down.",
    ),
    "room_only_here": (
        "Bare denne maskinen kan åpne rommet. Trykk L for å la deltakerne bli med fra "
        "mobilen.",
        "Only this computer can open the room. Press L to let the participants join from "
        "their phones.",
    ),
    "room_scan": (
        "Deltakerne skanner koden eller skriver inn lenken over, på samme nett som "
        "maskinen. Koden står også på skjermen i rommet.",
        "The participants scan the code or type the link above, on the same network as "
        "this computer. The code is on the room's screen too.",
    ),
    "room_key_lan": ("Mobiler", "Phones"),
    "room_key_wall": ("Åpne skjermen", "Open the screen"),
    "room_key_close": ("Steng rommet", "Close the room"),
    "room_key_back": ("Tilbake", "Back"),
    "room_opened": ("Rommet er åpnet.", "The room is open."),
    "room_stopped": (
        "Rommet er stengt. Lenkene virker ikke lenger.",
        "The room is closed. Its links no longer work.",
    ),
    "room_failed": ("Rommet kunne ikke åpnes: {error}", "The room could not open: {error}"),
    "room_input": ("Fra mobil: {what}", "From a phone: {what}"),
    "room_inputs": ("Fra mobilene ({n}): {what}", "From the phones ({n}): {what}"),
    "room_no_name": ("uten navn", "no name"),
    "room_key_free": ("Frigi et navn", "Free a name"),
    "room_tip_free": (
        "Et navn en mobil har valgt, kan velges på nytt (feil navn, eller ny mobil)",
        "A name a phone has picked can be picked again (the wrong name, or a new phone)",
    ),
    "room_free_which": ("Hvilket navn skal kunne velges på nytt?", "Which name may be picked again?"),
    "room_freed": (
        "{name} kan velges på nytt. Det som er sendt, er tatt vare på.",
        "{name} can be picked again. What was sent is kept.",
    ),
    "room_not_taken": ("Ingen mobil hadde valgt {name}.", "No phone had picked {name}."),
    "room_not_started": ("Ikke startet", "Not started"),
    "room_text_label": ("Teksten din", "Your text"),
    "key_show_findings": ("Vis i rommet", "Show in the room"),
    "tip_show_findings": (
        "Vis stegets delte styrker og risikoer på skjermen i rommet, uten navn; trykk "
        "igjen for å skjule dem",
        "Show the step's shared strengths and risks on the room's screen, with no names; "
        "press again to hide them",
    ),
    "findings_shown": (
        "Styrkene og risikoene vises nå på skjermen i rommet.",
        "The strengths and risks are now shown on the room's screen.",
    ),
    "findings_hidden": (
        "Styrkene og risikoene vises ikke lenger i rommet.",
        "The strengths and risks are no longer shown in the room.",
    ),
    "findings_on_wall": ("vises i rommet", "shown in the room"),
    "room_strengths": ("Styrker", "Strengths"),
    "room_risks": ("Risikoer", "Risks"),
    "room_no_phones": ("Ingen mobil er med ennå.", "No phone has joined yet."),
    "room_phones": ("Mobiler med: {n}", "Phones joined: {n}"),
    # what came in from a phone, as the facilitator's screen says it
    "room_got_dilemma": ("et dilemma", "a dilemma"),
    "room_got_strength": ("en styrke", "a strength"),
    "room_got_risk": ("en risiko", "a risk"),
    "room_got_focus_notes": ("notater som fokusperson", "notes as the focus person"),
    "room_got_checkout": ("svar i utsjekken", "a check-out answer"),
}
