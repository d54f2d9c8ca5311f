"""`studio production` (alias `prod`): a multi-speaker production on disk, from the command line."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.api.errors import InputError, MiniMaxError
from studio.cli.assistant import (
    accept_kept,
    add_assistant_parsers,
    check_prepare,
    cmd_production_draft,
    cmd_production_prepare,
    draft_problem,
    show_template,
)
from studio.cli.common import CommandParser, mix_voice, open_player
from studio.cli.mastering import add_check_parser, add_preset_arguments

if TYPE_CHECKING:
    from studio.services.connection import Connection
    from studio.services.mastering.presets import Preset
    from studio.services.production.async_chapters import AsyncChapter
    from studio.services.production.long_form import AsyncMode
    from studio.services.production.plan import Plan
    from studio.services.production.render import Pacer, RenderReport
    from studio.services.production.store import Production
    from studio.services.production.units import LineRecord, RenderUnit

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
    """`studio production …` up to the first request: `new`, `status`, `plan`, `takes` and `pin` entirely;
    `cast`, `render`, `regen` and `play` their checks. Bad input is one line naming the rule, exit code 2, nothing
    written or sent. None: go on to the action in ONLINE_ACTIONS."""
    from studio.services.production.cast import UncastSpeakers
    from studio.services.production.script import ScriptError
    from studio.services.production.segment import UnsplittableTextError
    from studio.services.production.store import ProductionError

    if args.action == "check":
        from studio.cli.mastering import cmd_check

        return cmd_check(args)
    try:
        if args.action == "new":
            _production_new(args)
        elif args.action == "status":
            with _open_production(args) as production:
                _print_status(production)
        elif args.action == "plan":
            with _open_production(args) as production:
                production.region = args.region
                _print_plan(production, _selected_units(production, args), args.async_mode)
        elif args.action == "takes":
            with _open_production(args) as production:
                _print_takes(production, production.line(args.line))
        elif args.action == "export":
            with _open_production(args) as production:
                if not _export(production, args):
                    return 1  # a master that fails a line of its spec (written, and the report says what)
        elif args.action == "import":
            with _open_production(args) as production:
                _import_into(production, Path(args.file))
        elif args.action == "pin":
            with _open_production(args) as production:
                _pin(production, args.line, args.take)
        elif args.action == "cast":
            _cast_change(args)
            return None
        elif args.action in ("draft", "prepare") and args.show_template:
            show_template(args)
        elif args.action == "draft":
            if problem := draft_problem(args):
                raise ProductionError(problem)
            return None
        elif args.action == "prepare":
            if args.accept:
                accept_kept(args)
                return 0
            check_prepare(args)
            return None
        else:  # render, regen, play: their checks, then the requests
            _check_render(args)
            return None
    except (ProductionError, ScriptError, InputError, UncastSpeakers, UnsplittableTextError) as exc:
        print(f"studio {args.command} {args.action}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: stop quietly, as `main` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # e.g. a folder that can't be written
        print(f"studio: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    return 0


def _export(production: Production, args: argparse.Namespace) -> bool:
    """The production's current takes, assembled (gap rules, trimmed edges) and written as one file or one per
    chapter, with SRT/VTT subtitles beside it; or the script, when FILE is .md/.txt/.csv. Nothing is sent."""
    from rich.progress import BarColumn, Progress, TextColumn

    from studio.files import extension_of, without_extension
    from studio.services.production.assemble import OUTPUT_FORMATS
    from studio.services.production.episode import write_episode
    from studio.services.production.exporters import export_script
    from studio.services.production.store import ProductionError

    dest = Path(args.output) if args.output else production.exports_dir / f"{production.name}.{args.format or 'mp3'}"
    if dest.suffix.lower() in (".md", ".txt", ".csv"):
        export_script(production.script, dest)
        print(f"{dest}  the script as {dest.suffix.lstrip('.').lower()}")
        return True
    from studio.cli.mastering import preset_of

    try:
        preset = preset_of(args)
    except ValueError as exc:
        raise ProductionError(str(exc)) from None
    if preset is not None:
        return _export_mastered(production, args, dest if args.output else without_extension(dest), preset)
    fmt = args.format or (extension_of(dest) if extension_of(dest) and not args.per_chapter else "mp3")
    if fmt not in OUTPUT_FORMATS:
        raise ProductionError(f"can't export {dest.name}: the audio formats are {', '.join(OUTPUT_FORMATS)} "
                              "(and .md, .txt, .csv for the script; m4b and m4a with --preset)")
    if extension_of(dest) and not args.per_chapter and extension_of(dest) != fmt:
        raise ProductionError(f"{dest.name} names a {dest.suffix} file but --format is {fmt}: name the file with "
                              "the format's extension")
    lines = production.timeline_lines()
    kinds = tuple(kind for kind in ("srt", "vtt") if getattr(args, kind))
    with Progress(TextColumn("{task.description}"), BarColumn(), console=_stderr_console(), transient=True) as bar:
        measuring = bar.add_task("measuring takes", total=None)
        writing = bar.add_task(f"writing {fmt}", total=None)
        episode = write_episode(
            lines, dest, fmt, per_chapter=args.per_chapter, subtitles=kinds, speakers=args.speakers,  # type: ignore[arg-type]
            on_measure=lambda done, total: bar.update(measuring, completed=done, total=total),
            on_write=lambda done, total: bar.update(writing, completed=done, total=total))
    for path in (*episode.files, *episode.subtitles):
        print(f"{path}")
    print(f"{episode.duration_s:.1f} s, {len(lines)} lines; nothing was sent or billed", file=sys.stderr)
    return True


def _export_mastered(production: Production, args: argparse.Namespace, dest: Path, preset: Preset) -> bool:
    """The episode mastered to `preset` (one file, or one per chapter with --per-chapter or when the preset asks
    for it), each file's check printed. False when a file fails a line of its spec."""
    from studio.cli.mastering import bed_of, format_of, print_report, progress_bar, tags_of
    from studio.files import extension_of, with_extension
    from studio.services.production.episode import SubtitleKind, master_episode
    from studio.services.production.store import ProductionError

    per_chapter = args.per_chapter or preset.per_chapter
    try:
        fmt = format_of(Path("x") if per_chapter else dest, args.format, preset)
        tags = tags_of(args)
        bed = bed_of(args)
    except ValueError as exc:
        raise ProductionError(str(exc)) from None
    tags = tags if tags.title else dataclasses.replace(tags, title=production.name)
    if per_chapter:
        dest = dest.parent if extension_of(dest) else dest
    else:
        dest = with_extension(dest, fmt)
    kinds: tuple[SubtitleKind, ...] = tuple(kind for kind in ("srt", "vtt") if getattr(args, kind))
    lines = production.timeline_lines()
    with progress_bar() as bar:
        measuring = bar.add_task("measuring takes", total=None)
        task = bar.add_task(f"mastering to {preset.label}", total=1.0)
        episode = master_episode(
            lines, dest, preset, fmt, per_chapter=per_chapter, subtitles=kinds, speakers=args.speakers, tags=tags,
            bed=bed,
            on_measure=lambda done, total: bar.update(measuring, completed=done, total=total),
            on_progress=lambda what, fraction: bar.update(task, description=what, completed=fraction))
    for mastered in episode.files:
        print(f"{mastered.path}")
        for warning in mastered.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print_report(mastered.report)
    for path in episode.subtitles:
        print(f"{path}")
    print(f"{episode.duration_s:.1f} s, {len(lines)} lines; nothing was sent or billed", file=sys.stderr)
    return episode.passed


