"""The Library on real SQLite files (tmp_path) and, for recording, real streams from the emulator."""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import StreamError
from studio.api.models import T2ARequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.files import append_and_flush
from studio.services.export import export_take
from studio.services.library import MIGRATIONS, Library, record_speech
from studio.services.playback import FileSink

VOICE = "English_expressive_narrator"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    return tmp_path / "data"


@pytest.fixture
def library(home: Path) -> Library:
    lib = Library(home)
    yield lib  # type: ignore[misc]
    lib.close()


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


def add_take(library: Library, text: str, voice_id: str = VOICE, data: bytes = b"\xff\xfbaudio", **kw: object):
    writer = library.begin_take(text=text, voice_id=voice_id, model="speech-2.8-hd",
                                settings={"text": text, "voice_setting": {"voice_id": voice_id, "speed": 1.1}},
                                fmt="mp3", sample_rate=32000, channels=1)
    writer.write(data)
    return writer.complete(trace_id=f"trace-{text[:5]}", extra_info={"usage_characters": len(text),
                                                                     "audio_length": 1234}, ttfa_ms=210.0)


def test_a_completed_take_has_every_fact_and_its_file(library: Library) -> None:
    take = add_take(library, "Welcome back to the show.")
    assert take.status == "complete"
    assert take.path.read_bytes() == b"\xff\xfbaudio" and take.bytes == 7
    assert take.path.is_relative_to(library.media_dir) and take.file == f"speech/{take.id}.mp3"
    assert (take.trace_id, take.usage_characters, take.duration_ms, take.ttfa_ms) == (
        "trace-Welco", 25, 1234, 210.0)
    assert take.settings["voice_setting"] == {"voice_id": VOICE, "speed": 1.1}
    assert library.takes() == [take]
    assert library.voices_with_complete_takes() == {VOICE}


def test_recording_rows_are_never_listed_and_a_crash_is_recovered(home: Path) -> None:
    first = Library(home)
    receiving = first.begin_take(text="Half a sentence", voice_id=VOICE, model="speech-2.8-hd", settings={},
                                 fmt="mp3", sample_rate=32000, channels=1)
    receiving.write(b"\x00" * 5000)
    asyncio.run(receiving.written())  # it reached the writer thread's file before the crash
    empty = first.begin_take(text="Nothing arrived", voice_id=VOICE, model="speech-2.8-hd", settings={},
                             fmt="mp3", sample_rate=32000, channels=1)
    assert first.takes() == []  # still recording: not in the list
    # "Crash": the app never settles either take; a new process opens the same files.
    second = Library(home)
    assert second.takes() == []
    kept = second.recover()
    assert kept == [receiving.take_id]
    [take] = second.takes()
    assert take.status == "partial" and take.partial and take.bytes == 5000
    assert take.duration_ms == 312  # estimated from 5,000 bytes at 128 kb/s
    assert second.take(empty.take_id) is None and not empty.path.exists()
    assert second.recover() == []
    for writer in (receiving, empty):  # close the dead process's handles (the test's own hygiene)
        writer.fail()
    first.close()
    second.close()


def test_a_failed_take_is_partial_or_gone(library: Library) -> None:
    with library.begin_take(text="Broken", voice_id=VOICE, model=None, settings={}, fmt="pcm", sample_rate=16000,
                            channels=1) as writer:
        writer.write(b"\x00\x00" * 16000)
    take = library.take(writer.take_id)
    assert take is not None and take.status == "partial" and take.duration_ms == 1000
    nothing = library.begin_take(text="Nothing", voice_id=VOICE, model=None, settings={}, fmt="mp3",
                                 sample_rate=32000, channels=1)
    assert nothing.fail() is None
    assert library.take(nothing.take_id) is None and not nothing.path.exists()


def test_search_by_text_voice_local_name_model_and_kind(library: Library) -> None:
    intro = add_take(library, "Welcome back to the Night Owl podcast.")
    outro = add_take(library, "Thanks for listening, see you next week.", voice_id="Chinese (Mandarin)_News_Anchor")
    percent = add_take(library, "Prices rose 50% in a year_on_year comparison.", voice_id="moss_audio_1234")
    library.set_voice_note("moss_audio_1234", "Studio Dave", "")
    assert [t.id for t in library.takes()] == [percent.id, outro.id, intro.id]  # newest first
    assert [t.id for t in library.takes("night owl")] == [intro.id]
    assert [t.id for t in library.takes("mandarin")] == [outro.id]
    assert [t.id for t in library.takes("studio dave")] == [percent.id]
    assert [t.id for t in library.takes("50%")] == [percent.id]  # LIKE wildcards are literal
    assert [t.id for t in library.takes("s_r")] == []  # would match "Prices rose" if _ were a wildcard
    assert [t.id for t in library.takes("welcome podcast")] == [intro.id]  # every word must match
    assert len(library.takes(kind="speech")) == 3 and library.takes(kind="music") == []


