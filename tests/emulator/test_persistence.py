"""An emulator with a state_dir keeps voices, files and jobs across a stop and a fresh start (new ports)."""

from __future__ import annotations

import asyncio
import io
import json
import sys
import tarfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig, StateDirInUse
from studio.emulator.state import VOICE_TTL
from tests.emulator.test_server import wav_bytes

AUTH = {"Authorization": f"Bearer {DEMO_KEY}"}
DIVING = {"template_id": "392747428568649728", "media_inputs": [{"value": "https://example.com/me.png"}]}


def emu_at(state_dir: Path, video_fps: int = 24) -> Emulator:
    return Emulator(EmulatorConfig(job_seconds=0.6, state_dir=state_dir, video_fps=video_fps))


def client(emu: Emulator) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=emu.global_url, headers=AUTH, timeout=60)


def ok(resp: httpx.Response) -> dict[str, Any]:
    assert resp.status_code == 200, resp.text
    j = resp.json()
    assert j["base_resp"]["status_code"] == 0, j
    return j


async def poll(c: httpx.AsyncClient, path: str, task_id: Any) -> dict[str, Any]:
    for _ in range(400):
        j = ok(await c.get(path, params={"task_id": task_id}))
        if j["status"] not in ("Preparing", "Queueing", "Processing"):
            return j
        await asyncio.sleep(0.05)
    raise AssertionError(j)


async def voices(c: httpx.AsyncClient) -> list[dict[str, Any]]:
    return ok(await c.post("/v1/get_voice", json={"voice_type": "voice_cloning"}))["voice_cloning"]


async def test_voices_files_and_jobs_survive_a_restart(tmp_path: Path) -> None:
    source = wav_bytes(11)
    async with emu_at(tmp_path) as first, client(first) as c:
        up = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"},
                             files={"file": ("me.wav", source)}))["file"]
        ok(await c.post("/v1/voice_clone", json={"file_id": up["file_id"], "voice_id": "Persisted01"}))
        ok(await c.post("/v1/voice_clone", json={"file_id": up["file_id"], "voice_id": "NeverUsed01"}))
        listed = await voices(c)
        video = ok(await c.post("/v1/video_generation", json={"model": "T2V-01", "prompt": "a cat"}))["task_id"]
        template = ok(await c.post("/v1/video_template_generation", json=DIVING))["task_id"]
        speech = ok(await c.post("/v1/t2a_async_v2", json={
            "model": "speech-2.8-hd", "text": "Kept across restarts.",
            "voice_setting": {"voice_id": "Persisted01"}}))
        first.advance_clock(3600)
    # stopped right away: the video (seconds of encoding) was still running and is saved unfinished
    index = json.loads((tmp_path / "state.json").read_text())
    assert [t["done"] for a in index["accounts"] for t in a["tasks"] if t["kind"] == "video"] == [False]

    # the first one's slow encoding made sure its video was unfinished; the restart's may be quick
    async with emu_at(tmp_path, video_fps=6) as second, client(second) as c:
        assert await voices(c) == listed
        day = second.state.clock.date(second.state.clock.now() - 3600)
        assert [(v["voice_id"], v["created_time"]) for v in listed] == [("Persisted01", day), ("NeverUsed01", day)]
        got = ok(await c.get("/v1/files/retrieve", params={"file_id": up["file_id"]}))["file"]
        assert got["download_url"].startswith(second.global_url)
        assert (await c.get(got["download_url"])).content == source
        assert (await c.get("/v1/files/retrieve_content", params={"file_id": up["file_id"]})).content == source

        q = await poll(c, "/v1/query/video_generation", video)
        assert (q["status"], q["video_width"], q["video_height"]) == ("Success", 1280, 720)
        f = ok(await c.get("/v1/files/retrieve", params={"file_id": q["file_id"]}))["file"]
        body = (await c.get(f["download_url"])).content
        assert len(body) == f["bytes"] > 1000 and body[4:8] == b"ftyp"

        t = await poll(c, "/v1/query/video_template_generation", template)
        assert t["status"] == "Success" and t["video_url"].startswith(second.global_url)
        assert (await c.get(t["video_url"])).content[4:8] == b"ftyp"

        s = await poll(c, "/v1/query/t2a_async_query_v2", speech["task_id"])
        assert s["status"] == "Success" and s["file_id"] == speech["file_id"]
        tar = (await c.get("/v1/files/retrieve_content", params={"file_id": s["file_id"]})).content
        with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
            assert sorted(tf.getnames()) == sorted(f"{speech['task_id']}.{x}" for x in ("mp3", "titles.json",
                                                                                        "extra.json"))
        next_id = int(ok(await c.post("/v1/video_generation", json={"model": "T2V-01", "prompt": "x"}))["task_id"])
        assert next_id > int(speech["file_id"])  # the id counter carried on

    # a third start: finished jobs stay finished (no second output file), the links made in the second
    # run still resolve (on the new port), and voice expiry runs on the saved clock: the voice used
    # for speech was activated and stays, the unused one goes 7 days after its creation
    async with emu_at(tmp_path) as third, client(third) as c:
        q = ok(await c.get("/v1/query/video_generation", params={"task_id": video}))
        assert q["status"] == "Success"
        outputs = ok(await c.get("/v1/files/list", params={"purpose": "video_generation"}))["files"]
        assert [o["file_id"] for o in outputs].count(int(q["file_id"])) == 1
        link = t["video_url"].replace(second.global_url, third.global_url)
        assert (await c.get(link)).content[4:8] == b"ftyp"
        third.advance_clock(VOICE_TTL - 3600 - 60)
        assert [v["voice_id"] for v in await voices(c)] == ["Persisted01", "NeverUsed01"]
        third.advance_clock(120)
        assert [v["voice_id"] for v in await voices(c)] == ["Persisted01"]


