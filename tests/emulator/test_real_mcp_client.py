"""MiniMax's own MCP server (PyPI `minimax-mcp`) as a client of the emulator that we did not write.

Its tools are plain functions in `minimax_mcp.server`, configured from the environment when the module is
imported (MINIMAX_API_KEY, MINIMAX_API_HOST, MINIMAX_MCP_BASE_PATH, MINIMAX_API_RESOURCE_MODE). Each test
imports it afresh against an emulator on a real loopback port (in a thread of its own) and calls the tools
in-process, as an MCP host would over stdio, then checks that what they saved is real media.

`minimax-mcp` 0.0.19 (the newest release) has no `music_generation` tool any more (0.0.18 had one).
"""

from __future__ import annotations

import importlib
import io
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import av
import httpx
import pytest

from studio.emulator import DEMO_KEY, Emulator, EmulatorConfig
from studio.emulator.media import make_png
from tests.audio_utils import decode, probe, rms
from tests.threaded_emulator import emulator_in_thread

LoadMcp = Callable[..., ModuleType]
READING = ("The lighthouse keeper climbed the spiral stairs every evening at dusk, counting the steps as he "
           "went, and lit the great lamp so that the fishing boats could find their way home through the fog. ")


@pytest.fixture
def emulator_thread() -> Iterator[Emulator]:
    # Jobs are done as soon as their video is: the tool's first poll finds it (it sleeps 20 s between polls).
    with emulator_in_thread(EmulatorConfig(job_seconds=0, video_fps=6)) as emulator:
        yield emulator


@pytest.fixture
def load_mcp(emulator_thread: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LoadMcp]:
    """Import minimax_mcp.server configured for the emulator: load_mcp(resource_mode="local" | "url")."""
    loaded: list[ModuleType] = []

    def load(resource_mode: str = "local") -> ModuleType:
        monkeypatch.setenv("MINIMAX_API_KEY", DEMO_KEY)
        monkeypatch.setenv("MINIMAX_API_HOST", emulator_thread.global_url)
        monkeypatch.setenv("MINIMAX_MCP_BASE_PATH", str(tmp_path))
        monkeypatch.setenv("MINIMAX_API_RESOURCE_MODE", resource_mode)
        module = sys.modules.get("minimax_mcp.server")
        server = importlib.reload(module) if module else importlib.import_module("minimax_mcp.server")
        loaded.append(server)
        return server

    yield load
    for server in loaded:
        server.api_client.session.close()


def saved_path(reply: str, label: str = "saved as: ") -> Path:
    """The file a tool names in its reply ('Success. File saved as: /x/t2a_Hello_20261203.mp3. Voice used: …')."""
    assert reply.startswith(("Success", "Voice cloned successfully")), reply
    return Path(re.search(re.escape(label) + r"(/\S+?\.(?:mp3|wav|flac|pcm|mp4))\b", reply).group(1))  # type: ignore[union-attr]


def audio_seconds(path: Path) -> float:
    samples, rate = decode(path.read_bytes())
    assert rms(samples) > 0.01, f"{path.name} is silent"
    return len(samples) / rate


def video_frames(data: bytes | Path) -> tuple[int, int, int]:
    """(frames decoded, width, height) of an MP4."""
    with av.open(data if isinstance(data, Path) else io.BytesIO(data), mode="r") as container:
        frames = list(container.decode(video=0))
    return len(frames), frames[0].width, frames[0].height


def image_size(data: bytes) -> tuple[int, int]:
    """Decoded by PyAV, whatever the picture format (the emulator's format is changing on another branch)."""
    with av.open(io.BytesIO(data), mode="r") as container:
        frame = next(container.decode(video=0))
    return frame.width, frame.height


