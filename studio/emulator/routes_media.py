"""Image, video (+ templates), music, music_upload and lyrics."""

from __future__ import annotations

import asyncio
import base64
import io
import re
import secrets
import zlib
from typing import TYPE_CHECKING, Any

import av
from aiohttp import web

from studio.emulator.common import (
    CTX,
    account,
    body,
    choice,
    emulator,
    flag,
    image_ref,
    int_id,
    invalid,
    job_status,
    multipart,
    number,
    obj,
    ok,
    public_url,
    reply,
    stream_fault,
    string,
    trace_id,
)
from studio.emulator.encode import encode_audio, encode_stream
from studio.emulator.media import make_jpeg, make_mp4, make_music, make_png
from studio.emulator.routes_speech import CONTENT_TYPES, FAIL_MARKER, Pacer, seed_of, stream_sse
from studio.emulator.state import FILE_URL_TTL, Account, Task

if TYPE_CHECKING:
    from studio.emulator.server import Emulator

# -- image ----------------------------------------------------------------------------------------

IMAGE_MODELS = ("image-01", "image-01-live")
ASPECT_RATIOS: dict[str, tuple[int, int]] = {
    "1:1": (1024, 1024), "16:9": (1280, 720), "4:3": (1152, 864), "3:2": (1248, 832),
    "2:3": (832, 1248), "3:4": (864, 1152), "9:16": (720, 1280), "21:9": (1344, 576),
}


def seed_value(data: dict[str, Any], fallback: str) -> int:
    if data.get("seed") is None:
        return zlib.crc32(fallback.encode())
    return int(number(data, "seed", 0, 0, 2**63 - 1, integer=True))


async def image_generation(request: web.Request) -> web.Response:
    emu = emulator(request)
    data = body(request)
    model = choice(data, "model", IMAGE_MODELS, None)
    if model is None:
        raise invalid("model is required")
    prompt = string(data, "prompt", required=True, max_len=1500)
    assert prompt is not None
    aspect = choice(data, "aspect_ratio", tuple(ASPECT_RATIOS), None)
    width, height = ASPECT_RATIOS[aspect or "1:1"]
    if data.get("width") is not None or data.get("height") is not None:
        if model != "image-01":
            raise invalid("width and height are only supported by image-01")
        if data.get("width") is None or data.get("height") is None:
            raise invalid("width and height must be given together")
        w = int(number(data, "width", 0, 512, 2048, integer=True))
        h = int(number(data, "height", 0, 512, 2048, integer=True))
        if w % 8 or h % 8:
            raise invalid("width and height must be multiples of 8")
        if aspect is None:  # aspect_ratio wins when both are given
            width, height = w, h
    response_format = choice(data, "response_format", ("url", "base64"), "url")
    n = int(number(data, "n", 1, 1, 9, integer=True))
    seed = seed_value(data, prompt)
    for key in ("prompt_optimizer", "aigc_watermark"):
        flag(data, key)
    refs = data.get("subject_reference")
    if refs is not None:
        if not isinstance(refs, list) or len(refs) != 1 or not isinstance(refs[0], dict):
            raise invalid("subject_reference must be a list with one {type, image_file} item")
        if refs[0].get("type") != "character":
            raise invalid("subject_reference.type must be character")
        image_ref(refs[0].get("image_file"), "subject_reference.image_file")
    # image-01 serves JPEG, its links named `…_aigc.jpeg`; the `png` knob keeps the name and changes the content.
    make, content_type = (make_png, "image/png") if emu.config.image_format == "png" else (make_jpeg, "image/jpeg")
    images = await asyncio.gather(*(emu.run(make, width, height, prompt, seed, i) for i in range(n)))
    if response_format == "base64":
        out: dict[str, Any] = {"image_base64": [base64.b64encode(p).decode() for p in images]}
    else:
        urls = []
        for i, image in enumerate(images):
            token = emu.state.add_blob(image, content_type)
            urls.append(public_url(request, f"/emulator/download/{token}/image_{i}_aigc.jpeg"))
        out = {"image_urls": urls}
    return reply(ok(id=trace_id(request), data=out, metadata={"failed_count": "0", "success_count": str(n)}))


# -- video ----------------------------------------------------------------------------------------

