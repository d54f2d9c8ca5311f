"""Voice facets on real catalogue ids, expiry of a real cloned voice, auditions cached on disk."""

from __future__ import annotations

import asyncio
import io
import wave
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import T2ARequest, T2ASettings, VoiceCloneRequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator, Pacing
from studio.emulator.voices import system_voices
from studio.services.library import Library, record_speech
from studio.services.playback import FileSink
from studio.services.voices import (
    Auditioner,
    VoiceCatalog,
    creation_time,
    expiry_time,
    parse_facets,
    parse_language,
)

SAMPLE_LINE = "Chapter one. The rain had not stopped for three days."


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    lib = Library(tmp_path / "data")
    yield lib  # type: ignore[misc]
    lib.close()


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


def t2a_requests(emulator: Emulator) -> int:
    return sum(1 for r in emulator.requests if r.path == "/v1/t2a_v2")


class AudioArrivedSink(FileSink):
    """A FileSink that says when the first audio byte reached it."""

    def __init__(self) -> None:
        super().__init__()
        self.audio_arrived = asyncio.Event()

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int) -> None:
        async def watched() -> AsyncIterator[bytes]:
            async for chunk in chunks:
                self.audio_arrived.set()
                yield chunk

        await super().play(watched(), fmt, sample_rate, channels)


def speech_wav(seconds: float, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    voice = 0.3 * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((voice * 32767).astype("<i2").tobytes())
    return out.getvalue()


# -- facets -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("voice_id", "name", "description", "language", "gender", "age", "style"),
    [
        ("English_expressive_narrator", "", [], "English", "", "", "narration"),
        ("Chinese (Mandarin)_News_Anchor", "News Anchor (Female)", [], "Chinese (Mandarin)", "female", "", "news"),
        ("male-qn-qingse", "", [], "Chinese (Mandarin)", "male", "young", None),
        ("female-yujie", "", [], "Chinese (Mandarin)", "female", "middle-aged", None),
        ("presenter_male", "", [], "Chinese (Mandarin)", "male", "", None),
        ("English_Wiselady", "", [], "English", "female", "", None),
        ("English_Trustworth_Man", "", [], "English", "male", "", "professional"),
        ("English_Whispering_girl", "", [], "English", "female", "young", "calm"),
        ("Japanese_IntellectualSenior", "", [], "Japanese", "", "elderly", None),
        ("Cantonese_ProfessionalHost_Female", "", [], "Cantonese", "female", "", "podcast"),
        ("Spanish_Steadymentor", "", [], "Spanish", "", "", "narration"),
        ("moss_audio_4e15512a-8a25-5e11-82ab-4029591227a8", "Deep Documentary Voice (Male)",
         ["A calm, elderly narrator for documentaries (English)."], "English", "male", "elderly", "narration"),
        ("MyNarrator01", "", [], "", "", "", None),
        ("ttv-voice-2025060717322425-abcdefgh", "", ["A warm young woman's voice, bright, for podcasts"], "", "female",
         "young", "podcast"),
    ],
)
def test_facets_from_ids_names_and_descriptions(
    voice_id: str, name: str, description: list[str], language: str, gender: str, age: str, style: str | None
) -> None:
    facets = parse_facets(voice_id, name, description)
    assert (facets.language, facets.gender, facets.age) == (language, gender, age)
    if style is not None:
        assert style in facets.styles


def test_middle_aged_and_a_compound_like_german_are_read_right() -> None:
    facets = parse_facets("German_FriendlyMan", "", ["Middle-aged male voice, conversational (German)."])
    assert (facets.language, facets.gender, facets.age) == ("German", "male", "middle-aged")
    assert parse_facets("x-human-voice", "", []).gender == ""
    assert parse_language("Chinese,Yue_Host") == "Cantonese"
    assert parse_language("clone1234", "", ["Mandarin chinese (mandarin) voice"]) == "Chinese (Mandarin)"


def test_every_emulator_system_voice_gets_its_language_gender_and_age() -> None:
    # The emulator's descriptions end with ground-truth tags: [sentence, gender, age, language, styles…].
    wrong = []
    for voice in system_voices():
        facets = parse_facets(voice.voice_id, voice.voice_name, voice.description[:1])  # sentence only
        truth = (voice.description[3], voice.description[1], voice.description[2])
        if (facets.language.lower(), facets.gender, facets.age) != truth:
            wrong.append((voice.voice_id, facets, truth))
    assert wrong == []


# -- expiry -----------------------------------------------------------------------------------------


def test_creation_time_uses_first_seen_only_on_the_created_day() -> None:
    seen = datetime(2026, 5, 1, 15, 30, tzinfo=UTC)
    assert creation_time("2026-05-01", seen) == seen
    assert creation_time("2026-04-28", seen) == datetime(2026, 4, 28, tzinfo=UTC)  # seen later: day start
    assert creation_time(None, seen) == seen
    assert creation_time("garbage", None) is None
    assert expiry_time("cloned", "2026-05-01", seen, used=False) == seen + timedelta(hours=168)
    assert expiry_time("cloned", "2026-05-01", seen, used=True) is None
    assert expiry_time("system", "1970-01-01", None, used=False) is None


