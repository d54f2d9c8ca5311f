"""Shared plumbing: request models that raise InputError, tolerant response models, shared shapes."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    computed_field,
    model_validator,
)

from studio.api.errors import BadResponseError, InputError
from studio.words import translate

# --- requests -------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, list | tuple | dict) and len(str(value)) > 60:
        return translate("ModelRules", "a {kind} of {count} items").format(kind=type(value).__name__,
                                                                           count=len(value))
    return repr(value)


def _rule_for(err: Any) -> str:
    """Human rule text for one pydantic error dict (field name is added by the caller)."""
    kind, ctx, got = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return translate("ModelRules", "is required")
    if kind == "extra_forbidden":
        return translate("ModelRules", "is not a known setting")
    value = _fmt(got)
    if kind == "literal_error":
        return translate("ModelRules", "must be one of {expected} (got {value})").format(
            expected=ctx.get("expected", ""), value=value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return translate("ModelRules", "must be a whole number (got {value})").format(value=value)
    if kind in ("float_type", "float_parsing"):
        return translate("ModelRules", "must be a number (got {value})").format(value=value)
    if kind in ("bool_type", "bool_parsing"):
        return translate("ModelRules", "must be true or false (got {value})").format(value=value)
    if kind == "string_type":
        return translate("ModelRules", "must be text (got {value})").format(value=value)
    if kind in ("list_type", "tuple_type"):
        return translate("ModelRules", "must be a list (got {value})").format(value=value)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return translate("ModelRules", "must be an object with named settings (got {value})").format(value=value)
    # pydantic's own message (English) is named as it is.
    return translate("ModelRules", "is invalid: {reason} (got {value})").format(reason=err["msg"], value=value)


def to_input_error(exc: ValidationError, prefix: str = "") -> InputError:
    """The first problem of a pydantic ValidationError as an InputError with a dotted field path."""
    err = exc.errors()[0]
    path = prefix
    for part in err["loc"]:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    inner = (err.get("ctx") or {}).get("error")
    if isinstance(inner, InputError):
        # A nested model's own __init__ (pydantic calls it for nested values too) already prefixed its
        # field with its standalone name; use the field relative to it and the real location instead.
        return (inner.relative or inner).within(path)
    return InputError(path, _rule_for(err))


class RequestModel(BaseModel):
    """Base of every request: unknown fields refused, every problem raised as :class:`InputError`."""

    model_config = ConfigDict(extra="forbid")
    # Name used as the field prefix when the model itself is built directly (``VoiceSetting(speed=3)``
    # reports ``voice_setting.speed``, matching what it is called inside a request).
    _field_prefix: ClassVar[str] = ""

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _standalone(exc, self._field_prefix) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            raise _standalone(exc, cls._field_prefix) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update`` it is built like a new request, so the rules are checked again."""
        if not update:
            return super().model_copy(deep=deep)
        fields = dict(self)
        return type(self)(**{**(copy.deepcopy(fields) if deep else fields), **update})

    def payload(self) -> dict[str, Any]:
        """The exact JSON body MiniMax expects (None fields left out)."""
        return self.model_dump(mode="json", exclude_none=True)


def _standalone(exc: ValidationError, prefix: str) -> InputError:
    relative = to_input_error(exc)
    error = relative.within(prefix)
    error.relative = relative
    return error


def between(lo: float, hi: float, *, lo_open: bool = False) -> AfterValidator:
    """A range check whose message states the whole range (pydantic's states only one bound)."""

    def check(value: Any) -> Any:
        if value is None:
            return value
        too_low = value <= lo if lo_open else value < lo
        if too_low or value > hi:
            rule = (translate("ModelRules", "must be greater than {lo:g} and at most {hi:g} (got {value})") if lo_open
                    else translate("ModelRules", "must be between {lo:g} and {hi:g} (got {value})"))
            raise InputError("", rule.format(lo=lo, hi=hi, value=repr(value)))
        return value

    return AfterValidator(check)


def length(lo: int, hi: int | None = None) -> AfterValidator:
    """Text length in characters, ``lo``..``hi`` inclusive; ``lo`` counts non-blank text, so whitespace
    alone is refused as empty."""

    def check(value: Any) -> Any:
        if value is None:
            return value
        n = len(value)
        if lo and len(value.strip()) < lo:
            if lo == 1:
                raise InputError("", translate("ModelRules", "must not be empty"))
            raise InputError("", translate("ModelRules", "must be {lo:,}–{hi:,} characters (got {count:,})").format(
                lo=lo, hi=hi, count=n))
        if hi is not None and n > hi:
            rule = (translate("ModelRules", "must be {lo:,}–{hi:,} characters (got {count:,})") if lo > 1
                    else translate("ModelRules", "must be at most {hi:,} characters (got {count:,})"))
            raise InputError("", rule.format(lo=lo, hi=hi, count=n))
        return value

    return AfterValidator(check)


