"""Request rules, exact payloads and tolerant response parsing, against the protocol reference."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from studio.api.errors import BadResponseError, InputError
from studio.api.models import (
    LANGUAGES,
    MODEL_EMOTIONS,
    SPEECH_MODELS,
    VIDEO_MODELS,
    VIDEO_TEMPLATES,
    AsyncT2ATask,
    AudioSetting,
    BaseResp,
    CloneResult,
    DeleteVoiceRequest,
    DesignResult,
    ExtraInfo,
    FileObject,
    GetVoiceRequest,
    ImageRequest,
    ImageResult,
    LyricsRequest,
    LyricsResult,
    MusicRequest,
    MusicResult,
    MusicUploadResult,
    PronunciationDict,
    T2AAsyncRequest,
    T2ARequest,
    T2AResult,
    T2ASettings,
    T2AStartEvent,
    TaskStatus,
    TextProblem,
    TimberWeight,
    VideoRequest,
    VideoTask,
    VideoTemplateRequest,
    VoiceCloneRequest,
    VoiceDesignRequest,
    VoiceModify,
    VoiceSetting,
    check_voice_id,
    check_ws_text,
    parse_file_list,
    parse_voice_list,
    pause_marker_problems,
    video_default_resolution,
    video_options,
)

VOICE = {"voice_id": "English_expressive_narrator"}
S4_TEXT = (
    "Omg, the real danger is not that computers start thinking like people, but that people start thinking "
    "like computers. Computers can only help us with simple tasks."
)


def refused(build: Any, *fragments: str) -> InputError:
    """Assert ``build()`` raises InputError whose message contains every fragment."""
    with pytest.raises(InputError) as info:
        build()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert "\n" not in message
    return info.value


def t2a(**kw: Any) -> T2ARequest:
    kw.setdefault("text", "Hello there.")
    kw.setdefault("voice_setting", VOICE)
    return T2ARequest(**kw)


# --- voice / audio settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"speed": 3.0}, "voice_setting.speed must be between 0.5 and 2 (got 3.0)"),
        ({"speed": 0.49}, "voice_setting.speed must be between 0.5 and 2 (got 0.49)"),
        ({"vol": 0}, "voice_setting.vol must be greater than 0 and at most 10 (got 0"),
        ({"vol": 10.5}, "voice_setting.vol must be greater than 0 and at most 10 (got 10.5)"),
        ({"pitch": 13}, "voice_setting.pitch must be between -12 and 12 (got 13)"),
        ({"pitch": -13}, "voice_setting.pitch must be between -12 and 12 (got -13)"),
        ({"pitch": 1.5}, "voice_setting.pitch must be a whole number (got 1.5)"),
        ({"emotion": "neutral"}, "voice_setting.emotion must be one of 'happy'"),
        ({"speed": "fast"}, "voice_setting.speed must be a number (got 'fast')"),
    ],
)
def test_voice_setting_ranges(settings: dict[str, Any], message: str) -> None:
    refused(lambda: t2a(voice_setting={**VOICE, **settings}), message)
    refused(lambda: VoiceSetting(**settings), message)


def test_voice_setting_edges_accepted() -> None:
    for speed in (0.5, 2):
        VoiceSetting(speed=speed)
    VoiceSetting(vol=10, pitch=-12, emotion="whisper", text_normalization=True, latex_read=False)
    VoiceSetting(vol=0.01, pitch=12)


@pytest.mark.parametrize("build", [t2a, T2AStartEvent, lambda **kw: T2AAsyncRequest(text="Hello there.", **kw)],
                         ids=["t2a", "ws", "async"])
@pytest.mark.parametrize(("model", "emotion"), [("speech-02-hd", "whisper"), ("speech-2.8-hd", "fluent"),
                                                ("speech-2.8-turbo", "whisper"), ("speech-01-turbo", "fluent")])
def test_emotion_the_model_lacks_is_refused_naming_the_model_and_its_emotions(
    build: Any, model: str, emotion: str
) -> None:
    refused(lambda: build(model=model, voice_setting={**VOICE, "emotion": emotion}),
            f"voice_setting.emotion '{emotion}' is not available on {model}",
            "happy, sad, angry, fearful, disgusted, surprised, calm,")


def test_each_model_takes_the_emotions_of_the_reference() -> None:
    # docs/protocol.md#voice-and-audio-settings: fluent and whisper on speech-2.6 only; the seven others everywhere.
    seven = ("happy", "sad", "angry", "fearful", "disgusted", "surprised", "calm")
    for model in SPEECH_MODELS:
        expected = (*seven, "fluent", "whisper") if model.startswith("speech-2.6") else seven
        assert MODEL_EMOTIONS[model] == expected
        for emotion in expected:
            assert t2a(model=model, voice_setting={**VOICE, "emotion": emotion}).voice_setting.emotion == emotion


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"sample_rate": 48000}, "audio_setting.sample_rate must be one of 8000, 16000, 22050, 24000, 32000 or 44100"),
        ({"bitrate": 320000}, "audio_setting.bitrate must be one of 32000, 64000, 128000 or 256000"),
        ({"format": "ogg"}, "audio_setting.format must be one of 'mp3', 'pcm', 'flac' or 'wav' (got 'ogg')"),
        ({"channel": 3}, "audio_setting.channel must be one of 1 or 2 (got 3)"),
    ],
)
def test_audio_setting_enums(settings: dict[str, Any], fragment: str) -> None:
    refused(lambda: t2a(audio_setting=settings), fragment)


@pytest.mark.parametrize("name", ["pitch", "intensity", "timbre"])
@pytest.mark.parametrize("value", [-101, 101])
def test_voice_modify_ranges(name: str, value: int) -> None:
    refused(lambda: VoiceModify(**{name: value}), f"voice_modify.{name} must be between -100 and 100 (got {value})")


@pytest.mark.parametrize("effects", [["spacious_echo", "robotic"], "spacious_echo,robotic", "spacious_echo, robotic"])
def test_voice_modify_takes_one_effect(effects: Any) -> None:
    refused(
        lambda: t2a(voice_modify={"sound_effects": effects}),
        "voice_modify.sound_effects takes exactly one effect at a time (got 2: spacious_echo, robotic)",
    )


def test_voice_modify_single_effect_forms() -> None:
    assert VoiceModify(sound_effects=["robotic"]).sound_effects == "robotic"
    assert VoiceModify(sound_effects="lofi_telephone").payload() == {
        "pitch": 0,
        "intensity": 0,
        "timbre": 0,
        "sound_effects": "lofi_telephone",
    }
    refused(lambda: VoiceModify(sound_effects="reverb"), "voice_modify.sound_effects must be one of")


def test_timber_weights_rules() -> None:
    refused(lambda: TimberWeight(voice_id="a", weight=0), "weight must be between 1 and 100 (got 0)")
    refused(
        lambda: t2a(voice_setting={}, timber_weights=[{"voice_id": "a", "weight": 101}]),
        "timber_weights[0].weight must be between 1 and 100 (got 101)",
    )
    five = [{"voice_id": f"v{i}", "weight": 20} for i in range(5)]
    refused(lambda: t2a(voice_setting={}, timber_weights=five), "timber_weights must mix 1–4 voices (got 5)")
    refused(
        lambda: t2a(timber_weights=[{"voice_id": "a", "weight": 50}]),
        "voice_setting.voice_id must be empty when timber_weights mixes voices",
    )


def test_pronunciation_dict_entries_need_from_slash_to() -> None:
    refused(
        lambda: t2a(pronunciation_dict={"tone": ["Omg/Oh my god", "broken"]}),
        'pronunciation_dict.tone[1] must look like "from/to"',
    )
    assert PronunciationDict(tone=["燕少飞/(yan4)(shao3)(fei1)"]).payload() == {"tone": ["燕少飞/(yan4)(shao3)(fei1)"]}


# --- T2A text and pause markers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "text must contain speakable text"),
        ("   \n", "text must contain speakable text"),
        ("<#1#>", "text must contain speakable text besides pause markers"),
        ("x" * 10_412, "text must be shorter than 10,000 characters (got 10,412)"),
        ("x" * 10_000, "text must be shorter than 10,000 characters (got 10,000)"),
        (
            "Hello world! <#0.001#> again",
            "pause marker <#0.001#> at position 13: pause must be 0.01–99.99 s with at most 2 decimals",
        ),
        ("Hello <#0#> world", "pause marker <#0#> at position 6: pause must be 0.01–99.99 s"),
        ("Hello <#100#> world", "pause marker <#100#> at position 6: pause must be 0.01–99.99 s"),
        ("Hello <#abc#> world", "pause marker <#abc#> at position 6: pause must be 0.01–99.99 s"),
        ("Hello <#-1#> world", "pause marker <#-1#> at position 6"),
        ("Hello <# 2 #> world", "pause marker <# 2 #> at position 6 has spaces: write it as <#2#>"),
        ("Hello <#1.5> world", "pause marker <#1.5> at position 6 is malformed: write a pause as <#seconds#>"),
        ("Hello <# world", "pause marker <# at position 6 is malformed"),
        ("Hello <#1#> <#2#> world", "consecutive pause markers at position 6: put speakable text between pauses"),
        ("Hello <#1#><#2#> world", "consecutive pause markers at position 6"),
        ("<#1#> Hello world", "pause marker <#1#> at position 0 starts the text: put pauses between speakable text"),
        ("Hello world <#1#>  ", "pause marker <#1#> at position 12 ends the text"),
    ],
)
def test_t2a_text_rules(text: str, message: str) -> None:
    err = refused(lambda: t2a(text=text), message)
    assert err.field == "text"
    refused(lambda: check_ws_text(text), message)


@pytest.mark.parametrize(
    "text",
    ["Hi <#0.01#> there", "Hi <#99.99#> there", "Hi <#1#> there <#2.5#> you", "x" * 9_999, "(laughs) Hello."],
)
def test_t2a_text_accepted(text: str) -> None:
    assert t2a(text=text).text == text
    check_ws_text(text)


def test_pause_marker_problems_positions_for_highlighting() -> None:
    text = "<#1#> a <#0.001#> b <#2#> <#3#> c <#4"
    problems = pause_marker_problems(text)
    assert [(p.position, p.length) for p in problems] == [(0, 5), (8, 9), (20, 11), (34, 2)]
    assert all(isinstance(p, TextProblem) for p in problems)
    assert "starts the text" in problems[0].message
    assert "consecutive" in problems[2].message
    assert "malformed" in problems[3].message
    assert pause_marker_problems("Nothing to see <#1.25#> here.") == []


def test_voice_id_required_without_timber_weights() -> None:
    refused(lambda: t2a(voice_setting={}), "voice_setting.voice_id is required")
    refused(lambda: t2a(voice_setting={"voice_id": "  "}), "voice_setting.voice_id is required")


def test_unknown_fields_and_models_refused() -> None:
    refused(lambda: t2a(timbre_weights=[]), "timbre_weights is not a known setting")
    refused(lambda: t2a(model="speech-03"), "model must be one of 'speech-2.8-hd'")
    refused(lambda: t2a(language_boost="Klingon"), "language_boost must be one of 'auto', 'Chinese'")
    assert len(LANGUAGES) == 40
    assert "speech-2.8-hd" in SPEECH_MODELS and "speech-01-turbo" in SPEECH_MODELS


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"audio_setting": {"format": "wav"}}, "audio_setting.format must be mp3, pcm or flac when streaming"),
        ({"output_format": "url"}, "output_format must be hex when streaming"),
        ({"subtitle_enable": True}, "subtitle_enable is only available without streaming"),
        (
            {"voice_modify": {"pitch": 10}, "audio_setting": {"format": "pcm"}},
            "audio_setting.format must be mp3 with voice_modify when streaming (got 'pcm')",
        ),
        (
            {"audio_setting": {"format": "flac", "force_cbr": True}},
            "audio_setting.force_cbr only applies to streamed mp3",
        ),
    ],
)
def test_streaming_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: t2a(stream=True, **kw), message)


def test_non_streaming_format_rules() -> None:
    refused(lambda: t2a(audio_setting={"force_cbr": True}), "audio_setting.force_cbr only applies to streamed mp3")
    refused(
        lambda: t2a(voice_modify={}, audio_setting={"format": "pcm"}),
        "audio_setting.format must be mp3, wav or flac with voice_modify without streaming (got 'pcm')",
    )
    for fmt in ("mp3", "wav", "flac"):
        t2a(voice_modify={}, audio_setting={"format": fmt})
    t2a(stream=True, audio_setting={"force_cbr": True})
    t2a(audio_setting={"format": "wav"}, output_format="url", subtitle_enable=True)


def test_t2a_payload_matches_s4_non_streaming_example() -> None:
    request = T2ARequest(
        model="speech-2.6-hd",
        text=S4_TEXT,
        stream=False,
        language_boost="auto",
        output_format="hex",
        voice_setting={"voice_id": "English_expressive_narrator", "speed": 1, "vol": 1, "pitch": 0},
        pronunciation_dict={"tone": ["Omg/Oh my god"]},
        audio_setting={"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1},
        voice_modify={"pitch": 0, "intensity": 0, "timbre": 0, "sound_effects": "spacious_echo"},
    )
    assert request.payload() == {
        "model": "speech-2.6-hd",
        "text": S4_TEXT,
        "stream": False,
        "language_boost": "auto",
        "output_format": "hex",
        "voice_setting": {"voice_id": "English_expressive_narrator", "speed": 1, "vol": 1, "pitch": 0},
        "pronunciation_dict": {"tone": ["Omg/Oh my god"]},
        "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1},
        "voice_modify": {"pitch": 0, "intensity": 0, "timbre": 0, "sound_effects": "spacious_echo"},
    }
    assert json.loads(json.dumps(request.payload())) == request.payload()


def test_t2a_streaming_payload() -> None:
    payload = t2a(stream=True, output_format="hex", audio_setting={"force_cbr": True}).payload()
    assert payload == {
        "model": "speech-2.8-hd",
        "text": "Hello there.",
        "stream": True,
        "stream_options": {"exclude_aggregated_audio": True},
        "voice_setting": {"voice_id": "English_expressive_narrator", "speed": 1.0, "vol": 1.0, "pitch": 0},
        "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1, "force_cbr": True},
    }
    assert "output_format" not in payload


def test_t2a_settings_hold_what_cannot_be_sent_yet_and_refuse_it_when_a_request_is_made() -> None:
    refused(lambda: T2ASettings(voice_modify={"pitch": 101}), "voice_modify.pitch must be between -100 and 100")
    settings = T2ASettings(voice_setting=VoiceSetting(voice_id=""), timber_weights=[])  # a mix still empty
    refused(lambda: settings.request("Hi."), "timber_weights must mix 1–4 voices (got 0)")
    effects = T2ASettings(voice_setting=VoiceSetting(**VOICE), voice_modify=VoiceModify(pitch=-35),
                          audio_setting=AudioSetting(format="flac"))
    refused(lambda: effects.request("Hi."), "audio_setting.format must be mp3 with voice_modify when streaming")
    request = effects.model_copy(update={"audio_setting": AudioSetting()}).request("Hi.")
    assert request.stream and request.voice_modify == VoiceModify(pitch=-35)
    assert request.payload()["voice_modify"] == {"pitch": -35, "intensity": 0, "timbre": 0}


def test_t2a_timber_weights_payload_uses_documented_key() -> None:
    weights = [{"voice_id": "female-chengshu", "weight": 30}, {"voice_id": "female-tianmei", "weight": 70}]
    payload = T2ARequest(text="Hi.", timber_weights=weights, subtitle_enable=True, aigc_watermark=True).payload()
    assert payload["timber_weights"] == weights
    assert "timbre_weights" not in payload
    assert payload["voice_setting"] == {"speed": 1.0, "vol": 1.0, "pitch": 0}
    assert payload["subtitle_enable"] is True and payload["aigc_watermark"] is True


def test_model_copy_with_update_checks_the_rules_again() -> None:
    request = t2a(audio_setting={"format": "wav"})
    refused(lambda: request.model_copy(update={"stream": True}), "audio_setting.format must be mp3, pcm or flac")
    streamed = t2a().model_copy(update={"stream": True})
    assert streamed.payload()["stream_options"] == {"exclude_aggregated_audio": True}
    assert t2a().model_copy() == t2a()


def test_model_validate_raises_input_error_too() -> None:
    refused(lambda: T2ARequest.model_validate({"text": "hi", "voice_setting": {"voice_id": "x", "vol": 11}}), "vol")


# --- WebSocket and async speech ---------------------------------------------------------------------


def test_ws_task_start_payload() -> None:
    event = T2AStartEvent(
        model="speech-2.8-hd",
        language_boost="English",
        voice_setting={"voice_id": "male-qn-qingse", "emotion": "happy"},
        pronunciation_dict={"tone": ["a/b"]},
        voice_modify={"timbre": 5},
    )
    assert event.payload() == {
        "event": "task_start",
        "model": "speech-2.8-hd",
        "language_boost": "English",
        "voice_setting": {"voice_id": "male-qn-qingse", "speed": 1.0, "vol": 1.0, "pitch": 0, "emotion": "happy"},
        "pronunciation_dict": {"tone": ["a/b"]},
        "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1},
        "voice_modify": {"pitch": 0, "intensity": 0, "timbre": 5},
    }


def test_ws_task_start_rules() -> None:
    refused(lambda: T2AStartEvent(voice_setting=VOICE, audio_setting={"format": "wav"}), "when streaming (got 'wav')")
    refused(
        lambda: T2AStartEvent(voice_setting=VOICE, voice_modify={}, audio_setting={"format": "flac"}),
        "must be mp3 with voice_modify when streaming",
    )
    refused(lambda: T2AStartEvent(), "voice_setting.voice_id is required")
    refused(lambda: T2AStartEvent(voice_setting=VOICE, text="hi"), "text is not a known setting")
    event = T2AStartEvent(timber_weights=[{"voice_id": "a", "weight": 1}])
    assert event.payload()["timber_weights"] == [{"voice_id": "a", "weight": 1}]


def test_async_request_payload_renames_fields() -> None:
    request = T2AAsyncRequest(
        model="speech-2.8-hd",
        text="A long story.",
        voice_setting={"voice_id": "audiobook_male_1", "text_normalization": True},
        audio_setting={"sample_rate": 24000, "format": "flac", "channel": 2},
        aigc_watermark=False,
    )
    assert request.payload() == {
        "model": "speech-2.8-hd",
        "text": "A long story.",
        "voice_setting": {
            "voice_id": "audiobook_male_1",
            "speed": 1.0,
            "vol": 1.0,
            "pitch": 0,
            "english_normalization": True,
        },
        "audio_setting": {"audio_sample_rate": 24000, "bitrate": 128000, "format": "flac", "channel": 2},
        "aigc_watermark": False,
    }
    by_file = T2AAsyncRequest(text_file_id=95157322514444, voice_setting=VOICE).payload()
    assert by_file["text_file_id"] == 95157322514444 and "text" not in by_file


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({}, "text is required (or text_file_id"),
        ({"text": "hi", "text_file_id": 1}, "text_file_id can't be combined with text"),
        ({"text": "x" * 50_001}, "text must be at most 50,000 characters (got 50,001)"),
        ({"text": "a <#1#><#2#> b"}, "consecutive pause markers at position 2"),
        ({"text": "hi", "audio_setting": {"format": "wav"}}, "audio_setting.format must be mp3, pcm or flac"),
        ({"text": "hi", "audio_setting": {"force_cbr": True}}, "audio_setting.force_cbr only applies to streamed"),
        ({"text": "hi", "output_format": "url"}, "output_format is not a known setting"),
    ],
)
def test_async_request_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: T2AAsyncRequest(voice_setting=VOICE, **kw), message)


def test_async_request_accepts_50000_chars() -> None:
    T2AAsyncRequest(text="x" * 50_000, voice_setting=VOICE)


# --- voices -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("voice_id", "message"),
    [
        ("abc1234", "voice_id must be 8–256 characters (got 7)"),
        ("a" * 257, "voice_id must be 8–256 characters (got 257)"),
        ("1voice_abc", "voice_id must start with a letter (got '1')"),
        ("_voiceabc", "voice_id must start with a letter"),
        ("voice abc1", "voice_id may only contain letters, digits, - and _ (found ' ')"),
        ("voice.abc!", "voice_id may only contain letters, digits, - and _ (found '!' '.')"),
        ("voiceabc-", "voice_id must not end with - or _ (got '-')"),
        ("voiceabc_", "voice_id must not end with - or _ (got '_')"),
    ],
)
def test_voice_id_rules(voice_id: str, message: str) -> None:
    refused(lambda: check_voice_id(voice_id), message)
    refused(lambda: VoiceCloneRequest(file_id=1, voice_id=voice_id), message)
    refused(lambda: VoiceDesignRequest(prompt="calm", preview_text="Hi", voice_id=voice_id), message)


def test_voice_id_accepted() -> None:
    for voice_id in ("MyVoice01", "a-b_c-d1", "x" * 256):
        check_voice_id(voice_id)


def test_voice_clone_payload() -> None:
    request = VoiceCloneRequest(
        file_id=95157322514444,
        voice_id="MyVoice001",
        clone_prompt={"prompt_audio": 123456789012345680, "prompt_text": "This is the prompt."},
        text="Hello, a preview.",
        model="speech-2.8-hd",
        language_boost="auto",
        text_validation="exact words",
        accuracy=0.8,
        need_noise_reduction=True,
        need_volume_normalization=False,
        aigc_watermark=False,
    )
    assert request.payload() == {
        "file_id": 95157322514444,
        "voice_id": "MyVoice001",
        "clone_prompt": {"prompt_audio": 123456789012345680, "prompt_text": "This is the prompt."},
        "text": "Hello, a preview.",
        "model": "speech-2.8-hd",
        "language_boost": "auto",
        "text_validation": "exact words",
        "accuracy": 0.8,
        "need_noise_reduction": True,
        "need_volume_normalization": False,
        "aigc_watermark": False,
    }
    assert VoiceCloneRequest(file_id=1, voice_id="MyVoice001").payload() == {"file_id": 1, "voice_id": "MyVoice001"}


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"text": "x" * 1001, "model": "speech-2.8-hd"}, "text must be at most 1,000 characters (got 1,001)"),
        ({"text": "Hello"}, "model is required when text asks for a preview"),
        ({"text_validation": "x" * 201}, "text_validation must be at most 200 characters (got 201)"),
        ({"accuracy": 1.5}, "accuracy must be between 0 and 1 (got 1.5)"),
        ({"clone_prompt": {"prompt_audio": 1}}, "clone_prompt.prompt_text is required"),
        ({"clone_prompt": {"prompt_audio": 1, "prompt_text": " "}}, "clone_prompt.prompt_text must not be empty"),
    ],
)
def test_voice_clone_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: VoiceCloneRequest(file_id=1, voice_id="MyVoice001", **kw), message)


def test_voice_design_rules_and_payload() -> None:
    refused(lambda: VoiceDesignRequest(prompt=" ", preview_text="Hi"), "prompt must not be empty")
    refused(lambda: VoiceDesignRequest(prompt="deep", preview_text=""), "preview_text must not be empty")
    refused(
        lambda: VoiceDesignRequest(prompt="deep", preview_text="x" * 501),
        "preview_text must be at most 500 characters (got 501)",
    )
    assert VoiceDesignRequest(prompt="A warm narrator", preview_text="Hello.").payload() == {
        "prompt": "A warm narrator",
        "preview_text": "Hello.",
    }


def test_get_and_delete_voice_payloads() -> None:
    assert GetVoiceRequest().payload() == {"voice_type": "all"}
    assert GetVoiceRequest(voice_type="system").payload() == {"voice_type": "system"}
    refused(lambda: GetVoiceRequest(voice_type="music_generation"), "voice_type must be one of")
    assert DeleteVoiceRequest(voice_type="voice_cloning", voice_id="yanshang11123").payload() == {
        "voice_type": "voice_cloning",
        "voice_id": "yanshang11123",
    }
    refused(lambda: DeleteVoiceRequest(voice_type="system", voice_id="x"), "voice_type must be one of")
    refused(lambda: DeleteVoiceRequest(voice_type="voice_cloning", voice_id=""), "voice_id must not be empty")


# --- image ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"prompt": ""}, "prompt must not be empty"),
        ({"prompt": "x" * 1501}, "prompt must be at most 1,500 characters (got 1,501)"),
        ({"aspect_ratio": "5:4"}, "aspect_ratio must be one of '1:1', '16:9'"),
        ({"width": 513, "height": 512}, "width must be a multiple of 8 between 512 and 2048 (got 513)"),
        ({"width": 504, "height": 512}, "width must be a multiple of 8 between 512 and 2048 (got 504)"),
        ({"width": 1024, "height": 2056}, "height must be a multiple of 8 between 512 and 2048 (got 2056)"),
        ({"width": 1024}, "height is required too: give width and height together"),
        ({"height": 1024}, "width is required too"),
        ({"model": "image-01-live", "width": 1024, "height": 1024}, "width is only for image-01"),
        ({"aspect_ratio": "16:9", "width": 1024, "height": 1024}, "aspect_ratio can't be combined with width/height"),
        ({"n": 0}, "n must be between 1 and 9 (got 0)"),
        ({"n": 10}, "n must be between 1 and 9 (got 10)"),
        ({"response_format": "png"}, "response_format must be one of 'url' or 'base64'"),
        ({"model": "image-02"}, "model must be one of 'image-01' or 'image-01-live'"),
        (
            {"subject_reference": [{"image_file": "https://x/a.png"}, {"image_file": "https://x/b.png"}]},
            "subject_reference must hold exactly one subject (got 2)",
        ),
        ({"subject_reference": []}, "subject_reference must hold exactly one subject (got 0)"),
        (
            {"subject_reference": [{"image_file": "ftp://x/a.png"}]},
            "subject_reference[0].image_file must be an http(s) URL or a data:image/(jpeg|png);base64,",
        ),
        (
            {"subject_reference": [{"image_file": "data:image/gif;base64,R0lG"}]},
            "subject_reference[0].image_file must be an http(s) URL",
        ),
        ({"subject_reference": [{"type": "object", "image_file": "https://x"}]}, "type must be one of 'character'"),
    ],
)
def test_image_rules(kw: dict[str, Any], message: str) -> None:
    kw.setdefault("prompt", "A cat")
    refused(lambda: ImageRequest(**kw), message)


def test_image_payloads() -> None:
    assert ImageRequest(prompt="A cat").payload() == {
        "model": "image-01",
        "prompt": "A cat",
        "response_format": "url",
        "n": 1,
    }
    request = ImageRequest(
        prompt="A cat",
        width=1024,
        height=512,
        response_format="base64",
        seed=42,
        n=9,
        prompt_optimizer=True,
        aigc_watermark=False,
        subject_reference=[{"image_file": "data:image/jpeg;base64,/9j/4AAQ"}],
    )
    assert request.payload() == {
        "model": "image-01",
        "prompt": "A cat",
        "width": 1024,
        "height": 512,
        "response_format": "base64",
        "seed": 42,
        "n": 9,
        "prompt_optimizer": True,
        "aigc_watermark": False,
        "subject_reference": [{"type": "character", "image_file": "data:image/jpeg;base64,/9j/4AAQ"}],
    }
    assert ImageRequest(model="image-01-live", prompt="x", aspect_ratio="21:9").payload()["aspect_ratio"] == "21:9"


# --- video ------------------------------------------------------------------------------------------

IMG = "https://example.com/first.png"
IMG2 = "https://example.com/last.jpg"
SUBJECT = [{"type": "character", "image": ["https://example.com/face.png"]}]
MODE_KW: dict[str, dict[str, Any]] = {
    "t2v": {"prompt": "A cat surfing"},
    "i2v": {"first_frame_image": IMG},
    "fl2v": {"first_frame_image": IMG, "last_frame_image": IMG2},
    "s2v": {"prompt": "A person walking", "subject_reference": SUBJECT},
}
# The matrix of docs/protocol.md#video-create, written out independently of the implementation.
EXPECTED = {
    ("t2v", "MiniMax-Hailuo-2.3"): {"768P": [6, 10], "1080P": [6]},
    ("t2v", "MiniMax-Hailuo-02"): {"768P": [6, 10], "1080P": [6]},
    ("t2v", "T2V-01-Director"): {"720P": [6]},
    ("t2v", "T2V-01"): {"720P": [6]},
    ("i2v", "MiniMax-Hailuo-2.3"): {"768P": [6, 10], "1080P": [6]},
    ("i2v", "MiniMax-Hailuo-2.3-Fast"): {"768P": [6, 10], "1080P": [6]},
    ("i2v", "MiniMax-Hailuo-02"): {"512P": [6, 10], "768P": [6, 10], "1080P": [6]},
    ("i2v", "I2V-01-Director"): {"720P": [6]},
    ("i2v", "I2V-01-live"): {"720P": [6]},
    ("i2v", "I2V-01"): {"720P": [6]},
    ("fl2v", "MiniMax-Hailuo-02"): {"768P": [6, 10], "1080P": [6]},
    ("s2v", "S2V-01"): {"720P": [6]},
}
ALL_VIDEO_MODELS = sorted({m for models in VIDEO_MODELS.values() for m in models})


def test_video_options_match_reference_matrix() -> None:
    for mode in ("t2v", "i2v", "fl2v", "s2v"):
        for model in ALL_VIDEO_MODELS:
            assert video_options(model, mode) == EXPECTED.get((mode, model), {}), (mode, model)
    assert VIDEO_MODELS["fl2v"] == ("MiniMax-Hailuo-02",)
    assert VIDEO_MODELS["s2v"] == ("S2V-01",)
    assert "MiniMax-Hailuo-2.3-Fast" not in VIDEO_MODELS["t2v"]


@pytest.mark.parametrize("mode", ["t2v", "i2v", "fl2v", "s2v"])
@pytest.mark.parametrize("model", ALL_VIDEO_MODELS)
@pytest.mark.parametrize("resolution", ["512P", "720P", "768P", "1080P"])
@pytest.mark.parametrize("duration", [6, 10])
def test_video_matrix_enforced(mode: str, model: str, resolution: str, duration: int) -> None:
    allowed = EXPECTED.get((mode, model), {})

    def build() -> VideoRequest:
        return VideoRequest(model=model, resolution=resolution, duration=duration, **MODE_KW[mode])

    if duration in allowed.get(resolution, []):
        assert build().mode == mode
    elif not allowed:
        refused(build, f"model {model} can't make")
    else:
        refused(build, f"isn't available for {model}", "allowed: ")


def test_video_defaults_are_checked_too() -> None:
    # Omitted duration is 6 and omitted resolution is the model's default.
    assert video_default_resolution("MiniMax-Hailuo-02") == "768P"
    assert video_default_resolution("T2V-01") == "720P"
    VideoRequest(model="MiniMax-Hailuo-02", prompt="x", duration=10)  # 768P default → 10 s ok
    refused(
        lambda: VideoRequest(model="T2V-01", prompt="x", duration=10),
        "duration 10 s at 720P isn't available for T2V-01 text-to-video; allowed: 720P 6 s",
    )
    refused(
        lambda: VideoRequest(model="MiniMax-Hailuo-2.3", prompt="x", resolution="1080P", duration=10),
        "duration 10 s at 1080P isn't available for MiniMax-Hailuo-2.3 text-to-video; "
        "allowed: 768P 6 or 10 s; 1080P 6 s",
    )
    refused(
        lambda: VideoRequest(model="MiniMax-Hailuo-2.3", prompt="x", resolution="512P"),
        "resolution 512P isn't available for MiniMax-Hailuo-2.3 text-to-video",
    )
    assert VideoRequest(prompt="x").payload() == {"model": "MiniMax-Hailuo-2.3", "prompt": "x"}


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"model": "MiniMax-Hailuo-2.3-Fast", "prompt": "x"}, "MiniMax-Hailuo-2.3-Fast can't make text-to-video"),
        (
            {"model": "MiniMax-Hailuo-2.3", "first_frame_image": IMG, "last_frame_image": IMG2},
            "can't make first+last-frame video; models that can: MiniMax-Hailuo-02",
        ),
        (
            {"model": "MiniMax-Hailuo-02", "last_frame_image": IMG2},
            "first_frame_image is required with last_frame_image",
        ),
        ({"model": "S2V-01", "prompt": "x"}, "S2V-01 can't make text-to-video"),
        ({"model": "T2V-01", "subject_reference": SUBJECT}, "models that can: S2V-01"),
        (
            {"model": "S2V-01", "subject_reference": SUBJECT, "first_frame_image": IMG},
            "subject_reference can't be combined with first/last frame images",
        ),
        ({"model": "T2V-01"}, "prompt is required for text-to-video"),
        ({"prompt": "x" * 2001}, "prompt must be at most 2,000 characters (got 2,001)"),
        ({"model": "I2V-01", "first_frame_image": "file:///tmp/a.png"}, "first_frame_image must be an http(s) URL"),
        (
            {"model": "S2V-01", "subject_reference": [{"type": "character", "image": [IMG, IMG2]}]},
            "subject_reference[0].image must hold exactly one image (got 2)",
        ),
        ({"model": "S2V-01", "subject_reference": SUBJECT * 2}, "subject_reference must hold exactly one subject"),
        ({"prompt": "x", "resolution": "1080p"}, "resolution must be one of '512P', '720P', '768P' or '1080P'"),
        ({"prompt": "x", "callback_url": "not a url"}, "callback_url must be an http(s) URL"),
        ({"model": "T2V-01", "prompt": "x", "fast_pretreatment": True}, "fast_pretreatment is only for"),
        ({"model": "Sora", "prompt": "x"}, "model must be one of 'MiniMax-Hailuo-2.3'"),
    ],
)
def test_video_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: VideoRequest(**kw), message)


def test_video_payloads() -> None:
    fl2v = VideoRequest(
        model="MiniMax-Hailuo-02",
        prompt="Morph [Push in]",
        first_frame_image=IMG,
        last_frame_image="data:image/webp;base64,UklGR",
        duration=10,
        resolution="768P",
        prompt_optimizer=False,
        fast_pretreatment=True,
        callback_url="https://example.com/hook",
        aigc_watermark=True,
    )
    assert fl2v.mode == "fl2v"
    assert fl2v.payload() == {
        "model": "MiniMax-Hailuo-02",
        "prompt": "Morph [Push in]",
        "first_frame_image": IMG,
        "last_frame_image": "data:image/webp;base64,UklGR",
        "duration": 10,
        "resolution": "768P",
        "prompt_optimizer": False,
        "fast_pretreatment": True,
        "callback_url": "https://example.com/hook",
        "aigc_watermark": True,
    }
    # One third-party copy sends the subject image as a plain string: accepted, sent as an array.
    s2v = VideoRequest(model="S2V-01", prompt="walks", subject_reference=[{"type": "character", "image": IMG}])
    assert s2v.payload() == {
        "model": "S2V-01",
        "prompt": "walks",
        "subject_reference": [{"type": "character", "image": [IMG]}],
    }


def test_video_templates() -> None:
    assert set(VIDEO_TEMPLATES) == {
        "392747428568649728",
        "393769180141805569",
        "397087679467597833",
        "393881433990066176",
        "393498001241890824",
        "393488336655310850",
    }
    assert [t.name for t in VIDEO_TEMPLATES.values() if t.needs_text] == ["Run for Life"]
    assert VideoTemplateRequest(
        template_id="393769180141805569", media_inputs=[IMG], text_inputs=["Lion"]
    ).payload() == {
        "template_id": "393769180141805569",
        "media_inputs": [{"value": IMG}],
        "text_inputs": [{"value": "Lion"}],
    }
    assert VideoTemplateRequest(
        template_id="392747428568649728", media_inputs=[IMG], callback_url="https://example.com/cb"
    ).payload() == {
        "template_id": "392747428568649728",
        "media_inputs": [{"value": IMG}],
        "callback_url": "https://example.com/cb",
    }


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"template_id": "1", "media_inputs": [IMG]}, "template_id must be one of 392747428568649728 (Diving)"),
        ({"template_id": "392747428568649728"}, "media_inputs needs a picture for the Diving template"),
        (
            {"template_id": "393769180141805569", "media_inputs": [IMG]},
            "text_inputs needs a text for the Run for Life template",
        ),
        (
            {"template_id": "397087679467597833", "media_inputs": [IMG], "text_inputs": ["x"]},
            "text_inputs isn't used by the Transformers template",
        ),
        ({"template_id": "393488336655310850", "media_inputs": ["nope"]}, "media_inputs[0] must be an http(s) URL"),
    ],
)
def test_video_template_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: VideoTemplateRequest(**kw), message)


# --- music and lyrics -------------------------------------------------------------------------------

LYRICS = "[Verse]\nHello sunshine\n[Chorus]\nLa la la"


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"model": "music-1.5", "lyrics": LYRICS}, "prompt is required for music-1.5 (10–300 characters)"),
        ({"model": "music-1.5", "prompt": "short", "lyrics": LYRICS}, "prompt must be 10–300 characters for music-1.5"),
        ({"model": "music-1.5", "prompt": "x" * 301, "lyrics": LYRICS}, "(got 301)"),
        ({"model": "music-1.5", "prompt": "Upbeat pop song"}, "lyrics is required for music-1.5 (10–600 characters)"),
        (
            {"model": "music-1.5", "prompt": "Upbeat pop song", "lyrics": "x" * 601},
            "lyrics must be 10–600 characters for music-1.5 (got 601)",
        ),
        (
            {"model": "music-01", "lyrics": "x" * 201, "refer_voice": "v1"},
            "lyrics must be at most 200 characters for music-01 (got 201)",
        ),
        ({"model": "music-01", "lyrics": "la la"}, "refer_voice or refer_instrumental is required for music-01"),
        ({"model": "music-2.6", "lyrics": LYRICS, "refer_voice": "v1"}, "refer_voice is only for music-01"),
        ({"model": "music-2.6", "prompt": "jazz"}, "lyrics is required for music-2.6 unless is_instrumental"),
        ({"model": "music-2.6", "lyrics": ""}, "lyrics must be 1–3,500 characters for music-2.6 (got 0)"),
        ({"model": "music-2.5", "lyrics": "x" * 3501}, "lyrics must be 1–3,500 characters for music-2.5 (got 3,501)"),
        ({"model": "music-2.0", "lyrics": LYRICS, "prompt": "x" * 2001}, "prompt must be at most 2,000 characters"),
        (
            {"model": "music-2.0", "prompt": "jazz", "is_instrumental": True},
            "is_instrumental needs one of music-2.5+, music-2.6, music-2.6-free (got model music-2.0)",
        ),
        ({"model": "music-2.6", "is_instrumental": True}, "prompt is required for instrumental music"),
        (
            {"model": "music-2.6", "prompt": "jazz", "is_instrumental": True, "lyrics": LYRICS},
            "lyrics must be empty for instrumental music",
        ),
        ({"model": "music-2.6", "lyrics_optimizer": True}, "prompt is required when lyrics_optimizer"),
        (
            {"model": "music-2.6", "prompt": "jazz", "lyrics_optimizer": True, "lyrics": LYRICS},
            "lyrics must be empty when lyrics_optimizer",
        ),
        ({"lyrics": LYRICS, "stream": True, "output_format": "url"}, "output_format must be hex when streaming"),
        ({"lyrics": LYRICS, "audio_setting": {"sample_rate": 22050}}, "audio_setting.sample_rate must be one of 16000"),
        ({"lyrics": LYRICS, "audio_setting": {"format": "flac"}}, "audio_setting.format must be one of 'mp3', 'wav'"),
        ({"model": "music-cover", "lyrics": LYRICS}, "model must be one of 'music-01'"),
    ],
)
def test_music_rules(kw: dict[str, Any], message: str) -> None:
    refused(lambda: MusicRequest(**kw), message)


def test_music_payloads() -> None:
    assert MusicRequest(prompt="Indie folk, warm", lyrics=LYRICS).payload() == {
        "model": "music-2.6",
        "prompt": "Indie folk, warm",
        "lyrics": LYRICS,
        "audio_setting": {"sample_rate": 44100, "bitrate": 256000, "format": "mp3"},
    }
    instrumental = MusicRequest(
        model="music-2.5+",
        prompt="Smoky jazz",
        is_instrumental=True,
        output_format="url",
        aigc_watermark=True,
        seed=7,
        audio_setting={"sample_rate": 32000, "bitrate": 128000, "format": "wav"},
    )
    assert instrumental.payload() == {
        "model": "music-2.5+",
        "prompt": "Smoky jazz",
        "is_instrumental": True,
        "output_format": "url",
        "aigc_watermark": True,
        "seed": 7,
        "audio_setting": {"sample_rate": 32000, "bitrate": 128000, "format": "wav"},
    }
    MusicRequest(model="music-2.6-free", prompt="lofi", lyrics_optimizer=True, stream=True)
    MusicRequest(model="music-1.5", prompt="Upbeat pop song", lyrics="Hello hello sunshine")
    legacy = MusicRequest(model="music-01", lyrics="la la", refer_instrumental="inst-1")
    assert legacy.payload()["refer_instrumental"] == "inst-1"


def test_lyrics_request() -> None:
    assert LyricsRequest(prompt="A summer love song").payload() == {
        "mode": "write_full_song",
        "prompt": "A summer love song",
    }
    assert LyricsRequest(mode="edit", lyrics=LYRICS, title="Sun").payload() == {
        "mode": "edit",
        "lyrics": LYRICS,
        "title": "Sun",
    }
    refused(lambda: LyricsRequest(mode="edit"), "lyrics is required to edit lyrics")
    refused(lambda: LyricsRequest(lyrics=LYRICS), "lyrics is only used in edit mode")
    refused(lambda: LyricsRequest(prompt="x" * 2001), "prompt must be at most 2,000 characters")
    refused(lambda: LyricsRequest(mode="rewrite"), "mode must be one of 'write_full_song' or 'edit'")


# --- responses --------------------------------------------------------------------------------------

S4_RESPONSE = {
    "data": {"audio": "49443303", "status": 2},
    "extra_info": {
        "audio_length": 11124,
        "audio_sample_rate": 32000,
        "audio_size": 179926,
        "bitrate": 128000,
        "word_count": 163,
        "invisible_character_ratio": 0,
        "usage_characters": 163,
        "audio_format": "mp3",
        "audio_channel": 1,
    },
    "trace_id": "01b8bf9bb7433cc75c18eee6cfa8fe21",
    "base_resp": {"status_code": 0, "status_msg": "success"},
}


def test_t2a_result_from_s4_example() -> None:
    result = T2AResult.from_response(S4_RESPONSE, "hex")
    assert result.audio == b"ID3\x03"
    assert result.audio_url is None
    assert result.trace_id == "01b8bf9bb7433cc75c18eee6cfa8fe21"
    info = result.extra_info
    assert info is not None
    assert (info.audio_length, info.audio_sample_rate, info.audio_size, info.bitrate) == (11124, 32000, 179926, 128000)
    assert (info.word_count, info.usage_characters, info.audio_format, info.audio_channel) == (163, 163, "mp3", 1)
    assert BaseResp.model_validate(S4_RESPONSE["base_resp"]).status_code == 0


def test_t2a_result_url_mode_and_subtitles() -> None:
    body = {
        "data": {"audio": "https://cdn.example/a.mp3", "status": 2, "subtitle_file": "https://cdn.example/s.json"},
        "trace_id": "t",
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    result = T2AResult.from_response(body, "url")
    assert result.audio is None and result.audio_url == "https://cdn.example/a.mp3"
    assert result.subtitle_file == "https://cdn.example/s.json"
    # S2 puts subtitle_file at the top level; a URL is recognised even if the caller said hex.
    old = {"data": {"audio": "https://cdn.example/a.mp3"}, "subtitle_file": "https://cdn.example/old.json"}
    result = T2AResult.from_response(old)
    assert result.audio_url == "https://cdn.example/a.mp3" and result.subtitle_file == "https://cdn.example/old.json"


def test_t2a_result_tolerates_null_data_extra_fields_and_old_bitrate_name() -> None:
    result = T2AResult.from_response({"data": None, "base_resp": {"status_code": 0}})
    assert result.audio is None and result.audio_url is None and result.extra_info is None
    chunk = {"data": {"audio": "ff", "status": 1, "ced": ""}, "extra_info": {"audio_bitrate": 64000, "new_field": 1}}
    result = T2AResult.from_response(chunk)
    assert result.audio == b"\xff"
    assert result.extra_info is not None and result.extra_info.bitrate == 64000


def test_extra_info_all_optional() -> None:
    assert ExtraInfo.model_validate({}).bitrate is None
    assert ExtraInfo.model_validate({"bitrate": 128000, "audio_bitrate": 1}).bitrate == 128000


def test_bad_hex_is_a_bad_response() -> None:
    with pytest.raises(BadResponseError, match="isn't valid hex audio"):
        T2AResult.from_response({"data": {"audio": "zz-not-hex"}})
    with pytest.raises(BadResponseError, match="can't read"):
        FileObject.model_validate({"filename": "x"})


BIG_ID = "123456789012345680"  # > 2^53, shown as a string in one doc example


def test_file_objects() -> None:
    upload = {
        "file": {
            "file_id": BIG_ID,
            "bytes": 5896337,
            "created_at": 1700469398,
            "filename": "voice.mp3",
            "purpose": "voice_clone",
        },
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    file = FileObject.from_response(upload)
    assert file.file_id == 123456789012345680 and isinstance(file.file_id, int)
    assert (file.bytes, file.created_at, file.filename, file.purpose) == (
        5896337,
        1700469398,
        "voice.mp3",
        "voice_clone",
    )
    assert file.download_url is None
    retrieved = FileObject.model_validate(
        {"file_id": 95157322514444, "filename": "output_aigc.mp4", "download_url": "https://cdn/x.mp4"}
    )
    assert retrieved.download_url == "https://cdn/x.mp4"
    files = parse_file_list({"files": [upload["file"], {"file_id": 1}], "base_resp": {"status_code": 0}})
    assert [f.file_id for f in files] == [123456789012345680, 1]
    assert parse_file_list({"files": None}) == []


def test_voice_list_new_shape() -> None:
    body = {
        "system_voice": [
            {
                "voice_id": "Chinese (Mandarin)_News_Anchor",
                "voice_name": "News Anchor (Female)",
                "description": ["A calm voice"],
                "created_time": "1970-01-01",
            }
        ],
        "voice_cloning": [{"voice_id": "test12345", "description": [], "created_time": "2025-08-20"}],
        "voice_generation": [{"voice_id": "ttv-voice-2025060717322425-abcdefgh", "created_time": "2025-08-20"}],
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    voices = parse_voice_list(body)
    assert [(v.voice_id, v.kind) for v in voices] == [
        ("Chinese (Mandarin)_News_Anchor", "system"),
        ("test12345", "cloned"),
        ("ttv-voice-2025060717322425-abcdefgh", "designed"),
    ]
    assert voices[0].voice_name == "News Anchor (Female)" and voices[0].description == ["A calm voice"]
    assert voices[1].voice_name is None and voices[2].description == []


def test_voice_list_old_shape_and_nulls() -> None:
    body = {
        "voice_slots": [{"voice_id": "myclone001", "voice_name": "Me", "created_time": 1728962464}],
        "system_voice": None,
        "music_generation": [{"voice_id": "music-x"}],
    }
    voices = parse_voice_list(body)
    assert [(v.voice_id, v.kind, v.created_time) for v in voices] == [("myclone001", "cloned", "1728962464")]
    assert parse_voice_list({"base_resp": {"status_code": 0}}) == []


def test_clone_result_shapes() -> None:
    official = CloneResult.model_validate(
        {
            "input_sensitive": False,
            "input_sensitive_type": 0,
            "demo_audio": "https://cdn.example/demo.wav",
            "extra_info": {"audio_length": 3000},
            "base_resp": {"status_code": 0, "status_msg": "success"},
        }
    )
    assert official.input_sensitive is False and official.input_sensitive_type == 0
    assert official.demo_audio == "https://cdn.example/demo.wav"
    assert official.extra_info is not None and official.extra_info.audio_length == 3000
    object_shaped = CloneResult.model_validate({"input_sensitive": {"type": 2}, "demo_audio": ""})
    assert object_shaped.input_sensitive is True and object_shaped.input_sensitive_type == 2
    assert object_shaped.demo_audio is None


def test_design_result_decodes_hex() -> None:
    result = DesignResult.model_validate(
        {"trial_audio": "fffb9064", "voice_id": "ttv-voice-2025060717322425-xxxxxxxx", "base_resp": {}}
    )
    assert result.trial_audio == b"\xff\xfb\x90\x64"
    assert result.voice_id == "ttv-voice-2025060717322425-xxxxxxxx"


def test_image_result_url_mode_with_string_counts() -> None:
    body = {
        "id": "03ff3cd0820949eb8a410056b5f21d38",
        "data": {"image_urls": ["https://a/1.jpeg", "https://a/2.jpeg", "https://a/3.jpeg"]},
        "metadata": {"failed_count": "0", "success_count": "3"},
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    result = ImageResult.model_validate(body)
    assert result.id == "03ff3cd0820949eb8a410056b5f21d38"
    assert len(result.image_urls) == 3 and result.image_base64 == []
    assert (result.success_count, result.failed_count) == (3, 0)


def test_image_result_base64_mode_decodes() -> None:
    png = b"\x89PNG\r\n\x1a\n"
    body = {"id": "x", "data": {"image_base64": [base64.b64encode(png).decode()]}, "metadata": {}}
    result = ImageResult.from_response(body)
    assert result.image_base64 == [png]
    assert (result.success_count, result.failed_count) == (1, 0)
    with pytest.raises(BadResponseError, match="base64"):
        ImageResult.model_validate({"data": {"image_base64": ["@@@"]}})


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("Preparing", "pending"),
        ("Queueing", "pending"),
        ("Processing", "running"),
        ("processing", "running"),
        ("Success", "success"),
        ("success", "success"),
        ("Fail", "failed"),
        ("Failed", "failed"),
        ("failed", "failed"),
        ("Unknown", "failed"),
        ("UNKNOWN", "failed"),
        ("Expired", "failed"),
        ("expired", "failed"),
        ("SomethingNew", "pending"),
    ],
)
def test_task_status_normalised(status: str, state: str) -> None:
    task = TaskStatus.model_validate({"task_id": "106916112212032", "status": status, "base_resp": {}})
    assert task.state == state
    assert task.status == status
    assert task.task_id == 106916112212032
    assert task.done is (state in ("success", "failed"))


def test_task_status_success_shapes() -> None:
    video = TaskStatus.model_validate(
        {
            "task_id": "106916112212032",
            "status": "Success",
            "file_id": BIG_ID,
            "video_width": 1366,
            "video_height": 768,
            "base_resp": {"status_code": 0, "status_msg": "success"},
        }
    )
    assert video.file_id == 123456789012345680 and (video.video_width, video.video_height) == (1366, 768)
    template = TaskStatus.model_validate({"task_id": 1, "status": "Success", "video_url": "https://cdn/v.mp4"})
    assert template.video_url == "https://cdn/v.mp4" and template.file_id is None
    pending = TaskStatus.model_validate({"task_id": 1, "status": "Queueing", "file_id": ""})
    assert pending.file_id is None
    assert pending.model_dump()["state"] == "pending"


def test_async_t2a_task_int_or_string_ids() -> None:
    body = {
        "task_id": 95157322514444,
        "task_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9",
        "file_id": "95157322514444",
        "usage_characters": 101,
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    task = AsyncT2ATask.model_validate(body)
    assert task.task_id == task.file_id == 95157322514444
    assert task.usage_characters == 101 and task.task_token.startswith("eyJ")
    assert AsyncT2ATask.model_validate({**body, "task_id": BIG_ID}).task_id == 123456789012345680


def test_video_task_id_as_int() -> None:
    assert VideoTask.model_validate({"task_id": "106916112212032", "base_resp": {}}).task_id == 106916112212032


MUSIC_EXTRA = {"music_duration": 25364, "music_sample_rate": 44100, "music_channel": 2, "bitrate": 256000}


def test_music_result_shapes() -> None:
    hex_body = {"data": {"audio": "fffb", "status": 2}, "trace_id": "t", "extra_info": MUSIC_EXTRA, "base_resp": {}}
    result = MusicResult.from_response(hex_body)
    assert result.audio == b"\xff\xfb" and result.audio_url is None
    assert result.extra_info["music_duration"] == 25364 and result.trace_id == "t"
    url = MusicResult.from_response({"data": {"audio": "https://cdn/m.mp3", "status": 2}}, "url")
    assert url.audio_url == "https://cdn/m.mp3" and url.audio is None
    cli_shape = MusicResult.from_response({"data": {"audio_url": "https://cdn/m2.mp3"}}, "url")
    assert cli_shape.audio_url == "https://cdn/m2.mp3"
    assert MusicResult.from_response({"data": None}).extra_info == {}


def test_lyrics_result_shapes() -> None:
    official = {
        "song_title": "Summer Breeze",
        "style_tags": "Pop, Upbeat",
        "lyrics": "[Verse]\nla",
        "base_resp": {"status_code": 0, "status_msg": "success"},
    }
    result = LyricsResult.from_response(official)
    assert (result.title, result.style_tags, result.lyrics) == ("Summer Breeze", "Pop, Upbeat", "[Verse]\nla")
    reference = LyricsResult.from_response({"data": {"lyrics": "[Chorus]\nhey", "title": "Hey"}})
    assert (reference.title, reference.lyrics) == ("Hey", "[Chorus]\nhey")


def test_music_upload_result() -> None:
    song = MusicUploadResult.model_validate({"voice_id": "vocal-1", "instrumental_id": "inst-1", "base_resp": {}})
    assert (song.voice_id, song.instrumental_id) == ("vocal-1", "inst-1")
    assert MusicUploadResult.model_validate({"voice_id": "v"}).instrumental_id is None


def test_audio_setting_defaults() -> None:
    assert AudioSetting().payload() == {"sample_rate": 32000, "bitrate": 128000, "format": "mp3", "channel": 1}
