"""The iCalendar file format (RFC 5545): escaping, line folding and the calendar
around a list of events.

Here in the core, not with the documents, because two layers write calendars: the
summary's deadlines and next meeting (`facilitator.report.calendar_ics`) and the
agenda's theme series (`facilitator.agenda.series_ics`).
"""

from __future__ import annotations

_MAX_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, `;` and `,` escaped, line breaks as `\\n`."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets (RFC 5545 3.1), each
    continuation starting with a space, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= _MAX_OCTETS:
        return line
    parts = []
    start, room = 0, _MAX_OCTETS
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1  # a continuation byte: back up to the start of the character
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, _MAX_OCTETS - 1  # the leading space takes one octet
    return "\r\n ".join(parts)


def calendar(prodid: str, name: str, events: list[str]) -> str:
    """A whole iCalendar file around `events` (their content lines): CRLF line
    ends and lines folded at 75 octets, as RFC 5545 asks."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        *events,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