def _import_into(production: Production, source: Path) -> None:
    """Replace script.md with `source` read as a script; the old script.md is kept beside it under a dated
    name, and lines that are the same keep their ids and takes (`sync_lines`)."""
    import shutil

    from studio.files import dated_path
    from studio.services.production.store import SCRIPT_FILE, import_file

    imported = import_file(source)
    for warning in imported.warnings:
        print(f"{source}: {warning}", file=sys.stderr)
    kept = dated_path(production.path / SCRIPT_FILE, "before import")
    shutil.copy2(production.path / SCRIPT_FILE, kept)
    changes = production.save_script(imported.script)
    print(f"script.md now holds {source} (read as {imported.format}); the previous one is {kept.name}")
    print(f"{len(changes.added)} lines added, {len(changes.edited)} edited, {len(changes.removed)} removed, "
          f"{len(changes.moved)} moved; the others keep their takes")
    uncast = production.cast.uncast(production.script)
    if uncast:
        print(f"uncast: {', '.join(uncast)} (cast with `studio production cast SPEAKER VOICE`)")


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
    if not uncast and script.lines():
        state = production.rendered_units(production.units()).values()
        print(f"rendered: {sum(done == total for done, total in state)} of {len(state)} lines complete, "
              f"{sum(done for done, _ in state)} of {sum(total for _, total in state)} units")
    ledger = production.takes.ledger()
    if ledger.requests:
        unreported = f" ({ledger.requests_unreported} without a figure)" if ledger.requests_unreported else ""
        print(f"billed so far: {ledger.characters_billed:,} characters in {ledger.requests:,} requests{unreported} "
              f"(estimated {ledger.characters_estimated:,})")