NonEmpty = Annotated[str, length(1)]

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def check_url(value: str, field: str) -> None:
    if not _URL.match(value):
        raise InputError(field, translate("ModelRules", "must be an http(s) URL (got {value})").format(
            value=_fmt(value)))


def check_image_ref(value: str, field: str, types: tuple[str, ...]) -> None:
    """A public http(s) URL or a ``data:image/<type>;base64,…`` URL."""
    if _URL.match(value):
        return
    m = re.match(r"^data:image/([a-z]+);base64,(.+)$", value, re.IGNORECASE | re.DOTALL)
    if m and m.group(1).lower() in types:
        return
    kinds = "|".join(types)
    raise InputError(field, translate(
        "ModelRules", "must be an http(s) URL or a data:image/({kinds});base64,… URL (got {value})").format(
        kinds=kinds, value=_fmt(value)))


# --- responses ------------------------------------------------------------------------------------


def _to_id(value: Any) -> Any:
    """int64 ids arrive as ints or numeric strings (some > 2^53); '' means absent."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return value


Id = Annotated[int, BeforeValidator(_to_id)]
OptId = Annotated[int | None, BeforeValidator(_to_id)]


def _to_int(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return int(float(value))
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


OptInt = Annotated[int | None, BeforeValidator(_to_int)]


class ResponseModel(BaseModel):
    """Base of every response: unknown fields kept, unreadable bodies raised as BadResponseError."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _bad_response(exc, type(self)) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            raise _bad_response(exc, cls) from None

    @classmethod
    def from_response(cls, body: dict[str, Any]) -> Self:
        """Parse a whole response body."""
        return cls.model_validate(body)


def _bad_response(exc: ValidationError, cls: type) -> BadResponseError:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "body"
    return BadResponseError(translate(
        "ModelRules",
        "MiniMax sent a {model} Studio can't read ({where}: {reason}). "
        "Try again; if it keeps happening the API may have changed.",
    ).format(model=cls.__name__, where=where, reason=err["msg"]))


def hex_bytes(value: Any, what: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except (TypeError, ValueError):
        raise BadResponseError(translate(
            "ModelRules",
            "MiniMax sent {what} that isn't valid hex audio. Try again; if it keeps happening the API may "
            "have changed.",
        ).format(what=what)) from None


class BaseResp(ResponseModel):
    status_code: int = 0
    status_msg: str = ""


class ExtraInfo(ResponseModel):
    """Audio metadata of a speech result; every field optional. ``audio_length`` is milliseconds."""

    audio_length: OptInt = None
    audio_sample_rate: OptInt = None
    audio_size: OptInt = None
    bitrate: OptInt = None
    word_count: OptInt = None
    usage_characters: OptInt = None
    invisible_character_ratio: float | None = None
    audio_format: str | None = None
    audio_channel: OptInt = None

    @model_validator(mode="before")
    @classmethod
    def _old_bitrate_name(cls, data: Any) -> Any:
        # Older docs (S2) call it audio_bitrate; current ones say bitrate.
        if isinstance(data, dict) and "bitrate" not in data and "audio_bitrate" in data:
            data = {**data, "bitrate": data["audio_bitrate"]}
        return data


TaskState = Literal["pending", "running", "success", "failed"]

_STATES: dict[str, TaskState] = {
    "preparing": "pending",
    "queueing": "pending",
    "queued": "pending",
    "pending": "pending",
    "processing": "running",
    "running": "running",
    "success": "success",
    "fail": "failed",
    "failed": "failed",
    "unknown": "failed",
    "expired": "failed",
}


class TaskStatus(ResponseModel):
    """A poll result of an async task (video, video template, async speech).

    ``state`` normalises the raw ``status``: MiniMax documents ``Fail`` but clients and callbacks see
    ``Failed``/``Unknown``/lowercase variants too, so all of them count as failure. Statuses this client
    doesn't know count as ``pending`` (keep polling; the poller's own time limit ends it).
    """

    task_id: OptId = None
    status: str = ""
    file_id: OptId = None
    video_width: OptInt = None
    video_height: OptInt = None
    video_url: str | None = None

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy rejects decorated properties
    @property
    def state(self) -> TaskState:
        return _STATES.get(self.status.strip().lower(), "pending")

    @property
    def done(self) -> bool:
        return self.state in ("success", "failed")
