"""`python -m facilitator` does what the `facilitator` command does."""

from facilitator.cli import main

raise SystemExit(main())
