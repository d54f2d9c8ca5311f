"""Demo mode keeps the emulator's state in the data dir: what the user made survives reopening the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.api.models.voice import VoiceDesignRequest
from studio.services.account import Account


async def test_demo_start_twice_keeps_a_designed_voice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    first = Account()
    await first.connect_demo()
    try:
        designed = await first.require_client().voice_design(
            VoiceDesignRequest(prompt="a warm, slow narrator", preview_text="Hello there."))
    finally:
        await first.close()

    reopened = Account()
    await reopened.connect_demo()
    try:
        ids = [v.voice_id for v in await reopened.require_client().get_voices("voice_generation")]
        assert ids == [designed.voice_id]
    finally:
        await reopened.close()
    assert any((tmp_path / "home").rglob("demo-emulator/state.json"))


async def test_while_another_studio_holds_the_demo_this_one_gets_an_empty_demo_that_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    first = Account()
    await first.connect_demo()
    second = Account()
    try:
        designed = await first.require_client().voice_design(
            VoiceDesignRequest(prompt="a warm, slow narrator", preview_text="Hello there."))
        await second.connect_demo()
        assert (first.state.demo_kept, second.state.demo_kept) == (True, False)
        assert await second.require_client().get_voices("voice_generation") == []
        assert second.emulator.config.state_dir is None  # it writes nothing: the first one's files are safe
    finally:
        await second.close()
        await first.close()
    reopened = Account()
    await reopened.connect_demo()
    try:
        assert reopened.state.demo_kept
        ids = [v.voice_id for v in await reopened.require_client().get_voices("voice_generation")]
        assert ids == [designed.voice_id]
    finally:
        await reopened.close()


async def test_switching_the_demo_region_keeps_the_same_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MINIMAX_API_KEY", raising=False)
    account = Account()
    await account.connect_demo("global")
    try:
        emulator = account.emulator
        await account.connect_demo("mainland")
        assert account.emulator is emulator and account.state.demo_kept  # not refused by its own lock
        assert account.require_client().base_url == emulator.mainland_url
        await account.check_connection()
    finally:
        await account.close()
