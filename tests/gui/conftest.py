"""Qt fixtures. pytest-qt knows nothing of qasync, so GUI tests are plain functions that drive one qasync
loop themselves: `qloop.run_until_complete(coro)`; never block in a waitUntil inside a coroutine."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from qasync import QEventLoop

from studio.emulator import Emulator, EmulatorConfig
from studio.qt.loop import StudioEventLoop

T = TypeVar("T")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """The app as users get it in English: its plural forms ("1 take", "2 takes") come from
    resources/i18n/studio_en.qm, installed as `show_shell` does (tests switching language restore it)."""
    from studio.qt.i18n import install_translators

    app = QApplication.instance() or QApplication(["studio-tests"])
    install_translators(app, "en")  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


class StudioTestLoop(StudioEventLoop):
    """qasync's run_until_complete processes Qt events once more after the loop stopped, with no running
    asyncio loop: a task step (an HTTP read of a background refresh) landing in that pass fails with "no
    running event loop". Here that last pass runs with the loop marked as running."""

    def run_until_complete(self, future: Any) -> Any:
        future = asyncio.ensure_future(future, loop=self)

        def stop(_future: Any) -> None:
            self.stop()

        future.add_done_callback(stop)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(stop)
        asyncio.events._set_running_loop(self)
        try:
            QApplication.processEvents()
        finally:
            asyncio.events._set_running_loop(None)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()


@pytest.fixture(autouse=True)
def _no_widgets_outlive_their_test(qapp: QApplication) -> Iterator[None]:
    """Every top-level widget a test made is deleted after it. Left alive, they pile up across the run, and
    each later theme change (setStyle/setStyleSheet repolishes every widget) grows slower until the suite
    seems to hang around its three-quarter mark."""
    before = set(QApplication.topLevelWidgets())
    yield
    for widget in QApplication.topLevelWidgets():
        if widget not in before:
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[QEventLoop]:
    loop = StudioTestLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(qloop: QEventLoop) -> Callable[[Awaitable[T]], T]:
    """run(coro) drives the qasync loop (and so Qt events) until the coroutine is done."""
    return qloop.run_until_complete  # type: ignore[return-value]


@pytest.fixture
def wait_until(qloop: QEventLoop) -> Callable[..., None]:
    """Spin the loop until `condition()` is true, failing after `timeout` seconds."""

    def wait(condition: Callable[[], Any], timeout: float = 10.0, message: str = "") -> None:
        async def poll() -> None:
            deadline = qloop.time() + timeout
            while not condition():
                if qloop.time() > deadline:
                    raise AssertionError(message or f"condition not met within {timeout} s")
                await asyncio.sleep(0.02)

        qloop.run_until_complete(poll())

    return wait


@pytest.fixture
def gui_emulator(qloop: QEventLoop) -> Iterator[Emulator]:
    """An emulator running on the same qasync loop as the widgets."""
    emulator = Emulator(EmulatorConfig(job_seconds=0.6))
    qloop.run_until_complete(emulator.start())
    yield emulator
    qloop.run_until_complete(emulator.stop())


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    """Save a widget's picture under test-output/screenshots/ (not committed) for a person to look at."""

    def save(widget: QWidget, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not save {path}"
        return path

    return save
