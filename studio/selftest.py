"""`minimax-studio --self-test`: prove an installation works end to end, without a window or a key.

Starts the bundled emulator in this process and renders a short line of speech exactly as the Speech panel
does (`SpeechSession.render` → the one pipeline, `speech.speak`: the WebSocket with its SSE fallback, a
Library take in a temporary Library, the app's `AudioOutput` → decoder → Player → PortAudio when an output
device can be opened), decodes the take's file with PyAV and checks it is long enough and not silent. Prints ONE
line and returns 0 (``self-test ok: …``) or 1 (``self-test FAILED: <reason>``).

No Qt: it runs before any QApplication exists, from source or from the frozen app. It also checks the
parts a broken bundle loses first: espeak-ng (demo speech; its data files) and, in a frozen app,
PortAudio (a bundle must carry its own copy). Set ``STUDIO_SELFTEST_REQUIRE_AUDIO=1`` to fail when no
audio device can be opened (CI with a virtual sound card); otherwise "no audio device" is reported and
is not a failure.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio.audio.player import Player

TEXT = "MiniMax Studio self test."
VOICE = "English_expressive_narrator"
MIN_SECONDS = 0.5
TIMEOUT_S = 60.0


class SelfTestError(Exception):
    """A check failed; the message is the reason shown after 'self-test FAILED:'."""


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _open_player(require_audio: bool) -> tuple[Player | None, str | None]:
    """(a Player, None) or (None, why there is no audio)."""
    from studio.audio.player import AudioUnavailable, Player

    try:
        return Player(), None
    except AudioUnavailable as exc:
        reason = str(exc)
        if "PortAudio" in reason or "portaudio" in reason:
            if _frozen():  # the bundle should carry PortAudio: its absence is a packaging bug
                raise SelfTestError(f"the bundled PortAudio did not load: {reason}") from None
        if require_audio:
            raise SelfTestError(f"no audio device: {reason}") from None
        return None, _short(reason)


def _short(reason: str) -> str:
    reason = reason.split(". Takes are still saved")[0].rstrip(".")
    prefix = "No audio output device ("
    return reason[len(prefix):-1] if reason.startswith(prefix) and reason.endswith(")") else reason


def _check_file(path: Path) -> tuple[float, float]:
    """(seconds, peak) of the decoded file; raises SelfTestError when it doesn't decode."""
    import av
    import numpy as np

    if not path.is_file() or path.stat().st_size == 0:
        raise SelfTestError(f"the take was not written ({path})")
    seconds, peak = 0.0, 0.0
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            for frame in container.decode(stream):
                samples = frame.to_ndarray()
                seconds += frame.samples / frame.sample_rate
                if samples.size:
                    scale = 32768.0 if samples.dtype == np.int16 else 1.0
                    peak = max(peak, float(np.abs(samples).max()) / scale)
    except (av.error.FFmpegError, IndexError) as exc:
        raise SelfTestError(f"the take does not decode: {exc}") from None
    if seconds <= MIN_SECONDS:
        raise SelfTestError(f"the take is too short ({seconds:.2f} s, expected > {MIN_SECONDS} s)")
    if peak < 0.01:
        raise SelfTestError(f"the take is silent (peak {peak:.4f})")
    return seconds, peak


async def _run(workdir: Path, require_audio: bool) -> str:
    from studio.api.client import MiniMaxClient
    from studio.api.models import AudioSetting, T2ARequest, VoiceSetting
    from studio.audio.player import AudioUnavailable
    from studio.emulator import DEMO_KEY, Emulator
    from studio.emulator import speech as emulator_speech
    from studio.services.audio_output import AudioOutput
    from studio.services.library import Library
    from studio.services.speech_session import SpeechSession

    request = T2ARequest(text=TEXT, stream=True, voice_setting=VoiceSetting(voice_id=VOICE),
                         audio_setting=AudioSetting(format="mp3", sample_rate=32000, channel=1))
    player, no_audio = _open_player(require_audio)

    def the_player(_device: str | None) -> Player:
        if player is None:
            raise AudioUnavailable(no_audio or "no audio output")
        return player

    output = AudioOutput(player_factory=the_player)
    async with Emulator() as emulator, MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        try:
            session = SpeechSession(lambda: client, Library(workdir / "library"), output)
            rendered = await session.render(request, transport="ws")
        finally:
            output.close()
    take, progress = rendered.take, rendered.progress
    if take is None or take.status != "complete":
        raise SelfTestError("the stream did not complete")
    if emulator_speech._espeak_failed:
        raise SelfTestError("espeak-ng (library or espeak-ng-data) is missing: demo speech fell back to the "
                            "formant synthesiser")
    seconds, _peak = _check_file(take.path)
    if player is not None and progress.no_audio is not None:  # listed, but would not open (or stopped)
        if require_audio:
            raise SelfTestError(f"audio device failed: {progress.no_audio}")
        no_audio = _short(progress.no_audio)
    if no_audio is not None:
        audio = f"no audio device ({no_audio})"
    else:
        m = progress.measurements
        if m is None or m.first_frame_at is None:
            raise SelfTestError(f"the audio device {m.device if m else None!r} never took the take")
        first = m.ttfa_ms
        first_text = f"first sound {first:.0f} ms" if first is not None else "no first-sound time"
        audio = f"audio device {m.device!r} ({first_text}, {m.underruns} underruns)"
    return f"self-test ok: emulator, {seconds:.1f} s speech (espeak-ng, mp3 decodes), {audio}"


def run_self_test() -> int:
    """Run the checks; print one line; 0 when everything passed, 1 otherwise."""
    started = time.perf_counter()
    require_audio = os.environ.get("STUDIO_SELFTEST_REQUIRE_AUDIO", "") not in ("", "0")
    try:
        with tempfile.TemporaryDirectory(prefix="minimax-studio-selftest-") as tmp:
            line = asyncio.run(asyncio.wait_for(_run(Path(tmp), require_audio), TIMEOUT_S))
    except SelfTestError as exc:
        print(f"self-test FAILED: {exc}", flush=True)
        return 1
    except TimeoutError:
        print(f"self-test FAILED: timed out after {TIMEOUT_S:.0f} s", flush=True)
        return 1
    except Exception as exc:  # any other failure is a failed self-test, never a traceback
        print(f"self-test FAILED: {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"{line} in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run_self_test())
