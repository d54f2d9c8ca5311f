"""Voice Lab services against the real emulator: sample checks on real files, clone, design, mix, activation,
expiry and delete, with a real SQLite library."""

from __future__ import annotations

import asyncio
import wave
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from studio.api.client import MiniMaxClient
from studio.api.errors import InputError, VoiceError
from studio.emulator import DEMO_KEY, Emulator
from studio.emulator.routes_voices import MISMATCH_MARKER
from studio.services.library import MIGRATIONS, Library
from studio.services.playback import FileSink
from studio.services.voice_lab import (
    CloneSpec,
    MixPart,
    SampleRejected,
    VoiceLab,
    check_sample,
    expiry_warning,
    suggest_voice_id,
    voice_id_problem,
)
from tests.audio_utils import decode

# --- sample files ------------------------------------------------------------------------------------


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def speech_like(seconds: float, rate: int = 22050, *, level: float = 0.35, noise: float = 0.0005,
                seed: int = 1) -> np.ndarray:
    """Syllables (a voiced harmonic tone under a smooth envelope, 120–220 Hz) with short pauses between."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * rate), dtype=np.float64)
    pos = 0
    while pos < len(out):
        length = int(rng.uniform(0.12, 0.3) * rate)
        if rng.random() < 0.8:
            t = np.arange(min(length, len(out) - pos)) / rate
            f0 = rng.uniform(120, 220)
            voiced = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 6))
            out[pos : pos + len(t)] = level * voiced * np.hanning(len(t)) / 1.6
        pos += length + int(rng.uniform(0.03, 0.12) * rate)
    return out + rng.normal(0, noise, len(out))


def sample(tmp: Path, name: str, seconds: float, **kwargs: float) -> Path:
    rate = int(kwargs.pop("rate", 22050))
    return write_wav(tmp / name, speech_like(seconds, rate, **kwargs), rate)


def clipped_sample(tmp: Path, seconds: float = 12) -> Path:
    return write_wav(tmp / "clipped.wav", np.clip(speech_like(seconds) * 4, -1, 1), 22050)


def big_sample(tmp: Path) -> Path:
    """21 MB of audio that is otherwise fine (4 min of 44.1 kHz 16-bit mono)."""
    rate = 44100
    seconds = 21 * 1024 * 1024 / (2 * rate)
    return write_wav(tmp / "big.wav", speech_like(seconds, rate), rate)


def not_audio(tmp: Path) -> Path:
    path = tmp / "notes.mp3"
    path.write_text("This is a shopping list, not a recording.\n" * 20, encoding="utf-8")
    return path


# --- fixtures ----------------------------------------------------------------------------------------


class Lab:
    def __init__(self, emulator: Emulator, home: Path) -> None:
        self.emulator = emulator
        self.client = MiniMaxClient(DEMO_KEY, base_url=emulator.global_url)
        self.library = Library(home / "data")
        self.offset = timedelta(0)
        self.lab = VoiceLab(lambda: self.client, self.library, now=self.now)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.emulator.state.clock.now(), UTC)

    def advance(self, hours: float) -> None:
        self.emulator.advance_clock(hours * 3600)


@pytest.fixture
async def lab(emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Lab]:
    monkeypatch.setenv("STUDIO_HOME", str(tmp_path))
    made = Lab(emulator, tmp_path)
    yield made
    await made.client.aclose()
    made.library.close()


# --- sample check ------------------------------------------------------------------------------------


def test_a_clean_eleven_second_sample_passes(tmp_path: Path) -> None:
    report = check_sample(sample(tmp_path, "good.wav", 11))
    assert report.verdict == "pass", report.as_lines()
    assert report.format == "wav" and 10.9 < (report.duration_s or 0) < 11.1
    assert report.clipping_pct == 0 and (report.peak_dbfs or 0) < -3
    assert report.loudness_lufs is not None and -35 < report.loudness_lufs < -9
    assert (report.snr_db or 0) > 25 and (report.noise_floor_dbfs or 0) < -40
    assert report.summary().startswith("Good to clone")


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: sample(tmp, "short.wav", 9), "at least 10 s"),
        (lambda tmp: sample(tmp, "long.wav", 360, rate=8000), "limit is 5 min"),
        (big_sample, "20 MB"),
        (not_audio, "not audio"),
        (clipped_sample, "clipped"),
        (lambda tmp: sample(tmp, "noisy.wav", 12, noise=0.08), "noise"),
    ],
    ids=["9s", "6min", "21MB", "text-named-mp3", "clipped", "very-noisy"],
)
def test_bad_samples_fail_with_the_reason_and_the_fix(tmp_path: Path, make, says: str) -> None:  # type: ignore[no-untyped-def]
    report = make(tmp_path)
    report = check_sample(report)
    assert report.verdict == "fail" and not report.uploadable
    failure = report.problems("fail")[0]
    assert says in failure.message and failure.fix
    assert report.summary().startswith("Can't be cloned")


def test_some_noise_is_a_warning_with_noise_reduction_suggested(tmp_path: Path) -> None:
    report = check_sample(sample(tmp_path, "hiss.wav", 12, noise=0.012))
    assert report.verdict == "warn", report.as_lines()
    assert "noise reduction" in report.problems("warn")[0].fix
    assert 12 <= (report.snr_db or 0) < 25


def test_prompt_audio_must_be_shorter_than_eight_seconds(tmp_path: Path) -> None:
    assert check_sample(sample(tmp_path, "p.wav", 5), "prompt_audio").verdict == "pass"
    report = check_sample(sample(tmp_path, "p8.wav", 8.2), "prompt_audio")
    assert report.verdict == "fail" and "shorter than 8 s" in report.summary()


async def test_refused_samples_send_no_request(lab: Lab, tmp_path: Path) -> None:
    files = [sample(tmp_path, "short.wav", 9), sample(tmp_path, "long.wav", 360, rate=8000), big_sample(tmp_path),
             not_audio(tmp_path)]
    before = len(lab.emulator.requests)
    for path in files:
        with pytest.raises(SampleRejected) as refused:
            await lab.lab.clone(CloneSpec(sample=path, voice_id="RefusedVoice01"))
        assert refused.value.report.verdict == "fail"
    assert len(lab.emulator.requests) == before


# --- voice ids ---------------------------------------------------------------------------------------


def test_voice_id_rules_in_words() -> None:
    assert voice_id_problem("short") == "The id must be 8–256 characters (got 5)"
    assert "start with a letter" in (voice_id_problem("1abcdefgh") or "")
    assert "must not end with" in (voice_id_problem("abcdefgh_") or "")
    assert "may only contain" in (voice_id_problem("abc defgh") or "")
    assert "already has" in (voice_id_problem("NightOwl01", taken={"NightOwl01"}) or "")
    assert "never be used again" in (voice_id_problem("NightOwl01", deleted={"NightOwl01"}) or "")
    assert voice_id_problem("NightOwl01") is None


def test_suggested_ids_follow_the_rules_and_avoid_used_ones() -> None:
    assert suggest_voice_id("Night Owl host!") == "Night_Owl_host"
    assert suggest_voice_id("Night Owl host", taken={"Night_Owl_host"}) == "Night_Owl_host-2"
    assert suggest_voice_id("Night Owl host", deleted={"Night_Owl_host", "Night_Owl_host-2"}) == "Night_Owl_host-3"
    for base in ("", "42", "__x", "é voice"):
        assert voice_id_problem(suggest_voice_id(base)) is None


# --- clone, design, mix, lifecycle ---------------------------------------------------------------------


async def test_clone_uploads_clones_and_fetches_the_demo(lab: Lab, tmp_path: Path) -> None:
    stages: list[str] = []
    outcome = await lab.lab.clone(
        CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id="NightOwlHost01", name="Night Owl host",
                  notes="warm", preview_text="Welcome back to Night Owl.", noise_reduction=True,
                  prompt_audio=sample(tmp_path, "prompt.wav", 5, seed=3), prompt_text="Welcome back to Night Owl."),
        on_progress=lambda p: stages.append(p.stage),
    )
    assert stages == ["checking", "uploading", "uploading_prompt", "cloning", "downloading_demo", "done"]
    assert outcome.demo_path is not None and outcome.characters_billed
    samples, rate = decode(outcome.demo_path.read_bytes())
    assert len(samples) / rate > 0.5
    body = next(r.json for r in lab.emulator.requests if r.path == "/v1/voice_clone")
    assert body["need_noise_reduction"] is True and body["clone_prompt"]["prompt_text"]
    voices = await lab.lab.my_voices()
    mine = next(v for v in voices if v.voice_id == "NightOwlHost01")
    assert mine.name == "Night Owl host" and mine.notes == "warm" and mine.kind == "cloned"
    assert mine.hours_left is not None and 166 < mine.hours_left <= 168
    assert "already has" in (lab.lab.voice_id_problem("NightOwlHost01") or "")


@pytest.mark.parametrize(
    ("field", "code"),
    [("text_validation", 1043), ("prompt_text", 1044)],
)
async def test_validation_failures_come_back_with_the_fix(lab: Lab, tmp_path: Path, field: str, code: int) -> None:
    spec = CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id=f"Mismatch{code}")
    if field == "text_validation":
        spec.text_validation = f"Hello {MISMATCH_MARKER}"
    else:
        spec.prompt_audio = sample(tmp_path, "prompt.wav", 4)
        spec.prompt_text = f"Hello {MISMATCH_MARKER}."
    with pytest.raises(VoiceError) as failed:
        await lab.lab.clone(spec)
    assert failed.value.status_code == code and "transcript" in str(failed.value)


async def test_bad_fields_are_refused_before_any_request(lab: Lab, tmp_path: Path) -> None:
    before = len(lab.emulator.requests)
    good = sample(tmp_path, "good.wav", 11)
    with pytest.raises(InputError, match="8–256"):
        await lab.lab.clone(CloneSpec(sample=good, voice_id="short"))
    with pytest.raises(InputError, match="transcript"):
        await lab.lab.clone(CloneSpec(sample=good, voice_id="NoTranscript1", prompt_audio=good))
    assert len(lab.emulator.requests) == before


async def test_cancel_during_upload_removes_what_was_uploaded(lab: Lab, tmp_path: Path) -> None:
    path = sample(tmp_path, "good.wav", 11)
    cloning = asyncio.Event()
    task = asyncio.ensure_future(lab.lab.clone(CloneSpec(sample=path, voice_id="CancelledVoice1"),
                                               on_progress=lambda p: p.stage == "cloning" and cloning.set()))
    await cloning.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    account = lab.emulator.state.accounts[DEMO_KEY]
    assert not [f for f in account.files.values() if f.purpose == "voice_clone"]


async def test_design_history_keep_and_activation(lab: Lab) -> None:
    first = await lab.lab.design("A calm elderly narrator with a warm low voice", "Once upon a time.")
    second = await lab.lab.design("A bright young radio host, fast and cheerful", "Good morning, listeners!")
    history = lab.lab.design_history()
    assert [t.id for t in history] == [second.id, first.id]
    assert all(t.audio_path.stat().st_size > 1000 for t in history)
    kept = lab.lab.keep_design(first.id, "Grandpa narrator", "bedtime stories")
    assert kept.kept and lab.library.voice_note(first.voice_id).local_name == "Grandpa narrator"

    warned = await lab.lab.expiring_voices(48)
    assert warned == []
    lab.advance(130)
    soon = await lab.lab.expiring_voices(48)
    assert {v.voice_id for v in soon} == {first.voice_id, second.voice_id}
    assert "2 voices expire within 48 h" in expiry_warning(soon)

    take = await lab.lab.activate(first.voice_id, FileSink())
    assert take.status == "complete" and take.usage_characters == lab.lab.activation_cost()
    voices = {v.voice_id: v for v in await lab.lab.my_voices()}
    assert voices[first.voice_id].activated and voices[first.voice_id].hours_left is None
    assert not voices[second.voice_id].activated
    lab.advance(40)  # past 168 h: the unused try is gone from the service, the activated one stays
    voices = {v.voice_id: v for v in await lab.lab.my_voices()}
    assert first.voice_id in voices and second.voice_id not in voices


async def test_delete_removes_the_voice_and_its_notes_and_the_id_stays_unusable(lab: Lab, tmp_path: Path) -> None:
    await lab.lab.clone(CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id="ToBeDeleted1", name="Temp"))
    await lab.lab.delete("ToBeDeleted1", "cloned")
    assert "ToBeDeleted1" not in {v.voice_id for v in await lab.lab.my_voices()}
    assert "ToBeDeleted1" not in lab.library.voice_notes()
    assert "never be used again" in (lab.lab.voice_id_problem("ToBeDeleted1") or "")
    assert lab.lab.suggest_voice_id("ToBeDeleted1") == "ToBeDeleted1-2"


async def test_mix_preview_and_clone_this_mix(lab: Lab) -> None:
    parts = [MixPart("English_Graceful_Lady", 70), MixPart("English_Trustworth_Man", 30)]
    sink = FileSink()
    billed = await lab.lab.preview_mix(parts, "A blend of two voices.", sink)
    assert billed and sink.last is not None and len(sink.last.data) > 1000
    body = next(r.json for r in lab.emulator.requests if r.path == "/v1/t2a_v2")
    assert body["timber_weights"] == [{"voice_id": "English_Graceful_Lady", "weight": 70},
                                      {"voice_id": "English_Trustworth_Man", "weight": 30}]
    path = await lab.lab.render_mix_sample(parts)
    report = check_sample(path)
    assert report.uploadable and (report.duration_s or 0) >= 10, report.as_lines()
    with pytest.raises(InputError):
        await lab.lab.preview_mix([MixPart("English_Graceful_Lady", 0)], "x", sink)


async def test_a_clone_whose_demo_link_expired_is_still_a_clone_and_says_why_there_is_no_demo(
    lab: Lab, tmp_path: Path
) -> None:
    lab.emulator.config.url_ttl = 0  # the demo's link has expired by the time it is fetched
    said: list[str] = []
    outcome = await lab.lab.clone(
        CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id="LateDemoVoice01", preview_text="Hello."),
        on_progress=lambda p: said.append(p.message))
    assert outcome.demo_path is None and outcome.characters_billed == len("Hello.")
    assert said[-1].startswith("Cloned LateDemoVoice01 (no demo: The download link for the demo expired")
    assert "LateDemoVoice01" in [v.voice_id for v in await lab.lab.my_voices()]


def test_the_design_table_is_a_new_migration(tmp_path: Path) -> None:
    library = Library(tmp_path)
    assert library.schema_version == len(MIGRATIONS) and any("design_tries" in m for m in MIGRATIONS)
    library.close()


async def test_every_billed_voice_lab_call_counts_in_the_session_characters(lab: Lab, tmp_path: Path) -> None:
    """Clone previews, design tries, mix previews and renders, activations: all report to the one counter."""
    from studio.services.account import Account
    from studio.services.voice_lab import ACTIVATION_LINE, MIX_SAMPLE_TEXT, VoiceLab

    account = Account()
    metered = VoiceLab(lambda: lab.client, lab.library, now=lab.now, add_characters=account.add_characters)
    await metered.clone(CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id="MeteredVoice01",
                                  preview_text="Welcome back to Night Owl."))
    assert account.characters_used == len("Welcome back to Night Owl.")
    await metered.clone(CloneSpec(sample=sample(tmp_path, "good.wav", 11), voice_id="MeteredVoice02"))
    assert account.characters_used == 26, "a clone without a preview bills nothing now"
    tried = await metered.design("A gravelly old sea captain", "Ahoy there, sailor.")
    assert account.characters_used == 26 + 19
    parts = [MixPart("English_Graceful_Lady", 70), MixPart("English_Trustworth_Man", 30)]
    await metered.preview_mix(parts, "A blend of two voices.", FileSink())
    await metered.render_mix_sample(parts)
    await metered.activate(tried.voice_id, FileSink())
    assert account.characters_used == (26 + 19 + len("A blend of two voices.") + len(MIX_SAMPLE_TEXT)
                                       + len(ACTIVATION_LINE))
