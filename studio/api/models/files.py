"""Files API shapes and music reference uploads."""

from __future__ import annotations

from typing import Any, Literal, Self, get_args

from studio.api.models._base import Id, OptInt, ResponseModel

FilePurpose = Literal["voice_clone", "prompt_audio", "t2a_async_input", "video_understanding", "video_generation_input",
                      "batch"]
# Files the service writes itself (async speech, videos, batch results) are listed and deleted under these purposes.
FILE_PURPOSES: tuple[str, ...] = (*get_args(FilePurpose), "t2a_async", "video_generation", "batch_output")
MusicUploadPurpose = Literal["song", "voice", "instrumental"]


class FileObject(ResponseModel):
    file_id: Id
    bytes: OptInt = None
    created_at: OptInt = None  # unix seconds
    filename: str | None = None
    purpose: str | None = None
    download_url: str | None = None  # retrieve only

    @classmethod
    def from_response(cls, body: dict[str, Any]) -> Self:
        """An upload/retrieve answer (``{"file": {…}}``) or a bare file object."""
        return cls.model_validate(body.get("file") or body)


def parse_file_list(body: dict[str, Any]) -> list[FileObject]:
    """The ``files`` of a ``/v1/files/list`` answer."""
    return [FileObject.model_validate(item) for item in body.get("files") or []]


class MusicUploadResult(ResponseModel):
    """``/v1/music_upload``: ``voice_id`` for song/voice, ``instrumental_id`` for song/instrumental."""

    voice_id: str | None = None
    instrumental_id: str | None = None
