"""The Speech panel while it streams, through the app's own composition (window offscreen, qasync loop, the
real Player on the default output, a real Library in a temporary STUDIO_HOME):

(a) event-loop stalls while a ~30 s take streams into the player with the GUI running (transport bar at
    30 Hz, waveform, Library writes): a 1 ms asyncio sleep loop records how late each wake-up is.
    Target: p99 < 16 ms (one frame at 60 Hz). (a') the same with every chunk's disk write slowed
    (`--write-delay-ms`, a slow disk simulated through `Library.write_chunk`): the longest stall must not grow.
(b) slider release → first new sound, minus the emulator's fixed 300 ms time to first audio: this client's
    share of a live re-render (WebSocket open + task_start, decode, prebuffer, hand-off to the device).
    Target: ≤ 30 ms.

The emulator runs in its own process (first audio after 300 ms, real-time factor 0.3, no jitter), so the
figures are the client's alone.

    .venv/bin/python bench/speech_live.py             # needs an audio device (packaging/virtual-soundcard.sh)
    .venv/bin/python bench/speech_live.py --runs 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emulator_process import emulator_process  # bench/, the script's own folder
from PySide6.QtWidgets import QApplication

from studio.files import append_and_flush
from studio.qt.loop import StudioEventLoop

EMULATOR_TTFA_MS = 300.0
LONG_TEXT = (
    "Welcome to the studio. This is a long narration used to measure how smooth the interface stays while "
    "speech streams into the player. The waveform grows as the audio arrives, the transport bar updates many "
    "times a second, and every chunk is written to the library as it comes. A busy event loop would show up "
    "as a stutter in the interface or, worse, as a gap in the sound. We keep talking for about half a minute, "
    "so that there is plenty of time for anything slow to show itself. The fog rolled in at dusk. Nobody saw "
    "the lighthouse keeper leave. By morning, the lamp was dark, and the harbour was quiet. That is the end."
)
PREVIEW_TEXT = "The fog rolled in at dusk. Nobody saw the lighthouse keeper leave. By morning, the lamp was dark."


def quantiles(values: list[float]) -> tuple[float, float, float, float]:
    ordered = sorted(values)

    def q(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]

    return statistics.median(ordered), q(0.95), q(0.99), ordered[-1]


class LagProbe:
    """Wakes every 1 ms; records how late each wake-up was (ms)."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self.recording = False
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            if self.recording:
                self.lags.append(max(0.0, (time.perf_counter() - before) * 1000 - 1.0))

    def start(self) -> None:
        self._task = asyncio.ensure_future(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


async def wait_for(condition: Callable[[], object]) -> None:
    async with asyncio.timeout(180):  # a slow disk takes its time to settle a take
        while not condition():  # noqa: ASYNC110  (the studio's state, polled as a user would see it)
            await asyncio.sleep(0.005)


async def run(args: argparse.Namespace, global_url: str, mainland_url: str) -> None:
    from keyrings.alt.file import PlaintextKeyring

    from studio.app import build_services, create_window
    from studio.emulator import DEMO_KEY
    from studio.qt.theme import ThemeManager
    from studio.settings.secrets import KeyStore
    from studio.ui.speech_panel import RENDER_KEY, SpeechPanel

    backend = PlaintextKeyring()
    backend.file_path = str(Path(os.environ["STUDIO_HOME"]) / "keyring.cfg")  # type: ignore[misc]
    services = build_services(key_store=KeyStore(backend, allow_insecure=False),
                              probe_hosts={"global": global_url, "mainland": mainland_url})
    window = create_window(services, ThemeManager(QApplication.instance(), "light"))  # type: ignore[arg-type]
    window.resize(1240, 800)
    window.show()
    await services.account_service.connect_live(DEMO_KEY, "global", store=False)
    if services.audio.player() is None:
        print(f"no audio output: {services.audio.unavailable}")
        return
    window.show_panel("speech")
    speech = next(s.widget for s in window.panels if s.key == "speech")
    assert isinstance(speech, SpeechPanel)
    busy = lambda: services.tasks.is_busy(RENDER_KEY)  # noqa: E731
    probe = LagProbe()
    probe.start()
    try:
        # (a) a ~30 s take streaming into the player, GUI running; then the same on a slow disk.
        async def stream(runs: int) -> tuple[list[float], list[float], float]:
            stalls: list[float] = []
            per_run_max: list[float] = []
            audio_s = 0.0
            for _ in range(runs):
                speech.editor.setPlainText(LONG_TEXT)
                probe.lags.clear()
                probe.recording = True
                speech.generate()
                progress = speech.progress
                await wait_for(lambda p=progress: p.take is not None)  # the whole stream has arrived and is saved
                await asyncio.sleep(2.0)  # and a little of the play-out
                probe.recording = False
                stalls.extend(probe.lags)
                per_run_max.append(max(probe.lags))
                audio_s = progress.arrived_s
                speech.stop()
                await wait_for(lambda: not busy())
            return stalls, per_run_max, audio_s

        stalls, per_run_max, audio_s = await stream(args.stream_runs)
        med, p95, p99, worst = quantiles(stalls)
        print(f"(a) event-loop lag while streaming a {audio_s:.0f} s take into the player, GUI running "
              f"({args.stream_runs} runs, {len(stalls):,} samples at 1 ms)")
        print(f"    median {med:.2f} ms   p95 {p95:.2f} ms   p99 {p99:.2f} ms   max {worst:.1f} ms "
              f"(per run: {', '.join(f'{m:.1f}' for m in per_run_max)})")
        print(f"    target p99 < 16 ms: {'MET' if p99 < 16 else 'MISSED'}")
        if args.write_delay_ms > 0:
            delay_s = args.write_delay_ms / 1000
            writes = 0

            def slow_write(file: BinaryIO, chunk: bytes) -> None:
                nonlocal writes
                time.sleep(delay_s)
                append_and_flush(file, chunk)
                writes += 1

            services.library.write_chunk = slow_write  # the takes begun from now on write through it
            slow, slow_per_run, _ = await stream(args.stream_runs)
            services.library.write_chunk = append_and_flush
            s_med, s_p95, s_p99, s_worst = quantiles(slow)
            print(f"(a') the same on a slow disk ({args.write_delay_ms:.0f} ms per chunk written, "
                  f"{writes} writes in {args.stream_runs} runs)")
            print(f"    median {s_med:.2f} ms   p95 {s_p95:.2f} ms   p99 {s_p99:.2f} ms   max {s_worst:.1f} ms "
                  f"(per run: {', '.join(f'{m:.1f}' for m in slow_per_run)})")
            long_stall = args.write_delay_ms / 2  # a write on the loop would stall it at least this long
            print(f"    stalls ≥ {long_stall:.0f} ms: {sum(v >= long_stall for v in slow)} "
                  f"(in (a): {sum(v >= long_stall for v in stalls)})")
            print(f"    ratio slow disk / (a): longest stall {s_worst / worst:.2f}×, p99 {s_p99 / p99:.2f}×")
            print(f"    target: no growth beyond the noise of a shared machine (both ratios ≤ 1.5×): "
                  f"{'MET' if s_worst <= 1.5 * worst and s_p99 <= 1.5 * p99 else 'MISSED'}")

        # (b) slider release → first new sound, while a take is playing.
        overheads: list[float] = []
        handshake: list[float] = []
        client_share: list[float] = []
        slider = speech.form.effect_sliders["pitch"]
        for run_number in range(args.runs):
            speech.editor.setPlainText(PREVIEW_TEXT)
            speech.generate()
            progress = speech.progress
            await wait_for(lambda p=progress: p.bytes_received > 0 and p.position_s > 0.2)
            cursor = speech.editor.textCursor()
            cursor.setPosition(PREVIEW_TEXT.index("lighthouse"))
            speech.editor.setTextCursor(cursor)
            slider.slider.setSliderDown(True)
            for value in range(0, 30 + run_number, 5):
                slider.slider.setValue(value + 1)
            released = time.perf_counter()
            slider.slider.setSliderDown(False)
            preview = speech.progress
            assert preview is not progress
            await wait_for(lambda: not busy())
            m = preview.measurements
            if m is None or m.first_frame_at is None or m.request_sent_at is None or m.first_byte_at is None:
                print("    a preview produced no sound; skipped")
                continue
            first_sound_ms = (m.first_frame_at - released) * 1000
            overheads.append(first_sound_ms - EMULATOR_TTFA_MS)
            handshake.append((m.request_sent_at - released) * 1000)
            client_share.append((m.first_frame_at - m.first_byte_at) * 1000)
        if overheads:
            med, p95, p99, worst = quantiles(overheads)
            print(f"(b) slider release → first new sound − emulator TTFA ({EMULATOR_TTFA_MS:.0f} ms), "
                  f"{len(overheads)} runs")
            print(f"    median {med:.1f} ms   p95 {p95:.1f} ms   p99 {p99:.1f} ms   max {worst:.1f} ms")
            print(f"    of which release → text sent (WebSocket open + task_start): median "
                  f"{statistics.median(handshake):.1f} ms; first byte → first frame to the device: median "
                  f"{statistics.median(client_share):.1f} ms")
            print(f"    target ≤ 30 ms: {'MET' if med <= 30 else 'MISSED'} (median), "
                  f"{'MET' if p95 <= 30 else 'MISSED'} (p95)")
    finally:
        probe.stop()
        window.close()
        await services.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="slider releases to time (b)")
    parser.add_argument("--stream-runs", type=int, default=3, help="long takes to stream (a)")
    parser.add_argument("--write-delay-ms", type=float, default=200.0,
                        help="(a') again with each chunk's disk write slowed by this much (0: skip)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(["speech-live-bench"])
    app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the loop before services close
    emulator = emulator_process("--ttfa-ms", str(EMULATOR_TTFA_MS), "--rtf", "0.3")
    with emulator as (global_url, mainland_url), tempfile.TemporaryDirectory() as home:
        os.environ["STUDIO_HOME"] = home
        loop = StudioEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(run(args, global_url, mainland_url))
        finally:
            loop.close()


if __name__ == "__main__":
    main()
