"""Video jobs against the emulator over real sockets, kept in a real SQLite Library on tmp files."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.models import (
    FileObject,
    ImageRequest,
    VideoRequest,
    VideoSubjectReference,
    VideoTemplateRequest,
)
from studio.api.retry import RetryPolicy
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.media import make_png
from studio.services.jobs import JobEvent, JobService
from studio.services.library import Library
from studio.services.media import RateLimit, RateLimits, picture_data_url

FAST = {"poll_interval": 0.05, "max_poll_interval": 0.15, "retry_delay": 0.1}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    return tmp_path / "data"


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    emulator.config.video_fps = 6  # real H.264 files, fewer frames to encode
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "first frame.png"
    path.write_bytes(make_png(640, 360, "a lighthouse at sunset", 7))
    return path


def generous_limits() -> RateLimits:
    return RateLimits({"video": RateLimit(50), "image": RateLimit(50), "music": RateLimit(50, 20)})


def sent(emulator: Emulator, path: str) -> list[dict[str, Any]]:
    return [r.json for r in emulator.requests if r.path == path and r.method == "POST"]


def no_partials(library: Library) -> bool:
    return not list(library.media_dir.rglob("*.part"))


async def test_image_to_video_job_lands_in_the_library_with_a_thumbnail(
    emulator: Emulator, client: MiniMaxClient, home: Path, picture: Path
) -> None:
    library = Library(home)
    jobs = JobService(lambda: client, library, library.media_dir, limits=generous_limits(), **FAST)
    events: list[JobEvent] = []
    jobs.add_listener(events.append)
    request = VideoRequest(model="MiniMax-Hailuo-02", prompt="waves roll in [Push in]", resolution="512P",
                           duration=6, first_frame_image=picture_data_url(picture, "video", "first_frame_image"))
    job = await jobs.submit_video(request)
    assert job.task_id and job.state == "pending"
    done = await jobs.wait(job.id)
    assert done.state == "done" and done.status == "Success"

    body = sent(emulator, "/v1/video_generation")[-1]
    assert body["model"] == "MiniMax-Hailuo-02" and body["resolution"] == "512P" and body["duration"] == 6
    assert body["first_frame_image"].startswith("data:image/png;base64,")
    seen = [e.message for e in events if e.kind == "progress"]
    assert {"Preparing", "Queueing", "Processing"} <= set(seen)
    assert [e.kind for e in events].count("finished") == 1

    take = library.take(done.take_id or "")
    assert take is not None and take.kind == "video" and take.format == "mp4"
    assert take.settings["mode"] == "i2v" and "KB, sent inline" in take.settings["first_frame_image"]
    assert take.thumbnail is not None and take.thumbnail.read_bytes().startswith(b"\x89PNG")
    assert take.duration_ms and 5500 < take.duration_ms < 6500
    remote = await client.retrieve_file(sent_file_id(emulator))
    assert take.path.stat().st_size == remote.bytes == take.bytes
    assert no_partials(library)
    assert [t.id for t in library.takes("waves", kind="video")] == [take.id]
    await jobs.aclose()
    library.close()


def sent_file_id(emulator: Emulator) -> int:
    """The file id of the newest video the emulator made (what retrieve_file reports the size of)."""
    files = [f for account in emulator.state.accounts.values() for f in account.files.values()
             if f.purpose == "video_generation"]
    return files[-1].file_id


@pytest.mark.parametrize(
    ("mode", "make"),
    [
        ("t2v", lambda pic: VideoRequest(model="MiniMax-Hailuo-2.3", prompt="a red fox [Pan left, Zoom in]",
                                         resolution="1080P", duration=6)),
        ("i2v", lambda pic: VideoRequest(model="I2V-01-live", prompt="", first_frame_image=pic)),
        ("fl2v", lambda pic: VideoRequest(model="MiniMax-Hailuo-02", prompt="morph", first_frame_image=pic,
                                          last_frame_image=pic, resolution="768P", duration=10)),
        ("s2v", lambda pic: VideoRequest(model="S2V-01", prompt="she waves",
                                         subject_reference=[VideoSubjectReference(image=[pic])])),
    ],
)
async def test_each_mode_sends_the_documented_shape(
    emulator: Emulator, client: MiniMaxClient, home: Path, picture: Path, mode: str, make: Any
) -> None:
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    request = make(picture_data_url(picture, "video", "image"))
    assert request.mode == mode
    job = await jobs.submit_video(request)
    body = sent(emulator, "/v1/video_generation")[-1]
    assert body == request.payload()
    expected_keys = {"t2v": set(), "i2v": {"first_frame_image"}, "fl2v": {"first_frame_image", "last_frame_image"},
                     "s2v": {"subject_reference"}}[mode]
    assert expected_keys <= set(body) and not ({"first_frame_image", "last_frame_image", "subject_reference"}
                                               - expected_keys) & set(body)
    if mode == "s2v":
        assert body["subject_reference"] == [{"type": "character", "image": [request.subject_reference[0].image[0]]}]
    assert (await jobs.wait(job.id)).state == "done"
    await jobs.aclose()
    library.close()


async def test_template_job_sends_media_and_text_inputs_and_downloads_the_video_url(
    emulator: Emulator, client: MiniMaxClient, home: Path, picture: Path
) -> None:
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    pic = picture_data_url(picture, "video", "media_inputs")
    with pytest.raises(InputError, match="text"):
        VideoTemplateRequest(template_id="393769180141805569", media_inputs=[pic])  # Run for Life needs a beast
    job = await jobs.submit_template(
        VideoTemplateRequest(template_id="393769180141805569", media_inputs=[pic], text_inputs=["tiger"]))
    body = sent(emulator, "/v1/video_template_generation")[-1]
    assert body == {"template_id": "393769180141805569", "media_inputs": [{"value": pic}],
                    "text_inputs": [{"value": "tiger"}]}
    done = await jobs.wait(job.id)
    assert done.state == "done" and done.prompt == "Run for Life · tiger"
    take = library.take(done.take_id or "")
    assert take is not None and take.path.stat().st_size > 10_000 and no_partials(library)
    await jobs.aclose()
    library.close()


def test_invalid_combinations_are_refused_before_any_request(picture: Path) -> None:
    with pytest.raises(InputError, match="duration"):
        VideoRequest(model="MiniMax-Hailuo-02", prompt="x", resolution="1080P", duration=10)
    with pytest.raises(InputError, match="model"):
        VideoRequest(model="MiniMax-Hailuo-2.3-Fast", prompt="text only")  # 2.3-Fast is image-to-video only
    with pytest.raises(InputError, match="resolution"):
        VideoRequest(model="MiniMax-Hailuo-02", prompt="x", first_frame_image="https://x.test/a.png",
                     last_frame_image="https://x.test/b.png", resolution="512P")
    with pytest.raises(InputError, match="width"):
        ImageRequest(prompt="x", width=513, height=512)
    small = picture.with_name("small.png")
    small.write_bytes(make_png(320, 240, "tiny", 1))
    with pytest.raises(InputError, match="short side over 300"):
        picture_data_url(small, "video", "first_frame_image")


async def test_refused_requests_never_reach_the_emulator(emulator: Emulator, home: Path, picture: Path) -> None:
    test_invalid_combinations_are_refused_before_any_request(picture)
    assert emulator.requests == []


async def test_a_job_survives_a_restart_mid_poll_and_completes(
    emulator: Emulator, client: MiniMaxClient, home: Path
) -> None:
    emulator.config.job_seconds = 2.0
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    queueing = asyncio.Event()
    jobs.add_listener(lambda e: queueing.set() if e.message == "Queueing" else None)
    job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="a paper boat on a stream"))
    await asyncio.wait_for(queueing.wait(), 10)
    await jobs.aclose()  # the app quits mid-poll
    library.close()
    queries = sum(1 for r in emulator.requests if r.path == "/v1/query/video_generation")

    library = Library(home)  # the app starts again on the same database
    assert [j.id for j in library.jobs(active_only=True)] == [job.id]
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    finished: list[JobEvent] = []
    jobs.add_listener(lambda e: finished.append(e) if e.kind == "finished" else None)
    assert [j.id for j in jobs.resume_pending()] == [job.id]
    done = await jobs.wait(job.id)
    assert done.state == "done" and finished and finished[0].take is not None
    assert sum(1 for r in emulator.requests if r.path == "/v1/query/video_generation") > queries
    assert len(sent(emulator, "/v1/video_generation")) == 1  # resumed, not submitted again
    take = finished[0].take
    remote = await client.retrieve_file(sent_file_id(emulator))
    assert take.path.stat().st_size == remote.bytes and no_partials(library)
    assert library.jobs(active_only=True) == []
    await jobs.aclose()
    library.close()


async def test_a_failed_job_reports_its_status_and_trace_id(
    emulator: Emulator, client: MiniMaxClient, home: Path
) -> None:
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    failures: list[JobEvent] = []
    jobs.add_listener(lambda e: failures.append(e) if e.kind == "failed" else None)
    job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="this one breaks [[fail]]"))
    failed = await jobs.wait(job.id)
    assert failed.state == "failed" and failed.status == "Fail"
    assert failed.trace_id and failed.trace_id in (failed.error or "")
    assert failures and failures[0].job.trace_id == failed.trace_id
    assert library.takes(kind="video") == []
    await jobs.aclose()
    library.close()


class LyingClient(MiniMaxClient):
    """Reports one byte more than the file has, as a truncated CDN response would look."""

    async def retrieve_file(self, file_id: int | str) -> FileObject:
        file = await super().retrieve_file(file_id)
        return file.model_copy(update={"bytes": (file.bytes or 0) + 1})


async def test_a_download_of_the_wrong_size_is_refused_and_leaves_no_file(emulator: Emulator, home: Path) -> None:
    library = Library(home)
    async with LyingClient(DEMO_KEY, base_url=emulator.global_url, retry=RetryPolicy(max_retries=0)) as client:
        jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
        job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="a kite"))
        failed = await jobs.wait(job.id)
        await jobs.aclose()
    assert failed.state == "failed" and "incomplete" in (failed.error or "")
    assert not list(library.media_dir.rglob("*.mp4")) and no_partials(library)
    library.close()


@pytest.mark.parametrize("kind", ["video", "template"])
async def test_an_expired_download_link_is_asked_for_again_and_a_resumed_job_gets_a_new_one(
    emulator: Emulator, client: MiniMaxClient, home: Path, kind: str
) -> None:
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    emulator.config.url_ttl = 0  # every link has expired by the time it is fetched
    if kind == "video":
        job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="a kite"))
    else:
        job = await jobs.submit_template(VideoTemplateRequest(template_id="392747428568649728",
                                                              media_inputs=["https://example.com/me.png"]))
    failed = await jobs.wait(job.id)
    downloads = [r for r in emulator.requests if r.path.startswith("/emulator/download/")]
    assert len(downloads) == 2  # the link expired, so a new one was asked for once, and it had expired too
    if kind == "video":
        assert len([r for r in emulator.requests if r.path == "/v1/files/retrieve"]) == 2
    assert failed.state == "failed" and failed.status == "Success"
    assert "download link for the video expired" in (failed.error or "")
    assert "Resume the job: it asks MiniMax for a new link." in (failed.error or "")
    assert "API key" not in (failed.error or "")
    assert not list(library.media_dir.rglob("*.mp4")) and no_partials(library)

    emulator.config.url_ttl = None
    jobs.resume(job.id)
    done = await jobs.wait(job.id)
    assert done.state == "done" and len([r for r in emulator.requests if r.path.startswith("/emulator/download/")]) == 3
    take = library.take(done.take_id or "")
    assert take is not None and take.path.read_bytes()[4:8] == b"ftyp"
    await jobs.aclose()
    library.close()


async def test_cancel_stops_watching_and_resume_fetches_the_video(
    emulator: Emulator, client: MiniMaxClient, home: Path
) -> None:
    emulator.config.job_seconds = 1.0
    library = Library(home)
    jobs = JobService(lambda: client, library, limits=generous_limits(), **FAST)
    job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="a lantern"))
    stopped = jobs.cancel(job.id)
    assert stopped.state == "cancelled" and not jobs.is_watching(job.id)
    assert jobs.resume_pending() == []  # a stopped job isn't picked up by itself
    jobs.resume(job.id)
    assert (await jobs.wait(job.id)).state == "done"
    await jobs.aclose()
    library.close()


async def test_video_submissions_wait_for_the_documented_rate() -> None:
    now = [0.0]
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        now[0] += seconds

    limit = RateLimit(5, clock=lambda: now[0], sleep=fake_sleep)
    for _ in range(6):
        async with limit.slot(waits.append):
            now[0] += 1.0
    assert waits == [55.0]  # the sixth video of the minute waits for the first one's minute to pass