VIDEO_SIZES = {"512P": (912, 512), "720P": (1280, 720), "768P": (1366, 768), "1080P": (1920, 1080)}
HAILUO: dict[str, tuple[int, ...]] = {"768P": (6, 10), "1080P": (6,)}
SERIES_01: dict[str, tuple[int, ...]] = {"720P": (6,)}
# mode -> model -> resolution -> durations (docs/protocol.md#video-create)
VIDEO_MATRIX: dict[str, dict[str, dict[str, tuple[int, ...]]]] = {
    "text-to-video": {
        "MiniMax-Hailuo-2.3": HAILUO, "MiniMax-Hailuo-02": HAILUO, "T2V-01-Director": SERIES_01, "T2V-01": SERIES_01,
    },
    "image-to-video": {
        "MiniMax-Hailuo-2.3": HAILUO, "MiniMax-Hailuo-2.3-Fast": HAILUO,
        "MiniMax-Hailuo-02": {"512P": (6, 10), **HAILUO},
        "I2V-01-Director": SERIES_01, "I2V-01-live": SERIES_01, "I2V-01": SERIES_01,
    },
    "first-last-frame": {"MiniMax-Hailuo-02": HAILUO},
    "subject-reference": {"S2V-01": SERIES_01},
}


def video_mode(data: dict[str, Any]) -> str:
    if data.get("subject_reference") is not None:
        return "subject-reference"
    if data.get("last_frame_image") is not None:
        return "first-last-frame"
    if data.get("first_frame_image") is not None:
        return "image-to-video"
    return "text-to-video"


def picture_size(image: str) -> tuple[int, int] | None:
    """Width and height of a picture sent as a data URL (already checked by image_ref); None for a public
    URL, which the emulator doesn't fetch, or for bytes that are no picture."""
    if not image.startswith("data:"):
        return None
    try:
        with av.open(io.BytesIO(base64.b64decode(image.partition(",")[2])), mode="r") as container:
            codec = container.streams.video[0].codec_context
            return (codec.width, codec.height) if codec.width and codec.height else None
    except (av.FFmpegError, IndexError):
        return None


def follow_aspect(size: tuple[int, int], frame: tuple[int, int] | None) -> tuple[int, int]:
    """The video's size at its resolution, turned to the first frame's aspect: the output follows it
    (docs/protocol.md#video-create), keeping the resolution's short side."""
    (width, height), (frame_w, frame_h) = size, frame or size
    if abs(frame_w / frame_h - width / height) < 0.01 * width / height:
        return size
    short = min(width, height)
    long = round(short * max(frame_w, frame_h) / min(frame_w, frame_h) / 2) * 2  # H.264 wants even sides
    return (long, short) if frame_w >= frame_h else (short, long)


def check_subject(refs: Any) -> None:
    if not isinstance(refs, list) or len(refs) != 1 or not isinstance(refs[0], dict):
        raise invalid("subject_reference must be a list with exactly one subject")
    if refs[0].get("type") != "character":
        raise invalid("subject_reference.type must be character")
    images = refs[0].get("image")
    images = [images] if isinstance(images, str) else images
    if not isinstance(images, list) or len(images) != 1:
        raise invalid("subject_reference.image must hold one image")
    image_ref(images[0], "subject_reference.image")


