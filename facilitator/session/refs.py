"""How documents that leave the group refer to a session.

A session's id is made from its date and its title (`2026-03-02-oppfolging-for-
kari-c876`), and a title may hold a participant's name. The title shown to
management has names taken out, but an id cannot be scrubbed the same way (the
name is in lower case and without its letters æøå), so management documents
carry a reference made from the id instead: the date and a fingerprint, the
same every time for the same session, so calendars and spreadsheets can still
match rows across exports. `facilitator export` takes such a reference too.
"""

from __future__ import annotations

import hashlib
from datetime import date

_DIGITS = 6


def session_date(session_id: str) -> date | None:
    """The date an id made by this program begins with."""
    try:
        return date.fromisoformat(session_id[:10])
    except ValueError:
        return None


def public_ref(session_id: str) -> str:
    """`2026-03-02-3f9a1c`: a name-free reference to the session `session_id`."""
    digest = hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:_DIGITS]
    day = session_date(session_id)
    return f"{day.isoformat()}-{digest}" if day else digest
