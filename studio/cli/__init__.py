"""`studio`: the command line over the same services the desktop app uses."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from studio import __version__
from studio.api.errors import MiniMaxError
from studio.api.models.files import FILE_PURPOSES
from studio.cli.common import CommandParser, mix_voice, open_player
from studio.cli.mastering import add_master_parser, cmd_master
from studio.cli.production import PRODUCTION_COMMANDS, add_production_parser, cmd_production, production_offline
from studio.errors import StudioError
from studio.logs import CLI_LOG, details_note, report_crash, start_logging, stop_logging
from studio.services.connection import DEMO_NOT_KEPT, Connection, open_connection

if TYPE_CHECKING:
    from studio.api.models import MusicRequest, MusicUploadResult, VoiceListType
    from studio.services.library import Library
    from studio.services.speech import Transport

log = logging.getLogger("studio.cli")


def _read_text(args: argparse.Namespace) -> str:
    if args.file:
        return Path(args.file).read_text(encoding="utf-8")
    if args.text in (None, "-"):
        if sys.stdin is None or sys.stdin.isatty():
            raise MiniMaxError("No text given: pass TEXT, --file PATH, or pipe text on stdin")
        return sys.stdin.read()
    return str(args.text)


DEFAULT_VOICE = "English_expressive_narrator"


def _say_request(args: argparse.Namespace, text: str, stream: bool) -> Any:
    from studio.api.models import AudioSetting, PronunciationDict, T2ARequest, VoiceModify, VoiceSetting

    modify = None
    if any(v is not None for v in (args.deepen_brighten, args.stronger_softer, args.nasal_crisp, args.effect)):
        modify = VoiceModify(
            pitch=args.deepen_brighten or 0, intensity=args.stronger_softer or 0,
            timbre=args.nasal_crisp or 0, sound_effects=args.effect,
        )
    tones = [*args.pronounce_file, *args.pronounce]
    return T2ARequest(
        model=args.model,
        text=text,
        stream=stream,
        voice_setting=VoiceSetting(
            voice_id=None if args.mix else args.voice or DEFAULT_VOICE, speed=args.speed, vol=args.vol,
            pitch=args.pitch, emotion=args.emotion, text_normalization=args.normalize_text or None,
            latex_read=args.latex or None,
        ),
        audio_setting=AudioSetting(
            format=args.format, sample_rate=args.sample_rate, bitrate=args.bitrate, channel=args.channels,
            force_cbr=args.force_cbr or None,
        ),
        timber_weights=args.mix or None,
        pronunciation_dict=PronunciationDict(tone=tones) if tones else None,
        language_boost=args.language_boost,
        voice_modify=modify,
        subtitle_enable=True if args.subtitles else None,
        aigc_watermark=args.watermark or None,
        output_format="url" if args.url else None,
    )


def _pronunciation(value: str) -> str:
    """`FROM=TO` → a pronunciation_dict.tone entry "FROM/TO" (MiniMax's form)."""
    source, sep, target = value.partition("=")
    source, target = source.strip(), target.strip()
    if not (sep and source and target):
        raise argparse.ArgumentTypeError(f'must look like FROM=TO, e.g. "Omg=Oh my god" or '
                                         f'"燕少飞=(yan4)(shao3)(fei1)" (got {value!r})')
    if "/" in source:
        raise argparse.ArgumentTypeError(f"FROM can't contain '/': MiniMax writes an entry as FROM/TO (got {value!r})")
    return f"{source}/{target}"


def _pronunciation_file(path: str) -> list[str]:
    """One FROM=TO a line; blank lines and lines starting with # are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise argparse.ArgumentTypeError(f"can't read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    entries = []
    for number, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                entries.append(_pronunciation(line))
            except argparse.ArgumentTypeError as exc:
                raise argparse.ArgumentTypeError(f"{path} line {number}: {exc}") from None
    return entries


def _say_problem(args: argparse.Namespace) -> str | None:
    """What can't go together among `say`'s options (a usage error, exit code 2, nothing sent)."""
    from studio.api.models import MAX_MIXED_VOICES

    streaming = next((flag for flag, on in (("--stream", args.stream), ("--ws", args.ws), ("--play", args.play))
                      if on), None)
    if args.subtitles and streaming:
        return (f"--subtitles can't be used with {streaming}: MiniMax makes subtitle files only for "
                "non-streaming speech (subtitle_enable is non-streaming only)")
    if args.mix and len(args.mix) > MAX_MIXED_VOICES:
        return f"--mix takes at most {MAX_MIXED_VOICES} voices (got {len(args.mix)}): MiniMax mixes 1–4 voices"
    if args.mix and args.voice:
        return "give --voice or --mix, not both: a mix (timber_weights) replaces the single voice"
    if args.low_latency and args.ws:
        return "--low-latency can't be used with --ws: the low-latency host serves T2A over HTTP (plain or --stream)"
    if args.watermark and args.ws:
        return "--watermark can't be used with --ws: the WebSocket's task_start has no aigc_watermark (use --stream)"
    return None


async def cmd_say(conn: Connection, args: argparse.Namespace) -> None:
    from studio.files import keep_leftover_part
    from studio.services.speech import speech_parts, synthesize_to_file

    transport: Transport = "ws" if args.ws else "sse" if args.stream else "http"
    text = _read_text(args)
    parts = speech_parts(text)  # over the API's limit: its sentences, grouped, made one after another
    requests = [_say_request(args, part, stream=transport != "http") for part in parts]
    request = requests[0]
    if len(parts) > 1 and (args.play or args.subtitles):
        raise MiniMaxError(f"{'--play' if args.play else '--subtitles'} works on one request, and this text "
                           f"({len(text):,} characters; a request takes fewer than 10,000) is made in "
                           f"{len(parts)} parts: leave it out to make one file of the whole text")
    out = Path(args.output or f"speech.{args.format}")
    kept = keep_leftover_part(out)
    if kept is not None:
        print(f"studio: an earlier run was stopped while writing {out}: the audio it received is kept as {kept}",
              file=sys.stderr)
    if args.low_latency and conn.client.t2a_base_url == conn.client.base_url:
        print(f"studio: --low-latency has no effect on {conn.client.base_url}: the low-latency host serves "
              "global keys on the global host only", file=sys.stderr)
    if args.play:
        await _say_and_play(conn, args, request, out, "ws" if args.ws else "sse")
        return
    with _library() as library:
        take = await synthesize_to_file(conn.client, requests, out, transport=transport, library=library)
    info = take.extra_info
    seconds = (info.get("audio_length") or 0) / 1000
    in_parts = f"  made in {take.parts} parts" if take.parts > 1 else ""
    print(f"{take.path}  {take.bytes_written:,} bytes  {seconds:.1f} s  "
          f"{info.get('usage_characters', '?')} characters billed{in_parts}  trace {take.trace_id}")
    if args.subtitles:
        from studio.services.speech import save_subtitles

        if not take.subtitle_file:
            raise MiniMaxError(f"MiniMax sent no subtitle file for this take (trace {take.trace_id}); "
                               f"the audio is in {take.path}")
        print(await save_subtitles(conn.client, take.subtitle_file, Path(args.subtitles)))


async def _say_and_play(conn: Connection, args: argparse.Namespace, request: Any, out: Path,
                        transport: Literal["sse", "ws"]) -> None:
    from studio.services.speech import play_speech

    if request.stream is False:
        request = request.model_copy(update={"stream": True})
    player, no_audio = open_player(args.device)
    try:
        with _library() as library:  # kept in the Library as `studio say` without --play is
            m = await play_speech(conn.client, request, player=player, transport=transport, dest=out,
                                  no_audio=no_audio, library=library)
    finally:
        if player is not None:
            player.close()
    print(f"{m.saved_to or out}  {m.bytes_received:,} bytes  {m.audio_seconds:.1f} s  {m.summary()}")


async def cmd_voices(conn: Connection, args: argparse.Namespace) -> None:
    if args.expiring is not None:
        await _print_expiring(conn, args.expiring)
        return
    kinds: dict[str, VoiceListType] = {"system": "system", "cloned": "voice_cloning", "designed": "voice_generation",
                                       "all": "all"}
    voices = await conn.client.get_voices(kinds[args.type])
    if args.search:
        needle = args.search.lower()
        voices = [v for v in voices if needle in " ".join(
            [v.voice_id, v.voice_name or "", *v.description]).lower()]
    if args.json:
        print(json.dumps([v.model_dump(mode="json") for v in voices], ensure_ascii=False, indent=2))
        return
    for voice in voices:
        description = "; ".join(voice.description)
        print(f"{voice.voice_id:<48} {voice.kind:<8} {voice.voice_name or '':<32} {description}")
    print(f"{len(voices)} voices", file=sys.stderr)


async def cmd_clone(conn: Connection, args: argparse.Namespace) -> None:
    from studio.services.voice_lab import CloneSpec, SampleRejected, VoiceLab, check_sample

    report = check_sample(args.file)
    print("\n".join(report.as_lines()), file=sys.stderr)
    if args.prompt_audio:
        prompt_report = check_sample(args.prompt_audio, "prompt_audio")
        print("\n".join(["prompt audio:", *prompt_report.as_lines()]), file=sys.stderr)
        if not prompt_report.uploadable:
            raise SampleRejected(prompt_report)
    if not report.uploadable:
        raise SampleRejected(report)
    if args.check_only:
        print(report.summary())
        return
    if not args.voice_id:
        raise MiniMaxError("--voice-id is required to clone (or use --check-only to only check the sample)")
    with _library() as library:
        lab = VoiceLab(lambda: conn.client, library)
        spec = CloneSpec(
            sample=Path(args.file), voice_id=args.voice_id,
            prompt_audio=Path(args.prompt_audio) if args.prompt_audio else None, prompt_text=args.prompt_text or "",
            preview_text=args.preview_text or "", model=args.model, text_validation=args.validate_text or "",
            accuracy=args.accuracy, noise_reduction=args.noise_reduction, volume_normalization=args.normalize,
            language_boost=args.language_boost,
        )
        outcome = await lab.clone(spec, on_progress=lambda p: print(p.message, file=sys.stderr))
    print(f"cloned {args.voice_id}: use it in a T2A call within 7 days (168 h) or it expires")
    if outcome.demo_path and args.output:
        Path(args.output).write_bytes(outcome.demo_path.read_bytes())
        print(f"preview written to {args.output} ({outcome.characters_billed} characters billed)")


async def cmd_voice(conn: Connection, args: argparse.Namespace) -> None:
    from studio.services.voice_lab import VoiceLab

    with _library() as library:
        lab = VoiceLab(lambda: conn.client, library)
        kind = args.type
        if kind is None:
            mine = {v.voice_id: v for v in await lab.my_voices()}
            if args.voice_id not in mine:
                raise MiniMaxError(f"{args.voice_id} is not one of your cloned or designed voices")
            kind = mine[args.voice_id].kind
        if not await _confirmed(args.yes, f"Delete {args.voice_id}? Its id can never be used again. [y/N] "):
            return
        await lab.delete(args.voice_id, kind)
    print(f"deleted {args.voice_id}; deleted ids can't be reused")


async def _confirmed(yes: bool, question: str) -> bool:
    """--yes, or the user's y at a terminal; without a terminal a deletion is refused."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise MiniMaxError("refusing to delete without confirmation: add --yes")
    answer = await asyncio.to_thread(input, question)
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("not deleted", file=sys.stderr)
    return False


async def cmd_files(conn: Connection, args: argparse.Namespace) -> None:
    """The Files API: list by purpose, show one (and download its content with -o), delete one."""
    from datetime import datetime

    client = conn.client
    if args.action == "list":
        files = await client.list_files(args.purpose)
        if args.json:
            print(json.dumps([f.model_dump(mode="json") for f in files], ensure_ascii=False, indent=2))
            return
        for file in files:
            created = datetime.fromtimestamp(file.created_at).strftime("%Y-%m-%d %H:%M") if file.created_at else "?"
            print(f"{file.file_id:<20} {file.bytes or 0:>12,} B  {created}  {file.purpose or '':<22} "
                  f"{file.filename or ''}".rstrip())
        print(f"{len(files)} files with purpose {args.purpose}", file=sys.stderr)
        return
    if args.action == "get":
        file = await client.retrieve_file(args.file_id)
        print(json.dumps(file.model_dump(mode="json"), ensure_ascii=False, indent=2))
        if args.output:
            out = Path(args.output)
            if file.download_url:  # the documented way; the URL is a CDN's and never sees the key
                await client.download(file.download_url, out, expected_size=file.bytes)
            else:
                from studio.files import write_atomically

                write_atomically(out, await client.retrieve_file_content(args.file_id))
            print(f"{out}  {out.stat().st_size:,} bytes", file=sys.stderr)
        return
    if not await _confirmed(args.yes, f"Delete file {args.file_id} ({args.purpose})? It can't be brought back. "
                                      "[y/N] "):
        return
    await client.delete_file(args.file_id, args.purpose)
    print(f"deleted file {args.file_id}")


async def _print_expiring(conn: Connection, within_hours: float) -> None:
    from studio.services.voice_lab import VoiceLab

    with _library() as library:
        voices = await VoiceLab(lambda: conn.client, library).expiring_voices(within_hours)
    for voice in voices:
        created = voice.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if voice.created_at else "?"
        print(f"{voice.voice_id:<40} {voice.kind:<9} {max(0.0, voice.hours_left or 0):>6.1f} h left  "
              f"created {created}  {voice.name if voice.name != voice.voice_id else ''}".rstrip())
    print(f"{len(voices)} voices expire within {within_hours:g} h unless used in a T2A call "
          "(`studio say --voice ID` keeps one)", file=sys.stderr)


async def cmd_design(conn: Connection, args: argparse.Namespace) -> None:
    from studio.api.models import VoiceDesignRequest

    result = await conn.client.voice_design(
        VoiceDesignRequest(prompt=args.prompt, preview_text=args.preview_text, voice_id=args.voice_id)
    )
    out = Path(args.output)
    out.write_bytes(result.trial_audio)
    print(f"designed {result.voice_id}; trial audio in {out}. Use it in a T2A call within 7 days to keep it.")


def _open_library() -> Library:
    """The app's Library (same data dir), so the CLI's results are the app's too. What it has to tell the
    user (rebuilt from files, a result it couldn't record) goes to stderr as it happens, one line each."""
    from studio.services.library import Library
    from studio.settings.paths import data_dir

    library = Library(data_dir())
    library.add_listener(lambda: _tell(library))
    _tell(library)
    return library


def _library_db() -> Path:
    from studio.services.library import DB_NAME
    from studio.settings.paths import data_dir

    return data_dir() / DB_NAME


def _tell(library: Library) -> None:
    for notice in library.new_notices():
        print(f"studio: warning: {notice.message}", file=sys.stderr)


def _close_library(library: Library) -> None:
    _tell(library)
    library.close()


@contextlib.contextmanager
def _library() -> Iterator[Library]:
    library = _open_library()
    try:
        yield library
    finally:
        _close_library(library)


def _copy_out(source: Path, dest: Path) -> Path:
    import shutil

    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return dest


async def cmd_image(conn: Connection, args: argparse.Namespace) -> None:
    from studio.api.models import ImageRequest, ImageSubjectReference
    from studio.services.media import MediaService, picture_ref

    subject = [ImageSubjectReference(image_file=picture_ref(args.subject, "subject", "--subject"))] \
        if args.subject else None
    request = ImageRequest(
        model=args.model, prompt=args.prompt, aspect_ratio=args.aspect_ratio, width=args.width, height=args.height,
        n=args.n, seed=args.seed, prompt_optimizer=args.optimize or None, subject_reference=subject,
        response_format="base64" if args.base64 else "url",
    )
    with _library() as library:
        takes = await MediaService(lambda: conn.client, library).generate_images(
            request, on_wait=lambda s: print(f"image rate limit: waiting {s:.0f} s", file=sys.stderr))
        out_dir = Path(args.output)
        for i, take in enumerate(takes):
            print(_copy_out(take.path, out_dir / f"image_{i + 1}.{take.format}"))
        print(f"{len(takes)} image(s) in the Library · seed {takes[0].settings.get('seed') if takes else '?'}",
              file=sys.stderr)


def _video_request(args: argparse.Namespace) -> Any:
    from studio.api.models import VIDEO_TEMPLATES, VideoRequest, VideoSubjectReference, VideoTemplateRequest
    from studio.services.media import picture_ref

    if args.template:
        by_name = {t.name.lower(): t.template_id for t in VIDEO_TEMPLATES.values()}
        template_id = by_name.get(args.template.lower(), args.template)
        picture = args.first_frame or args.subject
        if not picture:
            raise MiniMaxError("A template animates a picture: pass it with --first-frame")
        return VideoTemplateRequest(template_id=template_id,
                                    media_inputs=[picture_ref(picture, "video", "--first-frame")],
                                    text_inputs=[args.prompt] if args.prompt else None)
    subject = [VideoSubjectReference(image=[picture_ref(args.subject, "video", "--subject")])] if args.subject \
        else None
    return VideoRequest(
        model=args.model, prompt=args.prompt, duration=args.duration, resolution=args.resolution,
        first_frame_image=picture_ref(args.first_frame, "video", "--first-frame") if args.first_frame else None,
        last_frame_image=picture_ref(args.last_frame, "video", "--last-frame") if args.last_frame else None,
        subject_reference=subject,
    )


def _job_service(conn: Connection, library: Any, poll_interval: float) -> Any:
    from studio.services.jobs import JobService

    jobs = JobService(lambda: conn.client, library, poll_interval=poll_interval,
                      max_poll_interval=max(poll_interval, 20.0) if poll_interval >= 5 else poll_interval * 4,
                      retry_delay=min(10.0, poll_interval * 2))

    def report(event: Any) -> None:
        if event.kind == "progress":
            print(f"\r{event.job.id}  {event.message:<40}", end="", file=sys.stderr, flush=True)

    jobs.add_listener(report)
    return jobs


async def _finish_jobs(jobs: Any, job_ids: list[str], output: str | None) -> None:
    failures = []
    for job_id in job_ids:
        job = await jobs.wait(job_id)
        print(file=sys.stderr)
        if job.state != "done":
            failures.append(f"{job.id}: {job.error or job.state}")
            continue
        take = jobs.library.take(job.take_id or "")
        path = _copy_out(take.path, Path(output)) if output and len(job_ids) == 1 else take.path
        width, height = take.settings.get("video_width"), take.settings.get("video_height")
        print(f"{path}  {width}x{height}  job {job.id}")
    if failures:
        raise MiniMaxError("; ".join(failures))


async def cmd_video(conn: Connection, args: argparse.Namespace) -> None:
    from studio.api.models import VideoTemplateRequest

    request = _video_request(args)
    library = _open_library()
    jobs = _job_service(conn, library, args.poll_interval)
    try:
        submit = jobs.submit_template if isinstance(request, VideoTemplateRequest) else jobs.submit_video
        job = await submit(request)
        print(f"job {job.id} submitted (task {job.task_id})", file=sys.stderr)
        if not args.wait:
            print(job.id)
            if conn.demo_kept:
                print("`studio jobs` lists it; `studio jobs resume` waits for it and downloads the video",
                      file=sys.stderr)
            else:
                print("this demo keeps nothing once closed, so the job can't be resumed later", file=sys.stderr)
            return
        await _finish_jobs(jobs, [job.id], args.output)
    finally:
        await jobs.aclose()
        _close_library(library)


async def cmd_jobs(conn: Connection, args: argparse.Namespace) -> None:
    library = _open_library()
    jobs = _job_service(conn, library, args.poll_interval)
    try:
        if args.action == "list":
            listed = jobs.jobs(active_only=args.active, limit=args.limit)
            for job in listed:
                when = job.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                what = " ".join(job.prompt.split())[:50]
                print(f"{job.id:<32} {job.state:<11} {job.status:<11} {when}  task {job.task_id or '-':<18} {what}")
                if job.state == "failed" and job.error:
                    print(f"    {job.error}")
            print(f"{len(listed)} job(s)", file=sys.stderr)
            return
        if args.action == "cancel":
            for job_id in args.job_ids:
                print(f"{jobs.cancel(job_id).id} no longer watched (MiniMax may still finish it)")
            return
        if args.job_ids:
            resumed = [jobs.resume(job_id).id for job_id in args.job_ids]
        else:
            resumed = [job.id for job in jobs.resume_pending()]
        if not resumed:
            print("no unfinished jobs", file=sys.stderr)
            return
        await _finish_jobs(jobs, resumed, args.output)
    finally:
        await jobs.aclose()
        _close_library(library)


# What a music-01 reference upload gives, by its purpose (docs/protocol.md#music-upload).
_REFERENCE_GIVES = {"song": ("refer_voice", "refer_instrumental"), "voice": ("refer_voice",),
                    "instrumental": ("refer_instrumental",)}


def _music_request(args: argparse.Namespace, lyrics: str | None,
                   uploaded: MusicUploadResult | None = None) -> MusicRequest:
    """The music request; before the reference is uploaded its ids are stand-ins, so the rules are checked
    (and a bad request refused) before anything is sent."""
    from studio.api.models import MusicAudioSetting, MusicRequest

    gives = _REFERENCE_GIVES[args.reference_purpose] if args.reference else ()

    def reference(name: str) -> str | None:
        if getattr(args, name) or name not in gives:
            return getattr(args, name) or None
        return getattr(uploaded, name.removeprefix("refer_") + "_id") if uploaded else "uploaded-reference"

    return MusicRequest(
        model=args.model, prompt=args.prompt, lyrics=lyrics, is_instrumental=args.instrumental or None,
        lyrics_optimizer=args.write_lyrics or None, seed=args.seed,
        audio_setting=MusicAudioSetting(format=args.format, sample_rate=args.sample_rate, bitrate=args.bitrate),
        refer_voice=reference("refer_voice"), refer_instrumental=reference("refer_instrumental"),
    )


async def cmd_music(conn: Connection, args: argparse.Namespace) -> None:
    from studio.services.export import export_take
    from studio.services.media import MediaService

    lyrics = Path(args.lyrics_file).read_text(encoding="utf-8") if args.lyrics_file else args.lyrics
    if lyrics:
        lyrics = lyrics.replace("\\n", "\n")
    request = _music_request(args, lyrics)
    with _library() as library:
        media = MediaService(lambda: conn.client, library)
        if args.reference:
            uploaded = await media.upload_music_reference(Path(args.reference), args.reference_purpose)
            ids = [f"--refer-{kind} {value}" for kind, value in (("voice", uploaded.voice_id),
                                                                 ("instrumental", uploaded.instrumental_id)) if value]
            print(f"uploaded {args.reference} ({args.reference_purpose}); next time {' '.join(ids)} reuses it",
                  file=sys.stderr)
            request = _music_request(args, lyrics, uploaded)
        take = await media.generate_music(request)
        out = (await export_take(take, Path(args.output or f"music.{args.format}"))).path
    seconds = (take.duration_ms or 0) / 1000
    print(f"{out}  {out.stat().st_size:,} bytes  {seconds:.1f} s  (kept in the Library)")


EMULATOR_PORT = 8765  # the documented default, when nothing else listens on it


def _run_emulator(args: argparse.Namespace) -> int:
    from studio.emulator.__main__ import main as emulator_main

    port = ["--port", str(args.port)] if args.port is not None else ["--preferred-port", str(EMULATOR_PORT)]
    argv = [*port, "--mainland-port", str(args.mainland_port)]
    for flag, value in (("--ttfa-ms", args.ttfa_ms), ("--rtf", args.rtf), ("--jitter-ms", args.jitter_ms)):
        if value is not None:
            argv += [flag, str(value)]
    if args.state_dir is not None:
        argv += ["--state-dir", str(args.state_dir)]
    if args.big_ids:
        argv.append("--big-ids")
    if args.tls:
        argv.append("--tls")
    if args.url_ttl is not None:
        argv += ["--url-ttl", str(args.url_ttl)]
    if args.enforce_rate_limits:
        argv.append("--enforce-rate-limits")
    emulator_main(argv)
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    import getpass

    from studio.settings.secrets import KeyStore

    store = KeyStore()
    if args.action == "set":
        key = getpass.getpass("MiniMax API key: ") if sys.stdin.isatty() else sys.stdin.readline()
        if not store.set(key):
            print("No secure keychain on this system: the key was NOT stored. Use MINIMAX_API_KEY instead.",
                  file=sys.stderr)
            return 1
        print("API key stored in the system keychain.")
    elif args.action == "remove":
        store.delete()
        print("API key removed from the system keychain.")
    else:
        where = "stored in the system keychain" if store.get() else "not stored"
        print(f"API key {where}; keychain is {'secure' if store.secure else 'unavailable'}.")
    return 0


class _OneSoundEffect(argparse.Action):
    """`--effect` once: MiniMax applies one sound effect, so a second one is refused, not silently kept."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        first = getattr(namespace, self.dest, None)
        if first is not None:
            raise argparse.ArgumentError(self, f"given twice ({first}, then {values}): MiniMax applies one sound "
                                         "effect at a time, so give --effect once")
        setattr(namespace, self.dest, values)


def _files_problem(args: argparse.Namespace) -> str | None:
    if args.action in ("list", "delete") and not args.purpose:
        return f"files {args.action} needs --purpose (MiniMax lists and deletes files by purpose)"
    if args.action in ("get", "delete") and args.file_id is None:
        return f"files {args.action} needs the FILE_ID (`studio files list --purpose …` shows them)"
    if args.action == "list" and args.file_id is not None:
        return "files list takes no FILE_ID: it lists by --purpose"
    return None


def _add_connection_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("--emulator", action="store_true", default=default(False),
                        help="use the bundled emulator (also the default when no API key is set)")
    parser.add_argument("--host", default=default(None),
                        help="API base URL (default: MINIMAX_API_HOST or the region's host)")
    parser.add_argument("--region", choices=["global", "mainland"], default=default("global"))
    parser.add_argument("-v", "--verbose", action="store_true", default=default(False))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studio", description="MiniMax Studio on the command line.")
    parser.add_argument("--version", action="version", version=f"minimax-studio {__version__}")
    _add_connection_options(parser, defaults=True)
    # The same options are accepted after the command too (`studio say "Hi" --emulator`).
    common = CommandParser(add_help=False)
    _add_connection_options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=CommandParser)

    def add_parser(name: str, **kwargs: Any) -> CommandParser:
        return sub.add_parser(name, parents=[common], **kwargs)

    say = add_parser("say", help="text to speech")
    say.add_argument("text", nargs="?", help="the text ('-' or omitted: read stdin)")
    say.add_argument("-f", "--file", help="read the text from this file")
    say.add_argument("-o", "--output", help="output file (default speech.<format>)")
    say.add_argument("--voice", help=f"voice id (default {DEFAULT_VOICE})")
    say.add_argument("--mix", action="append", type=mix_voice, metavar="VOICE:WEIGHT",
                     help="mix up to 4 voices by weight 1–100 instead of --voice (repeat: --mix A:70 --mix B:30)")
    say.add_argument("--pronounce", action="append", type=_pronunciation, default=[], metavar="FROM=TO",
                     help='say FROM as TO (repeatable), e.g. "Omg=Oh my god" or "燕少飞=(yan4)(shao3)(fei1)"')
    say.add_argument("--pronounce-file", type=_pronunciation_file, default=[], metavar="FILE",
                     help="a pronunciation dictionary: one FROM=TO a line (# comments)")
    say.add_argument("--model", default="speech-2.8-hd")
    mode = say.add_mutually_exclusive_group()
    mode.add_argument("--stream", action="store_true", help="stream over SSE")
    mode.add_argument("--ws", action="store_true", help="stream over WebSocket")
    say.add_argument("--url", action="store_true", help="ask for a download URL instead of inline audio")
    say.add_argument("--play", action="store_true", help="play while it streams (SSE, or WebSocket with --ws)")
    say.add_argument("--device", help="audio output device (name or index; default: the system's)")
    say.add_argument("--format", choices=["mp3", "wav", "flac", "pcm"], default="mp3")
    say.add_argument("--sample-rate", type=int, default=32000)
    say.add_argument("--bitrate", type=int, default=128000)
    say.add_argument("--channels", type=int, default=1)
    say.add_argument("--speed", type=float, default=1.0)
    say.add_argument("--vol", type=float, default=1.0)
    say.add_argument("--pitch", type=int, default=0)
    say.add_argument("--emotion")
    say.add_argument("--language-boost")
    say.add_argument("--deepen-brighten", type=int, metavar="-100..100")
    say.add_argument("--stronger-softer", type=int, metavar="-100..100")
    say.add_argument("--nasal-crisp", type=int, metavar="-100..100")
    say.add_argument("--effect", choices=["spacious_echo", "auditorium_echo", "lofi_telephone", "robotic"],
                     action=_OneSoundEffect, help="one sound effect (MiniMax applies one at a time)")
    say.add_argument("--normalize-text", action="store_true",
                     help="read numbers, dates and units as words (text_normalization)")
    say.add_argument("--latex", action="store_true", help="read formulas wrapped in $$ aloud (latex_read)")
    say.add_argument("--force-cbr", action="store_true", help="constant bitrate (streamed mp3 only)")
    say.add_argument("--watermark", action="store_true", help="add MiniMax's AIGC watermark (aigc_watermark)")
    say.add_argument("--subtitles", metavar="FILE.srt",
                     help="also write sentence subtitles as SRT (non-streaming only: not with --stream/--ws/--play)")
    say.add_argument("--low-latency", action="store_true",
                     help="send T2A to MiniMax's low-latency host (global keys; HTTP, not --ws)")
    say.check = _say_problem

    voices = add_parser("voices", help="list voices")
    voices.add_argument("--type", choices=["system", "cloned", "designed", "all"], default="all")
    voices.add_argument("--search", help="only voices whose id, name or description contains this")
    voices.add_argument("--json", action="store_true")
    voices.add_argument("--expiring", nargs="?", type=float, const=48.0, metavar="HOURS",
                        help="only your cloned/designed voices that expire within HOURS (default 48)")

    voice = add_parser("voice", help="manage one of your cloned or designed voices")
    voice.add_argument("action", choices=["delete"])
    voice.add_argument("voice_id")
    voice.add_argument("--type", choices=["cloned", "designed"], help="default: looked up")
    voice.add_argument("-y", "--yes", action="store_true", help="don't ask for confirmation")

    clone = add_parser("clone", help="clone a voice from a 10 s–5 min sample")
    clone.add_argument("file")
    clone.add_argument("--voice-id", help="the new voice's id (not needed with --check-only)")
    clone.add_argument("--check-only", action="store_true",
                       help="only check the sample (duration, size, clipping, loudness, noise); nothing is sent")
    clone.add_argument("--prompt-audio", help="a < 8 s excerpt that guides the clone")
    clone.add_argument("--prompt-text", help="exact transcript of --prompt-audio")
    clone.add_argument("--preview-text", help="text for a preview in the new voice (billed)")
    clone.add_argument("--model", default="speech-2.8-hd")
    clone.add_argument("--validate-text", help="what the sample says; the clone fails if it doesn't match")
    clone.add_argument("--accuracy", type=float)
    clone.add_argument("--noise-reduction", action="store_true")
    clone.add_argument("--normalize", action="store_true")
    clone.add_argument("--language-boost", help="the sample's language (e.g. English, Chinese,Yue, or auto)")
    clone.add_argument("-o", "--output", help="write the preview audio here")

    files = add_parser("files", help="your files at MiniMax: list by purpose, get (download), delete")
    files.add_argument("action", choices=["list", "get", "delete"])
    files.add_argument("file_id", nargs="?", type=int, metavar="FILE_ID", help="for get and delete")
    files.add_argument("--purpose", choices=FILE_PURPOSES, help="list: which files; delete: the file's purpose")
    files.add_argument("-o", "--output", help="get: also download the file's content here")
    files.add_argument("--json", action="store_true", help="list: as JSON")
    files.add_argument("-y", "--yes", action="store_true", help="delete: don't ask for confirmation")
    files.check = _files_problem

    design = add_parser("design", help="design a voice from a description")
    design.add_argument("prompt")
    design.add_argument("--preview-text", required=True)
    design.add_argument("--voice-id")
    design.add_argument("-o", "--output", default="design_trial.mp3")

    image = add_parser("image", help="generate images (kept in the Library too)")
    image.add_argument("prompt")
    image.add_argument("--model", choices=["image-01", "image-01-live"], default="image-01")
    image.add_argument("-o", "--output", default="images", help="output folder")
    image.add_argument("--aspect-ratio")
    image.add_argument("--width", type=int)
    image.add_argument("--height", type=int)
    image.add_argument("-n", type=int, default=1)
    image.add_argument("--seed", type=int)
    image.add_argument("--optimize", action="store_true", help="let the service rewrite the prompt")
    image.add_argument("--subject", help="reference image of a person (file or URL)")
    image.add_argument("--base64", action="store_true", help="receive images inline instead of as URLs")

    video = add_parser("video", help="generate a video (takes minutes; kept in the Library)")
    video.add_argument("prompt", nargs="?", help="the shot, camera moves in [brackets]; with --template its text")
    video.add_argument("-o", "--output", default="video.mp4")
    video.add_argument("--model", default="MiniMax-Hailuo-2.3")
    video.add_argument("--first-frame", help="picture file or URL: image-to-video (or the template's picture)")
    video.add_argument("--last-frame", help="with --first-frame: first+last frame video (MiniMax-Hailuo-02)")
    video.add_argument("--subject", help="subject reference picture (S2V-01)")
    video.add_argument("--template", help="video agent template id or name (e.g. Diving)")
    video.add_argument("--resolution")
    video.add_argument("--duration", type=int)
    video.add_argument("--wait", action=argparse.BooleanOptionalAction, default=True,
                       help="wait and download (default); --no-wait prints the job id for `studio jobs resume`")
    video.add_argument("--poll-interval", type=float, default=5.0, help=argparse.SUPPRESS)

    jobs = add_parser("jobs", help="list, resume or stop video jobs")
    jobs.add_argument("action", nargs="?", choices=["list", "resume", "cancel"], default="list")
    jobs.add_argument("job_ids", nargs="*", metavar="JOB_ID")
    jobs.add_argument("--active", action="store_true", help="list only unfinished jobs")
    jobs.add_argument("--limit", type=int, default=20)
    jobs.add_argument("-o", "--output", help="with one job: also copy the video here")
    jobs.add_argument("--poll-interval", type=float, default=5.0, help=argparse.SUPPRESS)

    music = add_parser("music", help="generate music")
    music.add_argument("--prompt")
    music.add_argument("--lyrics")
    music.add_argument("--lyrics-file")
    music.add_argument("--instrumental", action="store_true")
    music.add_argument("--write-lyrics", action="store_true", help="let the service write lyrics from the prompt")
    music.add_argument("--model", default="music-2.6")
    music.add_argument("--seed", type=int, help="the same seed and inputs give the same song")
    music.add_argument("--reference", metavar="FILE",
                       help="music-01: a wav/mp3 (10 s–10 min) to sing over, uploaded first (music_upload)")
    music.add_argument("--reference-purpose", choices=list(_REFERENCE_GIVES), default="song",
                       help="what --reference holds: song (vocals + backing), voice (vocals only) or instrumental")
    music.add_argument("--refer-voice", metavar="ID", help="music-01: the voice_id of an earlier upload")
    music.add_argument("--refer-instrumental", metavar="ID", help="music-01: the instrumental_id of an earlier upload")
    music.add_argument("--format", choices=["mp3", "wav", "pcm"], default="mp3")
    music.add_argument("--sample-rate", type=int, choices=[16000, 24000, 32000, 44100], default=44100)
    music.add_argument("--bitrate", type=int, choices=[32000, 64000, 128000, 256000], default=256000)
    music.add_argument("-o", "--output")

    emulator = add_parser("emulator", help="run the local MiniMax emulator")
    emulator.add_argument("--port", type=int, default=None,
                          help=f"global host port (default: {EMULATOR_PORT} when free, else any free port)")
    emulator.add_argument("--mainland-port", type=int, default=0, help="mainland host port (default: any free port)")
    emulator.add_argument("--ttfa-ms", type=float)
    emulator.add_argument("--rtf", type=float)
    emulator.add_argument("--jitter-ms", type=float)
    emulator.add_argument("--state-dir", help="keep the emulator's accounts, voices, files and jobs here "
                          "across restarts (default: nothing kept)")
    emulator.add_argument("--big-ids", action="store_true",
                          help="hand out file and task ids above 2^53, to test that a client keeps every digit "
                          "(default: 15-digit ids like MiniMax's)")
    emulator.add_argument("--tls", action="store_true", help="serve https with a self-signed certificate made at "
                          "start (its path is printed), for clients that insist on https")
    emulator.add_argument("--url-ttl", type=float, help="result links expire after this many seconds "
                          "(default: as at MiniMax, 24 h for images and audio, 9 h for files)")
    emulator.add_argument("--enforce-rate-limits", action="store_true",
                          help="answer speech and text requests over a key's rate limits with 1002/1039, as "
                          "MiniMax does (speech: 60 requests and 20,000 characters a minute, mainland keys 20 "
                          "requests; text: per model, e.g. MiniMax-M3 200 requests and 10,000,000 tokens)")

    key = add_parser("key", help="store or remove the API key in the system keychain")
    key.add_argument("action", choices=["set", "remove", "status"])
    add_production_parser(add_parser, common)
    add_master_parser(add_parser)
    return parser


COMMANDS: dict[str, Callable[[Connection, argparse.Namespace], Awaitable[None]]] = {
    "say": cmd_say, "voices": cmd_voices, "clone": cmd_clone, "voice": cmd_voice, "design": cmd_design,
    "files": cmd_files,
    "image": cmd_image, "video": cmd_video, "jobs": cmd_jobs, "music": cmd_music,
    "production": cmd_production, "prod": cmd_production,
}


async def _run(args: argparse.Namespace) -> None:
    async with open_connection(use_emulator=args.emulator, base_url=args.host, region=args.region,
                               low_latency_t2a=getattr(args, "low_latency", False)) as conn:
        if conn.is_demo and not args.emulator:
            print("demo mode: no API key found, using the built-in emulator", file=sys.stderr)
        if conn.running_demo is not None:
            print(f"demo mode: {conn.running_demo.shared_note}", file=sys.stderr)
        if conn.is_demo and not conn.demo_kept:
            print(f"demo mode: {DEMO_NOT_KEPT}", file=sys.stderr)
        await COMMANDS[args.command](conn, args)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # INFO in the file: a run is short, and its retries, recoveries and warnings explain a failure noticed
    # later; DEBUG (every request and WebSocket frame) only with -v, or it would rotate that history away.
    from studio.settings.paths import log_dir

    start_logging(log_dir() / CLI_LOG, verbose=args.verbose)
    try:
        return _main(args)
    finally:
        stop_logging()


def _main(args: argparse.Namespace) -> int:
    if args.command == "emulator":
        return _run_emulator(args)
    if args.command == "key":
        return cmd_key(args)
    if args.command == "master":
        return cmd_master(args)
    if args.command in PRODUCTION_COMMANDS and (code := production_offline(args)) is not None:
        return code
    try:
        asyncio.run(_run(args))
    except StudioError as exc:  # the client's MiniMaxError, the audio device's and the services' errors
        print(f"studio: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("studio: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"studio: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # e.g. a read-only Library where a video job must be kept to be resumed
        print(f"studio: error: the Library's database can't be used ({exc}): {_library_db()}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: say where its traceback and a report to send are
        report = report_crash(exc, f"studio {args.command}")
        saved = f"; a report without your key: {report.path}" if report.path else ""
        print(f"studio: error: something went wrong ({report.summary}). {details_note()}{saved}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