def _selected_units(production: Production, args: argparse.Namespace) -> list[RenderUnit]:
    return production.units(production.select(chapters=args.chapter, numbers=args.line))


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds // 60 % 60:02d} min"


def _print_plan(production: Production, units: list[RenderUnit], async_mode: AsyncMode, *, limit: int = 20) -> Plan:
    """What rendering `units` will send and bill, before anything is sent."""
    from studio.services.production.async_chapters import render_plan
    from studio.services.production.plan import T2A_RATE_LIMITS, billed_characters

    planned = render_plan(production, units, async_mode)
    plan, chapters = planned.plan, list(planned.chapters)
    lines = {unit.line_id for unit in units}
    total = sum(billed_characters(unit.text) for unit in units)
    lookup = {unit.key: unit for unit in units}
    in_async = planned.characters_to_bill - plan.characters_to_bill
    print(f"{len(lines)} lines, {len(units)} units: {plan.requests} to render, {len(plan.cached)} cached (free)")
    print(f"to bill: {planned.characters_to_bill:,} characters (of {total:,} in these lines"
          + (f"; {in_async:,} of them line breaks in async tasks)" if in_async else ")"))
    if plan.requests:
        limits = T2A_RATE_LIMITS[production.region]
        tpm = f", {limits.characters_per_minute:,} characters/min" if limits.characters_per_minute else ""
        by_line: dict[int, list[RenderUnit]] = {}
        for planned_unit in plan.to_render:
            unit = lookup[planned_unit.key]
            by_line.setdefault(unit.line_number, []).append(unit)
        seconds = _print_paths(production, [lookup[each.key] for each in plan.to_render], chapters, async_mode)
        print(f"estimated time: {_duration(seconds)} ({production.region} rate limits: "
              f"{limits.requests_per_minute} requests/min{tpm})")
        records = production.lines()  # once: line numbers are positions in it
        units_per_line = Counter(unit.line_number for unit in units)
        for shown, (number, line_units) in enumerate(sorted(by_line.items())):
            if shown == limit:
                print(f"  … and {len(by_line) - limit} more lines")
                break
            characters = sum(billed_characters(unit.text) for unit in line_units)
            print(f"  line {number:>4}  {records[number - 1].line.speaker:<12} {len(line_units)} of "
                  f"{units_per_line[number]} units  {characters:>6,} characters")
    return plan


def _print_paths(production: Production, to_render: list[RenderUnit], chapters: list[AsyncChapter],
                 async_mode: AsyncMode) -> float:
    """For each chapter where the async path is in question (long enough, or asked for): both paths' time and
    cost and the one `render --async MODE` takes. Returns the render's estimated time: the sentence units
    and the async tasks run side by side."""
    from studio.services.production.plan import estimated_seconds

    threshold = production.cast.async_threshold
    going_async = [chapter for chapter in chapters if chapter.choice.path == "async"]
    in_async = {unit.key for chapter in going_async for unit in chapter.units}
    seconds = estimated_seconds([unit.planned() for unit in to_render if unit.key not in in_async], production.region)
    for chapter in chapters:
        choice = chapter.choice
        if choice.path != "async" and chapter.characters < threshold and async_mode != "always":
            continue
        where = f"  chapter {chapter.chapter + 1}: {chapter.unit_characters:,} characters"
        if choice.async_seconds is None:
            print(f"{where}: sentence units (~{_duration(choice.sync_seconds)}); {choice.reason}")
            continue
        print(f"{where} in one voice: one async task ~{_duration(choice.async_seconds)} billing "
              f"{chapter.characters:,} (a line break between sentences counts), or sentence units "
              f"~{_duration(choice.sync_seconds)}; render takes "
              f"{'the async task' if choice.path == 'async' else 'sentence units'} ({choice.reason}; "
              "choose with --async always|never)")
        if choice.path == "async":
            seconds = max(seconds, choice.async_seconds)
    return seconds


