"""The emulator over real loopback sockets, driven with raw httpx / websockets (not our client)."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import tarfile
import time
import wave
from collections.abc import AsyncIterator
from typing import Any

import av
import httpx
import numpy as np
import pytest
import websockets

from studio.api.models import MODEL_EMOTIONS, SPEECH_MODELS
from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY, Emulator, EmulatorConfig, Fault, routes_speech
from studio.emulator.media import make_png
from studio.emulator.state import MAX_SAFE_ID

AUTH = {"Authorization": f"Bearer {DEMO_KEY}"}
VOICE = "English_expressive_narrator"
TTS = {"model": "speech-2.8-hd", "text": "Hello there. This is a test.", "voice_setting": {"voice_id": VOICE}}


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=emulator.global_url, headers=AUTH, timeout=30) as c:
        yield c


def code(resp: httpx.Response) -> int:
    assert resp.status_code == 200, resp.text
    return resp.json()["base_resp"]["status_code"]


def decode_audio(data: bytes) -> tuple[float, int]:
    """(seconds, sample rate) of an audio file, decoded with PyAV."""
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        frames = [f for f in container.decode(stream)]
    return sum(f.samples for f in frames) / frames[0].sample_rate, frames[0].sample_rate


def wav_bytes(seconds: float, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    pcm = (np.sin(2 * np.pi * 220 * t) * 8000).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def sse_events(text: str) -> list[dict[str, Any]]:
    assert text.endswith("\n\n")
    blocks = text.strip("\n").split("\n\n")
    assert all(b.startswith("data: ") and "\n" not in b for b in blocks)
    return [json.loads(b[6:]) for b in blocks]


async def upload(client: httpx.AsyncClient, purpose: str, name: str, data: bytes) -> int:
    r = await client.post("/v1/files/upload", data={"purpose": purpose}, files={"file": (name, data)})
    assert code(r) == 0, r.text
    return r.json()["file"]["file_id"]


# -- auth, envelope, recording --------------------------------------------------------------------


async def test_auth_and_regions(emulator: Emulator) -> None:
    async with httpx.AsyncClient(timeout=10) as c:
        g, m = emulator.global_url, emulator.mainland_url
        body = {"voice_type": "voice_cloning"}
        assert code(await c.post(f"{g}/v1/get_voice", json=body)) == 1004
        assert code(await c.post(f"{g}/v1/get_voice", json=body, headers={"Authorization": "Bearer nope"})) == 2049
        assert code(await c.post(f"{m}/v1/get_voice", json=body, headers=AUTH)) == 2049
        wrong = {"Authorization": f"Bearer {MAINLAND_DEMO_KEY}"}
        r = await c.get(f"{g}/v1/token_plan/remains", headers=wrong)
        assert r.json()["base_resp"] == {"status_code": 2049, "status_msg": "invalid api key"}
        assert code(await c.get(f"{m}/v1/token_plan/remains", headers=wrong)) == 0
        r = await c.post(f"{g}/v1/get_voice?GroupId=123", json=body, headers={"x-api-key": DEMO_KEY})
        assert code(r) == 0 and r.json()["voice_cloning"] == []
        assert len(r.headers["Trace-Id"]) >= 16
        emulator.add_key("sk-cp-extra", "mainland")
        assert code(await c.get(f"{m}/v1/token_plan/remains", headers={"x-api-key": "sk-cp-extra"})) == 0
        r = await c.get(f"{g}/v1/get_voice", headers=AUTH)
        assert (r.status_code, r.text) == (404, "404 page not found")
        assert (await c.get(f"{g}/v1/nothing", headers=AUTH)).status_code == 404


async def test_requests_are_recorded_without_the_key(emulator: Emulator, client: httpx.AsyncClient) -> None:
    await client.post("/v1/get_voice?GroupId=7", json={"voice_type": "system"}, headers={"x-api-key": DEMO_KEY})
    rec = emulator.requests[-1]
    assert (rec.region, rec.method, rec.path, rec.query, rec.json) == (
        "global", "POST", "/v1/get_voice", {"GroupId": "7"}, {"voice_type": "system"})
    assert not {"authorization", "x-api-key"} & {k.lower() for k in rec.headers}
    assert DEMO_KEY not in repr(emulator.requests)


async def test_a_long_running_emulator_keeps_only_its_newest_requests() -> None:
    async with Emulator(EmulatorConfig(max_recorded_requests=3)) as emu:
        async with httpx.AsyncClient(base_url=emu.global_url, headers={"Authorization": f"Bearer {DEMO_KEY}"}) as http:
            for n in range(5):
                await http.post("/v1/get_voice", json={"voice_type": "system", "n": n})
        assert [r.json["n"] for r in emu.requests] == [2, 3, 4]


# -- T2A HTTP -------------------------------------------------------------------------------------


async def test_t2a_hex_url_and_subtitles(client: httpx.AsyncClient, emulator: Emulator) -> None:
    r = await client.post("/v1/t2a_v2", json=TTS)
    j = r.json()
    assert code(r) == 0 and j["base_resp"]["status_msg"] == "success"
    assert j["trace_id"] == r.headers["Trace-Id"] and j["data"]["status"] == 2
    audio = bytes.fromhex(j["data"]["audio"])
    seconds, rate = decode_audio(audio)
    info = j["extra_info"]
    assert rate == 32000 and info["audio_sample_rate"] == 32000 and info["audio_size"] == len(audio)
    assert abs(info["audio_length"] - seconds * 1000) < 100
    assert info["usage_characters"] == len(TTS["text"]) and info["word_count"] == 6
    assert (info["audio_format"], info["audio_channel"], info["bitrate"]) == ("mp3", 1, 128000)

    body = {**TTS, "text": "One.<#0.50#>Two, three.", "output_format": "url", "subtitle_enable": True,
            "audio_setting": {"format": "flac", "sample_rate": 16000, "channel": 2}}
    j = (await client.post("/v1/t2a_v2", json=body)).json()
    assert j["data"]["audio"].startswith("http://127.0.0.1:")
    audio = (await client.get(j["data"]["audio"])).content
    assert audio[:4] == b"fLaC" and decode_audio(audio)[1] == 16000
    assert j["extra_info"]["usage_characters"] == len("One.Two, three.")
    subs = (await client.get(j["data"]["subtitle_file"])).json()
    assert [s["text"] for s in subs] == ["One.", "Two, three."]
    assert subs[0]["time_begin"] == 0 and subs[0]["time_end"] <= subs[1]["time_begin"]
    assert subs[1]["time_end"] == pytest.approx(j["extra_info"]["audio_length"], abs=2)
    emulator.advance_clock(25 * 3600)
    assert (await client.get(j["data"]["audio"])).status_code == 403


@pytest.mark.parametrize("patch", [
    {"model": "speech-9"}, {"text": ""}, {"text": "a" * 10_000}, {"voice_setting": {"voice_id": VOICE, "speed": 3}},
    {"voice_setting": {"voice_id": VOICE, "vol": 0}}, {"voice_setting": {"voice_id": VOICE, "pitch": 13}},
    {"voice_setting": {"voice_id": VOICE, "emotion": "neutral"}}, {"voice_setting": {}},
    {"voice_setting": {"voice_id": "no_such_voice_x"}}, {"audio_setting": {"sample_rate": 48000}},
    {"audio_setting": {"bitrate": 96000}}, {"audio_setting": {"format": "ogg"}}, {"audio_setting": {"channel": 3}},
    {"stream": True, "audio_setting": {"format": "wav"}},
    {"stream": True, "audio_setting": {"format": "pcm"}, "voice_modify": {"pitch": 10}},
    {"voice_modify": {"sound_effects": ["robotic", "spacious_echo"]}}, {"voice_modify": {"timbre": 101}},
    {"model": "speech-02-hd", "voice_setting": {"voice_id": VOICE, "emotion": "whisper"}},
    {"model": "speech-2.8-hd", "voice_setting": {"voice_id": VOICE, "emotion": "fluent"}},
])
async def test_t2a_invalid_params(client: httpx.AsyncClient, patch: dict[str, Any]) -> None:
    r = await client.post("/v1/t2a_v2", json={**TTS, **patch})
    assert code(r) == 2013 and r.json()["base_resp"]["status_msg"].startswith("invalid params")


async def test_emulator_takes_the_emotions_the_client_allows_and_no_others(client: httpx.AsyncClient) -> None:
    """The emulator follows the reference on its own; it must agree with the client's table."""
    assert routes_speech.MODEL_EMOTIONS == MODEL_EMOTIONS
    for model in SPEECH_MODELS:
        for emotion in ("fluent", "whisper"):  # the two that only some models take
            body = {**TTS, "model": model, "text": "Hi.", "audio_setting": {"format": "pcm"},
                    "voice_setting": {"voice_id": VOICE, "emotion": emotion}}
            expected = 0 if emotion in MODEL_EMOTIONS[model] else 2013
            assert code(await client.post("/v1/t2a_v2", json=body)) == expected, (model, emotion)


