"""The command line's own words, in Norwegian bokmål and English.

Looked up with `facilitator.i18n.words.cli`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # key: (nb, en)
    "prog_desc": (
        "Led og dokumenter kollegaveiledning om psykososialt arbeidsmiljø (aml. § 4-3).",
        "Run and document peer supervision on the psychosocial work environment (AML § 4-3).",
    ),
    "command_metavar": ("KOMMANDO", "COMMAND"),
    "opt_workspace": (
        "mappen med sessions/ og agendas/ (ellers $FACILITATOR_WORKSPACE eller gjeldende mappe)",
        "the folder holding sessions/ and agendas/ (else $FACILITATOR_WORKSPACE or the "
        "current folder)",
    ),
    "opt_lang": ("språk: nb (standard) eller en", "language: nb (default) or en"),
    "opt_version": ("vis versjonsnummeret og avslutt", "show the version number and exit"),
    "cmd_agenda": (
        "vis, sjekk, lag og planlegg opplegg",
        "show, check, make and plan agendas",
    ),
    "cmd_agenda_list": ("list oppleggene som finnes", "list the agendas available"),
    "cmd_agenda_show": ("vis tidsplanen for et opplegg", "show the schedule of an agenda"),
    "cmd_agenda_validate": ("sjekk oppleggsfiler", "check agenda files"),
    "cmd_agenda_schema": (
        "skriv JSON-skjemaet for oppleggsfiler (for editorer)",
        "print the JSON Schema of agenda files (for editors)",
    ),
    "cmd_sessions": ("list øktene i arbeidsmappen", "list the sessions in the workspace"),
    "arg_agenda": ("oppleggets id eller filsti", "the agenda's id or file path"),
    "arg_paths": ("oppleggsfiler som skal sjekkes", "agenda files to check"),
    "opt_participants": (
        "antall deltakere til stede (standard 6)",
        "number of participants present (default 6)",
    ),
    "opt_start": (
        "starttid, for eksempel 09:00 (standard nå)",
        "start time, for example 09:00 (default now)",
    ),
    "opt_end": (
        "når det avsatte tidsrommet slutter, for eksempel 12:00",
        "when the booked slot ends, for example 12:00",
    ),
    "see_help": ("se «{prog} --help»", "see '{prog} --help'"),
    "internal_error": ("intern feil", "internal error"),
    "cmd_run": (
        "start en ny økt (med deltakere: rett til første steg)",
        "start a new session (with participants: straight to the first step)",
    ),
    "cmd_resume": (
        "fortsett en økt (uten navn: den siste som ikke er avsluttet)",
        "resume a session (without a name: the latest unfinished one)",
    ),
    "opt_run_participants": (
        "deltakerne, skilt med komma",
        "the participants, separated by commas",
    ),
    "metavar_participants": ('"NAVN,NAVN,..."', '"NAME,NAME,..."'),
    "opt_title": ("øktas tittel", "the session's title"),
    "opt_run_start": (
        "når det avsatte tidsrommet begynner, for eksempel 09:00 (i dag, lokal tid)",
        "when the booked slot begins, for example 09:00 (today, local time)",
    ),
    "opt_room": (
        "åpne rommet: skjermen i rommet på denne maskinen; «lan» lar også deltakerne bli "
        "med fra mobilen på samme nett",
        "open the room: the room's screen on this computer; 'lan' also lets the "
        "participants join from their phones on the same network",
    ),
    "opt_run_end": (
        "når det avsatte tidsrommet slutter, for eksempel 12:00; før starten betyr neste dag",
        "when the booked slot ends, for example 12:00; before the start means the next day",
    ),
    "run_slot_needs_participants": (
        "--start og --end gjelder bare sammen med --participants; uten deltakere fyller du "
        "inn tidene i oppsettet",
        "--start and --end only apply with --participants; without participants, enter the "
        "times in the setup",
    ),
    "arg_session": (
        "øktas id, begynnelsen av id-en, eller filsti",
        "the session's id, the start of it, or a file path",
    ),
    "no_unfinished": (
        "ingen påbegynte økter i {path}; start en ny med «facilitator run»",
        "no unfinished sessions in {path}; start one with 'facilitator run'",
    ),
    "agenda_needs_sub": (
        "velg en underkommando: list, show, validate, schema, series eller new",
        "choose a subcommand: list, show, validate, schema, series or new",
    ),
    "bad_time": (
        "forventet et klokkeslett som 09:00, fikk «{value}»",
        "expected a time like 09:00, got '{value}'",
    ),
    "bad_participants": (
        "antall deltakere må være mellom 1 og {most}, fikk {value}",
        "the number of participants must be 1 to {most}, got {value}",
    ),
    "col_step": ("Steg", "Step"),
    "col_start": ("Start", "Start"),
    "col_end": ("Slutt", "End"),
    "col_minutes": ("Min", "Min"),
    "col_id": ("Id", "Id"),
    "col_title": ("Tittel", "Title"),
    "col_title_theme": ("Tittel og tema", "Title and theme"),
    "col_paragraphs": ("§ 4-3", "§ 4-3"),
    "col_total_6": ("Min (6)", "Min (6)"),
    "col_date": ("Dato", "Date"),
    "col_unit": ("Enhet", "Unit"),
    "col_state": ("Status", "State"),
    "col_people": ("Delt.", "People"),
    "col_file": ("Fil", "File"),
    "source_builtin": ("innebygd", "built-in"),
    "source_workspace": ("arbeidsmappe", "workspace"),
    "total": ("Totalt", "Total"),
    "per_person": ("{share} per person", "{share} each"),
    "per_person_in_round": ("runde: {share} per person", "round: {share} each"),
    "per_participant": ("{minutes} min × {n}", "{minutes} min × {n}"),
    "schedule_title": ("{title} – {n} deltakere", "{title} – {n} participants"),
    "fits": (
        "Planen passer: {slack} min til overs før {end}.",
        "The plan fits: {slack} min to spare before {end}.",
    ),
    "does_not_fit": (
        "Planen går {over} min over det avsatte tidsrommet (slutt {end}).",
        "The plan runs {over} min past the booked slot (ends {end}).",
    ),
    "valid": ("{path}: gyldig ({id}, {steps} steg)", "{path}: valid ({id}, {steps} steps)"),
    "invalid_summary": ("{bad} av {total} filer har feil", "{bad} of {total} files have problems"),
    "workspace": ("Arbeidsmappe: {path}", "Workspace: {path}"),
    "no_sessions": ("Ingen økter ennå i {path}", "No sessions yet in {path}"),
    "state_setup": ("oppsett", "setup"),
    "state_running": ("pågår", "running"),
    "state_finished": ("avsluttet", "finished"),
    "state_broken": ("kan ikke leses", "unreadable"),
    "invalid_agenda": ("ugyldig; se feilen under", "invalid; see the problem below"),
    # agenda series
    "cmd_agenda_series": (
        "en årsplan: de åtte temaøktene om § 4-3 med datoer, som tekst eller kalender (ics)",
        "a year plan: the eight theme sessions on § 4-3 with dates, as text or a calendar (ics)",
    ),
    "series_desc": (
        "Setter opp de åtte temaoppleggene om arbeidsmiljøloven § 4-3 som en serie med datoer: psykologisk trygghet og tillit først (kollegaveiledning trenger at folk tør å ta opp ekte dilemmaer), så forventninger, arbeidsmengde og kontakt, de tyngste temaene når gruppen kjenner hverandre, og robusthet sist. Planen sier til slutt om serien dekker alle faktorene i § 4-3. Et opplegg i arbeidsmappen med samme id som et av temaene brukes i stedet for det innebygde.",
        "Lays out the eight theme agendas on section 4-3 of the Working Environment Act as a series with dates: psychological safety and trust first (peer supervision needs people to dare to bring real dilemmas), then expectations, workload and contact, the heaviest themes once the group knows each other, and robustness last. The plan ends by saying whether the series covers every factor of § 4-3. An agenda in the workspace with the id of one of the themes is used instead of the built-in one.",
    ),
    "opt_series_start": (
        "dato for første økt, ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ (standard: førstkommende mandag)",
        "date of the first session, YYYY-MM-DD or DD.MM.YYYY (default: next Monday)",
    ),
    "opt_series_every": (
        "tiden mellom øktene: Nw uker eller Nm måneder (standard 6w, som gir åtte økter på et år)",
        "the time between sessions: Nw weeks or Nm months (default 6w: eight sessions in a year)",
    ),
    "opt_series_time": (
        "når øktene starter, HH:MM (uten: heldagshendelser i kalenderen)",
        "when the sessions start, HH:MM (without it: all-day events in the calendar)",
    ),
    "opt_series_participants": (
        "antall deltakere når lengden på øktene regnes ut (standard 6)",
        "the number of participants the sessions' length is planned for (default 6)",
    ),
    "opt_series_format": (
        "text (standard) eller ics (kalenderfil med én hendelse per økt)",
        "text (default) or ics (a calendar file with one event per session)",
    ),
    "bad_every": (
        "--every: forventet et antall uker eller måneder, som 6w (hver 6. uke) eller 2m (hver 2. måned), fra 1w til 52w eller 1m til 12m; fikk «{value}»",
        "--every: expected a number of weeks or months, like 6w (every 6 weeks) or 2m (every 2 months), from 1w to 52w or 1m to 12m; got '{value}'",
    ),
    "bad_series_date": (
        "--start: forventet en dato som 2026-09-07 eller 07.09.2026, fikk «{value}»",
        "--start: expected a date like 2026-09-07, got '{value}'",
    ),
    "series_title": (
        "Temaserie om psykososialt arbeidsmiljø (arbeidsmiljøloven § 4-3)",
        "Theme series on the psychosocial work environment (AML § 4-3)",
    ),
    "series_span": (
        "{n} økter {every}, fra {first} til {last}.",
        "{n} sessions {every}, from {first} to {last}.",
    ),
    "every_week": ("hver uke", "every week"),
    "every_weeks": ("hver {n}. uke", "every {n} weeks"),
    "every_month": ("hver måned", "every month"),
    "every_months": ("hver {n}. måned", "every {n} months"),
    "series_clock": ("kl. {start}–{end}", "{start}–{end}"),
    "weekend": ("helg", "weekend"),
    "series_refs": ("§ 4-3 {refs} · agenda {id}", "§ 4-3 {refs} · agenda {id}"),
    "series_covers_all": (
        "Serien dekker alle faktorene som § 4-3 nevner: {refs}.",
        "The series covers every factor that § 4-3 names: {refs}.",
    ),
    "series_misses": (
        "Serien dekker ikke {refs} i § 4-3, og dermed ikke alle faktorene loven nevner.",
        "The series leaves out {refs} of § 4-3, so it does not cover every factor the law names.",
    ),
    "series_moved": ("flyttet fra {day} ({why})", "moved from {day} ({why})"),
    "series_moved_event": ("Flyttet fra {day} ({why}).", "Moved from {day} ({why})."),
    "series_moved_christmas": ("juleuka", "Christmas week"),
    "series_moved_easter": ("påskeuka", "Easter week"),
    "series_moved_after_previous": (
        "økta før ble flyttet",
        "the session before was moved",
    ),
    "series_calendar_name": ("Temaserie § 4-3", "Theme series § 4-3"),
    "series_event_number": (
        "Økt {n} av {total} i temaserien om § 4-3.",
        "Session {n} of {total} in the theme series on § 4-3.",
    ),
    "series_event_agenda": (
        "Agenda: {id} (facilitator run --agenda {id})",
        "Agenda: {id} (facilitator run --agenda {id})",
    ),
    # agenda new
    "cmd_agenda_new": (
        "lag en ny oppleggsfil med forklaringer, klar til å endre",
        "make a new agenda file with explanations, ready to edit",
    ),
    "new_desc": (
        "Skriver en oppleggsfil som er gyldig slik den står, med kommentarer som forklarer hvert felt. Uten --extends er det en liten, hel økt: innsjekk, refleksjon i to faser, kollegaveiledning per deltaker og avslutning. Med --extends ID bygger filen på et annet opplegg og viser hvordan du endrer tekstene i et steg, legger til og tar bort et steg, og setter tema og ledd i § 4-3. Id-en lages av filnavnet.",
        "Writes an agenda file that is valid as it stands, with comments that explain every field. Without --extends it is a small complete session: check-in, a reflection in two phases, peer supervision per participant and a close. With --extends ID the file builds on another agenda and shows how to change the texts of a step, add and remove a step, and set the theme and the paragraphs of § 4-3. The id is made from the file name.",
    ),
    "arg_new_path": (
        "filen som skal lages, for eksempel agendas/var-agenda.toml",
        "the file to make, for example agendas/our-agenda.toml",
    ),
    "opt_extends": (
        "bygg på opplegget med denne id-en (se «facilitator agenda list»)",
        "build on the agenda with this id (see 'facilitator agenda list')",
    ),
    "opt_force": ("skriv over filen om den finnes", "write over the file if it exists"),
    "new_exists": (
        "{path} finnes allerede; velg et annet navn, eller bruk --force for å skrive over den",
        "{path} already exists; choose another name, or use --force to write over it",
    ),
    "extends_needs_id": (
        "--extends tar id-en til et opplegg, som kollegaveiledning, ikke en filsti (fikk «{value}»); se «facilitator agenda list»",
        "--extends takes the id of an agenda, like kollegaveiledning, not a path (got '{value}'); see 'facilitator agenda list'",
    ),
    "new_same_id": (
        "filnavnet {path} gir id-en «{id}», den samme som opplegget den skal bygge på, og et opplegg kan ikke bygge på seg selv; gi filen et annet navn, for eksempel {id}-egen.toml",
        "the file name {path} gives the id '{id}', the same as the agenda it builds on, and an agenda cannot build on itself; give the file another name, for example {id}-ours.toml",
    ),
    "new_folder_made": ("Laget mappen {folder}.", "Made the folder {folder}."),
    "new_written": ("Skrev {path} (opplegg «{id}»).", "Wrote {path} (agenda '{id}')."),
    "new_check": (
        "Endre den, og sjekk den med: facilitator agenda validate {path}",
        "Edit it, then check it with: facilitator agenda validate {path}",
    ),
    "new_place": (
        "Legg den i {folder}/, så finner facilitator den på id-en: facilitator agenda show {id}",
        "Put it in {folder}/ and facilitator finds it by id: facilitator agenda show {id}",
    ),
    "new_shadows": (
        "Merk: «{id}» er også id-en til et innebygd opplegg; i agendas/ blir dette brukt i stedet for det.",
        "Note: '{id}' is also the id of a built-in agenda; in agendas/ this one is used instead of it.",
    ),
    # export and plan
    "cmd_export": (
        "skriv oppsummeringen av en økt: til ledelsen og AMU, eller gruppens eget referat",
        "write out a session's summary: for management and the AMU (the working environment "
        "committee), or the group's own record",
    ),
    "export_desc": (
        "Skriver oppsummeringen av en økt. Til ledelsen (standard) går bare det gruppen har merket som delt, uten navn (med mindre økta tillater det) og uten noe per person. Gruppens eget referat (--audience group) har alt, og er personopplysninger. Dokumentet er på øktas språk, med mindre --lang er gitt.",
        "Writes out a session's summary. For management (the default) it holds only what the group marked as shared, with no names (unless the session allows them) and nothing per person. The group's own record (--audience group) holds everything and is personal data. The document is in the session's language unless --lang is given.",
    ),
    "opt_audience": (
        "management (standard): til ledelsen; group: gruppens eget referat",
        "management (default): for management; group: the group's own record",
    ),
    "opt_output": (
        "skriv til FIL, lesbar bare for deg, i stedet for til skjermen",
        "write to FILE, readable by you only, instead of to the screen",
    ),
    "opt_schema": (
        "skriv JSON-skjemaet for --format json og avslutt",
        "print the JSON Schema of --format json and exit",
    ),
    "export_needs_session": (
        "oppgi økta som skal skrives ut (id, begynnelsen av id-en, eller filsti); se «facilitator sessions»",
        "name the session to export (its id, the start of it, or a file path); see 'facilitator sessions'",
    ),
    "schema_takes_no_session": (
        "--schema skriver skjemaet og tar ingen økt",
        "--schema prints the schema and takes no session",
    ),
    "output_is_session": (
        "{path} er en øktfil; velg et annet navn for eksporten",
        "{path} is a session file; choose another name for the export",
    ),
    "output_no_folder": ("mappen {folder} finnes ikke", "the folder {folder} does not exist"),
    "output_is_dir": (
        "{path} er en mappe; oppgi et filnavn",
        "{path} is a folder; give a file name",
    ),
    "written": ("Skrev {path} (bare du kan lese filen).", "Wrote {path} (readable by you only)."),
    "written_personal": (
        "Skrev {path}: gruppens eget referat, med personopplysninger. Bare du kan lese filen; del den bare med gruppen.",
        "Wrote {path}: the group's own record, with personal data. Only you can read the file; share it with the group only.",
    ),
    "cmd_plan": (
        "HMS-handlingsplanen: tiltakene fra alle øktene, gruppert etter § 4-3-faktor, med forfalte frister merket",
        "the HMS action plan: the measures from every session, grouped by § 4-3 factor, with overdue deadlines flagged",
    ),
    "plan_desc": (
        "Samler tiltakene fra alle øktene i arbeidsmappen til én HMS-handlingsplan. Et tiltak som er fulgt opp i flere økter, står én gang, slik det sist ble registrert, med økta som avtalte det som kilde. Planen går til ledelsen, så den tar bare med tiltak merket som delt (--audience group tar med alle).",
        "Gathers the measures from every session in the workspace into one HMS action plan. A measure followed up in several sessions appears once, as last recorded, with the session that agreed it as its source. The plan goes to management, so it holds only measures marked as shared (--audience group includes all).",
    ),
    "opt_export_formats": (
        "md (standard), html (én fil, klar til utskrift), csv (tiltakene i HMS-handlingsplanens kolonner), xlsx (de samme kolonnene som regneark, med ekte datoer og tall; til en fil med -o), json, eller ics (frister og neste møte som kalenderhendelser)",
        "md (default), html (one file, ready to print), csv (the measures in the HMS action plan's columns), xlsx (the same columns as a spreadsheet, with real dates and numbers; to a file with -o), json, or ics (deadlines and the next meeting as calendar events)",
    ),
    "opt_plan_formats": (
        "md (standard), html, csv eller xlsx (regneark med ekte datoer og tall; til en fil med -o)",
        "md (default), html, csv or xlsx (a spreadsheet with real dates and numbers; to a file with -o)",
    ),
    "binary_to_terminal": (
        "{format} er en binærfil og kan ikke vises i terminalen; skriv den til en fil med -o FIL",
        "{format} is a binary file and cannot be shown in the terminal; write it to a file with -o FILE",
    ),
    "opt_plan_audience": (
        "management (standard): bare tiltak merket som delt, uten navn med mindre økta tillater det; group: alle tiltak",
        "management (default): only measures marked as shared, with no names unless the session allows them; group: every measure",
    ),
    "opt_status": (
        "all (standard): alle tiltak; open: bare planlagte og pågående",
        "all (default): every measure; open: only planned and in progress",
    ),
    "opt_unit": (
        "bare tiltak fra økter for denne enheten",
        "only measures from sessions of this unit",
    ),
    "opt_as_of": (
        "vurder fristene per denne datoen, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (standard: i dag)",
        "judge deadlines as of this date, DD.MM.YYYY or YYYY-MM-DD (default: today)",
    ),
    "bad_date": (
        "forventet en dato som 01.03.2026 eller 2026-03-01, fikk «{value}»",
        "expected a date like 01.03.2026 or 2026-03-01, got '{value}'",
    ),
    "plan_skipped": ("hopper over {problem}", "skipping {problem}"),
    # evidence, and plan from shared folders
    "cmd_evidence": (
        "dokumentasjon for en periode: økter, § 4-3-faktorer, styrker og risikoer, og tiltaksregisteret",
        "evidence for a period: sessions, § 4-3 factors, strengths and risks, and the register of measures",
    ),
    "evidence_desc": (
        "Lager dokumentasjonen en HR-rådgiver kan gi Arbeidstilsynet for en periode: øktene som ble holdt (dato, enhet, opplegg og tema, hvor mange som var med og hvilke roller), § 4-3-faktorene som ble tatt opp, styrker og risikoer, og hvert delt tiltak med hele historikken, med forfalte merket. Kilden er mapper med ledelsesoppsummeringer i JSON som enhetene har delt (facilitator export ØKT --format json), eller arbeidsmappens økter når ingen mappe er gitt. I en delt mappe leses bare slike oppsummeringer, aldri en øktfil.",
        "Makes the evidence an HR adviser can give the Labour Inspection Authority for a period: the sessions held (date, unit, agenda and theme, how many took part and in which roles), the § 4-3 factors taken up, strengths and risks, and every shared measure with its whole history, overdue ones flagged. The source is folders of management summaries in JSON that the units shared (facilitator export SESSION --format json), or the workspace's sessions when no folder is given. In a shared folder only such summaries are read, never a session file.",
    ),
    "arg_sources": (
        "mapper med delte ledelsesoppsummeringer (*.json); uten mappe: arbeidsmappens økter",
        "folders of shared management summaries (*.json); none: the workspace's sessions",
    ),
    "opt_from": (
        "første dag i perioden, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (standard: ett år før --to)",
        "the first day of the period, DD.MM.YYYY or YYYY-MM-DD (default: a year before --to)",
    ),
    "opt_to": (
        "siste dag i perioden (standard: i dag); frister regnes som forfalt per denne dagen, eller per i dag om den ligger fram i tid",
        "the last day of the period (default: today); deadlines are judged as of that day, or as of today if it is still to come",
    ),
    "opt_evidence_unit": ("bare økter for denne enheten", "only sessions of this unit"),
    "opt_evidence_formats": (
        "html (standard; skrives ut på A4), xlsx (ett ark per del; til en fil med -o), json eller md",
        "html (default; prints on A4), xlsx (one sheet per part; to a file with -o), json or md",
    ),
    "evidence_backwards": (
        "perioden slutter ({end}) før den begynner ({start})",
        "the period ends ({end}) before it begins ({start})",
    ),
    "source_not_folder": (
        "{path} er ikke en mappe; gi mappen med de delte oppsummeringene",
        "{path} is not a folder; give the folder of shared summaries",
    ),
    "plan_sources_group": (
        "--audience group kan ikke brukes med delte mapper: de har bare ledelsesoppsummeringer",
        "--audience group cannot be used with shared folders: they hold only management summaries",
    ),
    "arg_plan_sources": (
        "mapper med delte ledelsesoppsummeringer (*.json) å lage planen av; uten mappe: arbeidsmappens økter",
        "folders of shared management summaries (*.json) to make the plan from; none: the workspace's sessions",
    ),
    "shared_not_json": ("ikke gyldig JSON", "not valid JSON"),
    "shared_foreign": (
        "ikke en ledelsesoppsummering fra facilitator",
        "not a management summary from facilitator",
    ),
    "shared_group_record": (
        "gruppens eget referat, som ikke skal deles; ikke lest (ta det ut av den delte mappen)",
        "a group's own record, which must not be shared; not read (take it out of the shared folder)",
    ),
    "shared_newer": (
        "fra en nyere versjon av facilitator (skjemaversjon {version}); oppdater facilitator",
        "from a newer version of facilitator (schema version {version}); update facilitator",
    ),
    "shared_damaged": (
        "en ledelsesoppsummering med feil eller manglende felt",
        "a management summary with wrong or missing fields",
    ),
    "shared_not_file": ("ikke en vanlig fil", "not a regular file"),
    "shared_too_large": ("for stor til å være en oppsummering", "too large to be a summary"),
    # setting up a session (facilitator.session.create): one problem per field
    "plan_need_title": ("Skriv en tittel.", "Please enter a title."),
    "plan_title_too_long": (
        "Tittelen kan være høyst {most} tegn.",
        "The title can be at most {most} characters.",
    ),
    "plan_unit_too_long": (
        "Enheten kan være høyst {most} tegn.",
        "The unit can be at most {most} characters.",
    ),
    "plan_need_people": ("Skriv inn minst én deltaker.", "Please enter at least one participant."),
    "plan_too_many_people": (
        "{n} deltakere er for mange: en økt kan ha høyst {most}.",
        "{n} participants are too many: a session can have at most {most}.",
    ),
    "plan_unknown_role": (
        "«{role}» (ved {name}) er ikke en rolle: skriv leder, verneombud, tillitsvalgt, HR eller BHT.",
        "'{role}' (for {name}) is not a role: write leader, safety rep, union rep, HR or occupational health.",
    ),
    "plan_role_without_name": (
        "«({role})» mangler et navn foran parentesen.",
        "'({role})' has no name before the brackets.",
    ),
    "plan_name_too_long": (
        "Et navn kan være høyst {most} tegn.",
        "A name can be at most {most} characters.",
    ),
    "plan_bad_date": (
        "Datoen må skrives som 02.03.2026 eller 2026-03-02.",
        "Write the date as 2026-03-02 or 02.03.2026.",
    ),
    "plan_bad_time": ("Klokkeslett skrives som 09:00.", "Write times as 09:00."),
    "plan_facilitator_absent": (
        "Fasilitatoren må være en av deltakerne.",
        "The facilitator must be one of the participants.",
    ),
    "plan_bad_time_zone": (
        "Ukjent tidssone «{zone}» (forventet et navn som Europe/Oslo).",
        'Unknown time zone "{zone}" (expected a name such as Europe/Oslo).',
    ),
    # the lock on an open session (facilitator.session.lock)
    "lock_is_link": (
        "{path}: låsefilen er en symbolsk lenke, og facilitator skriver ikke gjennom lenker; "
        "fjern den",
        "{path}: the lock file is a symbolic link, and facilitator does not write through "
        "links; remove it",
    ),
    "lock_failed": (
        "{path}: kan ikke låse økta: {error}",
        "{path}: cannot lock the session: {error}",
    ),
    "lock_holder": (
        " (pid {pid} på {host}, siden {since})",
        " (pid {pid} on {host}, since {since})",
    ),
    "lock_held": (
        "økta {session} er åpen i en annen facilitator-prosess{holder}; lukk den der først",
        "session {session} is open in another facilitator process{holder}; close it there first",
    ),
    # session files (facilitator.session.store)
    "store_damaged": (
        "{path}: øktfilen er skadet eller ufullstendig og blir ikke endret",
        "{path}: the session file is damaged or incomplete and will not be changed",
    ),
    "store_empty": ("filen er tom", "the file is empty"),
    "store_foreign": (
        'ikke en øktfil fra facilitator (mangler format = "facilitator-session")',
        'not a facilitator session file (no format = "facilitator-session")',
    ),
    "store_newer": (
        "skrevet av en nyere facilitator (format {version}); oppdater programmet",
        "written by a newer facilitator (format {version}); please upgrade",
    ),
    "store_version_missing": ("mangler; feltet må være med", "missing; this field is required"),
    "store_version_expected": ("forventet {known} (fikk {got})", "expected {known} (got {got})"),
    "store_or": (" eller ", " or "),
    "store_cut_off": (
        "øktfilen slutter for tidlig (siste linje «{end_line}» mangler); "
        "den er trolig avkortet og blir ikke endret",
        'the session file ends too early (the last line "{end_line}" is missing); '
        "it was probably cut off and will not be changed",
    ),
    "store_not_found": ("finner ingen økt «{ref}» i {folder}", 'no session "{ref}" in {folder}'),
    "store_ambiguous": (
        "«{ref}» passer til flere økter: {names}",
        '"{ref}" matches several sessions: {names}',
    ),
    "store_too_large": (
        "økta {session} er for stor til å lagres ({size:.1f} MB, høyst {most} MB); "
        "gjør noen lange tekster kortere",
        "session {session} is too large to save ({size:.1f} MB, at most {most} MB); "
        "shorten some long texts",
    ),
    "store_exists": ("{path} finnes allerede", "{path} already exists"),
}

# argparse builds its headings and errors with gettext; in bokmål we answer those
# few strings ourselves so the help reads as one language.
ARGPARSE_NB: dict[str, str] = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "show program's version number and exit": "vis versjonsnummeret og avslutt",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "expected one argument": "forventet én verdi",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
}
