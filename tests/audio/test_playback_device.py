"""The real path: emulator sockets → decoder → PortAudio → PulseAudio null sink, recorded from its monitor.

What the monitor recorded is what a listener would have heard; it is compared with what was decoded.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import AudioSetting, T2ARequest, VoiceSetting
from studio.audio.decoder import StreamDecoder
from studio.audio.playback import Playback, play_speech
from studio.audio.player import AudioUnavailable, Player
from studio.emulator import DEMO_KEY, Emulator
from tests.audio.conftest import RATE

PACED = {"X-Emulator-Pacing": "first_audio_ms=300;rtf=0.3;jitter_ms=50"}
TEXT_A = "The quick brown fox jumps over the lazy dog, and then it runs far away into the woods."
TEXT_B = "A completely different sentence replaces the first one."


class Monitor:
    """Records the null sink's monitor (the default PulseAudio source) through PortAudio."""

    def __init__(self) -> None:
        import sounddevice as sd

        self.parts: list[np.ndarray] = []
        self._stream = sd.InputStream(device="pulse", samplerate=RATE, channels=2, dtype="float32",
                                      callback=lambda data, *_: self.parts.append(data.copy()))

    def __enter__(self) -> Monitor:
        self._stream.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.stop()
        self._stream.close()

    def audio(self) -> np.ndarray:
        return np.concatenate(self.parts)[:, 0]


@pytest.fixture
def player(sound_card: str) -> Iterator[Player]:
    p = Player("pulse", samplerate=RATE, channels=2)
    yield p
    p.close()


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, headers=PACED) as c:
        yield c


def _request(text: str, fmt: str = "mp3", rate: int = 32000) -> T2ARequest:
    return T2ARequest(model="speech-2.8-hd", text=text, stream=True,
                      voice_setting=VoiceSetting(voice_id="English_expressive_narrator"),
                      audio_setting=AudioSetting(format=fmt, sample_rate=rate))


def _decoded(path: Path, fmt: str = "mp3", rate: int = 32000) -> np.ndarray:
    decoder = StreamDecoder(fmt, RATE, 2, in_rate=rate)
    data = path.read_bytes()
    return np.concatenate([decoder.feed(data), decoder.flush()])[:, 0]


def _offset(recording: np.ndarray, reference: np.ndarray) -> int:
    """Where `reference` starts in `recording` (cross-correlation of the first second)."""
    probe = reference[: RATE]
    n = len(recording) + len(probe)
    size = 1 << (n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(recording, size) * np.conj(np.fft.rfft(probe, size)), size)
    return int(np.argmax(corr[: len(recording)]))


def _assert_heard(recording: np.ndarray, offset: int, reference: np.ndarray) -> None:
    heard = recording[offset : offset + len(reference)]
    assert len(heard) == len(reference), "the recording ended before the take did"
    # 16-bit null sink: anything beyond quantisation error would be a gap, a repeat or another take
    assert np.max(np.abs(heard - reference)) < 2e-3


async def test_heard_audio_is_the_decoded_take_without_gaps_or_doubling(
    player: Player, client: MiniMaxClient, tmp_path: Path
) -> None:
    with Monitor() as monitor:
        m = await play_speech(client, _request(TEXT_A), player=player, dest=tmp_path / "a.mp3")
        await asyncio.sleep(0.2)
    reference = _decoded(tmp_path / "a.mp3")
    recording = monitor.audio()
    offset = _offset(recording, reference)
    _assert_heard(recording, offset, reference)
    assert np.max(np.abs(recording[offset + len(reference) :])) < 1e-4  # and nothing after it
    assert m.completed and m.underruns == 0 and m.bytes_received == (tmp_path / "a.mp3").stat().st_size
    assert m.client_overhead_ms is not None and m.client_overhead_ms < 50