async def speech_samples(client: httpx.AsyncClient, model: str, text: str) -> np.ndarray:
    body = {**TTS, "model": model, "text": text, "audio_setting": {"format": "pcm", "sample_rate": 32000}}
    r = await client.post("/v1/t2a_v2", json=body)
    assert code(r) == 0
    return np.frombuffer(bytes.fromhex(r.json()["data"]["audio"]), "<i2")


async def test_interjection_tags_are_sounds_on_2_8_and_read_aloud_before(client: httpx.AsyncClient) -> None:
    # speech-02: "(laughs)" is the spoken word "laughs", sample for sample.
    tagged = await speech_samples(client, "speech-02-hd", "Well (laughs) okay.")
    assert np.array_equal(tagged, await speech_samples(client, "speech-02-hd", "Well laughs okay."))
    # speech-2.8: a laugh (4 bursts of 90 ms + 70 ms gaps = 0.64 s) where the word would be.
    word = await speech_samples(client, "speech-2.8-hd", "laughs")
    laugh = await speech_samples(client, "speech-2.8-hd", "(laughs)")
    assert len(laugh) / 32000 == pytest.approx(0.64, abs=0.01)
    assert abs(len(word) - len(laugh)) / 32000 > 0.1
    spoken_around = len(await speech_samples(client, "speech-2.8-hd", "Well"))
    spoken_around += len(await speech_samples(client, "speech-2.8-hd", "okay."))
    with_laugh = await speech_samples(client, "speech-2.8-hd", "Well (laughs) okay.")
    assert (len(with_laugh) - spoken_around) / 32000 == pytest.approx(0.64, abs=0.01)


