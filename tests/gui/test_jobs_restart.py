"""A video job left running when the studio quit is resumed by the next start, in demo mode as in live."""

from __future__ import annotations

from collections.abc import Callable

from studio.api.models import VideoRequest
from studio.app import start_account
from studio.services.account import Account
from studio.services.jobs import JobEvent, JobService
from studio.services.library import Library
from studio.settings.paths import data_dir
from tests.gui.studio_fixtures import make_studio, studio_home

__all__ = ["make_studio", "studio_home"]  # fixtures used by name below


async def leave_a_video_job_running() -> str:
    """An earlier session (the CLI's `studio video --no-wait` does the same): submit, then quit mid-job."""
    account = Account()
    await account.connect_demo()
    library = Library(data_dir())
    jobs = JobService(account.require_client, library)
    try:
        job = await jobs.submit_video(VideoRequest(model="T2V-01", prompt="a paper boat on a stream"))
    finally:
        await jobs.aclose()
        library.close()
        await account.close()
    return job.id


def test_a_job_resumed_at_start_up_in_demo_mode_waits_for_the_account_instead_of_calling_it_unreachable(
    make_studio: Callable, qapp: object, run: Callable, wait_until: Callable
) -> None:
    job_id = run(leave_a_video_job_running())

    services, window = make_studio()
    events: list[JobEvent] = []
    services.jobs.add_listener(events.append)
    start_account(window, services, force_demo=True)  # as main() does: the jobs resume while the demo starts
    wait_until(lambda: services.account.status == "connected", timeout=30)
    assert window.statusBar().connection_label.text() == "● Connected"
    wait_until(lambda: any(e.kind in ("finished", "failed") for e in events), timeout=90,
               message=f"the resumed job never ended: {[e.message for e in events]}")

    messages = [e.message for e in events]
    assert not any("Can't reach" in m for m in messages), messages
    assert [e.kind for e in events if e.kind != "progress"] == ["finished"], messages
    job = services.library.job(job_id)
    assert job is not None and job.state == "done"
