"""Reading a participant's role where setup takes the names: `Ola (verneombud)`.

A role is optional; the roles of those present are what shows employee participation
in a management export (internkontrollforskriften § 5 no. 3).
"""

from __future__ import annotations

import re

from facilitator.session.model import ParticipantRole

# The words people write for each role, in bokmål and English, lower case.
ROLE_WORDS: dict[str, ParticipantRole] = {
    "leder": ParticipantRole.LEADER,
    "leader": ParticipantRole.LEADER,
    "manager": ParticipantRole.LEADER,
    "verneombud": ParticipantRole.SAFETY_REP,
    "vo": ParticipantRole.SAFETY_REP,
    "safety rep": ParticipantRole.SAFETY_REP,
    "safety representative": ParticipantRole.SAFETY_REP,
    "tillitsvalgt": ParticipantRole.UNION_REP,
    "tv": ParticipantRole.UNION_REP,
    "union rep": ParticipantRole.UNION_REP,
    "union representative": ParticipantRole.UNION_REP,
    "hr": ParticipantRole.HR,
    "bht": ParticipantRole.OCCUPATIONAL_HEALTH,
    "bedriftshelsetjenesten": ParticipantRole.OCCUPATIONAL_HEALTH,
    "occupational health": ParticipantRole.OCCUPATIONAL_HEALTH,
}
_WITH_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


class UnknownRole(ValueError):
    """A name ends with `(something)` that is not a role."""

    def __init__(self, name: str, role: str) -> None:
        super().__init__(role)
        self.name, self.role = name, role


def parse_participant(text: str) -> tuple[str, ParticipantRole | None]:
    """`Ola (verneombud)` → (`Ola`, safety_rep); `Kari` → (`Kari`, None).
    Raises UnknownRole for a word in brackets that is not a role."""
    m = _WITH_ROLE.match(text.strip())
    if m is None:
        return text.strip(), None
    word = " ".join(m.group("role").split()).casefold()
    role = ROLE_WORDS.get(word)
    if role is None:
        raise UnknownRole(m.group("name"), m.group("role").strip())
    return m.group("name"), role