async def test_t2a_timbre_weights_and_invisible_chars(client: httpx.AsyncClient) -> None:
    weights = [{"voice_id": VOICE, "weight": 70}, {"voice_id": "male-qn-qingse", "weight": 30}]
    for key in ("timber_weights", "timbre_weights"):
        body = {**TTS, "voice_setting": {}, key: weights}
        assert code(await client.post("/v1/t2a_v2", json=body)) == 0
    assert code(await client.post("/v1/t2a_v2", json={**TTS, "text": "ab\u200b\u200b\u200b"})) == 1042


async def test_t2a_sse_framing(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/t2a_v2", json={**TTS, "stream": True})
    assert r.headers["content-type"].startswith("text/event-stream")
    events = sse_events(r.text)
    chunks, final = events[:-1], events[-1]
    assert len(chunks) >= 2
    assert all(e["data"]["status"] == 1 and e["base_resp"] == {"status_code": 0, "status_msg": ""}
               and "extra_info" not in e for e in chunks)
    assert final["data"]["status"] == 2 and final["base_resp"]["status_msg"] == "success"
    joined = b"".join(bytes.fromhex(e["data"]["audio"]) for e in chunks)
    assert joined.hex() == final["data"]["audio"] and final["extra_info"]["audio_size"] == len(joined)
    decode_audio(joined)

    r = await client.post("/v1/t2a_v2", json={**TTS, "stream": True,
                                              "stream_options": {"exclude_aggregated_audio": True}})
    assert sse_events(r.text)[-1]["data"]["audio"] == ""


async def test_pacing_first_audio(client: httpx.AsyncClient, emulator: Emulator) -> None:
    emulator.config.pacing.first_audio_ms = 400
    start = time.monotonic()
    async with client.stream("POST", "/v1/t2a_v2", json={**TTS, "stream": True}) as r:
        async for line in r.aiter_lines():
            if line.startswith("data:"):
                first = time.monotonic() - start
                break
    assert 0.39 < first < 1.5
    emulator.config.pacing.first_audio_ms = 0
    t0 = time.monotonic()
    r = await client.post("/v1/t2a_v2", json={**TTS, "stream": True},
                          headers={"X-Emulator-Pacing": "first_audio_ms=0;rtf=0.5;chunk_seconds=0.5"})
    events = sse_events(r.text)
    seconds = events[-1]["extra_info"]["audio_length"] / 1000
    assert time.monotonic() - t0 >= (seconds - 0.5) * 0.5 - 0.05


# -- T2A WebSocket --------------------------------------------------------------------------------


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/ws/v1/t2a_v2"


async def recv(ws: Any) -> dict[str, Any]:
    return json.loads(await asyncio.wait_for(ws.recv(), 10))


async def test_ws_sequence_two_texts(emulator: Emulator) -> None:
    async with websockets.connect(ws_url(emulator.global_url), additional_headers=AUTH) as ws:
        hello = await recv(ws)
        assert hello["event"] == "connected_success" and hello["session_id"] and hello["base_resp"]["status_code"] == 0
        await ws.send(json.dumps({"event": "task_start", "model": "speech-2.8-turbo",
                                  "voice_setting": {"voice_id": VOICE},
                                  "audio_setting": {"sample_rate": 24000, "format": "mp3"}}))
        assert (await recv(ws))["event"] == "task_started"
        await ws.send(json.dumps({"event": "task_continue", "text": "First text."}))
        await ws.send(json.dumps({"event": "task_continue", "text": "And a second one, a bit longer."}))
        await ws.send(json.dumps({"event": "task_finish"}))
        texts: list[bytes] = []
        audio = b""
        while True:
            msg = await recv(ws)
            if msg["event"] == "task_finished":
                break
            assert msg["event"] == "task_continued" and msg["session_id"] == hello["session_id"]
            audio += bytes.fromhex(msg["data"]["audio"])
            if msg["is_final"]:
                assert msg["extra_info"]["audio_size"] == len(audio)
                texts.append(audio)
                audio = b""
        assert len(texts) == 2 and decode_audio(texts[0])[1] == 24000
        assert decode_audio(texts[1])[0] > decode_audio(texts[0])[0]
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
    assert [r.json["event"] for r in emulator.requests if r.method == "WS"] == [
        "task_start", "task_continue", "task_continue", "task_finish"]


async def test_ws_failures(emulator: Emulator) -> None:
    url = ws_url(emulator.global_url)
    async with websockets.connect(url, additional_headers=AUTH) as ws:
        await recv(ws)
        await ws.send(json.dumps({"event": "task_start", "model": "speech-2.8-hd", "voice_setting": {"voice_id": "x"}}))
        failed = await recv(ws)
        assert failed["event"] == "task_failed" and failed["base_resp"]["status_code"] == 2013
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
    for base, headers, expected in ((emulator.mainland_url, AUTH, 2049), (emulator.global_url, {}, 1004)):
        async with websockets.connect(ws_url(base), additional_headers=headers) as ws:
            msg = await recv(ws)
            assert msg["event"] == "task_failed" and msg["base_resp"]["status_code"] == expected


async def test_ws_idle_timeout(emulator: Emulator) -> None:
    emulator.config.ws_idle_timeout = 0.3
    async with websockets.connect(ws_url(emulator.global_url), additional_headers=AUTH) as ws:
        await recv(ws)
        t0 = time.monotonic()
        with pytest.raises(websockets.ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert 0.2 < time.monotonic() - t0 < 2


# -- async T2A, files -----------------------------------------------------------------------------


async def test_async_t2a_takes_up_to_and_including_50000_characters_sync_fewer_than_10000(
    client: httpx.AsyncClient,
) -> None:
    body = {"model": "speech-2.6-hd", "voice_setting": {"voice_id": VOICE}}
    limits = ((50_000, "/v1/t2a_async_v2", True), (50_001, "/v1/t2a_async_v2", False),
              (10_000, "/v1/t2a_v2", False))
    for length, path, accepted in limits:
        reply = (await client.post(path, json={**body, "text": "a" * length})).json()
        assert (reply["base_resp"]["status_code"] == 0) is accepted, (length, path, reply["base_resp"])


async def test_async_t2a(client: httpx.AsyncClient) -> None:
    body = {"model": "speech-2.6-hd", "text": "A long story, told slowly.",
            "voice_setting": {"voice_id": VOICE, "english_normalization": True},
            "audio_setting": {"audio_sample_rate": 16000, "format": "mp3", "channel": 1, "sample_rate": 12345}}
    j = (await client.post("/v1/t2a_async_v2", json=body)).json()
    assert j["base_resp"]["status_code"] == 0 and j["usage_characters"] == len(body["text"])
    assert isinstance(j["task_id"], int) and 0 < j["task_id"] <= MAX_SAFE_ID and j["task_token"]
    q = (await client.get("/v1/query/t2a_async_query_v2", params={"task_id": j["task_id"]})).json()
    assert q["status"] == "Processing" and q["file_id"] == j["file_id"]
    for _ in range(50):
        await asyncio.sleep(0.1)
        q = (await client.get("/v1/query/t2a_async_query_v2", params={"task_id": j["task_id"]})).json()
        if q["status"] != "Processing":
            break
    assert q["status"] == "Success"
    f = (await client.get("/v1/files/retrieve", params={"file_id": q["file_id"]})).json()["file"]
    assert f["purpose"] == "t2a_async" and f["filename"].endswith(".tar")
    with tarfile.open(fileobj=io.BytesIO((await client.get(f["download_url"])).content)) as tar:
        names = tar.getnames()
        mp3 = tar.extractfile(next(n for n in names if n.endswith(".mp3"))).read()  # type: ignore[union-attr]
    assert decode_audio(mp3)[1] == 16000 and len(names) == 3

    file_id = await upload(client, "t2a_async_input", "book.txt", b"Chapter one. It was a dark night.")
    j = (await client.post("/v1/t2a_async_v2", json={**body, "text": None, "text_file_id": file_id})).json()
    assert j["usage_characters"] == len("Chapter one. It was a dark night.")


async def test_files_crud(client: httpx.AsyncClient) -> None:
    data = wav_bytes(11)
    r = await client.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("me.wav", data)})
    f = r.json()["file"]
    assert f["bytes"] == len(data) and f["filename"] == "me.wav" and f["purpose"] == "voice_clone"
    assert 0 < f["file_id"] <= MAX_SAFE_ID and abs(f["created_at"] - time.time()) < 5
    r = await client.post("/v1/files/upload", data={"purpose": "voice_clone"}, files={"file": ("me.ogg", data)})
    assert code(r) == 2013
    r = await client.post("/v1/files/upload", data={"purpose": "nope"}, files={"file": ("me.wav", data)})
    assert code(r) == 2013
    files = (await client.get("/v1/files/list", params={"purpose": "voice_clone"})).json()["files"]
    assert [x["file_id"] for x in files] == [f["file_id"]]
    assert (await client.get("/v1/files/list", params={"purpose": "prompt_audio"})).json()["files"] == []
    got = (await client.get("/v1/files/retrieve", params={"file_id": f["file_id"]})).json()["file"]
    assert (await client.get(got["download_url"])).content == data
    assert (await client.get("/v1/files/retrieve_content", params={"file_id": str(f["file_id"])})).content == data
    wrong = {"file_id": f["file_id"], "purpose": "prompt_audio"}
    assert code(await client.post("/v1/files/delete", json=wrong)) == 2013
    r = await client.post("/v1/files/delete", json={"file_id": f["file_id"], "purpose": "voice_clone"})
    assert r.json()["file_id"] == f["file_id"] and code(r) == 0
    assert code(await client.get("/v1/files/retrieve", params={"file_id": f["file_id"]})) == 2013
    assert (await client.get(got["download_url"])).status_code == 404


