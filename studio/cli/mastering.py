"""`studio master IN -o OUT --preset NAME`, `studio production check FILE --preset NAME`, and the mastering
options `studio production export` shares. All offline: nothing is sent or billed."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.cli.common import CommandParser

if TYPE_CHECKING:
    from studio.services.mastering.bed import MusicBed
    from studio.services.mastering.check import CheckReport
    from studio.services.mastering.presets import AudioFormat, Preset
    from studio.services.mastering.tags import Tags

PRESET_KEYS = ("podcast", "podcast-mono", "acx", "broadcast", "video")  # presets.PRESETS, without importing it


def add_preset_arguments(parser: CommandParser, *, tags: bool = True) -> None:
    parser.add_argument("--preset", choices=PRESET_KEYS,
                        help="podcast (−16 LUFS stereo), podcast-mono (−19), acx (ACX-spec audiobook), "
                             "broadcast (EBU R128, −23), video (−14)")
    parser.add_argument("--lufs", type=float, metavar="LUFS", help="a custom loudness target instead of a preset")
    parser.add_argument("--ceiling", type=float, default=-1.0, metavar="DBTP",
                        help="with --lufs: the true-peak ceiling (default −1)")
    if tags:
        parser.add_argument("--title")
        parser.add_argument("--artist")
        parser.add_argument("--album")
        parser.add_argument("--year")
        parser.add_argument("--comment")
        parser.add_argument("--cover", metavar="IMAGE", help="cover art: a JPEG or PNG")
        bed = parser.add_argument_group("music bed")
        bed.add_argument("--bed", metavar="MUSIC", help="music to play as intro, outro and under the speech (ducked)")
        bed.add_argument("--intro", type=float, default=6.0, metavar="S", help="music alone before the first word "
                         "(default 6)")
        bed.add_argument("--outro", type=float, default=8.0, metavar="S", help="music alone after the last word "
                         "(default 8)")
        bed.add_argument("--no-under", action="store_true", help="only intro and outro: no music under the speech")
        bed.add_argument("--bed-level", type=float, default=-8.0, metavar="LU",
                         help="the music's loudness against the voice's (default −8)")
        bed.add_argument("--duck", type=float, default=14.0, metavar="DB",
                         help="how much lower the music goes while someone speaks (default 14)")
        bed.add_argument("--bed-attack", type=bed_ms("attack"), metavar="MS",
                         help="how long the music takes to dip, ending as the voice starts (10–5000, default 400)")
        bed.add_argument("--bed-release", type=bed_ms("release"), metavar="MS",
                         help="how long the music takes to come back after the voice stops (10–10000, default 1000)")
        bed.add_argument("--bed-hold", type=bed_ms("hold"), metavar="MS",
                         help="pauses shorter than this keep the music down (0–5000, default 800)")


def bed_ms(setting: str) -> Callable[[str], float]:
    """An argparse type for a music bed time given in ms: seconds, checked against the bed's rule for `setting`
    (`bed.BED_RANGES`), so a wrong value is one line naming the range before any work."""
    from studio.services.mastering.bed import BED_RANGES

    _attribute, low, high = BED_RANGES[setting]

    def seconds(value: str) -> float:
        try:
            ms = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"the {setting} is a number of milliseconds (got {value!r})") from None
        if not (math.isfinite(ms) and low * 1000 <= ms <= high * 1000):
            raise argparse.ArgumentTypeError(f"the {setting} must be {low * 1000:g}–{high * 1000:g} ms (got {value})")
        return ms / 1000

    seconds.__name__ = f"{setting} in ms"
    return seconds


def preset_of(args: argparse.Namespace) -> Preset | None:
    """The preset the options name (None: no mastering asked). Raises ValueError naming the rule."""
    from studio.services.mastering.presets import custom_preset, preset

    if args.preset and args.lufs is not None:
        raise ValueError("give --preset or --lufs, not both")
    if args.lufs is not None:
        return custom_preset(args.lufs, args.ceiling)
    return preset(args.preset) if args.preset else None


def tags_of(args: argparse.Namespace) -> Tags:
    from studio.services.mastering.tags import Tags, cover_image

    cover = cover_image(Path(args.cover)) if args.cover else None
    return Tags(title=args.title or "", artist=args.artist or "", album=args.album or "", year=args.year or "",
                comment=args.comment or "", cover=cover)


def bed_of(args: argparse.Namespace) -> MusicBed | None:
    """The music bed the options ask for (None: none). ValueError names what is wrong with it."""
    from studio.services.mastering.bed import MusicBed

    if not getattr(args, "bed", None):
        return None
    usual = MusicBed(Path(args.bed))
    bed = MusicBed(Path(args.bed), intro_s=args.intro, outro_s=args.outro, under=not args.no_under,
                   level_lu=args.bed_level, duck_db=args.duck,
                   attack_s=usual.attack_s if args.bed_attack is None else args.bed_attack,
                   release_s=usual.release_s if args.bed_release is None else args.bed_release,
                   hold_s=usual.hold_s if args.bed_hold is None else args.bed_hold)
    if problems := bed.problems():
        raise ValueError(f"the music bed can't be used: {'; '.join(problems)}")
    return bed


def format_of(path: Path, fmt: str | None, preset: Preset) -> AudioFormat:
    from studio.files import extension_of
    from studio.services.mastering.presets import AUDIO_FORMATS

    chosen = fmt or extension_of(path) or preset.formats[0]
    if chosen not in AUDIO_FORMATS:
        raise ValueError(f"can't master to .{chosen}: the formats are {', '.join(AUDIO_FORMATS)}")
    return chosen


def print_report(report: CheckReport) -> None:
    print(report.as_text())


def progress_bar() -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


def cmd_master(args: argparse.Namespace) -> int:
    """Master a file to a preset, then print its check; exit 1 when a line fails."""
    from studio.errors import StudioError
    from studio.files import with_extension
    from studio.services.mastering.master import FileSource, master

    source, dest = Path(args.input), Path(args.output)
    try:
        preset = preset_of(args)
        if preset is None:
            raise ValueError("give --preset NAME or --lufs LUFS")
        fmt = format_of(dest, args.format, preset)
        dest = with_extension(dest, fmt)
        if dest.resolve() == source.resolve():
            raise ValueError("the master would overwrite its source: give another -o")
        tags = tags_of(args)
        bed = bed_of(args)
        programme = FileSource(source)
        with progress_bar() as bar:
            task = bar.add_task("mastering", total=1.0)
            mastered = master(programme, dest, preset, fmt, tags=tags, bed=bed,
                              on_progress=lambda stage, fraction: bar.update(task, description=stage,
                                                                             completed=fraction))
    except (ValueError, StudioError) as exc:
        print(f"studio master: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"studio master: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    print(f"{mastered.path}  gain {mastered.gain_db:+.1f} dB, limiter up to {mastered.limited_db:.1f} dB")
    for warning in mastered.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print_report(mastered.report)
    return 0 if mastered.report.passed else 1


def cmd_check(args: argparse.Namespace) -> int:
    """Check any audio file against a preset's spec; exit 1 when a line fails."""
    from studio.errors import StudioError
    from studio.services.mastering.check import check_file

    try:
        preset = preset_of(args)
        if preset is None:
            raise ValueError("give --preset NAME (or --lufs LUFS) to check against")
        with progress_bar() as bar:
            task = bar.add_task("measuring", total=1.0)
            report = check_file(Path(args.file), preset,
                                lambda done, total: bar.update(task, completed=done / max(total, 1e-9)))
    except (ValueError, StudioError) as exc:
        print(f"studio production check: error: {exc}", file=sys.stderr)
        return 2
    print_report(report)
    return 0 if report.passed else 1


def add_master_parser(add_parser: Any) -> None:
    master = add_parser("master", help="master an audio file to a delivery preset (loudness, true peak, rate, "
                        "room tone), then check it; sends nothing")
    master.add_argument("input", metavar="IN")
    master.add_argument("-o", "--output", required=True, metavar="OUT", help="the master (its extension: the format)")
    master.add_argument("--format", choices=["mp3", "m4b", "m4a", "wav", "flac"],
                        help="default: OUT's extension, else the preset's")
    add_preset_arguments(master)


def add_check_parser(actions: Any, common: CommandParser) -> None:
    check = actions.add_parser("check", parents=[common], help="check FILE (any audio file, made here or "
                               "elsewhere) against a preset's spec: each line measured, pass or fail, and what to do")
    check.add_argument("file", metavar="FILE")
    add_preset_arguments(check, tags=False)
