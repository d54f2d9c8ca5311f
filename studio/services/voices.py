"""The voice catalogue (system, cloned and designed voices with facets, favourites, notes and expiry) and
auditions (a preview of the user's sample line in a voice, cached on disk so a replay costs nothing)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from studio.api.client import MiniMaxClient
from studio.api.models import LANGUAGES, T2ARequest, T2ASettings
from studio.api.models.voice import VoiceInfo, VoiceKind
from studio.services.library import Library
from studio.services.playback import AudioSink, file_chunks
from studio.services.speech import SinkAudio, speak

VOICE_LIFETIME = timedelta(hours=168)  # unused cloned/designed voices are deleted 7 days after creation
UNKNOWN = ""

# --- facets ------------------------------------------------------------------------------------------

MANDARIN, CANTONESE = "Chinese (Mandarin)", "Cantonese"  # notr: catalogue keys (the UI translates them)
_LANGUAGE_ALIASES: dict[str, str] = {
    "chinese (mandarin)": MANDARIN,
    "chinese": MANDARIN,
    "mandarin": MANDARIN,
    "cantonese": CANTONESE,
    "chinese,yue": CANTONESE,
    "yue": CANTONESE,
    **{name.lower(): name for name in LANGUAGES if "," not in name and name != "Chinese"},
}
# Longest first, so "chinese (mandarin)" wins over "chinese" in a description.
_LANGUAGE_MENTION = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(name) for name in sorted(_LANGUAGE_ALIASES, key=len, reverse=True))
    + r")(?![a-z])"
)
# MiniMax's first-generation ids (pinyin or plain English words) are Mandarin voices.
_LEGACY_MANDARIN = re.compile(
    r"^(male-|female-|presenter_|audiobook_|clever_boy|cute_boy|lovely_girl|cartoon_pig|bingjiao_didi|"
    r"junlang_nanyou|chunzhen_xuedi|lengdan_xiongzhang|badao_shaoye|tianxin_xiaoling|qiaopi_mengmei|"
    r"wumei_yujie|diadia_xuemei|danya_xuejie)"
)

_FEMALE = frozenset(
    "female females woman women girl girls lady ladies queen princess sister maiden heroine miss mother mom "
    "grandma granny girlfriend wife actress aunt auntie antie schoolgirl shaonv yujie xuemei xuejie mengmei "
    "xiaoling tianmei".split()
)
_MALE = frozenset(
    "male males man men boy boys gentleman gentlemen guy guys bloke husband boyfriend king prince knight butler "
    "brother father dad godfather grandpa santa lad didi nanyou xuedi xiongzhang shaoye".split()
)
_FEMALE_ENDINGS = ("woman", "lady", "girl")
_MALE_ENDINGS = ("gentleman", "man", "boy", "guy")
_NOT_MALE = ("woman", "human", "german", "shaman")

AGES = ("child", "young", "middle-aged", "elderly")
_EXPLICIT_AGE: dict[str, str] = {
    "child": "child", "children": "child", "kid": "child", "kids": "child", "toddler": "child",
    "young": "young", "youth": "young", "youthful": "young",
    "elderly": "elderly", "elder": "elderly", "old": "elderly",
}
_IMPLIED_AGE: dict[str, str] = {
    # "qn" is qingnian (young adult) in legacy ids like male-qn-qingse.
    **dict.fromkeys("teen teens teenage teenager student students junior boy girl lad maiden miss boyfriend "
                    "girlfriend schoolgirl qn xuedi xuemei shaonv didi".split(), "young"),
    **dict.fromkeys("mature adult uncle aunt auntie antie yujie".split(), "middle-aged"),
    **dict.fromkeys("senior grandpa grandma granny veteran godfather santa".split(), "elderly"),
}

STYLE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "news": ("news", "anchor", "announcer", "presenter", "broadcast", "reporter", "radio"),
    "narration": ("narrat", "storyteller", "documentary", "mentor", "scholar"),
    "audiobook": ("audiobook", "storyteller", "bedtime"),
    "podcast": ("podcast", "host", "interview"),
    "conversational": ("conversational", "casual", "everyday", "chat", "natural", "friend"),
    "calm": ("calm", "serene", "gentle", "sooth", "soft", "patient", "reserved", "quiet", "relax", "whisper",
             "peaceful", "steady", "lyrical"),
    "energetic": ("energetic", "cheerful", "upbeat", "playful", "jovial", "lively", "passionate", "enthusiastic",
                  "optimistic", "sporty", "radiant", "bright", "excited", "dynamic"),
    "warm": ("warm", "kind", "friendly", "caring", "sweet", "lovely", "tender", "sincere", "romantic", "cute"),
    "powerful": ("boss", "leader", "commander", "dominant", "domineering", "tough", "warrior", "imposing",
                 "assertive", "strong", "deep", "magnetic", "authoritative", "commanding", "badao", "powerful",
                 "confident"),
    "professional": ("executive", "professional", "manager", "business", "corporate", "reliable", "trustworth",
                     "diligent", "decent", "elite", "jingying"),
    "character": ("anime", "robot", "cartoon", "spirit", "elf", "grinch", "santa", "comedian", "sorcerer",
                  "character", "villain", "monster", "pig"),
}
STYLES = tuple(STYLE_KEYWORDS)


@dataclass(frozen=True)
class Facets:
    language: str  # "" when unknown
    gender: str  # "female" | "male" | ""
    age: str  # one of AGES | ""
    styles: tuple[str, ...]


def words(text: str) -> list[str]:
    """Lowercase words of an id, name or sentence: camelCase, snake_case and kebab-case are split."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return [w for w in re.split(r"[^0-9a-z]+", spaced.lower()) if w]


