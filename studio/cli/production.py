"""`studio production` (alias `prod`): a multi-speaker production on disk, from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from studio.api.errors import InputError, MiniMaxError
from studio.cli.common import CommandParser, mix_voice

if TYPE_CHECKING:
    from studio.services.connection import Connection
    from studio.services.production.store import Production

PRODUCTION_COMMANDS = ("production", "prod")


def _open_production(args: argparse.Namespace) -> Production:
    from studio.services.production.store import Production

    return Production.open(Path(args.production)) if args.production else Production.find(Path.cwd())


def _speaker_named(name: str, speakers: list[str]) -> str:
    """The script's speaker `name` stands for (HOST for host); ProductionError when the script has none."""
    from studio.services.production.store import ProductionError

    found = next((speaker for speaker in speakers if speaker.casefold() == name.casefold()), None)
    if found is None:
        listed = ", ".join(speakers) or "none yet"
        raise ProductionError(f"{name} is not a speaker of the script (its speakers: {listed}); "
                              "a speaker is cast after a line of theirs is in script.md")
    return found


def _cast_change(args: argparse.Namespace) -> None:
    """`cast`'s checks on the production and the options, before any request: sets `args.cast_to` to the new
    cast and where it goes, for `cmd_production_cast`, which checks the voices exist on the account."""
    from studio.services.production.cast import Voicing

    with _open_production(args) as production:
        cast = production.cast
        speaker = _speaker_named(args.speaker, production.script.speakers())
        given = {"model": args.model, "emotion": args.emotion, "speed": args.speed, "vol": args.vol,
                 "pitch": args.pitch, "language_boost": args.language_boost}
        settings = {**cast.speakers.get(speaker, Voicing()).model_dump(exclude_none=True),
                    **{name: value for name, value in given.items() if value is not None},
                    "voice_id": args.voice, "mix": args.mix}
        args.cast_to = (production.path, speaker, cast.with_speaker(speaker, Voicing(**settings)))


def _cast_problem(args: argparse.Namespace) -> str | None:
    from studio.api.models import MAX_MIXED_VOICES

    if args.mix and args.voice:
        return "give VOICE or --mix, not both: a mix (timber_weights) replaces the single voice"
    if not (args.mix or args.voice):
        return "give the speaker's VOICE (right after SPEAKER), or mix voices with --mix VOICE:WEIGHT"
    if args.mix and len(args.mix) > MAX_MIXED_VOICES:
        return f"--mix takes at most {MAX_MIXED_VOICES} voices (got {len(args.mix)}): MiniMax mixes 1–4 voices"
    return None


