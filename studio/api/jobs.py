"""Polling long-running jobs (video, video templates, async T2A) until they succeed or fail."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from studio.api.errors import MiniMaxError
from studio.api.models import TaskStatus
from studio.words import translate


class JobFailed(MiniMaxError):
    def __init__(self, task_id: str, status: str, trace_id: str | None = None) -> None:
        trace = translate("JobPolling", " [trace {trace_id}]").format(trace_id=trace_id) if trace_id else ""
        super().__init__(translate(
            "JobPolling", "Job {task_id} ended with status {status!r}; nothing was produced.{trace}").format(
            task_id=task_id, status=status, trace=trace))
        self.task_id = task_id
        self.status = status
        self.trace_id = trace_id


class JobTimeout(MiniMaxError):
    def __init__(self, task_id: str, waited_s: float) -> None:
        super().__init__(translate(
            "JobPolling", "Job {task_id} is still running after {waited_s:.0f} s; it keeps running on the server, "
            "check it again later.").format(task_id=task_id, waited_s=waited_s))
        self.task_id = task_id


async def wait_for_job(
    poll: Callable[[], Awaitable[TaskStatus]],
    task_id: str,
    *,
    interval: float = 5.0,
    max_interval: float = 20.0,
    max_wait: float = 1800.0,
    on_progress: Callable[[TaskStatus], None] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> TaskStatus:
    """Poll until success (returned) or failure (JobFailed). Cancel the awaiting task to stop polling.

    The interval grows by half each poll up to `max_interval`: jobs take minutes, and the documented
    query limits are low (10 QPS for async T2A, 5 RPM class limits for video)."""
    started = time.monotonic()
    delay = interval
    while True:
        status = await poll()
        if on_progress:
            on_progress(status)
        if status.state == "success":
            return status
        if status.state == "failed":
            raise JobFailed(task_id, status.status, getattr(status, "trace_id", None))
        if time.monotonic() - started + delay > max_wait:
            raise JobTimeout(task_id, time.monotonic() - started)
        await sleep(delay)
        delay = min(max_interval, delay * 1.5)
