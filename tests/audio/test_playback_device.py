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
from studio.audio.playback import Playback
from studio.audio.player import AudioUnavailable, Player
from studio.emulator import DEMO_KEY, Emulator
from studio.services.speech import play_speech
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


QUANTUM = 2e-3  # 16-bit null sink: anything beyond quantisation error is a gap, a repeat or another take
SILENT = 1e-4


def _heard(recording: np.ndarray, reference: np.ndarray, start: int = 0, *, may_skip: int = 0) -> tuple[int, int]:
    """Find `reference` in `recording[start:]` and check it was heard exactly: every sample once, in order.

    The one difference allowed is a run of inserted digital silence: when a loaded machine runs PulseAudio's
    or PortAudio's thread too late, the sink plays zeros and then the rest of the take. A doubled block, a
    missing block or another take's sound is not silence and fails. Only when the device itself reported an
    underflow (ALSA recovers from it by dropping what the sound server held) may the take go on up to
    `may_skip` frames later after such a gap. Returns (where the take starts, where it ends) in the recording.
    """
    loud = int(np.argmax(np.abs(reference) > 0.05))
    probe = reference[loud : loud + RATE // 4]  # short: a gap later in the take cannot pull the match
    tail = recording[start:]
    n = len(tail) + len(probe)
    size = 1 << (n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(tail, size) * np.conj(np.fft.rfft(probe, size)), size)[: len(tail)]
    # The earliest strong match, not the strongest: the same text may be played again later.
    near = int(np.argmax(corr >= 0.9 * corr.max()))
    i, j = loud, start + near + int(np.argmax(corr[near : near + RATE // 100]))
    first = j - loud
    gaps = 0
    while i < len(reference):
        m = min(len(reference) - i, len(recording) - j)
        assert m > 0, "the recording ended before the take did"
        differs = np.abs(recording[j : j + m] - reference[i : i + m]) >= QUANTUM
        if not differs.any():
            assert m == len(reference) - i, "the recording ended before the take did"
            return first, j + m
        k = int(np.argmax(differs))
        i, j = i + k, j + k
        # Back to where the recording fell silent (its zeros may have matched the take's own quiet samples)...
        silent_from = j
        while silent_from > first and abs(recording[silent_from - 1]) < SILENT:
            silent_from -= 1
        silent_to = j
        while silent_to < len(recording) and abs(recording[silent_to]) < SILENT:
            silent_to += 1
        if silent_to == j and may_skip:  # no gap: the device may have dropped frames and gone straight on
            after = recording[j : j + 240]
            skipped = next((c for c in range(i + 1, min(i + may_skip, len(reference) - len(after)) + 1)
                            if np.max(np.abs(reference[c : c + len(after)] - after)) < QUANTUM), None)
            if skipped is not None:
                i, gaps = skipped, gaps + 1
                assert gaps <= 20, "more than 20 gaps: the audio thread is not keeping up at all"
                continue
        assert silent_to > j, (f"what was heard differs from the take at {i / RATE:.3f} s "
                               f"(recording {j / RATE:.3f} s), and not by a gap of silence")
        # ...and the take goes on after the silence from where it stopped, give or take its own quiet samples.
        resume_from = i - (j - silent_from)
        quiet = int(np.argmax(np.abs(reference[resume_from:]) >= QUANTUM))
        after = recording[silent_to : silent_to + 240]
        if may_skip and len(reference) - resume_from <= may_skip:
            return first, silent_from  # the end of the take was dropped with the device's buffer
        candidates = range(resume_from, min(resume_from + quiet + may_skip, len(reference) - len(after)) + 1)
        resumed = next((c for c in candidates
                        if np.max(np.abs(reference[c : c + len(after)] - after)) < QUANTUM), None)
        assert resumed is not None, (f"after a gap of silence at {j / RATE:.3f} s (take {resume_from / RATE:.3f} s "
                                     f"of {len(reference) / RATE:.3f} s) the recording does not go on with the "
                                     "take: audio was skipped, repeated or replaced")
        i, j = resumed, silent_to
        gaps += 1
        assert gaps <= 20, "more than 20 gaps: the audio thread is not keeping up at all"
    return first, j


def test_the_comparison_forgives_inserted_silence_but_not_a_doubled_missing_or_foreign_block() -> None:
    take = (np.random.default_rng(7).uniform(-0.5, 0.5, 2 * RATE)).astype(np.float32)
    silence, block = np.zeros(RATE // 10, np.float32), 256  # one callback's worth
    lead, cut = np.zeros(RATE // 2, np.float32), RATE

    def recorded(*parts: np.ndarray) -> np.ndarray:
        return np.concatenate([lead, *parts, silence])

    assert _heard(recorded(take), take) == (len(lead), len(lead) + len(take))
    starved = recorded(take[:cut], silence, take[cut:])
    assert _heard(starved, take) == (len(lead), len(starved) - len(silence))
    for wrong in (recorded(take[:cut], take[cut - block : cut], take[cut:]),  # a block played twice
                  recorded(take[:cut], take[cut + block :]),  # a block never played
                  recorded(take[:cut], silence, take[cut + block :]),  # ...even with a gap beside it
                  recorded(take[:cut], take[cut:] + 0.01)):  # another sound mixed in
        with pytest.raises(AssertionError):
            _heard(wrong, take)
    # After a device underflow ALSA drops what the sound server held: a short skip (after a gap or not), or a
    # cut take's end, is forgiven then, and only up to `may_skip`.
    assert _heard(recorded(take[:cut], take[cut + block :]), take, may_skip=2 * block)[0] == len(lead)
    dropped = recorded(take[:cut], silence, take[cut + block :])
    assert _heard(dropped, take, may_skip=2 * block) == (len(lead), len(dropped) - len(silence))
    with pytest.raises(AssertionError):
        _heard(recorded(take[:cut], silence, take[cut + 4 * block :]), take, may_skip=2 * block)
    assert _heard(recorded(take[: len(take) - block]), take, may_skip=2 * block)[1] == len(lead) + len(take) - block


async def test_heard_audio_is_the_decoded_take_without_gaps_or_doubling(
    player: Player, client: MiniMaxClient, tmp_path: Path
) -> None:
    underflows = player.device_underflows
    with Monitor() as monitor:
        m = await play_speech(client, _request(TEXT_A), player=player, dest=tmp_path / "a.mp3")
        await asyncio.sleep(0.2)
    reference = _decoded(tmp_path / "a.mp3")
    recording = monitor.audio()
    _, end = _heard(recording, reference, may_skip=int(0.1 * RATE) if player.device_underflows > underflows else 0)
    assert np.max(np.abs(recording[end:])) < SILENT  # and nothing after it
    assert m.completed and m.underruns == 0 and m.bytes_received == (tmp_path / "a.mp3").stat().st_size
    # Playing from the first chunk: a client that waited for the whole stream (~1.7 s at rtf 0.3 here) would
    # be far above this; an idle machine measures ~10 ms, a machine with both cores overloaded ~220 ms.
    assert m.client_overhead_ms is not None and m.client_overhead_ms < 500


async def test_websocket_take_plays_from_the_first_chunk_with_its_timings(
    player: Player, client: MiniMaxClient, tmp_path: Path
) -> None:
    m = await play_speech(client, _request(TEXT_B, "pcm", 24000), player=player, transport="ws",
                          dest=tmp_path / "b.pcm")
    assert m.completed and m.underruns == 0
    assert m.request_sent_at < m.first_byte_at <= m.first_decoded_at < m.first_frame_at  # type: ignore[operator]
    assert m.first_byte_ms is not None and m.first_byte_ms > 200  # the paced service really was slow...
    assert m.client_overhead_ms is not None and m.client_overhead_ms < 500  # ...and the client was not
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
    underflows = player.device_underflows
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
    may_skip = int(0.1 * RATE) if player.device_underflows > underflows else 0
    a = _decoded(tmp_path / "a.partial.mp3")
    b = _decoded(tmp_path / "b.mp3")
    assert m.completed and replacement.completed
    # take A: exactly what was handed to the device before the stop, then silence until take B
    _, end_a = _heard(recording, a[:played_a], may_skip=may_skip)
    start_b, end_b = _heard(recording, b, end_a, may_skip=may_skip)
    assert np.max(np.abs(recording[end_a:start_b])) < SILENT
    assert start_b - end_a > 0.25 * RATE  # the pause we made, with nothing in it
    # take C is cut by take D: C's prefix, then D from its start, no mix of the two
    c = _decoded(tmp_path / "c.partial.mp3")
    _, end_c = _heard(recording, c[:played_c], end_b, may_skip=may_skip)
    start_d, _ = _heard(recording, b, end_c, may_skip=may_skip)
    assert start_d >= end_c


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
    from tests.test_cli_lost_work import library_takes  # the subprocess shares this test's STUDIO_HOME

    takes = library_takes("speech")  # kept in the Library too, as `studio say` without --play is
    assert [take.text for take in takes] == ["Hello from the studio."]
    assert takes[0].status == "complete" and takes[0].path.read_bytes() == out.read_bytes()