async def video_generation(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    model = string(data, "model", required=True)
    mode = video_mode(data)
    table = VIDEO_MATRIX[mode].get(model or "")
    if table is None:
        if not any(model in models for models in VIDEO_MATRIX.values()):
            raise invalid(f"unknown model {model!r}")
        raise invalid(f"model {model} does not support {mode}")
    prompt = string(data, "prompt", required=mode == "text-to-video", max_len=2000) or ""
    resolution = choice(data, "resolution", tuple(table), "768P" if "768P" in table else next(iter(table)))
    duration = int(number(data, "duration", 6, 1, 60, integer=True))
    if duration not in table[resolution]:
        raise invalid(f"{model} at {resolution} supports duration {' or '.join(map(str, table[resolution]))} s")
    if mode in ("image-to-video", "first-last-frame"):
        if data.get("first_frame_image") is None:
            raise invalid("first_frame_image is required")
        image_ref(data["first_frame_image"], "first_frame_image")
    if mode == "first-last-frame":
        image_ref(data["last_frame_image"], "last_frame_image")
    if mode == "subject-reference":
        check_subject(data["subject_reference"])
    for key in ("prompt_optimizer", "fast_pretreatment", "aigc_watermark"):
        flag(data, key)
    string(data, "callback_url")  # accepted; the emulator never calls back
    width, height = VIDEO_SIZES[resolution]
    if mode in ("image-to-video", "first-last-frame"):
        frame = await emu.run(picture_size, data["first_frame_image"])
        width, height = follow_aspect((width, height), frame)
    task = Task(emu.state.next_id(), "video", emu.state.clock.now(), data, fail=FAIL_MARKER in prompt,
                width=width, height=height, params={"prompt": prompt or model or "", "duration": duration})
    acct.tasks[task.task_id] = task
    if not task.fail:
        emu.start_job(acct, task)
    return reply(ok(task_id=str(task.task_id)))


async def video_job(emu: Emulator, acct: Account, task: Task) -> None:
    mp4 = await emu.run(make_mp4, task.width, task.height, float(task.params["duration"]), task.params["prompt"],
                        task.task_id % 2**32, fps=emu.config.video_fps, stop=emu.stopping)
    task.file_id = emu.state.add_file(acct, "output_aigc.mp4", "video_generation", mp4).file_id


def find_task(request: web.Request, kind: str) -> Task:
    task_id = int_id(request.query.get("task_id"), "task_id")
    task = account(request).tasks.get(task_id)
    if task is None or task.kind != kind:
        raise invalid(f"task_id {task_id} not found")
    return task


async def video_query(request: web.Request) -> web.Response:
    task = find_task(request, "video")
    status = await job_status(request, task, ("Preparing", "Queueing", "Processing"), "Fail")
    out: dict[str, Any] = {"task_id": str(task.task_id), "status": status}
    if status == "Success":
        out.update(file_id=str(task.file_id), video_width=task.width, video_height=task.height)
    return reply(ok(**out))


# template id -> (name, needs media_inputs, needs text_inputs); from the API overview
TEMPLATES: dict[str, tuple[str, bool, bool]] = {
    "392747428568649728": ("Diving", True, False),
    "393769180141805569": ("Run for Life", True, True),
    "397087679467597833": ("Transformers", True, False),
    "393881433990066176": ("Still rings routine", True, False),
    "393498001241890824": ("Weightlifting", True, False),
    "393488336655310850": ("Climbing", True, False),
}


def input_values(data: dict[str, Any], key: str) -> list[str]:
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("value"), str)
                                              for i in items):
        raise invalid(f"{key} must be a list of {{value}} objects")
    return [i["value"] for i in items]


async def template_generation(request: web.Request) -> web.Response:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    template_id = str(data.get("template_id") or "")
    if template_id not in TEMPLATES:
        raise invalid(f"unknown template_id {template_id!r}")
    name, needs_media, needs_text = TEMPLATES[template_id]
    media = input_values(data, "media_inputs")
    texts = input_values(data, "text_inputs")
    if needs_media and not media:
        raise invalid(f"template {name} requires media_inputs")
    if needs_text and not texts:
        raise invalid(f"template {name} requires text_inputs")
    for value in media:
        image_ref(value, "media_inputs.value")
    string(data, "callback_url")
    fail = any(FAIL_MARKER in v for v in media + texts)
    task = Task(emu.state.next_id(), "template", emu.state.clock.now(), data, fail=fail, width=1280, height=720,
                params={"prompt": f"{name} {' '.join(texts)}".strip()})
    acct.tasks[task.task_id] = task
    if not fail:
        emu.start_job(acct, task)
    return reply(ok(task_id=str(task.task_id)))


TEMPLATE_VIDEO_KEPT = 30 * 24 * 3600.0  # the video outlives its links (9 h each): a later query signs a new one


async def template_job(emu: Emulator, acct: Account, task: Task) -> None:
    mp4 = await emu.run(make_mp4, task.width, task.height, 6.0, task.params["prompt"], task.task_id % 2**32,
                        fps=emu.config.video_fps, stop=emu.stopping)
    token = emu.state.add_blob(mp4, "video/mp4", TEMPLATE_VIDEO_KEPT)
    task.video_url = f"/emulator/download/{token}/output.mp4"  # host added per query: ports change on restart


