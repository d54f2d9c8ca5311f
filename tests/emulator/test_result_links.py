"""Result links and pictures as MiniMax serves them: JPEG images under `…_aigc.jpeg`, signed object-storage
links that expire per kind, and https with a self-signed certificate (`--tls`). Raw httpx, real sockets."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import ssl
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import av
import httpx
import pytest
import websockets

from studio.api.client import MiniMaxClient
from studio.api.models import T2ARequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig

AUTH = {"Authorization": f"Bearer {DEMO_KEY}"}
TTS = {"model": "speech-2.8-hd", "text": "Hello there.", "voice_setting": {"voice_id": "English_expressive_narrator"}}
HOUR = 3600


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=emulator.global_url, headers=AUTH, timeout=30) as c:
        yield c


def picture_size(data: bytes) -> tuple[int, int]:
    """Width × height, decoded with PyAV: the bytes really open as a picture."""
    with av.open(io.BytesIO(data)) as container:
        frame = next(container.decode(video=0))
    return frame.width, frame.height


def expires_in(url: str, now: float | None = None) -> float:
    """Seconds from `now` until the link's signed Expires; asserts it is shaped like MiniMax's OSS links."""
    query = parse_qs(urlsplit(url).query)
    assert set(query) == {"Expires", "OSSAccessKeyId", "Signature"}, url
    assert query["OSSAccessKeyId"][0].startswith("LTAI") and len(query["Signature"][0]) == 28
    return int(query["Expires"][0]) - (time.time() if now is None else now)


async def test_image_01_serves_jpeg_for_urls_and_base64(client: httpx.AsyncClient) -> None:
    body = {"model": "image-01", "prompt": "a lighthouse at dusk", "aspect_ratio": "16:9"}
    url = (await client.post("/v1/image_generation", json=body)).json()["data"]["image_urls"][0]
    assert urlsplit(url).path.endswith("_aigc.jpeg")
    got = await client.get(url)
    assert got.headers["content-type"] == "image/jpeg" and got.content[:3] == b"\xff\xd8\xff"
    assert picture_size(got.content) == (1280, 720)
    inline = (await client.post("/v1/image_generation", json={**body, "response_format": "base64"})).json()
    data = base64.b64decode(inline["data"]["image_base64"][0])
    assert data[:3] == b"\xff\xd8\xff" and picture_size(data) == (1280, 720)


async def test_the_png_knob_serves_a_png_under_the_same_jpeg_name(
        emulator: Emulator, client: httpx.AsyncClient) -> None:
    emulator.config.image_format = "png"
    body = {"model": "image-01", "prompt": "a lighthouse", "width": 512, "height": 512}
    url = (await client.post("/v1/image_generation", json=body)).json()["data"]["image_urls"][0]
    assert urlsplit(url).path.endswith("_aigc.jpeg")
    assert (await client.get(url)).content.startswith(b"\x89PNG\r\n\x1a\n")


async def result_links(emulator: Emulator, client: httpx.AsyncClient) -> dict[str, str]:
    """One link of each kind MiniMax hands out."""
    image = await client.post("/v1/image_generation", json={"model": "image-01", "prompt": "fox", "width": 512,
                                                             "height": 512})
    speech = (await client.post("/v1/t2a_v2", json={**TTS, "output_format": "url", "subtitle_enable": True})).json()
    music = await client.post("/v1/music_generation", json={"model": "music-2.6", "prompt": "calm piano",
                                                             "is_instrumental": True, "output_format": "url"})
    emulator.config.video_fps = 2
    video = (await client.post("/v1/video_generation", json={"model": "T2V-01", "prompt": "waves"})).json()
    template = (await client.post("/v1/video_template_generation", json={
        "template_id": "392747428568649728", "media_inputs": [{"value": "https://example.com/me.png"}]})).json()
    for _ in range(300):
        done = (await client.get("/v1/query/video_generation", params={"task_id": video["task_id"]})).json()
        made = (await client.get("/v1/query/video_template_generation", params={"task_id": template["task_id"]}))
        if done["status"] == "Success" and made.json()["status"] == "Success":
            break
        await asyncio.sleep(0.1)
    file = (await client.get("/v1/files/retrieve", params={"file_id": done["file_id"]})).json()["file"]
    return {
        "image_urls": image.json()["data"]["image_urls"][0],
        "t2a url output": speech["data"]["audio"],
        "t2a subtitle_file": speech["data"]["subtitle_file"],
        "music url output": music.json()["data"]["audio"],
        "video download_url": file["download_url"],
        "template video_url": made.json()["video_url"],
    }


LIFETIMES = {"image_urls": 24, "t2a url output": 24, "t2a subtitle_file": 24, "music url output": 24,
             "video download_url": 9, "template video_url": 9}


async def test_every_result_link_is_signed_and_expires_after_its_documented_lifetime(
        emulator: Emulator, client: httpx.AsyncClient) -> None:
    links = await result_links(emulator, client)
    assert set(links) == set(LIFETIMES)
    for kind, url in links.items():
        assert expires_in(url) == pytest.approx(LIFETIMES[kind] * HOUR, abs=120), kind
        assert (await client.get(url)).status_code == 200, kind
    emulator.advance_clock(9 * HOUR + 60)
    for kind, url in links.items():
        got = await client.get(url)
        assert got.status_code == (403 if LIFETIMES[kind] == 9 else 200), kind
    emulator.advance_clock(15 * HOUR)
    for kind, url in links.items():
        got = await client.get(url)
        assert got.status_code == 403 and got.headers["content-type"].startswith("application/xml"), kind
        assert "<Code>AccessDenied</Code>" in got.text and "<Message>Request has expired.</Message>" in got.text
    # A finished video is still there a day later: asking again gives a new link, valid for 9 h from now.
    video = (await client.get("/v1/files/list", params={"purpose": "video_generation"})).json()["files"][0]
    file = (await client.get("/v1/files/retrieve", params={"file_id": video["file_id"]})).json()["file"]
    template = next(r.query["task_id"] for r in emulator.requests if r.path == "/v1/query/video_template_generation")
    made = (await client.get("/v1/query/video_template_generation", params={"task_id": template})).json()
    for url in (file["download_url"], made["video_url"]):
        assert expires_in(url, emulator.state.clock.now()) == pytest.approx(9 * HOUR, abs=120)
        assert (await client.get(url)).status_code == 200


async def test_a_link_with_its_expiry_changed_or_its_signature_removed_is_refused(
        client: httpx.AsyncClient) -> None:
    url = (await client.post("/v1/t2a_v2", json={**TTS, "output_format": "url"})).json()["data"]["audio"]
    later = re.sub(r"Expires=(\d+)", lambda m: f"Expires={int(m[1]) + HOUR}", url)
    refused = await client.get(later)
    assert refused.status_code == 403 and "<Code>SignatureDoesNotMatch</Code>" in refused.text
    bare = await client.get(url.split("?")[0])
    assert bare.status_code == 403 and "<Code>AccessDenied</Code>" in bare.text


async def test_the_url_ttl_knob_shortens_every_link() -> None:
    async with Emulator(EmulatorConfig(url_ttl=60)) as emu, \
            httpx.AsyncClient(base_url=emu.global_url, headers=AUTH, timeout=30) as client:
        url = (await client.post("/v1/t2a_v2", json={**TTS, "output_format": "url"})).json()["data"]["audio"]
        assert expires_in(url) == pytest.approx(60, abs=5)
        assert (await client.get(url)).status_code == 200
        emu.advance_clock(61)
        assert "Request has expired." in (await client.get(url)).text


async def test_with_tls_a_client_trusting_the_certificate_speaks_https_and_downloads_over_https() -> None:
    async with Emulator(EmulatorConfig(tls=True)) as emu:
        assert emu.certificate is not None and emu.certificate.read_bytes().startswith(b"-----BEGIN CERTIFICATE")
        assert emu.global_url.startswith("https://") and emu.mainland_url.startswith("https://")
        trusting = ssl.create_default_context(cafile=emu.certificate)
        async with httpx.AsyncClient(verify=trusting, headers=AUTH, timeout=30) as client:
            body = {**TTS, "output_format": "url"}
            url = (await client.post(f"{emu.global_url}/v1/t2a_v2", json=body)).json()["data"]["audio"]
            assert url.startswith(emu.global_url + "/emulator/download/")
            audio = (await client.get(url)).content
        assert audio[:3] == b"ID3" or audio[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")
        ws_url = emu.global_url.replace("https://", "wss://") + "/ws/v1/t2a_v2"
        async with websockets.connect(ws_url, additional_headers=AUTH, ssl=trusting) as ws:
            assert json.loads(await ws.recv())["event"] == "connected_success"
        async with httpx.AsyncClient(timeout=30) as untrusting:  # the system's CAs: a self-signed cert is refused
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                await untrusting.post(f"{emu.global_url}/v1/t2a_v2", json=body, headers=AUTH)
        certificate = emu.certificate
    assert not certificate.exists()  # a temporary certificate goes with the emulator


async def test_our_client_trusts_the_certificate_through_ssl_cert_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with Emulator(EmulatorConfig(tls=True)) as emu:
        monkeypatch.setenv("SSL_CERT_FILE", str(emu.certificate))
        async with MiniMaxClient(DEMO_KEY, base_url=emu.global_url) as client:
            request = T2ARequest(text="Hello there.", output_format="url",
                                 voice_setting=VoiceSetting(voice_id="English_expressive_narrator"))
            result = await client.t2a(request)
            assert result.audio_url and result.audio_url.startswith("https://")
            path = await client.download(result.audio_url, tmp_path / "hello.mp3")
        assert path.stat().st_size > 1000


def test_studio_emulator_tls_prints_the_certificate_path_and_serves_https() -> None:
    proc = subprocess.Popen([str(Path(sys.executable).with_name("studio")), "emulator", "--tls", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        banner = ""
        while "Ctrl+C" not in banner:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            assert line, f"the emulator exited: {banner}"
            banner += line
        url = re.search(r"global:\s+(https://\S+)", banner)
        cert = re.search(r"TLS certificate.*: (\S+)", banner)
        assert url and cert, banner
        with httpx.Client(verify=ssl.create_default_context(cafile=cert[1]), headers=AUTH, timeout=30) as client:
            answer = client.post(f"{url[1]}/v1/t2a_v2", json={**TTS, "output_format": "url"}).json()
            assert client.get(answer["data"]["audio"]).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()  # type: ignore[union-attr]