async def test_a_cloned_voice_counts_down_and_is_kept_once_used(
    emulator: Emulator, client: MiniMaxClient, library: Library
) -> None:
    def emulator_now() -> datetime:
        return datetime.fromtimestamp(emulator.state.clock.now(), UTC)

    source = await client.upload_file(speech_wav(12.0), "voice_clone", filename="me.wav")
    await client.voice_clone(VoiceCloneRequest(file_id=source.file_id, voice_id="PodcastMe2026"))
    catalog = VoiceCatalog(lambda: client, library, now=emulator_now)

    entries = await catalog.refresh()
    assert entries[0].voice_id == "PodcastMe2026" and entries[0].kind == "cloned"  # the user's voices first
    assert entries[0].days_left == pytest.approx(7.0, abs=0.01)
    assert library.first_seen("PodcastMe2026") is not None
    assert len(entries) == len(system_voices()) + 1

    emulator.advance_clock(5 * 86400 + 3600)
    await catalog.refresh()
    mine = catalog.entry("PodcastMe2026")
    assert mine is not None and mine.days_left == pytest.approx(7 - 5 - 1 / 24, abs=0.01)
    assert mine.expires_at is not None

    await record_speech(client, library, T2ARequest(text="Now I'm here to stay.",
                                                    voice_setting=VoiceSetting(voice_id="PodcastMe2026")))
    await catalog.refresh()
    kept = catalog.entry("PodcastMe2026")
    assert kept is not None and kept.expires_at is None and kept.days_left is None
    emulator.advance_clock(3 * 86400)  # past the original deadline: the service kept it too
    assert "PodcastMe2026" in {e.voice_id for e in await catalog.refresh()}


async def test_favourites_and_notes_come_from_the_library(client: MiniMaxClient, library: Library) -> None:
    library.set_favourite("English_Graceful_Lady", True)
    catalog = VoiceCatalog(lambda: client, library)
    await catalog.refresh()
    assert catalog.entry("English_Graceful_Lady").favourite  # type: ignore[union-attr]
    entry = catalog.set_note("English_Graceful_Lady", "Audiobook Anna", "Great at 0.9x")
    assert entry is not None and entry.name == "Audiobook Anna" and "audiobook anna" in entry.search_text
    assert "great at 0.9x" in entry.search_text
    again = VoiceCatalog(lambda: client, library)
    await again.refresh()
    assert again.entry("English_Graceful_Lady").name == "Audiobook Anna"  # type: ignore[union-attr]
    assert again.set_favourite("English_Graceful_Lady", False).favourite is False  # type: ignore[union-attr]


# -- auditions --------------------------------------------------------------------------------------


async def test_audition_streams_once_then_replays_from_the_cache(
    emulator: Emulator, client: MiniMaxClient, tmp_path: Path
) -> None:
    sink = FileSink(tmp_path / "played.mp3")
    auditioner = Auditioner(lambda: client, sink, tmp_path / "cache")
    path = await auditioner.audition("English_Graceful_Lady", SAMPLE_LINE,
                                     T2ASettings(voice_setting=VoiceSetting(speed=1.0)))
    assert t2a_requests(emulator) == 1
    assert path.exists() and path.read_bytes() == sink.plays[0].data and len(path.read_bytes()) > 1000
    assert sink.plays[0].fmt == "mp3" and sink.plays[0].sample_rate == 32000
    assert (tmp_path / "played.mp3").read_bytes() == path.read_bytes()
    body = emulator.requests[-1].json
    assert body["stream"] is True and body["audio_setting"]["format"] == "mp3"
    assert body["voice_setting"]["voice_id"] == "English_Graceful_Lady"

    # Same voice + text + settings (none and the defaults are the same settings): no request, same audio.
    again = await auditioner.audition("English_Graceful_Lady", SAMPLE_LINE)
    assert again == path and t2a_requests(emulator) == 1 and sink.plays[1].data == sink.plays[0].data

    await auditioner.audition("English_Graceful_Lady", SAMPLE_LINE, T2ASettings(voice_setting=VoiceSetting(speed=1.3)))
    await auditioner.audition("English_Trustworth_Man", SAMPLE_LINE, T2ASettings())
    assert t2a_requests(emulator) == 3
    assert len(list((tmp_path / "cache" / "auditions").glob("*.mp3"))) == 3


async def test_a_cancelled_audition_leaves_no_cache_entry(
    emulator: Emulator, client: MiniMaxClient, tmp_path: Path
) -> None:
    emulator.config.pacing = Pacing(rtf=1.0)  # real time: a long line takes seconds
    sink = AudioArrivedSink()
    auditioner = Auditioner(lambda: client, sink, tmp_path / "cache")
    task = asyncio.ensure_future(auditioner.audition("English_Graceful_Lady", SAMPLE_LINE * 3))
    await asyncio.wait_for(sink.audio_arrived.wait(), 10)
    assert list((tmp_path / "cache").rglob("*.part"))  # being written
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert list((tmp_path / "cache").rglob("*.*")) == []
    assert not auditioner.is_cached("English_Graceful_Lady", SAMPLE_LINE * 3)
