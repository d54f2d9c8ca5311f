"""File and task ids: 15 digits and JSON-safe for JavaScript by default, above 2^53 with the `big_ids` knob
(where our client must keep every digit), and old saved states with big ids still work."""

from __future__ import annotations

import asyncio
import json
import re
import sys
import time
from pathlib import Path

import httpx

from studio.api.client import MiniMaxClient
from studio.api.models import VideoRequest, VoiceCloneRequest
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from tests.emulator.test_server import wav_bytes

MAX_SAFE_INTEGER = 2**53 - 1  # JavaScript's Number.MAX_SAFE_INTEGER
OLD_FIRST_ID = 123456789012345681  # where emulators before the big_ids knob started counting


def loses_digits_as_a_double(value: int) -> bool:
    return int(float(value)) != value


async def test_default_ids_are_15_digits_like_minimax_s_and_exact_in_javascript(emulator: Emulator) -> None:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        files = [await client.upload_file(wav_bytes(11), "voice_clone", f"take{i}.wav") for i in range(4)]
        task_id = await client.video_generation(VideoRequest(model="T2V-01", prompt="a paper boat"))
    ids = [f.file_id for f in files] + [int(task_id)]
    assert all(i <= MAX_SAFE_INTEGER and len(str(i)) == 15 for i in ids), ids
    assert not any(loses_digits_as_a_double(i) for i in ids)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


async def test_with_big_ids_our_client_keeps_every_digit_from_upload_to_clone_and_delete() -> None:
    async with (Emulator(EmulatorConfig(big_ids=True)) as emulator,
                MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client):
        uploaded = await client.upload_file(wav_bytes(11), "voice_clone", "me.wav")
        other = await client.upload_file(wav_bytes(11), "voice_clone", "other.wav")
        assert uploaded.file_id > 2**53 and loses_digits_as_a_double(uploaded.file_id)
        assert loses_digits_as_a_double(other.file_id) and other.file_id != uploaded.file_id
        await client.voice_clone(VoiceCloneRequest(file_id=uploaded.file_id, voice_id="BigIdVoice01"))
        sent = [r.json for r in emulator.requests if r.path == "/v1/voice_clone"][-1]
        assert type(sent["file_id"]) is int and sent["file_id"] == uploaded.file_id  # never through a float
        await client.delete_file(uploaded.file_id, "voice_clone")
        assert [f.file_id for f in await client.list_files("voice_clone")] == [other.file_id]


def write_old_state(state_dir: Path, sample: bytes) -> None:
    """A state dir as an emulator from before the knob saved it: ids counted up from OLD_FIRST_ID."""
    files = state_dir / "files"
    files.mkdir(parents=True)
    (files / f"file-{OLD_FIRST_ID}.bin").write_bytes(sample)
    (files / f"file-{OLD_FIRST_ID + 2}.bin").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    created = time.time() - 60
    video = {"task_id": OLD_FIRST_ID + 1, "kind": "video", "created_at": created, "request": {}, "fail": False,
             "file_id": OLD_FIRST_ID + 2, "video_url": "", "finished_at": created + 8, "width": 1280,
             "height": 720, "params": {}, "done": True}
    account = {
        "key": DEMO_KEY, "region": "global", "voices": [], "used_voice_ids": [], "tasks": [video], "music_refs": {},
        "files": [{"file_id": OLD_FIRST_ID, "filename": "saved.wav", "purpose": "voice_clone",
                   "created_at": int(created), "blob": f"file-{OLD_FIRST_ID}.bin"},
                  {"file_id": OLD_FIRST_ID + 2, "filename": "output_aigc.mp4", "purpose": "video_generation",
                   "created_at": int(created), "blob": f"file-{OLD_FIRST_ID + 2}.bin"}],
    }
    index = {"version": 1, "clock_offset": 0.0, "next_id": OLD_FIRST_ID + 3, "accounts": [account], "blobs": {}}
    (state_dir / "state.json").write_text(json.dumps(index))


async def test_a_state_saved_with_big_ids_keeps_working_and_new_ids_never_collide(tmp_path: Path) -> None:
    write_old_state(tmp_path, wav_bytes(11))
    restarted = Emulator(EmulatorConfig(state_dir=tmp_path))  # default ids from here on
    async with restarted, MiniMaxClient(DEMO_KEY, base_url=restarted.global_url) as client:
        assert (await client.retrieve_file(OLD_FIRST_ID)).filename == "saved.wav"
        video = await client.query_video(str(OLD_FIRST_ID + 1))
        assert video.status == "Success" and video.file_id == OLD_FIRST_ID + 2
        await client.voice_clone(VoiceCloneRequest(file_id=OLD_FIRST_ID, voice_id="FromOldState1"))
        new = await client.upload_file(wav_bytes(11), "voice_clone", "new.wav")
        assert new.file_id <= MAX_SAFE_INTEGER
    big_again = Emulator(EmulatorConfig(state_dir=tmp_path, big_ids=True))
    async with big_again, MiniMaxClient(DEMO_KEY, base_url=big_again.global_url) as client:
        newest = await client.upload_file(wav_bytes(11), "voice_clone", "newest.wav")
        assert newest.file_id > OLD_FIRST_ID + 2
        listed = {f.file_id: f.filename for f in await client.list_files("voice_clone")}
        assert listed == {OLD_FIRST_ID: "saved.wav", new.file_id: "new.wav", newest.file_id: "newest.wav"}
        await client.delete_file(OLD_FIRST_ID, "voice_clone")
        assert OLD_FIRST_ID not in [f.file_id for f in await client.list_files("voice_clone")]


async def test_studio_emulator_big_ids_flag(tmp_path: Path) -> None:
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "studio.cli", "emulator", "--port", "0", "--big-ids", cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        assert server.stdout is not None
        banner = [(await asyncio.wait_for(server.stdout.readline(), timeout=90)).decode() for _ in range(3)]
        assert "above 2^53 (--big-ids)" in banner[2], banner
        url = re.findall(r"http://\S+", banner[0])[0]
        async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {DEMO_KEY}"}) as http:
            reply = await http.post("/v1/files/upload", data={"purpose": "voice_clone"},
                                    files={"file": ("me.wav", wav_bytes(11))})
        assert reply.json()["file"]["file_id"] > 2**53
    finally:
        server.terminate()
        await asyncio.wait_for(server.communicate(), timeout=30)
