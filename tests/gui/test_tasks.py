"""The TaskRunner as panels use it: a new render replaces the old, failures become messages."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from studio.api.errors import api_error
from studio.audio.player import AudioDeviceError
from studio.qt.tasks import TaskRunner, user_message


def test_new_work_under_a_key_cancels_the_old(run: Callable, qapp: object) -> None:
    runner = TaskRunner()
    events: list[str] = []

    async def render(name: str) -> str:
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:
            events.append(f"{name} cancelled")
            raise
        return name

    async def scenario() -> None:
        first = runner.run("speech", render("first"))
        await asyncio.sleep(0.01)
        second = runner.run("speech", render("second"), on_done=lambda r: events.append(f"{r} done"))
        await asyncio.gather(first, second, return_exceptions=True)

    run(scenario())
    assert events == ["first cancelled", "second done"]
    assert not runner.is_busy("speech")


def test_failure_is_reported_as_a_message_with_the_fix(run: Callable, qapp: object) -> None:
    runner = TaskRunner()
    failures: list[tuple[str, str]] = []
    busy: list[bool] = []
    runner.failed.connect(lambda key, message: failures.append((key, message)))
    runner.busy_changed.connect(lambda key, state: busy.append(state))

    async def fails() -> None:
        raise api_error(1008, "insufficient balance", "trace-1")

    async def scenario() -> None:
        await asyncio.gather(runner.run("voices", fails()), return_exceptions=True)
        await asyncio.sleep(0)

    run(scenario())
    assert busy == [True, False]
    assert failures and failures[0][0] == "voices"
    assert "balance" in failures[0][1].lower()


def test_an_audio_device_error_is_shown_as_its_own_message() -> None:
    # The audio errors derive from StudioError, not the client's MiniMaxError (audio/ doesn't import api/).
    unplugged = "The audio output 'USB headset' is not taking any audio"
    assert user_message(AudioDeviceError(unplugged)) == unplugged


def test_closing_the_owner_cancels_its_work(run: Callable, qapp: object) -> None:
    runner = TaskRunner()
    panel = QWidget()

    async def scenario() -> asyncio.Task:
        task = runner.run("audition", asyncio.sleep(5), owner=panel)
        await asyncio.sleep(0.01)
        panel.deleteLater()
        for _ in range(20):
            await asyncio.sleep(0.01)
            if task.done():
                break
        return task

    task = run(scenario())
    assert task.cancelled()
