"""The ring between the network side and the audio callback: nothing lost, doubled or stale."""

from __future__ import annotations

import threading

import numpy as np

from studio.audio.ringbuffer import RingBuffer


def _ramp(start: int, n: int) -> np.ndarray:
    return np.arange(start, start + n, dtype=np.float32).reshape(-1, 1)


def test_audio_comes_out_in_order_across_the_wrap_and_a_full_ring_pushes_back() -> None:
    ring = RingBuffer(100, 1)
    out = np.zeros((64, 1), np.float32)
    assert ring.write(_ramp(0, 70)) == 70
    assert ring.read_into(out, 64) == 64
    assert ring.write(_ramp(70, 200)) == 94  # only what fits: the rest waits (backpressure)
    got = [out[:64, 0].copy()]
    while (n := ring.read_into(out, 64)):
        got.append(out[:n, 0].copy())
    np.testing.assert_array_equal(np.concatenate(got), np.arange(164))


def test_after_a_flush_the_reader_never_hears_the_old_audio() -> None:
    ring = RingBuffer(1000, 2)
    ring.write(np.ones((800, 2), np.float32))
    ring.flush()
    ring.write(np.full((100, 2), 2.0, np.float32))
    out = np.zeros((1000, 2), np.float32)
    n = ring.read_into(out, 1000)
    assert n == 100 and np.all(out[:n] == 2.0)


def test_threaded_producer_and_consumer_keep_every_frame_exactly_once() -> None:
    ring = RingBuffer(512, 1)
    total = 200_000
    received = np.zeros(total, np.float32)
    done = threading.Event()

    def consume() -> None:
        out = np.zeros((97, 1), np.float32)
        pos = 0
        while pos < total:
            n = ring.read_into(out, 97)
            received[pos : pos + n] = out[:n, 0]
            pos += n
        done.set()

    reader = threading.Thread(target=consume)
    reader.start()
    data = _ramp(0, total)
    while len(data):
        data = data[ring.write(data[:300]) :]
    assert done.wait(10)
    reader.join()
    np.testing.assert_array_equal(received, np.arange(total, dtype=np.float32))
