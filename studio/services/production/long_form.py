"""Long single-voice text through MiniMax's async speech (`t2a_async_v2`): one task for a whole chapter.

The flow (docs/protocol.md#async-t2a): the text is uploaded as a file (purpose `t2a_async_input`,
docs/protocol.md#files), a task is created for it, the task is polled (at most 10 queries a second per
account) until Success, the result bundle is fetched through `files/retrieve` (its link lives 9 h,
docs/protocol.md#result-urls) and unpacked: the audio goes to `dest` as received (never re-encoded), the
sentence subtitles come back with it. MiniMax's bundle shape is not documented; members are matched by
suffix in a tar or a zip, and a result that is neither is taken as the audio itself.

Never billed twice: creating the task is what bills. Nothing that matters is written before it; the moment
its answer arrives a small sidecar, `<dest>.task.json`, records the task (written atomically). A later
`render_async` for the same text and settings, or `resume_async(client, dest)`, polls that task instead of
creating another — after a crash, a kill -9 or a cancel. The sidecar goes once the audio is in place. The
uploaded input file (the user's text, on their account) is deleted once the task has ended, whatever the
outcome; the service's own result file (purpose `t2a_async`) is left to expire with its link.

Beside the audio, `<dest>.subtitles.json` keeps the task's sentence timings (written before the audio, so
audio in place always has its subtitles): `read_subtitles(dest)`; `line_times` places a chapter's lines in
its take by them.

Whether a chapter goes this way at all is `choose_path`'s call: one voice, over a threshold, and faster by
the estimate than sentence units (or as the user says).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import tarfile
import time
import weakref
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from studio.api.errors import (
    APIError,
    BadResponseError,
    InputError,
    LinkError,
    MiniMaxError,
    RateLimitError,
    RequestTimeout,
    ServerError,
    TransportError,
)
from studio.api.models import ExtraInfo, T2AAsyncRequest, T2ASettings, TaskStatus
from studio.api.models.speech import SubtitleItem, parse_subtitles, pause_marker_problems
from studio.errors import StudioError
from studio.files import part_path, write_atomically
from studio.services.production.plan import billed_characters
from studio.services.production.segment import PAUSE_MARKER
from studio.words import translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient

log = logging.getLogger(__name__)

INPUT_PURPOSE = "t2a_async_input"
ASYNC_FILE_TEXT_LIMIT = 1_000_000  # characters of an uploaded text (docs/protocol.md#limits)
SIDECAR_SUFFIX = ".task.json"
SUBTITLES_SUFFIX = ".subtitles.json"
SIDECAR_VERSION = 1
SIDECAR_RESERVED = 4096  # bytes reserved for a task's sidecar before it is created (see _reserve_sidecar)

# Polling: the first polls come quickly (short texts finish in seconds), then the interval grows to `poll_s`.
# Every render on one client shares one pacer that keeps queries at least this far apart, under the
# documented 10 queries a second per account (docs/protocol.md#async-t2a), with room for requests that
# queue on the way and arrive closer together than they were sent.
FIRST_POLL_S = 0.5
DEFAULT_POLL_S = 2.0
MIN_QUERY_SPACING_S = 0.15
MAX_OUTAGE_S = 600.0  # polls failing for the network's or the service's sake this long in a row: give up
# Worth polling again: MiniMax keeps the task whether or not a poll got through.
TRANSIENT = (TransportError, ServerError, RateLimitError, RequestTimeout)

# Choosing the path. Estimates are assumptions, not measurements; MiniMax documents no processing time for
# async speech. Assumed: a fixed overhead for upload, queueing and fetching the result, then the whole text
# spoken at the same pace as one sync unit (plan.RENDER_S_PER_CHARACTER: real-time factor ~0.3 at ~15
# characters a second), in one piece, and not paced by the T2A RPM/TPM table. The emulator's data point:
# `job_seconds` (8 s by default) plus its synthesis time, whatever the length.
ASYNC_OVERHEAD_S = 10.0
ASYNC_S_PER_CHARACTER = 0.02
DEFAULT_ASYNC_THRESHOLD = 10_000  # characters: shorter chapters always go sentence by sentence

LongFormPhase = Literal["uploading", "queued", "processing", "downloading"]
RenderPath = Literal["sync", "async"]
AsyncMode = Literal["auto", "never", "always"]
_AUDIO_SUFFIXES = (".mp3", ".flac", ".pcm", ".wav")
_BARE = ""  # the one member of a result that is no archive: the audio itself


# --- values -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LongFormProgress:
    """What a listener hears: the phase, seconds since the call began, the task once there is one, the
    API's own status word while polling, and the download's fraction when its size is known."""

    phase: LongFormPhase
    elapsed: float
    task_id: str | None = None
    status: str = ""
    fraction: float | None = None
    problem: str | None = None  # a poll that failed and will be tried again (the network, the service)


ProgressCallback = Callable[[LongFormProgress], None]


@dataclass(frozen=True)
class LongFormTake:
    """A finished async render: the audio at `path` and its sentence timings (milliseconds)."""

    path: Path
    subtitles: tuple[SubtitleItem, ...]
    usage_characters: int | None  # as MiniMax reported it (the result's extra info, else the create answer)
    task_id: str
    trace_id: str | None  # of the create request: the one that billed
    duration_ms: int | None = None


@dataclass(frozen=True)
class PendingTask:
    """The sidecar: a created (billed) task that has not yet delivered its audio to `dest`."""

    task_id: str
    text_file_id: str
    text_sha256: str
    settings_sha256: str
    audio_format: str
    created_at: float  # unix seconds
    usage_characters: int | None = None
    trace_id: str | None = None

    def to_json(self) -> str:
        return json.dumps({"version": SIDECAR_VERSION, **asdict(self)}, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PendingTask:
        data = json.loads(text)
        data.pop("version", None)
        return cls(**data)


@dataclass(frozen=True)
class PathChoice:
    """Which path a chapter takes and why; both estimates for the plan to show."""

    path: RenderPath
    sync_seconds: float
    async_seconds: float | None  # None: the async path can't take this chapter (see `reason`)
    async_characters: int  # what one async task bills: the whole text, cached sentences or not
    reason: str


class AsyncSpeechFailed(MiniMaxError):
    """The task ended Failed or Expired: names the task, the API's status word and the request's trace."""

    def __init__(self, task_id: str, status: str, trace_id: str | None) -> None:
        if status.strip().lower() == "expired":
            what = translate("ProductionLongForm", "its result is gone (MiniMax keeps it 9 h); rendering again "
                                                   "creates a new task, which is billed again")
        else:
            what = translate("ProductionLongForm", "nothing was produced; rendering again creates a new task")
        trace = f" [trace {trace_id}]" if trace_id else ""
        super().__init__(translate(
            "ProductionLongForm", "MiniMax's long-text speech task {task} ended with status {status}: {what}.{trace}"
        ).format(task=task_id, status=repr(status), what=what, trace=trace))
        self.task_id = task_id
        self.status = status
        self.trace_id = trace_id


class NoPendingTask(StudioError):
    def __init__(self, dest: Path) -> None:
        super().__init__(translate(
            "ProductionLongForm", "No long-text speech task is waiting for {file} (no {sidecar})").format(
            file=dest.name, sidecar=sidecar_path(dest).name))


# --- requests and choices -----------------------------------------------------------------------------


def async_request(settings: T2ASettings, text_file_id: int | str) -> T2AAsyncRequest:
    """The async request speaking an uploaded text with the sync path's settings. The client's `payload()`
    renames what the async endpoint spells differently. Raises InputError for what it can't take: a mix of
    voices, WAV."""
    if settings.timber_weights:
        raise InputError("timber_weights", translate(
            "ProductionLongForm", "can't be used by long-text speech (t2a_async_v2 takes one voice_id): render this "
                                  "chapter sentence by sentence"))
    audio = settings.audio_setting
    if audio.force_cbr is not None:  # a streaming-only option: the async endpoint refuses it
        audio = audio.model_copy(update={"force_cbr": None})
    return T2AAsyncRequest(
        model=settings.model, voice_setting=settings.voice_setting, audio_setting=audio,
        pronunciation_dict=settings.pronunciation_dict, language_boost=settings.language_boost,
        voice_modify=settings.voice_modify, text_file_id=int(text_file_id),
    )


def check_async_text(text: str) -> None:
    """The rules of an uploaded async text; InputError naming the first one broken."""
    if not PAUSE_MARKER.sub("", text).strip():
        raise InputError("text", translate("ProductionLongForm", "must contain speakable text"))
    if len(text) > ASYNC_FILE_TEXT_LIMIT:
        raise InputError("text", translate(
            "ProductionLongForm", "must be at most {limit:,} characters for long-text speech (got {count:,})").format(
            limit=ASYNC_FILE_TEXT_LIMIT, count=len(text)))
    problems = pause_marker_problems(text)
    if problems:
        raise InputError("text", translate("ProductionLongForm", "has a pause marker problem"), problems[0].message)


def async_estimate_seconds(characters: int) -> float:
    """The async path's estimated time for `characters` billed characters (see the module's assumptions)."""
    return ASYNC_OVERHEAD_S + ASYNC_S_PER_CHARACTER * characters if characters > 0 else 0.0


def choose_path(
    text: str, *, voices: int, settings: T2ASettings, sync_seconds: float, mode: AsyncMode = "auto",
    threshold: int = DEFAULT_ASYNC_THRESHOLD,
) -> PathChoice:
    """Sync units or one async task for a chapter of `text` spoken by `voices` distinct voices.

    The async path only takes a chapter with one voice (not a mix), a format it can return (not WAV) and at
    most 1,000,000 characters. `never` keeps every chapter sync; `always` sends every chapter it can take;
    `auto` sends a chapter of at least `threshold` characters when its estimate beats `sync_seconds` (the
    plan's estimate for the same chapter's units)."""
    characters = billed_characters(text)
    async_seconds: float | None = async_estimate_seconds(characters)
    why_not = _async_refusal(text, voices, settings)
    if why_not is not None:
        return PathChoice("sync", sync_seconds, None, characters, why_not)
    if mode == "never":
        return PathChoice("sync", sync_seconds, async_seconds, characters,
                          translate("ProductionLongForm", "async speech is turned off"))
    if mode == "always":
        return PathChoice("async", sync_seconds, async_seconds, characters,
                          translate("ProductionLongForm", "async speech was asked for"))
    if characters < threshold:
        return PathChoice("sync", sync_seconds, async_seconds, characters, translate(
            "ProductionLongForm", "{count:,} characters is under the async threshold of {threshold:,}").format(
            count=characters, threshold=threshold))
    assert async_seconds is not None
    if async_seconds < sync_seconds:
        return PathChoice("async", sync_seconds, async_seconds, characters, translate(
            "ProductionLongForm", "one async task (~{async_s:.0f} s) beats sentence units (~{sync_s:.0f} s)").format(
            async_s=async_seconds, sync_s=sync_seconds))
    return PathChoice("sync", sync_seconds, async_seconds, characters, translate(
        "ProductionLongForm", "sentence units (~{sync_s:.0f} s) beat one async task (~{async_s:.0f} s)").format(
        async_s=async_seconds, sync_s=sync_seconds))


def _async_refusal(text: str, voices: int, settings: T2ASettings) -> str | None:
    if voices != 1:
        return translate("ProductionLongForm", "async speech takes one voice; this chapter has {voices}").format(
            voices=voices)
    try:
        async_request(settings, 0)
        check_async_text(text)
    except InputError as exc:
        return translate("ProductionLongForm", "async speech can't take it: {problem}").format(problem=exc)
    return None


# --- timings ------------------------------------------------------------------------------------------

_UNSPOKEN = re.compile(r"\s+")


def _spoken_weight(text: str) -> int:
    """Characters that take time to say: no whitespace, no pause markers."""
    return len(_UNSPOKEN.sub("", PAUSE_MARKER.sub("", text)))


def line_times(subtitles: Sequence[SubtitleItem], lines: Sequence[str]) -> list[tuple[float, float]]:
    """Where each of `lines` is in the async take of their chapter (begin, end in ms), from the take's
    sentence timings. Lines and sentences are lined up by the characters they speak (whitespace and pause
    markers left out), so a line that ends a sentence ends exactly where MiniMax says that sentence ends;
    a line inside a longer sentence gets its share of that sentence's time."""
    weights = [_spoken_weight(item.text) for item in subtitles]
    total_lines = sum(_spoken_weight(line) for line in lines)
    scale = sum(weights) / total_lines if total_lines else 0.0  # the service may have spoken a number as words

    def time_at(position: float, *, begin: bool) -> float:
        done = 0.0
        for item, weight in zip(subtitles, weights, strict=True):
            inside = position < done + weight if begin else position <= done + weight
            if inside and weight:
                share = (position - done) / weight
                return item.time_begin + share * (item.time_end - item.time_begin)
            done += weight
        return subtitles[-1].time_end if subtitles else 0.0

    times, position = [], 0.0
    for line in lines:
        length = _spoken_weight(line) * scale
        begin = time_at(position, begin=True)
        times.append((begin, max(begin, time_at(position + length, begin=False))))
        position += length
    return times


