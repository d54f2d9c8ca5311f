"""Quitting while a video is being made: the user is told it resumes next time, and the quit itself is quick."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from studio.api.models import VideoRequest
from tests.gui.speech_fixtures import Studio, demo_studio, studio_home

__all__ = ["demo_studio", "studio_home"]


def test_quitting_with_a_video_in_progress_says_it_will_resume_and_closes_at_once(
    demo_studio: Callable[..., Studio], run: Callable, wait_until: Callable,
) -> None:
    studio = demo_studio(audio=False)
    window, services = studio.window, studio.services
    assert window.quit_notice() == ""  # nothing pending: quitting asks nothing
    job = run(services.jobs.submit_video(VideoRequest(prompt="Waves on a long beach at dawn",
                                                      model="MiniMax-Hailuo-02", duration=10, resolution="768P")))
    run(asyncio.sleep(0.3))  # the (emulated) service is now encoding a 10 s video

    asked: list[str] = []
    window.confirm_quit = lambda notice: asked.append(notice) or False  # "Keep open"
    window.close()
    assert window.isVisible(), "Keep open keeps the window"
    assert asked and "“Waves on a long beach at dawn”" in asked[0] and "will resume next time" in asked[0]

    window.confirm_quit = lambda notice: asked.append(notice) or True  # "Quit"
    window.close()
    assert not window.isVisible()
    started = time.perf_counter()
    run(services.aclose())  # what main() does after the window closed
    took = time.perf_counter() - started
    assert took < 2.0, f"quitting took {took:.1f} s (it waited for the video being encoded)"

    again = demo_studio(audio=False)  # next time: the job is picked up again
    assert [resumed.id for resumed in again.services.jobs.resume_pending()] == [job.id]
    again.window.confirm_quit = lambda _notice: True


def test_a_demo_that_keeps_nothing_says_quitting_loses_the_video(
    demo_studio: Callable[..., Studio], run: Callable,
) -> None:
    from studio.emulator.persist import StateDirLock
    from studio.settings.paths import data_dir

    holder = StateDirLock(data_dir() / "demo-emulator")  # another MiniMax Studio holds the demo's state
    try:
        studio = demo_studio(audio=False)
        assert not studio.services.account.state.demo_kept
        run(studio.services.jobs.submit_video(VideoRequest(prompt="A lighthouse in the fog")))
        notice = studio.window.quit_notice()
        assert "“A lighthouse in the fog”" in notice and "quitting loses it" in notice
        assert "resume" not in notice
        studio.window.confirm_quit = lambda _notice: True
    finally:
        holder.release()