# -- voices ---------------------------------------------------------------------------------------


async def test_clone_expiry_and_activation(client: httpx.AsyncClient, emulator: Emulator) -> None:
    file_id = await upload(client, "voice_clone", "src.wav", wav_bytes(12))
    r = await client.post("/v1/voice_clone", json={"file_id": file_id, "voice_id": "MyVoice001",
                                                   "text": "Preview me.", "model": "speech-2.8-hd"})
    j = r.json()
    assert code(r) == 0 and j["input_sensitive"] is False and j["input_sensitive_type"] == 0
    decode_audio((await client.get(j["demo_audio"])).content)
    r = await client.post("/v1/voice_clone", json={"file_id": file_id, "voice_id": "MyVoice002"})
    assert r.json()["demo_audio"] == ""
    cloning = (await client.post("/v1/get_voice", json={"voice_type": "voice_cloning"})).json()
    assert set(cloning) == {"voice_cloning", "base_resp"}
    assert [v["voice_id"] for v in cloning["voice_cloning"]] == ["MyVoice001", "MyVoice002"]
    assert cloning["voice_cloning"][0]["description"] == [] and len(cloning["voice_cloning"][0]["created_time"]) == 10
    body = {**TTS, "voice_setting": {"voice_id": "MyVoice002"}}
    assert code(await client.post("/v1/t2a_v2", json=body)) == 0  # activates MyVoice002
    emulator.advance_clock(169 * 3600)
    cloning = (await client.post("/v1/get_voice", json={"voice_type": "all"})).json()
    assert [v["voice_id"] for v in cloning["voice_cloning"]] == ["MyVoice002"]
    assert code(await client.post("/v1/t2a_v2", json={**TTS, "voice_setting": {"voice_id": "MyVoice001"}})) == 2013
    # An expired id stays taken.
    assert code(await client.post("/v1/voice_clone", json={"file_id": file_id, "voice_id": "MyVoice001"})) == 2039