def _print_takes(production: Production, record: LineRecord) -> None:
    import datetime

    print(f"line {record.number}  {record.line.speaker}: {record.line.text[:70]}")
    for take in production.line_takes(record):
        when = (datetime.datetime.fromtimestamp(take.created_at).strftime("%Y-%m-%d %H:%M")
                if take.created_at else "")
        state = "complete" if take.complete else f"{take.rendered} of {take.units} units rendered"
        print(f"  take {take.number}{' (current)' if take.current else '':<10}  {state:<24} "
              f"{take.duration_ms / 1000:6.1f} s  {take.characters_billed:>6,} billed  {when}")


def _pin(production: Production, number: int, take: int) -> None:
    from studio.services.production.store import ProductionError

    record = production.line(number)
    takes = {found.number: found for found in production.line_takes(record)}
    if take not in takes or not takes[take].complete:
        made = ", ".join(str(n) for n, found in takes.items() if found.complete) or "none yet"
        raise ProductionError(f"line {number} has no complete take {take} (its complete takes: {made}); "
                              "`studio production takes LINE` lists them")
    production.set_take(record.id, take)
    print(f"line {number} now plays take {take}")


def _action_units(production: Production, args: argparse.Namespace) -> list[RenderUnit]:
    """The units `render`, `regen` or `play` works on (regen: the line's next take)."""
    if args.action == "regen":
        from studio.services.production.units import units_of

        record = production.line(args.line)
        return units_of([record], production.cast, take_of={record.id: production.next_take(record)})
    if args.action == "play":
        start = production.line(args.start)
        return production.units([record for record in production.lines() if record.position >= start.position])
    return _selected_units(production, args)


def _check_render(args: argparse.Namespace) -> None:
    """render/regen/play before any request: the lines exist, every speaker is cast, every unit can be sent, and
    the characters to bill are within --max-chars. Sets `args.render_folder`."""
    from studio.services.production.async_chapters import render_plan
    from studio.services.production.store import ProductionError

    with _open_production(args) as production:
        production.region = args.region
        units = _action_units(production, args)
        to_bill = render_plan(production, units, getattr(args, "async_mode", "never")).characters_to_bill
        if args.max_chars is not None and to_bill > args.max_chars:
            raise ProductionError(f"this render would bill {to_bill:,} characters, more than "
                                  f"--max-chars {args.max_chars:,}: nothing was sent (render fewer lines with "
                                  "--chapter or --line, or raise the limit)")
        args.render_folder = production.path


async def cmd_production_cast(conn: Connection, args: argparse.Namespace) -> None:
    """The rest of `cast` once `production_offline` checked everything it could: the voice(s) must exist on
    the account (system voices, and the account's cloned and designed ones), then cast.json is written."""
    from studio.services.production.render import missing_voices
    from studio.services.production.store import Production

    folder, speaker, cast = args.cast_to
    wanted = [args.voice] if args.voice else [weight.voice_id for weight in args.mix]
    unknown = await missing_voices(conn.client, wanted)
    if unknown:
        raise MiniMaxError(f"{', '.join(unknown)}: no such voice on this account (system, cloned or designed); "
                           "`studio voices --search WORD` lists them. Nothing was changed")
    with Production.open(folder) as production:
        production.save_cast(cast)
    voice = args.voice or " + ".join(f"{weight.voice_id}:{weight.weight}" for weight in args.mix)
    print(f"{speaker} → {voice}  ({folder / 'cast.json'})")


async def cmd_production_render(conn: Connection, args: argparse.Namespace) -> None:
    """`render` and `regen` once `_check_render` passed: the plan, then the render with a progress bar."""
    from studio.services.production.store import Production

    with Production.open(args.render_folder) as production:
        production.region = args.region
        if args.action == "regen":
            record = production.regenerate(production.line(args.line))
            print(f"line {record.number}: new take {record.take} (the earlier ones are kept; "
                  f"`studio production pin {record.number} TAKE` goes back)")
            units = production.units([record])
        else:
            units = _selected_units(production, args)
        await _collect_async(conn, production)
        async_mode: AsyncMode = getattr(args, "async_mode", "never")
        plan = _print_plan(production, units, async_mode)
        if not plan.requests:
            print("nothing to render: every unit has its audio")
            return
        report = await _render_with_progress(conn, production, units, plan.characters_to_bill, async_mode)
        count = len(report.rendered)
        tasks = len(report.async_chapters)
        print(f"rendered {count} unit{'s' * (count != 1)} in {_duration(report.seconds)}: billed "
              f"{report.characters_billed:,} characters (estimated {report.characters_estimated:,})"
              + (f"; {report.cached} were cached" if report.cached else "")
              + (f"; {tasks} chapter{'s' * (tasks != 1)} as one async task" if tasks else ""))
        if report.failed:
            for unit, message in report.failed:
                print(f"line {unit.line_number} failed: {message}", file=sys.stderr)
            raise MiniMaxError(f"{len(report.failed)} of {len(report.failed) + len(report.rendered)} units failed "
                               "(above); run `studio production render` again to retry them: what was rendered "
                               "is kept and not billed again")


