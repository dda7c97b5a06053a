"""Widgets that show one part of the workshop's state."""
