"""The command line, the only part of soteneg that prints: argument parsing (app), the
commands that read the whole project (building: check, build, serve) and those that help
editors write (editing: new, schema, translated, status), over what they share (common)."""

from soteneg.cli.app import main

__all__ = ["main"]