def parse_language(voice_id: str, name: str = "", description: Iterable[str] = ()) -> str:
    """From the id prefix (`English_…`, `Chinese (Mandarin)_…`), legacy ids (Mandarin), then the name and
    description ("… (English)", "a Japanese voice")."""
    prefix = voice_id.split("_", 1)[0].strip().lower()
    if "_" in voice_id and prefix in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[prefix]
    if _LEGACY_MANDARIN.match(voice_id):
        return MANDARIN
    for text in (name, *description):
        mention = _LANGUAGE_MENTION.search(text.lower())
        if mention:
            return _LANGUAGE_ALIASES[mention.group(1)]
    return UNKNOWN


def language_named(name: str) -> str:
    """The catalogue's name for a language named elsewhere (a locale's "German", "Chinese", "Norwegian
    Bokmal"), or "" when it has no voices of its own."""
    name = name.strip().lower()
    return _LANGUAGE_ALIASES.get(name) or _LANGUAGE_ALIASES.get(name.split(" ")[0], UNKNOWN)


def parse_gender(sources: Iterable[str]) -> str:
    """The first gendered word, looking at the sources in order (name, id, description)."""
    for text in sources:
        for word in words(text):
            if word in _FEMALE:
                return "female"
            if word in _MALE:
                return "male"
        # Run-together compounds like "Wiselady", "Jovialman", "Trustworthyman".
        for word in words(text):
            if word.endswith(_FEMALE_ENDINGS):
                return "female"
            if word.endswith(_MALE_ENDINGS) and not word.endswith(_NOT_MALE):
                return "male"
    return UNKNOWN


def parse_age(sources: Iterable[str]) -> str:
    """An explicit age ("young", "middle-aged", "elderly", "child") wins over one implied by a word such as
    "girl" (young), "mature" (middle-aged) or "senior" (elderly)."""
    texts = list(sources)
    implied = UNKNOWN
    for text in texts:
        tokens = words(text)
        for i, word in enumerate(tokens):
            if word == "middle" and i + 1 < len(tokens) and tokens[i + 1] == "aged":
                return "middle-aged"
            if word in _EXPLICIT_AGE:
                return _EXPLICIT_AGE[word]
            if not implied and word in _IMPLIED_AGE:
                implied = _IMPLIED_AGE[word]
    return implied


