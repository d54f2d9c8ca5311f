"""Error tree of the MiniMax client.

Every error's ``str()`` is one line a person can act on. Codes come from the protocol reference
(docs/protocol.md#error-codes); MiniMax reports most business errors as HTTP 200 with a non-zero
``base_resp.status_code``, so :func:`api_error` maps those and :func:`http_error` maps HTTP statuses.
"""

from __future__ import annotations

import json
import re
import socket
import ssl
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

from studio.errors import StudioError
from studio.logs import redact_secrets

GLOBAL_HOST = "https://api.minimax.io"
MAINLAND_HOST = "https://api.minimaxi.com"

# Exactly these base_resp codes are retried by the client; APIError.retryable follows this set, so
# changing it here changes both.
RETRYABLE_CODES: frozenset[int] = frozenset({1000, 1001, 1002, 1024, 1033, 1039})
NEVER_RETRY: frozenset[int] = frozenset({1004, 1008, 1026, 1027, 2013, 2049})


class MiniMaxError(StudioError):
    """Base of every error the client raises; ``str(e)`` says what happened and what to do."""

    retryable: bool = False


class InputError(MiniMaxError, ValueError):
    """A request refused before anything was sent: names the field, the rule and the allowed range."""

    relative: InputError | None = None  # a nested model's error, as seen from that model (models._base)

    def __init__(self, field: str, rule: str, message: str | None = None) -> None:
        self.field = field
        self.rule = rule
        self._custom = message is not None
        super().__init__(message if message is not None else f"{field} {rule}".strip())

    def within(self, prefix: str) -> InputError:
        """The same error seen from an enclosing object (``speed`` → ``voice_setting.speed``)."""
        if not prefix:
            return self
        sep = "" if self.field.startswith("[") else "."
        field = f"{prefix}{sep}{self.field}" if self.field else prefix
        return InputError(field, self.rule, self.message if self._custom else None)

    def __repr__(self) -> str:
        return f"InputError(field={self.field!r}, rule={self.rule!r})"


class APIError(MiniMaxError):
    """MiniMax answered with an error: a non-zero ``base_resp.status_code`` or an HTTP error status."""

    retryable = False

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        status_msg: str = "",
        trace_id: str | None = None,
        http_status: int | None = None,
        retry_after: float | None = None,
        retryable: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.status_msg = status_msg
        self.trace_id = trace_id
        self.http_status = http_status
        self.retry_after = retry_after
        if retryable is not None:
            self.retryable = retryable

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, status_msg={self.status_msg!r}, "
            f"trace_id={self.trace_id!r}, http_status={self.http_status})"
        )


class AuthError(APIError):
    """The key was rejected (1004, 2049, HTTP 401/403)."""


class BalanceError(APIError):
    """The account is out of balance (1008)."""


class ContentError(APIError):
    """The input or output was flagged, or the text has too many invisible characters (1026/1027/1042)."""


class RateLimitError(APIError):
    """Too many requests/tokens/connections (1002, 1039, 1041, 2045, HTTP 429)."""

    def suggest_wait(self, seconds: float) -> None:
        """After the retries ran out: name the wait (the client's next backoff) when the server named none."""
        if self.retry_after is None:
            self.retry_after = seconds
            self.message = self.message.replace(wait_advice(None), wait_advice(seconds))


class QuotaError(APIError):
    """Token/Coding Plan quota used up or model not in the plan (1028, 1030, 2056, 2061)."""


class InvalidParamsError(APIError):
    """MiniMax refused the parameters (2013, 20132)."""


class VoiceError(APIError):
    """A voice clone/design/lookup problem with a specific fix (1043, 1044, 2037–2048)."""


class ServerError(APIError):
    """MiniMax failed internally or timed out (1000, 1001, 1013, 1024, 1033, HTTP 408/5xx)."""


class UnknownAPIError(APIError):
    """An error code this client does not know."""


class TransportError(MiniMaxError):
    """The request never got an answer: connection refused/reset, DNS, TLS."""

    retryable = True
    before_send = False  # True when the request surely never reached the server (safe to send again)


