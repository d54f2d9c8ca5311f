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
from studio.words import QT_TRANSLATE_NOOP, translate

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
        super().__init__(message if message is not None
                         else translate("MiniMaxErrors", "{field} {rule}").format(field=field, rule=rule).strip())

    def within(self, prefix: str) -> InputError:
        """The same error seen from an enclosing object (``speed`` → ``voice_setting.speed``)."""
        if not prefix:
            return self
        sep = "" if self.field.startswith("[") else "."
        field = f"{prefix}{sep}{self.field}" if self.field else prefix
        return InputError(field, self.rule, self.message if self._custom else None)

    def __repr__(self) -> str:
        return f"InputError(field={self.field!r}, rule={self.rule!r})"  # notr


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
            f"{type(self).__name__}(status_code={self.status_code}, status_msg={self.status_msg!r}, "  # notr
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
    error = TransportError(translate("MiniMaxErrors", "Can't reach {where}: {why}.").format(where=where, why=why))
    error.before_send = True
    return error


def _no_answer(connect_timeout: float) -> str:
    return translate("MiniMaxErrors", "no answer within {seconds:g} s (check your network or proxy)").format(
        seconds=connect_timeout)


def _why_unreachable(exc: BaseException, connect_timeout: float) -> str:
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    # The most specific cause anywhere in the chain wins (httpx wraps the OSError two or three times).
    reasons: list[tuple[type[BaseException], str]] = [
        (socket.gaierror, translate("MiniMaxErrors", "the name doesn't resolve (check the address or your network)")),
        (ConnectionRefusedError, translate("MiniMaxErrors", "nothing accepts connections there (is the server "
                                                            "running? check the address)")),
        (ssl.SSLCertVerificationError, translate("MiniMaxErrors", "its certificate can't be verified (check the "
                                                                  "address, or a proxy that intercepts HTTPS)")),
        (ssl.SSLError, translate("MiniMaxErrors", "the secure connection failed (check the address, or a proxy that "
                                                  "intercepts HTTPS)")),
        (ConnectionResetError, translate("MiniMaxErrors", "the connection was reset (check your network or proxy)")),
        (TimeoutError, _no_answer(connect_timeout)),
    ]
    for kind, reason in reasons:
        if any(isinstance(link, kind) for link in chain):
            return reason
    errno_text = next((link.strerror for link in chain if isinstance(link, OSError) and link.strerror), None)
    return translate("MiniMaxErrors", "{reason} (check your network and the API host)").format(
        reason=(errno_text or str(exc) or type(exc).__name__).rstrip("."))


def stream_stalled(received: int, seconds: float) -> MiniMaxError:
    """Nothing arrived for the read timeout. With audio: the take is partial. Without: no answer at all."""
    if received:
        return StreamError(translate("MiniMaxErrors", "The stream stalled: MiniMax sent nothing for {seconds:g} s "
                                                      "after {received:,} bytes of audio.").format(
            seconds=seconds, received=received))
    return RequestTimeout(translate("MiniMaxErrors", "MiniMax accepted the request but sent nothing for {seconds:g} s."
                                    ).format(seconds=seconds))


def stream_dropped(received: int) -> StreamError:
    """The server had answered, then the stream ended before its final message."""
    if received:
        return StreamError(translate("MiniMaxErrors", "MiniMax closed the stream after {received:,} bytes of audio, "
                                                      "before the end.").format(received=received))
    return StreamError(translate("MiniMaxErrors", "MiniMax answered, then closed the stream before any audio arrived. "
                                                  "Try again."))


class BadResponseError(MiniMaxError):
    """MiniMax answered 'success' with a body this client can't read (missing or malformed fields)."""


# In the code table below too: every advice there is formatted with the two hosts.
_REGION_HINT = QT_TRANSLATE_NOOP(
    "MiniMaxErrors",
    "Keys only work on their own region's host: global {global_host}, mainland China {mainland_host}. "
    "Check the key and region in Account settings.",
)


def _advice(text: str) -> str:
    """A table's advice (`_REGION_HINT`, `_CODES`) in the reader's words, with the hosts filled in."""
    return translate("MiniMaxErrors", text).format(global_host=GLOBAL_HOST, mainland_host=MAINLAND_HOST)


