"""Text-to-speech for the emulator: espeak-ng through ctypes, with a formant-synth fallback.

Thread-safe: every use of libespeak-ng holds one lock, so `render_speech` may be called from any thread
(e.g. an executor); the rest is pure numpy. Output is deterministic: same arguments, same samples.
"""

from __future__ import annotations

import _ctypes  # dlclose / FreeLibrary, to unload libespeak-ng between utterances
import ctypes
import logging
import re
import threading
import zlib
from functools import lru_cache
from typing import Any

import numpy as np

from studio.emulator import dsp
from studio.emulator.voices import VoiceProfile, voice_profile

log = logging.getLogger(__name__)

ESPEAK_RATE = 22050  # libespeak-ng's native output rate
PAUSE_RE = re.compile(r"<#\s*(\d+(?:\.\d+)?)\s*#>")
# Interjections as sounds (speech-2.8; older models read the word): name -> (bursts, burst s, gap s, level)
INTERJECTIONS: dict[str, tuple[int, float, float, float]] = {
    "laughs": (4, 0.09, 0.07, 0.25),
    "chuckle": (3, 0.07, 0.06, 0.15),
    "sighs": (1, 0.7, 0.0, 0.12),
    "breath": (1, 0.35, 0.0, 0.08),
    "inhale": (1, 0.4, 0.0, 0.08),
    "exhale": (1, 0.45, 0.0, 0.09),
    "pant": (4, 0.12, 0.08, 0.1),
    "gasps": (1, 0.25, 0.0, 0.15),
    "sniffs": (2, 0.1, 0.08, 0.08),
    "snorts": (1, 0.15, 0.0, 0.15),
    "coughs": (2, 0.12, 0.15, 0.3),
    "clear-throat": (1, 0.3, 0.0, 0.15),
    "groans": (1, 0.5, 0.0, 0.12),
    "sneezes": (2, 0.1, 0.2, 0.3),
    "humming": (1, 0.6, 0.0, 0.08),
    "emm": (1, 0.4, 0.0, 0.08),
}
TAG_RE = re.compile(r"\((" + "|".join(re.escape(k) for k in INTERJECTIONS) + r")\)", re.IGNORECASE)
# emotion -> (rate factor, semitones, espeak pitch range 0..100)
EMOTIONS: dict[str, tuple[float, float, int]] = {
    "happy": (1.08, 2.0, 70),
    "sad": (0.86, -2.0, 25),
    "angry": (1.1, 1.0, 80),
    "fearful": (1.12, 3.0, 60),
    "disgusted": (0.95, -1.5, 45),
    "surprised": (1.02, 4.0, 90),
    "calm": (0.92, -1.0, 35),
    "fluent": (1.05, 0.0, 50),
    "whisper": (0.95, 0.0, 40),
}
# espeak pitch parameter -> relative F0, measured on espeak-ng 1.52 (the mapping is not linear)
_PITCH_PARAM = np.array([0, 10, 25, 40, 50, 60, 75, 90, 100])
_PITCH_RATIO = np.log2([0.585, 0.641, 0.757, 0.886, 1.0, 1.12, 1.346, 1.628, 1.818])


_SYNTH_ARGTYPES = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                   ctypes.c_void_p, ctypes.c_void_p)  # fmt: skip
_unload = getattr(_ctypes, "dlclose", None) or getattr(_ctypes, "FreeLibrary", None)
_lock = threading.Lock()  # libespeak-ng is not thread-safe
_espeak_failed = False
_chunks: list[np.ndarray] = []


def _collect_samples(wav: Any, count: int, _events: Any) -> int:
    if count > 0 and wav:
        _chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
    return 0


# The C callback (kept referenced here: libespeak-ng calls it until the library is unloaded).
_collect = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)(
    _collect_samples)