class RequestTimeout(TransportError):
    """No answer within the time limit."""


class StreamError(MiniMaxError):
    """A stream broke after audio had started, or sent a frame that can't be read.

    Not retried automatically: a retry would repeat audio the listener already heard.
    """


def unreachable(url: str, exc: BaseException, connect_timeout: float, *, timed_out: bool = False) -> TransportError:
    """The connection to `url` failed before anything was sent: say why in words, not errno text."""
    where = urlsplit(url).netloc or url
    why = _no_answer(connect_timeout) if timed_out else _why_unreachable(exc, connect_timeout)
    error = TransportError(f"Can't reach {where}: {why}.")
    error.before_send = True
    return error


def _no_answer(connect_timeout: float) -> str:
    return f"no answer within {connect_timeout:g} s (check your network or proxy)"


def _why_unreachable(exc: BaseException, connect_timeout: float) -> str:
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    # The most specific cause anywhere in the chain wins (httpx wraps the OSError two or three times).
    reasons: list[tuple[type[BaseException], str]] = [
        (socket.gaierror, "the name doesn't resolve (check the address or your network)"),
        (ConnectionRefusedError, "nothing accepts connections there (is the server running? check the address)"),
        (ssl.SSLCertVerificationError, "its certificate can't be verified (check the address, or a proxy "
                                       "that intercepts HTTPS)"),
        (ssl.SSLError, "the secure connection failed (check the address, or a proxy that intercepts HTTPS)"),
        (ConnectionResetError, "the connection was reset (check your network or proxy)"),
        (TimeoutError, _no_answer(connect_timeout)),
    ]
    for kind, reason in reasons:
        if any(isinstance(link, kind) for link in chain):
            return reason
    errno_text = next((link.strerror for link in chain if isinstance(link, OSError) and link.strerror), None)
    return (errno_text or str(exc) or type(exc).__name__).rstrip(".") + " (check your network and the API host)"


def stream_stalled(received: int, seconds: float) -> MiniMaxError:
    """Nothing arrived for the read timeout. With audio: the take is partial. Without: no answer at all."""
    if received:
        return StreamError(f"The stream stalled: MiniMax sent nothing for {seconds:g} s after {received:,} bytes "
                           "of audio.")
    return RequestTimeout(f"MiniMax accepted the request but sent nothing for {seconds:g} s.")


def stream_dropped(received: int) -> StreamError:
    """The server had answered, then the stream ended before its final message."""
    if received:
        return StreamError(f"MiniMax closed the stream after {received:,} bytes of audio, before the end.")
    return StreamError("MiniMax answered, then closed the stream before any audio arrived. Try again.")


class BadResponseError(MiniMaxError):
    """MiniMax answered 'success' with a body this client can't read (missing or malformed fields)."""


_REGION_HINT = (
    f"Keys only work on their own region's host: global {GLOBAL_HOST}, mainland China {MAINLAND_HOST}. "
    "Check the key and region in Account settings."
)


class LinkError(MiniMaxError):
    """The storage behind a result link (an image, audio or video URL) refused it: expired, not valid, or gone.
    Not the API key's fault: those links are signed and need no key. ``expired`` says a new link would work."""

    def __init__(self, message: str, *, http_status: int, expired: bool) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.expired = expired


# How long MiniMax's result links last (docs/protocol.md#result-urls; files/retrieve seen at 9 h on real answers).
LINK_LIFETIMES = "24 h for images, speech and music, 9 h for files and videos"
_XML_FIELD = re.compile(r"<(Code|Message|Expires)>([^<]*)</\1>")