async def test_delete_removes_the_record_and_the_file_and_export_copies(library: Library, tmp_path: Path) -> None:
    take = add_take(library, "Delete me")
    exported = (await export_take(take, tmp_path / "out" / "Delete me")).path
    assert exported.name == "Delete me.mp3" and exported.read_bytes() == take.path.read_bytes()
    library.delete_take(take.id)
    assert library.take(take.id) is None and not take.path.exists()
    assert exported.exists()


def test_listeners_hear_about_settled_and_deleted_takes(library: Library) -> None:
    calls: list[int] = []
    unsubscribe = library.add_listener(lambda: calls.append(1))
    take = add_take(library, "Hello")
    library.delete_take(take.id)
    assert len(calls) == 2
    unsubscribe()
    add_take(library, "Hello again")
    assert len(calls) == 2


def test_favourites_notes_and_first_seen_survive_a_restart(home: Path) -> None:
    from datetime import UTC, datetime

    lib = Library(home)
    lib.set_favourite("English_Graceful_Lady", True)
    lib.set_voice_note("MyNarrator01", "  Me, warm  ", "Use speed 0.95")
    lib.mark_seen(["MyNarrator01"], datetime(2026, 5, 1, 10, tzinfo=UTC))
    lib.mark_seen(["MyNarrator01"], datetime(2026, 5, 3, tzinfo=UTC))  # the first sighting is kept
    lib.close()
    again = Library(home)
    assert again.favourites() == {"English_Graceful_Lady"} and again.is_favourite("English_Graceful_Lady")
    note = again.voice_note("MyNarrator01")
    assert (note.local_name, note.notes, note.favourite) == ("Me, warm", "Use speed 0.95", False)
    assert again.first_seen("MyNarrator01") == datetime(2026, 5, 1, 10, tzinfo=UTC)
    assert again.first_seen("unknown-voice") is None
    again.set_favourite("English_Graceful_Lady", False)
    assert again.favourites() == set()
    again.close()