def _style_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    # A keyword starts a word ("narrat" → "narrator") or ends a run-together one ("steadymentor"); keywords
    # shorter than 4 letters must be the whole word.
    short = [k for k in keywords if len(k) < 4]
    long = [re.escape(k) for k in keywords if len(k) >= 4]
    parts = [rf"\b(?:{'|'.join(long)})", rf"[a-z]{{4}}(?:{'|'.join(long)})\b"] if long else []
    if short:
        parts.append(rf"\b(?:{'|'.join(map(re.escape, short))})\b")
    return re.compile("|".join(parts))


_STYLE_PATTERNS = {style: _style_pattern(keywords) for style, keywords in STYLE_KEYWORDS.items()}


def parse_styles(sources: Iterable[str]) -> tuple[str, ...]:
    text = " ".join(w for source in sources for w in words(source))
    return tuple(style for style, pattern in _STYLE_PATTERNS.items() if pattern.search(text))


@lru_cache(maxsize=20_000)
def _parse_facets(voice_id: str, name: str, description: tuple[str, ...]) -> Facets:
    sources = (name, voice_id, *description)
    return Facets(
        language=parse_language(voice_id, name, description),
        gender=parse_gender(sources),
        age=parse_age(sources),
        styles=parse_styles(sources),
    )


def parse_facets(voice_id: str, name: str = "", description: Iterable[str] = ()) -> Facets:
    """Language, gender, age and styles of a voice, from its id, display name and description."""
    return _parse_facets(voice_id, name or "", tuple(description))


# --- expiry ------------------------------------------------------------------------------------------