def _espeak(text: str, voice: str, rate: int, pitch: int, pitch_range: int) -> np.ndarray | None:
    """int16 samples at ESPEAK_RATE from libespeak-ng, or None when the library can't be used.

    The library is loaded for each call and unloaded afterwards (~5 ms): it keeps hidden state between
    utterances (pitch-flutter phase, gain control, ...) that would otherwise make the output depend on
    whatever was spoken before, breaking "same request, same bytes".
    """
    global _espeak_failed
    with _lock:
        if _espeak_failed:
            return None
        try:
            import espeakng_loader

            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_path = espeakng_loader.get_data_path().encode()
        except (OSError, ImportError, AttributeError) as exc:
            _espeak_failed = True
            log.warning("espeak-ng unavailable (%s); using the built-in formant synthesiser", exc)
            return None
        try:
            lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
            lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
            lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
            lib.espeak_Synth.argtypes = _SYNTH_ARGTYPES
            # AUDIO_OUTPUT_SYNCHRONOUS = 2; espeakINITIALIZE_DONT_EXIT = 0x8000
            if lib.espeak_Initialize(2, 0, data_path, 0x8000) != ESPEAK_RATE:
                _espeak_failed = True
                log.warning("espeak-ng failed to initialise; using the built-in formant synthesiser")
                return None
            lib.espeak_SetSynthCallback(_collect)
            if lib.espeak_SetVoiceByName(voice.encode()) != 0:
                lib.espeak_SetVoiceByName(voice.split("+")[0].encode())
            for param, value in ((1, rate), (3, pitch), (4, pitch_range)):  # espeakRATE, PITCH, RANGE
                lib.espeak_SetParameter(param, value, 0)
            data = text.encode()
            _chunks.clear()
            lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)  # POS_CHARACTER, CHARS_UTF8
            lib.espeak_Terminate()
            samples = np.concatenate(_chunks) if _chunks else np.zeros(0, np.int16)
            _chunks.clear()
            return samples
        finally:
            if _unload is not None:
                _unload(lib._handle)


def _espeak_pitch(base: int, semitones: float) -> int:
    target = np.interp(base, _PITCH_PARAM, _PITCH_RATIO) + semitones / 12
    return round(float(np.interp(target, _PITCH_RATIO, _PITCH_PARAM)))


@lru_cache(maxsize=256)
def _synth_part(text: str, voice: str, rate: int, pitch: int, pitch_range: int) -> np.ndarray:
    """One speakable part at ESPEAK_RATE, float32, edges trimmed of silence (cached, read-only)."""
    raw = _espeak(text, voice, rate, pitch, pitch_range)
    if raw is not None:
        samples = raw.astype(np.float32) / 32768
    else:
        samples = _fallback_speech(text, voice, rate, pitch)
    loud = np.flatnonzero(np.abs(samples) > 0.004)
    samples = samples[loud[0] : loud[-1] + 1] if len(loud) else samples[:0]
    samples.flags.writeable = False
    return samples


def _fallback_speech(text: str, voice: str, rate: int, pitch: int) -> np.ndarray:
    """Deterministic speech-like babble: one formant-synthesised syllable per vowel group / CJK char."""
    female = "+f" in voice
    f0_base = (200.0 if female else 115.0) * 2 ** np.interp(pitch, _PITCH_PARAM, _PITCH_RATIO)
    syllable_s = 60 / (rate * 1.5)
    sr = ESPEAK_RATE
    out: list[np.ndarray] = []
    words = re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|\d+|[.,!?;:。，！？]", text)
    for w_index, word in enumerate(words):
        if word in ".,!?;:。，！？":
            out.append(np.zeros(int(sr * (0.35 if word in ".!?。！？" else 0.18)), np.float32))
            continue
        groups = re.findall(r"[aeiouyAEIOUY]+", word) or [word[0]]
        for s_index, group in enumerate(groups):
            n = int(sr * syllable_s)
            t = np.linspace(0, 1, n, endpoint=False)
            drift = 1 + 0.08 * np.sin(w_index * 1.7 + s_index) - 0.06 * t  # gentle contour + fall
            vowel = dsp.VOWELS.get(group[0].lower(), list(dsp.VOWELS.values())[zlib.crc32(group.encode()) % 6])
            voiced = dsp.formant_voice((f0_base * drift).astype(np.float32), vowel, sr)
            env = np.minimum(1, np.minimum(t / 0.15, (1 - t) / 0.25)).astype(np.float32)
            rng = np.random.default_rng(zlib.crc32(f"{word}{s_index}".encode()))
            onset = np.zeros(n, np.float32)
            k = n // 6
            onset[:k] = rng.standard_normal(k).astype(np.float32) * 0.05 * np.linspace(1, 0, k)
            out.append(voiced * env + dsp.equalize(onset, sr, dsp.high_shelf(3000, 6)))
        out.append(np.zeros(int(sr * 0.05), np.float32))
    return np.concatenate(out) if out else np.zeros(0, np.float32)


