"""The client against the real emulator over real sockets: every endpoint, streams, errors, retries."""

from __future__ import annotations

import base64
import io
import logging
import wave
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

from studio.api import errors
from studio.api.client import MiniMaxClient, detect_region
from studio.api.errors import InputError
from studio.api.jobs import JobFailed, wait_for_job
from studio.api.models import (
    AudioSetting,
    ClonePrompt,
    ImageRequest,
    LyricsRequest,
    MusicRequest,
    T2AAsyncRequest,
    T2ARequest,
    T2AStartEvent,
    VideoRequest,
    VideoTemplateRequest,
    VoiceCloneRequest,
    VoiceDesignRequest,
    VoiceSetting,
)
from studio.api.retry import RetryPolicy
from studio.emulator import DEMO_KEY, Emulator, Fault
from studio.services.media import PictureInfo, picture_info
from tests.audio_utils import decode, rms

TEXT = "The quick brown fox jumps over the lazy dog. <#0.5#> Then it naps in the warm afternoon sun."
VOICE = "English_expressive_narrator"


class SleepRecorder:
    """Stands in for asyncio.sleep so retry delays are observed, not waited for."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
async def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def client(emulator: Emulator, sleeps: SleepRecorder) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url, sleep=sleeps) as c:
        yield c


def speech(text: str = TEXT, **audio: object) -> T2ARequest:
    return T2ARequest(text=text, voice_setting=VoiceSetting(voice_id=VOICE), audio_setting=AudioSetting(**audio))


def calls(emulator: Emulator, path: str) -> int:
    return sum(1 for r in emulator.requests if r.path == path)


def wav_bytes(seconds: float, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    tone = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(tone.tobytes())
    return buffer.getvalue()


# -- speech -----------------------------------------------------------------------------------------


async def test_t2a_returns_audible_speech_of_the_requested_format(client: MiniMaxClient) -> None:
    result = await client.t2a(speech(format="flac", sample_rate=24000))
    samples, rate = decode(result.audio, "flac")
    assert rate == 24000
    assert len(samples) / rate > 2.0
    assert rms(samples) > 0.02
    assert result.extra_info.usage_characters and result.extra_info.usage_characters > 50
    assert result.trace_id


async def test_t2a_url_output_downloads_the_same_audio(client: MiniMaxClient, tmp_path: Path) -> None:
    hex_result = await client.t2a(speech())
    url_result = await client.t2a(speech().model_copy(update={"output_format": "url"}))
    assert url_result.audio is None and url_result.audio_url
    path = await client.download(url_result.audio_url, tmp_path / "take.mp3")
    assert path.read_bytes() == hex_result.audio


async def test_sse_stream_delivers_each_byte_once_and_never_the_aggregate(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    whole = (await client.t2a(speech())).audio
    async with client.t2a_stream(speech()) as stream:
        chunks = [chunk async for chunk in stream]
    assert len(chunks) > 3
    assert b"".join(chunks) == whole
    assert stream.extra_info and stream.extra_info["audio_length"] > 0
    sent = [r for r in emulator.requests if r.path == "/v1/t2a_v2"][-1].json
    assert sent["stream_options"] == {"exclude_aggregated_audio": True}


async def test_websocket_session_speaks_two_texts_on_one_connection(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    start = T2AStartEvent(voice_setting=VoiceSetting(voice_id=VOICE))
    async with client.t2a_websocket(start) as session:
        first = b"".join([c async for c in session.speak("Hello from the first sentence.")])
        second = b"".join([c async for c in session.speak("And a second one on the same socket.")])
    whole_first = (await client.t2a(speech("Hello from the first sentence."))).audio
    assert first == whole_first
    assert second and second != first
    assert sum(1 for r in emulator.requests if r.path == "/ws/v1/t2a_v2" and r.method == "GET") == 1


async def test_websocket_task_failed_maps_to_typed_error(client: MiniMaxClient, emulator: Emulator) -> None:
    start = T2AStartEvent(voice_setting=VoiceSetting(voice_id=VOICE))
    emulator.inject(Fault(kind="base_resp", path="/ws/v1/t2a_v2", code=1008, after_chunks=0))
    with pytest.raises(errors.BalanceError):
        async with client.t2a_websocket(start) as session:
            async for _ in session.speak("This will not be paid for."):
                pass


async def test_emulator_refuses_an_emotion_the_model_lacks_with_2013_as_the_service_would(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    # Built past our own check (as an older client of ours would send it): the service itself refuses it.
    voice = VoiceSetting(voice_id=VOICE, emotion="whisper")
    request = T2ARequest.model_construct(model="speech-02-hd", text="Say it softly.", voice_setting=voice,
                                         audio_setting=AudioSetting())
    with pytest.raises(errors.InvalidParamsError) as caught:
        await client.t2a(request)
    assert caught.value.status_code == 2013 and "emotion" in str(caught.value)
    assert calls(emulator, "/v1/t2a_v2") == 1  # a refusal is not retried
    start = T2AStartEvent.model_construct(model="speech-2.8-hd", voice_setting=voice.model_copy(
        update={"emotion": "fluent"}), audio_setting=AudioSetting())
    with pytest.raises(errors.InvalidParamsError) as caught:
        async with client.t2a_websocket(start) as session:
            async for _ in session.speak("Fluently, please."):
                pass
    assert caught.value.status_code == 2013


async def test_async_t2a_job_completes_and_its_file_is_retrievable(client: MiniMaxClient) -> None:
    task = await client.t2a_async_create(
        T2AAsyncRequest(text="A long chapter, shortened for the test.", voice_setting=VoiceSetting(voice_id=VOICE))
    )
    status = await wait_for_job(lambda: client.t2a_async_query(task.task_id), str(task.task_id),
                                interval=0.1, max_interval=0.2)
    assert status.state == "success"
    content = await client.retrieve_file_content(status.file_id)
    assert len(content) > 1000


# -- files and voices -------------------------------------------------------------------------------


async def test_files_upload_list_retrieve_content_delete(client: MiniMaxClient) -> None:
    sample = wav_bytes(12.0)
    uploaded = await client.upload_file(sample, "voice_clone", filename="sample.wav")
    assert uploaded.bytes == len(sample) and uploaded.purpose == "voice_clone"
    listed = await client.list_files("voice_clone")
    assert uploaded.file_id in [f.file_id for f in listed]
    retrieved = await client.retrieve_file(uploaded.file_id)
    assert retrieved.download_url
    assert await client.retrieve_file_content(uploaded.file_id) == sample
    await client.delete_file(uploaded.file_id, "voice_clone")
    assert uploaded.file_id not in [f.file_id for f in await client.list_files("voice_clone")]


async def test_clone_then_voice_is_listed_and_expires_unless_used(
    client: MiniMaxClient, emulator: Emulator
) -> None:
    source = await client.upload_file(wav_bytes(12.0), "voice_clone", filename="me.wav")
    prompt = await client.upload_file(wav_bytes(4.0), "prompt_audio", filename="prompt.wav")
    result = await client.voice_clone(VoiceCloneRequest(
        file_id=source.file_id, voice_id="MyNarrator01",
        clone_prompt=ClonePrompt(prompt_audio=prompt.file_id, prompt_text="This is my voice."),
        text="A short preview in my new voice.", model="speech-2.8-hd",
        need_noise_reduction=True, need_volume_normalization=True,
    ))
    assert result.demo_audio
    cloned = await client.get_voices("voice_cloning")
    assert [v.voice_id for v in cloned] == ["MyNarrator01"]
    assert cloned[0].kind == "cloned"
    emulator.advance_clock(169 * 3600)
    assert await client.get_voices("voice_cloning") == []


async def test_design_voice_returns_trial_audio_and_can_be_deleted(client: MiniMaxClient) -> None:
    designed = await client.voice_design(VoiceDesignRequest(
        prompt="A warm, low radio host voice", preview_text="Good evening and welcome back to the show."))
    samples, _ = decode(designed.trial_audio)
    assert rms(samples) > 0.02
    assert designed.voice_id in [v.voice_id for v in await client.get_voices("voice_generation")]
    await client.delete_voice("voice_generation", designed.voice_id)
    assert designed.voice_id not in [v.voice_id for v in await client.get_voices("all")]


async def test_system_voices_are_many_and_described(client: MiniMaxClient) -> None:
    voices = await client.get_voices("system")
    assert len(voices) >= 300
    assert all(v.kind == "system" and v.voice_name for v in voices)
    assert VOICE in {v.voice_id for v in voices}


async def test_reusing_a_deleted_voice_id_is_refused(client: MiniMaxClient) -> None:
    source = await client.upload_file(wav_bytes(12.0), "voice_clone", filename="me.wav")
    await client.voice_clone(VoiceCloneRequest(file_id=source.file_id, voice_id="Reused-Voice1"))
    await client.delete_voice("voice_cloning", "Reused-Voice1")
    with pytest.raises(errors.VoiceError) as caught:
        await client.voice_clone(VoiceCloneRequest(file_id=source.file_id, voice_id="Reused-Voice1"))
    assert caught.value.status_code == 2039


# -- image, video, music ----------------------------------------------------------------------------


async def test_image_generation_url_and_base64(client: MiniMaxClient, tmp_path: Path) -> None:
    by_url = await client.image_generation(ImageRequest(prompt="a lighthouse at dusk", n=2, aspect_ratio="16:9"))
    assert len(by_url.image_urls) == 2 and by_url.success_count == 2
    path = await client.download(by_url.image_urls[0], tmp_path / "a.jpg")
    assert picture_info(path.read_bytes()) == PictureInfo("jpeg", 1280, 720)
    inline = await client.image_generation(
        ImageRequest(prompt="a lighthouse at dusk", width=640, height=512, response_format="base64"))
    assert picture_info(inline.image_base64[0]) == PictureInfo("jpeg", 640, 512)


async def test_video_job_runs_to_success_and_downloads(client: MiniMaxClient, tmp_path: Path) -> None:
    task_id = await client.video_generation(VideoRequest(model="MiniMax-Hailuo-02", prompt="waves [Pan left]",
                                                         resolution="768P", duration=6))
    seen: list[str] = []
    status = await wait_for_job(lambda: client.query_video(task_id), task_id, interval=0.1, max_interval=0.2,
                                on_progress=lambda s: seen.append(s.status))
    assert seen[0] in ("Preparing", "Queueing", "Processing") and seen[-1] == "Success"
    file = await client.retrieve_file(status.file_id)
    path = await client.download(file.download_url, tmp_path / "v.mp4", expected_size=file.bytes)
    assert path.stat().st_size == file.bytes and b"ftyp" in path.read_bytes()[:32]
    assert (status.video_width, status.video_height) == (1366, 768)


async def test_failed_video_job_raises_with_its_status(client: MiniMaxClient) -> None:
    task_id = await client.video_generation(VideoRequest(model="MiniMax-Hailuo-2.3", prompt="[[fail]] a cat"))
    with pytest.raises(JobFailed) as caught:
        await wait_for_job(lambda: client.query_video(task_id), task_id, interval=0.1, max_interval=0.2)
    assert caught.value.status.lower().startswith("fail")


async def test_video_template_job(client: MiniMaxClient) -> None:
    image = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(64)).decode()
    task_id = await client.video_template_generation(
        VideoTemplateRequest(template_id="393769180141805569", media_inputs=[image], text_inputs=["a tiger"]))
    status = await wait_for_job(lambda: client.query_video_template(task_id), task_id, interval=0.1,
                                max_interval=0.2)
    assert status.video_url


async def test_music_generation_hex_and_stream(client: MiniMaxClient) -> None:
    request = MusicRequest(prompt="warm lo-fi piano", lyrics="[Verse]\nSoft rain on the window\n[Chorus]\nStay")
    whole = await client.music_generation(request)
    samples, _ = decode(whole.audio)
    assert rms(samples) > 0.02 and whole.extra_info["music_duration"] > 5000
    async with client.music_stream(request) as stream:
        streamed = await stream.read_all()
    assert streamed == whole.audio


async def test_music_upload_and_lyrics(client: MiniMaxClient) -> None:
    uploaded = await client.music_upload(wav_bytes(12.0), "song", filename="song.wav")
    assert uploaded.voice_id and uploaded.instrumental_id
    lyrics = await client.lyrics_generation(LyricsRequest(prompt="a song about the sea"))
    assert "[" in lyrics.lyrics and lyrics.title


# -- errors, retries, security ----------------------------------------------------------------------

ERROR_CLASSES = {
    1000: errors.ServerError, 1001: errors.ServerError, 1002: errors.RateLimitError, 1004: errors.AuthError,
    1008: errors.BalanceError, 1013: errors.ServerError, 1024: errors.ServerError, 1026: errors.ContentError,
    1027: errors.ContentError, 1028: errors.QuotaError, 1030: errors.QuotaError, 1033: errors.ServerError,
    1039: errors.RateLimitError, 1041: errors.RateLimitError, 1042: errors.ContentError,
    1043: errors.VoiceError, 1044: errors.VoiceError, 2013: errors.InvalidParamsError,
    20132: errors.InvalidParamsError, 2037: errors.VoiceError, 2038: errors.VoiceError, 2039: errors.VoiceError,
    2042: errors.VoiceError, 2045: errors.RateLimitError, 2048: errors.VoiceError, 2049: errors.AuthError,
    2056: errors.QuotaError, 2061: errors.QuotaError,
}
RETRIED = {1000, 1001, 1002, 1024, 1033, 1039}


@pytest.mark.parametrize("code", sorted(ERROR_CLASSES))
async def test_each_error_code_maps_to_its_error_and_is_retried_only_if_transient(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder, code: int
) -> None:
    emulator.inject(Fault(kind="base_resp", path="/v1/image_generation", code=code, times=10))
    with pytest.raises(ERROR_CLASSES[code]) as caught:
        await client.image_generation(ImageRequest(prompt="a cat"))
    assert caught.value.status_code == code and caught.value.trace_id
    expected_calls = 1 + client.retry.max_retries if code in RETRIED else 1
    assert calls(emulator, "/v1/image_generation") == expected_calls
    assert len(sleeps.delays) == expected_calls - 1


async def test_transient_failure_is_retried_then_succeeds(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder
) -> None:
    emulator.inject(Fault(kind="base_resp", path="/v1/t2a_v2", code=1002, times=1))
    emulator.inject(Fault(kind="http", path="/v1/t2a_v2", status=503, times=1))
    result = await client.t2a(speech("Retry me, please."))
    assert result.audio
    assert calls(emulator, "/v1/t2a_v2") == 3
    assert all(0 < d <= client.retry.max_delay for d in sleeps.delays)


async def test_http_429_honours_retry_after(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder
) -> None:
    emulator.inject(Fault(kind="http", path="/v1/get_voice", status=429, retry_after=7, times=1))
    await client.get_voices("system")
    assert sleeps.delays == [7.0]


async def test_http_408_is_retried_like_the_other_timeouts(
    client: MiniMaxClient, emulator: Emulator, sleeps: SleepRecorder
) -> None:
    emulator.inject(Fault(kind="http", path="/v1/get_voice", status=408, times=1))
    await client.get_voices("system")
    assert calls(emulator, "/v1/get_voice") == 2 and len(sleeps.delays) == 1


async def test_stream_failure_before_first_byte_is_retried(client: MiniMaxClient, emulator: Emulator) -> None:
    emulator.inject(Fault(kind="base_resp", path="/v1/t2a_v2", code=1001, after_chunks=0, times=1))
    async with client.t2a_stream(speech("Streaming after one transient failure.")) as stream:
        audio = await stream.read_all()
    assert audio and calls(emulator, "/v1/t2a_v2") == 2


@pytest.mark.parametrize("kind", ["base_resp", "drop", "malformed"])
async def test_stream_failure_after_audio_is_never_retried(
    client: MiniMaxClient, emulator: Emulator, kind: str
) -> None:
    emulator.inject(Fault(kind=kind, path="/v1/t2a_v2", code=1002, after_chunks=2, times=5))
    received: list[bytes] = []
    with pytest.raises(errors.MiniMaxError):
        async with client.t2a_stream(speech()) as stream:
            async for chunk in stream:
                received.append(chunk)
    assert len(received) == 2
    assert calls(emulator, "/v1/t2a_v2") == 1


async def test_region_mismatch_says_keys_are_bound_to_their_region(emulator: Emulator) -> None:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.mainland_url) as client:
        with pytest.raises(errors.AuthError) as caught:
            await client.get_voices()
    assert "region" in str(caught.value).lower()
    assert calls(emulator, "/v1/get_voice") == 1


async def test_region_detection_probes_both_hosts(emulator: Emulator) -> None:
    candidates = {"global": emulator.global_url, "mainland": emulator.mainland_url}
    from studio.emulator import MAINLAND_DEMO_KEY

    assert await detect_region(DEMO_KEY, candidates=candidates) == "global"
    assert await detect_region(MAINLAND_DEMO_KEY, candidates=candidates) == "mainland"
    assert await detect_region("sk-api-nobody", candidates=candidates) is None


async def test_bad_input_is_refused_before_any_request(client: MiniMaxClient, emulator: Emulator) -> None:
    before = len(emulator.requests)
    with pytest.raises(InputError, match="10,000"):
        await client.t2a(speech("x" * 10_000))
    with pytest.raises(InputError, match="multiple of 8"):
        await client.image_generation(ImageRequest(prompt="cat", width=513, height=512))
    with pytest.raises(InputError, match="1080P"):
        await client.video_generation(VideoRequest(model="MiniMax-Hailuo-02", prompt="x", resolution="1080P",
                                                   duration=10))
    assert len(emulator.requests) == before


def test_plain_http_is_refused_except_loopback() -> None:
    with pytest.raises(InputError, match="http"):
        MiniMaxClient("sk-api-x", base_url="http://api.minimax.io")
    MiniMaxClient("sk-api-x", base_url="http://127.0.0.1:9")  # a local emulator is fine


async def test_key_never_appears_in_logs_errors_or_reprs(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "sk-api-SECRET-never-log-me-123456"
    emulator.add_key(secret, "global")
    caplog.set_level(logging.DEBUG)
    client = MiniMaxClient(secret, base_url=emulator.global_url, retry=RetryPolicy(max_retries=1, base_delay=0.01))
    async with client:
        await client.t2a(speech("Logged at debug level."))
        async with client.t2a_stream(speech("Streamed at debug level.")) as stream:
            await stream.read_all()
        async with client.t2a_websocket(T2AStartEvent(voice_setting=VoiceSetting(voice_id=VOICE))) as ws:
            async for _ in ws.speak("Over the socket at debug level."):
                pass
        emulator.inject(Fault(kind="base_resp", code=1004, times=1))
        with pytest.raises(errors.AuthError) as caught:
            await client.get_voices()
        assert secret not in repr(client) and secret not in str(caught.value) and secret not in repr(caught.value)
    assert caplog.records, "debug logging was captured"
    assert secret not in caplog.text
    assert all(secret not in str(r.headers) for r in emulator.requests)
