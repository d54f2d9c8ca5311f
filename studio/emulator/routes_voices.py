"""Voices: clone, design, list (get_voice), delete."""

from __future__ import annotations

import io
import re
import secrets
import string as strings
from datetime import UTC, datetime
from typing import Any

import av
from aiohttp import web

from studio.emulator.common import (
    ApiError,
    account,
    body,
    choice,
    emulator,
    flag,
    int_id,
    invalid,
    number,
    obj,
    ok,
    public_url,
    reply,
    string,
)
from studio.emulator.encode import encode_audio
from studio.emulator.routes_speech import (
    LANGUAGE_BOOSTS,
    SPEECH_MODELS,
    Synth,
    check_text,
    extra_info,
    render,
    system_voice_ids,
)
from studio.emulator.state import Account, Voice
from studio.emulator.voices import system_voices

VOICE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{6,254}[A-Za-z0-9]")
# Deterministic stand-in for the service's ASR checks: this marker in text_validation → 1043,
# in clone_prompt.prompt_text → 1044.
MISMATCH_MARKER = "[[mismatch]]"
CLONE_MIN_SECONDS, CLONE_MAX_SECONDS = 10.0, 300.0
PROMPT_MAX_SECONDS = 8.0


def check_new_voice_id(voice_id: Any, acct: Account) -> str:
    if not isinstance(voice_id, str) or not VOICE_ID.fullmatch(voice_id):
        raise invalid("voice_id must be 8-256 characters, start with a letter, use only letters, digits, "
                      "'-' and '_', and not end with '-' or '_'")
    if voice_id in acct.used_voice_ids or voice_id in system_voice_ids():
        raise ApiError(2039)
    return voice_id


def audio_seconds(data: bytes) -> float | None:
    """Decoded duration, or None when the bytes are not audio PyAV can read."""
    try:
        with av.open(io.BytesIO(data), "r") as container:
            stream = container.streams.audio[0]
            samples, rate = 0, stream.rate or 1
            for frame in container.decode(stream):
                samples += frame.samples
                rate = frame.sample_rate
            return samples / rate if samples else None
    except (av.FFmpegError, IndexError, ValueError):
        return None


async def preview(request: web.Request, voice_id: str, model: str, text: str) -> tuple[bytes, dict[str, Any]]:
    emu = emulator(request)
    synth = Synth(model=model, voice_id=voice_id)
    samples = await render(request, synth, text)
    audio = await emu.run(encode_audio, samples, synth.sample_rate, synth.fmt, synth.bitrate)
    return audio, extra_info(synth, text, len(audio), len(samples) / synth.sample_rate)


