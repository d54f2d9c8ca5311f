"""Voice Lab: check a sample before paying for a clone, clone it, design voices from a prompt, mix voices,
and keep every cloned/designed voice from silently expiring after 168 hours.

Qt-free. The client is injected as a provider (`Callable[[], MiniMaxClient]`) and asked for at call time,
because the app's client changes when the user switches account or leaves demo mode.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, TypedDict

import av
import numpy as np

from studio.api.audio_checks import (
    CLONE_FORMATS,
    CLONE_MAX_S,
    CLONE_MIN_S,
    MAX_UPLOAD_BYTES,
    PROMPT_MAX_S,
    probe_audio,
)
from studio.api.client import MiniMaxClient
from studio.api.errors import InputError, LinkError, MiniMaxError
from studio.api.models import (
    AudioSetting,
    ClonePrompt,
    LanguageBoost,
    OwnVoiceType,
    SpeechModel,
    T2ARequest,
    TimberWeight,
    VoiceCloneRequest,
    VoiceDesignRequest,
    VoiceInfo,
    VoiceSetting,
    check_voice_id,
)
from studio.audio.loudness import measure
from studio.services.library import Library, Take, record_speech
from studio.services.playback import AudioSink, drain, file_chunks
from studio.services.voices import creation_time, expiry_time
from studio.words import translate

log = logging.getLogger(__name__)

SAMPLE_LENGTH = f"{CLONE_MIN_S:.0f} s – {CLONE_MAX_S / 60:.0f} min"  # the service's limit
BEST_SAMPLE_LENGTH = "30 s – 2 min"  # of clear speech clones best: our advice, not a limit

ClientProvider = Callable[[], MiniMaxClient]
AddCharacters = Callable[[int | None], None]  # the account's session counter (`Account.add_characters`)
Verdict = Literal["pass", "warn", "fail"]
SamplePurpose = Literal["voice_clone", "prompt_audio"]
_RANK: dict[Verdict, int] = {"pass": 0, "warn": 1, "fail": 2}

DEFAULT_MODEL: SpeechModel = "speech-2.8-hd"
DESIGN_PREVIEW_LIMIT = 500
EXPIRY_WARNING_HOURS = 48.0
# The shortest sensible line: activation is billed per character, like any T2A call.
ACTIVATION_LINE = "Hello."  # notr: sent to MiniMax to render
# Long enough (about 20 s of speech) for a clone of a rendered mix to have a good sample.
MIX_SAMPLE_TEXT = (
    "Here is a longer reading so the new voice has enough to learn from. I will speak calmly and clearly, "  # notr
    "with a few different sentences, some questions, and a little emotion. Is that not the nicest thing? "  # notr
    "Morning light, a cup of tea, and a story that starts quietly and grows. Thank you for listening."  # notr
)

# --- sample check ------------------------------------------------------------------------------------

CLIP_LEVEL = 0.999  # |sample| at or above this counts as clipped (full scale after float conversion)
CLIP_WARN_PCT, CLIP_FAIL_PCT = 0.01, 1.0
QUIET_LUFS, LOUD_LUFS = -35.0, -9.0
SNR_WARN_DB, SNR_FAIL_DB = 25.0, 12.0
LOW_RATE_HZ = 16_000
FRAME_S = 0.03
ANALYSE_MAX_S = 600.0  # longer files already fail on duration; decoding them would only cost time


@dataclass(frozen=True)
class Finding:
    """One measured problem (or confirmation): what was found and what to do about it."""

    level: Verdict
    message: str
    fix: str = ""


@dataclass(frozen=True)
class SampleReport:
    """Everything a person needs to decide whether a sample is worth paying to clone."""

    path: Path
    purpose: SamplePurpose
    size_bytes: int
    format: str | None = None
    duration_s: float | None = None
    sample_rate: int | None = None
    channels: int | None = None
    peak_dbfs: float | None = None
    clipping_pct: float | None = None
    loudness_lufs: float | None = None
    noise_floor_dbfs: float | None = None
    snr_db: float | None = None
    speech_pct: float | None = None  # share of 30 ms frames clearly above the noise floor
    findings: tuple[Finding, ...] = ()

    @property
    def verdict(self) -> Verdict:
        return max((f.level for f in self.findings), key=_RANK.__getitem__, default="pass")

    @property
    def uploadable(self) -> bool:
        return self.verdict != "fail"

    def problems(self, level: Verdict | None = None) -> list[Finding]:
        return [f for f in self.findings if f.level != "pass" and (level is None or f.level == level)]

    def headline(self) -> str:
        """A few words: the verdict and how many things to look at (the findings say what and how)."""
        fails, warns = len(self.problems("fail")), len(self.problems("warn"))
        if fails == 1:
            return translate("VoiceLab", "Can't be cloned: {count} problem to fix first.").format(count=fails)
        if fails:
            return translate("VoiceLab", "Can't be cloned: {count} problems to fix first.").format(count=fails)
        if warns == 1:
            return translate("VoiceLab", "Can be cloned, but {count} thing could make the clone worse.").format(
                count=warns)
        if warns:
            return translate("VoiceLab", "Can be cloned, but {count} things could make the clone worse.").format(
                count=warns)
        return translate("VoiceLab", "Good to clone: every check passed.")

    def summary(self) -> str:
        """One line: the verdict and the first thing to fix."""
        worst = self.problems("fail") or self.problems("warn")
        if not worst:
            return translate("VoiceLab", "Good to clone: every check passed.")
        if self.verdict == "fail":
            line = translate("VoiceLab", "Can't be cloned: {problem}. {fix}")
        else:
            line = translate("VoiceLab", "Can be cloned, but: {problem}. {fix}")
        return line.format(problem=worst[0].message, fix=worst[0].fix).strip()

    def as_lines(self) -> list[str]:
        """The report for a terminal (the CLI's table: its labels stay English, like the CLI)."""
        def opt(value: float | None, fmt: str) -> str:
            return "—" if value is None or not np.isfinite(value) else fmt.format(value)

        lines = [
            f"file        {self.path.name}",
            f"format      {self.format or 'not audio'}"
            + (f", {self.sample_rate} Hz, {self.channels} ch" if self.sample_rate else ""),  # notr
            f"duration    {opt(self.duration_s, '{:.1f} s')}",
            f"size        {self.size_bytes / 1024 / 1024:.1f} MB",  # notr
            f"peak        {opt(self.peak_dbfs, '{:.1f} dBFS')}",
            f"clipping    {opt(self.clipping_pct, '{:.2f} %')}",
            f"loudness    {opt(self.loudness_lufs, '{:.1f} LUFS')}",
            f"noise floor {opt(self.noise_floor_dbfs, '{:.1f} dBFS')}  (SNR ~{opt(self.snr_db, '{:.0f} dB')})",  # notr
        ]
        for finding in self.problems():
            lines.append(f"{finding.level.upper():<5} {finding.message}. {finding.fix}".rstrip())
        lines.append(f"verdict     {self.verdict.upper()}")
        return lines


def _db(value: float) -> float:
    return float(20 * np.log10(max(value, 1e-6)))


def _decode(path: Path) -> tuple[np.ndarray, int]:
    """(frames × channels float32, rate) at the file's own rate and channels (peaks must not be resampled)."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        rate = stream.codec_context.sample_rate or stream.rate
        channels = stream.codec_context.channels or 1
        layout = "stereo" if channels >= 2 else "mono"
        resampler = av.AudioResampler(format="flt", layout=layout, rate=rate)
        parts = [out.to_ndarray().reshape(-1) for frame in [*container.decode(stream), None]
                 for out in resampler.resample(frame)]
    width = 2 if channels >= 2 else 1
    data = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    return data[: len(data) // width * width].reshape(-1, width), int(rate)


def _loudness(data: np.ndarray, rate: int) -> float | None:
    if len(data) < int(0.4 * rate):
        return None
    if data.ndim == 2 and data.shape[1] > 2:  # BS.1770's weights are for mono and stereo: measure the mix
        data = data.mean(axis=1)
    value = measure(data, rate).integrated_lufs
    return value if np.isfinite(value) else None


def _noise_and_speech(mono: np.ndarray, rate: int) -> tuple[float, float, float]:
    """(noise floor dBFS, speech level dBFS, share of frames with speech in %) from 30 ms frame energies:
    the quiet 10th percentile is the room between words, the 95th the voice."""
    size = max(1, int(rate * FRAME_S))
    frames = mono[: len(mono) // size * size].reshape(-1, size)
    if not len(frames):
        return -120.0, -120.0, 0.0
    energy = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    levels = 20 * np.log10(np.maximum(energy, 1e-6))
    floor, speech = float(np.percentile(levels, 10)), float(np.percentile(levels, 95))
    active = float(np.mean(levels > max(floor + 15, -50)) * 100)
    return floor, speech, active


class _Measures(TypedDict, total=False):
    """The SampleReport fields measured so far."""

    format: str
    duration_s: float
    sample_rate: int
    channels: int
    peak_dbfs: float
    clipping_pct: float
    loudness_lufs: float | None
    noise_floor_dbfs: float
    snr_db: float
    speech_pct: float


def check_sample(path: str | Path, purpose: SamplePurpose = "voice_clone") -> SampleReport:
    """Measure a clone sample (or prompt audio) and judge it. Never sends anything; raises nothing for a bad
    file (the report says why it fails). Decodes the whole file: call it off the UI thread."""
    path = Path(path)
    what = translate("VoiceLab", "prompt audio") if purpose == "prompt_audio" else translate("VoiceLab", "sample")
    try:
        size = path.stat().st_size
    except OSError as exc:
        return SampleReport(path, purpose, 0, findings=(
            Finding("fail", translate("VoiceLab", "the file can't be read ({reason})").format(
                reason=exc.strerror or exc), translate("VoiceLab", "Pick the file again.")),))
    findings: list[Finding] = []
    if size > MAX_UPLOAD_BYTES:
        findings.append(Finding("fail", translate("VoiceLab", "the file is {size:.1f} MB, over the 20 MB upload limit")
                                .format(size=size / 1024 / 1024),
                                translate("VoiceLab", "Export it as mp3 (128 kbps is plenty) or trim it.")))
    try:
        info = probe_audio(path)
    except InputError:
        findings.append(Finding("fail", translate("VoiceLab", "{file} is not audio").format(file=path.name),
                                translate("VoiceLab", "Use an mp3, m4a or wav recording of the voice.")))
        return SampleReport(path, purpose, size, findings=tuple(findings))
    report = _Measures(format=info.format, duration_s=info.duration_s, sample_rate=info.sample_rate,
                       channels=info.channels)
    if info.format not in CLONE_FORMATS:
        findings.append(Finding("fail", translate("VoiceLab", "the file is {format}, not mp3, m4a or wav").format(
                                    format=info.format),
                                translate("VoiceLab", "Convert it to mp3 or wav first.")))
    duration = info.duration_s
    if purpose == "voice_clone":
        if duration < CLONE_MIN_S:
            findings.append(Finding(
                "fail", translate("VoiceLab", "it is {seconds:.1f} s long; a clone needs at least 10 s").format(
                    seconds=duration),
                translate("VoiceLab", "Record at least 10 s ({best} of clear speech works best).").format(
                    best=BEST_SAMPLE_LENGTH)))
        elif duration > CLONE_MAX_S:
            findings.append(Finding("fail", translate("VoiceLab", "it is {minutes:.1f} min long; the limit is 5 min")
                                    .format(minutes=duration / 60),
                                    translate("VoiceLab", "Trim it to the best 1–5 minutes.")))
        else:
            findings.append(Finding("pass", translate("VoiceLab", "{seconds:.1f} s is within {limits}").format(
                seconds=duration, limits=SAMPLE_LENGTH)))
    elif duration >= PROMPT_MAX_S:
        findings.append(Finding(
            "fail", translate("VoiceLab", "the prompt audio is {seconds:.1f} s; it must be shorter than 8 s").format(
                seconds=duration),
            translate("VoiceLab", "Cut one sentence of 3–7 s.")))
    if info.sample_rate and info.sample_rate < LOW_RATE_HZ:
        findings.append(Finding("warn", translate("VoiceLab", "the sample rate is only {rate} Hz").format(
                                    rate=info.sample_rate),
                                translate("VoiceLab",
                                          "Record at 44.1 or 48 kHz if you can: the clone copies the dullness.")))
    if size <= MAX_UPLOAD_BYTES and duration <= ANALYSE_MAX_S:
        try:
            findings.extend(_measure(path, report, what))
        except (av.error.FFmpegError, ValueError, OSError) as exc:
            findings.append(Finding("fail", translate("VoiceLab", "the audio can't be decoded ({reason})").format(
                reason=exc), translate("VoiceLab", "Export the file again.")))
    return SampleReport(path, purpose, size, findings=tuple(findings), **report)


def _measure(path: Path, report: _Measures, what: str) -> list[Finding]:
    data, rate = _decode(path)
    findings: list[Finding] = []
    if not data.size:
        return [Finding("fail", translate("VoiceLab", "the file has no audio samples"),
                        translate("VoiceLab", "Record or export the sample again."))]
    peak = float(np.max(np.abs(data)))
    clipped = float(np.mean(np.any(np.abs(data) >= CLIP_LEVEL, axis=1)) * 100)
    loudness = _loudness(data, rate)
    floor, speech, active = _noise_and_speech(data.mean(axis=1), rate)
    report.update(_Measures(peak_dbfs=_db(peak), clipping_pct=clipped, loudness_lufs=loudness,
                            noise_floor_dbfs=floor, snr_db=speech - floor, speech_pct=active))
    if peak < 1e-4:
        return [Finding("fail", translate("VoiceLab", "the {what} is silent").format(what=what),
                        translate("VoiceLab", "Check the microphone and record again."))]
    if clipped >= CLIP_FAIL_PCT:
        findings.append(Finding(
            "fail", translate("VoiceLab", "{percent:.1f} % of the {what} is clipped (distorted)").format(
                percent=clipped, what=what),
            translate("VoiceLab", "Record again with the input gain lower or further from the microphone.")))
    elif clipped >= CLIP_WARN_PCT:
        findings.append(Finding(
            "warn", translate("VoiceLab", "{percent:.2f} % of the {what} is clipped").format(
                percent=clipped, what=what),
            translate("VoiceLab", "A little distortion; lower the input gain if you record again.")))
    else:
        findings.append(Finding("pass", translate("VoiceLab", "no clipping (peak {peak:.1f} dBFS)").format(
            peak=_db(peak))))
    if loudness is not None and loudness < QUIET_LUFS:
        findings.append(Finding(
            "warn", translate("VoiceLab", "it is quiet ({loudness:.0f} LUFS)").format(loudness=loudness),
            translate("VoiceLab", "Move closer to the microphone, or tick 'volume normalization'.")))
    elif loudness is not None and loudness > LOUD_LUFS:
        findings.append(Finding("warn", translate("VoiceLab", "it is very loud ({loudness:.0f} LUFS)").format(
            loudness=loudness), translate("VoiceLab", "Lower the gain a little.")))
    snr = speech - floor
    if snr < SNR_FAIL_DB:
        findings.append(Finding(
            "fail", translate("VoiceLab", "background noise is nearly as loud as the voice (SNR ~{snr:.0f} dB)").format(
                snr=snr),
            translate("VoiceLab", "Record in a quiet room, away from fans and traffic.")))
    elif snr < SNR_WARN_DB:
        findings.append(Finding("warn", translate("VoiceLab", "background noise is audible (SNR ~{snr:.0f} dB)").format(
                                    snr=snr),
                                translate("VoiceLab", "Record somewhere quieter, or tick 'noise reduction'.")))
    else:
        findings.append(Finding("pass", translate("VoiceLab", "quiet background (SNR ~{snr:.0f} dB)").format(snr=snr)))
    if active < 30:
        findings.append(Finding("warn", translate("VoiceLab", "only {percent:.0f} % of it is speech").format(
                                    percent=active),
                                translate("VoiceLab", "Trim long silences: the clone learns from the speech.")))
    return findings


# --- voice ids ---------------------------------------------------------------------------------------


def voice_id_problem(voice_id: str, taken: Iterable[str] = (), deleted: Iterable[str] = ()) -> str | None:
    """What is wrong with `voice_id` as a new custom id, in words; None when it can be used."""
    try:
        check_voice_id(voice_id)
    except InputError as exc:
        return translate("VoiceLab", "The id {rule}").format(rule=exc.rule)
    if voice_id in set(deleted):
        return translate("VoiceLab", "This id belonged to a deleted voice; deleted ids can never be used again")
    if voice_id in set(taken):
        return translate("VoiceLab", "One of your voices already has this id")
    return None


def suggest_voice_id(base: str, taken: Iterable[str] = (), deleted: Iterable[str] = ()) -> str:
    """A valid id close to `base` that none of `taken`/`deleted` uses: 'My voice!' → 'My_voice', then
    'My_voice-2', … ; padded to 8 characters and given a letter first when needed."""
    unavailable = set(taken) | set(deleted)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", base.strip())
    stem = re.sub(r"^[^A-Za-z]+", "", stem)
    stem = re.sub(r"[-_]{2,}", "_", stem).rstrip("-_")[:240]
    if not stem:
        stem = "voice"
    if len(stem) < 8:
        stem = f"{stem}_{time.strftime('%m%d')}"[:240]
    if len(stem) < 8:
        stem = stem + "0" * (8 - len(stem))
    candidate, n = stem, 1
    while candidate in unavailable or voice_id_problem(candidate) is not None:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


# --- clone -------------------------------------------------------------------------------------------

CloneStage = Literal["checking", "uploading", "uploading_prompt", "cloning", "downloading_demo", "done"]
_STAGE_AT: dict[CloneStage, float] = {
    "checking": 0.0, "uploading": 0.1, "uploading_prompt": 0.4, "cloning": 0.5, "downloading_demo": 0.9,
    "done": 1.0,
}


@dataclass(frozen=True)
class CloneProgress:
    stage: CloneStage
    message: str
    fraction: float  # 0–1 of the whole flow


@dataclass
class CloneSpec:
    """What the user asked for. `preview_text` (billed like T2A) makes the service return a demo."""

    sample: Path
    voice_id: str
    name: str = ""
    notes: str = ""
    prompt_audio: Path | None = None
    prompt_text: str = ""
    preview_text: str = ""
    model: SpeechModel = DEFAULT_MODEL
    text_validation: str = ""
    accuracy: float | None = None
    noise_reduction: bool = False
    volume_normalization: bool = False
    language_boost: LanguageBoost | None = None

    def request(self, file_id: int, prompt_file_id: int | None = None) -> VoiceCloneRequest:
        """The clone request (raises InputError naming the field for bad input)."""
        prompt = None
        if self.prompt_audio is not None:
            if not self.prompt_text.strip():
                raise InputError("clone_prompt.prompt_text",
                                 translate("VoiceLab", "is required with prompt audio: its exact transcript"))
            prompt = ClonePrompt(prompt_audio=prompt_file_id or 1, prompt_text=self.prompt_text.strip())
        preview = self.preview_text.strip() or None
        return VoiceCloneRequest(
            file_id=file_id,
            voice_id=self.voice_id,
            clone_prompt=prompt,
            text=preview,
            model=self.model if preview else None,
            language_boost=self.language_boost,
            text_validation=self.text_validation.strip() or None,
            accuracy=self.accuracy if self.text_validation.strip() else None,
            need_noise_reduction=self.noise_reduction or None,
            need_volume_normalization=self.volume_normalization or None,
        )


@dataclass(frozen=True)
class CloneOutcome:
    voice_id: str
    file_id: int
    report: SampleReport
    demo_path: Path | None
    characters_billed: int | None  # the preview text, billed like T2A (None without a preview)


class SampleRejected(MiniMaxError):
    """The sample check failed: nothing was uploaded."""

    def __init__(self, report: SampleReport) -> None:
        super().__init__(report.summary())
        self.report = report


# --- voices and their lifetime -----------------------------------------------------------------------

LabVoiceKind = Literal["cloned", "designed"]
_SERVICE_TYPES: dict[str, OwnVoiceType] = {"cloned": "voice_cloning", "designed": "voice_generation"}


@dataclass(frozen=True)
class LabVoice:
    voice_id: str
    kind: LabVoiceKind
    name: str  # local name, else the id
    notes: str
    created_at: datetime | None
    expires_at: datetime | None  # None once it has been used in T2A (kept for good)
    hours_left: float | None

    @property
    def activated(self) -> bool:
        return self.expires_at is None

    def expires_within(self, hours: float) -> bool:
        return self.hours_left is not None and self.hours_left <= hours


def short_voice_name(voice_id: str, local_name: str = "") -> str:
    """The user's name for a voice, else its id, shortened where the service made it up: a designed voice's
    "ttv-voice-20261203163326-po80a5aj" reads "designed voice po80a5aj"."""
    if local_name and local_name != voice_id:
        return local_name
    if voice_id.startswith("ttv-voice-"):
        return translate("VoiceLab", "designed voice {suffix}").format(suffix=voice_id.rsplit("-", 1)[-1])
    return voice_id


def expiry_warning(voices: Sequence[LabVoice], within_hours: float = EXPIRY_WARNING_HOURS) -> str:
    """The start-up warning for voices about to be deleted, or "" when there are none."""
    soon = sorted((v for v in voices if v.expires_within(within_hours)), key=lambda v: v.hours_left or 0)
    if not soon:
        return ""
    names = ", ".join(f"{short_voice_name(v.voice_id, v.name)} ({max(0, round(v.hours_left or 0))} h)"
                      for v in soon[:3])
    more = translate("VoiceLab", " and {count} more").format(count=len(soon) - 3) if len(soon) > 3 else ""
    if len(soon) == 1:
        warning = translate("VoiceLab", "{count} voice expires within {hours:.0f} h unless used: {names}{more}. "
                                        "Activate them in Voice Lab → My voices.")
    else:
        warning = translate("VoiceLab", "{count} voices expire within {hours:.0f} h unless used: {names}{more}. "
                                        "Activate them in Voice Lab → My voices.")
    return warning.format(count=len(soon), hours=within_hours, names=names, more=more)


@dataclass(frozen=True)
class DesignTry:
    id: int
    created_at: datetime
    prompt: str
    preview_text: str
    voice_id: str
    audio_path: Path
    kept: bool


@dataclass(frozen=True)
class MixPart:
    voice_id: str
    weight: int  # 1–100


def mix_request(parts: Sequence[MixPart], text: str, model: SpeechModel = DEFAULT_MODEL, *, stream: bool = True
                ) -> T2ARequest:
    """A T2A request speaking `text` in a mix of 1–4 voices (raises InputError for bad weights)."""
    return T2ARequest(
        text=text, model=model, stream=stream,
        voice_setting=VoiceSetting(voice_id=None),
        timber_weights=[TimberWeight(voice_id=p.voice_id, weight=p.weight) for p in parts],
        audio_setting=AudioSetting(format="mp3"),
    )


def t2a_cost(text: str) -> int:
    """Characters a T2A render of `text` bills (MiniMax counts every character; the UI shows it before)."""
    return len(text.strip())


def design_cost(preview_text: str) -> int:
    """A design try renders its preview text, billed like T2A."""
    return t2a_cost(preview_text)


def utc_now() -> datetime:
    return datetime.now(UTC)


class VoiceLab:
    """The use-cases behind the Voice Lab panel and `studio clone/voices --expiring/voice delete`."""

    def __init__(
        self,
        client: ClientProvider,
        library: Library,
        *,
        now: Callable[[], datetime] | None = None,
        add_characters: AddCharacters | None = None,
    ) -> None:
        self._client = client
        self._library = library
        self._now = now or utc_now
        self._add_characters = add_characters or (lambda _count: None)
        self.media_dir = library.media_dir / "voicelab"
        self._known_ids: set[str] = set()

    @property
    def library(self) -> Library:
        return self._library

    # -- ids ------------------------------------------------------------------------------------------

    def taken_ids(self) -> set[str]:
        """Ids this app knows are in use: listed voices, noted voices and design tries."""
        tries = {row["voice_id"] for row in self._library.design_tries()}
        return self._known_ids | set(self._library.voice_notes()) | tries

    def voice_id_problem(self, voice_id: str) -> str | None:
        return voice_id_problem(voice_id, self.taken_ids(), self._library.deleted_voice_ids())

    def suggest_voice_id(self, base: str) -> str:
        return suggest_voice_id(base, self.taken_ids(), self._library.deleted_voice_ids())

    # -- sample check and clone -----------------------------------------------------------------------

    async def check_sample(self, path: Path, purpose: SamplePurpose = "voice_clone") -> SampleReport:
        return await asyncio.to_thread(check_sample, path, purpose)

    async def clone(
        self, spec: CloneSpec, on_progress: Callable[[CloneProgress], None] | None = None
    ) -> CloneOutcome:
        """Check → upload the sample → upload the prompt audio → clone → fetch the demo. Refuses a sample
        (or prompt) that fails the check before any request. Cancelling removes uploaded files."""
        def step(stage: CloneStage, message: str) -> None:
            if on_progress is not None:
                on_progress(CloneProgress(stage, message, _STAGE_AT[stage]))

        step("checking", translate("VoiceLab", "Checking the sample…"))
        spec.request(1, 1)  # refuse bad fields before anything is sent
        problem = self.voice_id_problem(spec.voice_id)
        if problem:
            raise InputError("voice_id", problem, f"voice_id: {problem}")  # notr: the field, then its problem
        report = await self.check_sample(spec.sample)
        if not report.uploadable:
            raise SampleRejected(report)
        if spec.prompt_audio is not None:
            prompt_report = await self.check_sample(spec.prompt_audio, "prompt_audio")
            if not prompt_report.uploadable:
                raise SampleRejected(prompt_report)
        client = self._client()
        uploaded: list[tuple[int, str]] = []
        try:
            step("uploading", translate("VoiceLab", "Uploading the sample ({size:.1f} MB)…").format(
                size=report.size_bytes / 1024 / 1024))
            source = await client.upload_file(spec.sample, "voice_clone", _upload_name(spec.sample, report))
            uploaded.append((source.file_id, "voice_clone"))
            prompt_id = None
            if spec.prompt_audio is not None:
                step("uploading_prompt", translate("VoiceLab", "Uploading the prompt audio…"))
                prompt = await client.upload_file(spec.prompt_audio, "prompt_audio")
                uploaded.append((prompt.file_id, "prompt_audio"))
                prompt_id = prompt.file_id
            step("cloning", translate("VoiceLab", "Cloning the voice and rendering the demo…")
                 if spec.preview_text.strip() else translate("VoiceLab", "Cloning the voice…"))
            result = await client.voice_clone(spec.request(source.file_id, prompt_id))
        except asyncio.CancelledError:
            await self._remove_uploads(client, uploaded)
            raise
        now = self._now()
        self._library.mark_seen([spec.voice_id], now)
        if spec.name.strip() or spec.notes.strip():
            self._library.set_voice_note(spec.voice_id, spec.name, spec.notes)
        self._known_ids.add(spec.voice_id)
        demo, no_demo = None, ""
        if result.demo_audio:
            step("downloading_demo", translate("VoiceLab", "Fetching the demo…"))
            try:
                demo = await client.download(result.demo_audio, self.media_dir / f"{spec.voice_id}-demo.mp3",
                                             what=translate("VoiceLab", "the demo"))
            except LinkError as exc:  # the voice is cloned (and the preview billed) whatever became of its link
                no_demo = translate("VoiceLab", " (no demo: {reason})").format(reason=exc)
        step("done", translate("VoiceLab", "Cloned {voice}{no_demo}").format(voice=spec.voice_id, no_demo=no_demo))
        billed = None
        if spec.preview_text.strip():
            billed = (result.extra_info.usage_characters if result.extra_info else None) or len(spec.preview_text)
            self._add_characters(billed)
        return CloneOutcome(spec.voice_id, source.file_id, report, demo, billed)

    @staticmethod
    async def _remove_uploads(client: MiniMaxClient, uploaded: list[tuple[int, str]]) -> None:
        for file_id, purpose in uploaded:
            try:
                await asyncio.wait_for(client.delete_file(file_id, purpose), 5)
            except (MiniMaxError, TimeoutError) as exc:
                log.info("could not remove uploaded file %s after a cancel: %s", file_id, exc)

    # -- design ---------------------------------------------------------------------------------------

    async def design(self, prompt: str, preview_text: str, voice_id: str | None = None) -> DesignTry:
        """One try: a new voice from `prompt`, its trial audio saved and listed in the history."""
        request = VoiceDesignRequest(prompt=prompt.strip(), preview_text=preview_text.strip(),
                                     voice_id=voice_id or None)
        if voice_id:
            problem = self.voice_id_problem(voice_id)
            if problem:
                raise InputError("voice_id", problem, f"voice_id: {problem}")  # notr: the field, then its problem
        result = await self._client().voice_design(request)
        self._add_characters(design_cost(request.preview_text))  # the response doesn't say; the preview is billed
        relative = f"voicelab/design-{result.voice_id}-{uuid.uuid4().hex[:6]}.mp3"
        path = self._library.media_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(path.write_bytes, result.trial_audio)
        self._library.mark_seen([result.voice_id], self._now())
        self._known_ids.add(result.voice_id)
        try_id = self._library.add_design_try(request.prompt, request.preview_text, result.voice_id, relative)
        return next(t for t in self.design_history() if t.id == try_id)

    def design_history(self) -> list[DesignTry]:
        return [
            DesignTry(row["id"], datetime.fromtimestamp(row["created_at"], UTC), row["prompt"], row["preview_text"],
                      row["voice_id"], self._library.media_dir / row["file"], bool(row["kept"]))
            for row in self._library.design_tries()
        ]

    def keep_design(self, try_id: int, name: str, notes: str = "") -> DesignTry:
        """Keep a try: its voice gets a local name and notes (activate it to stop it expiring)."""
        tried = next((t for t in self.design_history() if t.id == try_id), None)
        if tried is None:
            raise KeyError(try_id)
        self._library.set_design_kept(try_id, True)
        self._library.set_voice_note(tried.voice_id, name.strip() or tried.voice_id, notes)
        return next(t for t in self.design_history() if t.id == try_id)

    # -- mix ------------------------------------------------------------------------------------------

    async def preview_mix(self, parts: Sequence[MixPart], text: str, sink: AudioSink,
                          model: SpeechModel = DEFAULT_MODEL) -> int | None:
        """Speak `text` in the mix through `sink` as it streams; returns the characters billed."""
        request = mix_request(parts, text, model)
        stream = self._client().t2a_stream(request)
        async with stream:
            chunks: AsyncIterator[bytes] = aiter(stream)
            await sink.play(chunks, "mp3", request.audio_setting.sample_rate, request.audio_setting.channel)
            await drain(chunks)
        billed = (stream.extra_info or {}).get("usage_characters") or len(text)
        self._add_characters(billed)
        return billed

    async def voice_choices(self) -> list[tuple[str, str]]:
        """(voice_id, label) of every voice that can be mixed: the user's own first, then system voices."""
        voices = await self._client().get_voices("all")
        notes = self._library.voice_notes()

        def label(info: VoiceInfo) -> str:
            note = notes.get(info.voice_id)
            name = (note.local_name if note else "") or info.voice_name or ""
            return f"{name} ({info.voice_id})" if name and name != info.voice_id else info.voice_id

        voices.sort(key=lambda v: v.kind == "system")
        return [(v.voice_id, label(v)) for v in voices]

    async def render_mix_sample(self, parts: Sequence[MixPart], text: str = MIX_SAMPLE_TEXT,
                                model: SpeechModel = DEFAULT_MODEL) -> Path:
        """The mix speaking ~20 s, saved as an mp3 sample ready to clone (a mix has no voice id of its own;
        cloning a rendering of it turns it into one)."""
        request = mix_request(parts, text, model, stream=False)
        result = await self._client().t2a(request)
        self._add_characters((result.extra_info.usage_characters if result.extra_info else None) or len(text))
        if not result.audio:
            raise MiniMaxError(translate("VoiceLab", "The mix rendering came back without audio; try again."))
        ids = "-".join(re.sub(r"[^A-Za-z0-9]", "", p.voice_id)[:10] for p in parts)
        path = self.media_dir / f"mix-{ids}-{uuid.uuid4().hex[:6]}.mp3"
        path.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(path.write_bytes, result.audio)
        return path

    # -- lifecycle ------------------------------------------------------------------------------------

    async def my_voices(self) -> list[LabVoice]:
        """Every cloned and designed voice of the account with its created time and hours left, soonest
        expiry first; voices used in a finished Speech render no longer expire."""
        client = self._client()
        cloned, designed = await asyncio.gather(client.get_voices("voice_cloning"),
                                                client.get_voices("voice_generation"))
        infos: list[VoiceInfo] = [v for v in [*cloned, *designed] if v.kind != "system"]
        now = self._now()
        if infos:
            self._library.mark_seen((v.voice_id for v in infos), now)
        self._known_ids |= {v.voice_id for v in infos}
        notes = self._library.voice_notes()
        used = self._library.voices_with_complete_takes()
        voices = []
        for info in infos:
            note = notes.get(info.voice_id)
            first_seen = note.first_seen_at if note else None
            expires = expiry_time(info.kind, info.created_time, first_seen, info.voice_id in used)
            hours = (expires - now).total_seconds() / 3600 if expires is not None else None
            voices.append(LabVoice(
                voice_id=info.voice_id,
                kind="designed" if info.kind == "designed" else "cloned",
                name=(note.local_name if note and note.local_name else info.voice_id),
                notes=note.notes if note else "",
                created_at=creation_time(info.created_time, first_seen),
                expires_at=expires,
                hours_left=hours,
            ))
        voices.sort(key=lambda v: (v.hours_left is None, v.hours_left or 0.0))
        return voices

    async def expiring_voices(self, within_hours: float = EXPIRY_WARNING_HOURS) -> list[LabVoice]:
        return [v for v in await self.my_voices() if v.expires_within(within_hours)]

    @staticmethod
    def activation_cost(text: str = ACTIVATION_LINE) -> int:
        """Characters billed for activating with `text` (T2A bills every character of the text)."""
        return t2a_cost(text)

    async def activate(self, voice_id: str, sink: AudioSink | None = None, text: str = ACTIVATION_LINE,
                       model: SpeechModel = "speech-2.8-turbo") -> Take:
        """Use the voice in one short T2A render, which makes it permanent. The render is a Library take
        (that is how the app knows the voice was used)."""
        request = T2ARequest(text=text, model=model, voice_setting=VoiceSetting(voice_id=voice_id),
                             audio_setting=AudioSetting(format="mp3"), stream=True)
        take = await record_speech(self._client(), self._library, request, sink)
        self._add_characters(take.usage_characters or self.activation_cost(text))
        return take

    async def delete(self, voice_id: str, kind: LabVoiceKind) -> None:
        """Delete on the service, then forget the local name and notes. The id can never be reused."""
        await self._client().delete_voice(_SERVICE_TYPES[kind], voice_id)
        self._library.forget_voice(voice_id)
        self._known_ids.discard(voice_id)

    def set_note(self, voice_id: str, name: str, notes: str) -> None:
        self._library.set_voice_note(voice_id, name, notes)


def _upload_name(path: Path, report: SampleReport) -> str:
    """The service judges the type by the extension: name the upload after what the file really is."""
    fmt = report.format if report.format in CLONE_FORMATS else path.suffix.lstrip(".").lower()
    return f"{path.stem}.{fmt}"


async def play_file(sink: AudioSink, path: Path) -> None:
    """Play an mp3/wav file through `sink`."""
    fmt = path.suffix.lstrip(".").lower() or "mp3"
    rate, channels = 32000, 1
    if fmt == "wav":
        import wave

        with wave.open(str(path)) as w:
            rate, channels = w.getframerate(), w.getnchannels()
    await sink.play(file_chunks(path), fmt, rate, channels)