async def test_clone_errors(client: httpx.AsyncClient) -> None:
    short = await upload(client, "voice_clone", "short.wav", wav_bytes(5))
    good = await upload(client, "voice_clone", "good.wav", wav_bytes(10.5))
    prompt_long = await upload(client, "prompt_audio", "p.wav", wav_bytes(9))
    prompt_ok = await upload(client, "prompt_audio", "p.wav", wav_bytes(3))

    async def clone(**kw: Any) -> int:
        return code(await client.post("/v1/voice_clone", json={"file_id": good, "voice_id": "Tester0001", **kw}))

    assert await clone(file_id=short) == 2037
    assert await clone(voice_id="1startsdigit") == 2013
    assert await clone(voice_id="short") == 2013
    assert await clone(voice_id="ends_with_") == 2013
    assert await clone(file_id=123) == 2013
    assert await clone(text="hi") == 2013  # text without model
    assert await clone(clone_prompt={"prompt_audio": prompt_long, "prompt_text": "Hello."}) == 2048
    assert await clone(clone_prompt={"prompt_audio": prompt_ok, "prompt_text": "Hi [[mismatch]]."}) == 1044
    assert await clone(text_validation="words [[mismatch]]", accuracy=0.9) == 1043
    assert await clone(clone_prompt={"prompt_audio": prompt_ok, "prompt_text": "Hello."}) == 0
    assert await clone() == 2039
    assert await clone(voice_id=VOICE) == 2039


async def test_a_voice_design_prompt_has_no_length_limit(client: httpx.AsyncClient) -> None:
    long_brief = "A warm, deep narrator with a slow, careful delivery. " * 60  # ~3,200 characters
    assert code(await client.post("/v1/voice_design", json={"prompt": long_brief, "preview_text": "Hello."})) == 0


async def test_design_delete_and_no_reuse(client: httpx.AsyncClient) -> None:
    design = {"prompt": "A warm, deep narrator", "preview_text": "Once upon a time."}
    r = await client.post("/v1/voice_design", json=design)
    j = r.json()
    assert code(r) == 0 and j["voice_id"].startswith("ttv-voice-") and len(j["voice_id"].split("-")[-1]) == 8
    decode_audio(bytes.fromhex(j["trial_audio"]))
    assert code(await client.post("/v1/voice_design", json={"prompt": "x", "preview_text": "y" * 501})) == 2013
    gen = (await client.post("/v1/get_voice", json={"voice_type": "voice_generation"})).json()["voice_generation"]
    assert [v["voice_id"] for v in gen] == [j["voice_id"]]
    bad = {"voice_type": "voice_cloning", "voice_id": j["voice_id"]}
    assert code(await client.post("/v1/delete_voice", json=bad)) == 2013
    assert code(await client.post("/v1/delete_voice", json={"voice_type": "voice_cloning", "voice_id": VOICE})) == 2013
    r = await client.post("/v1/delete_voice", json={"voice_type": "voice_generation", "voice_id": j["voice_id"]})
    assert code(r) == 0 and r.json()["voice_id"] == j["voice_id"] and r.json()["created_time"].isdigit()
    gen = (await client.post("/v1/get_voice", json={"voice_type": "voice_generation"})).json()["voice_generation"]
    assert gen == []
    body = {"prompt": "again", "preview_text": "Hi.", "voice_id": j["voice_id"]}
    assert code(await client.post("/v1/voice_design", json=body)) == 2039


# -- image, video, templates ----------------------------------------------------------------------


def jpeg_size(data: bytes) -> tuple[int, int]:
    """A JPEG's size, decoded with PyAV (image-01 serves JPEG)."""
    assert data[:3] == b"\xff\xd8\xff"
    with av.open(io.BytesIO(data)) as container:
        frame = next(container.decode(video=0))
    return frame.width, frame.height


