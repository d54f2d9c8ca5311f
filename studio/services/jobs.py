"""Video jobs: submit, poll until Success or Fail, download into the Library, across app restarts.

A job is a row in the Library before its request is sent ("submitting"), gets MiniMax's task id once
the service accepted it, and stays "pending"/"running"/"downloading" until the video is in the Library
("done") or the service said Fail ("failed", with the poll's trace id). Closing the service stops the
polling but leaves those states as they are, so `resume_pending()` on the next start picks every job up
again: MiniMax keeps the task running whether or not anyone is watching.

MiniMax has no way to cancel a video job: `cancel()` stops watching it (it may still finish and be billed)
and `resume()` watches it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from studio.api.errors import (
    APIError,
    LinkError,
    MiniMaxError,
    RateLimitError,
    RequestTimeout,
    ServerError,
    TransportError,
)
from studio.api.jobs import JobFailed, JobTimeout, wait_for_job
from studio.api.models import VIDEO_MODE_NAMES, VIDEO_TEMPLATES, TaskStatus, VideoRequest, VideoTemplateRequest
from studio.services.account import NoAccountError
from studio.services.library import Library, MediaJob, Take
from studio.services.media import ClientProvider, RateLimits, video_thumbnail, without_data_urls
from studio.words import translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient

log = logging.getLogger(__name__)

JobEventKind = Literal["progress", "finished", "failed"]
PHASES = ("Preparing", "Queueing", "Processing")  # notr: the official status words before Success/Fail
# Worth polling again: the network, the service, or no client yet (resumed before the account connected).
TRANSIENT = (TransportError, ServerError, RateLimitError, RequestTimeout, NoAccountError)
ClientReady = Callable[[], Awaitable[object]]


@dataclass(frozen=True)
class JobEvent:
    """What listeners hear: progress (status changes, download bytes), finished (with the take) or failed."""

    kind: JobEventKind
    job: MediaJob
    message: str
    take: Take | None = None
    fraction: float | None = None  # download progress 0..1 when known


def describe(job: MediaJob) -> str:
    """A one-line summary of a job for lists and notifications."""
    what = job.prompt.strip() or (job.model or job.kind)
    return what if len(what) <= 60 else what[:59].rstrip() + "…"


class JobService:
    """Qt-free owner of every video job. Listeners are called on the event loop's thread."""

    def __init__(
        self,
        client_provider: ClientProvider,
        library: Library,
        media_dir: Path | None = None,
        *,
        limits: RateLimits | None = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 20.0,
        max_wait: float = 3 * 3600.0,
        retry_delay: float = 10.0,
        client_ready: ClientReady | None = None,
    ) -> None:
        """`client_ready()` returns once the provider has a client: jobs resumed at start-up wait on it
        instead of reporting the not-yet-connected account as a network failure."""
        self._client = client_provider
        self._client_ready = client_ready
        self.library = library
        if media_dir is not None and Path(media_dir).resolve() != library.media_dir.resolve():
            raise ValueError("videos are kept in the Library's media directory")  # notr: a programming error
        self.limits = limits or RateLimits()
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self.max_wait = max_wait
        self.retry_delay = retry_delay
        self._watchers: dict[str, asyncio.Task[MediaJob]] = {}
        self._listeners: list[Callable[[JobEvent], None]] = []
        self._closed = False

    # -- listeners -------------------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[JobEvent], None]) -> Callable[[], None]:
        """`listener(event)` on every progress, finish and failure. Returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, kind: JobEventKind, job: MediaJob, message: str, *, take: Take | None = None,
              fraction: float | None = None) -> None:
        event = JobEvent(kind, job, message, take, fraction)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop the polling of a paid job
                log.exception("job listener failed")

    # -- submitting --------------------------------------------------------------------------------------

    async def submit_video(self, request: VideoRequest) -> MediaJob:
        """Send a video request (invalid ones were refused when `request` was built) and start watching it."""
        settings = {"mode": request.mode, **without_data_urls(request.payload())}
        job = self.library.add_job("video", request.prompt or "", request.model, settings)
        return await self._submit(job, lambda client: client.video_generation(request))

    async def submit_template(self, request: VideoTemplateRequest) -> MediaJob:
        template = VIDEO_TEMPLATES[request.template_id]
        prompt = " · ".join([template.name, *(t for t in request.text_inputs or [] if t.strip())])
        settings = {"template": template.name, **without_data_urls(request.payload())}
        job = self.library.add_job("template", prompt, template.name, settings)
        return await self._submit(job, lambda client: client.video_template_generation(request))

    async def _submit(self, job: MediaJob, send: Callable[[MiniMaxClient], Awaitable[str]]) -> MediaJob:
        def waiting(seconds: float) -> None:
            self._emit("progress", job, translate(
                "Jobs", "Waiting {seconds:.0f} s for a free slot: MiniMax takes {per_minute} videos a minute").format(
                seconds=seconds, per_minute=self.limits["video"].per_minute))

        try:
            async with self.limits["video"].slot(waiting):
                task_id = await send(self._client())
        except asyncio.CancelledError:
            self.library.update_job(job.id, state="cancelled", status="Not sent",  # notr: a status word (the UI's)
                                    error=translate("Jobs", "Cancelled before sending"))
            raise
        except MiniMaxError as exc:
            failed = self.library.update_job(job.id, state="failed", status="Refused", error=str(exc),  # notr
                                             trace_id=getattr(exc, "trace_id", None))
            self._emit("failed", failed, str(exc))
            raise
        job = self.library.update_job(job.id, task_id=str(task_id), state="pending", status="Submitted")  # notr
        self._emit("progress", job, translate("Jobs", "Submitted: task {task_id}").format(task_id=task_id))
        self._watch(job)
        return job

    # -- watching ----------------------------------------------------------------------------------------

    def resume_pending(self) -> list[MediaJob]:
        """At start-up: watch again every job a previous run left unfinished. Returns those jobs."""
        resumed = []
        for job in self.library.jobs(active_only=True):
            if job.id in self._watchers:
                continue
            if job.task_id is None:
                failed = self.library.update_job(
                    job.id, state="failed", status="Unknown",  # notr: a status word (the UI's)
                    error=translate("Jobs", "The app closed while this job was being sent; it may not exist. "
                                            "Submit it again."))
                self._emit("failed", failed, failed.error or "")
                continue
            self._watch(job)
            resumed.append(job)
        return resumed

    def resume(self, job_id: str) -> MediaJob:
        """Watch a stopped, failed-to-download or timed-out job again (it must have a task id)."""
        job = self._job(job_id)
        if job.task_id is None:
            raise MiniMaxError(translate("Jobs", "Job {job} was never accepted by MiniMax; submit it again").format(
                job=job_id))
        if job.state == "done":
            return job
        if job.id not in self._watchers:
            job = self.library.update_job(job.id, state="pending", error=None)
            self._watch(job)
        return job

    def cancel(self, job_id: str) -> MediaJob:
        """Stop watching. MiniMax can't cancel a video: it may still finish (and bill); `resume` fetches it."""
        job = self._job(job_id)
        if not job.active:
            return job
        job = self.library.update_job(
            job.id, state="cancelled",
            error=translate("Jobs", "Stopped watching; MiniMax may still finish it. Resume to fetch it."))
        watcher = self._watchers.pop(job.id, None)
        if watcher is not None:
            watcher.cancel()
        self._emit("failed", job, translate("Jobs", "Stopped watching the job"))
        return job

    async def wait(self, job_id: str) -> MediaJob:
        """Until the job is done, failed or cancelled; returns it as the Library has it then."""
        watcher = self._watchers.get(job_id)
        if watcher is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(watcher)
        return self._job(job_id)

    def is_watching(self, job_id: str) -> bool:
        return job_id in self._watchers

    def quit_notice(self, *, resumable: bool = True) -> str:
        """What quitting leaves unfinished, in words ("" when nothing): MiniMax keeps making those videos and
        `resume_pending` picks them up on the next start, unless the account can't resume them (a demo that
        keeps nothing: its emulator ends with this process)."""
        waiting = [job for job in self.jobs(active_only=True) if job.task_id is not None]
        if not waiting:
            return ""
        prompt = " ".join(waiting[0].prompt.split())
        name = f"“{prompt[:60]}…”" if len(prompt) > 60 else f"“{prompt}”" if prompt else translate("Jobs", "a video")
        if not resumable:
            if len(waiting) == 1:
                notice = translate("Jobs", "The video {name} is still being made by this demo, which keeps nothing "
                                           "(another MiniMax Studio holds the demo's state): quitting loses it.")
            else:
                notice = translate("Jobs", "{count} videos ({name} and {more} more) are still being made by this "
                                           "demo, which keeps nothing (another MiniMax Studio holds the demo's "
                                           "state): quitting loses them.")
        elif len(waiting) == 1:
            notice = translate("Jobs", "The video {name} is still being made at MiniMax. Quitting doesn't stop it: "
                                       "it will resume next time you open the studio and download then.")
        else:
            notice = translate("Jobs", "{count} videos ({name} and {more} more) are still being made at MiniMax. "
                                       "Quitting doesn't stop them: they will resume next time you open the studio "
                                       "and download then.")
        return notice.format(count=len(waiting), name=name, more=len(waiting) - 1)

    def jobs(self, *, active_only: bool = False, limit: int | None = None) -> list[MediaJob]:
        return self.library.jobs(active_only=active_only, limit=limit)

    async def aclose(self) -> None:
        """Stop watching (on quit). Unfinished jobs keep their state, for `resume_pending` next time."""
        self._closed = True
        watchers = list(self._watchers.values())
        self._watchers.clear()
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)

    def _job(self, job_id: str) -> MediaJob:
        job = self.library.job(job_id)
        if job is None:
            raise MiniMaxError(translate("Jobs", "No job {job!r} in the Library").format(job=job_id))
        return job

    def _watch(self, job: MediaJob) -> None:
        if self._closed:
            raise RuntimeError("the job service is closed")  # notr: a programming error
        task = asyncio.ensure_future(self._follow(job.id))
        self._watchers[job.id] = task
        task.add_done_callback(lambda t: self._watchers.pop(job.id, None) if self._watchers.get(job.id) is t
                               else None)

    async def _follow(self, job_id: str) -> MediaJob:
        job = self._job(job_id)
        task_id = job.task_id
        assert task_id is not None
        started = time.monotonic()
        last_status = job.status

        def poll_once() -> Awaitable[TaskStatus]:
            client = self._client()
            return client.query_video(task_id) if job.kind == "video" else client.query_video_template(task_id)

        def progress(status: TaskStatus) -> None:
            nonlocal job, last_status
            if status.status != last_status:
                last_status = status.status
                state = "running" if status.state == "running" else "pending"
                if status.state in ("pending", "running"):
                    job = self.library.update_job(job.id, status=status.status, state=state)
            self._emit("progress", job, status.status)

        while True:
            try:
                status = await wait_for_job(
                    poll_once, task_id, interval=self.poll_interval, max_interval=self.max_poll_interval,
                    max_wait=max(1.0, self.max_wait - (time.monotonic() - started)), on_progress=progress,
                )
                break
            except JobFailed as exc:
                return self._fail(job, exc.status or "Fail", translate(  # notr: "Fail" is a status word
                    "Jobs", "MiniMax couldn't make this video (status {status!r}); nothing was produced.").format(
                    status=exc.status), exc.trace_id)
            except JobTimeout as exc:
                return self._fail(job, job.status, str(exc), None)
            except TRANSIENT as exc:
                if isinstance(exc, NoAccountError) and self._client_ready is not None:
                    self._emit("progress", job, translate("Jobs", "Waiting for the account to connect"))
                    await self._client_ready()
                    continue
                if time.monotonic() - started > self.max_wait:
                    return self._fail(job, job.status, str(exc), getattr(exc, "trace_id", None))
                self._emit("progress", job, translate("Jobs", "Checking again in {seconds:.0f} s: {reason}").format(
                    seconds=self.retry_delay, reason=exc))
                await asyncio.sleep(self.retry_delay)
            except (APIError, MiniMaxError) as exc:
                return self._fail(job, job.status, str(exc), getattr(exc, "trace_id", None))
        try:
            return await self._download(job, status)
        except TRANSIENT as exc:
            return self._fail(job, "Success", translate(  # notr: "Success" is a status word
                "Jobs", "The video is ready but the download failed: {reason} Resume the job to try again.").format(
                reason=exc), getattr(exc, "trace_id", None))
        except LinkError as exc:
            return self._fail(job, "Success", translate(  # notr: "Success" is a status word
                "Jobs", "The video is ready but couldn't be downloaded: {reason} Resume the job: it asks MiniMax "
                        "for a new link.").format(reason=exc), None)
        except MiniMaxError as exc:
            return self._fail(job, "Success", translate(  # notr: "Success" is a status word
                "Jobs", "The video is ready but couldn't be saved: {reason}").format(reason=exc),
                getattr(exc, "trace_id", None))
        except OSError as exc:  # a full disk: the video waits at MiniMax; nothing half-written is left
            where = exc.filename or self.library.media_dir / "video"
            return self._fail(job, "Success", translate(  # notr: "Success" is a status word
                "Jobs", "The video is ready but couldn't be saved ({reason}: {where}). Make room, then resume the "
                        "job.").format(reason=exc.strerror, where=where), None)

    async def _download(self, job: MediaJob, status: TaskStatus) -> MediaJob:
        client = self._client()
        job = self.library.update_job(job.id, status="Success", state="downloading")  # notr: a status word
        self._emit("progress", job, "Downloading", fraction=0.0)  # notr: a state word the UI translates

        def downloaded(received: int, total: int | None) -> None:
            self._emit("progress", job, "Downloading",  # notr: a state word the UI translates
                       fraction=received / total if total else None)

        take_id, path = self.library.new_media_file("video", "mp4")
        what = translate("Jobs", "the video")
        url, size = await self._video_link(client, job, status)
        try:
            await client.download(url, path, expected_size=size, on_progress=downloaded, what=what)
        except LinkError as exc:
            if not exc.expired:
                raise
            # Links last 9 h and a retried download reuses its link: ask MiniMax for a new one, once.
            if job.kind != "video":
                status = await client.query_video_template(job.task_id or "")
            url, size = await self._video_link(client, job, status)
            await client.download(url, path, expected_size=size, on_progress=downloaded, what=what)
        thumbnail = path.with_suffix(".png")
        facts = await asyncio.to_thread(video_thumbnail, path, thumbnail)
        settings = {**job.settings, "task_id": job.task_id,
                    "video_width": status.video_width or (facts.width if facts else None),
                    "video_height": status.video_height or (facts.height if facts else None)}
        take = self.library.add_media_take(
            take_id, path, kind="video", text=job.prompt, model=job.model, settings=settings,
            duration_ms=facts.duration_ms if facts else None, trace_id=getattr(status, "trace_id", None),
            thumbnail=thumbnail if facts else None,
        )
        job = self.library.update_job(job.id, state="done", take_id=take.id, error=None)
        self._emit("finished", job, translate("Jobs", "Video ready: {video}").format(video=describe(job)), take=take)
        return job

    @staticmethod
    async def _video_link(client: MiniMaxClient, job: MediaJob, status: TaskStatus) -> tuple[str, int | None]:
        """A fresh download link for a finished job (and its size when known). Never kept: links expire."""
        if job.kind == "video":
            if status.file_id is None:
                raise MiniMaxError(translate("Jobs", "MiniMax reported Success without a file id"))
            file = await client.retrieve_file(status.file_id)
            url, size = file.download_url, file.bytes or None
        else:
            url, size = status.video_url, None
        if not url:
            raise MiniMaxError(translate("Jobs", "MiniMax reported Success without a download URL"))
        return url, size

    def _fail(self, job: MediaJob, status: str, message: str, trace_id: str | None) -> MediaJob:
        trace_id = trace_id or job.trace_id
        if trace_id and trace_id not in message:
            message = f"{message} [trace {trace_id}]"
        job = self.library.update_job(job.id, state="failed", status=status, error=message, trace_id=trace_id)
        self._emit("failed", job, message)
        return job


def mode_label(job: MediaJob) -> str:
    """"image-to-video", "Diving template", … for a job row."""
    if job.kind == "template":
        return translate("Jobs", "{model} template").format(model=job.model)
    name = VIDEO_MODE_NAMES.get(str(job.settings.get("mode")))
    return translate("MediaRules", name) if name else translate("Jobs", "video")