def test_text_to_audio_saves_speech_in_each_format(load_mcp: LoadMcp, tmp_path: Path) -> None:
    mcp = load_mcp()
    reply = mcp.text_to_audio("Hello from MiniMax's own client.", output_directory=str(tmp_path)).text
    assert reply.endswith("Voice used: female-shaonv"), reply
    assert 1.0 < audio_seconds(saved_path(reply)) < 10
    flac = saved_path(mcp.text_to_audio("Lossless this time.", format="flac", sample_rate=44100).text)
    assert probe(str(flac), "flac")[:2] == ("flac", "flac")
    pcm = saved_path(mcp.text_to_audio("Raw samples.", format="pcm", sample_rate=16000).text)
    assert probe(str(pcm), "pcm", sample_rate=16000)[2] > 0.5


def test_list_voices_shows_system_voices(load_mcp: LoadMcp) -> None:
    reply = load_mcp().list_voices().text
    assert reply.startswith("Success") and "ID: female-shaonv" in reply and "ID: English_expressive_narrator" in reply


@pytest.mark.parametrize("big_ids", [False, True], ids=["ids", "big-ids"])
def test_voice_clone_from_real_speech_then_speak_with_it(
    load_mcp: LoadMcp, emulator_thread: Emulator, tmp_path: Path, big_ids: bool
) -> None:
    emulator_thread.state.big_ids = big_ids
    mcp = load_mcp()
    sample = saved_path(mcp.text_to_audio(READING * 2, format="wav", sample_rate=24000).text)
    assert 10 < audio_seconds(sample) < 300  # what a clone source must be
    reply = mcp.voice_clone("KeeperVoice01", str(sample), "Good evening, this is my cloned voice.").text
    assert reply.startswith("Voice cloned successfully: Voice ID: KeeperVoice01"), reply
    upload = next(r for r in emulator_thread.requests if r.path == "/v1/files/upload")
    clone = next(r for r in emulator_thread.requests if r.path == "/v1/voice_clone")
    assert upload.form == {"purpose": "voice_clone", "file": f"<{sample.name}>"}
    assert clone.json["file_id"] == next(iter(emulator_thread.state.accounts[DEMO_KEY].files))  # every digit
    assert (clone.json["file_id"] > 2**53) == big_ids
    # The tool names the preview .wav whatever its format; the emulator sends the T2A default, mp3.
    assert audio_seconds(saved_path(reply)) > 1.0
    assert "ID: KeeperVoice01" in mcp.list_voices("voice_cloning").text
    spoken = mcp.text_to_audio("Speaking with the cloned voice now.", voice_id="KeeperVoice01").text
    assert audio_seconds(saved_path(spoken)) > 1.0


def test_voice_clone_from_a_url(load_mcp: LoadMcp, emulator_thread: Emulator) -> None:
    # The tool downloads the URL and uploads it as "audio_file.mp3", whatever the bytes are (here WAV).
    mcp = load_mcp("url")
    sample_url = mcp.text_to_audio(READING * 2, format="wav").text.removeprefix("Success. Audio URL: ")
    reply = mcp.voice_clone("FromAUrl0001", sample_url, "A preview from a link.", is_url=True).text
    assert reply.startswith("Success. Demo audio URL: "), reply
    assert next(r for r in emulator_thread.requests if r.path == "/v1/files/upload").form == {
        "purpose": "voice_clone", "file": "<audio_file.mp3>"}
    with httpx.Client(timeout=30) as http:
        samples, _ = decode(http.get(reply.removeprefix("Success. Demo audio URL: ")).raise_for_status().content)
    assert rms(samples) > 0.01


def test_voice_design_saves_its_preview(load_mcp: LoadMcp) -> None:
    reply = load_mcp().voice_design("A warm, deep narrator with a slow pace", "Welcome to the studio tour.").text
    assert re.search(r"Voice ID generated: ttv-voice-\d{14}-[a-z0-9]{8}$", reply), reply
    assert audio_seconds(saved_path(reply)) > 1.0