async def cmd_production_play(conn: Connection, args: argparse.Namespace) -> None:
    """`play --from N`: line N on, heard as it renders; what is missing is rendered (and billed) once."""
    from studio.services.production.playthrough import play_through
    from studio.services.production.store import Production

    with Production.open(args.render_folder) as production:
        production.region = args.region
        units = _action_units(production, args)
        plan = production.plan(units)
        print(f"playing from line {args.start}: {len(units)} units, {len(plan.cached)} cached, "
              f"{plan.requests} to render ({plan.characters_to_bill:,} characters to bill)", file=sys.stderr)
        player, no_audio = open_player(args.device, without="rendering without playing")
        try:
            result = await play_through(conn.client, production, units, player, no_audio=no_audio,
                                        pacer=_pacer(conn, production))
        finally:
            if player is not None:
                player.close()
    played = result.playback
    billed = f", billed {result.render.characters_billed:,} characters" if result.render else ""
    print(f"played {played.audio_seconds:.1f} s from line {args.start}: {played.summary()}{billed}")
    for unit in result.skipped:
        print(f"line {unit.line_number}: not rendered, skipped (run `studio production render` to retry)",
              file=sys.stderr)


async def _collect_async(conn: Connection, production: Production) -> None:
    """Async chapter tasks an earlier render created (billed) and did not collect: collected first."""
    from studio.services.production.async_chapters import finish_pending, pending_keys

    if not pending_keys(production.takes):
        return
    print("collecting the async speech an earlier render started (already billed) …", file=sys.stderr)
    with production.rendering():
        collected = await finish_pending(conn.client, production.takes)
    count, units = len(collected.takes), sum(len(take.keys) for take in collected.takes)
    print(f"collected {count} async take{'s' * (count != 1)}: {units} units, not billed again", file=sys.stderr)
    if collected.waiting:
        print(f"{len(collected.waiting)} units wait for a paid task that can't be collected now: "
              f"{next(iter(collected.waiting.values()))}", file=sys.stderr)


async def _render_with_progress(conn: Connection, production: Production, units: list[RenderUnit],
                                characters: int, async_mode: AsyncMode) -> RenderReport:
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from studio.services.production.render import Renderer, RenderProgress

    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,.0f}/{task.total:,.0f} ch"),
               TextColumn("{task.fields[units]}"), TimeRemainingColumn())
    with Progress(*columns, transient=False, console=_stderr_console()) as bar:
        task = bar.add_task("rendering", total=characters, units="")

        def show(progress: RenderProgress) -> None:
            bar.update(task, total=progress.characters_estimated, completed=progress.characters_billed,
                       units=f"{progress.units_done}/{progress.units_total} units"
                             + (f", {progress.units_failed} failed" if progress.units_failed else ""))
            event = progress.event
            if event.state == "failed":
                bar.console.print(f"line {event.unit.line_number}: {event.message}")
            elif event.state == "rendering" and event.message:  # a chapter's async task: its phase
                bar.update(task, description=f"chapter {event.unit.chapter + 1} (async): {event.message}")
            elif event.state == "done":
                bar.update(task, description="rendering")

        renderer = Renderer(conn.client, production, pacer=_pacer(conn, production))
        return await renderer.render(units, show, async_mode=async_mode)