async def template_query(request: web.Request) -> web.Response:
    task = find_task(request, "template")
    status = await job_status(request, task, ("Preparing", "Processing"), "Fail")
    out: dict[str, Any] = {"task_id": str(task.task_id), "status": status}
    if status == "Success":
        out["video_url"] = public_url(request, task.video_url, FILE_URL_TTL)  # a new link each query
    return reply(ok(**out))


# -- music ----------------------------------------------------------------------------------------

MUSIC_MODELS = ("music-01", "music-1.5", "music-2.0", "music-2.5", "music-2.5+", "music-2.6", "music-2.6-free")
INSTRUMENTAL_MODELS = ("music-2.5+", "music-2.6", "music-2.6-free")
MUSIC_RATES = (16000, 24000, 32000, 44100)
MUSIC_BITRATES = (32000, 64000, 128000, 256000)
SECTION_TAG = re.compile(r"^\s*\[[^\]]+\]\s*$")


def music_seconds(lyrics: str, instrumental: bool) -> float:
    """Short clips keep tests fast: 20 s instrumental, 20–30 s growing with the sung lines."""
    if instrumental:
        return 20.0
    lines = [ln for ln in lyrics.splitlines() if ln.strip() and not SECTION_TAG.match(ln)]
    return min(30.0, 20.0 + 1.0 * len(lines))


def check_length(value: str | None, name: str, lo: int, hi: int) -> str:
    if value is None or not lo <= len(value) <= hi:
        raise invalid(f"{name} must be {lo}-{hi} characters")
    return value


async def music_generation(request: web.Request) -> web.StreamResponse:
    emu = emulator(request)
    acct = account(request)
    data = body(request)
    stream = flag(data, "stream")
    resp, fault = await stream_fault(request, stream)
    if resp is not None:
        return resp
    model = choice(data, "model", MUSIC_MODELS, None)
    if model is None:
        raise invalid("model is required")
    prompt = string(data, "prompt", max_len=2000)
    lyrics = string(data, "lyrics")
    instrumental = flag(data, "is_instrumental")
    optimizer = flag(data, "lyrics_optimizer")
    if model == "music-01":  # lyrics optional, 0-200 characters (docs/protocol.md#music)
        if lyrics is not None and len(lyrics) > 200:
            raise invalid(f"lyrics must be at most 200 characters for music-01, got {len(lyrics)}")
        refs = {k: data.get(k) for k in ("refer_voice", "refer_instrumental") if data.get(k)}
        if not refs:
            raise invalid("music-01 needs refer_voice and/or refer_instrumental from music_upload")
        for key, ref in refs.items():
            if acct.music_refs.get(str(ref)) != key.removeprefix("refer_"):
                raise invalid(f"{key} {ref!r} not found")
    elif model == "music-1.5":
        prompt = check_length(prompt, "prompt", 10, 300)
        lyrics = check_length(lyrics, "lyrics", 10, 600)
    else:
        if instrumental and model not in INSTRUMENTAL_MODELS:
            raise invalid(f"is_instrumental is not supported by {model}")
        if (instrumental or optimizer) and not prompt:
            raise invalid("prompt is required with is_instrumental or lyrics_optimizer")
        if instrumental:
            lyrics = ""
        elif not lyrics and optimizer:
            lyrics = write_lyrics(prompt or "", seed_of(prompt))[0]
        else:
            lyrics = check_length(lyrics, "lyrics", 1, 3500)
    aus = obj(data, "audio_setting")
    rate = choice(aus, "sample_rate", MUSIC_RATES, 44100)
    bitrate = choice(aus, "bitrate", MUSIC_BITRATES, 256000)
    fmt = choice(aus, "format", ("mp3", "wav", "pcm"), "mp3")
    channels = choice(aus, "channel", (1, 2), 2)
    output_format = choice(data, "output_format", ("hex", "url"), "hex")
    if stream and output_format == "url":
        raise invalid("stream supports output_format hex only")
    if stream and fmt == "wav":
        raise invalid("wav format is not supported in streaming mode")
    flag(data, "aigc_watermark")
    seed = seed_value(data, f"{prompt}\n{lyrics}")
    pacer = Pacer(request[CTX].pacing, seed)
    seconds = music_seconds(lyrics or "", instrumental)
    samples = await emu.run(make_music, prompt or "", lyrics or "", sample_rate=rate, channels=channels,
                            duration_s=seconds, instrumental=instrumental, seed=seed)
    seconds = len(samples) / rate

    def info(size: int) -> dict[str, Any]:
        return {"music_duration": round(seconds * 1000), "music_sample_rate": rate, "music_channel": channels,
                "bitrate": bitrate, "music_size": size}

    if stream:
        chunks = await emu.run(lambda: list(encode_stream(samples, rate, fmt, bitrate,
                                                          request[CTX].pacing.chunk_seconds)))
        final = {"extra_info": info(sum(len(c) for c, _ in chunks))}
        exclude = flag(obj(data, "stream_options"), "exclude_aggregated_audio")
        return await stream_sse(request, chunks, final, exclude, pacer, fault)
    audio = await emu.run(encode_audio, samples, rate, fmt, bitrate)
    value = audio.hex()
    if output_format == "url":
        token = emu.state.add_blob(audio, CONTENT_TYPES[fmt])
        value = public_url(request, f"/emulator/download/{token}/music.{fmt}")
    await pacer.whole(seconds)
    return reply(ok(data={"audio": value, "status": 2}, trace_id=trace_id(request), extra_info=info(len(audio))))


