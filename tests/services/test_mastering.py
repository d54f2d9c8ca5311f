"""Mastering: a production made of the emulator's real speech, mastered to each preset and measured with
what the code does not use — pyloudnorm for loudness, SciPy's polyphase 4× resampler for true peak, NumPy for
ACX's RMS and room tone — on the encoded files as a listener's player decodes them (PyAV); tags and chapters
read back with mutagen and PyAV."""

from __future__ import annotations

import itertools
import math
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode
from mutagen.mp4 import MP4
from scipy.signal import resample_poly

from studio.audio.limiter import TruePeakLimiter
from studio.errors import StudioError
from studio.services.mastering.bed import MusicBed, bed_envelope
from studio.services.mastering.check import check_file
from studio.services.mastering.encode import Chapter
from studio.services.mastering.master import FileSource, master
from studio.services.mastering.presets import PRESETS, custom_preset
from studio.services.mastering.tags import Tags
from studio.services.production.episode import master_episode
from tests.services.test_production_assemble import line, make_take

COVER = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf"
                      "c0f01f0005000201e2d2b8f80000000049454e44ae426082")  # a 1×1 PNG


def read(path: Path) -> tuple[np.ndarray, int]:
    """(frames, channels) float64 and the rate, as a player decodes the file."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate, channels = stream.codec_context.sample_rate, stream.codec_context.channels
        resampler = av.AudioResampler(format="flt", layout="stereo" if channels == 2 else "mono", rate=rate)
        parts = [out.to_ndarray().reshape(-1, channels) for frame in [*container.decode(stream), None]
                 for out in resampler.resample(frame)]
    return np.concatenate(parts).astype(np.float64), rate


def true_peak_db(samples: np.ndarray) -> float:
    return 20 * math.log10(float(np.abs(resample_poly(samples, 4, 1, axis=0)).max()))


def db(value: float) -> float:
    return 20 * math.log10(value) if value > 0 else -math.inf


def sound_edges(samples: np.ndarray, rate: int) -> tuple[float, float]:
    """Seconds of near-silence (10 ms frames under −50 dBFS RMS) before the first and after the last sound."""
    frame = rate // 100
    count = len(samples) // frame
    level = np.sqrt(np.mean(samples[:count * frame].reshape(count, -1) ** 2, axis=1))
    loud = np.flatnonzero(level > 10 ** (-50 / 20))
    return loud[0] / 100, len(samples) / rate - (loud[-1] + 1) / 100


@pytest.fixture(scope="module")
def takes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("takes")


@pytest.fixture(scope="module")
def production(takes: Path) -> list:
    """Two chapters, two speakers, about 25 seconds: the emulator's speech as the API sends it (32 kHz mono)."""
    texts = [("HOST", 0, "Welcome back to the harbour, where the tide has turned early this morning."),
             ("GUEST", 0, "Thank you. The boats came in before dawn, and the gulls followed them home."),
             ("HOST", 0, "What did the fishermen say about the storm?"),
             ("GUEST", 1, "They said it would pass by noon. It did not. It stayed for three days."),
             ("HOST", 1, "And the harbour master closed the gates on the second night."),
             ("GUEST", 1, "He did, and nobody sailed until the wind dropped.")]
    return [line(n, [make_take(takes, text, "wav", speaker=speaker)], speaker=speaker, chapter=chapter,
                 paragraph=n, title=["Low tide", "The storm"][chapter])
            for n, (speaker, chapter, text) in enumerate(texts)]


@pytest.mark.parametrize(("key", "fmt"), [("podcast", "mp3"), ("podcast-mono", "mp3"), ("broadcast", "wav"),
                                          ("video", "m4a")])
def test_each_preset_lands_on_its_loudness_target_under_its_true_peak_ceiling(
        production: list, tmp_path: Path, key: str, fmt: str) -> None:
    preset = PRESETS[key]
    episode = master_episode(production, tmp_path / f"episode.{fmt}", preset, fmt)  # type: ignore[arg-type]
    (mastered,) = episode.files
    samples, rate = read(mastered.path)
    assert rate == preset.sample_rate and samples.shape[1] == preset.channels
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    assert loudness == pytest.approx(preset.target, abs=0.5)
    assert true_peak_db(samples) <= preset.ceiling_db
    # The report says the same as the independent meter, and passes.
    assert mastered.report.passed, mastered.report.as_text()
    assert mastered.report.loudness.integrated_lufs == pytest.approx(loudness, abs=0.2)