def _pacer(conn: Connection, production: Production) -> Pacer:
    """The key's T2A table, except in demo mode: the bundled emulator enforces no limits."""
    from studio.services.production.pacing import T2APacer
    from studio.services.production.plan import T2A_RATE_LIMITS
    from studio.services.production.render import Unpaced

    return Unpaced() if conn.is_demo else T2APacer(T2A_RATE_LIMITS[production.region])


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def add_production_parser(add_parser: Callable[..., CommandParser], common: CommandParser) -> None:
    production = add_parser("production", aliases=["prod"], help="a multi-speaker production on disk (script.md, "
                            "cast, takes): new, import, draft, prepare, cast, status, plan, render, takes, pin, regen, "
                            "play, export, check")
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
    imports = actions.add_parser("import", parents=[where], help="replace script.md with FILE read as a script "
                                 "(the old one is kept; unchanged lines keep their takes)")
    imports.add_argument("file", metavar="FILE", help="script.md/SPEAKER: text, Markdown, Fountain, SRT/VTT, EPUB "
                         "or CSV")
    export = actions.add_parser("export", parents=[where], help="the episode from its current takes (gaps, "
                                "trimmed edges) as mp3/wav/flac, whole or per chapter, with SRT/VTT; or the script "
                                "(.md/.txt/.csv). Sends nothing")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="where (default exports/NAME.mp3); a folder with --per-chapter; .md/.txt/.csv: the script")
    export.add_argument("--format", choices=["mp3", "wav", "flac", "m4b", "m4a"],
                        help="default: FILE's extension, else mp3 (or the preset's); m4b/m4a need --preset")
    export.add_argument("--per-chapter", action="store_true", help="one file per chapter: 'NN - Title.ext'")
    export.add_argument("--srt", action="store_true", help="SubRip subtitles beside each file")
    export.add_argument("--vtt", action="store_true", help="WebVTT subtitles beside each file")
    export.add_argument("--speakers", action="store_true", help="speaker names in the cues (VTT: <v HOST>)")
    add_preset_arguments(export)
    add_check_parser(actions, common)
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
    selection = CommandParser(add_help=False, parents=[where])
    selection.add_argument("--chapter", type=int, action="append", metavar="N",
                           help="only chapter N (1 is the first; repeat for more)")
    selection.add_argument("--line", type=int, action="append", metavar="N",
                           help="only line N (1 is the script's first line; repeat for more)")
    paths = CommandParser(add_help=False, parents=[selection])
    paths.add_argument("--async", dest="async_mode", choices=["auto", "never", "always"], default="auto",
                       help="a long chapter in one voice as one async speech task: when faster by the estimate "
                            "(auto, the default), never, or always when the chapter can go (one voice, not WAV)")
    actions.add_parser("plan", parents=[paths], help="what a render would send and bill, and how long it "
                       "takes (nothing is sent)")
    render = actions.add_parser("render", parents=[paths], help="render what has no audio yet, with progress; "
                                "run again after a failure, a crash or Ctrl+C: nothing is billed twice")
    render.add_argument("--max-chars", type=int, metavar="N",
                        help="refuse (before sending anything) when the render would bill more than N characters")
    takes = actions.add_parser("takes", parents=[where], help="a line's takes: which is current, duration, cost")
    takes.add_argument("line", type=int, metavar="LINE")
    pin = actions.add_parser("pin", parents=[where], help="make TAKE the line's current take")
    pin.add_argument("line", type=int, metavar="LINE")
    pin.add_argument("take", type=int, metavar="TAKE")
    regen = actions.add_parser("regen", parents=[where], help="render a new take of a line (the old ones are kept)")
    regen.add_argument("line", type=int, metavar="LINE")
    regen.add_argument("--max-chars", type=int, metavar="N",
                       help="refuse (before sending anything) when the new take would bill more than N characters")
    add_assistant_parsers(actions, where, common, selection)
    play = actions.add_parser("play", parents=[where], help="play from a line on, rendering what has no audio as "
                              "it plays (each unit billed once)")
    play.add_argument("--from", dest="start", type=int, default=1, metavar="N", help="the first line (default 1)")
    play.add_argument("--device", help="output device (name or number; default: the system's)")
    play.add_argument("--max-chars", type=int, metavar="N",
                      help="refuse (before sending anything) when rendering would bill more than N characters")


# Actions that need the connection, after `production_offline` checked what it could (None from it).
ONLINE_ACTIONS = {"cast": cmd_production_cast, "render": cmd_production_render, "regen": cmd_production_render,
                  "play": cmd_production_play, "draft": cmd_production_draft, "prepare": cmd_production_prepare}


async def cmd_production(conn: Connection, args: argparse.Namespace) -> None:
    await ONLINE_ACTIONS[args.action](conn, args)

