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

| Tast | Hva skjer |
|---|---|
| Mellomrom | Start eller pause klokka |
| → / ← | Neste eller forrige person (i runder) eller fase |
| PgDn / PgUp | Neste eller forrige steg |
| + / − | Ett minutt mer eller mindre til den som har ordet |
| p | Den som har ordet, står over (tiden fordeles på de andre) |
| a | Marker en deltaker som borte eller tilbake |
| n | Notat (til personen og fasen som pågår) |
| d | Dilemma (ett per deltaker) |
| s | Styrke eller risiko |
| m | Tiltak (hva, hvem, frist) |
| c | Svar i utsjekken |
| t | Tidspunkt for neste møte |
| i | Se, endre og slette alt som er notert |
| F10 | Avslutt økta |
| Ctrl+P | Kommandopaletten |
| Ctrl+Q | Avslutt programmet (alt er lagret) |

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

| Key | What happens |
|---|---|
| Space | Start or pause the timer |
| → / ← | Next or previous person (in rounds) or phase |
| PgDn / PgUp | Next or previous step |
| + / − | One minute more or less for whoever has the floor |
| p | The person with the floor passes (their time goes to the others) |
| a | Mark a participant as away or back |
| n | Note (tagged with the person and phase under way) |
| d | Dilemma (one per participant) |
| s | Strength or risk |
| m | Measure (what, who, by when) |
| c | A check-out answer |
| t | When the group meets next |
| i | See, edit and delete everything captured |
| F10 | Finish the session |
| Ctrl+P | Command palette |
| Ctrl+Q | Quit the program (everything is saved) |

**Visibility.** Everything captured is either *group only* or *shared*. Only shared items
can go into the summary for management. Dilemmas and notes from peer supervision are
group only unless you choose otherwise; strengths, risks and measures are shared.

Refer to others by role, not by name, and write no more about health than the group needs.
""",
}


class HelpModal(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "key_back")]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP[self.lang])
