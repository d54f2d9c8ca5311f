"""export_take, the one export path: takes streamed by the emulator in each format it streams, saved as each
format the dialogs offer, read back by PyAV; a file name that asks for the impossible is refused by name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from studio.api.client import MiniMaxClient
from studio.api.models import AudioSetting, T2ARequest, VoiceSetting
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.media import make_jpeg, make_png
from studio.services.export import AUDIO_EXPORT_FORMATS, ExportError, export_take, file_format
from studio.services.library import Library, record_speech
from tests.audio_utils import probe

TEXT = "Nobody saw the lighthouse keeper leave, and by morning the lamp was dark."
CONTAINERS = {"mp3": "mp3", "wav": "wav", "flac": "flac", "pcm": "s16le"}


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[MiniMaxClient]:
    async with MiniMaxClient(DEMO_KEY, base_url=emulator.global_url) as c:
        yield c


@pytest.mark.parametrize(("streamed", "rate", "channels"), [("pcm", 24000, 1), ("flac", 44100, 2)])
async def test_a_take_in_any_streamed_format_exports_to_every_offered_format(
    client: MiniMaxClient, tmp_path: Path, streamed: str, rate: int, channels: int
) -> None:
    library = Library(tmp_path / "data")
    request = T2ARequest(text=TEXT, voice_setting=VoiceSetting(voice_id="English_expressive_narrator"),
                         audio_setting=AudioSetting(format=streamed, sample_rate=rate, channel=channels))  # type: ignore[arg-type]
    take = await record_speech(client, library, request)
    assert take.duration_ms and take.duration_ms > 2000
    for fmt in AUDIO_EXPORT_FORMATS:
        result = await export_take(take, tmp_path / "out" / f"take.{fmt}")
        container, _codec, seconds = probe(str(result.path), fmt, rate, channels)
        assert container == CONTAINERS[fmt], fmt
        assert seconds == pytest.approx(take.duration_ms / 1000, abs=0.12), fmt
        assert result.reencoded == (fmt != streamed)
        if fmt == streamed:
            assert result.path.read_bytes() == take.path.read_bytes()
    named_by_itself = await export_take(take, tmp_path / "out" / "no extension")
    assert named_by_itself.path.name == f"no extension.{streamed}"
    with pytest.raises(ExportError, match=r"\.mp3, \.wav, \.flac, \.pcm; “take\.ogg” names none"):
        await export_take(take, tmp_path / "out" / "take.ogg")
    assert not (tmp_path / "out" / "take.ogg").exists()
    library.close()


async def test_a_picture_is_saved_only_as_what_it_is(tmp_path: Path) -> None:
    library = Library(tmp_path / "data")
    take_id, path = library.new_media_file("image", "png")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    take = library.add_media_take(take_id, path, kind="image", text="a lighthouse", model="image-01", settings={})
    with pytest.raises(ExportError, match=r"This image is a \.png file: save it with the \.png extension"):
        await export_take(take, tmp_path / "a lighthouse.jpg")
    copied = await export_take(take, tmp_path / "a lighthouse.png")
    assert copied.path.read_bytes() == path.read_bytes() and not copied.reencoded
    library.close()


async def test_a_picture_exports_as_what_its_bytes_are_whatever_its_name(tmp_path: Path) -> None:
    library = Library(tmp_path / "data")
    take_id, path = library.new_media_file("image", "jpg")  # as a link ending in .jpeg named it, before
    path.write_bytes(make_png(64, 48, "a lighthouse", 1))
    take = library.add_media_take(take_id, path, kind="image", text="a lighthouse", model="image-01", settings={})
    assert file_format(take) == "png"
    with pytest.raises(ExportError, match=r"This image is a \.png file: save it with the \.png extension"):
        await export_take(take, tmp_path / "a lighthouse.jpg")
    assert (await export_take(take, tmp_path / "named by itself")).path.name == "named by itself.png"
    take_id, path = library.new_media_file("image", "jpg")
    path.write_bytes(make_jpeg(64, 48, "a lighthouse", 1))
    take = library.add_media_take(take_id, path, kind="image", text="a lighthouse", model="image-01", settings={})
    assert (await export_take(take, tmp_path / "as jpeg.jpeg")).path.read_bytes() == path.read_bytes()
    library.close()