def link_error(http_status: int, body_text: str, what: str) -> LinkError | None:
    """The error for a result link the object storage refused (a 403/404 with its XML ``<Error>``), else None.
    An expired link says so and how long links last; the caller knows whether it can ask for a new one."""
    fields = dict(_XML_FIELD.findall(body_text))
    code, message = fields.get("Code", ""), fields.get("Message", "")
    if http_status == 403 and (code == "AccessDenied" and "expired" in message.lower()):
        when = f" at {fields['Expires']}" if fields.get("Expires") else ""
        return LinkError(f"The download link for {what} expired{when}: MiniMax's result links are signed and last "
                         f"a limited time ({LINK_LIFETIMES}), so they must be downloaded while valid.",
                         http_status=http_status, expired=True)
    if http_status in (403, 404) and code:
        detail = f"HTTP {http_status} {code}" + (f": {_one_line(message)}" if message else "")
        return LinkError(f"MiniMax's storage refused the download link for {what} ({detail}). The link is used "
                         "as MiniMax gave it; ask for the result again.", http_status=http_status, expired=False)
    return None


def wait_advice(seconds: float | None) -> str:
    """What a rate-limited user should do: the server's Retry-After, the client's backoff, or 'a little'."""
    if not seconds:
        return "Wait a little and try again."
    return f"Wait {max(1, round(seconds))} s and try again."


# code -> (class, what happened, what to do)
_CODES: dict[int, tuple[type[APIError], str, str]] = {
    1000: (ServerError, "MiniMax had an unknown error", "Try again in a moment."),
    1001: (ServerError, "MiniMax timed out", "Try again in a moment."),
    1002: (RateLimitError, "Too many requests per minute", wait_advice(None)),
    1004: (AuthError, "The API key was rejected", _REGION_HINT),
    1008: (BalanceError, "The account balance is too low", "Top up your balance on the MiniMax platform."),
    1013: (ServerError, "MiniMax had an internal service error", "Try again in a moment."),
    1024: (ServerError, "MiniMax had an internal error", "Try again in a moment."),
    1026: (ContentError, "The input was flagged as sensitive content", "Rephrase the text or prompt."),
    1027: (
        ContentError,
        "The generated output was flagged as sensitive content",
        "Rephrase the text or prompt and try again.",
    ),
    1028: (
        QuotaError,
        "The Token Plan quota is used up",
        "Wait for the quota to reset or use a pay-as-you-go key.",
    ),
    1030: (
        QuotaError,
        "The Token Plan quota is used up",
        "Wait for the quota to reset or use a pay-as-you-go key.",
    ),
    1033: (ServerError, "MiniMax had a system error", "Try again in a moment."),
    1039: (RateLimitError, "Too many tokens per minute", wait_advice(None)),
    1041: (
        RateLimitError,
        "Too many connections at once",
        "Wait for other requests to finish, then try again with fewer running at the same time.",
    ),
    1042: (
        ContentError,
        "More than 10% of the text is invisible or illegal characters",
        "Remove control and invisible characters from the text.",
    ),
    1043: (
        VoiceError,
        "The clone audio didn't match the validation text",
        "Make the validation text an exact transcript of the audio, or lower the accuracy threshold.",
    ),
    1044: (
        VoiceError,
        "The clone prompt audio didn't match its prompt text",
        "Make the prompt text an exact transcript of the prompt audio.",
    ),
    2013: (InvalidParamsError, "MiniMax refused the request parameters", "Check the settings and try again."),
    20132: (
        InvalidParamsError,
        "The samples or voice_id are invalid",
        "Check that the voice exists and the uploaded files are the right ones.",
    ),
    2037: (
        VoiceError,
        "The clone audio is too short or too long",
        "Use a recording between 10 seconds and 5 minutes long.",
    ),
    2038: (
        VoiceError,
        "This account may not clone voices yet",
        "Complete the account (real-name) verification on the MiniMax platform.",
    ),
    2039: (
        VoiceError,
        "This voice_id is already used",
        "Pick another voice_id; deleted ids can't be reused either.",
    ),
    2042: (
        VoiceError,
        "This account has no access to this voice",
        "Pick a voice from your own voice list.",
    ),
    2045: (
        RateLimitError,
        "Request volume grew too fast",
        "Slow down and increase the request rate gradually.",
    ),
    2048: (VoiceError, "The prompt audio is too long", "Use prompt audio shorter than 8 seconds."),
    2049: (AuthError, "The API key was rejected", _REGION_HINT),
    2056: (
        QuotaError,
        "The Token Plan usage limit is reached",
        "Wait for the usage window to reset or use a pay-as-you-go key.",
    ),
    2061: (
        QuotaError,
        "This model isn't available on your Token Plan",
        "Pick another model or use a pay-as-you-go key.",
    ),
}


