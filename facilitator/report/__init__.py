"""The session summary and the HMS action plan: built as data, then written out.

- `model.py`: the summary as data (pydantic), for an audience; `build.py` builds it
  from a session, filtering for management; `outgoing.py` lists what leaves the group.
- `blocks.py`, `summary_layout.py`, `plan_layout.py`: documents as plain blocks;
  `markdown.py` and `html_page.py` write them; `action_csv.py`, `json_export.py`
  and `calendar_ics.py` write the other formats; `formats.py` picks one.
- `action_plan.py`: every measure in a workspace, once, for the plan (read quickly by
  `facilitator.session.quickread`).
- `words.py`: the documents' words in bokmål and English; `redact.py`: names out.

Nothing here imports Textual.
"""
