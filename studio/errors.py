"""The base of every error the studio shows a person, in a leaf module every layer may import: the API
client's `MiniMaxError` and the audio errors both derive from it, so `audio/` needs nothing from `api/`."""

from __future__ import annotations


class StudioError(Exception):
    """``str(e)`` is one line saying what happened and what to do; the CLI prints it and the app shows it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