def _trace(trace_id: str | None) -> str:
    return f" [trace {trace_id}]" if trace_id else ""


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def api_error(
    status_code: int,
    status_msg: str = "",
    trace_id: str | None = None,
    *,
    http_status: int | None = None,
    retry_after: float | None = None,
) -> APIError:
    """The error for a non-zero ``base_resp.status_code``."""
    status_msg = _one_line(status_msg)
    known = _CODES.get(status_code)
    if known is None:
        cls: type[APIError] = UnknownAPIError
        what, todo = "MiniMax returned an error", "Check the settings and try again."
    else:
        cls, what, todo = known
    detail = f"{status_code} {status_msg}".strip()
    message = f"{what} ({detail}). {todo}{_trace(trace_id)}"
    return cls(
        message,
        status_code=status_code,
        status_msg=status_msg,
        trace_id=trace_id,
        http_status=http_status,
        retry_after=retry_after,
        retryable=status_code in RETRYABLE_CODES,
    )


def http_error(
    http_status: int,
    body_text: str = "",
    trace_id: str | None = None,
    retry_after: float | None = None,
) -> APIError:
    """The error for an HTTP error status. ``status_code`` is the HTTP status (MiniMax sent no code).

    A body that carries a MiniMax error code (docs/protocol.md#error-codes) is mapped by that code instead; a body that
    just repeats the HTTP status as its code is mapped by the status.
    """
    base = _base_resp(body_text)
    if base is not None and base[0] in _CODES:
        code, msg = base
        return api_error(code, msg, trace_id, http_status=http_status, retry_after=retry_after)
    snippet = base[1] if base is not None else _one_line(body_text)
    reason = _reason(http_status)
    detail = f"HTTP {http_status} {reason}" + (f": {snippet}" if snippet and snippet.lower() != reason.lower() else "")
    kwargs: dict[str, Any] = {
        "status_code": http_status,
        "status_msg": snippet,
        "trace_id": trace_id,
        "http_status": http_status,
        "retry_after": retry_after,
    }
    tail = _trace(trace_id)
    if http_status in (401, 403):
        return AuthError(f"The API key was rejected ({detail}). {_REGION_HINT}{tail}", **kwargs)
    if http_status == 429:
        return RateLimitError(
            f"MiniMax is limiting this account's requests ({detail}): each account may send only a set number "
            f"of requests a minute (for example 60 for speech, 10 for images). {wait_advice(retry_after)}{tail}",
            retryable=True, **kwargs)
    if http_status in (408, 504):
        return ServerError(f"MiniMax timed out ({detail}). This is on MiniMax's side: try again in a few minutes."
                           f"{tail}", retryable=True, **kwargs)
    if 500 <= http_status < 600:
        return ServerError(
            f"MiniMax's servers are having trouble ({detail}). This is on MiniMax's side, not your settings: "
            f"try again in a few minutes.{tail}", retryable=True, **kwargs
        )
    if http_status == 404:
        return UnknownAPIError(
            f"MiniMax doesn't know this endpoint ({detail}). Check the API host in Account settings.{tail}",
            **kwargs,
        )
    return UnknownAPIError(f"MiniMax refused the request ({detail}). Check the settings and try again.{tail}", **kwargs)


def _reason(http_status: int) -> str:
    try:
        return HTTPStatus(http_status).phrase
    except ValueError:
        return "error"


def _base_resp(body_text: str) -> tuple[int, str] | None:
    try:
        body = json.loads(body_text)
        base = body["base_resp"]
        code = int(base["status_code"])
    except (ValueError, TypeError, KeyError):
        return None
    return (code, str(base.get("status_msg") or "")) if code else None


def redact(text: str, secret: str | None) -> str:
    """``text`` with the API key, any ``Bearer …`` token and any ``sk-…`` key replaced by ``[redacted]``."""
    return redact_secrets(text, secret or "")
