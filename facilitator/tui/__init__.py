"""The screen app (Textual). It shows the workshop's state and sends the
facilitator's intentions to `facilitator.workshop.Workshop`."""
