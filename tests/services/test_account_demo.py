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
