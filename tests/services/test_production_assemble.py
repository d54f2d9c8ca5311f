"""Assembly: real takes made by the emulator's speech synthesis (and over loopback, with its subtitle files),
placed with the gap rules, written to WAV/FLAC/MP3 and read back by PyAV; subtitles checked against speech
measured on the exported file by a method of this file's own (RMS over 10 ms frames)."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import tracemalloc
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import AudioSetting, SubtitleItem, T2ARequest, VoiceSetting, parse_subtitles
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.encode import encode_audio
from studio.emulator.speech import render_speech
from studio.services.production.assemble import (
    GapRules,
    TimelineLine,
    UnitTake,
    build_timeline,
    widened,
    write_timeline,
)
from studio.services.production.importers import import_script
from studio.services.production.script import parse_script
from studio.services.production.subtitles import spoken_text, srt_text, vtt_text
from tests.audio_utils import decode

RATE = 32000
VOICES = {"HOST": "English_expressive_narrator", "GUEST": "male-qn-qingse", "NARRATOR": "English_Wiselady"}
RULES = GapRules()


def make_take(folder: Path, text: str, fmt: str, *, speaker: str = "HOST", lead_s: float = 0.3,
              tail_s: float = 0.6, rate: int = RATE, gain: float = 1.0, noise_db: float | None = None) -> UnitTake:
    """A take as the API would send it: the emulator's speech with silence around it, encoded as `fmt`."""
    speech = render_speech(text, VOICES[speaker], sample_rate=rate) * gain
    audio = np.concatenate([np.zeros((round(lead_s * rate), 1), np.float32), speech,
                            np.zeros((round(tail_s * rate), 1), np.float32)])
    if noise_db is not None:  # a room's hiss under everything
        audio = audio + np.random.default_rng(1).normal(0, 10 ** (noise_db / 20), audio.shape).astype(np.float32)
    name = hashlib.sha256(f"{text}|{speaker}|{fmt}|{rate}|{gain}|{noise_db}".encode()).hexdigest()[:16]
    path = folder / f"{name}.{fmt}"
    path.write_bytes(encode_audio(audio, rate, fmt))
    return UnitTake(path, fmt, rate, 1, text)


def line(line_id: int, units: list[UnitTake], *, speaker: str = "HOST", chapter: int = 0, paragraph: int = 0,
         pause_after_s: float | None = None, title: str = "Tides") -> TimelineLine:
    return TimelineLine(line_id, chapter, title, paragraph, speaker, tuple(units), pause_after_s)


# -- an independent measure of speech in a file ------------------------------------------------------


