"""The emulator's system-voice catalogue and the espeak-ng profile behind every voice id.

Each voice's `description` is a list of strings: a human sentence first, then lowercase filter tags
(gender, age, language, styles), e.g. ["Calm middle-aged female voice, suited to news (English).",
"female", "middle-aged", "english", "news", "calm"].
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class VoiceProfile:
    language: str  # espeak-ng voice name, e.g. "en-us", "cmn", "ja", "fr"
    variant: str  # espeak-ng variant from espeak-ng-data/voices/!v, e.g. "m3", "f2" ("" for none)
    base_pitch: int  # espeak pitch 0..100
    rate_wpm: int  # espeak words per minute


@dataclass(frozen=True)
class SystemVoice:
    voice_id: str
    voice_name: str
    description: list[str]
    profile: VoiceProfile


# (id prefix / display language, espeak-ng voice name)
LANGUAGES: dict[str, str] = {
    "English": "en-us",
    "Chinese (Mandarin)": "cmn",
    "Cantonese": "yue",
    "Japanese": "ja",
    "Korean": "ko",
    "Spanish": "es",
    "Portuguese": "pt-br",
    "French": "fr",
    "German": "de",
    "Italian": "it",
    "Russian": "ru",
    "Arabic": "ar",
    "Turkish": "tr",
    "Dutch": "nl",
    "Ukrainian": "uk",
    "Vietnamese": "vi",
    "Indonesian": "id",
    "Thai": "th",
    "Polish": "pl",
    "Romanian": "ro",
    "Greek": "el",
    "Czech": "cs",
    "Finnish": "fi",
    "Hindi": "hi",
    "Bulgarian": "bg",
    "Danish": "da",
    "Hebrew": "he",
    "Malay": "ms",
    "Persian": "fa",
    "Swedish": "sv",
    "Hungarian": "hu",
    "Norwegian": "nb",
}

MALE_VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")
FEMALE_VARIANTS = ("f1", "f2", "f3", "f4", "f5")

# Curated ids modelled on MiniMax's public catalogue: "<suffix>/<gender m|f>" per language.
_CURATED: dict[str, str] = {
    "English": (
        "expressive_narrator/m Graceful_Lady/f Trustworth_Man/m radiant_girl/f magnetic_voiced_man/m "
        "compelling_lady1/f Aussie_Bloke/m captivating_female1/f Upbeat_Woman/f CalmWoman/f UpsetGirl/f "
        "Gentle-voiced_man/m Whispering_girl/f Diligent_Man/m ReservedYoungMan/m PlayfulGirl/f "
        "ManWithDeepVoice/m MaturePartner/m FriendlyPerson/f MatureBoss/f Debator/m LovelyGirl/f "
        "Steadymentor/m Deep-VoicedGentleman/m Wiselady/f CaptivatingStoryteller/m DecentYoungMan/m "
        "SentimentalLady/f ImposingManner/m SadTeen/m PassionateWarrior/m WiseScholar/m "
        "Soft-spokenGirl/f SereneWoman/f ConfidentWoman/f PatientMan/m Comedian/m BossyLeader/m "
        "Strong-WilledBoy/m StressedLady/f AssertiveQueen/f AnimeCharacter/f Jovialman/m "
        "WhimsicalGirl/f Kind-heartedGirl/f News_Anchor/f Audiobook_Narrator/m"
    ),
    "Chinese (Mandarin)": (
        "News_Anchor/f Lyrical_Voice/m Reliable_Executive/m Mature_Woman/f Unrestrained_Young_Man/m "
        "Arrogant_Miss/f Robot_Armor/m Kind-hearted_Antie/f HK_Flight_Attendant/f Humorous_Elder/m "
        "Gentleman/m Warm_Bestie/f Male_Announcer/m Sweet_Lady/f Southern_Young_Man/m Wise_Women/f "
        "Gentle_Youth/m Warm_Girl/f Kind-hearted_Elder/f Cute_Spirit/f Radio_Host/m "
        "Straightforward_Boy/m Sincere_Adult/m Gentle_Senior/f Stubborn_Friend/m Crisp_Girl/f "
        "Pure-hearted_Boy/m Soft_Girl/f"
    ),
    "Cantonese": ("ProfessionalHost_Female/f GentleLady/f ProfessionalHost_Male/m PlayfulMan/m CuteGirl/f KindWoman/f"),
    "Japanese": (
        "GentleButler/m IntellectualSenior/m DecisivePrincess/f LoyalKnight/m DominantMan/m "
        "SeriousCommander/m ColdQueen/f DependableWoman/f KindLady/f CalmLady/f OptimisticYouth/m "
        "GenerousIzakayaOwner/m SportyStudent/m InnocentBoy/m GracefulMaiden/f"
    ),
    "Korean": (
        "SweetGirl/f CheerfulBoyfriend/m EnchantingSister/f ShyGirl/f ReliableSister/f StrictBoss/m "
        "SassyGirl/f ElegantPrincess/f BraveYouth/m CalmLady/f SoothingLady/f IntellectualSenior/m "
        "MatureLady/f InnocentBoy/m CalmGentleman/m WiseElf/f ColdYoungMan/m MysteriousGirl/f "
        "GentleBoss/m ConfidentBoss/f"
    ),
    "Spanish": (
        "SereneWoman/f MaturePartner/m CaptivatingStoryteller/m Narrator/m WiseScholar/m "
        "Kind-heartedGirl/f DeterminedManager/f BossyLeader/m ReservedYoungMan/m ConfidentWoman/f "
        "ThoughtfulMan/m SophisticatedLady/f RationalMan/m Deep-tonedMan/m SincereTeen/m FrankLady/f "
        "Comedian/m ToughBoss/m Wiselady/f Steadymentor/m HumorousElder/m EnergeticBoy/m "
        "WhimsicalGirl/f SereneElder/m CaringGirlfriend/f RomanticHusband/m"
    ),
    "Portuguese": (
        "SentimentalLady/f BossyLeader/m Wiselady/f Strong-WilledBoy/m Deep-VoicedGentleman/m "
        "UpsetGirl/f PassionateWarrior/m AnimeCharacter/f ConfidentWoman/f AngryMan/m "
        "CaptivatingStoryteller/m Godfather/m ReservedYoungMan/m SmartYoungGirl/f Kind-heartedGirl/f "
        "Pompouslady/f Grinch/m "
        "Debator/m SweetGirl/f AttractiveGirl/f ThoughtfulMan/m PlayfulGirl/f GorgeousLady/f "
        "LovelyLady/f SereneWoman/f SadTeen/m MaturePartner/m Comedian/m NaughtySchoolgirl/f"
    ),
    "French": ("Male_Speech_New/m Female_News_Anchor/f CasualMan/m MovieLeadFemale/f FemaleAnchor/f MaleNarrator/m"),
    "German": "FriendlyMan/m SweetLady/f PlayfulMan/m",
    "Italian": "BraveHeroine/f Narrator/m WanderingSorcerer/m DiligentLeader/m",
    "Russian": (
        "HandsomeChildhoodFriend/m BrightHeroine/f AmbitiousWoman/f ReliableMan/m CrazyQueen/f "
        "PessimisticGirl/f AttractiveGuy/m Bad-temperedBoy/m"
    ),
    "Arabic": "CalmWoman/f FriendlyGuy/m",
    "Turkish": "CalmWoman/f Trustworthyman/m",
    "Ukrainian": "CalmWoman/f WiseScholar/m",
    "Dutch": "kindhearted_girl/f bossy_leader/m",
    "Vietnamese": "kindhearted_girl/f",
    "Indonesian": (
        "SweetGirl/f ReservedYoungMan/m CharmingGirl/f CalmWoman/f ConfidentWoman/f CaringMan/m "
        "BossyLeader/m DeterminedBoy/m GentleGirl/f"
    ),
    "Thai": "male_1_sample8/m male_2_sample2/m female_1_sample1/f female_2_sample2/f",
    "Polish": "male_1_sample4/m male_2_sample3/m female_1_sample1/f female_2_sample3/f",
    "Romanian": "male_1_sample2/m male_2_sample1/m female_1_sample4/f female_2_sample1/f",
    "Greek": "male_1a_v1/m Female_1_sample1/f Female_2_sample3/f",
    "Czech": "male_1_v1/m female_5_v7/f female_2_v2/f",
    "Finnish": "male_3_v1/m male_1_v2/m female_4_v1/f",
    "Hindi": "male_1_v2/m female_2_v1/f female_1_v2/f",
}

# Systematic <Language>_<Style>_<Gender> voices added to every language.
_SYSTEMATIC = (
    "News_Anchor_Female/f News_Anchor_Male/m Calm_Narrator_Male/m Warm_Audiobook_Female/f "
    "Energetic_Host_Male/m Gentle_Young_Female/f Elderly_Storyteller_Male/m Cheerful_Young_Male/m "
    "Elegant_Lady_Female/f Deep_Voice_Male/m"
)

# Legacy short ids (Mandarin unless noted): id -> (voice name, gender, age, styles, language)
_ZH, _EN = "Chinese (Mandarin)", "English"
_LEGACY: dict[str, tuple[str, str, str, str, str]] = {
    "male-qn-qingse": ("Youthful Male", "m", "young", "casual", _ZH),
    "male-qn-jingying": ("Elite Young Man", "m", "young", "professional", _ZH),
    "male-qn-badao": ("Domineering Young Man", "m", "young", "powerful", _ZH),
    "male-qn-daxuesheng": ("College Student", "m", "young", "casual energetic", _ZH),
    "female-shaonv": ("Young Girl", "f", "young", "sweet", _ZH),
    "female-yujie": ("Mature Woman", "f", "middle-aged", "confident", _ZH),
    "female-chengshu": ("Sophisticated Woman", "f", "middle-aged", "calm", _ZH),
    "female-tianmei": ("Sweet Woman", "f", "young", "sweet", _ZH),
    "male-qn-qingse-jingpin": ("Youthful Male (Premium)", "m", "young", "casual", _ZH),
    "male-qn-jingying-jingpin": ("Elite Young Man (Premium)", "m", "young", "professional", _ZH),
    "male-qn-badao-jingpin": ("Domineering Young Man (Premium)", "m", "young", "powerful", _ZH),
    "male-qn-daxuesheng-jingpin": ("College Student (Premium)", "m", "young", "casual", _ZH),
    "female-shaonv-jingpin": ("Young Girl (Premium)", "f", "young", "sweet", _ZH),
    "female-yujie-jingpin": ("Mature Woman (Premium)", "f", "middle-aged", "confident", _ZH),
    "female-chengshu-jingpin": ("Sophisticated Woman (Premium)", "f", "middle-aged", "calm", _ZH),
    "female-tianmei-jingpin": ("Sweet Woman (Premium)", "f", "young", "sweet", _ZH),
    "presenter_male": ("Male Presenter", "m", "middle-aged", "news professional", _ZH),
    "presenter_female": ("Female Presenter", "f", "middle-aged", "news professional", _ZH),
    "audiobook_male_1": ("Male Audiobook Narrator 1", "m", "middle-aged", "audiobook narration", _ZH),
    "audiobook_male_2": ("Male Audiobook Narrator 2", "m", "middle-aged", "audiobook narration", _ZH),
    "audiobook_female_1": ("Female Audiobook Narrator 1", "f", "middle-aged", "audiobook narration", _ZH),
    "audiobook_female_2": ("Female Audiobook Narrator 2", "f", "middle-aged", "audiobook narration", _ZH),
    "clever_boy": ("Clever Boy", "m", "child", "playful", _ZH),
    "cute_boy": ("Cute Boy", "m", "child", "playful", _ZH),
    "lovely_girl": ("Lovely Girl", "f", "child", "sweet", _ZH),
    "cartoon_pig": ("Cartoon Pig", "m", "child", "character playful", _ZH),
    "bingjiao_didi": ("Yandere Little Brother", "m", "young", "character", _ZH),
    "junlang_nanyou": ("Handsome Boyfriend", "m", "young", "warm", _ZH),
    "chunzhen_xuedi": ("Innocent Junior", "m", "young", "sweet", _ZH),
    "lengdan_xiongzhang": ("Cold Senior Brother", "m", "young", "calm", _ZH),
    "badao_shaoye": ("Domineering Young Master", "m", "young", "powerful", _ZH),
    "tianxin_xiaoling": ("Sweet Xiaoling", "f", "young", "sweet", _ZH),
    "qiaopi_mengmei": ("Playful Cute Girl", "f", "young", "playful", _ZH),
    "wumei_yujie": ("Charming Mature Lady", "f", "middle-aged", "warm", _ZH),
    "diadia_xuemei": ("Coquettish Junior", "f", "young", "sweet", _ZH),
    "danya_xuejie": ("Elegant Senior Sister", "f", "young", "calm", _ZH),
    "Santa_Claus": ("Santa Claus", "m", "elderly", "character warm", _EN),
    "Grinch": ("Grinch", "m", "middle-aged", "character", _EN),
    "Rudolph": ("Rudolph", "m", "child", "character playful", _EN),
    "Arnold": ("Arnold", "m", "middle-aged", "powerful", _EN),
    "Charming_Santa": ("Charming Santa", "m", "elderly", "character warm", _EN),
    "Charming_Lady": ("Charming Lady", "f", "middle-aged", "warm", _EN),
    "Sweet_Girl": ("Sweet Girl", "f", "young", "sweet", _EN),
    "Cute_Elf": ("Cute Elf", "f", "child", "character playful", _EN),
    "Attractive_Girl": ("Attractive Girl", "f", "young", "warm", _EN),
    "Serene_Woman": ("Serene Woman", "f", "middle-aged", "calm", _EN),
}

_MOSS = (
    ("Studio Narrator (Male)", "m", "middle-aged", "narration audiobook", "English"),
    ("Podcast Host (Female)", "f", "young", "energetic podcast", "English"),
    ("Warm Storyteller (Female)", "f", "middle-aged", "warm audiobook", "Chinese (Mandarin)"),
    ("Bright Announcer (Male)", "m", "young", "news energetic", "Chinese (Mandarin)"),
    ("Soft Companion (Female)", "f", "young", "calm", "Japanese"),
    ("Deep Documentary Voice (Male)", "m", "elderly", "narration calm", "English"),
)

_YOUNG_WORDS = ("young", "youth", "boy", "girl", "teen", "student", "junior", "kid")
_ELDER_WORDS = ("elder", "senior", "veteran", "grandma", "grandpa", "godfather")
# style tag -> words in an id that imply it
_STYLE_WORDS: dict[str, tuple[str, ...]] = {
    "news": ("news", "anchor", "announcer", "presenter", "host", "radio", "speech"),
    "narration": ("narrator", "storyteller", "narration", "documentary", "scholar", "mentor"),
    "audiobook": ("audiobook", "storyteller", "narrator"),
    "calm": (
        "calm",
        "serene",
        "gentle",
        "soothing",
        "soft",
        "patient",
        "reserved",
        "wise",
        "steady",
        "whisper",
    ),
    "energetic": (
        "energetic",
        "cheerful",
        "upbeat",
        "playful",
        "jovial",
        "passionate",
        "enthusiastic",
        "optimistic",
        "sporty",
        "lively",
        "radiant",
        "bright",
        "crazy",
    ),
    "warm": ("warm", "kind", "friendly", "caring", "sweet", "lovely", "romantic", "sincere"),
    "powerful": (
        "boss",
        "leader",
        "commander",
        "dominant",
        "bossy",
        "tough",
        "warrior",
        "imposing",
        "assertive",
        "strong",
        "angry",
        "deep",
        "magnetic",
        "arrogant",
    ),
    "character": ("anime", "robot", "cartoon", "spirit", "grinch", "santa", "comedian", "sorcerer", "ghost"),
    "professional": ("executive", "professional", "manager", "diligent", "reliable", "trustworth", "decent"),
}
_STYLE_RATE = {"news": 12, "energetic": 15, "calm": -15, "audiobook": -8, "narration": -5, "powerful": -4}
_STYLE_PITCH = {"energetic": 6, "calm": -3, "powerful": -8}


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _words(text: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def _classify(suffix: str) -> tuple[str, list[str]]:
    joined = "".join(_words(suffix))
    age = "middle-aged"
    if any(w in joined for w in _ELDER_WORDS):
        age = "elderly"
    elif any(w in joined for w in _YOUNG_WORDS):
        age = "young"
    styles = [tag for tag, keys in _STYLE_WORDS.items() if any(k in joined for k in keys)]
    return age, styles or ["conversational"]


def _profile(voice_id: str, language: str, gender: str, age: str, styles: list[str]) -> VoiceProfile:
    h = _hash(voice_id)
    variants = MALE_VARIANTS if gender == "m" else FEMALE_VARIANTS
    pitch = 50 + (h >> 8) % 31 - 15 + {"child": 22, "young": 8, "elderly": -10}.get(age, 0)
    pitch += sum(_STYLE_PITCH.get(s, 0) for s in styles)
    rate = 165 + (h >> 16) % 21 - 10 + sum(_STYLE_RATE.get(s, 0) for s in styles)
    if age == "elderly":
        rate -= 12
    variant = "f5" if age == "child" else variants[h % len(variants)]
    espeak_voice = LANGUAGES.get(language, "en-us")
    return VoiceProfile(espeak_voice, variant, max(0, min(100, pitch)), max(120, min(210, rate)))


def _voice(voice_id: str, name: str, gender: str, age: str, styles: list[str], language: str) -> SystemVoice:
    g = "female" if gender == "f" else "male"
    sentence = f"{age.capitalize()} {g} voice, {', '.join(styles)} ({language})."
    tags = [g, age, language.lower(), *styles]
    return SystemVoice(voice_id, name, [sentence, *tags], _profile(voice_id, language, gender, age, styles))


def _display_name(suffix: str, gender: str) -> str:
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", suffix).replace("_", " ").split()
    words = [w for w in words if w.lower() not in ("female", "male")]
    words = [w[:1].upper() + w[1:] for w in words]
    return f"{' '.join(words)} ({'Female' if gender == 'f' else 'Male'})"


@cache
def _catalogue() -> dict[str, SystemVoice]:
    voices: dict[str, SystemVoice] = {}
    for vid, (name, gender, age, styles, language) in _LEGACY.items():
        voices[vid] = _voice(vid, name, gender, age, styles.split(), language)
    for language in LANGUAGES:
        entries = _CURATED.get(language, "").split() + _SYSTEMATIC.split()
        for entry in entries:
            suffix, gender = entry.rsplit("/", 1)
            vid = f"{language}_{suffix}"
            if vid in voices:
                continue
            age, style_list = _classify(suffix)
            voices[vid] = _voice(vid, _display_name(suffix, gender), gender, age, style_list, language)
    for i, (name, gender, age, styles, language) in enumerate(_MOSS):
        vid = f"moss_audio_{uuid.uuid5(uuid.NAMESPACE_URL, f'minimax-emulator/moss/{i}')}"
        voices[vid] = _voice(vid, name, gender, age, styles.split(), language)
    return voices


def system_voices() -> list[SystemVoice]:
    """The full system catalogue (several hundred voices), in a stable order."""
    return list(_catalogue().values())


def voice_profile(voice_id: str) -> VoiceProfile:
    """Profile for any voice id; unknown (cloned/designed) ids get a stable profile from the id's hash."""
    known = _catalogue().get(voice_id)
    if known is not None:
        return known.profile
    h = _hash(voice_id)
    language = next((lang for lang in LANGUAGES if voice_id.startswith(lang)), None)
    if language is None:
        language = "Chinese (Mandarin)" if h % 3 == 0 else "English"
    gender = "f" if (h >> 24) % 2 else "m"
    age = ("young", "middle-aged", "elderly")[(h >> 32) % 3]
    return _profile(voice_id, language, gender, age, ["conversational"])