def creation_time(created_time: str | None, first_seen: datetime | None) -> datetime | None:
    """`created_time` is only a date (UTC). When the app first saw the voice that same day, that moment is
    a much closer bound; otherwise assume the start of the day (never promises more days than are left)."""
    day: datetime | None = None
    if created_time:
        try:
            day = datetime.strptime(created_time[:10], "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            day = None
    if day is None:
        return first_seen
    if first_seen is not None and day <= first_seen < day + timedelta(days=1):
        return first_seen
    return day


def expiry_time(kind: VoiceKind, created_time: str | None, first_seen: datetime | None, used: bool) -> datetime | None:
    """When an unused cloned/designed voice will be deleted; None for system voices and voices used in T2A."""
    if kind == "system" or used:
        return None
    created = creation_time(created_time, first_seen)
    return created + VOICE_LIFETIME if created is not None else None


# --- catalogue ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VoiceEntry:
    voice_id: str
    name: str  # the user's local name, else the service's name, else the id
    kind: VoiceKind
    description: tuple[str, ...]
    language: str
    gender: str
    age: str
    styles: tuple[str, ...]
    favourite: bool = False
    expires_at: datetime | None = None
    days_left: float | None = None  # at the time of the refresh; None = does not expire
    service_name: str | None = None
    local_name: str = ""
    notes: str = ""
    created_time: str | None = None
    variant: str = ""  # what tells it apart from voices of the same name: "English", "English · News_Anchor_Female"
    search_text: str = field(default="", repr=False)  # lowercase haystack for search-as-you-type

    @property
    def is_mine(self) -> bool:
        return self.kind != "system"

    @property
    def title(self) -> str:
        """The name a list shows: the user's own name as is, a shared service name with its variant."""
        return f"{self.name} · {self.variant}" if self.variant and not self.local_name else self.name


def with_variants(entries: Sequence[VoiceEntry]) -> list[VoiceEntry]:
    """Voices sharing a service name (32 × "Calm Narrator (Male)") get their language as the variant, and
    where the language is shared too, the rest of their id after the language."""
    def named(entry: VoiceEntry) -> str:
        return entry.service_name or entry.voice_id

    names = Counter(named(entry) for entry in entries)
    names_in_language = Counter((named(entry), entry.language) for entry in entries)
    marked = []
    for entry in entries:
        parts = []
        if names[named(entry)] > 1:
            parts.append(entry.language)
            if names_in_language[(named(entry), entry.language)] > 1:
                prefix, _, rest = entry.voice_id.partition("_")
                parts.append(rest if rest and language_named(prefix) else entry.voice_id)
        marked.append(replace(entry, variant=" · ".join(part for part in parts if part)))
    return marked


def by_language(entries: Sequence[VoiceEntry], first: Sequence[str]) -> list[VoiceEntry]:
    """The user's own voices, then system voices in the languages `first` (in that order), then the rest;
    otherwise in the order given."""
    rank = {language: position for position, language in enumerate(first)}
    return sorted(entries, key=lambda entry: -1 if entry.is_mine else rank.get(entry.language, len(rank)))


def make_entry(
    info: VoiceInfo,
    *,
    favourite: bool = False,
    local_name: str = "",
    notes: str = "",
    first_seen: datetime | None = None,
    used: bool = False,
    now: datetime | None = None,
) -> VoiceEntry:
    facets = parse_facets(info.voice_id, info.voice_name or "", info.description)
    expires = expiry_time(info.kind, info.created_time, first_seen, used)
    days_left = None
    if expires is not None:
        days_left = (expires - (now or datetime.now(UTC))).total_seconds() / 86_400
    name = local_name or info.voice_name or info.voice_id
    entry = VoiceEntry(
        voice_id=info.voice_id,
        name=name,
        kind=info.kind,
        description=tuple(info.description),
        language=facets.language,
        gender=facets.gender,
        age=facets.age,
        styles=facets.styles,
        favourite=favourite,
        expires_at=expires,
        days_left=days_left,
        service_name=info.voice_name,
        local_name=local_name,
        notes=notes,
        created_time=info.created_time,
    )
    return _with_search_text(entry)


def _with_search_text(entry: VoiceEntry) -> VoiceEntry:
    haystack = " ".join(
        [entry.voice_id, entry.name, entry.service_name or "", entry.local_name, entry.notes, *entry.description,
         entry.language, entry.gender, entry.age, *entry.styles, entry.kind]
    )
    return replace(entry, search_text=haystack.lower())


class VoiceCatalog:
    """Every voice of the account, merged with the library's favourites, notes and first-seen times.
    `client` is called per refresh: the account's client changes when the user switches demo/live."""

    def __init__(
        self, client: Callable[[], MiniMaxClient], library: Library, *, now: Callable[[], datetime] | None = None
    ) -> None:
        self._client = client
        self._library = library
        self._now = now or (lambda: datetime.now(UTC))
        self._entries: dict[str, VoiceEntry] = {}

    @property
    def entries(self) -> list[VoiceEntry]:
        return list(self._entries.values())

    def entry(self, voice_id: str) -> VoiceEntry | None:
        return self._entries.get(voice_id)

    async def refresh(self) -> list[VoiceEntry]:
        """Fetch the voices; the user's own (cloned/designed) come first, newest first, then system voices."""
        voices = await self._client().get_voices("all")
        now = self._now()
        mine = [v for v in voices if v.kind != "system"]
        if mine:
            self._library.mark_seen((v.voice_id for v in mine), now)
        notes = self._library.voice_notes()
        used = self._library.voices_with_complete_takes()
        mine.sort(key=lambda v: v.created_time or "", reverse=True)
        ordered = [*mine, *(v for v in voices if v.kind == "system")]

        def build() -> dict[str, VoiceEntry]:
            entries: dict[str, VoiceEntry] = {}
            for info in ordered:
                note = notes.get(info.voice_id)
                entries[info.voice_id] = make_entry(
                    info,
                    favourite=bool(note and note.favourite),
                    local_name=note.local_name if note else "",
                    notes=note.notes if note else "",
                    first_seen=note.first_seen_at if note else None,
                    used=info.voice_id in used,
                    now=now,
                )
            return {entry.voice_id: entry for entry in with_variants(list(entries.values()))}

        # Parsing thousands of descriptions takes a few hundred ms the first time: not on the UI thread.
        self._entries = await asyncio.to_thread(build)
        return self.entries

    def set_favourite(self, voice_id: str, favourite: bool) -> VoiceEntry | None:
        self._library.set_favourite(voice_id, favourite)
        entry = self._entries.get(voice_id)
        if entry is not None:
            entry = self._entries[voice_id] = replace(entry, favourite=favourite)
        return entry

    def set_note(self, voice_id: str, local_name: str, notes: str) -> VoiceEntry | None:
        self._library.set_voice_note(voice_id, local_name, notes)
        entry = self._entries.get(voice_id)
        if entry is not None:
            local_name = local_name.strip()
            entry = replace(entry, local_name=local_name, notes=notes,
                            name=local_name or entry.service_name or entry.voice_id)
            entry = self._entries[voice_id] = _with_search_text(entry)
        return entry


# --- auditions ---------------------------------------------------------------------------------------

# Fields of a Speech panel payload that don't describe how a voice sounds (or don't apply to a preview).
class _PartFile:
    """A cache entry being written: `<key>.<random>.part`, renamed into place only when complete."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.part = final.with_name(f"{final.stem}.{uuid.uuid4().hex[:8]}.part")
        final.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.part.open("wb")

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)

    def commit(self) -> None:
        self._file.close()
        self.part.replace(self.final)

    def discard(self) -> None:
        self._file.close()
        self.part.unlink(missing_ok=True)


class Auditioner:
    """Plays `text` in a voice. The first audition of a voice + text + settings streams it (playing as it
    arrives) into the cache; every later one plays the cached file without a request. `client` is called
    per audition (the account's client changes on a demo/live switch)."""

    def __init__(self, client: Callable[[], MiniMaxClient], sink: AudioSink, cache_dir: Path, *,
                 add_characters: Callable[[int | None], None] | None = None) -> None:
        self._client = client
        self._sink = sink
        self.cache_dir = Path(cache_dir) / "auditions"
        self._add_characters = add_characters or (lambda _count: None)  # a first audition is billed like T2A

    def request(self, voice_id: str, text: str, settings: T2ASettings | None = None) -> T2ARequest:
        """The streamed mp3 request an audition sends: `settings` (the Speech panel's delivery) in this one voice,
        never a mix (raises InputError on bad settings or text)."""
        settings = settings or T2ASettings()
        return settings.model_copy(update={
            "voice_setting": settings.voice_setting.model_copy(update={"voice_id": voice_id}),
            "audio_setting": settings.audio_setting.model_copy(update={"format": "mp3"}),
            "timber_weights": None,
        }).request(text)

    def cache_path(self, voice_id: str, text: str, settings: T2ASettings | None = None) -> Path:
        # The normalised payload is the key, so no settings and the explicit defaults share one entry.
        payload = self.request(voice_id, text, settings).payload()
        key = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        return self.cache_dir / f"{key}.mp3"

    def is_cached(self, voice_id: str, text: str, settings: T2ASettings | None = None) -> bool:
        return self.cache_path(voice_id, text, settings).exists()

    def stop(self) -> None:
        self._sink.stop()

    @property
    def unheard_reason(self) -> str | None:
        """Why auditions are not heard (the app's AudioOutput found no audio output), else None."""
        return getattr(self._sink, "unavailable", None)

    async def audition(self, voice_id: str, text: str, settings: T2ASettings | None = None) -> Path:
        """Play the preview; return its cache file. Cancelling stops the sound and leaves no cache entry."""
        request = self.request(voice_id, text, settings)
        audio = request.audio_setting
        path = self.cache_path(voice_id, text, settings)
        try:
            if path.exists():
                await self._sink.play(file_chunks(path), "mp3", audio.sample_rate, audio.channel)
                return path
            await self._stream_into_cache(request, path)
            return path
        except asyncio.CancelledError:
            self._sink.stop()
            raise

    async def _stream_into_cache(self, request: T2ARequest, path: Path) -> None:
        """Through the one pipeline (`speech.speak`): played on the sink, each chunk into the cache entry.
        Stopping the sound doesn't waste the paid-for preview: the rest still goes to the cache; a stream that
        breaks leaves no entry (a torn audition is never replayed)."""
        entry = _PartFile(path)
        try:
            result = await speak(self._client(), request, transport="sse", audio=SinkAudio(self._sink),
                                 on_chunk=entry.write)
        except BaseException:
            entry.discard()
            raise
        entry.commit()
        self._add_characters(result.usage_characters or len(request.text))