def speech_runs(samples: np.ndarray, rate: int, *, min_silence_s: float = 0.2) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of sound, split where it is quiet (40 dB under the loudest
    10 ms frame) for at least `min_silence_s`."""
    frame = rate // 100
    count = len(samples) // frame
    rms = np.sqrt(np.mean(samples[: count * frame].reshape(count, frame) ** 2, axis=1))
    loud = np.flatnonzero(rms > rms.max() * 0.01)
    runs: list[tuple[float, float]] = []
    for index in loud:
        start, end = index / 100, (index + 1) / 100
        if runs and start - runs[-1][1] < min_silence_s:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def decoded(path: Path) -> np.ndarray:
    samples, rate = decode(path.read_bytes(), path.suffix[1:])
    assert rate == RATE
    return samples


def srt_cues(text: str) -> list[tuple[float, float, str]]:
    def seconds(stamp: str) -> float:
        h, m, s = stamp.replace(",", ".").split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    cues = re.findall(r"\d+\n(\S+) --> (\S+)\n(.+)\n", text)
    return [(seconds(a), seconds(b), words) for a, b, words in cues]


# -- tests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["mp3", "wav"])
def test_the_assembled_file_is_the_trimmed_takes_and_the_gaps_to_the_sample(tmp_path: Path, fmt: str) -> None:
    texts = [("HOST", 0, "Welcome back to the show."), ("HOST", 0, "Today we talk about tides."),
             ("GUEST", 0, "Thanks for having me."), ("GUEST", 1, "The moon pulls the sea.")]
    lines = [line(n, [make_take(tmp_path, text, fmt, speaker=speaker, lead_s=0.2 + 0.1 * n)], speaker=speaker,
                  paragraph=paragraph) for n, (speaker, paragraph, text) in enumerate(texts)]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "out" / f"episode.{fmt}", fmt)
    samples = decoded(out)
    # To the sample in both: WAV holds the samples; the MP3's LAME Info frame records the encoder's delay and
    # padding, which PyAV (FFmpeg) removes, as gapless players do.
    assert len(samples) == timeline.length
    placed = sum(u.trim_end - u.trim_start for u in timeline.units) + sum(u.silence_before for u in timeline.units)
    assert timeline.length == placed
    # Independently: each take's speech (measured on the take itself), 50 ms of edge at both ends of the
    # file, and between takes the gap the rules give (within 10 ms frames at each of the 8 speech edges).
    take_speech = 0.0
    for each in lines:
        runs = speech_runs(decoded(each.units[0].path), RATE)
        take_speech += runs[-1][1] - runs[0][0]
    gaps = RULES.within_paragraph_s + RULES.speaker_change_s + RULES.paragraph_s
    assert len(samples) / RATE == pytest.approx(take_speech + gaps + 2 * RULES.edge_s, abs=0.08)
    assert not list(out.parent.glob("*.part"))


def test_gaps_follow_the_rules_and_a_line_s_own_pause(tmp_path: Path) -> None:
    take = lambda text, speaker="HOST": make_take(tmp_path, text, "wav", speaker=speaker)  # noqa: E731
    pausing = parse_script("HOST [pause=1.5]: It comes twice a day.\n").lines()[0][1]
    lines = [
        line(1, [take("The tide is coming in.")]),
        TimelineLine.of(2, 0, "Tides", pausing, [take(pausing.text)]),  # its pause overrides the speaker change
        line(3, [take("Why twice?", "GUEST")], speaker="GUEST"),
        line(4, [take("Because of the moon.")]),  # speaker change
        line(5, [take("And the sun, a little.")], paragraph=1),  # a new paragraph
        line(6, [take("Chapter two begins.", "NARRATOR")], speaker="NARRATOR", chapter=1, title="Moon"),
    ]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "episode.wav", "wav")
    runs = speech_runs(decoded(out), RATE)
    assert len(runs) == len(lines)
    silences = [later[0] - earlier[1] for earlier, later in itertools.pairwise(runs)]
    expected = [RULES.within_paragraph_s, 1.5, RULES.speaker_change_s, RULES.paragraph_s, RULES.chapter_s]
    assert silences == pytest.approx(expected, abs=0.03)
    spans = timeline.line_spans()  # where a panel shows or seeks to each line
    assert [spans[n][0] + RULES.edge_s for n in range(1, 7)] == pytest.approx([r[0] for r in runs], abs=0.02)
    assert [spans[n][1] - RULES.edge_s for n in range(1, 7)] == pytest.approx([r[1] for r in runs], abs=0.02)
    # The file starts and ends with the edge silence, not the takes' own 0.3 s / 0.6 s.
    assert runs[0][0] == pytest.approx(RULES.edge_s, abs=0.02)
    assert timeline.duration_s - runs[-1][1] == pytest.approx(RULES.edge_s, abs=0.02)


def test_lines_imported_with_subtitle_timings_start_at_them_and_never_overlap(tmp_path: Path) -> None:
    script = parse_script("HOST [at=1-2.5]: The tide is in.\n"
                          "GUEST [at=6-7]: Then it goes out.\n"
                          "HOST [at=6.5-8]: And comes back again, as it always does.\n")
    lines = [TimelineLine.of(n, 0, "", each, [make_take(tmp_path, each.text, "wav", speaker=each.speaker)])
             for n, (_chapter, each) in enumerate(script.lines())]
    [out] = write_timeline(build_timeline(lines), tmp_path / "dub.wav", "wav")
    runs = speech_runs(decoded(out), RATE)
    assert len(runs) == 3
    assert [runs[0][0], runs[1][0]] == pytest.approx([1.0, 6.0], abs=0.02)
    # The third line's target falls while the second is still speaking: it follows at the gap instead.
    assert runs[2][0] - runs[1][1] == pytest.approx(RULES.speaker_change_s, abs=0.03)


def test_lines_in_one_async_chapter_take_are_placed_as_slices_of_it(tmp_path: Path) -> None:
    sentences = ["The keeper climbed the stair.", "He lit the lamp at dusk.", "Ships passed safely all night."]
    chapter = make_take(tmp_path, " ".join(sentences), "mp3", speaker="NARRATOR")
    # Where each sentence is in the take, as the async result's subtitle file says: measured here (the
    # emulator's own timings are shared out by characters), then each end put 80 ms early, as a service's
    # timings may be a little off.
    runs = speech_runs(decoded(chapter.path), RATE, min_silence_s=0.25)
    assert len(runs) == 3
    items = tuple(SubtitleItem(text=text, time_begin=run[0] * 1000, time_end=run[1] * 1000 - 80)
                  for text, run in zip(sentences, runs, strict=True))
    spans = widened([(item.time_begin, item.time_end) for item in items])
    lines = [line(n, [replace(chapter, text=text, subtitles=items, span_ms=span)], speaker="NARRATOR",
                  paragraph=n) for n, (text, span) in enumerate(zip(sentences, spans, strict=True))]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "chapter.wav", "wav")
    samples = decoded(out)
    assert len(samples) == timeline.length
    placed = speech_runs(samples, RATE, min_silence_s=0.25)
    # Each line's speech as long as in the take, with the paragraph gap between them instead of the take's own.
    assert [b - a for a, b in placed] == pytest.approx([b - a for a, b in runs], abs=0.02)
    assert [b[0] - a[1] for a, b in itertools.pairwise(placed)] == pytest.approx([RULES.paragraph_s] * 2,
                                                                                  abs=0.03)
    cues = srt_cues(srt_text(timeline))
    assert [words for _s, _e, words in cues] == sentences  # each sentence once, in its own line's slice
    assert [start for start, _e, _w in cues] == pytest.approx([start for start, _end in placed], abs=0.02)


def test_two_lines_that_share_a_sentence_of_an_async_take_run_on_without_a_gap(tmp_path: Path) -> None:
    chapter = make_take(tmp_path, "The ships passed safely through the night.", "wav", speaker="NARRATOR")
    [(begin, end)] = speech_runs(decoded(chapter.path), RATE)
    middle = (begin + end) / 2 * 1000  # a line ends mid-sentence: its share of the sentence's time
    spans = widened([(begin * 1000, middle), (middle, end * 1000)])
    lines = [line(n, [replace(chapter, text=text, span_ms=span)], speaker="NARRATOR")
             for n, (text, span) in enumerate(zip(["The ships passed safely", "through the night."], spans,
                                                  strict=True))]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "chapter.wav", "wav")
    samples = decoded(out)
    assert [u.silence_before for u in timeline.units] == [0, 0]
    whole = decoded(chapter.path)[round((begin - RULES.edge_s) * RATE):][:len(samples)]
    assert np.array_equal(samples, whole)  # the take's own audio, uncut across the lines' boundary


def test_a_quiet_hissing_take_is_trimmed_like_a_loud_clean_one(tmp_path: Path) -> None:
    text = "The harbour master rang the bell."
    loud = make_take(tmp_path, text, "wav")
    quiet = make_take(tmp_path, text, "wav", gain=0.1, noise_db=-75)  # 20 dB quieter, over a faint hiss
    timeline = build_timeline([line(1, [loud]), line(2, [quiet])])
    first, second = timeline.units
    assert (second.trim_end - second.trim_start) / RATE == pytest.approx(
        (first.trim_end - first.trim_start) / RATE, abs=0.02)  # a fixed -50 dBFS threshold: 60 ms off


def test_srt_cues_start_where_speech_starts_in_the_exported_file(tmp_path: Path) -> None:
    host = ["Welcome back to the show. Today, we talk about tides.", "It is a big topic, and an old one."]
    guest = ["Thanks for having me. I love the sea. Shall we start?"]
    lines = [line(1, [make_take(tmp_path, text, "mp3") for text in host]),
             line(2, [make_take(tmp_path, text, "mp3", speaker="GUEST") for text in guest], speaker="GUEST")]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "episode.mp3", "mp3")
    cues = srt_cues(srt_text(timeline))
    assert [words for _start, _end, words in cues] == [
        "Welcome back to the show.", "Today, we talk about tides.", "It is a big topic, and an old one.",
        "Thanks for having me.", "I love the sea.", "Shall we start?"]
    # Sentence silences in the emulator's speech run 0.3–0.45 s; commas' are shorter than 0.25 s.
    onsets = [start for start, _end in speech_runs(decoded(out), RATE, min_silence_s=0.25)]
    assert len(onsets) == len(cues)
    for (start, end, words), onset in zip(cues, onsets, strict=True):
        assert abs(start - onset) <= 0.1, (words, start, onset)
        assert end > start
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))


def test_a_pause_marker_inside_a_unit_starts_no_cue(tmp_path: Path) -> None:
    text = "Wait for it <#1.2#> and here it is. Then silence. <#1.0#> (laughs) Then more."
    timeline = build_timeline([line(1, [make_take(tmp_path, text, "wav")])])
    [out] = write_timeline(timeline, tmp_path / "episode.wav", "wav")
    cues = srt_cues(srt_text(timeline))
    assert [words for _s, _e, words in cues] == ["Wait for it and here it is.", "Then silence.", "Then more."]
    runs = speech_runs(decoded(out), RATE, min_silence_s=0.25)
    # The audio: "Wait for it" | 1.2 s | "and here it is." | "Then silence." | 1.0 s | laugh "Then more."
    assert len(runs) == 4
    assert cues[0][0] == pytest.approx(runs[0][0], abs=0.1)
    assert cues[0][1] == pytest.approx(runs[1][1], abs=0.1)  # one cue across the marker inside a sentence
    assert cues[1][0] == pytest.approx(runs[2][0], abs=0.1)
    assert cues[2][0] == pytest.approx(runs[3][0], abs=0.1)  # after the marker's silence, not at its start


def test_cue_text_is_what_is_heard() -> None:
    assert spoken_text("Thanks for having me (laughs). <#0.5#> The agency (NASA) said so (see above) , ok "
                       "(clear-throat)") == "Thanks for having me. The agency (NASA) said so (see above), ok"


def test_a_long_sentence_is_cut_for_reading_at_its_clauses_silences(tmp_path: Path) -> None:
    sentence = ("When the moon is new or full, the sun and the moon pull together, the tides run highest, and "
                "the harbour floods at the spring tide.")
    timeline = build_timeline([line(1, [make_take(tmp_path, f"{sentence} Then it calms.", "wav")])])
    [out] = write_timeline(timeline, tmp_path / "episode.wav", "wav")
    cues = srt_cues(srt_text(timeline))
    assert len(cues) == 3
    assert " ".join(words for _s, _e, words in cues[:2]) == sentence
    assert all(len(words) <= 84 for _s, _e, words in cues)  # two lines of 42
    # Clause silences in the emulator's speech run 0.18–0.2 s, those within words under 0.15 s.
    onsets = [start for start, _end in speech_runs(decoded(out), RATE, min_silence_s=0.15)]
    for start, _end, words in cues:
        assert min(abs(start - onset) for onset in onsets) <= 0.1, (words, start, onsets)


def test_vtt_names_the_speakers_and_srt_can_too(tmp_path: Path) -> None:
    lines = [line(1, [make_take(tmp_path, "Hello & welcome.", "wav")]),
             line(2, [make_take(tmp_path, "Hi there.", "wav", speaker="GUEST")], speaker="GUEST")]
    timeline = build_timeline(lines)
    vtt = vtt_text(timeline, speakers=True)
    assert vtt.startswith("WEBVTT\n\n")
    assert "<v HOST>Hello &amp; welcome.\n" in vtt
    assert "<v GUEST>Hi there.\n" in vtt
    assert re.search(r"^00:00:00\.050 --> 00:00:0\d\.\d{3}$", vtt, re.M)
    assert "<v " not in vtt_text(timeline)
    srt = srt_text(timeline, speakers=True)
    assert "\nHOST: Hello & welcome.\n" in srt and "\nGUEST: Hi there.\n" in srt


@pytest.mark.parametrize("kind", ["vtt", "srt"])
def test_exported_subtitles_import_back_as_the_lines_spoken_with_their_times(tmp_path: Path, kind: str) -> None:
    lines = [line(1, [make_take(tmp_path, "Welcome back. Today: tides.", "wav")]),
             line(2, [make_take(tmp_path, "Thanks (laughs) for having me.", "wav", speaker="GUEST")],
                  speaker="GUEST")]
    timeline = build_timeline(lines)
    text = (vtt_text if kind == "vtt" else srt_text)(timeline, speakers=True)
    (tmp_path / f"episode.{kind}").write_text(text, encoding="utf-8")
    imported = import_script(tmp_path / f"episode.{kind}")
    assert imported.warnings == ()
    assert [(each.speaker, each.text) for _c, each in imported.script.lines()] == [
        ("HOST", "Welcome back."), ("HOST", "Today: tides."), ("GUEST", "Thanks for having me.")]
    targets = [each.directives.target for _c, each in imported.script.lines()]
    assert targets == [pytest.approx((cue.start_s, cue.end_s), abs=0.001) for cue in timeline.cues()]


@pytest.mark.parametrize("fmt", ["mp3", "flac"])
def test_per_chapter_export_makes_one_file_per_chapter(tmp_path: Path, fmt: str) -> None:
    lines = [line(1, [make_take(tmp_path, "The first chapter opens.", "mp3")], title="Low tide"),
             line(2, [make_take(tmp_path, "And it closes.", "mp3")], title="Low tide"),
             line(3, [make_take(tmp_path, "The second one: short.", "mp3")], chapter=1, title="High tide / night")]
    timeline = build_timeline(lines)
    files = write_timeline(timeline, tmp_path / "out" / f"episode.{fmt}", fmt, per_chapter=True)
    assert [f.name for f in files] == [f"01 - Low tide.{fmt}", f"02 - High tide - night.{fmt}"]
    lengths = [len(decoded(f)) for f in files]
    assert lengths == [c.end - c.start for c in timeline.chapters]
    # Each chapter's subtitles are timed in its own file: its first cue starts after the 50 ms edge.
    chapter_cues = [srt_cues(srt_text(timeline, chapter=n)) for n in range(2)]
    assert [[words for _s, _e, words in cues] for cues in chapter_cues] == [
        ["The first chapter opens.", "And it closes."], ["The second one: short."]]
    assert [cues[0][0] for cues in chapter_cues] == [RULES.edge_s, RULES.edge_s]
    # The chapters add up to the whole, less the silence between them.
    assert sum(lengths) + round(RULES.chapter_s * RATE) == pytest.approx(timeline.length, abs=2 * 0.05 * RATE)
    whole = write_timeline(timeline, tmp_path / "out" / f"episode.{fmt}", fmt)
    assert len(decoded(whole[0])) == timeline.length
    with av.open(str(whole[0])) as container:  # a player's chapter list: titles at the chapters' starts
        marks = container.chapters()
    assert [mark["metadata"]["title"] for mark in marks] == ["Low tide", "High tide / night"]
    assert [float(mark["start"] * (mark["time_base"] or 1)) for mark in marks] == pytest.approx(
        [chapter.start / RATE for chapter in timeline.chapters], abs=0.001)


def test_an_mp3_take_with_an_id3_tag_is_placed_like_one_without(tmp_path: Path) -> None:
    plain = make_take(tmp_path, "The same words with a tag.", "mp3")
    frame = b"TIT2" + (17).to_bytes(4, "big") + b"\x00\x00" + b"\x03A take's title.\x00"
    tag = b"ID3\x04\x00\x00" + bytes([0, 0, 0, len(frame) + 100]) + frame + bytes(100)  # with padding
    tagged = tmp_path / "tagged.mp3"
    tagged.write_bytes(tag + plain.path.read_bytes())
    timeline = build_timeline([line(1, [plain]), line(2, [UnitTake(tagged, "mp3", RATE, 1, plain.text)])])
    first, second = timeline.units
    assert (second.trim_start, second.trim_end) == (first.trim_start, first.trim_end)
    [out] = write_timeline(timeline, tmp_path / "episode.wav", "wav")
    assert len(speech_runs(decoded(out), RATE)) == 2


def test_takes_at_another_rate_are_resampled_to_the_output_rate(tmp_path: Path) -> None:
    lines = [line(1, [make_take(tmp_path, "At thirty two kilohertz.", "mp3")]),
             line(2, [make_take(tmp_path, "At twenty four.", "wav", rate=24000)]),
             line(3, [make_take(tmp_path, "Thirty two again.", "wav")])]
    timeline = build_timeline(lines)
    assert timeline.sample_rate == RATE
    [out] = write_timeline(timeline, tmp_path / "episode.flac", "flac")
    runs = speech_runs(decoded(out), RATE)
    assert len(runs) == 3
    alone = speech_runs(decode(lines[1].units[0].path.read_bytes(), "wav")[0], 24000)
    assert runs[1][1] - runs[1][0] == pytest.approx(alone[-1][1] - alone[0][0], abs=0.03)


def test_progress_is_reported_and_a_cancelled_write_leaves_no_file(tmp_path: Path) -> None:
    lines = [line(n, [make_take(tmp_path, text, "mp3")]) for n, text in
             enumerate(["One small step.", "Two more steps.", "Three and done."])]
    measured: list[tuple[int, int]] = []
    timeline = build_timeline(lines, on_progress=lambda done, total: measured.append((done, total)))
    assert measured == [(1, 3), (2, 3), (3, 3)]
    written: list[tuple[int, int]] = []
    write_timeline(timeline, tmp_path / "done.wav", "wav",
                   on_progress=lambda done, total: written.append((done, total)))
    assert written[-1] == (timeline.length, timeline.length)
    assert [done for done, _total in written] == sorted(done for done, _total in written)

    class Cancelled(Exception):
        pass

    def cancel_halfway(done: int, total: int) -> None:
        if done > total / 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        write_timeline(timeline, tmp_path / "cancelled.mp3", "mp3", on_progress=cancel_halfway)
    assert not list(tmp_path.glob("cancelled*"))  # neither the file nor its .part


def test_a_silent_take_adds_no_time(tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    silent.write_bytes(encode_audio(np.zeros((RATE, 1), np.float32), RATE, "wav"))
    lines = [line(1, [make_take(tmp_path, "Before.", "wav")]), line(2, [UnitTake(silent, "wav", RATE, 1, "Hm.")]),
             line(3, [make_take(tmp_path, "After.", "wav")])]
    timeline = build_timeline(lines)
    [out] = write_timeline(timeline, tmp_path / "episode.wav", "wav")
    runs = speech_runs(decoded(out), RATE)
    assert len(runs) == 2
    assert runs[1][0] - runs[0][1] == pytest.approx(RULES.within_paragraph_s, abs=0.03)
    assert [cue.text for cue in timeline.cues()] == ["Before.", "After."]


def test_memory_stays_flat_in_the_production_s_length(tmp_path: Path) -> None:
    takes = [make_take(tmp_path, text, "wav", lead_s=0.1, tail_s=0.1)
             for text in ("The tide turns.", "The gulls follow the boats home.", "Night falls on the harbour.")]
    peaks = []
    for count in (10, 60):  # about 20 s and 2 minutes: 7.7 MB of 16-bit samples for the longer one
        lines = [line(n, [takes[n % 3]], paragraph=n // 4) for n in range(count)]
        tracemalloc.start()
        try:
            timeline = build_timeline(lines)
            write_timeline(timeline, tmp_path / f"long{count}.flac", "flac")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert len(decoded(tmp_path / f"long{count}.flac")) == timeline.length
    assert peaks[1] < peaks[0] * 1.2 + 256 * 1024, peaks
    assert peaks[1] < 4 * 1024 * 1024, peaks


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


async def test_the_api_s_subtitle_timings_are_used_when_a_take_has_them(client: MiniMaxClient,
                                                                        tmp_path: Path) -> None:
    takes = []
    for number, text in enumerate(["Good evening. <#0.5#> Here is the news.", "The sea is calm tonight."]):
        request = T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=VOICES["HOST"]), subtitle_enable=True,
                             audio_setting=AudioSetting(format="mp3", sample_rate=RATE))
        result = await client.t2a(request)
        assert result.audio and result.subtitle_file
        path = tmp_path / f"take{number}.mp3"
        path.write_bytes(result.audio)
        items = parse_subtitles(json.loads((await client.download(result.subtitle_file, tmp_path / "s.json"))
                                           .read_bytes()))
        takes.append(UnitTake(path, "mp3", RATE, 1, text, tuple(items)))
    timeline = build_timeline([line(1, takes)])
    cues = timeline.cues()
    expected = [(unit, item) for unit in timeline.units for item in unit.take.subtitles or ()]
    assert [cue.text for cue in cues] == [spoken_text(item.text) for _unit, item in expected]
    assert [cue.text for cue in cues] == ["Good evening.", "Here is the news.", "The sea is calm tonight."]
    for cue, (unit, item) in zip(cues, expected, strict=True):  # the API's times, moved to where the unit sits
        shifted = (unit.start + item.time_end / 1000 * RATE - unit.trim_start) / RATE
        assert cue.end_s == pytest.approx(min(shifted, unit.end / RATE), abs=0.002)
    assert srt_text(timeline).count(" --> ") == 3


def test_what_can_t_be_written_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nothing to write"):
        write_timeline(build_timeline([]), tmp_path / "x.mp3", "mp3")
    timeline = build_timeline([line(1, [make_take(tmp_path, "Short.", "wav")])])
    with pytest.raises(ValueError, match=r"episode\.wav names a \.wav file but the format asked for is mp3"):
        write_timeline(timeline, tmp_path / "episode.wav", "mp3")
    with pytest.raises(ValueError, match="can't write 'ogg' audio: the formats are wav, flac, mp3"):
        write_timeline(timeline, tmp_path / "episode.ogg", "ogg")  # type: ignore[arg-type]
    assert write_timeline(timeline, tmp_path / "episode", "flac") == [tmp_path / "episode.flac"]
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".flac", ".wav"]  # the take and the one file
