"""facilitator: run and document peer-supervision workshops on the psychosocial
work environment (arbeidsmiljøloven § 4-3) from a terminal."""

__version__ = "0.1.0"