def production_offline(args: argparse.Namespace) -> int | None:
    """`studio production …` up to the first request: `new` and `status` entirely, `cast` its checks. Bad
    input is one line naming the rule, exit code 2, nothing written. None: go on to `cmd_production_cast`."""
    from studio.services.production.script import ScriptError
    from studio.services.production.store import ProductionError

    try:
        if args.action == "new":
            _production_new(args)
        elif args.action == "status":
            with _open_production(args) as production:
                _print_status(production)
        else:
            _cast_change(args)
            return None
    except (ProductionError, ScriptError, InputError) as exc:
        print(f"studio {args.command} {args.action}: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. a folder that can't be written
        print(f"studio: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    return 0


def _production_new(args: argparse.Namespace) -> None:
    from studio.services.production.store import Production, import_file

    imported = import_file(Path(args.import_file)) if args.import_file else None
    if imported is not None:
        print(f"{args.import_file}: read as {imported.format}", file=sys.stderr)
        for warning in imported.warnings:
            print(f"{args.import_file}: {warning}", file=sys.stderr)
    script = imported.script if imported is not None else None
    folder = Path(args.dir)
    with Production.create(folder.parent, folder.name, script) as production:
        print(f"{production.path}  {len(production.lines())} lines")
        _print_status(production)


def _print_status(production: Production) -> None:
    from studio.services.production.cast import UncastSpeakers
    from studio.services.production.script import Directives

    script, cast = production.script, production.cast
    changes = production.changes_at_open
    print(f"{production.name}  ({production.path})")
    if changes:
        print(f"script.md changed: {len(changes.added)} added, {len(changes.edited)} edited, "
              f"{len(changes.removed)} removed, {len(changes.moved)} moved")
    print(f"{len(script.chapters)} chapters  {len(script.lines())} lines  {len(script.speakers())} speakers  "
          f"{script.characters():,} characters  {production.takes.count()} takes")
    for number, chapter in enumerate(script.chapters, start=1):
        characters = sum(len(line.text) for line in chapter.lines)
        print(f"  {number:>3}. {chapter.title or '(before the first heading)'}  {len(chapter.lines)} lines  "
              f"{characters:,} characters")
    for speaker in script.speakers():
        spoken = [line for _chapter, line in script.lines() if line.speaker == speaker]
        try:
            settings = cast.settings_for(speaker, Directives())
            weights = settings.timber_weights
            voice = (" + ".join(f"{w.voice_id}:{w.weight}" for w in weights) if weights
                     else settings.voice_setting.voice_id)
            voice = f"{voice}  {settings.model}"
        except UncastSpeakers:
            voice = "UNCAST"
        print(f"  {speaker:<20} {len(spoken):>5} lines  {sum(len(line.text) for line in spoken):>8,} characters  "
              f"{voice}")
    uncast = cast.uncast(script)
    if uncast:
        print(f"uncast: {', '.join(uncast)} (cast with `studio production cast SPEAKER VOICE`)")


async def cmd_production_cast(conn: Connection, args: argparse.Namespace) -> None:
    """The rest of `cast` once `production_offline` checked everything it could: the voice(s) must exist on
    the account (system voices, and the account's cloned and designed ones), then cast.json is written."""
    from studio.services.production.store import Production

    folder, speaker, cast = args.cast_to
    wanted = [args.voice] if args.voice else [weight.voice_id for weight in args.mix]
    known = {voice.voice_id for voice in await conn.client.get_voices("all")}
    unknown = [voice_id for voice_id in wanted if voice_id not in known]
    if unknown:
        raise MiniMaxError(f"{', '.join(unknown)}: no such voice on this account (system, cloned or designed); "
                           "`studio voices --search WORD` lists them. Nothing was changed")
    with Production.open(folder) as production:
        production.save_cast(cast)
    voice = args.voice or " + ".join(f"{weight.voice_id}:{weight.weight}" for weight in args.mix)
    print(f"{speaker} → {voice}  ({folder / 'cast.json'})")


def add_production_parser(add_parser: Callable[..., CommandParser], common: CommandParser) -> None:
    production = add_parser("production", aliases=["prod"], help="a multi-speaker production on disk "
                            "(script.md, cast, takes): new, cast, status")
    where = CommandParser(add_help=False, parents=[common])
    where.add_argument("-P", "--production", metavar="DIR",
                       help="the production's folder (default: the folder you are in, or one above it)")
    actions = production.add_subparsers(dest="action", required=True, metavar="ACTION",
                                        parser_class=CommandParser)
    new = actions.add_parser("new", parents=[common],
                             help="make DIR.production/ (script.md, cast.json, database, takes/, exports/)")
    new.add_argument("dir", metavar="DIR")
    new.add_argument("--import", dest="import_file", metavar="FILE",
                     help="start from this script: .md or .txt in script.md's format (SPEAKER: text)")
    cast = actions.add_parser("cast", parents=[where], help="give a speaker a voice and settings")
    cast.add_argument("speaker", metavar="SPEAKER")
    cast.add_argument("voice", nargs="?", metavar="VOICE", help="a system, cloned or designed voice id")
    cast.add_argument("--mix", action="append", type=mix_voice, metavar="VOICE:WEIGHT",
                      help="mix up to 4 voices by weight 1–100 instead of VOICE (repeat: --mix A:70 --mix B:30)")
    cast.add_argument("--model")
    cast.add_argument("--emotion")
    cast.add_argument("--speed", type=float)
    cast.add_argument("--vol", type=float)
    cast.add_argument("--pitch", type=int)
    cast.add_argument("--language-boost")
    cast.check = _cast_problem
    actions.add_parser("status", parents=[where], help="chapters, lines, speakers, who is uncast, characters")


# Actions that need the connection, after `production_offline` checked what it could (None from it).
ONLINE_ACTIONS = {"cast": cmd_production_cast}


async def cmd_production(conn: Connection, args: argparse.Namespace) -> None:
    await ONLINE_ACTIONS[args.action](conn, args)