def test_the_acx_preset_makes_a_file_per_chapter_that_meets_every_line_of_the_spec(
        production: list, tmp_path: Path) -> None:
    preset = PRESETS["acx"]
    episode = master_episode(production, tmp_path / "book", preset, "mp3", per_chapter=True, subtitles=("srt",),
                             tags=Tags(title="Harbour", artist="Anna"))
    assert [f.path.name for f in episode.files] == ["01 - Low tide.mp3", "02 - The storm.mp3"]
    for number, mastered in enumerate(episode.files, start=1):
        samples, rate = read(mastered.path)
        assert rate == 44100 and samples.shape[1] == 1
        assert db(float(np.sqrt(np.mean(samples ** 2)))) == pytest.approx(-20.0, abs=0.5)  # inside −23…−18
        assert db(float(np.abs(samples).max())) <= -3.0
        head, tail = sound_edges(samples, rate)
        assert 0.5 <= head <= 1.0 and 1.0 <= tail <= 5.0
        info = MP3(str(mastered.path)).info
        assert info.bitrate_mode == BitrateMode.CBR and info.bitrate == pytest.approx(192000, rel=0.01)
        tag = ID3(str(mastered.path))
        assert str(tag["TIT2"]) == ["Low tide", "The storm"][number - 1] and str(tag["TALB"]) == "Harbour"
        assert str(tag["TRCK"]) == f"{number}/2"
        assert mastered.report.passed, mastered.report.as_text()
        assert check_file(mastered.path, preset).passed  # and checked again from the file alone
    # The subtitles follow the room tone put at the head: the first cue starts with the first sound.
    first_cue = (tmp_path / "book" / "01 - Low tide.srt").read_text().splitlines()[1].split(" --> ")[0]
    seconds = sum(float(part) * 60 ** n for n, part in enumerate(reversed(first_cue.replace(",", ".").split(":"))))
    head, _tail = sound_edges(read(episode.files[0].path)[0], 44100)
    assert seconds == pytest.approx(head, abs=0.1)