async def test_deleted_things_stay_deleted(tmp_path: Path) -> None:
    async with emu_at(tmp_path) as first, client(first) as c:
        up = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"},
                             files={"file": ("me.wav", wav_bytes(11))}))["file"]
        ok(await c.post("/v1/voice_clone", json={"file_id": up["file_id"], "voice_id": "Deleted001"}))
        ok(await c.post("/v1/delete_voice", json={"voice_type": "voice_cloning", "voice_id": "Deleted001"}))
        ok(await c.post("/v1/files/delete", json={"file_id": up["file_id"], "purpose": "voice_clone"}))
    assert list((tmp_path / "files").iterdir()) == []
    async with emu_at(tmp_path) as second, client(second) as c:
        assert await voices(c) == []
        r = (await c.get("/v1/files/retrieve", params={"file_id": up["file_id"]})).json()
        assert r["base_resp"]["status_code"] == 2013
        up2 = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"},
                              files={"file": ("me.wav", wav_bytes(11))}))["file"]
        r = (await c.post("/v1/voice_clone", json={"file_id": up2["file_id"], "voice_id": "Deleted001"})).json()
        assert r["base_resp"]["status_code"] == 2039  # a deleted id is never reusable, restart or not


async def test_corrupt_state_starts_empty_and_keeps_a_bad_copy(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_text('{"version": 1, "accounts": [')
    async with emu_at(tmp_path) as emu, client(emu) as c:
        assert await voices(c) == []
        ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("a.wav", b"RIFF")}))
    assert (tmp_path / "state.json.bad").read_text() == '{"version": 1, "accounts": ['
    assert json.loads((tmp_path / "state.json").read_text())["version"] == 1

    (tmp_path / "state.json").write_bytes(b"\xff\x00 not json")
    async with emu_at(tmp_path) as emu, client(emu) as c:
        assert ok(await c.get("/v1/files/list"))["files"] == []


async def test_missing_blob_drops_just_that_file(tmp_path: Path) -> None:
    async with emu_at(tmp_path) as first, client(first) as c:
        a = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("a.wav", b"A")}))
        b = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("b.wav", b"B")}))
    (tmp_path / "files" / f"file-{a['file']['file_id']}.bin").unlink()
    async with emu_at(tmp_path) as second, client(second) as c:
        files = ok(await c.get("/v1/files/list"))["files"]
        assert [f["file_id"] for f in files] == [b["file"]["file_id"]]


async def test_without_state_dir_nothing_is_written(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    async with Emulator(EmulatorConfig(job_seconds=0.6)) as emu, client(emu) as c:
        ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("a.wav", b"A")}))
    assert list(tmp_path.iterdir()) == []


async def test_a_second_emulator_on_the_same_state_dir_is_refused_and_deletes_nothing(tmp_path: Path) -> None:
    # Both would save the whole index after every request and delete the files it doesn't name: the
    # other's uploads. So the second is refused before it starts.
    async with emu_at(tmp_path) as first, client(first) as c:
        up = ok(await c.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("a.wav", b"A")}))
        second = emu_at(tmp_path)
        with pytest.raises(StateDirInUse):
            await second.start()
        assert second.global_url == ""
        assert ok(await c.get("/v1/files/list"))["files"][0]["file_id"] == up["file"]["file_id"]
    async with emu_at(tmp_path) as third, client(third) as c:  # free again once the first stopped
        assert [f["file_id"] for f in ok(await c.get("/v1/files/list"))["files"]] == [up["file"]["file_id"]]


async def test_an_emulator_in_another_process_holds_its_state_dir(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "studio.emulator", "--port", "0", "--mainland-port", "0", "--state-dir",
               str(tmp_path)]
    running = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
    try:
        assert running.stdout is not None
        assert b"MiniMax emulator" in await asyncio.wait_for(running.stdout.readline(), 30)
        with pytest.raises(StateDirInUse):
            await emu_at(tmp_path).start()
        refused = await asyncio.create_subprocess_exec(*command, stderr=asyncio.subprocess.PIPE)
        _, err = await asyncio.wait_for(refused.communicate(), 30)
        assert refused.returncode == 1
        assert f"another emulator is using {tmp_path}" in err.decode()
    finally:
        running.terminate()
        await running.wait()
    async with emu_at(tmp_path):  # the OS dropped the lock with the process
        pass
