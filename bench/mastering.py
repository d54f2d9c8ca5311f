"""Mastering a long production to the Podcast preset, against FFmpeg's two-pass `loudnorm` on the same file.

Run: .venv/bin/python bench/mastering.py [--minutes 60] [--ours-only]
The production is bench/assembly.py's (the emulator's speech, two speakers, gaps, a chapter every 10 minutes),
assembled once to a 32 kHz mono FLAC. Then, each in a process of its own (peak RSS is per process):
- ours: `master()` to Podcast (stereo): −16 LUFS, −1 dBTP, 44.1 kHz stereo MP3 192 kbps, checked after;
- baseline: FFmpeg's `loudnorm` through PyAV's filter graphs, pass 1 measuring, pass 2 normalising
  (I=−16, TP=−1, the measured values fed back), resampled to 44.1 kHz stereo and encoded the same way.
Prints both wall times and their ratio (target ≤ 1.0), our peak RSS (target < 300 MB), and our report's
integrated loudness against pyloudnorm's on the decoded MP3 (target: within 0.2 LU). pyloudnorm is given the
left channel (both carry the same mono voice, so the stereo loudness is that + 3.01 dB) to keep it in memory.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.assembly import assemble_minutes


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ours(source: Path, out: Path) -> dict[str, float]:
    from studio.services.mastering.master import FileSource, master
    from studio.services.mastering.presets import PRESETS

    started = time.perf_counter()
    mastered = master(FileSource(source), out, PRESETS["podcast"], "mp3")
    return {"seconds": time.perf_counter() - started, "rss_mb": _rss_mb(),
            "report_lufs": mastered.report.loudness.integrated_lufs, "passed": float(mastered.report.passed),
            "writes": float(mastered.writes)}


def _loudnorm(source: Path, out: Path) -> dict[str, float]:
    import av
    from av.filter import Graph

    def run(filters: list[tuple[str, str]], encode: bool) -> None:
        with av.open(str(source)) as container:
            stream = container.streams.audio[0]
            context = stream.codec_context
            graph = Graph()
            chain = [graph.add_abuffer(format=context.format.name, sample_rate=context.sample_rate,
                                       layout=context.layout.name, time_base=Fraction(1, context.sample_rate))]
            chain += [graph.add(name, args) for name, args in filters] + [graph.add("abuffersink")]
            for a, b in itertools.pairwise(chain):
                a.link_to(b)
            graph.configure()
            output = av.open(str(out), "w", format="mp3") if encode else None
            encoder = None
            if output is not None:
                encoder = output.add_stream("libmp3lame", rate=44100, layout="stereo")
                encoder.codec_context.bit_rate = 192000

            def drain() -> None:
                while True:
                    try:
                        frame = graph.pull()
                    except (av.BlockingIOError, av.EOFError):
                        return
                    if output is not None and encoder is not None:
                        frame.pts = None
                        for packet in encoder.encode(frame):  # type: ignore[arg-type]
                            output.mux(packet)

            for frame in container.decode(stream):
                graph.push(frame)
                drain()
            graph.push(None)
            drain()
            if output is not None and encoder is not None:
                for packet in encoder.encode(None):
                    output.mux(packet)
                output.close()

    import gc

    started = time.perf_counter()
    av.logging.set_level(av.logging.INFO)
    with av.logging.Capture() as logs:
        run([("loudnorm", "I=-16:TP=-1:LRA=11:print_format=json")], encode=False)
        gc.collect()  # loudnorm prints its measurement when its graph is freed
    text = "".join(str(entry[2]) for entry in logs)
    measured = json.loads(text[text.index("{"):text.rindex("}") + 1])
    av.logging.set_level(None)
    second = (f"I=-16:TP=-1:LRA=11:measured_I={measured['input_i']}:measured_TP={measured['input_tp']}:"
              f"measured_LRA={measured['input_lra']}:measured_thresh={measured['input_thresh']}:"
              f"offset={measured['target_offset']}:linear=true")
    run([("loudnorm", second), ("aresample", "44100"), ("aformat", "channel_layouts=stereo")], encode=True)
    return {"seconds": time.perf_counter() - started, "rss_mb": _rss_mb()}


def _independent(path: Path) -> dict[str, float]:
    import av
    import numpy as np
    import pyloudnorm

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate = stream.codec_context.sample_rate
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=rate)
        left = np.concatenate([out.to_ndarray()[0] for frame in [*container.decode(stream), None]
                               for out in resampler.resample(frame)])
    mono = float(pyloudnorm.Meter(rate).integrated_loudness(left.astype(np.float64)))
    return {"lufs": mono + 10 * math.log10(2), "seconds": len(left) / rate}


def _child(kind: str, source: Path, out: Path) -> None:
    work = {"ours": _ours, "loudnorm": _loudnorm}.get(kind)
    result = work(source, out) if work else _independent(out)
    print(json.dumps(result))


def _in_process(kind: str, source: Path, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(source), str(out)], check=True,
                          capture_output=True, text=True).stdout
    return dict(json.loads(done.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--ours-only", action="store_true",
                        help="skip loudnorm and pyloudnorm (for very long runs: pyloudnorm holds it all in memory)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        production = assemble_minutes(Path(folder), args.minutes, fmt="wav", out_fmt="flac")
        print(f"a {production.minutes:.1f}-minute production assembled to FLAC in "
              f"{time.perf_counter() - started:.0f} s")
        ours = _in_process("ours", production.path, Path(folder) / "ours.mp3")
        if not args.ours_only:
            theirs = _in_process("loudnorm", production.path, Path(folder) / "loudnorm.mp3")
            check = _in_process("independent", production.path, Path(folder) / "ours.mp3")
    print(f"ours (measure, master, check): {ours['seconds']:6.1f} s, peak RSS {ours['rss_mb']:.0f} MB "
          f"(target < 300), {ours['writes']:.0f} write(s), check {'passes' if ours['passed'] else 'FAILS'}")
    if args.ours_only:
        return
    print(f"FFmpeg two-pass loudnorm:      {theirs['seconds']:6.1f} s, peak RSS {theirs['rss_mb']:.0f} MB")
    print(f"wall time ours ÷ loudnorm: {ours['seconds'] / theirs['seconds']:.2f} (target ≤ 1.0)")
    print(f"integrated loudness: report {ours['report_lufs']:.2f} LUFS, pyloudnorm {check['lufs']:.2f} LUFS, "
          f"difference {abs(ours['report_lufs'] - check['lufs']):.2f} LU (target ≤ 0.2)")


if __name__ == "__main__":
    main()
