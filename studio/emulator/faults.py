"""Pacing and fault knobs: dataclasses, per-request header parsing, the server-wide fault queue."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from typing import Any, Literal, get_args

FaultKind = Literal["http", "base_resp", "drop", "stall", "malformed"]
PACING_HEADER = "X-Emulator-Pacing"
FAULT_HEADER = "X-Emulator-Fault"

# status_msg the emulator answers with for each code (docs/protocol.md#error-codes).
ERROR_MESSAGES: dict[int, str] = {
    0: "success",
    1000: "unknown error",
    1001: "request timeout",
    1002: "rate limit exceeded, please try again later",
    1004: "login fail: Please carry the API secret key in the 'Authorization' field of the request header",
    1008: "insufficient balance",
    1013: "internal service error",
    1024: "internal error",
    1026: "input new_sensitive",
    1027: "output new_sensitive",
    1033: "system error",
    1039: "token limit exceeded",
    1041: "connection limit exceeded",
    1042: "invisible character ratio exceeds limit",
    1043: "ASR similarity check failed",
    1044: "clone prompt similarity check failed",
    2013: "invalid params",
    20132: "invalid samples or voice_id",
    2037: "voice clone audio duration too short or too long",
    2038: "no clone permission, please complete account verification",
    2039: "voice clone voice id duplicate",
    2042: "no access to this voice_id",
    2045: "rate growth limit exceeded",
    2048: "prompt audio too long",
    2049: "invalid api key",
    2056: "usage limit exceeded",
    2061: "model not available on current plan",
}


def error_message(code: int) -> str:
    return ERROR_MESSAGES.get(code, "error")


@dataclass
class Pacing:
    first_audio_ms: float = 0.0
    rtf: float = 0.0
    jitter_ms: float = 0.0
    chunk_seconds: float = 0.25


@dataclass
class Fault:
    kind: FaultKind
    path: str | None = None
    status: int = 500
    code: int = 1000
    msg: str | None = None
    after_chunks: int = 0
    times: int = 1
    retry_after: float | None = None
    stall_seconds: float = 30.0

    def __post_init__(self) -> None:
        if self.kind not in get_args(FaultKind):
            raise ValueError(f"unknown fault kind {self.kind!r}")

    @property
    def message(self) -> str:
        return self.msg if self.msg is not None else error_message(self.code)


def _parse_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"expected name=value, got {part!r}")
        fields[name.strip()] = value.strip()
    return fields


def _convert(cls: type, fields: dict[str, str]) -> dict[str, Any]:
    known = {f.name: f for f in dataclasses.fields(cls)}
    out: dict[str, Any] = {}
    for name, raw in fields.items():
        if name not in known:
            raise ValueError(f"unknown field {name!r}")
        typ = str(known[name].type)
        if raw.lower() in ("none", "null") and "None" in typ:
            out[name] = None
        elif typ.startswith("int"):
            out[name] = int(raw)
        elif typ.startswith("float"):
            out[name] = float(raw)
        else:
            out[name] = raw
    return out


def parse_pacing(header: str, base: Pacing) -> Pacing:
    """`first_audio_ms=300;rtf=0.3` on top of the configured pacing."""
    return dataclasses.replace(base, **_convert(Pacing, _parse_fields(header)))


def parse_fault(header: str) -> Fault:
    """`kind=base_resp;code=1002;after_chunks=2` → a one-shot Fault."""
    return Fault(**_convert(Fault, _parse_fields(header)))


class FaultQueue:
    """Faults queued by `Emulator.inject`; each matching request uses one up (`times` counts down)."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()  # inject() may be called from another thread (CLI, app)

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(dataclasses.replace(fault))

    def take(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path is None or path.startswith(fault.path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return dataclasses.replace(fault, times=1)
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
