"""Error tree: every documented code maps to its class, retry flag and an actionable message."""

from __future__ import annotations

import json

import pytest

from studio.api.errors import (
    NEVER_RETRY,
    RETRYABLE_CODES,
    APIError,
    AuthError,
    BadResponseError,
    BalanceError,
    ContentError,
    InputError,
    InvalidParamsError,
    MiniMaxError,
    QuotaError,
    RateLimitError,
    RequestTimeout,
    ServerError,
    StreamError,
    TransportError,
    UnknownAPIError,
    VoiceError,
    api_error,
    http_error,
    redact,
)

# Every code of docs/protocol.md#error-codes, its class, and whether the client retries it.
CODES = [
    (1000, ServerError, True),
    (1001, ServerError, True),
    (1002, RateLimitError, True),
    (1004, AuthError, False),
    (1008, BalanceError, False),
    (1013, ServerError, False),
    (1024, ServerError, True),
    (1026, ContentError, False),
    (1027, ContentError, False),
    (1028, QuotaError, False),
    (1030, QuotaError, False),
    (1033, ServerError, True),
    (1039, RateLimitError, True),
    (1041, RateLimitError, False),
    (1042, ContentError, False),
    (1043, VoiceError, False),
    (1044, VoiceError, False),
    (2013, InvalidParamsError, False),
    (20132, InvalidParamsError, False),
    (2037, VoiceError, False),
    (2038, VoiceError, False),
    (2039, VoiceError, False),
    (2042, VoiceError, False),
    (2045, RateLimitError, False),
    (2048, VoiceError, False),
    (2049, AuthError, False),
    (2056, QuotaError, False),
    (2061, QuotaError, False),
]


@pytest.mark.parametrize(("code", "cls", "retryable"), CODES)
def test_every_documented_code_maps_to_its_class(code: int, cls: type[APIError], retryable: bool) -> None:
    err = api_error(code, "some message", "trace-1")
    assert type(err) is cls
    assert isinstance(err, APIError) and isinstance(err, MiniMaxError)
    assert err.retryable is retryable
    assert err.status_code == code
    assert err.status_msg == "some message"
    assert err.trace_id == "trace-1"
    assert err.http_status is None
    text = str(err)
    assert "\n" not in text
    assert f"({code} some message)" in text
    assert text.endswith("[trace trace-1]")


def test_retry_sets_are_exact_and_disjoint() -> None:
    assert RETRYABLE_CODES == {1000, 1001, 1002, 1024, 1033, 1039}
    assert NEVER_RETRY == {1004, 1008, 1026, 1027, 2013, 2049}
    assert not RETRYABLE_CODES & NEVER_RETRY
    for code in NEVER_RETRY:
        assert api_error(code).retryable is False


def test_unknown_code_is_unknown_api_error() -> None:
    err = api_error(31337, "weird")
    assert type(err) is UnknownAPIError
    assert err.retryable is False
    assert "31337 weird" in str(err)
    assert "[trace" not in str(err)


def test_auth_message_explains_region_hosts() -> None:
    err = api_error(2049, "invalid api key", "01b8bf9bb7433cc75c18eee6cfa8fe21")
    assert str(err) == (
        "The API key was rejected (2049 invalid api key). Keys only work on their own region's host: "
        "global https://api.minimax.io, mainland China https://api.minimaxi.com. "
        "Check the key and region in Account settings. [trace 01b8bf9bb7433cc75c18eee6cfa8fe21]"
    )
    assert "https://api.minimaxi.com" in str(api_error(1004))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (1008, "Top up"),
        (1026, "input was flagged"),
        (1027, "output was flagged"),
        (1042, "invisible"),
        (1043, "validation text"),
        (1044, "prompt text"),
        (2037, "between 10 seconds and 5 minutes"),
        (2038, "verification"),
        (2039, "deleted ids can't be reused"),
        (2042, "no access"),
        (2048, "shorter than 8 seconds"),
        (2056, "usage limit"),
        (2061, "isn't available on your Token Plan"),
        (1041, "fewer running at the same time"),
    ],
)
def test_messages_say_what_to_do(code: int, words: str) -> None:
    assert words in str(api_error(code))


