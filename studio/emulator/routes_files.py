"""Files: /v1/files/upload, list, retrieve, retrieve_content, delete."""

from __future__ import annotations

import mimetypes
from typing import Any
from urllib.parse import quote

from aiohttp import web

from studio.emulator.common import account, body, emulator, int_id, invalid, multipart, ok, public_url, reply
from studio.emulator.state import FILE_URL_TTL, Account, FileRecord

MB = 1024 * 1024
AUDIO = ("mp3", "m4a", "wav")
# purpose -> (allowed extensions, max bytes)
UPLOAD_PURPOSES: dict[str, tuple[tuple[str, ...], int]] = {
    "voice_clone": (AUDIO, 20 * MB),
    "prompt_audio": (AUDIO, 20 * MB),
    "t2a_async_input": (("txt", "zip", "json"), 512 * MB),
    "video_understanding": (("mp4", "avi", "mov", "mkv"), 512 * MB),
    "video_generation_input": (("jpg", "jpeg", "png", "webp", "mp4"), 512 * MB),
    "batch": (("jsonl",), 100 * MB),
}
MAX_LINES = {"batch": 50_000}  # requests in a batch input file
# Outputs the service writes itself; listable and deletable, not uploadable.
OUTPUT_PURPOSES = ("t2a_async", "video_generation", "batch_output")


def content_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def find_file(acct: Account, raw: Any) -> FileRecord:
    if raw is None or raw == "":
        raise invalid("file_id is required")
    file_id = int_id(raw, "file_id")
    rec = acct.files.get(file_id)
    if rec is None:
        raise invalid(f"file_id {file_id} not found")
    return rec


async def upload(request: web.Request) -> web.Response:
    emu = emulator(request)
    purpose, part = await multipart(request, "upload")
    if purpose not in UPLOAD_PURPOSES:
        raise invalid(f"purpose must be one of {', '.join(UPLOAD_PURPOSES)}")
    extensions, limit = UPLOAD_PURPOSES[purpose]
    filename = part.filename or "file"
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in extensions:
        raise invalid(f"file format for purpose {purpose} must be one of {', '.join(extensions)}")
    data = part.file.read()
    if not data:
        raise invalid("file is empty")
    if len(data) > limit:
        raise invalid(f"file exceeds {limit // MB} MB for purpose {purpose}")
    if purpose in MAX_LINES and sum(1 for line in data.splitlines() if line.strip()) > MAX_LINES[purpose]:
        raise invalid(f"file exceeds {MAX_LINES[purpose]} lines for purpose {purpose}")
    rec = emu.state.add_file(account(request), filename, purpose, data)
    return reply(ok(file=rec.public()))


async def list_files(request: web.Request) -> web.Response:
    purpose = request.query.get("purpose")
    files = [r.public() for r in account(request).files.values() if purpose in (None, "", r.purpose)]
    return reply(ok(files=files))


def download_url(request: web.Request, acct: Account, rec: FileRecord) -> str:
    emu = emulator(request)
    token = emu.state.add_blob(rec.data, content_type(rec.filename), FILE_URL_TTL, file=(acct, rec.file_id))
    return public_url(request, f"/emulator/download/{token}/{quote(rec.filename)}")


async def retrieve(request: web.Request) -> web.Response:
    acct = account(request)
    rec = find_file(acct, request.query.get("file_id"))
    return reply(ok(file={**rec.public(), "download_url": download_url(request, acct, rec)}))


async def retrieve_content(request: web.Request) -> web.Response:
    rec = find_file(account(request), request.query.get("file_id"))
    return web.Response(body=rec.data, content_type=content_type(rec.filename))


async def delete(request: web.Request) -> web.Response:
    acct = account(request)
    data = body(request)
    rec = find_file(acct, data.get("file_id"))
    purpose = data.get("purpose")
    if purpose != rec.purpose:
        raise invalid(f"purpose must match the file's purpose ({rec.purpose})")
    del acct.files[rec.file_id]
    return reply(ok(file_id=rec.file_id))


def setup(app: web.Application) -> None:
    app.router.add_post("/v1/files/upload", upload)
    app.router.add_get("/v1/files/list", list_files)
    app.router.add_get("/v1/files/retrieve", retrieve)
    app.router.add_get("/v1/files/retrieve_content", retrieve_content)
    app.router.add_post("/v1/files/delete", delete)
