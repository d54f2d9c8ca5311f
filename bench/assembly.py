"""Assembling and exporting a long production: wall time and peak RSS for N minutes of takes.

Run: .venv/bin/python bench/assembly.py [--minutes 10 60] [--format mp3]
Each size runs in a process of its own (peak RSS is per process), on takes the emulator's speech synthesis
makes: a dozen sentences by two speakers, repeated line after line (each line its own file), with a
paragraph every 4 lines and a chapter every 10 minutes. Prints, per size, the seconds to build the timeline,
to write it, and the peak RSS; then the ratio of the largest size's RSS to the smallest's (target: within
20 %, and under 300 MB at 60 minutes).

`assemble_minutes(folder, minutes)` is the work itself, for bench/production.py to call.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from studio.emulator.encode import encode_audio
from studio.emulator.speech import render_speech
from studio.services.production.assemble import (
    GapRules,
    OutputFormat,
    TimelineLine,
    UnitTake,
    build_timeline,
    write_timeline,
)
from studio.services.production.subtitles import srt_text

SENTENCES = [
    ("HOST", "Welcome back to the show, where we talk about the sea."),
    ("GUEST", "Thanks for having me, it is a pleasure to be here."),
    ("HOST", "Let us start with the tides. Why are there two a day?"),
    ("GUEST", "The moon pulls the water towards it, and the earth swings away on the other side."),
    ("HOST", "So the far side bulges too. <#0.5#> I never knew that."),
    ("GUEST", "Most people don't (laughs). The sun adds its own, smaller pull."),
    ("HOST", "And when the sun and moon line up?"),
    ("GUEST", "Spring tides: the highest highs and the lowest lows."),
    ("HOST", "What about storms?"),
    ("GUEST", "A storm surge rides on top of the tide. That is when harbours flood."),
    ("HOST", "We will come back to that after the break."),
    ("GUEST", "I will be here."),
]
VOICES = {"HOST": "English_expressive_narrator", "GUEST": "male-qn-qingse"}
RATE = 32000


def synthetic_takes(folder: Path, *, fmt: str = "mp3") -> list[tuple[str, UnitTake]]:
    """(speaker, take) for each of SENTENCES, rendered once into `folder`."""
    takes = []
    for number, (speaker, text) in enumerate(SENTENCES):
        path = folder / f"take{number:02d}.{fmt}"
        if not path.exists():
            path.write_bytes(encode_audio(render_speech(text, VOICES[speaker], sample_rate=RATE), RATE, fmt))
        takes.append((speaker, UnitTake(path, fmt, RATE, 1, text)))
    return takes


def synthetic_lines(folder: Path, minutes: float, *, fmt: str = "mp3") -> list[TimelineLine]:
    """About `minutes` of production (takes and the default gaps between them), one take per line, each
    under a name of its own (a hard link) so each is measured as a production's distinct units would be."""
    takes = synthetic_takes(folder, fmt=fmt)
    seconds = [_duration(take) for _speaker, take in takes]
    rules = GapRules()
    lines: list[TimelineLine] = []
    total = 0.0
    (folder / "units").mkdir(exist_ok=True)
    while total < minutes * 60:
        speaker, shared = takes[len(lines) % len(takes)]
        path = folder / "units" / f"{len(lines):05d}.{fmt}"
        if not path.exists():
            os.link(shared.path, path)
        take = UnitTake(path, shared.fmt, shared.sample_rate, shared.channels, shared.text)
        chapter = int(total // 600)
        line = TimelineLine(len(lines) + 1, chapter, f"Part {chapter + 1}", len(lines) // 4, speaker, (take,))
        total += seconds[len(lines) % len(takes)] + (rules.between(lines[-1], line) if lines else 0.0)
        lines.append(line)
    return lines


def _duration(take: UnitTake) -> float:
    import av

    with av.open(str(take.path)) as container:
        return sum(frame.samples for frame in container.decode(audio=0)) / RATE


@dataclass(frozen=True)
class AssemblyRun:
    minutes: float  # of the output
    build_s: float
    write_s: float
    path: Path


def assemble_minutes(folder: Path, minutes: float, *, fmt: str = "mp3", out_fmt: OutputFormat = "mp3") -> AssemblyRun:
    """Build the timeline of `minutes` of synthetic takes and write it (with its SRT) into `folder`."""
    lines = synthetic_lines(folder, minutes, fmt=fmt)
    started = time.perf_counter()
    timeline = build_timeline(lines)
    built = time.perf_counter()
    [path] = write_timeline(timeline, folder / f"production.{out_fmt}", out_fmt)
    (folder / "production.srt").write_text(srt_text(timeline), encoding="utf-8")
    return AssemblyRun(timeline.duration_s / 60, built - started, time.perf_counter() - built, path)


def _child(minutes: float, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        synthetic_takes(Path(folder), fmt=fmt)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        run = assemble_minutes(Path(folder), minutes, fmt=fmt)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        print(json.dumps({"minutes": run.minutes, "build_s": run.build_s, "write_s": run.write_s,
                          "rss_mb": peak / 1024, "rss_before_mb": before / 1024}))


def measure(minutes: float, fmt: str = "mp3") -> dict[str, float]:
    """One size in a fresh process: {minutes, build_s, write_s, rss_mb, rss_before_mb}."""
    out = subprocess.run([sys.executable, __file__, "--child", str(minutes), "--format", fmt],
                         check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[10, 60])
    parser.add_argument("--format", default="mp3", choices=["mp3", "wav", "flac"])
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.format)
        return
    results = [measure(minutes, args.format) for minutes in args.minutes]
    for r in results:
        print(f"{r['minutes']:6.1f} min: build {r['build_s']:6.1f} s, write {r['write_s']:6.1f} s, "
              f"peak RSS {r['rss_mb']:6.1f} MB (before assembling {r['rss_before_mb']:.1f} MB)")
    if len(results) > 1:
        print(f"peak RSS {results[-1]['minutes']:.0f} min ÷ {results[0]['minutes']:.0f} min: "
              f"{results[-1]['rss_mb'] / results[0]['rss_mb']:.2f} (target ≤ 1.20)")


if __name__ == "__main__":
    main()
