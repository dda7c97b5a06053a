"""The command-line commands that need no screen (no Textual imports here)."""