class LinkError(MiniMaxError):
    """The storage behind a result link (an image, audio or video URL) refused it: expired, not valid, or gone.
    Not the API key's fault: those links are signed and need no key. ``expired`` says a new link would work."""

    def __init__(self, message: str, *, http_status: int, expired: bool) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.expired = expired


# How long MiniMax's result links last (docs/protocol.md#result-urls; files/retrieve seen at 9 h on real answers).
LINK_LIFETIMES = QT_TRANSLATE_NOOP("MiniMaxErrors", "24 h for images, speech and music, 9 h for files and videos")
_XML_FIELD = re.compile(r"<(Code|Message|Expires)>([^<]*)</\1>")


def link_error(http_status: int, body_text: str, what: str) -> LinkError | None:
    """The error for a result link the object storage refused (a 403/404 with its XML ``<Error>``), else None.
    An expired link says so and how long links last; the caller knows whether it can ask for a new one."""
    fields = dict(_XML_FIELD.findall(body_text))
    code, message = fields.get("Code", ""), fields.get("Message", "")
    if http_status == 403 and (code == "AccessDenied" and "expired" in message.lower()):
        lifetimes = translate("MiniMaxErrors", LINK_LIFETIMES)
        if fields.get("Expires"):
            text = translate("MiniMaxErrors", "The download link for {what} expired at {expires}: MiniMax's result "
                                              "links are signed and last a limited time ({lifetimes}), so they must "
                                              "be downloaded while valid.").format(
                what=what, expires=fields["Expires"], lifetimes=lifetimes)
        else:
            text = translate("MiniMaxErrors", "The download link for {what} expired: MiniMax's result links are "
                                              "signed and last a limited time ({lifetimes}), so they must be "
                                              "downloaded while valid.").format(what=what, lifetimes=lifetimes)
        return LinkError(text, http_status=http_status, expired=True)
    if http_status in (403, 404) and code:
        detail = f"HTTP {http_status} {code}" + (f": {_one_line(message)}" if message else "")
        return LinkError(translate("MiniMaxErrors", "MiniMax's storage refused the download link for {what} "
                                                    "({detail}). The link is used as MiniMax gave it; ask for the "
                                                    "result again.").format(what=what, detail=detail),
                         http_status=http_status, expired=False)
    return None


_WAIT_A_LITTLE = QT_TRANSLATE_NOOP("MiniMaxErrors", "Wait a little and try again.")


def wait_advice(seconds: float | None) -> str:
    """What a rate-limited user should do: the server's Retry-After, the client's backoff, or 'a little'."""
    if not seconds:
        return translate("MiniMaxErrors", _WAIT_A_LITTLE)
    return translate("MiniMaxErrors", "Wait {seconds} s and try again.").format(seconds=max(1, round(seconds)))


