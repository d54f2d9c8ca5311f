"""The audio callback driven by a fake stream: what the device would be handed, block by block."""

from __future__ import annotations

import asyncio
import tracemalloc
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from studio.audio.playback import Playback
from studio.audio.player import AudioDeviceError, Player, PlayerState

BLOCK = 256
STATUS = SimpleNamespace(output_underflow=False)
TIME = SimpleNamespace(outputBufferDacTime=0.01, currentTime=0.0)


class FakeStream:
    def __init__(self, **kwargs: Any) -> None:
        self.callback = kwargs["callback"]
        self.channels = kwargs["channels"]
        self.latency = 0.005
        self.active = False
        self.out = np.zeros((BLOCK, self.channels), np.float32)

    def start(self) -> None:
        self.active = True

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        pass

    def block(self) -> np.ndarray:
        self.out.fill(np.nan)  # whatever the callback does not write would be heard as garbage
        self.callback(self.out, BLOCK, TIME, STATUS)
        return self.out.copy()


@pytest.fixture
async def player() -> Any:
    p = Player(samplerate=8000, channels=2, ring_seconds=1.0, stream_factory=FakeStream)
    yield p
    p.close()


def _const(value: float, frames: int) -> np.ndarray:
    return np.full((frames, 2), value, np.float32)


async def test_silence_until_the_prebuffer_fills_then_audio_from_the_next_block(player: Player) -> None:
    take = player.begin_take(prebuffer_s=0.1)  # 800 frames
    stream: FakeStream = player._stream
    player.write(_const(0.5, 500), take)
    assert np.all(stream.block() == 0)
    assert player.state() is PlayerState.BUFFERING
    player.write(_const(0.5, 500), take)
    assert np.all(stream.block() == 0.5)
    assert player.take_stats(take)["first_frame_at"] is not None


async def test_underrun_is_silence_counted_once_and_the_end_of_a_take_is_not_an_underrun(player: Player) -> None:
    take = player.begin_take(prebuffer_s=0.01)
    stream: FakeStream = player._stream
    player.write(_const(0.5, 300), take)
    first = stream.block()
    assert np.all(first == 0.5)
    second = stream.block()  # 44 frames left, then nothing
    assert np.all(second[:44] == 0.5) and np.all(second[44:] == 0)
    stream.block()
    assert player.take_stats(take)["underruns"] == 1  # waiting for the prebuffer again, not counting each block
    player.write(_const(0.5, 300), take)
    player.end_take(take)
    stream.block()
    tail = stream.block()
    assert np.all(tail[:44] == 0.5) and np.all(tail[44:] == 0)
    assert player.take_stats(take) | {"first_frame_at": None} == \
        {"first_frame_at": None, "dac_delay_s": 0.01, "underruns": 1, "finished": True}


async def test_stop_is_silent_from_the_next_block_and_a_new_take_never_plays_the_old_one(player: Player) -> None:
    take = player.begin_take(prebuffer_s=0.01)
    stream: FakeStream = player._stream
    player.write(_const(0.5, 4000), take)
    assert np.all(stream.block() == 0.5)
    player.stop()
    assert np.all(stream.block() == 0)
    assert player.write(_const(0.5, 100), take) == 100  # a late writer of the old take is ignored...
    assert np.all(stream.block() == 0)  # ...and not heard
    new = player.begin_take(prebuffer_s=0.01)
    player.write(_const(-0.25, 1000), new)
    assert np.all(stream.block() == -0.25)


async def test_a_new_take_replaces_the_playing_one_on_the_next_block(player: Player) -> None:
    old = player.begin_take(prebuffer_s=0.01)
    stream: FakeStream = player._stream
    player.write(_const(0.5, 4000), old)
    stream.block()
    new = player.begin_take(prebuffer_s=0.01)
    player.write(_const(-0.25, 4000), new)
    assert np.all(stream.block() == -0.25)


async def test_pause_holds_the_position_and_volume_scales(player: Player) -> None:
    take = player.begin_take(prebuffer_s=0.01)
    stream: FakeStream = player._stream
    player.write(_const(0.5, 2000), take)
    stream.block()
    player.pause()
    assert np.all(stream.block() == 0) and player.position_frames() == BLOCK
    assert player.state() is PlayerState.PAUSED
    player.resume()
    player.volume = 0.5
    assert np.all(stream.block() == 0.25)


async def test_the_callback_allocates_no_audio_sized_memory(player: Player) -> None:
    take = player.begin_take(prebuffer_s=0.01)
    stream: FakeStream = player._stream
    out = stream.out
    player.write(_const(0.5, 7000), take)
    player.volume = 0.8
    stream.callback(out, BLOCK, TIME, STATUS)  # warm up
    tracemalloc.start()
    for _ in range(20):
        stream.callback(out, BLOCK, TIME, STATUS)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < BLOCK * 2 * 4 / 2  # less than half a block of float32: only small Python objects


async def test_listeners_hear_state_and_position_on_the_asyncio_loop(player: Player) -> None:
    import asyncio

    events = []
    player.add_listener(events.append)
    take = player.begin_take(prebuffer_s=0.01)
    player.write(_const(0.5, 2000), take)
    player._stream.block()
    for _ in range(50):
        await asyncio.sleep(0.01)
        if any(e.state is PlayerState.PLAYING for e in events):
            break
    assert any(e.state is PlayerState.PLAYING and e.position_s == BLOCK / 8000 for e in events)


async def test_a_device_that_disappears_mid_take_is_a_clear_error_and_the_next_take_reopens_it() -> None:
    streams: list[FakeStream] = []

    def unpluggable(**kwargs: Any) -> FakeStream:
        stream = FakeStream(**kwargs)
        stream.unplug = kwargs["finished_callback"]  # type: ignore[attr-defined]
        streams.append(stream)
        return stream

    player = Player(samplerate=8000, channels=1, ring_seconds=0.5, stream_factory=unpluggable)
    t = np.arange(8000 * 2) / 8000
    pcm = (np.sin(2 * np.pi * 440 * t) * 10000).astype("<i2").tobytes()

    async def arriving() -> Any:
        for start in range(0, len(pcm), 1600):
            if start == 3200:  # 0.2 s in: PortAudio reports the stream finished, as when a headset is pulled
                streams[-1].active = False
                streams[-1].unplug()  # type: ignore[attr-defined]
            yield pcm[start:start + 1600]
            await asyncio.sleep(0)

    playback = Playback(player, "pcm", sample_rate=8000, channels=1)
    try:
        with pytest.raises(AudioDeviceError, match="unplugged"):
            await asyncio.wait_for(playback.play(arriving()), timeout=10)
        player.begin_take()  # the next take opens the output again instead of failing forever
        assert len(streams) == 2 and player.error is None
    finally:
        player.close()