async def voice_clone(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    if data.get("file_id") is None:
        raise invalid("file_id is required")
    file_id = int_id(data["file_id"], "file_id")
    voice_id = check_new_voice_id(data.get("voice_id"), acct)
    source = acct.files.get(file_id)
    if source is None or source.purpose != "voice_clone":
        raise invalid(f"file_id {file_id} not found (upload it with purpose voice_clone)")
    text = string(data, "text")
    model = choice(data, "model", SPEECH_MODELS, None)
    if text is not None:
        check_text(text, 1001)
        if model is None:
            raise invalid("model is required when text is given")
    validation = string(data, "text_validation", max_len=200)
    number(data, "accuracy", 0.7, 0.0, 1.0)
    choice(data, "language_boost", LANGUAGE_BOOSTS, None)
    for key in ("need_noise_reduction", "need_volume_normalization", "aigc_watermark"):
        flag(data, key)
    prompt = obj(data, "clone_prompt")
    prompt_file = None
    if prompt:
        if prompt.get("prompt_audio") is None or not prompt.get("prompt_text"):
            raise invalid("clone_prompt needs both prompt_audio and prompt_text")
        prompt_id = int_id(prompt["prompt_audio"], "clone_prompt.prompt_audio")
        prompt_file = acct.files.get(prompt_id)
        if prompt_file is None or prompt_file.purpose != "prompt_audio":
            raise invalid(f"clone_prompt.prompt_audio {prompt_id} not found (upload it with purpose prompt_audio)")
        string(prompt, "prompt_text", required=True)
    seconds = await emu.run(audio_seconds, source.data)
    if seconds is None:
        raise invalid(f"file_id {file_id} is not decodable audio")
    if not CLONE_MIN_SECONDS <= seconds <= CLONE_MAX_SECONDS:
        raise ApiError(2037, f"voice clone audio must be 10 s to 5 min long, got {seconds:.1f} s")
    if prompt_file is not None:
        prompt_seconds = await emu.run(audio_seconds, prompt_file.data)
        if prompt_seconds is None:
            raise invalid("clone_prompt.prompt_audio is not decodable audio")
        if prompt_seconds >= PROMPT_MAX_SECONDS:
            raise ApiError(2048, f"prompt audio too long: must be shorter than 8 s, got {prompt_seconds:.1f} s")
        if MISMATCH_MARKER in prompt["prompt_text"]:
            raise ApiError(1044)
    if validation and MISMATCH_MARKER in validation:
        raise ApiError(1043)
    demo_audio = ""
    info: dict[str, Any] = {}
    if text is not None and model is not None:
        audio, info = await preview(request, voice_id, model, text)
        token = emu.state.add_blob(audio, "audio/mpeg")
        demo_audio = public_url(request, f"/emulator/download/{token}/demo.mp3")
    acct.voices[voice_id] = Voice(voice_id, "voice_cloning", emu.state.clock.now())
    acct.used_voice_ids.add(voice_id)
    return reply(ok(input_sensitive=False, input_sensitive_type=0, demo_audio=demo_audio, extra_info=info))


async def voice_design(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    string(data, "prompt", required=True)  # no limit is documented (docs/protocol.md#voice-design)
    text = string(data, "preview_text", required=True, max_len=500)
    assert text is not None
    check_text(text)
    if data.get("voice_id") is not None:
        voice_id = check_new_voice_id(data["voice_id"], acct)
    else:
        stamp = datetime.fromtimestamp(emu.state.clock.now(), UTC).strftime("%Y%m%d%H%M%S")
        suffix = "".join(secrets.choice(strings.ascii_lowercase + strings.digits) for _ in range(8))
        voice_id = f"ttv-voice-{stamp}-{suffix}"
    audio, _ = await preview(request, voice_id, "speech-2.8-hd", text)
    acct.voices[voice_id] = Voice(voice_id, "voice_generation", emu.state.clock.now())
    acct.used_voice_ids.add(voice_id)
    return reply(ok(trial_audio=audio.hex(), voice_id=voice_id))


async def get_voice(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    kind = choice(body(request), "voice_type", ("system", "voice_cloning", "voice_generation", "all"), None)
    if kind is None:
        raise invalid("voice_type is required")
    out: dict[str, Any] = {}
    if kind in ("system", "all"):
        out["system_voice"] = [
            {"voice_id": v.voice_id, "voice_name": v.voice_name, "description": list(v.description),
             "created_time": "1970-01-01"}
            for v in system_voices()
        ]
    for name in ("voice_cloning", "voice_generation"):
        if kind in (name, "all"):
            out[name] = [{"voice_id": v.voice_id, "description": [], "created_time": emu.state.clock.date(v.created_at)}
                         for v in emu.state.live_voices(acct, name)]
    return reply(ok(**out))


async def delete_voice(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    kind = choice(data, "voice_type", ("voice_cloning", "voice_generation"), None)
    if kind is None:
        raise invalid("voice_type must be voice_cloning or voice_generation")
    voice_id = string(data, "voice_id", required=True)
    assert voice_id is not None
    if voice_id in system_voice_ids():
        raise invalid("system voices cannot be deleted")
    voice = acct.live_voice(voice_id, emu.state.clock.now())
    if voice is None or voice.voice_type != kind:
        raise invalid(f"voice_id {voice_id!r} not found among {kind} voices")
    del acct.voices[voice_id]
    return reply(ok(voice_id=voice_id, created_time=str(int(voice.created_at))))


def setup(app: web.Application) -> None:
    app.router.add_post("/v1/voice_clone", voice_clone)
    app.router.add_post("/v1/voice_design", voice_design)
    app.router.add_post("/v1/get_voice", get_voice)
    app.router.add_post("/v1/delete_voice", delete_voice)
