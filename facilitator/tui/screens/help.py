"""F1: what the keys do and how the workshop runs, in the user's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from facilitator.i18n import Lang
from facilitator.tui.bindings import localize

HELP = {
    "nb": """\
# Hjelp

**Klokka** går bare når dere starter den, og dere går aldri videre til neste steg
uten at noen trykker. Alt dere skriver, lagres med en gang.

{keys}
**Det dere skriver, blir ikke borte.** Teksten i et skjema lagres mens dere skriver,
så den er der igjen etter en krasj («facilitator resume»), til dere lagrer eller
lukker skjemaet.

**Synlighet.** Alt som noteres, er enten *bare for gruppen* eller *delt*. Bare det som er
delt, kan komme med i oppsummeringen til ledelsen. Dilemmaer og notater fra
kollegaveiledningen er bare for gruppen hvis dere ikke velger noe annet; styrker,
risikoer og tiltak er delt.

Omtal andre med rolle, ikke navn, og skriv ikke mer om helse enn gruppen trenger.
""",
    "en": """\
# Help

**The timer** only runs when you start it, and you never move on to the next step
unless someone presses a key. Everything you type is saved at once.

{keys}
**Nothing you type is lost.** The text in a form is saved as you type, so it is back
after a crash (`facilitator resume`) until you save or close the form.

**Visibility.** Everything captured is either *group only* or *shared*. Only shared items
can go into the summary for management. Dilemmas and notes from peer supervision are
group only unless you choose otherwise; strengths, risks and measures are shared.

Refer to others by role, not by name, and write no more about health than the group needs.
""",
}


KEY_HEADER = {"nb": ("Tast", "Hva skjer"), "en": ("Key", "What happens")}


def key_table(rows: list[tuple[str, str]], lang: Lang) -> str:
    """A Markdown table of keys and what they do."""
    key, what = KEY_HEADER[lang]
    lines = [f"| {key} | {what} |", "|---|---|"]
    lines += [f"| {k} | {text} |" for k, text in rows]
    return "\n".join(lines) + "\n"


class HelpModal(ModalScreen[None]):
    """The keys of the screen below it (read from its bindings, so help and keys
    cannot drift apart) and a few words on how the app behaves."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "key_back")]

    def __init__(self, lang: Lang, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        localize(self, lang)
        self.lang = lang
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP[self.lang].replace("{keys}", key_table(self.keys, self.lang)))