async def test_websocket_take_plays_from_the_first_chunk_with_its_timings(
    player: Player, client: MiniMaxClient, tmp_path: Path
) -> None:
    m = await play_speech(client, _request(TEXT_B, "pcm", 24000), player=player, transport="ws",
                          dest=tmp_path / "b.pcm")
    assert m.completed and m.underruns == 0
    assert m.request_sent_at < m.first_byte_at <= m.first_decoded_at < m.first_frame_at  # type: ignore[operator]
    assert m.first_byte_ms is not None and m.first_byte_ms > 200  # the paced service really was slow...
    assert m.client_overhead_ms is not None and m.client_overhead_ms < 50  # ...and the client was not
    assert m.audio_seconds == pytest.approx((tmp_path / "b.pcm").stat().st_size / 2 / 24000, abs=0.01)


async def _play_until(task: asyncio.Task[Any], playback: list[Playback], seconds: float) -> int:
    """Let `task` play `seconds` of audio, cancel it, and return how many frames were handed to the device."""
    while not playback or playback[0].position_s < seconds:
        assert not task.done()
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    player = playback[0].player
    assert player is not None
    return player.ring.read_pos - player._take_start


async def test_stop_is_silent_at_once_and_a_new_take_never_overlaps_the_old(
    player: Player, client: MiniMaxClient, tmp_path: Path
) -> None:
    with Monitor() as monitor:
        first: list[Playback] = []
        task = asyncio.create_task(play_speech(client, _request(TEXT_A), player=player, dest=tmp_path / "a.mp3",
                                               on_start=first.append))
        played_a = await _play_until(task, first, 0.8)
        await asyncio.sleep(0.3)  # silence: the stopped take must not go on
        m = await play_speech(client, _request(TEXT_B), player=player, dest=tmp_path / "b.mp3")
        second: list[Playback] = []
        task = asyncio.create_task(play_speech(client, _request(TEXT_A), player=player, dest=tmp_path / "c.mp3",
                                               on_start=second.append))
        played_c = await _play_until(task, second, 0.5)
        replacement = await play_speech(client, _request(TEXT_B), player=player, dest=tmp_path / "d.mp3")
        await asyncio.sleep(0.2)
    recording = monitor.audio()
    a = _decoded(tmp_path / "a.partial.mp3")
    b = _decoded(tmp_path / "b.mp3")
    assert m.completed and replacement.completed
    # take A: exactly what was handed to the device before the stop, then silence until take B
    offset_a = _offset(recording, a)
    _assert_heard(recording, offset_a, a[:played_a])
    offset_b = offset_a + played_a + _offset(recording[offset_a + played_a :], b)
    assert np.max(np.abs(recording[offset_a + played_a : offset_b])) < 1e-4
    assert offset_b - (offset_a + played_a) > 0.25 * RATE  # the pause we made, with nothing in it
    _assert_heard(recording, offset_b, b)
    # take C is cut by take D: C's prefix, then D from its start, no mix of the two
    c = _decoded(tmp_path / "c.partial.mp3")
    after_b = offset_b + len(b)
    offset_c = after_b + _offset(recording[after_b:], c)
    _assert_heard(recording, offset_c, c[:played_c])
    offset_d = offset_c + played_c + _offset(recording[offset_c + played_c :], b)
    _assert_heard(recording, offset_d, b)
    assert offset_d >= offset_c + played_c


async def test_without_an_audio_device_the_take_is_still_saved_and_says_why(
    emulator: Emulator, tmp_path: Path
) -> None:
    with pytest.raises(AudioUnavailable, match="No audio output device"):
        Player("no such device 1234")
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        m = await play_speech(c, _request(TEXT_B), player=None, dest=tmp_path / "b.mp3", no_audio="no device")
    assert m.completed and m.saved_to == tmp_path / "b.mp3" and m.saved_to.stat().st_size == m.bytes_received
    assert "not played: no device" in m.summary()


def test_cli_say_play_ws_streams_to_the_speakers_and_the_file(sound_card: str, tmp_path: Path) -> None:
    out = tmp_path / "hello.mp3"
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "say", "Hello from the studio.", "--emulator", "--play", "--ws",
         "-o", str(out)], capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "first sound" in result.stdout and "0 underruns" in result.stdout
    assert out.stat().st_size > 1000