async def test_images(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/image_generation", json={"model": "image-01", "prompt": "a red fox", "n": 2,
                                                         "aspect_ratio": "16:9", "width": 512, "height": 512})
    j = r.json()
    assert code(r) == 0 and j["metadata"] == {"failed_count": "0", "success_count": "2"} and j["id"]
    sizes = [jpeg_size((await client.get(u)).content) for u in j["data"]["image_urls"]]
    assert sizes == [(1280, 720), (1280, 720)]
    r = await client.post("/v1/image_generation", json={
        "model": "image-01", "prompt": "a fox", "width": 640, "height": 512, "response_format": "base64",
        "subject_reference": [{"type": "character", "image_file": "data:image/png;base64,iVBORw0KGgo="}]})
    assert jpeg_size(base64.b64decode(r.json()["data"]["image_base64"][0])) == (640, 512)
    for bad in ({"n": 10}, {"width": 513, "height": 512}, {"width": 512}, {"prompt": "x" * 1501},
                {"model": "image-01-live", "width": 512, "height": 512}, {"aspect_ratio": "5:4"}):
        assert code(await client.post("/v1/image_generation", json={"model": "image-01", "prompt": "p", **bad})) == 2013


async def poll(client: httpx.AsyncClient, path: str, task_id: str) -> list[str]:
    seen: list[str] = []
    for _ in range(100):
        j = (await client.get(path, params={"task_id": task_id})).json()
        assert j["base_resp"]["status_code"] == 0 and j["task_id"] == task_id
        if not seen or seen[-1] != j["status"]:
            seen.append(j["status"])
        if j["status"] in ("Success", "Fail"):
            return seen
        await asyncio.sleep(0.05)
    raise AssertionError(seen)


IMG = "https://example.com/cat.png"


async def test_video_modes_and_download(client: httpx.AsyncClient, emulator: Emulator) -> None:
    emulator.config.video_fps = 6  # real H.264 files; at 24 fps four videos took > 30 s on a loaded machine
    emulator.config.job_seconds = 3  # 1 s a phase: the first poll still sees "Preparing" on a loaded machine
    modes = [
        {"model": "MiniMax-Hailuo-2.3", "prompt": "a cat [Pan left]"},
        {"model": "MiniMax-Hailuo-02", "first_frame_image": IMG, "resolution": "512P", "duration": 10},
        {"model": "MiniMax-Hailuo-02", "first_frame_image": IMG, "last_frame_image": IMG, "resolution": "1080P"},
        {"model": "S2V-01", "prompt": "a hero", "subject_reference": [{"type": "character", "image": IMG}]},
    ]
    ids = []
    for body in modes:
        r = await client.post("/v1/video_generation", json=body)
        assert code(r) == 0 and isinstance(r.json()["task_id"], str)
        ids.append(r.json()["task_id"])
    seen = await poll(client, "/v1/query/video_generation", ids[0])
    assert seen[0] == "Preparing" and seen[-1] == "Success" and set(seen) <= {"Preparing", "Queueing", "Processing",
                                                                             "Success"}
    emulator.advance_clock(60)
    results = [(await client.get("/v1/query/video_generation", params={"task_id": t})).json() for t in ids]
    assert [(q["status"], q["video_width"], q["video_height"]) for q in results] == [
        ("Success", 1366, 768), ("Success", 912, 512), ("Success", 1920, 1080), ("Success", 1280, 720)]
    f = (await client.get("/v1/files/retrieve", params={"file_id": results[1]["file_id"]})).json()["file"]
    assert (f["filename"], f["purpose"]) == ("output_aigc.mp4", "video_generation")
    with av.open(io.BytesIO((await client.get(f["download_url"])).content)) as c:
        v = c.streams.video[0]
        assert (v.codec_context.width, v.codec_context.height) == (912, 512)


async def test_image_to_video_follows_the_first_frame_s_aspect(client: httpx.AsyncClient, emulator: Emulator) -> None:
    emulator.config.video_fps = 2
    emulator.config.job_seconds = 0

    async def size(first_frame: tuple[int, int], **body: Any) -> tuple[int, int]:
        png = "data:image/png;base64," + base64.b64encode(make_png(*first_frame, "a harbour", seed=2)).decode()
        r = await client.post("/v1/video_generation", json={**body, "first_frame_image": png})
        q = (await client.get("/v1/query/video_generation", params={"task_id": r.json()["task_id"]})).json()
        return q["video_width"], q["video_height"]

    assert await size((600, 600), model="I2V-01") == (720, 720)
    assert await size((640, 1280), model="MiniMax-Hailuo-2.3") == (768, 1536)
    assert await size((1280, 720), model="MiniMax-Hailuo-02", resolution="512P") == (912, 512)  # 16:9: as listed