def test_chapters_and_tags_read_back_at_the_chapters_starts(production: list, tmp_path: Path) -> None:
    tags = Tags(title="Harbour Notes", artist="Anna", album="Season 1", year="2026", comment="Episode 3",
                cover=COVER)
    mp3 = master_episode(production, tmp_path / "episode.mp3", PRESETS["podcast"], "mp3", tags=tags).files[0]
    # Where the second chapter's first words are in the file: after the first chapter's 2 s pause.
    samples, rate = read(mp3.path)
    frame = rate // 100
    level = np.sqrt(np.mean(samples[:len(samples) // frame * frame, 0].reshape(-1, frame) ** 2, axis=1))
    quiet = level < level.max() * 0.01
    runs = np.flatnonzero(np.diff(quiet.astype(int)) == -1)  # silence → sound
    gaps = [(r - np.flatnonzero(~quiet[:r + 1])[-2] if np.flatnonzero(~quiet[:r + 1]).size > 1 else 0, r)
            for r in runs]
    second_start = max(gaps)[1] / 100  # the sound after the longest silence

    tag = ID3(str(mp3.path))
    assert (str(tag["TIT2"]), str(tag["TPE1"]), str(tag["TALB"]), str(tag["TDRC"])) == (
        "Harbour Notes", "Anna", "Season 1", "2026")
    assert tag.getall("COMM")[0].text == ["Episode 3"] and tag.getall("APIC")[0].data == COVER
    (toc,) = tag.getall("CTOC")
    chapters = [tag[f"CHAP:{element}"] for element in toc.child_element_ids]
    assert [str(c.sub_frames["TIT2"]) for c in chapters] == ["Low tide", "The storm"]
    assert chapters[0].start_time == 0
    assert chapters[1].start_time / 1000 == pytest.approx(second_start, abs=0.1)

    for fmt in ("m4b", "m4a"):  # an audiobook, and AAC for podcasts: both with their chapters
        mp4 = master_episode(production, tmp_path / f"episode.{fmt}", PRESETS["podcast"], fmt, tags=tags).files[0]
        with av.open(str(mp4.path)) as container:
            marks = container.chapters()
        assert [mark["metadata"]["title"] for mark in marks] == ["Low tide", "The storm"], fmt
        starts = [float(mark["start"] * mark["time_base"]) for mark in marks]
        assert starts[0] == 0 and starts[1] == pytest.approx(second_start, abs=0.1)
        atoms = MP4(str(mp4.path)).tags
        assert atoms is not None and atoms["\xa9nam"] == ["Harbour Notes"] and bytes(atoms["covr"][0]) == COVER


def test_a_peak_at_minus_0_1_dbfs_is_limited_without_pumping() -> None:
    rate = 44100
    t = np.arange(rate * 6) / rate
    tone = 0.25 * np.sin(2 * np.pi * 440 * t)  # −12 dBFS steady: the gain is read off its level
    bursts = np.zeros_like(t)  # five 10 ms bursts at −0.1 dBFS, 150 ms apart (syllable rate), from 2 s
    for n in range(5):
        start = int((2 + 0.15 * n) * rate)
        bursts[start:start + int(0.01 * rate)] = 0.74 * np.sin(2 * np.pi * 3000 * t[:int(0.01 * rate)])
    audio = (tone + bursts).astype(np.float32)[:, None]
    assert db(float(np.abs(audio).max())) == pytest.approx(-0.1, abs=0.05)
    limiter = TruePeakLimiter(rate, 1, -1.0)
    out = np.concatenate([limiter.process(audio[i:i + 4096]) for i in range(0, len(audio), 4096)]
                         + [limiter.flush()])
    assert len(out) == len(audio)
    assert true_peak_db(out) <= -1.0
    # The gain, 5 ms at a time, where only the tone sounds: divide out and compare the levels.
    window = rate // 200
    count = len(t) // window
    level = lambda x: np.sqrt(np.mean(x[:count * window, 0].reshape(count, window) ** 2, axis=1))  # noqa: E731
    gain_db = 20 * np.log10(level(out) / level(audio))
    times = np.arange(count) * window / rate
    calm = (times < 1.9) | (times > 3.5)
    assert np.abs(gain_db[calm]).max() < 0.05  # untouched away from the peaks
    during = (times > 2.0) & (times < 2.7)
    assert gain_db[during].min() < -0.5  # it did limit
    # No pumping: between the bursts the gain does not spring back; it comes back slowly after the last.
    assert gain_db[during].max() - gain_db[during].min() < 1.5
    after = (times > 2.7) & (times < 3.5)
    steps = np.diff(gain_db[after])
    assert steps.max() * 200 < 40  # dB/s: a slow release
    assert np.all(steps >= -0.01)  # and only upwards


def _mp3(path: Path, rate: int, *, vbr: bool, noise_db: float | None = None, level: float = 0.2) -> Path:
    """Speech-like audio encoded by LAME at `rate`, VBR or 192 kbps CBR, with hiss under it if asked."""
    rng = np.random.default_rng(4)
    seconds = 8
    t = np.arange(rate * seconds) / rate
    speech = level * np.sin(2 * np.pi * 220 * t) * (np.sin(2 * np.pi * 2 * t) > 0)
    speech[:int(0.7 * rate)] = 0
    speech[-int(2 * rate):] = 0
    if noise_db is not None:
        speech = speech + rng.normal(0, 10 ** (noise_db / 20), len(t))
    with av.open(str(path), "w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=rate, layout="mono")
        if vbr:
            stream.codec_context.qscale = 4
        else:
            stream.codec_context.bit_rate = 192000
        frame = av.AudioFrame.from_ndarray(speech.astype(np.float32).reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate, frame.pts = rate, 0
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return path


def test_the_acx_check_names_what_fails_and_why(tmp_path: Path) -> None:
    acx = PRESETS["acx"]
    vbr = check_file(_mp3(tmp_path / "vbr.mp3", 24000, vbr=True), acx)
    failed = {line.rule: line for line in vbr.failures}
    assert {"Sample rate", "Bit rate mode"} <= set(failed)
    assert failed["Sample rate"].measured == "24 kHz" and "44.1 kHz" in failed["Sample rate"].fix
    assert "constant bit rate" in failed["Bit rate mode"].fix
    noisy = check_file(_mp3(tmp_path / "noisy.mp3", 44100, vbr=False, noise_db=-50), acx)
    floor = next(line for line in noisy.lines if line.rule.startswith("Noise floor"))
    assert not floor.passed and float(floor.measured.split()[0]) == pytest.approx(-50, abs=1.5)
    assert "Sample rate" not in {line.rule for line in noisy.failures}
    # Mastering can't take hiss away: the noisy file mastered still fails the noise floor, and only it.
    noisy_master = master(FileSource(tmp_path / "noisy.mp3"), tmp_path / "noisy-acx.mp3", acx, "mp3")
    assert [line.rule for line in noisy_master.report.failures] == ["Noise floor (quietest 0.5 s)"]
    # A quiet clean file fails the level; mastered with the preset it passes every line.
    quiet = _mp3(tmp_path / "quiet.mp3", 44100, vbr=False, level=0.03)
    assert [line.rule for line in check_file(quiet, acx).failures] == ["RMS level"]
    clean = master(FileSource(quiet), tmp_path / "quiet-acx.mp3", acx, "mp3")
    assert clean.report.passed, clean.report.as_text()


def test_bad_requests_are_refused_before_any_work(tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    with av.open(str(silent), "w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=44100, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 44100), np.int16), format="s16", layout="mono")
        frame.sample_rate, frame.pts = 44100, 0
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    with pytest.raises(StudioError, match="silent"):
        master(FileSource(silent), tmp_path / "out.mp3", PRESETS["podcast"], "mp3")
    with pytest.raises(StudioError, match=r"should end in \.mp3"):
        master(FileSource(silent), tmp_path / "out.wav", PRESETS["podcast"], "mp3")
    with pytest.raises(ValueError, match="outside −40…−5 LUFS"):
        custom_preset(-3)
    assert not list(tmp_path.glob("out*"))


class _Speechlike:
    """`seconds` of syllable-shaped noise made on the fly: a long programme without a long file."""

    sample_rate, channels = 44100, 1

    def __init__(self, seconds: int) -> None:
        self.duration_s = float(seconds)

    def blocks(self) -> Iterator[np.ndarray]:
        rng = np.random.default_rng(7)
        for second in range(int(self.duration_s)):
            envelope = np.abs(np.sin(np.pi * 3 * (second + np.arange(self.sample_rate) / self.sample_rate)))
            yield (0.1 * rng.standard_normal(self.sample_rate) * envelope).astype(np.float32)[:, None]


def test_memory_stays_flat_in_the_programme_s_length(tmp_path: Path) -> None:
    preset = custom_preset(-18, sample_rate=44100, channels=1)
    peaks = []
    for seconds in (90, 600):  # both past the ~36 s of excerpts the limiter's loss is foreseen on
        tracemalloc.start()
        try:
            master(_Speechlike(seconds), tmp_path / f"long{seconds}.flac", preset, "flac")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.1 + 512 * 1024, peaks  # 6.7 times the audio, not the memory


def test_a_cancelled_master_leaves_no_file(production: list, tmp_path: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel(stage: str, fraction: float) -> None:
        if stage == "mastering" and fraction > 0.5:
            raise Cancelled

    source = FileSource(master_episode(production, tmp_path / "raw.wav", PRESETS["broadcast"], "wav").files[0].path)
    with pytest.raises(Cancelled):
        master(source, tmp_path / "out.mp3", PRESETS["podcast"], "mp3", on_progress=cancel,
               chapters=[Chapter("One", 0, 1)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw.wav"]


def test_progress_never_goes_back_when_the_check_asks_for_another_write(tmp_path: Path) -> None:
    """A 21 kHz whistle mastered to MP3: LAME's low-pass takes most of it off, so the check finds the level far
    under the target and the master writes again (deterministic: the same encoder, the same samples)."""
    rate = 44100
    whistle = 0.3 * np.sin(2 * np.pi * 21000 * np.arange(rate * 6) / rate + 0.3)
    seen: list[tuple[str, float]] = []
    mastered = master(FileSource(_wav(tmp_path / "whistle.wav", whistle)), tmp_path / "whistle.mp3",
                      PRESETS["podcast-mono"], "mp3",
                      on_progress=lambda stage, fraction: seen.append((stage, fraction)))
    assert mastered.writes >= 2  # the case under test: a second write happened
    fractions = [fraction for _stage, fraction in seen]
    assert all(later >= earlier for earlier, later in itertools.pairwise(fractions)), seen
    assert seen[-1] == ("done", 1.0) and all(0.0 <= f <= 1.0 for f in fractions)
    stages = list(dict.fromkeys(stage for stage, _fraction in seen))
    assert stages[:3] == ["measuring", "mastering", "checking"]
    assert "mastering again" in stages and "checking again" in stages
    # The first write and what comes before it move the bar most of the way.
    assert max(f for stage, f in seen if stage == "checking") == pytest.approx(0.9)


def _wav(path: Path, samples: np.ndarray, rate: int = 44100) -> Path:
    with av.open(str(path), "w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=rate, layout="mono")
        pcm = np.round(np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate, frame.pts = rate, 0
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    return path


def test_the_bed_ducks_under_speech_by_its_depth_and_comes_back_within_its_release(tmp_path: Path) -> None:
    rate = 44100
    t = np.arange(rate * 8) / rate
    # The voice: a 1 kHz tone from 1 to 1.9 s and 2.2 to 3 s (a 0.3 s pause inside: shorter than the hold),
    # then from 5 to 7 s (a 2 s pause before it: the bed comes back up).
    speaking = ((t >= 1) & (t < 1.9)) | ((t >= 2.2) & (t < 3)) | ((t >= 5) & (t < 7))
    voice = _wav(tmp_path / "voice.wav", 0.3 * np.sin(2 * np.pi * 1000 * t) * speaking)
    music = _wav(tmp_path / "music.wav", 0.3 * np.sin(2 * np.pi * 150 * t[:rate * 5]))  # 5 s: it loops
    bed = MusicBed(music, intro_s=3, outro_s=3, duck_db=14, attack_s=0.4, release_s=1.0, hold_s=0.8,
                   fade_in_s=0.5, fade_out_s=0.5)
    mastered = master(FileSource(voice), tmp_path / "mix.wav", custom_preset(-20, channels=1), "wav", bed=bed,
                      chapters=[Chapter("One", 0, 8)])
    mix, out_rate = read(mastered.path)
    assert out_rate == rate and len(mix) == pytest.approx(14 * rate, abs=rate * 0.05)  # intro + 8 s + outro
    assert mastered.offset_s == pytest.approx(3.0)
    # The bed's level, 40 ms at a time: the mix projected on 150 Hz (6 periods of it, 40 of the voice's 1 kHz).
    window = int(0.04 * rate)
    count = len(mix) // window
    chunks = mix[:count * window, 0].reshape(count, window)
    phase = 2 * np.pi * 150 * np.arange(window) / rate
    level = 20 * np.log10(np.hypot(chunks @ np.sin(phase), chunks @ np.cos(phase)) * 2 / window + 1e-12)
    at = lambda seconds: level[int(seconds / 0.04)]  # noqa: E731
    alone = float(np.median([at(s) for s in np.arange(1.0, 2.6, 0.04)]))  # the intro
    spoken = [at(s) for s in np.arange(4.05, 5.95, 0.04)]  # the voice's 1–3 s, the short pause included
    assert max(spoken) <= alone - 14 + 0.5
    assert at(3.9) <= alone - 8  # going down before the first word: the look-ahead
    assert at(6.0 + 1.0 + 0.06) >= alone - 1.0  # back within the release after the words stop
    assert at(7.5) >= alone - 0.5  # and stays up through the long pause
    assert max(at(s) for s in np.arange(8.1, 9.9, 0.04)) <= alone - 14 + 0.5  # down again for 5–7 s
    outro = [at(s) for s in np.arange(11.2, 13.4, 0.04)]
    assert min(outro) >= alone - 1.0  # the outro, before its fade
    assert at(13.96) < alone - 20  # faded out at the end
    # The chapter mark and the report follow the intro: the voice's 0 s is the file's 3 s.
    assert mastered.report.passed, mastered.report.as_text()


def test_a_short_pause_keeps_the_bed_down_also_when_the_voice_starts_at_once() -> None:
    # Speech from the first frame (no intro): 1 s, a 0.3 s pause (shorter than the 0.8 s hold), 1 s.
    sounding = np.r_[np.ones(100, bool), np.zeros(30, bool), np.ones(100, bool)]
    bed = MusicBed(Path("music.wav"), intro_s=0, outro_s=0, duck_db=14, attack_s=0.4, release_s=1.0, hold_s=0.8,
                   fade_in_s=0, fade_out_s=0)
    envelope = bed_envelope(bed, sounding, 2.3)
    assert envelope[100:130].max() <= -14 + 0.01  # held down through the pause, not half back up


def test_an_m4b_with_more_chapters_than_players_list_says_so(tmp_path: Path) -> None:
    source = _Speechlike(30)
    marks = [Chapter(f"Part {n}", n * 0.1, (n + 1) * 0.1) for n in range(256)]
    mastered = master(source, tmp_path / "book.m4b", custom_preset(-18, channels=1), "m4b", chapters=marks)
    assert mastered.warnings == ("256 chapters: some players list only the first 255",)
    with av.open(str(mastered.path)) as container:
        assert len(container.chapters()) == 256