async def music_upload(request: web.Request) -> web.Response:
    acct = account(request)
    purpose, part = await multipart(request, "music_upload")
    if purpose not in ("song", "voice", "instrumental"):
        raise invalid("purpose must be song, voice or instrumental")
    if not part.file.read(1):
        raise invalid("file is required")
    out: dict[str, Any] = {}
    if purpose in ("song", "voice"):
        out["voice_id"] = f"vocal-{secrets.token_hex(8)}"
        acct.music_refs[out["voice_id"]] = "voice"
    if purpose in ("song", "instrumental"):
        out["instrumental_id"] = f"instrumental-{secrets.token_hex(8)}"
        acct.music_refs[out["instrumental_id"]] = "instrumental"
    return reply(ok(**out))


# -- lyrics ---------------------------------------------------------------------------------------

_LINES = (
    "We were {a} under {b} skies", "Holding on to {a} tonight", "Every road leads back to {b}",
    "I can hear the {a} calling", "Running through the {b} light", "Say my name like {a} again",
    "All the {b} we left behind", "Burning slow like {a} fire",
)


def write_lyrics(prompt: str, seed: int) -> tuple[str, str]:
    """Deterministic, section-tagged lyrics built from the prompt's words."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", prompt)] or ["summer", "rain", "heart"]
    pick = [words[(seed + i) % len(words)] for i in range(16)]
    lines = [_LINES[(seed + i) % len(_LINES)].format(a=pick[i], b=pick[i + 1]) for i in range(12)]
    song = "\n".join(["[Verse]", *lines[0:4], "", "[Chorus]", *lines[4:8], "", "[Verse]", *lines[8:12],
                      "", "[Chorus]", *lines[4:8], "", "[Outro]", lines[0]])
    title = " ".join(w.capitalize() for w in pick[:2])
    return song, title


async def lyrics_generation(request: web.Request) -> web.Response:
    data = body(request)
    mode = choice(data, "mode", ("write_full_song", "edit"), "write_full_song")
    prompt = string(data, "prompt", required=mode == "write_full_song", max_len=2000) or ""
    existing = string(data, "lyrics", required=mode == "edit", max_len=3500)
    lyrics, title = write_lyrics(prompt, seed_of(data))
    if mode == "edit" and existing:
        lyrics = existing.rstrip() + "\n\n[Bridge]\n" + "\n".join(lyrics.splitlines()[1:3])
    title = string(data, "title") or title
    return reply(ok(data={"lyrics": lyrics, "title": title}))


def setup(app: web.Application) -> None:
    app.router.add_post("/v1/image_generation", image_generation)
    app.router.add_post("/v1/video_generation", video_generation)
    app.router.add_get("/v1/query/video_generation", video_query)
    app.router.add_post("/v1/video_template_generation", template_generation)
    app.router.add_get("/v1/query/video_template_generation", template_query)
    app.router.add_post("/v1/music_generation", music_generation)
    app.router.add_post("/v1/music_upload", music_upload)
    app.router.add_post("/v1/lyrics_generation", lyrics_generation)