@pytest.mark.parametrize("body", [
    {"model": "MiniMax-Hailuo-2.3", "prompt": "p", "resolution": "1080P", "duration": 10},
    {"model": "MiniMax-Hailuo-2.3", "prompt": "p", "resolution": "512P"},
    {"model": "T2V-01", "prompt": "p", "resolution": "768P"},
    {"model": "MiniMax-Hailuo-2.3-Fast", "prompt": "p"},
    {"model": "I2V-01", "prompt": "p"},
    {"model": "MiniMax-Hailuo-2.3", "first_frame_image": IMG, "last_frame_image": IMG},
    {"model": "MiniMax-Hailuo-02", "first_frame_image": "ftp://x", "resolution": "768P"},
    {"model": "MiniMax-Hailuo-02"},
    {"model": "S2V-01", "subject_reference": [{"type": "character", "image": [IMG, IMG]}]},
    {"model": "Sora", "prompt": "p"},
])
async def test_video_invalid_combos(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    assert code(await client.post("/v1/video_generation", json=body)) == 2013


async def test_video_fail_and_templates(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/video_generation", json={"model": "T2V-01", "prompt": "boom [[fail]]"})
    assert (await poll(client, "/v1/query/video_generation", r.json()["task_id"]))[-1] == "Fail"
    diving = {"template_id": "392747428568649728", "media_inputs": [{"value": IMG}]}
    r = await client.post("/v1/video_template_generation", json=diving)
    task_id = r.json()["task_id"]
    assert (await poll(client, "/v1/query/video_template_generation", task_id))[-1] == "Success"
    q = (await client.get("/v1/query/video_template_generation", params={"task_id": task_id})).json()
    assert (await client.get(q["video_url"])).content[4:8] == b"ftyp"
    run = {"template_id": "393769180141805569", "media_inputs": [{"value": IMG}]}
    assert code(await client.post("/v1/video_template_generation", json=run)) == 2013
    run["text_inputs"] = [{"value": "lion"}]
    assert code(await client.post("/v1/video_template_generation", json=run)) == 0
    assert code(await client.post("/v1/video_template_generation", json={**diving, "template_id": "1"})) == 2013


# -- music ----------------------------------------------------------------------------------------

LYRICS = "[Verse]\nWalking down the road\nSinging all alone\n[Chorus]\nHome, home, home"


async def test_music(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/music_generation", json={
        "model": "music-2.6", "prompt": "indie folk", "lyrics": LYRICS,
        "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "mp3"}})
    j = r.json()
    assert code(r) == 0 and j["data"]["status"] == 2 and j["trace_id"]
    audio = bytes.fromhex(j["data"]["audio"])
    seconds, rate = decode_audio(audio)
    info = j["extra_info"]
    assert (info["music_sample_rate"], info["music_channel"], info["music_size"]) == (32000, 2, len(audio))
    assert rate == 32000 and abs(info["music_duration"] - seconds * 1000) < 200

    r = await client.post("/v1/music_generation", json={"model": "music-2.5+", "prompt": "ambient pads",
                                                         "is_instrumental": True, "output_format": "url"})
    decode_audio((await client.get(r.json()["data"]["audio"])).content)
    r = await client.post("/v1/music_generation", json={"model": "music-2.6-free", "prompt": "synthwave",
                                                         "lyrics": LYRICS, "stream": True})
    events = sse_events(r.text)
    joined = b"".join(bytes.fromhex(e["data"]["audio"]) for e in events[:-1])
    assert events[-1]["data"]["status"] == 2 and events[-1]["extra_info"]["music_size"] == len(joined)
    r = await client.post("/v1/music_generation", json={"model": "music-2.6", "prompt": "pop",
                                                         "lyrics_optimizer": True})
    assert code(r) == 0
    for bad in ({"model": "music-2.0", "prompt": "p", "is_instrumental": True}, {"model": "music-2.6", "prompt": "p"},
                {"model": "music-1.5", "prompt": "short", "lyrics": LYRICS}, {"model": "music-3", "lyrics": LYRICS},
                {"model": "music-2.6", "lyrics": LYRICS, "stream": True, "output_format": "url"}):
        assert code(await client.post("/v1/music_generation", json=bad)) == 2013


async def test_music_upload_and_lyrics(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/music_upload", data={"purpose": "song"}, files={"file": ("s.wav", wav_bytes(1))})
    j = r.json()
    assert code(r) == 0 and j["voice_id"] and j["instrumental_id"]
    body = {"model": "music-01", "lyrics": LYRICS, "refer_voice": j["voice_id"],
            "refer_instrumental": j["instrumental_id"]}
    assert code(await client.post("/v1/music_generation", json=body)) == 0
    assert code(await client.post("/v1/music_generation", json={**body, "refer_voice": "vocal-x"})) == 2013
    r = await client.post("/v1/lyrics_generation", json={"prompt": "a song about rainy Tuesdays"})
    data = r.json()["data"]
    assert "[Chorus]" in data["lyrics"] and data["title"]
    assert data == (await client.post("/v1/lyrics_generation", json={"prompt": "a song about rainy Tuesdays"})).json()[
        "data"]



async def test_music_01_lyrics_are_optional_and_at_most_200_characters(client: httpx.AsyncClient) -> None:
    # docs/protocol.md#music: music-01 lyrics are optional, 0-200 characters.
    r = await client.post("/v1/music_upload", data={"purpose": "song"}, files={"file": ("s.wav", wav_bytes(1))})
    refs = {"refer_voice": r.json()["voice_id"], "refer_instrumental": r.json()["instrumental_id"]}
    for lyrics in (None, "", "la " * 66 + "la"):
        reply = await client.post("/v1/music_generation", json={"model": "music-01", "lyrics": lyrics, **refs})
        assert code(reply) == 0, reply.text
        assert decode_audio(bytes.fromhex(reply.json()["data"]["audio"]))[0] > 5
    reply = await client.post("/v1/music_generation", json={"model": "music-01", "lyrics": "la " * 67, **refs})
    assert reply.json()["base_resp"] == {"status_code": 2013, "status_msg": (
        "invalid params, lyrics must be at most 200 characters for music-01, got 201")}

# -- faults ---------------------------------------------------------------------------------------


async def test_fault_http_and_base_resp(client: httpx.AsyncClient, emulator: Emulator) -> None:
    emulator.inject(Fault("http", path="/v1/t2a_v2", status=429, retry_after=2, times=2))
    body = {"voice_type": "system"}
    assert code(await client.post("/v1/get_voice", json=body)) == 0  # path filter
    for _ in range(2):
        r = await client.post("/v1/t2a_v2", json=TTS)
        assert r.status_code == 429 and r.headers["Retry-After"] == "2"
        assert r.json()["base_resp"]["status_code"] == 429 and r.headers["Trace-Id"]
    assert code(await client.post("/v1/t2a_v2", json=TTS)) == 0  # used up
    emulator.inject(Fault("base_resp", code=1002))
    r = await client.post("/v1/get_voice", json=body)
    assert r.json()["base_resp"]["status_code"] == 1002
    r = await client.post("/v1/get_voice", json=body,
                          headers={"X-Emulator-Fault": "kind=base_resp;code=1008;msg=broke"})
    assert r.json()["base_resp"] == {"status_code": 1008, "status_msg": "broke"}
    r = await client.post("/v1/get_voice", json=body, headers={"X-Emulator-Fault": "kind=explode"})
    assert code(r) == 2013


async def test_fault_stream_kinds(client: httpx.AsyncClient) -> None:
    stream = {**TTS, "stream": True, "text": "A somewhat longer sentence so that there are several chunks to send."}

    def fault(spec: str) -> dict[str, str]:
        return {"X-Emulator-Fault": spec}

    r = await client.post("/v1/t2a_v2", json=stream, headers=fault("kind=base_resp;code=1002;after_chunks=2"))
    events = sse_events(r.text)
    assert len(events) == 3 and events[-1]["base_resp"]["status_code"] == 1002
    with pytest.raises(httpx.RemoteProtocolError):
        await client.post("/v1/t2a_v2", json=stream, headers=fault("kind=drop;after_chunks=1"))
    with pytest.raises(httpx.RemoteProtocolError):
        await client.post("/v1/t2a_v2", json=TTS, headers=fault("kind=drop"))
    r = await client.post("/v1/t2a_v2", json=stream, headers=fault("kind=malformed;after_chunks=1"))
    lines = [ln for ln in r.text.split("\n\n") if ln]
    with pytest.raises(ValueError):
        json.loads(lines[1][6:])
    assert json.loads(lines[-1][6:])["data"]["status"] == 2
    with pytest.raises(ValueError):
        (await client.post("/v1/t2a_v2", json=TTS, headers=fault("kind=malformed"))).json()
    t0 = time.monotonic()
    r = await client.post("/v1/t2a_v2", json=stream, headers=fault("kind=stall;after_chunks=1;stall_seconds=0.4"))
    assert time.monotonic() - t0 >= 0.4 and sse_events(r.text)[-1]["data"]["status"] == 2
    with pytest.raises(httpx.ReadTimeout):
        await client.post("/v1/t2a_v2", json=stream, headers=fault("kind=stall;after_chunks=1"), timeout=0.5)


async def test_fault_ws(emulator: Emulator) -> None:
    start = {"event": "task_start", "model": "speech-2.8-hd", "voice_setting": {"voice_id": VOICE}}
    text = {"event": "task_continue", "text": "A sentence long enough to make a few audio chunks for us."}

    async def session(spec: str) -> list[Any]:
        got: list[Any] = []
        headers = {**AUTH, "X-Emulator-Fault": spec}
        async with websockets.connect(ws_url(emulator.global_url), additional_headers=headers) as ws:
            await recv(ws)
            await ws.send(json.dumps(start))
            await recv(ws)
            await ws.send(json.dumps(text))
            try:
                while True:
                    raw = await asyncio.wait_for(ws.recv(), 5)
                    try:
                        got.append(json.loads(raw))
                    except ValueError:
                        got.append(raw)
                        continue
                    if got[-1].get("is_final") or got[-1]["event"] == "task_failed":
                        break
            except websockets.ConnectionClosed:
                got.append("closed")
        return got

    got = await session("kind=base_resp;code=1026;after_chunks=2")
    assert len(got) == 3 and got[-1]["event"] == "task_failed" and got[-1]["base_resp"]["status_code"] == 1026
    got = await session("kind=drop;after_chunks=1")
    assert len(got) == 2 and got[-1] == "closed"
    got = await session("kind=malformed;after_chunks=1")
    assert isinstance(got[1], str) and got[-1]["is_final"]
    emulator.inject(Fault("http", path="/ws/", status=503))
    with pytest.raises(websockets.InvalidStatus):
        async with websockets.connect(ws_url(emulator.global_url), additional_headers=AUTH):
            pass