# code -> (class, what happened, what to do): translated in api_error (the advice through `_advice`)
_CODES: dict[int, tuple[type[APIError], str, str]] = {
    1000: (
        ServerError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax had an unknown error"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Try again in a moment."),
    ),
    1001: (
        ServerError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax timed out"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Try again in a moment."),
    ),
    1002: (
        RateLimitError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Too many requests per minute"),
        _WAIT_A_LITTLE,
    ),
    1004: (
        AuthError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The API key was rejected"),
        _REGION_HINT,
    ),
    1008: (
        BalanceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The account balance is too low"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Top up your balance on the MiniMax platform."),
    ),
    1013: (
        ServerError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax had an internal service error"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Try again in a moment."),
    ),
    1024: (
        ServerError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax had an internal error"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Try again in a moment."),
    ),
    1026: (
        ContentError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The input was flagged as sensitive content"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Rephrase the text or prompt."),
    ),
    1027: (
        ContentError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The generated output was flagged as sensitive content"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Rephrase the text or prompt and try again."),
    ),
    1028: (
        QuotaError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The Token Plan quota is used up"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Wait for the quota to reset or use a pay-as-you-go key."),
    ),
    1030: (
        QuotaError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The Token Plan quota is used up"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Wait for the quota to reset or use a pay-as-you-go key."),
    ),
    1033: (
        ServerError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax had a system error"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Try again in a moment."),
    ),
    1039: (
        RateLimitError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Too many tokens per minute"),
        _WAIT_A_LITTLE,
    ),
    1041: (
        RateLimitError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Too many connections at once"),
        QT_TRANSLATE_NOOP("MiniMaxErrors",
                          "Wait for other requests to finish, then try again with fewer running at the same time."),
    ),
    1042: (
        ContentError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "More than 10% of the text is invisible or illegal characters"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Remove control and invisible characters from the text."),
    ),
    1043: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The clone audio didn't match the validation text"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Make the validation text an exact transcript of the audio, or lower the "
                                           "accuracy threshold."),
    ),
    1044: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The clone prompt audio didn't match its prompt text"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Make the prompt text an exact transcript of the prompt audio."),
    ),
    2013: (
        InvalidParamsError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "MiniMax refused the request parameters"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Check the settings and try again."),
    ),
    20132: (
        InvalidParamsError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The samples or voice_id are invalid"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Check that the voice exists and the uploaded files are the right ones."),
    ),
    2037: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The clone audio is too short or too long"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Use a recording between 10 seconds and 5 minutes long."),
    ),
    2038: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "This account may not clone voices yet"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Complete the account (real-name) verification on the MiniMax platform."),
    ),
    2039: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "This voice_id is already used"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Pick another voice_id; deleted ids can't be reused either."),
    ),
    2042: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "This account has no access to this voice"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Pick a voice from your own voice list."),
    ),
    2045: (
        RateLimitError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Request volume grew too fast"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Slow down and increase the request rate gradually."),
    ),
    2048: (
        VoiceError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The prompt audio is too long"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Use prompt audio shorter than 8 seconds."),
    ),
    2049: (
        AuthError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The API key was rejected"),
        _REGION_HINT,
    ),
    2056: (
        QuotaError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "The Token Plan usage limit is reached"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Wait for the usage window to reset or use a pay-as-you-go key."),
    ),
    2061: (
        QuotaError,
        QT_TRANSLATE_NOOP("MiniMaxErrors", "This model isn't available on your Token Plan"),
        QT_TRANSLATE_NOOP("MiniMaxErrors", "Pick another model or use a pay-as-you-go key."),
    ),
}


def _trace(trace_id: str | None) -> str:
    return translate("MiniMaxErrors", " [trace {trace_id}]").format(trace_id=trace_id) if trace_id else ""


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
        what = translate("MiniMaxErrors", "MiniMax returned an error")
        todo = translate("MiniMaxErrors", "Check the settings and try again.")
    else:
        cls, what, todo = known
        what, todo = translate("MiniMaxErrors", what), _advice(todo)
    detail = f"{status_code} {status_msg}".strip()
    message = translate("MiniMaxErrors", "{what} ({detail}). {todo}{trace}").format(
        what=what, detail=detail, todo=todo, trace=_trace(trace_id))
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
        return AuthError(translate("MiniMaxErrors", "The API key was rejected ({detail}). {advice}{trace}").format(
            detail=detail, advice=_advice(_REGION_HINT), trace=tail), **kwargs)
    if http_status == 429:
        return RateLimitError(
            translate("MiniMaxErrors", "MiniMax is limiting this account's requests ({detail}): each account may "
                                       "send only a set number of requests a minute (for example 60 for speech, 10 "
                                       "for images). {advice}{trace}").format(
                detail=detail, advice=wait_advice(retry_after), trace=tail),
            retryable=True, **kwargs)
    if http_status in (408, 504):
        return ServerError(translate("MiniMaxErrors", "MiniMax timed out ({detail}). This is on MiniMax's side: try "
                                                      "again in a few minutes.{trace}").format(
            detail=detail, trace=tail),
                           retryable=True, **kwargs)
    if 500 <= http_status < 600:
        return ServerError(
            translate("MiniMaxErrors", "MiniMax's servers are having trouble ({detail}). This is on MiniMax's side, "
                                       "not your settings: try again in a few minutes.{trace}").format(
                detail=detail, trace=tail), retryable=True, **kwargs
        )
    if http_status == 404:
        return UnknownAPIError(
            translate("MiniMaxErrors", "MiniMax doesn't know this endpoint ({detail}). Check the API host in Account "
                                       "settings.{trace}").format(detail=detail, trace=tail),
            **kwargs,
        )
    return UnknownAPIError(translate("MiniMaxErrors", "MiniMax refused the request ({detail}). Check the settings and "
                                                      "try again.{trace}").format(detail=detail, trace=tail), **kwargs)


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
