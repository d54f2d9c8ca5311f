"""Images and music into a real Library from the emulator; local pictures checked before sending."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import av
import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError, LinkError
from studio.api.models import ImageRequest, ImageSubjectReference, MusicAudioSetting, MusicRequest
from studio.audio.peaks import audio_peaks
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.media import make_png
from studio.services.library import Library
from studio.services.media import (
    MediaService,
    check_picture,
    picture_data_url,
    without_data_urls,
)
from studio.services.playback import FileSink
from tests.services.test_voice_lab import sample

LYRICS = "[Verse]\nSalt on the window, tea on the stove\n[Chorus]\nStay a little longer, love"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Library]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    lib = Library(tmp_path / "data")
    yield lib  # type: ignore[misc]
    lib.close()


@pytest.fixture
async def media(emulator: Emulator, library: Library) -> AsyncIterator[MediaService]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as client:
        yield MediaService(lambda: client, library)


def posts(emulator: Emulator, path: str) -> list[dict]:
    return [r.json for r in emulator.requests if r.path == path and r.method == "POST"]


@pytest.mark.parametrize("response_format", ["url", "base64"])
async def test_images_are_kept_with_their_parameters_and_seed(
    emulator: Emulator, media: MediaService, library: Library, response_format: str
) -> None:
    takes = await media.generate_images(ImageRequest(prompt="a fox in snow", aspect_ratio="16:9", n=3,
                                                     response_format=response_format))  # type: ignore[arg-type]
    body = posts(emulator, "/v1/image_generation")[-1]
    assert body["n"] == 3 and body["aspect_ratio"] == "16:9" and isinstance(body["seed"], int)
    assert len(takes) == 3 and {t.kind for t in takes} == {"image"}
    for index, take in enumerate(sorted(takes, key=lambda t: t.settings["index"])):
        assert take.format == "jpg" and take.path.suffix == ".jpg"  # image-01 serves JPEG
        assert decoded_size(take.path) == (1280, 720)
        assert take.settings["seed"] == body["seed"] and take.settings["index"] == index
        assert take.bytes == take.path.stat().st_size and take.text == "a fox in snow"
    assert {t.id for t in library.takes("fox", kind="image")} == {t.id for t in takes}
    assert library.takes("fox", kind="speech") == []
    assert not list(library.media_dir.rglob("*.part"))


def decoded_size(path: Path) -> tuple[int, int]:
    """The picture opened by a real decoder (PyAV), whatever its name says."""
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
    return frame.width, frame.height


async def test_a_png_served_under_a_jpeg_link_is_kept_as_a_png(
    emulator: Emulator, media: MediaService, library: Library
) -> None:
    emulator.config.image_format = "png"  # the link still ends in `_aigc.jpeg`
    [take] = await media.generate_images(ImageRequest(prompt="a fox", width=512, height=512))
    assert take.format == "png" and take.path.suffix == ".png"
    assert take.path.read_bytes().startswith(b"\x89PNG") and decoded_size(take.path) == (512, 512)
    assert sorted(p.suffix for p in (library.media_dir / "image").iterdir()) == [".json", ".png"]


async def test_an_expired_image_or_music_link_says_so_and_leaves_nothing_behind(
    emulator: Emulator, media: MediaService, library: Library
) -> None:
    emulator.config.url_ttl = 0  # every link has expired by the time it is fetched
    with pytest.raises(LinkError, match=r"download link for image 1 expired at .*: MiniMax's result links are signed "
                                        r"and last a limited time \(24 h for images") as caught:
        await media.generate_images(ImageRequest(prompt="a fox", width=512, height=512, n=2))
    assert caught.value.expired and "API key" not in str(caught.value)
    with pytest.raises(LinkError, match="download link for the song expired"):
        await media.generate_music(MusicRequest(prompt="calm piano", is_instrumental=True, model="music-2.6",
                                                output_format="url"))
    assert library.takes("", kind="image") == [] and library.takes("", kind="music") == []
    assert not [p for p in library.media_dir.rglob("*") if p.is_file()]


async def test_subject_reference_goes_as_a_data_url_and_is_not_stored_inline(
    emulator: Emulator, media: MediaService, tmp_path: Path
) -> None:
    face = tmp_path / "face.png"
    face.write_bytes(make_png(512, 512, "portrait", 3))
    url = picture_data_url(face, "subject", "subject_reference")
    request = ImageRequest(prompt="the same person on a beach", width=768, height=512,
                           subject_reference=[ImageSubjectReference(image_file=url)])
    [take] = await media.generate_images(request)
    body = posts(emulator, "/v1/image_generation")[-1]
    assert body["subject_reference"] == [{"type": "character", "image_file": url}]
    assert url.startswith("data:image/png;base64,")
    assert take.settings["subject_reference"][0]["image_file"].endswith("KB, sent inline)")
    assert (take.settings["width"], take.settings["height"]) == (768, 512)


def test_pictures_are_checked_by_content_size_and_shape(tmp_path: Path) -> None:
    fake = tmp_path / "not really.png"
    fake.write_text("hello")
    with pytest.raises(InputError, match="PNG"):
        check_picture(fake, "subject", "subject_reference")
    big = tmp_path / "big.png"
    big.write_bytes(make_png(600, 600, "x", 1))
    with big.open("r+b") as f:
        f.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(InputError, match="smaller than 10 MB"):
        check_picture(big, "subject", "subject_reference")
    assert check_picture(big, "video", "first_frame_image").kind == "png"  # video allows up to 20 MB
    wide = tmp_path / "wide.png"
    wide.write_bytes(make_png(1600, 320, "x", 1))
    with pytest.raises(InputError, match="2:5 and 5:2"):
        check_picture(wide, "video", "first_frame_image")
    assert without_data_urls({"a": ["data:image/png;base64," + "A" * 4096]})["a"][0].startswith("data:image/png")


async def test_streamed_music_plays_as_it_arrives_and_is_kept(
    emulator: Emulator, media: MediaService, library: Library
) -> None:
    sink = FileSink()
    take = await media.generate_music(MusicRequest(prompt="warm lo-fi piano", lyrics=LYRICS), sink=sink)
    body = posts(emulator, "/v1/music_generation")[-1]
    assert body["stream"] is True and body["lyrics"] == LYRICS
    assert sink.last is not None and sink.last.data == take.path.read_bytes()
    assert take.kind == "music" and take.status == "complete" and take.text == "warm lo-fi piano"
    assert take.duration_ms and take.duration_ms >= 20_000
    peaks = audio_peaks(take.path, take.format, take.sample_rate, take.channels)
    assert len(peaks) > 500 and max(peaks) > 0.05
    assert [t.id for t in library.takes("piano", kind="music")] == [take.id]


async def test_wav_music_is_fetched_whole_and_lyrics_can_be_written(
    emulator: Emulator, media: MediaService
) -> None:
    lyrics = await media.write_lyrics("a song about night trains")
    assert "[Chorus]" in lyrics.lyrics
    take = await media.generate_music(
        MusicRequest(prompt="night trains", lyrics=lyrics.lyrics, audio_setting=MusicAudioSetting(format="wav")),
        sink=FileSink())
    assert "stream" not in posts(emulator, "/v1/music_generation")[-1]
    assert take.format == "wav" and take.path.read_bytes()[:4] == b"RIFF"


async def test_music_01_sings_over_an_uploaded_reference_with_optional_lyrics_up_to_200_characters(
    emulator: Emulator, media: MediaService, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"music reference must be 10 s – 10 min long \(this file is 4.00 s\)"):
        await media.upload_music_reference(sample(tmp_path, "short.wav", 4), "song")
    assert not [r for r in emulator.requests if r.path == "/v1/music_upload"]  # refused before the upload
    reference = sample(tmp_path, "hum.wav", 12)
    uploaded = await media.upload_music_reference(reference, "song")
    assert uploaded.voice_id and uploaded.instrumental_id
    take = await media.generate_music(MusicRequest(model="music-01", lyrics="la la la",
                                                   refer_voice=uploaded.voice_id,
                                                   refer_instrumental=uploaded.instrumental_id))
    assert take.model == "music-01" and take.text == "la la la"

    take = await media.generate_music(MusicRequest(model="music-01", refer_instrumental=uploaded.instrumental_id))
    assert "lyrics" not in posts(emulator, "/v1/music_generation")[-1]
    assert take.path.stat().st_size > 10_000 and (take.duration_ms or 0) > 5000
    sent = len(emulator.requests)
    with pytest.raises(InputError, match=r"lyrics must be at most 200 characters for music-01 \(got 201\)"):
        await media.generate_music(MusicRequest(model="music-01", lyrics="la " * 67,
                                                refer_instrumental=uploaded.instrumental_id))
    assert len(emulator.requests) == sent
