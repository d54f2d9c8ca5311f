"""Demo mode keeps the emulator's state in the data dir: what the user made survives reopening the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.api.models.voice import VoiceDesignRequest
from studio.services.account import Account
from studio.services.connection import RunningDemo


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


async def test_a_second_studio_on_the_demo_shares_the_first_ones_emulator(
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
        assert (first.state.demo_kept, second.state.demo_kept) == (True, True)
        assert isinstance(second.emulator, RunningDemo) and second.emulator.global_url == first.emulator.global_url
        # The same demo: the first one's designed voice is there, and the second one's is the first one's.
        assert [v.voice_id for v in await second.require_client().get_voices("voice_generation")] == [designed.voice_id]
        await second.close()  # closing the second one leaves the first one's emulator running
        assert [v.voice_id for v in await first.require_client().get_voices("voice_generation")] == [designed.voice_id]
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
