"""One stream → save → play pipeline (`speech.speak`): whichever caller runs a request — `studio say` and the
production renderer (`synthesize_to_file`), `studio say --play` (`play_speech`), the Speech panel and the
self-test (`SpeechSession.render`) — a broken stream leaves the same partial file and the same partial
Library take, a whole one the same take, and a device that fails stops the sound, never the recording."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import MiniMaxError
from studio.api.models import AudioSetting, T2ARequest, VoiceSetting
from studio.audio.player import AudioUnavailable, Player
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.services.audio_output import AudioOutput
from studio.services.library import Library, Take
from studio.services.speech import PartialTakeError, PlayerAudio, play_speech, speak, synthesize_to_file
from studio.services.speech_session import SpeechSession

TEXT = "The lighthouse keeper counted the ships. Nine came home before the fog closed in."
CALLERS = ("say", "say --play", "panel")


def _request() -> T2ARequest:
    return T2ARequest(text=TEXT, stream=True, voice_setting=VoiceSetting(voice_id="English_expressive_narrator"),
                      audio_setting=AudioSetting(format="mp3", sample_rate=32000, channel=1))


def _no_device(_name: str | None) -> Player:
    raise AudioUnavailable("No audio output device (none in this test)")


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


@pytest.fixture
def library(tmp_path: Path) -> Any:
    lib = Library(tmp_path / "home")
    yield lib
    lib.close()


def _run(caller: str, client: MiniMaxClient, library: Library, dest: Path) -> Callable[[], Awaitable[Any]]:
    """The way each part of the studio turns a request into audio."""
    if caller == "say":
        return lambda: synthesize_to_file(client, _request(), dest, transport="sse", library=library)
    if caller == "say --play":
        return lambda: play_speech(client, _request(), player=None, transport="sse", dest=dest, library=library,
                                   no_audio="none in this test")
    session = SpeechSession(lambda: client, library, AudioOutput(player_factory=_no_device))
    return lambda: session.render(_request(), transport="sse")


def _only_take(library: Library) -> Take:
    [take] = library.takes(kind="speech")
    return take


async def test_a_stream_broken_midway_leaves_the_same_partial_file_and_take_whoever_ran_it(
    client: MiniMaxClient, emulator: Emulator, tmp_path: Path
) -> None:
    kept: dict[str, bytes] = {}
    for caller in CALLERS:
        emulator.inject(Fault(kind="base_resp", path="/v1/t2a_v2", code=1000, after_chunks=2, times=1))
        folder = tmp_path / caller.replace(" ", "")
        library = Library(folder / "home")
        try:
            with pytest.raises(MiniMaxError, match="unknown error") as caught:
                await _run(caller, client, library, folder / "episode.mp3")()
            take = _only_take(library)
        finally:
            library.close()
        assert take.status == "partial" and take.bytes > 0, caller  # what arrived was paid for: it is kept
        kept[caller] = take.path.read_bytes()
        if caller != "panel":  # the user asked for a file: what arrived is beside it, under a name that says so
            assert isinstance(caught.value, PartialTakeError) and "episode.partial.mp3" in str(caught.value)
            assert (folder / "episode.partial.mp3").read_bytes() == kept[caller]
            assert not (folder / "episode.mp3").exists() and not list(folder.glob("*.part"))
    assert kept["say"] == kept["say --play"] == kept["panel"], {c: len(b) for c, b in kept.items()}


async def test_a_whole_stream_makes_the_same_take_whoever_ran_it(
    client: MiniMaxClient, tmp_path: Path
) -> None:
    takes: dict[str, Take] = {}
    for caller in CALLERS:
        folder = tmp_path / caller.replace(" ", "")
        library = Library(folder / "home")
        try:
            await _run(caller, client, library, folder / "episode.mp3")()
            takes[caller] = take = _only_take(library)
        finally:
            library.close()
        assert take.status == "complete" and take.usage_characters == len(TEXT), caller
        assert take.ttfa_ms is not None and take.trace_id, caller  # streamed: its first byte is timed
        if caller != "panel":
            assert (folder / "episode.mp3").read_bytes() == take.path.read_bytes()
    audio = {caller: take.path.read_bytes() for caller, take in takes.items()}
    assert audio["say"] == audio["say --play"] == audio["panel"]
    assert len({(t.text, t.voice_id, t.model, t.format) for t in takes.values()}) == 1


class _Unpluggable:
    """A PortAudio stream stand-in the test can pull out, as when a headset is unplugged mid-take."""

    def __init__(self, **kwargs: Any) -> None:
        self.callback, self.finished = kwargs["callback"], kwargs["finished_callback"]
        self.channels, self.latency, self.active = kwargs["channels"], 0.005, False

    def start(self) -> None:
        self.active = True

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        pass

    def unplug(self) -> None:
        self.active = False
        self.finished()


async def test_a_device_unplugged_mid_take_stops_the_sound_not_the_recording(
    client: MiniMaxClient, library: Library, tmp_path: Path
) -> None:
    streams: list[_Unpluggable] = []

    def stream(**kwargs: Any) -> _Unpluggable:
        streams.append(_Unpluggable(**kwargs))
        return streams[-1]

    def pull_out(_chunk: bytes) -> None:
        if streams and streams[-1].active:  # after the first chunk, as it is being played
            streams[-1].unplug()

    player = Player(samplerate=32000, channels=1, ring_seconds=2.0, stream_factory=stream)
    dest = tmp_path / "episode.mp3"
    try:  # `studio say --play` is `play_speech`: the pipeline with a PlayerAudio
        result = await speak(client, _request(), transport="sse", dest=dest, library=library,
                             audio=PlayerAudio(player), on_chunk=pull_out)
    finally:
        player.close()
    assert result.no_audio is not None and "unplugged" in result.no_audio  # says why it went quiet
    take = _only_take(library)
    assert take.status == "complete" and take.path.read_bytes() == dest.read_bytes()  # the whole take, kept
    assert result.bytes_received == dest.stat().st_size and take.usage_characters == len(TEXT)


async def test_the_panel_falls_back_to_sse_when_the_websocket_does_not_open(
    client: MiniMaxClient, emulator: Emulator, library: Library
) -> None:
    emulator.inject(Fault(kind="http", path="/ws/v1/t2a_v2", status=404, times=1))
    session = SpeechSession(lambda: client, library, AudioOutput(player_factory=_no_device))
    rendered = await session.render(_request(), transport="ws")
    progress = rendered.progress
    assert progress.transport == "SSE" and progress.fallback_reason
    assert rendered.take is not None and rendered.take.status == "complete"
    assert progress.first_byte_ms is not None and progress.bytes_received == rendered.take.bytes
    assert progress.no_audio is not None and "none in this test" in progress.no_audio
    assert np.isfinite(progress.arrived_s) and progress.arrived_s > 1  # the waveform saw the audio