def test_text_to_image_saves_pictures_that_open(load_mcp: LoadMcp, tmp_path: Path) -> None:
    reply = load_mcp().text_to_image(prompt="A lighthouse at dusk", aspect_ratio="16:9", n=2).text
    assert reply.startswith("Success. Images saved as:"), reply
    saved = sorted(tmp_path.glob("image_*"))  # named .jpg by the tool, whatever the bytes are
    assert len(saved) == 2 and [image_size(p.read_bytes()) for p in saved] == [(1280, 720)] * 2


def test_generate_video_waits_and_saves_an_mp4_with_frames(load_mcp: LoadMcp) -> None:
    reply = load_mcp().generate_video(prompt="A paper boat on a pond [Push in]").text
    frames, width, height = video_frames(saved_path(reply))
    assert frames >= 6 * 6 - 1 and (width, height) == (1366, 768)  # MiniMax-Hailuo-2.3 at 768P, 6 s


def test_image_to_video_follows_a_portrait_first_frame(load_mcp: LoadMcp, tmp_path: Path) -> None:
    # The tool sends a local picture inline, always labelled image/jpeg (here the bytes are PNG).
    portrait = tmp_path / "portrait.png"
    portrait.write_bytes(make_png(720, 1280, "a lighthouse", seed=1))
    reply = load_mcp().generate_video(model="I2V-01", prompt="the lamp turns", first_frame_image=str(portrait)).text
    frames, width, height = video_frames(saved_path(reply))
    assert frames > 0 and (width, height) == (720, 1280)  # the first frame's shape: docs/protocol.md#video-create


def test_video_in_async_mode_then_query_until_done(load_mcp: LoadMcp, emulator_thread: Emulator) -> None:
    mcp = load_mcp()
    emulator_thread.config.job_seconds = 60.0
    reply = mcp.generate_video(model="T2V-01", prompt="A red fox running", async_mode=True).text
    task_id = re.search(r"Task ID: (\d+)\.", reply).group(1)  # type: ignore[union-attr]
    assert mcp.query_video_generation(task_id).text == f"Video generation task is still processing: Task ID: {task_id}"
    emulator_thread.advance_clock(61)
    frames, width, height = video_frames(saved_path(mcp.query_video_generation(task_id).text))
    assert frames > 0 and (width, height) == (1280, 720)
    failed = re.search(r"Task ID: (\d+)\.", mcp.generate_video(model="T2V-01", prompt="[[fail]]", async_mode=True).text)
    emulator_thread.advance_clock(61)
    assert mcp.query_video_generation(failed.group(1)).text.startswith("Video generation FAILED")  # type: ignore[union-attr]


def test_url_mode_links_download_real_media(load_mcp: LoadMcp) -> None:
    mcp = load_mcp("url")
    audio_url = mcp.text_to_audio("A link instead of a file.").text.removeprefix("Success. Audio URL: ")
    image_urls = re.findall(r"'(http[^']+)'", mcp.text_to_image(prompt="A fox in snow").text)
    video_url = mcp.generate_video(model="T2V-01", prompt="A fox in snow").text.removeprefix("Success. Video URL: ")
    with httpx.Client(timeout=30) as http:  # no key: result links need none
        samples, _ = decode(http.get(audio_url).raise_for_status().content)
        assert rms(samples) > 0.01
        assert image_size(http.get(image_urls[0]).raise_for_status().content) == (1024, 1024)
        assert video_frames(http.get(video_url).raise_for_status().content)[0] > 0


def test_an_emotion_the_reference_lacks_is_refused_with_the_reason(load_mcp: LoadMcp) -> None:
    # The tool's docstring offers "neutral"; the reference's list (S4: …, calm, fluent, whisper) has none, so
    # the emulator refuses it as MiniMax documents (2013), and the tool passes the reason and trace id on.
    reply = load_mcp().text_to_audio("Hello.", emotion="neutral").text
    assert reply.startswith("Failed to generate audio: API Error: 2013-invalid params, emotion"), reply
    assert re.search(r"Trace-Id: [0-9a-f]{32}$", reply), reply