# --- sidecars -----------------------------------------------------------------------------------------


def sidecar_path(dest: Path) -> Path:
    return dest.with_name(dest.name + SIDECAR_SUFFIX)


def subtitles_path(dest: Path) -> Path:
    return dest.with_name(dest.name + SUBTITLES_SUFFIX)


def pending_task(dest: Path) -> PendingTask | None:
    """The task a previous run created for `dest` and did not finish, if any."""
    try:
        return PendingTask.from_json(sidecar_path(dest).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as exc:  # a placeholder left by a crash, or hand-edited: for a person
        raise StudioError(translate(
            "ProductionLongForm", "{file} can't be read as a task ({reason}); it stands for a task that may already "
                                  "be billed. Move it away to render again.").format(
            file=sidecar_path(dest), reason=exc)) from None


def pending_tasks(folder: Path) -> list[tuple[Path, PendingTask]]:
    """Every take in `folder` whose task a previous run created and did not finish (its `dest` and task),
    oldest first: what a render resumes before creating anything."""
    found = []
    for sidecar in folder.glob(f"*{SIDECAR_SUFFIX}"):
        dest = sidecar.with_name(sidecar.name.removesuffix(SIDECAR_SUFFIX))
        pending = pending_task(dest)
        if pending is not None:
            found.append((dest, pending))
    return sorted(found, key=lambda item: item[1].created_at)


def read_subtitles(dest: Path) -> tuple[SubtitleItem, ...]:
    """The sentence timings kept beside an async take (empty when it has none)."""
    try:
        return tuple(parse_subtitles(json.loads(subtitles_path(dest).read_text(encoding="utf-8"))))
    except FileNotFoundError:
        return ()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def settings_sha256(settings: T2ASettings) -> str:
    body = async_request(settings, 0).payload()
    body.pop("text_file_id", None)
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


# --- rendering ----------------------------------------------------------------------------------------


class _QueryPacer:
    """Keeps one client's task queries at least MIN_QUERY_SPACING_S apart, across concurrent renders."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._last = float("-inf")

    async def wait(self) -> None:
        async with self._lock:
            delay = self._last + MIN_QUERY_SPACING_S - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self._last = time.monotonic()


_PACERS: weakref.WeakKeyDictionary[MiniMaxClient, _QueryPacer] = weakref.WeakKeyDictionary()


def _pacer(client: MiniMaxClient) -> _QueryPacer:
    pacer = _PACERS.get(client)
    if pacer is None:
        pacer = _PACERS[client] = _QueryPacer()
    return pacer


class _Reporter:
    def __init__(self, on_progress: ProgressCallback | None) -> None:
        self._on_progress = on_progress
        self._started = time.monotonic()

    def __call__(self, phase: LongFormPhase, task_id: str | None = None, status: str = "",
                 fraction: float | None = None, problem: str | None = None) -> None:
        if self._on_progress is None:
            return
        try:
            self._on_progress(LongFormProgress(phase, time.monotonic() - self._started, task_id, status, fraction,
                                               problem))
        except Exception:  # a broken listener must not lose a billed task
            log.exception("long-form progress listener failed")


async def render_async(
    client: MiniMaxClient, settings: T2ASettings, text: str, dest: Path, *,
    on_progress: ProgressCallback | None = None, poll_s: float = DEFAULT_POLL_S,
) -> LongFormTake:
    """Speak `text` with `settings` through one async task and write the audio to `dest` atomically.

    A task a previous run left for the same text and settings (its sidecar) is picked up instead of creating
    another. Raises InputError before any request for what the async path can't take, AsyncSpeechFailed when
    the task ends Failed or Expired, and the client's errors otherwise (the sidecar then stays: resume).
    Cancelling leaves the sidecar of a created task, for a later call to resume."""
    dest = Path(dest)
    check_async_text(text)
    fingerprint = settings_sha256(settings)
    report = _Reporter(on_progress)
    pending = pending_task(dest)
    if pending is not None and (pending.text_sha256, pending.settings_sha256) != (text_sha256(text), fingerprint):
        log.warning("%s names task %s for another text or settings; starting a new one", sidecar_path(dest),
                    pending.task_id)
        await delete_input(client, pending.text_file_id)
        sidecar_path(dest).unlink(missing_ok=True)
        pending = None
    if pending is None:
        report("uploading")
        pending = await _create(client, settings, text, dest, fingerprint)
    return await _finish(client, pending, dest, report, poll_s)


async def resume_async(
    client: MiniMaxClient, dest: Path, *, on_progress: ProgressCallback | None = None,
    poll_s: float = DEFAULT_POLL_S,
) -> LongFormTake:
    """Finish the task a previous run created for `dest` (its sidecar); NoPendingTask when there is none."""
    dest = Path(dest)
    pending = pending_task(dest)
    if pending is None:
        raise NoPendingTask(dest)
    return await _finish(client, pending, dest, _Reporter(on_progress), poll_s)


def _reserve_sidecar(dest: Path) -> None:
    """A placeholder sidecar of SIDECAR_RESERVED bytes, written before the task is created: the task's record
    then overwrites it in place, needing no new space (a disk that fills up meanwhile can't lose a billed
    task), and a crash while MiniMax answers leaves it behind, unreadable as a task: the next render says a
    task may be billed instead of creating another."""
    placeholder = json.dumps({"version": SIDECAR_VERSION, "reserved": "a task is being created; if this stays, "
                              "it may be billed and its id is unknown"})  # notr: written into the file
    write_atomically(sidecar_path(dest), placeholder.ljust(SIDECAR_RESERVED).encode("utf-8"))


def _write_sidecar(dest: Path, pending: PendingTask) -> None:
    body = pending.to_json().encode("utf-8")
    if len(body) > SIDECAR_RESERVED:
        write_atomically(sidecar_path(dest), body)
        return
    with sidecar_path(dest).open("r+b") as sidecar:  # in place: the reserved blocks are the file's already
        sidecar.write(body.ljust(SIDECAR_RESERVED))
        sidecar.flush()
        os.fsync(sidecar.fileno())


async def _create(client: MiniMaxClient, settings: T2ASettings, text: str, dest: Path,
                  fingerprint: str) -> PendingTask:
    request = async_request(settings, 0)  # refused here, before the upload, if the settings can't go async
    uploaded = await client.upload_file(text.encode("utf-8"), INPUT_PURPOSE, "text.txt")
    request = request.model_copy(update={"text_file_id": int(uploaded.file_id)})
    try:
        _reserve_sidecar(dest)
    except OSError:
        await delete_input(client, uploaded.file_id)
        raise

    async def create_and_record() -> PendingTask:
        task = await client.t2a_async_create(request)
        if task.task_id is None:
            raise BadResponseError(translate("ProductionLongForm",
                                             "MiniMax accepted the long-text speech task but sent no task_id"))
        pending = PendingTask(
            task_id=str(task.task_id), text_file_id=str(uploaded.file_id), text_sha256=text_sha256(text),
            settings_sha256=fingerprint, audio_format=request.audio_setting.format, created_at=time.time(),
            usage_characters=task.usage_characters, trace_id=task.trace_id,
        )
        try:
            _write_sidecar(dest, pending)
        except OSError as exc:
            raise StudioError(translate(
                "ProductionLongForm", "MiniMax created long-text speech task {task} (billed), but its record {file} "
                                      "couldn't be written: {reason}. Make room, then resume it; rendering again "
                                      "would bill again.").format(
                task=pending.task_id, file=sidecar_path(dest), reason=exc.strerror)) from exc
        return pending

    # Once sent, the create bills: a cancel meanwhile waits for its answer, so the sidecar records the task.
    creating = asyncio.ensure_future(create_and_record())
    try:
        return await asyncio.shield(creating)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await creating
        raise
    except APIError:
        sidecar_path(dest).unlink(missing_ok=True)  # refused, so not created: nothing is billed
        await delete_input(client, uploaded.file_id)  # and the uploaded text has no use
        raise


async def _finish(client: MiniMaxClient, pending: PendingTask, dest: Path, report: _Reporter,
                  poll_s: float) -> LongFormTake:
    try:
        status = await _wait(client, pending, report, poll_s)
    except AsyncSpeechFailed:
        await delete_input(client, pending.text_file_id)
        sidecar_path(dest).unlink(missing_ok=True)
        raise
    if status.file_id is None:
        raise BadResponseError(translate("ProductionLongForm", "MiniMax reported task {task} done without a file_id")
                               .format(task=pending.task_id))
    report("downloading", pending.task_id, status.status, 0.0)
    bundle = dest.with_name(dest.name + ".bundle")
    try:
        await _fetch(client, str(status.file_id), bundle, lambda fraction: report(
            "downloading", pending.task_id, status.status, fraction))
        subtitles, extra = await asyncio.to_thread(_unpack, bundle, dest, pending)
    finally:
        bundle.unlink(missing_ok=True)
        part_path(bundle).unlink(missing_ok=True)
    await delete_input(client, pending.text_file_id)
    sidecar_path(dest).unlink(missing_ok=True)
    usage = extra.usage_characters if extra and extra.usage_characters is not None else pending.usage_characters
    return LongFormTake(dest, subtitles, usage, pending.task_id, pending.trace_id,
                        extra.audio_length if extra else None)


async def _wait(client: MiniMaxClient, pending: PendingTask, report: _Reporter, poll_s: float) -> TaskStatus:
    """Polls until the task ends. A paid task keeps running whoever watches it: polls that fail for a passing
    reason are tried again for up to MAX_OUTAGE_S in a row before the error is raised (the sidecar stays)."""
    pacer = _pacer(client)
    delay = min(FIRST_POLL_S, poll_s)
    failing_since: float | None = None
    phase: LongFormPhase = "queued"
    while True:
        await pacer.wait()
        try:
            status = await client.t2a_async_query(pending.task_id)
        except TRANSIENT as exc:
            now = time.monotonic()
            failing_since = failing_since if failing_since is not None else now
            if now - failing_since > MAX_OUTAGE_S:
                raise
            report(phase, pending.task_id, problem=str(exc))
            await asyncio.sleep(max(delay, poll_s))
            continue
        failing_since = None
        if status.state == "success":
            return status
        if status.state == "failed":
            raise AsyncSpeechFailed(pending.task_id, status.status,
                                    pending.trace_id or getattr(status, "trace_id", None))
        phase = "queued" if status.state == "pending" else "processing"
        report(phase, pending.task_id, status.status)
        await asyncio.sleep(delay)
        delay = min(max(poll_s, MIN_QUERY_SPACING_S), delay * 1.5)


async def _fetch(client: MiniMaxClient, file_id: str, bundle: Path, progress: Callable[[float], None]) -> None:
    """The result bundle into `bundle`, through its download link (a fresh one once if it expired), or the
    file's content when MiniMax gives no link."""

    def downloaded(received: int, total: int | None) -> None:
        if total:
            progress(received / total)

    for attempt in range(2):
        file = await client.retrieve_file(file_id)
        if not file.download_url:
            write_atomically(bundle, await client.retrieve_file_content(file_id))
            return
        try:
            await client.download(file.download_url, bundle, expected_size=file.bytes or None,
                                  on_progress=downloaded,
                                  what=translate("ProductionLongForm", "the long-text speech result"))
            return
        except LinkError as exc:
            if not exc.expired or attempt:
                raise


def _unpack(bundle: Path, dest: Path, pending: PendingTask) -> tuple[tuple[SubtitleItem, ...], ExtraInfo | None]:
    """Audio, subtitles and extra info out of a tar or zip bundle (members matched by suffix); a bundle that
    is neither is taken as the audio itself. Subtitles are written beside `dest` before the audio."""
    with _members(bundle) as members:
        names = list(members)
        audio = _BARE if _BARE in members else (
            _one_member(names, (f".{pending.audio_format}",)) or _one_member(names, _AUDIO_SUFFIXES))
        if audio is None:
            raise BadResponseError(translate(
                "ProductionLongForm", "The result of task {task} holds no audio (members: {members})").format(
                task=pending.task_id, members=", ".join(names) or translate("ProductionLongForm", "none")))
        titles = _one_member(names, (".titles.json", ".subtitles.json", "subtitle.json", "subtitles.json"))
        subtitles = tuple(parse_subtitles(json.loads(members[titles]().read()))) if titles else ()
        extras = _one_member(names, (".extra.json", "extra_info.json"))
        extra = ExtraInfo.model_validate(json.loads(members[extras]().read())) if extras else None
        subtitles_json = json.dumps([item.model_dump(mode="json") for item in subtitles], ensure_ascii=False)
        write_atomically(subtitles_path(dest), subtitles_json.encode("utf-8"))
        _copy_atomically(members[audio](), dest)
    return subtitles, extra


@contextlib.contextmanager
def _members(bundle: Path) -> Iterator[dict[str, Callable[[], IO[bytes]]]]:
    """Member name → opener, for a zip, a tar, or a bare file (its own single member)."""
    if zipfile.is_zipfile(bundle):
        with zipfile.ZipFile(bundle) as archive:
            yield {info.filename: functools.partial(archive.open, info)
                   for info in archive.infolist() if not info.is_dir()}
    elif tarfile.is_tarfile(bundle):
        with tarfile.open(bundle) as tar:
            def opener(member: tarfile.TarInfo) -> IO[bytes]:
                handle = tar.extractfile(member)
                assert handle is not None  # regular files only
                return handle

            yield {member.name: functools.partial(opener, member) for member in tar.getmembers() if member.isfile()}
    else:
        with bundle.open("rb") as whole:
            yield {_BARE: lambda: whole}


def _one_member(names: list[str], suffixes: tuple[str, ...]) -> str | None:
    matches = sorted(name for name in names if name.lower().endswith(suffixes))
    return matches[0] if matches else None


def _copy_atomically(source: IO[bytes], dest: Path) -> None:
    """Like files.write_atomically, streaming from `source` (a long book's audio need not fit in memory)."""
    partial = part_path(dest)
    try:
        with partial.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(dest)) from exc
    if not partial.stat().st_size:
        partial.unlink()
        raise BadResponseError(translate(
            "ProductionLongForm", "The audio of the long-text speech result for {file} is empty").format(
            file=dest.name))
    os.replace(partial, dest)


async def delete_input(client: MiniMaxClient, text_file_id: str | int) -> None:
    """An uploaded text, off the user's account once its task has ended (or was never created); a failure
    is only logged (it harms nothing but storage)."""
    try:
        await client.delete_file(text_file_id, INPUT_PURPOSE)
    except MiniMaxError as exc:
        log.info("could not delete the uploaded input file %s: %s", text_file_id, exc)