def _interjection(name: str, sr: int) -> np.ndarray:
    bursts, burst_s, gap_s, level = INTERJECTIONS[name.lower()]
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    n = int(sr * burst_s)
    env = np.sin(np.linspace(0, np.pi, n)) ** 2
    parts = []
    for _ in range(bursts):
        parts.append(rng.standard_normal(n) * env * level)
        parts.append(np.zeros(int(sr * gap_s)))
    noise = np.concatenate(parts).astype(np.float32)
    return dsp.equalize(noise, sr, dsp.band_pass(400, 4000, 2), dsp.peak(1200, 6, 1.0))


def _segments(text: str, interjections: bool) -> list[tuple[str, str | float]]:
    """Split text into ("speak", text) / ("pause", seconds) / ("tag", name) in order; without
    `interjections` a tag's word is spoken like the text around it."""
    out: list[tuple[str, str | float]] = []
    for i, piece in enumerate(PAUSE_RE.split(text)):
        if i % 2:
            out.append(("pause", min(99.99, max(0.01, float(piece)))))
            continue
        if not interjections:
            piece = TAG_RE.sub(r"\1", piece)
        for j, sub in enumerate(TAG_RE.split(piece)):
            if j % 2:
                out.append(("tag", sub))
            elif sub.strip():
                out.append(("speak", sub.strip()))
    return out


def render_speech(
    text: str,
    voice_id: str,
    *,
    speed: float = 1.0,
    vol: float = 1.0,
    pitch: int = 0,
    emotion: str | None = None,
    sample_rate: int = 32000,
    channels: int = 1,
    voice_modify: dict[str, Any] | None = None,
    interjections: bool = True,
) -> np.ndarray:
    """Speak `text` with `voice_id`; returns float32 (frames, channels) in [-1, 1] at `sample_rate`.

    `<#x#>` inserts exactly x seconds of silence; interjection tags like `(laughs)` become short
    breathy sounds, or with `interjections` off (models before speech-2.8) their word is read aloud.
    speed 0.5..2 scales the speaking rate (espeak floors it at 80 wpm), pitch is in semitones (clamped
    to espeak's range), vol is linear gain with a soft limiter.
    """
    profile: VoiceProfile = voice_profile(voice_id)
    rate_factor, semitones, pitch_range = EMOTIONS.get(emotion or "", (1.0, 0.0, 50))
    semitones += pitch + 2 * float((voice_modify or {}).get("pitch") or 0) / 100
    variant = profile.variant
    if emotion == "whisper":
        variant = "whisperf" if variant.startswith("f") else "whisper"
    voice = f"{profile.language}+{variant}" if variant else profile.language
    rate = round(max(80, min(450, profile.rate_wpm * speed * rate_factor)))
    espeak_pitch = max(0, min(100, _espeak_pitch(profile.base_pitch, semitones)))

    pieces: list[np.ndarray] = [np.zeros(0, np.float32)]
    for kind, value in _segments(text, interjections):
        if kind == "pause":  # generated at the output rate so pauses stay sample-exact
            pieces.append(np.zeros(round(float(value) * sample_rate), np.float32))
            continue
        if kind == "speak":
            native = _synth_part(str(value), voice, rate, espeak_pitch, pitch_range)
        else:
            native = _interjection(str(value), ESPEAK_RATE)
        pieces.append(dsp.resample(native, ESPEAK_RATE, sample_rate))
    mono = np.concatenate(pieces)
    mono = dsp.voice_modify(mono, sample_rate, voice_modify)
    mono = dsp.soft_limit(mono * float(vol))
    return np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono[:, None]
