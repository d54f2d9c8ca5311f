"""Which host each call reaches, and what it carries, as seen by the network layer."""

from __future__ import annotations

import json

import httpx
import pytest

from studio.api import hosts
from studio.api.client import MiniMaxClient
from studio.api.errors import InputError
from studio.api.models import T2ARequest, VoiceSetting


def recording_transport(seen: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"data": {"audio": "00ff", "status": 2}, "extra_info": {}, "trace_id": "t",
                "base_resp": {"status_code": 0, "status_msg": "success"}}
        return httpx.Response(200, json=body)

    return httpx.MockTransport(answer)


def speech() -> T2ARequest:
    return T2ARequest(text="Hello there.", voice_setting=VoiceSetting(voice_id="English_expressive_narrator"))


@pytest.mark.parametrize(
    ("region", "low_latency", "expected"),
    [("global", False, "https://api.minimax.io/v1/t2a_v2"),
     ("global", True, "https://api-uw.minimax.io/v1/t2a_v2"),
     ("mainland", False, "https://api.minimaxi.com/v1/t2a_v2"),
     ("mainland", True, "https://api.minimaxi.com/v1/t2a_v2")],  # the low-latency host is global-only
)
async def test_t2a_reaches_the_right_host_with_bearer_auth_and_no_group_id(
    region: hosts.Region, low_latency: bool, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(hosts.HOST_ENV, raising=False)
    seen: list[httpx.Request] = []
    async with MiniMaxClient("sk-api-abc", region=region, low_latency_t2a=low_latency,
                             transport=recording_transport(seen)) as client:
        result = await client.t2a(speech())
    assert result.audio == b"\x00\xff"
    request = seen[0]
    assert str(request.url) == expected
    assert request.headers["authorization"] == "Bearer sk-api-abc"
    assert "groupid" not in str(request.url).lower() and "GroupId" not in json.loads(request.content)


async def test_result_downloads_never_carry_the_key(tmp_path: object) -> None:
    seen: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: (seen.append(r), httpx.Response(200, content=b"abc"))[1])
    async with MiniMaxClient("sk-api-abc", transport=transport) as client:
        await client.download("https://cdn.example.com/out.mp3", f"{tmp_path}/out.mp3")
    assert "authorization" not in seen[0].headers


def test_env_host_override_and_websocket_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(hosts.HOST_ENV, "http://127.0.0.1:8765/")
    assert hosts.resolve_base_url() == "http://127.0.0.1:8765"
    assert hosts.websocket_url(hosts.resolve_base_url()) == "ws://127.0.0.1:8765/ws/v1/t2a_v2"
    assert hosts.websocket_url(hosts.GLOBAL_HOST) == "wss://api.minimax.io/ws/v1/t2a_v2"
    monkeypatch.setenv(hosts.HOST_ENV, "http://10.0.0.5:8765")
    with pytest.raises(InputError, match="only allowed for a local emulator"):
        hosts.resolve_base_url()
