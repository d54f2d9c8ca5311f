"""What every `studio` command's parser shares."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from studio.api.errors import InputError

if TYPE_CHECKING:
    from studio.api.models import TimberWeight
    from studio.audio.player import Player


class CommandParser(argparse.ArgumentParser):
    """A command's parser: a mistake is one line (a command's usage is long), and `check`, when set, refuses
    options that can't go together once all are parsed. Both exit with code 2 before anything is sent."""

    check: Callable[[argparse.Namespace], str | None] | None = None

    # typeshed overloads this on the namespace's type; the subparsers action calls it with namespace=None.
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if self.check is not None and (problem := self.check(parsed)):
            self.error(problem)
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def mix_voice(value: str) -> TimberWeight:
    """`--mix VOICE:WEIGHT` → one timber_weights entry, its weight checked by the request model's rule."""
    from studio.api.models import TimberWeight

    voice_id, sep, weight = value.rpartition(":")
    if not (sep and voice_id.strip() and weight.strip().lstrip("-").isdigit()):
        raise argparse.ArgumentTypeError(f"must look like VOICE:WEIGHT with a whole-number weight, e.g. "
                                         f"English_expressive_narrator:60 (got {value!r})")
    try:
        return TimberWeight(voice_id=voice_id.strip(), weight=int(weight))
    except InputError as exc:
        raise argparse.ArgumentTypeError(f"{value}: the weight {exc.rule}") from None


def open_player(device: str | None, *, without: str = "") -> tuple[Player | None, str | None]:
    """The output device for `--device` (a number or a name; None: the system's), or (None, why not) with the
    reason printed (`without`: what happens instead, e.g. "rendering without playing")."""
    import sys

    from studio.audio.player import AudioUnavailable, Player

    try:
        return Player(int(device) if device and device.isdigit() else device), None
    except AudioUnavailable as exc:
        print(f"studio: {exc}{f' ({without})' if without else ''}", file=sys.stderr)
        return None, str(exc)
