"""Long single-voice text through async speech (t2a_async_v2), against the emulator over loopback."""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import av
import httpx
import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.models import AudioSetting, T2ASettings, TimberWeight, VoiceSetting
from studio.api.models.speech import SubtitleItem
from studio.api.retry import RetryPolicy
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, Fault
from studio.errors import StudioError
from studio.services.production import long_form
from studio.services.production.long_form import (
    ASYNC_OVERHEAD_S,
    AsyncSpeechFailed,
    LongFormProgress,
    NoPendingTask,
    PendingTask,
    _unpack,
    async_estimate_seconds,
    async_request,
    choose_path,
    line_times,
    pending_task,
    pending_tasks,
    read_subtitles,
    render_async,
    resume_async,
    sidecar_path,
)
from tests.threaded_emulator import emulator_in_thread

VOICE = "English_expressive_narrator"
CREATE = "/v1/t2a_async_v2"
QUERY = "/v1/query/t2a_async_query_v2"
# Fast to synthesise and encode at the emulator (12,000 characters in about a second): FLAC at 8 kHz, speed 2.
FAST = T2ASettings(voice_setting=VoiceSetting(voice_id=VOICE, speed=2.0),
                   audio_setting=AudioSetting(format="flac", sample_rate=8000))


def chapter(characters: int) -> str:
    sentences = ["The harbour was quiet before the storm.", "Nobody on the pier said a word.",
                 "A gull cried twice <#0.5#> and then the rain came.", "She pulled her coat tighter and walked on.",
                 "Somewhere a radio played an old song.", "By midnight the boats had all come home."]
    words: list[str] = []
    i = 0
    while sum(len(s) + 1 for s in words) < characters:
        words.append(sentences[i % len(sentences)])
        i += 1
    return " ".join(words)


def requests_to(emu: Emulator, path: str) -> list[float]:
    return [r.at for r in emu.requests if r.path == path]


@pytest.fixture
async def slow_jobs() -> AsyncIterator[Emulator]:
    """Async tasks take 60 s of emulated time: a test moves them on with `advance_clock`."""
    async with Emulator(EmulatorConfig(job_seconds=60)) as emu:
        yield emu


async def started(task: asyncio.Task[object], events: list[LongFormProgress]) -> None:
    """Until the render is polling a created task (it has one and reports the API's status)."""
    for _ in range(200):
        if any(e.task_id for e in events) or task.done():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the render never created its task")


async def test_a_long_chapter_renders_to_audio_as_long_as_its_text_with_monotonic_subtitles(
        emulator: Emulator, tmp_path: Path) -> None:
    text = chapter(12_500)
    dest = tmp_path / "takes" / "chapter-1.flac"
    events: list[LongFormProgress] = []
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        take = await render_async(client, FAST, text, dest, on_progress=events.append, poll_s=0.3)
        leftovers = await client.list_files("t2a_async_input")

    with av.open(str(dest)) as file:
        stream = file.streams.audio[0]
        assert stream.codec_context.name == "flac" and stream.codec_context.channels == 1  # as asked, not async's 2
        seconds = sum(frame.samples for frame in file.decode(stream)) / stream.codec_context.sample_rate
    # Spoken at speed 2: about twice the emulator's ~13 characters a second.
    assert 15 < len(text) / seconds < 45
    assert take.duration_ms == pytest.approx(seconds * 1000, abs=50)
    assert take.path == dest and take.task_id and take.trace_id
    assert take.usage_characters == len(text) - len("<#0.5#>") * text.count("<#0.5#>")

    items = take.subtitles
    assert len(items) > 200 and items[0].text.startswith("The harbour was quiet")
    assert all(a.time_end <= b.time_begin + 1e-6 for a, b in itertools.pairwise(items))
    assert all(item.time_begin <= item.time_end for item in items)
    assert items[-1].time_end == pytest.approx(seconds * 1000, rel=0.01)
    assert read_subtitles(dest) == items  # kept beside the audio

    phases = [e.phase for e in events]
    assert phases[0] == "uploading" and phases[-1] == "downloading" and "processing" in phases
    assert all(a.elapsed <= b.elapsed for a, b in itertools.pairwise(events))
    assert not sidecar_path(dest).exists() and not list(dest.parent.glob("*.part")) and not leftovers
    assert len(requests_to(emulator, CREATE)) == 1


