"""The emulator's generated media, checked the way a listener/viewer would notice problems."""

from __future__ import annotations

import io
import itertools
import struct

import av
import numpy as np
import pytest

from studio.emulator.encode import encode_audio, encode_stream
from studio.emulator.media import make_mp4, make_music, make_png
from studio.emulator.speech import _fallback_speech, _synth_part, render_speech
from studio.emulator.voices import system_voices, voice_profile

SENTENCE = "The quick brown fox jumps over the lazy dog, and the studio keeps on talking."


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def longest_silence(x: np.ndarray, sr: int, threshold: float = 1e-3) -> float:
    quiet = np.concatenate([[False], np.abs(x) < threshold, [False]])
    edges = np.flatnonzero(np.diff(quiet.astype(np.int8)))
    runs = edges[1::2] - edges[::2]
    return float(runs.max()) / sr if len(runs) else 0.0


def band_fractions(x: np.ndarray, sr: int, bands: list[tuple[float, float]]) -> np.ndarray:
    power = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / sr)
    total = power.sum()
    return np.array([power[(freqs >= lo) & (freqs < hi)].sum() / total for lo, hi in bands])


def pitch_hz(x: np.ndarray, sr: int) -> float:
    """Median autocorrelation F0 over the loudest 40 ms frames."""
    frame = int(0.04 * sr)
    frames = x[: len(x) // frame * frame].reshape(-1, frame)
    loud = frames[np.argsort((frames**2).sum(axis=1))[-20:]]
    estimates = []
    for f in loud:
        f = f - f.mean()
        ac = np.correlate(f, f, "full")[frame - 1 :]
        lo, hi = int(sr / 400), int(sr / 60)
        estimates.append(sr / (lo + int(np.argmax(ac[lo:hi]))))
    return float(np.median(estimates))


# ---------------------------------------------------------------- voices


def test_catalogue_is_large_realistic_and_filterable() -> None:
    voices = system_voices()
    ids = [v.voice_id for v in voices]
    assert len(voices) >= 300 and len(set(ids)) == len(ids)
    for expected in (
        "male-qn-qingse",
        "female-shaonv",
        "audiobook_male_1",
        "presenter_female",
        "Santa_Claus",
        "English_expressive_narrator",
        "Chinese (Mandarin)_News_Anchor",
        "Japanese_GentleButler",
    ):
        assert expected in ids
    assert sum(i.startswith("moss_audio_") for i in ids) >= 3
    assert len({i.split("_")[0] for i in ids if "_" in i}) >= 30
    tags = {t for v in voices for t in v.description}
    assert {"male", "female", "young", "middle-aged", "elderly", "news", "narration", "calm"} <= tags
    anchor = next(v for v in voices if v.voice_id == "Chinese (Mandarin)_News_Anchor")
    assert anchor.voice_name == "News Anchor (Female)" and anchor.profile.language == "cmn"
    assert system_voices() == voices


def test_unknown_voice_ids_get_a_stable_profile() -> None:
    assert voice_profile("my-cloned-voice-01") == voice_profile("my-cloned-voice-01")
    profiles = {voice_profile(f"ttv-voice-{i}") for i in range(8)}
    assert len(profiles) > 4


# ---------------------------------------------------------------- speech


def test_speech_is_audible_deterministic_and_scales_with_text() -> None:
    short = render_speech("Hello there.", "English_Graceful_Lady")
    long = render_speech(SENTENCE * 2, "English_Graceful_Lady")
    assert short.dtype == np.float32 and short.ndim == 2 and short.shape[1] == 1
    assert rms(long) > 0.03 and np.abs(long).max() <= 1.0
    assert len(long) > 4 * len(short)
    assert np.array_equal(long, render_speech(SENTENCE * 2, "English_Graceful_Lady"))


def test_speech_does_not_depend_on_what_was_spoken_before() -> None:
    _synth_part.cache_clear()
    first = render_speech(SENTENCE, "English_Trustworth_Man")
    render_speech("Something else entirely, with a question?", "female-yujie", emotion="whisper")
    _synth_part.cache_clear()
    assert np.array_equal(first, render_speech(SENTENCE, "English_Trustworth_Man"))


def test_speed_changes_duration() -> None:
    normal = len(render_speech(SENTENCE, "English_Trustworth_Man"))
    fast = len(render_speech(SENTENCE, "English_Trustworth_Man", speed=2.0))
    slow = len(render_speech(SENTENCE, "English_Trustworth_Man", speed=0.5))
    assert fast < 0.65 * normal and slow > 1.6 * normal


def test_volume_and_pitch_controls() -> None:
    base = render_speech(SENTENCE, "presenter_male")[:, 0]
    assert rms(render_speech(SENTENCE, "presenter_male", vol=0.3)) < 0.4 * rms(base)
    assert rms(render_speech(SENTENCE, "presenter_male", vol=3.0)) > 1.8 * rms(base)
    up = render_speech(SENTENCE, "presenter_male", pitch=7)[:, 0]
    down = render_speech(SENTENCE, "presenter_male", pitch=-7)[:, 0]
    assert pitch_hz(up, 32000) > 1.2 * pitch_hz(base, 32000) > 1.44 * pitch_hz(down, 32000)


def test_pause_marker_inserts_exact_silence() -> None:
    plain = render_speech("Hello there. And again.", "female-shaonv")[:, 0]
    paused = render_speech("Hello there. <#1.5#> And again.", "female-shaonv")[:, 0]
    assert longest_silence(paused, 32000) >= 1.4
    assert longest_silence(plain, 32000) < 0.6
    before = render_speech("Hello there.", "female-shaonv")
    after = render_speech("And again.", "female-shaonv")
    assert len(paused) == len(before) + 48000 + len(after)
    assert not paused[len(before) : len(before) + 48000].any()


def test_interjection_tags_are_not_read_aloud() -> None:
    sr = 32000
    hello = render_speech("Hello", "English_Graceful_Lady", sample_rate=sr)
    world = render_speech("world", "English_Graceful_Lady", sample_rate=sr)
    both = render_speech("Hello (laughs) world", "English_Graceful_Lady", sample_rate=sr)
    assert np.array_equal(both[: len(hello)], hello)  # "Hello" is spoken on its own, tag excluded
    laugh = both[len(hello) : len(both) - len(world)]
    assert 0.3 * sr < len(laugh) < 1.0 * sr and rms(laugh) > 0.01


def test_voices_sound_different() -> None:
    male = render_speech(SENTENCE, "audiobook_male_1")[:, 0]
    female = render_speech(SENTENCE, "audiobook_female_1")[:, 0]
    assert pitch_hz(female, 32000) > 1.3 * pitch_hz(male, 32000)
    english = render_speech(SENTENCE, "English_Graceful_Lady")[:, 0]
    japanese = render_speech(SENTENCE, "Japanese_KindLady")[:, 0]
    assert len(english) != len(japanese) or not np.allclose(english, japanese)


def test_sample_rate_and_channels() -> None:
    mono = render_speech(SENTENCE, "English_radiant_girl", sample_rate=32000)
    for sr in (8000, 16000, 22050, 24000, 44100):
        stereo = render_speech(SENTENCE, "English_radiant_girl", sample_rate=sr, channels=2)
        assert stereo.shape[1] == 2 and np.array_equal(stereo[:, 0], stereo[:, 1])
        assert len(stereo) / sr == pytest.approx(len(mono) / 32000, rel=0.01)


def test_fallback_synth_is_speech_like() -> None:
    short = _fallback_speech("Hello there.", "en-us+f2", 170, 50)
    long = _fallback_speech(SENTENCE, "en-us+m3", 170, 50)
    assert len(long) > 2 * len(short) and rms(long) > 0.03
    spectrum = np.abs(np.fft.rfft(long)) ** 2
    top = np.sort(spectrum)[::-1]
    assert top[:5].sum() < 0.5 * spectrum.sum()  # rich harmonics and formants, not a pure tone


MODIFIERS: dict[str, dict] = {
    "neutral": {},
    "deepen": {"pitch": -100},
    "brighten": {"pitch": 100},
    "stronger": {"intensity": -100},
    "softer": {"intensity": 100},
    "nasal": {"timbre": -100},
    "crisp": {"timbre": 100},
    "spacious_echo": {"sound_effects": "spacious_echo"},
    "auditorium_echo": {"sound_effects": "auditorium_echo"},
    "lofi_telephone": {"sound_effects": "lofi_telephone"},
    "robotic": {"sound_effects": "robotic"},
}


def test_voice_modify_settings_are_distinct_and_directional() -> None:
    sr = 32000
    out = {
        name: render_speech(SENTENCE, "English_Graceful_Lady", voice_modify=vm or None)[:, 0]
        for name, vm in MODIFIERS.items()
    }
    speech_len = len(out["neutral"])
    edges = np.geomspace(60, 15000, 17)
    bands = list(itertools.pairwise(edges))

    def features(x: np.ndarray) -> np.ndarray:
        body = x[:speech_len]
        spectrum = np.log10(band_fractions(body, sr, bands) + 1e-9)
        return np.concatenate([spectrum, [np.log10(rms(body)) * 4, len(x) / sr]])

    feats = {name: features(x) for name, x in out.items()}
    for a, b in itertools.combinations(feats, 2):
        assert np.abs(feats[a] - feats[b]).sum() > 1.0, (a, b)

    low, mid, presence = (60, 300), (700, 1500), (3000, 8000)
    frac = {name: band_fractions(x[:speech_len], sr, [low, mid, presence]) for name, x in out.items()}
    assert frac["deepen"][0] > 1.5 * frac["neutral"][0] > 2 * frac["brighten"][0]
    assert frac["brighten"][2] > 2 * frac["neutral"][2] > 4 * frac["deepen"][2]
    assert frac["nasal"][1] > 1.5 * frac["neutral"][1]
    assert frac["crisp"][2] > 2 * frac["neutral"][2]
    assert rms(out["stronger"]) > 1.4 * rms(out["neutral"]) > 2 * rms(out["softer"])
    # Reverbs add a tail; the auditorium's is longer and denser.
    tail = {name: out[name][speech_len:] for name in ("spacious_echo", "auditorium_echo")}
    assert 0.3 * sr < len(tail["spacious_echo"]) < len(tail["auditorium_echo"])
    assert rms(tail["auditorium_echo"][sr // 2 :]) > rms(tail["spacious_echo"][sr // 2 :])
    phone = band_fractions(out["lofi_telephone"], sr, [(0, 250), (4500, 16000)])
    clean = band_fractions(out["neutral"], sr, [(0, 250), (4500, 16000)])
    assert phone[0] < 0.2 * clean[0]
    # Ring modulation moves energy away from the voice's own harmonics.
    assert np.abs(feats["robotic"][:16] - feats["neutral"][:16]).sum() > 2.0


# ---------------------------------------------------------------- encoding


def decode(data: bytes, fmt: str, sample_rate: int, channels: int) -> tuple[int, int, int]:
    """(frames, rate, channels) as a player would decode them."""
    if fmt == "pcm":
        return len(data) // (2 * channels), sample_rate, channels
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        frames = sum(f.samples for f in container.decode(stream))
        return frames, stream.codec_context.sample_rate, stream.codec_context.channels


ENCODE_CASES = [
    ("mp3", 8000, 1, 32000),
    ("mp3", 16000, 2, 64000),
    ("mp3", 24000, 1, 256000),
    ("mp3", 32000, 2, 128000),
    ("mp3", 44100, 2, 256000),
    ("mp3", 22050, 1, 128000),
    ("flac", 22050, 2, 128000),
    ("flac", 44100, 1, 128000),
    ("flac", 8000, 2, 128000),
    ("pcm", 16000, 2, 128000),
    ("pcm", 24000, 1, 128000),
    ("wav", 32000, 1, 128000),
    ("wav", 44100, 2, 128000),
]


@pytest.mark.parametrize(("fmt", "sr", "channels", "bitrate"), ENCODE_CASES)
def test_encode_round_trip(fmt: str, sr: int, channels: int, bitrate: int) -> None:
    seconds = 2.5
    t = np.arange(int(sr * seconds)) / sr
    tone = (0.4 * np.sin(2 * np.pi * 330 * t) * np.sin(np.pi * t / seconds)).astype(np.float32)
    samples = np.repeat(tone[:, None], channels, axis=1)
    data = encode_audio(samples, sr, fmt, bitrate)
    assert data == encode_audio(samples, sr, fmt, bitrate)
    frames, rate, chans = decode(data, fmt, sr, channels)
    assert (rate, chans) == (sr, channels)
    assert frames / sr == pytest.approx(seconds, rel=0.02)
    if fmt == "wav":
        return
    chunks = list(encode_stream(samples, sr, fmt, bitrate, chunk_seconds=0.25))
    assert b"".join(c for c, _ in chunks) == data
    assert len(chunks) >= 6
    assert sum(s for _, s in chunks) == pytest.approx(seconds, rel=0.02)
    assert all(s < 0.6 for _, s in chunks)
    if fmt == "flac":
        assert chunks[0][0].startswith(b"fLaC")
    if fmt == "mp3":  # every chunk starts on an MP3 frame sync word
        assert all(c[0] == 0xFF and c[1] & 0xE0 == 0xE0 for c, _ in chunks)


def test_long_speech_to_mp3_keeps_every_sample() -> None:
    text = " ".join([SENTENCE] * 6)  # ~30 s of speech
    samples = render_speech(text, "English_expressive_narrator")
    assert len(samples) / 32000 > 20
    data = encode_audio(samples, 32000, "mp3")
    assert decode(data, "mp3", 32000, 1)[0] == len(samples)


# ---------------------------------------------------------------- images and video


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_has_exact_size_and_follows_prompt() -> None:
    data = make_png(1280, 720, "a sunset over the ocean", seed=42)
    assert png_size(data) == (1280, 720)
    with av.open(io.BytesIO(data)) as container:
        frame = next(container.decode(video=0))
    pixels = frame.to_ndarray(format="rgb24")
    assert pixels.shape == (720, 1280, 3) and pixels.std() > 20
    assert data == make_png(1280, 720, "a sunset over the ocean", seed=42)
    others = {
        make_png(64, 48, "a sunset over the ocean", 42, 1),
        make_png(64, 48, "forest", 42),
        make_png(64, 48, "a sunset over the ocean", 43),
        make_png(64, 48, "a sunset over the ocean", 42),
    }
    assert len(others) == 4


def test_largest_png_has_its_size() -> None:
    assert png_size(make_png(2048, 2048, "mountains at night", seed=7)) == (2048, 2048)


def test_mp4_has_exact_size_duration_and_motion() -> None:
    data = make_mp4(1366, 768, 6.0, "ocean waves at dawn [Pan left]", seed=3)
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264" and not container.streams.audio
        frames = [f.to_ndarray(format="gray") for f in container.decode(stream)]
    assert (frames[0].shape[1], frames[0].shape[0]) == (1366, 768)
    assert abs(len(frames) - 144) <= 1
    assert np.abs(frames[0].astype(int) - frames[-1].astype(int)).mean() > 3


def test_mp4_zoom_and_short_clip() -> None:
    data = make_mp4(640, 360, 2.0, "[Zoom in] a forest", seed=1, fps=25)
    assert data == make_mp4(640, 360, 2.0, "[Zoom in] a forest", seed=1, fps=25)
    with av.open(io.BytesIO(data)) as container:
        frames = [f.to_ndarray(format="gray") for f in container.decode(video=0)]
    assert len(frames) == 50 and frames[0].shape == (360, 640)


# ---------------------------------------------------------------- music

LYRICS = """[Verse]
Walking down the empty street tonight
City lights are shining oh so bright
[Chorus]
We are the dreamers of the night
Hold on, hold on, we'll be alright"""


def test_music_is_stereo_of_requested_length() -> None:
    song = make_music("upbeat synth pop", LYRICS, duration_s=30.0, seed=5)
    assert song.shape == (30 * 44100, 2) and song.dtype == np.float32
    assert rms(song) > 0.05 and np.abs(song).max() <= 1.0
    assert not np.array_equal(song[:, 0], song[:, 1])
    assert np.array_equal(song, make_music("upbeat synth pop", LYRICS, duration_s=30.0, seed=5))


def test_music_follows_sections_and_vocals() -> None:
    sr = 24000
    song = make_music("calm piano ballad", LYRICS, sample_rate=sr, duration_s=20.0, seed=2)
    instrumental = make_music("calm piano ballad", LYRICS, sample_rate=sr, duration_s=20.0, seed=2, instrumental=True)
    verse, chorus = song[int(2 * sr) : int(8 * sr)], song[int(11 * sr) : int(17 * sr)]
    assert rms(chorus) > 1.15 * rms(verse)
    voice_band = [(250, 2500)]
    assert band_fractions(song[:, 0], sr, voice_band)[0] > band_fractions(instrumental[:, 0], sr, voice_band)[0]
    mono = make_music("lofi", None, channels=1, duration_s=5.0, sample_rate=16000, instrumental=True)
    assert mono.shape == (80000, 1) and rms(mono) > 0.05