def test_status_msg_is_one_line() -> None:
    err = api_error(2013, "invalid params,\n  glyph definition format error")
    assert str(err).count("\n") == 0
    assert err.status_msg == "invalid params, glyph definition format error"


def test_api_error_keeps_http_status_and_retry_after() -> None:
    err = api_error(1002, "rate limit", http_status=200, retry_after=2.5)
    assert isinstance(err, RateLimitError)
    assert err.http_status == 200 and err.retry_after == 2.5


@pytest.mark.parametrize(
    ("status", "cls", "retryable"),
    [
        (401, AuthError, False),
        (403, AuthError, False),
        (404, UnknownAPIError, False),
        (408, ServerError, True),
        (413, UnknownAPIError, False),
        (429, RateLimitError, True),
        (500, ServerError, True),
        (502, ServerError, True),
        (503, ServerError, True),
        (504, ServerError, True),
    ],
)
def test_http_error_by_status(status: int, cls: type[APIError], retryable: bool) -> None:
    err = http_error(status, "<html>Bad Gateway</html>", "t-9", retry_after=3.0)
    assert type(err) is cls
    assert err.retryable is retryable
    assert err.http_status == status and err.status_code == status
    assert err.retry_after == 3.0
    assert f"HTTP {status}" in str(err)
    assert str(err).endswith("[trace t-9]")


def test_http_error_429_mentions_the_wait() -> None:
    assert "Wait 7 s" in str(http_error(429, retry_after=7))


def test_http_error_with_base_resp_body_maps_by_code() -> None:
    body = json.dumps({"base_resp": {"status_code": 1004, "status_msg": "login fail"}})
    err = http_error(401, body, "t")
    assert isinstance(err, AuthError)
    assert err.status_code == 1004 and err.http_status == 401


def test_http_error_body_is_trimmed_to_one_line() -> None:
    err = http_error(502, "line one\nline two " + "x" * 1000)
    assert "\n" not in str(err)
    assert len(err.status_msg) <= 200


def test_transport_and_stream_errors() -> None:
    assert TransportError("connection refused").retryable is True
    timeout = RequestTimeout("no answer in 30 s")
    assert isinstance(timeout, TransportError) and timeout.retryable is True
    assert StreamError("stream broke").retryable is False
    assert BadResponseError("bad").retryable is False
    assert str(timeout) == "no answer in 30 s"


def test_input_error_is_a_value_error_with_field_and_rule() -> None:
    err = InputError("voice_setting.speed", "must be between 0.5 and 2 (got 3.0)")
    assert isinstance(err, ValueError) and isinstance(err, MiniMaxError)
    assert str(err) == "voice_setting.speed must be between 0.5 and 2 (got 3.0)"
    assert err.field == "voice_setting.speed"
    assert err.rule == "must be between 0.5 and 2 (got 3.0)"
    assert InputError("speed", "must be x").within("voice_setting").field == "voice_setting.speed"
    assert InputError("[2]", "must be x").within("tone").field == "tone[2]"
    custom = InputError("text", "bad marker", "pause marker <#0#> at position 3: …").within("req")
    assert str(custom) == "pause marker <#0#> at position 3: …"


KEY = "sk-api-AbCdEf0123456789xyz"


def test_redact_removes_the_key_everywhere() -> None:
    text = f"POST /v1/t2a_v2 key={KEY} again {KEY}"
    out = redact(text, KEY)
    assert KEY not in out
    assert out.count("[redacted]") == 2


def test_redact_masks_bearer_tokens_and_key_shapes_without_the_secret() -> None:
    out = redact('headers: {"Authorization": "Bearer eyJhbGciOi.abc-def"} and sk-cp-ZZZZZZZZZZZZ', None)
    assert "eyJhbGciOi" not in out and "sk-cp-ZZZZ" not in out
    assert "Bearer [redacted]" in out


def test_redact_leaves_ordinary_text_alone() -> None:
    assert redact("nothing secret here", "") == "nothing secret here"
    assert redact("nothing secret here", None) == "nothing secret here"


def test_repr_never_holds_more_than_the_fields() -> None:
    err = api_error(1004, "auth failed", "t")
    assert repr(err) == "AuthError(status_code=1004, status_msg='auth failed', trace_id='t', http_status=None)"