async def test_a_render_cancelled_after_create_resumes_its_task_and_bills_once(
        slow_jobs: Emulator, tmp_path: Path) -> None:
    text = chapter(3_000)
    dest = tmp_path / "chapter.flac"
    events: list[LongFormProgress] = []
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:
        render = asyncio.create_task(render_async(client, FAST, text, dest, on_progress=events.append, poll_s=0.2))
        await started(render, events)
        render.cancel()
        with pytest.raises(asyncio.CancelledError):
            await render
    pending = pending_task(dest)
    assert pending is not None and not dest.exists()
    assert pending.task_id == next(e.task_id for e in events if e.task_id)
    assert pending_tasks(tmp_path) == [(dest, pending)]

    slow_jobs.advance_clock(60)
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:  # a new run of the app
        take = await render_async(client, FAST, text, dest, poll_s=0.2)
    assert take.task_id == pending.task_id and dest.stat().st_size > 10_000
    assert len(requests_to(slow_jobs, CREATE)) == 1
    assert len(requests_to(slow_jobs, "/v1/files/upload")) == 1
    assert pending_task(dest) is None and pending_tasks(tmp_path) == []


async def test_resume_async_finishes_a_task_named_only_by_its_sidecar(slow_jobs: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.mp3"
    mp3 = T2ASettings(voice_setting=VoiceSetting(voice_id=VOICE))  # the defaults: MP3, 32 kHz
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:
        with pytest.raises(NoPendingTask, match=r"chapter\.mp3"):
            await resume_async(client, dest)
        events: list[LongFormProgress] = []
        render = asyncio.create_task(render_async(client, mp3, chapter(300), dest, on_progress=events.append))
        await started(render, events)
        render.cancel()
        await asyncio.gather(render, return_exceptions=True)
        slow_jobs.advance_clock(60)
        take = await resume_async(client, dest, poll_s=0.2)
    with av.open(str(dest)) as file:
        stream = file.streams.audio[0]
        assert (file.format.name, stream.codec_context.sample_rate) == ("mp3", 32000)
        seconds = sum(frame.samples for frame in file.decode(stream)) / 32000
    assert take.subtitles[-1].time_end == pytest.approx(seconds * 1000, rel=0.02)
    assert len(requests_to(slow_jobs, CREATE)) == 1


async def test_a_changed_text_does_not_reuse_the_task_of_the_old_one(slow_jobs: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.flac"
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:
        events: list[LongFormProgress] = []
        render = asyncio.create_task(render_async(client, FAST, chapter(500), dest, on_progress=events.append))
        await started(render, events)
        render.cancel()
        await asyncio.gather(render, return_exceptions=True)
        first = pending_task(dest)
        slow_jobs.advance_clock(60)
        edited = "A different opening. " + chapter(500)
        render = asyncio.create_task(render_async(client, FAST, edited, dest, poll_s=0.2))
        await asyncio.sleep(0.3)
        slow_jobs.advance_clock(60)
        take = await render
    assert first is not None and take.task_id != first.task_id
    assert take.subtitles[0].text == "A different opening."
    assert len(requests_to(slow_jobs, CREATE)) == 2


async def test_a_failed_task_is_reported_with_its_id_and_status_and_leaves_nothing(
        emulator: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.flac"
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        with pytest.raises(AsyncSpeechFailed) as failure:
            await render_async(client, FAST, "This chapter [[fail]] cannot be made.", dest, poll_s=0.2)
        leftovers = await client.list_files("t2a_async_input")
    message = str(failure.value)
    assert failure.value.task_id in message and "'Failed'" in message and "nothing was produced" in message
    assert "[trace " in message
    assert not dest.exists() and pending_task(dest) is None and not leftovers


async def test_an_expired_result_says_it_is_gone_and_that_a_new_render_bills_again(
        slow_jobs: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.flac"
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:
        events: list[LongFormProgress] = []
        render = asyncio.create_task(render_async(client, FAST, chapter(300), dest, on_progress=events.append))
        await started(render, events)
        render.cancel()
        await asyncio.gather(render, return_exceptions=True)
        pending = pending_task(dest)
        assert pending is not None
        slow_jobs.advance_clock(60)
        for _ in range(100):  # the service finished it...
            if (await client.t2a_async_query(pending.task_id)).status == "Success":
                break
            await asyncio.sleep(0.1)
        slow_jobs.advance_clock(10 * 3600)  # ...and nobody fetched it for 10 hours
        with pytest.raises(AsyncSpeechFailed, match=r"'Expired'.*result is gone.*billed again"):
            await resume_async(client, dest)
    assert pending_task(dest) is None


async def test_polling_stays_under_ten_queries_a_second_even_for_two_renders_at_once(tmp_path: Path) -> None:
    async with Emulator(EmulatorConfig(job_seconds=2.0)) as emu, \
            MiniMaxClient(DEMO_KEY, base_url=emu.global_url) as client:
        await asyncio.gather(*(render_async(client, FAST, chapter(200) + f" Take {n}.", tmp_path / f"{n}.flac",
                                            poll_s=0.01) for n in range(2)))
        times = sorted(requests_to(emu, QUERY))
    assert len(times) >= 10  # it did poll eagerly: the limit, not the interval, held it back
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= 10


def test_the_async_request_carries_the_sync_settings_under_the_async_names() -> None:
    settings = T2ASettings(voice_setting=VoiceSetting(voice_id=VOICE, speed=1.2, text_normalization=True),
                           audio_setting=AudioSetting(sample_rate=24000, force_cbr=True), language_boost="English")
    body = async_request(settings, "123456789012345").payload()
    assert body["text_file_id"] == 123456789012345
    assert body["voice_setting"]["english_normalization"] is True and body["voice_setting"]["speed"] == 1.2
    assert body["audio_setting"]["audio_sample_rate"] == 24000 and body["audio_setting"]["channel"] == 1
    assert "force_cbr" not in body["audio_setting"] and body["language_boost"] == "English"
    mix = T2ASettings(voice_setting=VoiceSetting(), timber_weights=[TimberWeight(voice_id=VOICE, weight=50)])
    with pytest.raises(InputError, match=r"timber_weights.*one voice_id"):
        async_request(mix, 1)


def test_auto_takes_the_faster_path_only_for_one_voice_over_the_threshold() -> None:
    long_text = "word " * 4_000  # 20,000 characters
    assert async_estimate_seconds(20_000) == pytest.approx(ASYNC_OVERHEAD_S + 400)
    settings = FAST
    fast_async = choose_path(long_text, voices=1, settings=settings, sync_seconds=1_000)
    assert fast_async.path == "async" and fast_async.async_seconds == pytest.approx(410)
    assert fast_async.async_characters == 20_000
    assert choose_path(long_text, voices=1, settings=settings, sync_seconds=100).path == "sync"
    two_voices = choose_path(long_text, voices=2, settings=settings, sync_seconds=1_000, mode="always")
    assert two_voices.path == "sync" and two_voices.async_seconds is None and "one voice" in two_voices.reason
    short = choose_path("word " * 100, voices=1, settings=settings, sync_seconds=1_000)
    assert short.path == "sync" and "threshold" in short.reason
    assert choose_path("word " * 100, voices=1, settings=settings, sync_seconds=1, mode="always").path == "async"
    assert choose_path(long_text, voices=1, settings=settings, sync_seconds=1_000, mode="never").path == "sync"
    wav = settings.model_copy(update={"audio_setting": AudioSetting(format="wav")})
    assert choose_path(long_text, voices=1, settings=wav, sync_seconds=1_000).path == "sync"


@pytest.mark.parametrize("kind", ["zip", "tar", "bare"])
def test_a_result_bundle_is_unpacked_by_member_suffix(tmp_path: Path, kind: str) -> None:
    audio = b"fLaC" + bytes(range(256)) * 10
    titles = [{"text": "One.", "time_begin": 0, "time_end": 500}, {"text": "Two.", "time_begin": 500,
                                                                    "time_end": 900}]
    members = {"out/777.flac": audio, "out/777.titles.json": json.dumps(titles).encode(),
               "out/777.extra.json": json.dumps({"usage_characters": 8, "audio_length": 900}).encode()}
    bundle = tmp_path / "bundle"
    if kind == "zip":
        with zipfile.ZipFile(bundle, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    elif kind == "tar":
        with tarfile.open(bundle, "w") as tar:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    else:
        bundle.write_bytes(audio)
    dest = tmp_path / "take.flac"
    pending = PendingTask("777", "1", "t", "s", "flac", 0.0)
    subtitles, extra = _unpack(bundle, dest, pending)
    assert dest.read_bytes() == audio
    if kind == "bare":
        assert subtitles == () and extra is None
    else:
        assert [s.text for s in subtitles] == ["One.", "Two."] and extra is not None and extra.audio_length == 900


async def test_a_cancel_while_the_create_is_in_flight_still_records_the_task(
        slow_jobs: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.flac"
    slow_jobs.inject(Fault("stall", path=CREATE, stall_seconds=0.5))  # the create takes half a second to answer
    async with MiniMaxClient(DEMO_KEY, base_url=slow_jobs.global_url) as client:
        render = asyncio.create_task(render_async(client, FAST, chapter(400), dest, poll_s=0.2))
        for _ in range(200):
            if requests_to(slow_jobs, CREATE):
                break
            await asyncio.sleep(0.01)
        render.cancel()  # the request is at MiniMax: billed whatever happens now
        with pytest.raises(asyncio.CancelledError):
            await render
        assert pending_task(dest) is not None
        slow_jobs.advance_clock(60)
        await render_async(client, FAST, chapter(400), dest, poll_s=0.2)
    assert len(requests_to(slow_jobs, CREATE)) == 1 and dest.exists()


KILLED_RENDER = """
import asyncio, sys
from pathlib import Path
from studio.api.client import MiniMaxClient
from studio.api.models import AudioSetting, T2ASettings, VoiceSetting
from studio.services.production.long_form import render_async

async def main():
    settings = T2ASettings(voice_setting=VoiceSetting(voice_id=sys.argv[3], speed=2.0),
                           audio_setting=AudioSetting(format="flac", sample_rate=8000))
    async with MiniMaxClient(sys.argv[2], base_url=sys.argv[1]) as client:
        await render_async(client, settings, Path(sys.argv[5]).read_text(), Path(sys.argv[4]), poll_s=0.2)

asyncio.run(main())
"""


def names_a_task(dest: Path) -> bool:
    """The sidecar records a created task (before that it is a placeholder, reserved ahead of the create)."""
    try:
        return '"task_id"' in sidecar_path(dest).read_text(encoding="utf-8")
    except FileNotFoundError:
        return False


async def test_a_sidecar_left_while_the_task_was_being_created_stops_a_second_create(tmp_path: Path) -> None:
    """A crash while MiniMax answers the create leaves the placeholder: the task may be billed and its id is
    unknown, so rendering again refuses (naming the file) instead of paying a second time."""
    dest = tmp_path / "chapter.mp3"
    long_form._reserve_sidecar(dest)
    with emulator_in_thread(EmulatorConfig(job_seconds=0.1)) as emu:
        async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url) as client:
            with pytest.raises(StudioError, match="may already be billed"):
                await render_async(client, FAST, chapter(500), dest, poll_s=0.2)
        assert requests_to(emu, CREATE) == []


def test_a_render_killed_mid_task_is_picked_up_by_the_next_run_without_a_second_bill(tmp_path: Path) -> None:
    text, dest = chapter(2_000), tmp_path / "chapter.flac"
    (tmp_path / "chapter.txt").write_text(text)
    with emulator_in_thread(EmulatorConfig(job_seconds=60)) as emu:
        process = subprocess.Popen([sys.executable, "-c", KILLED_RENDER, emu.global_url, DEMO_KEY, VOICE, str(dest),
                                    str(tmp_path / "chapter.txt")], cwd=Path(__file__).parents[2])
        try:
            deadline = time.monotonic() + 30
            while not names_a_task(dest) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        assert pending_task(dest) is not None and not dest.exists()
        emu.advance_clock(60)

        async def again() -> None:
            async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url) as client:
                await render_async(client, FAST, text, dest, poll_s=0.2)

        asyncio.run(again())
        assert len(requests_to(emu, CREATE)) == 1 and dest.exists() and pending_task(dest) is None


class _LateFirstDownload(httpx.AsyncHTTPTransport):
    """Real HTTP; the first result download starts after its link expired (the emulator's clock moves on)."""

    def __init__(self, emu: Emulator) -> None:
        super().__init__()
        self.emu = emu
        self.late = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/emulator/download/") and not self.late:
            self.late = True
            self.emu.advance_clock(120)
        return await super().handle_async_request(request)


async def test_an_expired_result_link_is_asked_for_again_once(tmp_path: Path) -> None:
    dest = tmp_path / "chapter.flac"
    async with Emulator(EmulatorConfig(job_seconds=0.3, url_ttl=60)) as emu:
        transport = _LateFirstDownload(emu)
        async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url, transport=transport) as client:
            take = await render_async(client, FAST, chapter(600), dest, poll_s=0.2)
        assert transport.late and take.subtitles and dest.stat().st_size > 10_000
        assert len(requests_to(emu, "/v1/files/retrieve")) == 2 and len(requests_to(emu, CREATE)) == 1


async def test_an_unreadable_sidecar_stops_the_render_before_any_request(emulator: Emulator, tmp_path: Path) -> None:
    dest = tmp_path / "chapter.mp3"
    sidecar_path(dest).write_text("{not json")
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        with pytest.raises(StudioError, match=r"chapter\.mp3\.task\.json can't be read.*may already be billed"):
            await render_async(client, FAST, chapter(300), dest)
    assert not emulator.requests and sidecar_path(dest).read_text() == "{not json"


async def test_text_the_async_path_cannot_take_is_refused_before_any_request(
        emulator: Emulator, tmp_path: Path) -> None:
    mix = T2ASettings(timber_weights=[TimberWeight(voice_id=VOICE, weight=60), TimberWeight(voice_id=VOICE, weight=40)])
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        with pytest.raises(InputError, match="pause marker"):
            await render_async(client, FAST, "Wait <#100#> for it.", tmp_path / "a.flac")
        with pytest.raises(InputError, match="one voice_id"):
            await render_async(client, mix, "Two voices at once.", tmp_path / "b.flac")
    assert not emulator.requests


async def test_each_line_of_a_chapter_is_placed_by_the_sentence_timings_of_its_take(
        emulator: Emulator, tmp_path: Path) -> None:
    lines = ["The harbour was quiet before the storm.",
             "Nobody on the pier said a word. A gull cried twice <#0.5#> and then the rain came.",
             "Somewhere a radio played an old song."]
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        take = await render_async(client, FAST, "\n".join(lines), tmp_path / "chapter.flac", poll_s=0.2)
    items = take.subtitles
    assert [item.text for item in items][1:3] == ["Nobody on the pier said a word.",
                                                  "A gull cried twice  and then the rain came."]
    times = line_times(items, lines)
    assert times == [(0.0, items[0].time_end), (items[1].time_begin, items[2].time_end),
                     (items[3].time_begin, items[3].time_end)]
    assert take.duration_ms == pytest.approx(times[-1][1], abs=50)


def test_a_line_inside_a_longer_sentence_gets_its_share_of_that_sentences_time() -> None:
    items = [SubtitleItem(text="Hello there.", time_begin=0, time_end=1000),
             SubtitleItem(text="She walked on and a radio played.", time_begin=1200, time_end=3200)]
    lines = ["Hello there.", "She walked on", "and a radio played.", "<#1#>"]
    times = line_times(items, lines)
    walked = len("Shewalkedon") / len("Shewalkedonandaradioplayed.")
    assert times[:2] == [(0, 1000), (1200, pytest.approx(1200 + 2000 * walked))]
    assert times[2] == (times[1][1], 3200) and times[3] == (3200, 3200)  # a bare pause has no time of its own


async def test_polls_that_fail_for_a_passing_reason_are_tried_again_without_a_new_task(
        emulator: Emulator, tmp_path: Path) -> None:
    emulator.inject(Fault("http", path=QUERY, status=503, times=3))  # the service stumbles three polls in a row
    events: list[LongFormProgress] = []
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, retry=RetryPolicy(max_retries=0)) as client:
        take = await render_async(client, FAST, chapter(300), tmp_path / "c.flac", on_progress=events.append,
                                  poll_s=0.2)
    assert take.subtitles and len(requests_to(emulator, CREATE)) == 1
    problems = [e.problem for e in events if e.problem]
    assert len(problems) == 3 and all("HTTP 503" in p for p in problems)