def test_schema_is_versioned_and_a_newer_database_is_refused(home: Path) -> None:
    Library(home).close()
    with sqlite3.connect(home / "library.sqlite3") as db:
        assert db.execute("SELECT version FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS) + 1,))
    db.close()
    with pytest.raises(RuntimeError, match="newer MiniMax Studio"):
        Library(home)


async def test_record_speech_saves_the_stream_as_it_plays(library: Library, client: MiniMaxClient) -> None:
    sink = FileSink()
    request = T2ARequest(text="Every take is saved as it streams.", voice_setting=VoiceSetting(voice_id=VOICE))
    take = await record_speech(client, library, request, sink)
    assert take.status == "complete" and take.bytes > 1000
    assert take.path.read_bytes() == sink.last.data  # type: ignore[union-attr]
    assert take.trace_id and take.usage_characters == len(request.text)
    assert take.ttfa_ms is not None and take.ttfa_ms > 0 and take.duration_ms and take.duration_ms > 500
    assert take.settings["voice_setting"]["voice_id"] == VOICE and take.settings["stream"] is True
    assert take.voice_id == VOICE and take.model == "speech-2.8-hd"


async def test_a_stream_broken_midway_keeps_a_partial_take(
    library: Library, client: MiniMaxClient, emulator: Emulator
) -> None:
    emulator.inject(Fault("drop", path="/v1/t2a_v2", after_chunks=2))
    request = T2ARequest(text="A long sentence that will be cut off halfway through the stream, sadly. " * 3,
                         voice_setting=VoiceSetting(voice_id=VOICE))
    with pytest.raises(StreamError):
        await record_speech(client, library, request)
    [take] = library.takes()
    assert take.status == "partial" and take.bytes > 0 and take.path.stat().st_size == take.bytes
    assert library.voices_with_complete_takes() == set()


def test_a_damaged_database_is_rebuilt_from_sidecars_and_even_files_without_one(home: Path) -> None:
    library = Library(home)
    described = add_take(library, "Described by its sidecar")
    older = add_take(library, "Taken before sidecars existed")
    older_sidecar = older.path.with_suffix(".json")
    older_sidecar.unlink()
    interrupted = library.begin_take(text="Cut off by a crash", voice_id=VOICE, model="speech-2.8-hd",
                                     settings={}, fmt="mp3", sample_rate=32000, channels=1)
    interrupted.write(b"\xff\xfb" + b"\x00" * 998)
    voicelab = library.media_dir / "voicelab" / "design-x.mp3"  # Voice Lab's previews are not takes
    voicelab.parent.mkdir()
    voicelab.write_bytes(b"\xff\xfbpreview")
    library.close()
    (home / "library.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)  # a header and little else

    rebuilt = Library(home)
    try:
        [notice] = rebuilt.notices
        assert notice.kind == "rebuilt" and notice.moved_to is not None and notice.moved_to.exists()
        assert str(notice.moved_to) in notice.message and "3 file(s)" in notice.message
        takes = {take.id: take for take in rebuilt.takes()}
        assert takes[described.id] == described
        assert takes[older.id].path.read_bytes() == older.path.read_bytes()
        assert takes[older.id].created_at == older.created_at.replace(microsecond=0)
        assert "Recovered" in takes[older.id].text
        assert takes[interrupted.take_id].status == "partial" and takes[interrupted.take_id].bytes == 1000
        assert len(takes) == 3 and voicelab.exists()
    finally:
        rebuilt.close()
        interrupted.fail()


def test_a_sound_database_is_not_moved_and_a_deleted_take_stays_deleted(home: Path) -> None:
    library = Library(home)
    kept, deleted = add_take(library, "Kept"), add_take(library, "Deleted")
    library.delete_take(deleted.id)
    library.close()
    reopened = Library(home)
    try:
        assert reopened.notices == [] and reopened.takes() == [kept]
        assert not list(home.glob("library (damaged*")) and not deleted.path.with_suffix(".json").exists()
    finally:
        reopened.close()


class ListeningSink:
    """An AudioSink that keeps what it was given and, for each chunk, how many chunk writes had finished."""

    def __init__(self, writes_done: Callable[[], int]) -> None:
        self._writes_done = writes_done
        self.data = bytearray()
        self.writes_done_at_chunk: list[int] = []

    async def play(self, chunks: AsyncIterator[bytes], fmt: str, sample_rate: int, channels: int) -> None:
        async for chunk in chunks:
            self.data += chunk
            self.writes_done_at_chunk.append(self._writes_done())

    def stop(self) -> None:
        pass


LONG_SENTENCE = ("A slow disk must never hold up the voice: the listener hears every word as it arrives, "
                 "while the take is written behind the scenes at whatever pace the disk allows.")


async def test_a_slow_disk_neither_holds_up_the_stream_nor_changes_a_byte_of_the_take(
    home: Path, client: MiniMaxClient
) -> None:
    finished = 0

    def slow_write(file: BinaryIO, chunk: bytes) -> None:  # a disk that takes 200 ms per write
        nonlocal finished
        time.sleep(0.2)
        append_and_flush(file, chunk)
        finished += 1

    library = Library(home, write_chunk=slow_write)
    sink = ListeningSink(lambda: finished)
    request = T2ARequest(text=LONG_SENTENCE, voice_setting=VoiceSetting(voice_id=VOICE))
    try:
        take = await record_speech(client, library, request, sink)
    finally:
        library.close()
    chunks = len(sink.writes_done_at_chunk)
    assert chunks >= 10  # ≥ 2 s of writes
    # The listener had the whole stream while most writes were still queued (written inline, each chunk
    # would wait for the one before it: chunks - 1 writes done by the last one).
    assert sink.writes_done_at_chunk[-1] <= chunks // 2, sink.writes_done_at_chunk
    # ...and the take is recorded only once every write is done: the file is the stream, byte for byte.
    assert finished == chunks and take.status == "complete"
    assert take.path.read_bytes() == bytes(sink.data) and take.bytes == len(sink.data)


def disk_with_room_for(room: int) -> Callable[[BinaryIO, bytes], None]:
    """A chunk write on a disk that fills after `room` bytes of each file: what fits is written, then ENOSPC."""

    def write(file: BinaryIO, chunk: bytes) -> None:
        fits = max(0, room - file.tell())
        append_and_flush(file, chunk[:fits])
        if len(chunk) > fits:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


async def test_a_full_disk_met_by_the_writer_thread_names_the_file_and_keeps_what_fit(
    home: Path, client: MiniMaxClient
) -> None:
    library = Library(home, write_chunk=disk_with_room_for(6000))
    sink = FileSink()
    request = T2ARequest(text=LONG_SENTENCE, voice_setting=VoiceSetting(voice_id=VOICE))
    try:
        with pytest.raises(OSError) as failed:  # raised by the next chunk's write
            await record_speech(client, library, request, sink)
        [take] = library.takes()
    finally:
        library.close()
    assert failed.value.errno == errno.ENOSPC and failed.value.filename == str(take.path)
    assert "No space left on device" in str(failed.value) and str(take.path) in str(failed.value)
    assert take.status == "partial" and take.bytes == 6000
    assert take.path.read_bytes() == sink.last.data[:6000]  # type: ignore[union-attr]


def test_a_failed_last_write_is_raised_by_complete_and_the_take_kept_as_partial(home: Path) -> None:
    library = Library(home, write_chunk=disk_with_room_for(3000))
    writer = library.begin_take(text="The end did not fit", voice_id=VOICE, model=None, settings={}, fmt="mp3",
                                sample_rate=32000, channels=1)
    writer.write(b"\xff" * 2000)
    writer.write(b"\xfe" * 2000)  # queued; it fails on the writer thread after this returns
    with pytest.raises(OSError) as failed:
        writer.complete(trace_id="t")
    assert failed.value.errno == errno.ENOSPC and failed.value.filename == str(writer.path)
    take = writer.fail("t")
    library.close()
    assert take is not None and take.status == "partial" and take.bytes == 3000
    assert take.path.read_bytes() == b"\xff" * 2000 + b"\xfe" * 1000
