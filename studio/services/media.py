"""Images and music: generate, keep every result in the Library with its parameters; plus the helpers the
video jobs share (local pictures as checked data URLs, video thumbnails, the documented rate limits).

Local pictures are checked here (type by content, size, dimensions) before anything is sent: MiniMax
would take a 20 MB upload and only then refuse it.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import os
import random
import struct
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from studio.api.audio_checks import check_music_reference
from studio.api.errors import BadResponseError, InputError
from studio.api.models import ImageRequest, LyricsRequest, LyricsResult, MusicRequest, MusicUploadResult
from studio.files import write_atomically
from studio.services.library import disk_full_error
from studio.services.playback import AudioSink, play_and_keep
from studio.words import translate

if TYPE_CHECKING:
    from studio.api.client import MiniMaxClient
    from studio.services.library import Library, Take

log = logging.getLogger(__name__)

ClientProvider = Callable[[], "MiniMaxClient"]

# --- local pictures -----------------------------------------------------------------------------------

MB = 1024 * 1024
PictureUse = Literal["subject", "video"]
# (allowed types, size limit) per docs/protocol.md#image (subject_reference) and docs/protocol.md#video-create
PICTURE_RULES: dict[PictureUse, tuple[tuple[str, ...], int]] = {
    "subject": (("jpeg", "png"), 10 * MB),
    "video": (("jpeg", "png", "webp"), 20 * MB),
}
VIDEO_MIN_SHORT_SIDE = 300  # px, exclusive
VIDEO_ASPECT_RANGE = (2 / 5, 5 / 2)


@dataclass(frozen=True)
class PictureInfo:
    kind: str  # jpeg | png | webp
    width: int
    height: int

    @property
    def mime(self) -> str:
        return f"image/{self.kind}"


def picture_info(data: bytes) -> PictureInfo | None:
    """Type and size of a JPEG/PNG/WebP from its bytes (not its name); None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return PictureInfo("png", width, height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_info(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_info(data)
    return None


def picture_suffix(data: bytes, what: str) -> str:
    """The extension a picture's bytes call for (jpg, png, webp), whatever name it came under."""
    info = picture_info(data)
    if info is None:
        raise BadResponseError(translate(
            "Media", "MiniMax sent {what} that is not a JPEG, PNG or WebP picture ({bytes:,} bytes).").format(
            what=what, bytes=len(data)))
    return "jpg" if info.kind == "jpeg" else info.kind


def _named_by_content(path: Path, what: str) -> Path:
    """Rename a downloaded picture to the extension its content calls for; removed if it is no picture."""
    try:
        with path.open("rb") as f:
            suffix = picture_suffix(f.read(256 * 1024), what)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    named = path.with_suffix(f".{suffix}")
    os.replace(path, named)
    return named


def _jpeg_info(data: bytes) -> PictureInfo | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return PictureInfo("jpeg", width, height)
        i += 2 + length
    return None


def _webp_info(data: bytes) -> PictureInfo | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return PictureInfo("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return PictureInfo("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        return PictureInfo("webp", int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1)
    return None


def check_picture(path: Path | str, use: PictureUse, field_name: str) -> PictureInfo:
    """Refuse a local picture MiniMax would refuse, naming the rule. Reads only the file's head and size."""
    path = Path(path)
    types, limit = PICTURE_RULES[use]
    if not path.is_file():
        raise InputError(field_name, translate("Media", "file not found: {path}").format(path=path))
    size = path.stat().st_size
    if size >= limit:
        raise InputError(field_name, translate("Media", "must be smaller than {limit} MB ({file} is {size:.1f} MB)")
                         .format(limit=limit // MB, file=path.name, size=size / MB))
    with path.open("rb") as f:
        head = f.read(256 * 1024)
    info = picture_info(head)
    allowed = "/".join(t.upper() for t in types)
    if info is None or info.kind not in types:
        found = info.kind.upper() if info else translate("Media", "not a picture")
        raise InputError(field_name, translate("Media", "must be a {allowed} picture ({file}: {found})").format(
            allowed=allowed, file=path.name, found=found))
    if use == "video":
        short = min(info.width, info.height)
        if short <= VIDEO_MIN_SHORT_SIDE:
            raise InputError(field_name, translate("Media", "needs a short side over {min} px ({file} is "
                                                            "{width}×{height})").format(
                min=VIDEO_MIN_SHORT_SIDE, file=path.name, width=info.width, height=info.height))
        ratio = info.width / max(1, info.height)
        if not VIDEO_ASPECT_RANGE[0] <= ratio <= VIDEO_ASPECT_RANGE[1]:
            raise InputError(field_name, translate("Media", "must have an aspect ratio between 2:5 and 5:2 ({file} is "
                                                            "{width}×{height})").format(
                file=path.name, width=info.width, height=info.height))
    return info


def picture_data_url(path: Path | str, use: PictureUse, field_name: str) -> str:
    """A checked local picture as ``data:image/<type>;base64,…`` (MiniMax takes these in place of a URL)."""
    info = check_picture(path, use, field_name)
    return f"data:{info.mime};base64,{base64.b64encode(Path(path).read_bytes()).decode()}"


def picture_ref(value: str, use: PictureUse, field_name: str) -> str:
    """A URL (http/https/data) as it is; a local path as a checked data URL."""
    if value.startswith(("http://", "https://", "data:")):
        return value
    return picture_data_url(value, use, field_name)


def without_data_urls(value: Any) -> Any:
    """A request payload fit for the Library: inline pictures (megabytes of base64) become a short note."""
    if isinstance(value, dict):
        return {k: without_data_urls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_data_urls(v) for v in value]
    if isinstance(value, str) and value.startswith("data:"):
        head = value.split(",", 1)[0]
        return f"{head},… ({len(value) * 3 // 4 // 1024} KB, sent inline)"  # notr: kept in the take's settings
    return value


# --- video files ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VideoFacts:
    width: int
    height: int
    duration_ms: int | None


def video_thumbnail(video: Path, dest: Path, max_width: int = 480) -> VideoFacts | None:
    """Write the first frame of `video` as a PNG to `dest` (atomically); None when it can't be decoded."""
    import av

    try:
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            duration = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else None
            frame = next(container.decode(video=0))
            width, height = frame.width, frame.height
            scale = min(1.0, max_width / width)
            small = frame.reformat(width=int(width * scale) // 2 * 2, height=int(height * scale) // 2 * 2,
                                   format="rgb24")
            codec = av.CodecContext.create("png", "w")
            codec.width, codec.height, codec.pix_fmt = small.width, small.height, "rgb24"
            png = b"".join(bytes(p) for p in [*codec.encode(small), *codec.encode(None)])
    except (OSError, StopIteration, IndexError, ValueError) as exc:
        log.warning("no thumbnail for %s: %s", video, exc)
        return None
    write_atomically(dest, png)
    return VideoFacts(width, height, round(duration * 1000) if duration else None)


# --- rate limits ----------------------------------------------------------------------------------------

# docs/protocol.md#rate-limits (global platform, per account): video 5 RPM, image 10 RPM, music 120 RPM and 20 at once.
DOCUMENTED_LIMITS: dict[str, tuple[int, int | None]] = {"video": (5, None), "image": (10, None), "music": (120, 20)}


class RateLimit:
    """At most `per_minute` requests started in any 60 s window and `concurrent` running at once.

    MiniMax answers a burst over the limit with code 1002; waiting here first is cheaper than a refused
    request and keeps the retry budget for real failures."""

    def __init__(
        self,
        per_minute: int,
        concurrent: int | None = None,
        *,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_minute = per_minute
        self.window_s = window_s
        self._semaphore = asyncio.Semaphore(concurrent or per_minute)
        self._starts: deque[float] = deque()
        self._clock = clock
        self._sleep = sleep

    def wait_needed(self) -> float:
        """Seconds until another request may start (0 when one may start now)."""
        now = self._clock()
        while self._starts and now - self._starts[0] >= self.window_s:
            self._starts.popleft()
        if len(self._starts) < self.per_minute:
            return 0.0
        return self._starts[0] + self.window_s - now

    @contextlib.asynccontextmanager
    async def slot(self, on_wait: Callable[[float], None] | None = None) -> AsyncIterator[None]:
        async with self._semaphore:
            while (wait := self.wait_needed()) > 0:
                if on_wait is not None:
                    on_wait(wait)
                await self._sleep(wait)
            self._starts.append(self._clock())
            yield


@dataclass
class RateLimits:
    """One RateLimit per kind, shared by every service that sends that kind (the app makes one)."""

    limits: dict[str, RateLimit] = field(default_factory=lambda: {
        kind: RateLimit(rpm, concurrent) for kind, (rpm, concurrent) in DOCUMENTED_LIMITS.items()})

    def __getitem__(self, kind: str) -> RateLimit:
        return self.limits[kind]


# --- the use-cases --------------------------------------------------------------------------------------

MUSIC_STREAM_FORMATS = ("mp3", "pcm")  # MiniMax streams hex audio; wav can't be streamed


def music_title(request: MusicRequest) -> str:
    """What the Library shows and searches for a song: its prompt, else its first sung line."""
    if request.prompt and request.prompt.strip():
        return request.prompt.strip()
    for line in (request.lyrics or "").splitlines():
        if line.strip() and not (line.strip().startswith("[") and line.strip().endswith("]")):
            return line.strip()
    return "Untitled song"  # notr: the take's text, kept in its record (data)


class MediaService:
    """Image and music generation into the Library. `client_provider()` is called per request: the app
    replaces its client when the user switches between demo and live."""

    def __init__(self, client_provider: ClientProvider, library: Library, *, limits: RateLimits | None = None) -> None:
        self._client = client_provider
        self.library = library
        self.limits = limits or RateLimits()

    # -- images ----------------------------------------------------------------------------------------

    async def generate_images(
        self, request: ImageRequest, *, on_wait: Callable[[float], None] | None = None
    ) -> list[Take]:
        """Generate and keep every image (one take each, with the request's parameters and seed). A request
        without a seed gets a random one, so every result can be made again with 'reuse seed'."""
        if request.seed is None:
            request = request.model_copy(update={"seed": random.randrange(1, 2**31)})
        client = self._client()
        async with self.limits["image"].slot(on_wait):
            result = await client.image_generation(request)
        settings = without_data_urls(request.payload())
        # Each file's extension follows its content: image-01 names every link `…_aigc.jpeg`, whatever it holds.
        files: list[tuple[str, Path]] = []
        try:
            for index, data in enumerate(result.image_base64):
                what = translate("Media", "image {number}").format(number=index + 1)
                take_id, path = self.library.new_media_file("image", picture_suffix(data, what))
                files.append((take_id, await asyncio.to_thread(write_atomically, path, data)))
            for index, url in enumerate(result.image_urls):
                take_id, path = self.library.new_media_file("image", "part")  # named once its content is known
                what = translate("Media", "image {number}").format(number=index + 1)
                try:
                    await client.download(url, path, what=what)
                except OSError as exc:  # a full disk: the download removed its .part; name the file
                    raise OSError(exc.errno, exc.strerror, exc.filename or str(path)) from exc
                files.append((take_id, await asyncio.to_thread(_named_by_content, path, what)))
        except BaseException:
            for _, path in files:
                path.unlink(missing_ok=True)
            raise
        takes = []
        for index, (take_id, path) in enumerate(files):
            with path.open("rb") as f:
                info = picture_info(f.read(256 * 1024))
            extra = {"index": index, "width": info.width, "height": info.height} if info else {"index": index}
            takes.append(self.library.add_media_take(
                take_id, path, kind="image", text=request.prompt, model=request.model,
                settings={**settings, **extra}, trace_id=result.id,
            ))
        return takes

    # -- music -----------------------------------------------------------------------------------------

    async def generate_music(
        self,
        request: MusicRequest,
        *,
        sink: AudioSink | None = None,
        on_chunk: Callable[[bytes], None] | None = None,
        on_wait: Callable[[float], None] | None = None,
    ) -> Take:
        """Generate a song into the Library. With a `sink` and a streamable format the song is streamed and
        plays as it arrives (every byte is written as it comes; a break keeps a partial take)."""
        audio = request.audio_setting
        streaming = (sink is not None or on_chunk is not None) and audio.format in MUSIC_STREAM_FORMATS \
            and request.output_format != "url"
        async with self.limits["music"].slot(on_wait):
            if streaming:
                return await self._stream_music(request, sink, on_chunk)
            return await self._whole_music(request)

    async def _whole_music(self, request: MusicRequest) -> Take:
        client = self._client()
        result = await client.music_generation(request.model_copy(update={"stream": None}))
        fmt = request.audio_setting.format
        info = result.extra_info or {}
        sample_rate = _int(info.get("music_sample_rate")) or request.audio_setting.sample_rate
        channels = _int(info.get("music_channel")) or 2
        if result.audio is not None:  # through a take writer: a full disk keeps what fit, as a partial take
            writer = self.library.begin_take(
                text=music_title(request), voice_id=None, model=request.model, settings=request.payload(),
                fmt=fmt, sample_rate=sample_rate, channels=channels, kind="music")
            try:
                writer.write(result.audio)
                await writer.written()
                return writer.complete(result.trace_id, {"audio_length": info.get("music_duration")})
            except OSError as exc:
                raise disk_full_error(exc, writer.fail(result.trace_id)) from exc
        if not result.audio_url:
            raise InputError("output_format", translate("Media", "MiniMax returned no audio for this song"))
        take_id, path = self.library.new_media_file("music", fmt)
        try:
            await client.download(result.audio_url, path, what=translate("Media", "the song"))
        except OSError as exc:  # a full disk: the download removed its .part; name the file
            raise OSError(exc.errno, exc.strerror, exc.filename or str(path)) from exc
        return self.library.add_media_take(
            take_id, path, kind="music", text=music_title(request), model=request.model,
            settings=request.payload(), duration_ms=_int(info.get("music_duration")), trace_id=result.trace_id,
            sample_rate=sample_rate, channels=channels,
        )

    async def _stream_music(
        self, request: MusicRequest, sink: AudioSink | None, on_chunk: Callable[[bytes], None] | None
    ) -> Take:
        request = request.model_copy(update={"stream": True, "output_format": None})
        audio = request.audio_setting
        channels = 2  # MiniMax music is stereo unless told otherwise
        writer = self.library.begin_take(
            text=music_title(request), voice_id=None, model=request.model, settings=request.payload(),
            fmt=audio.format, sample_rate=audio.sample_rate, channels=channels, kind="music",
        )
        stream = self._client().music_stream(request)

        def keep(chunk: bytes) -> None:
            writer.write(chunk)
            if on_chunk is not None:
                on_chunk(chunk)

        try:
            await play_and_keep(stream, keep, sink, audio.format, audio.sample_rate, channels)
            await writer.written()
            info = stream.extra_info or {}
            return writer.complete(stream.trace_id, {"audio_length": info.get("music_duration")})
        except OSError as exc:  # a full disk: what reached it is kept
            raise disk_full_error(exc, writer.fail(stream.trace_id)) from exc
        except BaseException:
            writer.fail(stream.trace_id)
            raise

    async def write_lyrics(self, prompt: str, *, lyrics: str | None = None, title: str | None = None) -> LyricsResult:
        """MiniMax writes (or, given `lyrics`, extends) section-tagged lyrics from a description."""
        request = LyricsRequest(mode="edit" if lyrics else "write_full_song", prompt=prompt or None,
                                lyrics=lyrics or None, title=title or None)
        return await self._client().lyrics_generation(request)

    async def upload_music_reference(self, path: Path, purpose: str) -> MusicUploadResult:
        """music-01 sings over a reference: purpose song/voice/instrumental → refer_voice/refer_instrumental."""
        if purpose not in ("song", "voice", "instrumental"):
            raise InputError("purpose", translate("Media", "must be song, voice or instrumental (got {purpose!r})")
                             .format(purpose=purpose))
        if not await asyncio.to_thread(Path(path).is_file):
            raise InputError("file", translate("Media", "not found: {path}").format(path=path))
        await asyncio.to_thread(check_music_reference, path)  # wav/mp3, 10 s – 10 min: refused before the upload
        return await self._client().music_upload(Path(path), purpose)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
