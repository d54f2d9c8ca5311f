"""The script assistant: MiniMax's text models draft a script from notes and prepare lines for the ear.

Drafting sends the source with a visible, editable prompt template and streams the answer; what comes back
is read as script.md (and refused, saying why, when it is not one). Preparing sends lines as JSON and reads
back per-line suggestions (spelled-out numbers, expanded abbreviations, split sentences, an emotion or a
pause the speech model takes) and pronunciation entries; nothing changes until the user accepts a
suggestion (`accept`). Tokens are estimated before a request (`TokenEstimate`) and counted after (usage).
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import logging
import math
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from studio.api.client import MiniMaxClient
from studio.api.errors import APIError, MiniMaxError
from studio.api.models import ChatMessage, ChatRequest, ChatUsage, PronunciationDict
from studio.api.models.speech import MODEL_EMOTIONS, T2ASettings
from studio.api.models.text import DEFAULT_TEXT_MODEL, TEXT_MODELS, batch_jsonl, max_output_tokens
from studio.errors import StudioError
from studio.files import write_atomically
from studio.services.production.script import (
    MAX_PAUSE_S,
    Chapter,
    Directives,
    Script,
    ScriptError,
    ScriptLine,
    format_script,
    is_speaker_name,
    parse_script,
)
from studio.services.production.store import LineChanges, Production
from studio.words import translate

log = logging.getLogger(__name__)

Form = Literal["conversation", "interview", "narration"]
FORMS: tuple[Form, ...] = get_args(Form)
FORM_TEXT: dict[Form, str] = {
    # part of the prompt sent to the text model: English
    "conversation": "a conversation between hosts who take turns and react to each other",  # notr
    "interview": "an interview: the first speaker asks, the others answer",  # notr
    "narration": "narration, the first speaker reading and the others voicing the characters' lines",  # notr
}
WORDS_RANGE = (50, 20_000)
MAX_SPEAKERS = 8
PREPARE_BATCH_LINES = 40  # lines per request: answers stay short enough to come back whole
_CHARS_PER_TOKEN = 4  # a rough English average; the answer's usage says what was counted
_TOKENS_PER_WORD = 1.4

DRAFT_TEMPLATE = """You write scripts for spoken audio: {form_text}.
Speakers: {speakers}
Form: {form}
Length: about {words} words

Answer with script.md only: one turn per paragraph written as NAME: what they say, a blank line between
turns, and # Title for a chapter heading. Use only the speakers named above, in capitals as written.
Write for the ear: short sentences, numbers and abbreviations spelled out, no stage directions, no other
markdown. Keep to the facts in the source the user gives; do not invent quotes or figures."""  # notr: a prompt

PREPARE_TEMPLATE = """You prepare lines of a script for text-to-speech with MiniMax {speech_model}.
The user sends JSON {{"lines": [{{"id", "speaker", "text"}}]}}. Answer with JSON only:
{{"lines": [{{"id", "text", "emotion", "pause", "why"}}], "pronunciations": [{{"word", "say", "why"}}]}}
For each line: "text" is the line as it should be spoken (numbers, dates, units and abbreviations spelled
out; sentences over 30 words split); "emotion" is one of {emotions} or null; "pause" is seconds of silence
after the line (0-{max_pause}) or null; "why" lists each change in a few words. Keep the meaning and the
speaker's voice. Add a pronunciation entry for each name a reader could say wrongly ("say" respelled)."""  # notr

DRAFT_FIELDS = ("speakers", "form", "form_text", "words")
PREPARE_FIELDS = ("speech_model", "emotions", "max_pause")
_THINK = re.compile(r"^\s*<think>.*?</think>\s*", re.DOTALL)
_FENCE = re.compile(r"^\s*```[\w-]*\s*\n(.*?)\n\s*```\s*$", re.DOTALL)


class AssistantError(StudioError):
    """The request can't be made as asked, or the answer can't be used; the message says which and why."""


class DraftError(AssistantError):
    """A draft that stopped or can't be read as a script; `text` is what arrived (paid for: keep it)."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def read_text_source(path: Path) -> str:
    """Notes or an article from a text file (AssistantError saying why it can't be read)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AssistantError(translate(
            "ProductionAssistant", "{file} is not UTF-8 text: save it as text, or paste it").format(
            file=path.name)) from None
    except OSError as exc:
        raise AssistantError(translate("ProductionAssistant", "can't read {file}: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None


# -- prompt templates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Templates:
    """The system prompts, as the user sees and edits them ({fields} are filled in per request)."""

    draft: str = DRAFT_TEMPLATE
    prepare: str = PREPARE_TEMPLATE

    def problems(self) -> list[str]:
        found = []
        for name, text, fields in (("draft", self.draft, DRAFT_FIELDS), ("prepare", self.prepare, PREPARE_FIELDS)):
            template = (translate("ProductionAssistant", "the draft template") if name == "draft"
                        else translate("ProductionAssistant", "the prepare template"))
            try:
                used = {parsed[1] for parsed in string.Formatter().parse(text) if parsed[1] is not None}
            except ValueError as exc:
                found.append(translate(
                    "ProductionAssistant", "{template} has a stray brace ({problem}): write {{{{ and }}}} for braces"
                ).format(template=template, problem=exc))
                continue
            if unknown := sorted(used - set(fields)):
                found.append(translate(
                    "ProductionAssistant", "{template} uses {unknown}: its fields are {fields}").format(
                    template=template, unknown=", ".join("{" + u + "}" for u in unknown),
                    fields=", ".join("{" + f + "}" for f in fields)))
        return found


TEMPLATES_FILE = "assistant.json"


def load_templates(folder: Path) -> Templates:
    """The user's templates from `folder`/assistant.json; the defaults for what is missing or unreadable."""
    try:
        data = json.loads((folder / TEMPLATES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Templates()
    if not isinstance(data, dict):
        return Templates()
    kept = {key: value for key in ("draft", "prepare") if isinstance(value := data.get(key), str) and value.strip()}
    templates = Templates(**kept)
    return templates if not templates.problems() else Templates()


def save_templates(folder: Path, templates: Templates) -> None:
    if problems := templates.problems():
        raise AssistantError(problems[0])
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(folder / TEMPLATES_FILE,
                     json.dumps(dataclasses.asdict(templates), ensure_ascii=False, indent=2).encode("utf-8"))


# -- tokens ------------------------------------------------------------------------------------------------


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def estimate_tokens(text: str) -> int:
    """About how many tokens `text` is (before a request; the answer's usage is the count): a Chinese, Japanese
    or Korean character is a token or more, other text about four characters a token."""
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / _CHARS_PER_TOKEN)


@dataclass(frozen=True)
class TokenEstimate:
    prompt: int  # what is sent
    answer: int  # at most what may come back (the request's max_tokens)

    @property
    def total(self) -> int:
        return self.prompt + self.answer


def _check_context(model: str, estimate: TokenEstimate, what: str) -> None:
    context = TEXT_MODELS.get(model)
    if context is not None and estimate.total > context:
        roomy = next((name for name, room in TEXT_MODELS.items() if room >= estimate.total), None)  # newest first
        if roomy:
            message = translate("ProductionAssistant", "{what} is about {prompt:,} tokens and its answer up to "
                                "{answer:,}: {model} reads at most {context:,} tokens in all; shorten it or choose "
                                "{roomy}")
        else:
            message = translate("ProductionAssistant", "{what} is about {prompt:,} tokens and its answer up to "
                                "{answer:,}: {model} reads at most {context:,} tokens in all; shorten it")
        raise AssistantError(message.format(what=what, prompt=estimate.prompt, answer=estimate.answer, model=model,
                                            context=context, roomy=roomy))


# -- drafting --------------------------------------------------------------------------------------------


def speakers_from(value: str) -> tuple[str, ...]:
    """`2` → HOST, GUEST; `3` → HOST, GUEST 1, GUEST 2; `ANNA,Ben` → ANNA, BEN. AssistantError naming the rule."""
    value = value.strip()
    if value.isdigit():
        count = int(value)
        if count < 1:
            raise AssistantError(translate("ProductionAssistant", "a script needs at least one speaker (got 0)"))
        if count > MAX_SPEAKERS:
            raise AssistantError(translate("ProductionAssistant", "at most {most} speakers (got {count})").format(
                most=MAX_SPEAKERS, count=count))
        if count == 1:
            return ("NARRATOR",)
        return ("HOST", "GUEST") if count == 2 else ("HOST", *(f"GUEST {n}" for n in range(1, count)))
    names = tuple(dict.fromkeys(name.strip().upper() for name in value.split(",") if name.strip()))
    if not names:
        raise AssistantError(translate("ProductionAssistant", "name the speakers (HOST,GUEST) or give how many (2)"))
    if len(names) > MAX_SPEAKERS:
        raise AssistantError(translate("ProductionAssistant", "at most {most} speakers (got {count})").format(
            most=MAX_SPEAKERS, count=len(names)))
    for name in names:
        if not is_speaker_name(name):
            raise AssistantError(translate(
                "ProductionAssistant", "{name} can't be a speaker in script.md: capitals, digits and . ' - only, at "
                                       "most 40 characters (HOST, DR. LEE)").format(name=repr(name)))
    return names


@dataclass(frozen=True)
class DraftSpec:
    source: str  # notes, an article, a transcript
    speakers: tuple[str, ...] = ("HOST", "GUEST")
    form: Form = "conversation"
    words: int = 600  # the script's target length
    model: str = DEFAULT_TEXT_MODEL

    def problems(self, templates: Templates = Templates()) -> list[str]:
        found = list(templates.problems())
        if not self.source.strip():
            found.append(translate("ProductionAssistant",
                                   "the source is empty: paste notes or an article, or choose a text file"))
        if not self.speakers:
            found.append(translate("ProductionAssistant", "a script needs at least one speaker (got 0)"))
        if self.form not in FORMS:
            found.append(translate("ProductionAssistant", "the form is one of {forms} (got {form})").format(
                forms=", ".join(FORMS), form=repr(self.form)))
        if not WORDS_RANGE[0] <= self.words <= WORDS_RANGE[1]:
            found.append(translate(
                "ProductionAssistant", "the length is {low:,}–{high:,} words (got {words:,})").format(
                low=WORDS_RANGE[0], high=WORDS_RANGE[1], words=self.words))
        if not self.model.strip():
            found.append(translate("ProductionAssistant", "choose a text model"))
        most = max_output_tokens(self.model)
        if not found and most is not None and self._answer_tokens() > most:
            words = int((most - 256) / (_TOKENS_PER_WORD * 1.5))
            found.append(translate(
                "ProductionAssistant", "{model} writes at most {most:,} tokens in one answer: ask for at most "
                                       "{words:,} words").format(model=self.model, most=most, words=words))
        if not found:
            try:
                _check_context(self.model, self.estimate(templates), translate("ProductionAssistant", "the source"))
            except AssistantError as exc:
                found.append(exc.message)
        return found

    def system_prompt(self, templates: Templates = Templates()) -> str:
        return templates.draft.format(speakers=", ".join(self.speakers), form=self.form,
                                      form_text=FORM_TEXT[self.form], words=self.words)

    def request(self, templates: Templates = Templates()) -> ChatRequest:
        if problems := self.problems(templates):
            raise AssistantError(problems[0])
        return ChatRequest(model=self.model, max_tokens=self._answer_tokens(), messages=[
            ChatMessage(role="system", content=self.system_prompt(templates)),
            ChatMessage(role="user", content=self.source.strip())])

    def estimate(self, templates: Templates = Templates()) -> TokenEstimate:
        return TokenEstimate(estimate_tokens(self.system_prompt(templates)) + estimate_tokens(self.source),
                             self._answer_tokens())

    def _answer_tokens(self) -> int:
        return math.ceil(self.words * _TOKENS_PER_WORD * 1.5) + 256  # room past the target; the model stops itself


@dataclass(frozen=True)
class Draft:
    script_text: str  # script.md, as read back
    script: Script
    usage: ChatUsage
    warnings: tuple[str, ...] = ()  # speakers the model added, lines it wrote without one

    @property
    def characters(self) -> int:
        """What rendering the whole script would bill."""
        return self.script.characters()


def answer_text(text: str) -> str:
    """The answer without a reasoning block or a code fence around it."""
    text = _THINK.sub("", text)
    fenced = _FENCE.match(text)
    return (fenced[1] if fenced else text).strip()


def read_draft(text: str, spec: DraftSpec, usage: ChatUsage | None = None) -> Draft:
    """The model's answer as a script (AssistantError when it holds no speaker lines)."""
    body = answer_text(text)
    try:
        script = parse_script(body)
    except ScriptError as exc:
        raise AssistantError(translate(
            "ProductionAssistant", "the draft is not a script the studio can read ({problem}); edit it or draft again"
        ).format(problem=exc.message)) from None
    lines = script.lines()
    if not any(line.speaker in spec.speakers for _chapter, line in lines):
        raise AssistantError(translate("ProductionAssistant",
                                       "the draft has no lines for the speakers asked for: edit it or draft again"))
    warnings = []
    if extra := [s for s in script.speakers() if s not in spec.speakers and s != "NARRATOR"]:
        warnings.append(translate("ProductionAssistant", "the draft adds speakers not asked for: {speakers}").format(
            speakers=", ".join(extra)))
    if "NARRATOR" in script.speakers() and "NARRATOR" not in spec.speakers:
        warnings.append(translate("ProductionAssistant", "some paragraphs have no speaker: they are the narrator's"))
    return Draft(format_script(script), script, usage or ChatUsage(), tuple(warnings))


async def draft_script(client: MiniMaxClient, spec: DraftSpec, templates: Templates = Templates(), *,
                       on_text: Callable[[str], None] | None = None) -> Draft:
    """Stream a draft; `on_text(delta)` as the words arrive (for the preview)."""
    request = spec.request(templates)
    stream = client.chat_stream(request)
    try:
        async with stream:
            async for delta in stream:
                if on_text is not None:
                    on_text(delta)
    except MiniMaxError as exc:
        if stream.content.strip():
            raise DraftError(translate("ProductionAssistant", "the draft stopped part-way: {problem}").format(
                problem=exc), stream.content) from exc
        raise
    result = stream.result
    try:
        draft = read_draft(result.content, spec, result.usage)
    except AssistantError as exc:
        raise DraftError(exc.message, result.content) from None
    if result.finish_reason == "length":
        draft = dataclasses.replace(draft, warnings=(*draft.warnings, f"the answer reached its limit of "
                                                     f"{request.max_tokens:,} tokens: the end may be cut"))
    return draft


# -- preparing for speech ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A change to one line, shown as a diff; applied only by `accept`."""

    number: int  # the line's number (1 = the first line of the production)
    before: ScriptLine
    after: ScriptLine
    why: tuple[str, ...] = ()

    def rows(self) -> tuple[str, str]:
        return _row(self.before), _row(self.after)


@dataclass(frozen=True)
class Pronunciation:
    word: str
    say: str
    why: str = ""

    @property
    def entry(self) -> str:
        """As the cast's pronunciation list holds it (MiniMax's `word/replacement`)."""
        return f"{self.word}/{self.say}"


@dataclass(frozen=True)
class Preparation:
    suggestions: tuple[Suggestion, ...] = ()
    pronunciations: tuple[Pronunciation, ...] = ()
    usage: ChatUsage = field(default_factory=ChatUsage)
    dropped: tuple[str, ...] = ()  # what the answer suggested that the speech model can't take, and why


def _row(line: ScriptLine) -> str:
    directives = line.directives.as_text()
    return f"{line.speaker}{f' [{directives}]' if directives else ''}: {line.text}"


def speech_model_of(production: Production) -> str:
    return production.cast.defaults.model or T2ASettings().model


def prepare_requests(lines: Sequence[tuple[int, ScriptLine]], speech_model: str, model: str = DEFAULT_TEXT_MODEL,
                     templates: Templates = Templates()) -> list[ChatRequest]:
    """One request per `PREPARE_BATCH_LINES` lines: (line number, line) in, ChatRequests out."""
    if not lines:
        raise AssistantError(translate("ProductionAssistant", "choose the lines to prepare (none are selected)"))
    if problems := templates.problems():
        raise AssistantError(problems[0])
    emotions = MODEL_EMOTIONS.get(speech_model, ())
    system = templates.prepare.format(speech_model=speech_model, emotions=", ".join(emotions) or "none",
                                      max_pause=f"{MAX_PAUSE_S:g}")
    requests = []
    for start in range(0, len(lines), PREPARE_BATCH_LINES):
        part = lines[start:start + PREPARE_BATCH_LINES]
        user = json.dumps({"lines": [{"id": number, "speaker": line.speaker, "text": line.text}
                                     for number, line in part]}, ensure_ascii=False)
        sent = estimate_tokens(system) + estimate_tokens(user)
        # the answer repeats each line spelled out (longer), with reasons, and a reasoning model thinks first
        answer = 4 * estimate_tokens(user) + 160 * len(part) + 2048
        if (most := max_output_tokens(model)) is not None:
            answer = min(answer, most)
        _check_context(model, TokenEstimate(sent, answer), translate("ProductionAssistant", "the lines"))
        requests.append(ChatRequest(model=model, max_tokens=answer, messages=[
            ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]))
    return requests


def estimate_prepare(requests: Sequence[ChatRequest]) -> TokenEstimate:
    return TokenEstimate(sum(estimate_tokens(m.content) for r in requests for m in r.messages),
                         sum(r.max_tokens or 0 for r in requests))


def read_preparation(answer: str, lines: Sequence[tuple[int, ScriptLine]], speech_model: str,
                     usage: ChatUsage | None = None) -> Preparation:
    """The model's JSON answer as suggestions for `lines`; what can't be used is listed in `dropped`."""
    body = answer_text(answer)
    try:  # the first JSON object in the answer, whatever the model wrote around it
        data = json.JSONDecoder().raw_decode(body[body.find("{"):])[0] if "{" in body else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise AssistantError(translate("ProductionAssistant", "the answer is not the JSON the prepare template asks "
                                                              "for: try again, or check the template"))
    by_number = dict(lines)
    emotions = MODEL_EMOTIONS.get(speech_model, ())
    suggestions, dropped = [], []
    for item in data["lines"]:
        number = _line_id(item.get("id")) if isinstance(item, dict) else None
        if number not in by_number:
            continue
        before = by_number[number]
        given = item.get("text")
        text = " ".join(given.split()) if isinstance(given, str) and given.strip() else before.text
        emotion, pause = before.directives.emotion, before.directives.pause_after_s
        if isinstance(item.get("emotion"), str) and item["emotion"] != emotion:
            if item["emotion"] in emotions:
                emotion = item["emotion"]
            else:
                dropped.append(translate("ProductionAssistant", "line {number}: {model} has no emotion {emotion}")
                               .format(number=number, model=speech_model, emotion=repr(item["emotion"])))
        if isinstance(item.get("pause"), int | float) and not isinstance(item.get("pause"), bool):
            if 0 <= item["pause"] <= MAX_PAUSE_S:
                pause = float(item["pause"])
            else:
                dropped.append(translate("ProductionAssistant", "line {number}: a pause of {pause} s is outside "
                                                                "0–{most:g} s").format(
                    number=number, pause=item["pause"], most=MAX_PAUSE_S))
        after = dataclasses.replace(before, text=text, directives=dataclasses.replace(
            before.directives, emotion=emotion, pause_after_s=pause))
        if after != before:
            why = tuple(str(w) for w in item.get("why", ()) if isinstance(w, str | int | float)) \
                if isinstance(item.get("why"), list) else ()
            suggestions.append(Suggestion(number, before, after, why))
    pronunciations = tuple(
        Pronunciation(str(p["word"]).strip(), str(p["say"]).strip(), str(p.get("why") or ""))
        for p in data.get("pronunciations") or () if isinstance(p, dict) and str(p.get("word", "")).strip()
        and str(p.get("say", "")).strip() and "/" not in str(p["word"]))
    return Preparation(tuple(suggestions), pronunciations, usage or ChatUsage(), tuple(dropped))


BATCH_FROM_REQUESTS = 5  # from this many requests (200 lines) on, the Batch API: half the price, within a day
PENDING_BATCH_FILE = "prepare-batch.json"


def _line_id(value: object) -> int | None:
    """A line's id as the answer gives it: 3 or "3"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.strip().isdigit() else None


def _read_part(text: str, finish_reason: str | None, part: Sequence[tuple[int, ScriptLine]], speech_model: str,
               usage: ChatUsage) -> Preparation:
    """One request's answer; one that can't be used becomes a note in `dropped` (the others still count)."""
    if len(part) > 1:
        span = translate("ProductionAssistant", "lines {first}–{last}").format(first=part[0][0], last=part[-1][0])
    else:
        span = translate("ProductionAssistant", "line {number}").format(number=part[0][0])
    try:
        return read_preparation(text, part, speech_model, usage)
    except AssistantError as exc:
        why = (translate("ProductionAssistant", "the answer reached its token limit and was cut")
               if finish_reason == "length" else exc.message)
        return Preparation(usage=usage, dropped=(translate("ProductionAssistant", "{span}: {why}; prepare them again")
                                                 .format(span=span, why=why),))


async def prepare_lines(client: MiniMaxClient, lines: Sequence[tuple[int, ScriptLine]], speech_model: str, *,
                        model: str = DEFAULT_TEXT_MODEL, templates: Templates = Templates(),
                        on_progress: Callable[[int, int], None] | None = None, use_batch: bool | None = None,
                        keep_in: Path | None = None, poll_s: float = 10.0) -> Preparation:
    """Ask for suggestions, `PREPARE_BATCH_LINES` lines per request: one after another, or (`use_batch`, by
    default from `BATCH_FROM_REQUESTS` requests on) as one batch. `on_progress(done, total)` as requests are
    answered. With `keep_in` (the production's folder) the answer is kept there (`save_preparation`), and a
    batch's id too as soon as it is made, so a batch a crash or a cancel left running is collected next time
    rather than paid for again."""
    requests = prepare_requests(lines, speech_model, model, templates)
    parts = [lines[n * PREPARE_BATCH_LINES:(n + 1) * PREPARE_BATCH_LINES] for n in range(len(requests))]
    if use_batch if use_batch is not None else len(requests) >= BATCH_FROM_REQUESTS:
        merged = await _prepare_by_batch(client, requests, parts, speech_model, on_progress, keep_in, poll_s)
        if keep_in is not None:
            save_preparation(keep_in, merged)
            (keep_in / PENDING_BATCH_FILE).unlink(missing_ok=True)
        return merged
    merged = Preparation()
    for index, (request, part) in enumerate(zip(requests, parts, strict=True)):
        result = await client.chat(request)
        got = _read_part(result.content, result.finish_reason, part, speech_model, result.usage)
        if keep_in is not None:
            save_preparation(keep_in, got)  # each part as it comes: a later failure keeps the earlier ones
        merged = _merge(merged, got)
        if on_progress is not None:
            on_progress(index + 1, len(requests))
    return merged


def _requests_signature(requests: Sequence[ChatRequest]) -> str:
    return hashlib.sha256(json.dumps([r.payload() for r in requests], sort_keys=True).encode()).hexdigest()


def _read_pending(path: Path | None, signature: str, host: str) -> dict[str, str]:
    """The pending batch of these requests on this host ({"file", "batch"}), or {} (none, another's, unreadable)."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("requests") != signature or kept.get("host") != host:
        return {}
    return {key: str(kept[key]) for key in ("file", "batch") if kept.get(key)}


async def _prepare_by_batch(client: MiniMaxClient, requests: Sequence[ChatRequest],
                            parts: Sequence[Sequence[tuple[int, ScriptLine]]], speech_model: str,
                            on_progress: Callable[[int, int], None] | None, keep_in: Path | None,
                            poll_s: float) -> Preparation:
    """The requests as one batch. What is known of it is written before each step that pays (the uploaded
    file before the batch is made, the batch's id once it exists), so a crash or a cancel at any point is
    followed by collecting that batch — found by its input file if its id never arrived — not by a new one."""
    signature, host = _requests_signature(requests), client.base_url
    pending = keep_in / PENDING_BATCH_FILE if keep_in is not None else None
    known = _read_pending(pending, signature, host)

    def remember() -> None:
        if pending is not None:
            write_atomically(pending, json.dumps({**known, "requests": signature, "host": host}).encode("utf-8"))

    batch = None
    if "batch" in known:
        try:
            batch = await client.retrieve_batch(known["batch"])
        except APIError as exc:  # not this account's (a demo's, another key's): start again
            log.warning("the kept batch %s can't be read (%s): starting a new one", known["batch"], exc)
            known = {}
    elif "file" in known:  # made, perhaps, but its answer never arrived
        batch = next((b for b in await client.list_batches(limit=100) if str(b.input_file_id) == known["file"]),
                     None)
    if batch is None:
        if "file" not in known:
            data = batch_jsonl((f"part-{n}", request) for n, request in enumerate(requests))
            known["file"] = str((await client.upload_file(data, "batch", "prepare.jsonl")).file_id)
            remember()
        batch = await client.create_batch(known["file"])
        known["batch"] = batch.id
        remember()
    wait = min(0.25, poll_s)
    while not batch.done:
        if on_progress is not None:
            counts = batch.request_counts
            on_progress(counts.completed + counts.failed, counts.total or len(requests))
        await asyncio.sleep(wait)
        wait = min(wait * 1.5, poll_s)  # quick for a small batch, then every `poll_s` for one that takes hours
        batch = await client.retrieve_batch(batch.id)
    status = batch.status.strip().lower()
    if status == "failed" or (batch.output_file_id is None and batch.error_file_id is None):
        if pending is not None:
            pending.unlink(missing_ok=True)
        raise AssistantError(translate("ProductionAssistant", "the batch {batch} ended {status} with nothing answered: "
                                                              "ask again").format(batch=batch.id, status=status))
    merged, answered = Preparation(), set()
    for line in await client.batch_results(batch):  # a cancelled or expired batch keeps what it answered
        number = line.custom_id.removeprefix("part-")
        index = int(number) if number.isdigit() else -1
        if not 0 <= index < len(parts) or index in answered:
            continue
        answered.add(index)
        part = parts[index]
        if line.result is None:
            merged = _merge(merged, Preparation(dropped=(translate(
                "ProductionAssistant", "lines {first}–{last}: the batch could not answer them ({problem}); prepare "
                                       "them again").format(first=part[0][0], last=part[-1][0], problem=line.error),)))
            continue
        merged = _merge(merged, _read_part(line.result.content, line.result.finish_reason, part, speech_model,
                                           line.result.usage))
    if missing := [n for n in range(len(parts)) if n not in answered]:
        merged = _merge(merged, Preparation(dropped=tuple(
            translate("ProductionAssistant", "lines {first}–{last}: the batch ended {status} before answering them; "
                                             "prepare them again").format(
                first=parts[n][0][0], last=parts[n][-1][0], status=status) for n in missing)))
    if on_progress is not None:
        on_progress(len(requests), len(requests))
    return merged


def _merge(first: Preparation, second: Preparation) -> Preparation:
    words = {p.word for p in first.pronunciations}
    usage = ChatUsage(prompt_tokens=first.usage.prompt_tokens + second.usage.prompt_tokens,
                      completion_tokens=first.usage.completion_tokens + second.usage.completion_tokens,
                      total_tokens=first.usage.total_tokens + second.usage.total_tokens)
    return Preparation(first.suggestions + second.suggestions,
                       first.pronunciations + tuple(p for p in second.pronunciations if p.word not in words),
                       usage, first.dropped + second.dropped)


def _placed(lines: list[ScriptLine], suggestion: Suggestion) -> int | None:
    """Where the suggestion's line is now (0-based reading order): at its number, or — lines were added or
    removed above it — the one place nearby that holds exactly its text. None when it was edited."""
    def same(line: ScriptLine) -> bool:  # its paragraph's number moves with what is added above it
        return dataclasses.replace(line, paragraph=0) == dataclasses.replace(suggestion.before, paragraph=0)

    index = suggestion.number - 1
    if 0 <= index < len(lines) and same(lines[index]):
        return index
    near = [n for n in range(max(0, index - 50), min(len(lines), index + 51)) if same(lines[n])]
    return near[0] if len(near) == 1 else None


def stale(production: Production, suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """The suggestions whose line was edited since (they are skipped by `accept`)."""
    lines = [line for _chapter, line in production.script.lines()]
    return [s for s in suggestions if _placed(lines, s) is None]


def accept(production: Production, suggestions: Sequence[Suggestion]) -> LineChanges | None:
    """Write the accepted suggestions into script.md in one save (None when none still applies: see `stale`),
    and take them out of the kept ones."""
    script = production.script
    lines = [line for _chapter, line in script.lines()]
    applied = []
    for suggestion in suggestions:
        index = _placed(lines, suggestion)
        if index is not None:
            lines[index] = dataclasses.replace(suggestion.after, paragraph=lines[index].paragraph)
            applied.append(suggestion)
    if not applied:
        return None
    chapters, position = [], 0
    for chapter in script.chapters:
        count = len(chapter.lines)
        chapters.append(Chapter(chapter.title, tuple(lines[position:position + count])))
        position += count
    edited = Script(tuple(chapters))
    try:
        if parse_script(format_script(edited)).lines() != edited.lines():
            raise AssistantError(translate(
                "ProductionAssistant", "an accepted line would read back from script.md as other lines (it looks "
                                       "like a heading or a SPEAKER: line): edit it by hand"))
    except ScriptError as exc:
        raise AssistantError(translate("ProductionAssistant", "an accepted line can't be written to script.md: {rule}")
                             .format(rule=exc.rule)) from None
    changes = production.save_script(edited, reads_back=True)
    _forget(production.path, applied)
    return changes


def accept_pronunciations(production: Production, pronunciations: Sequence[Pronunciation]) -> None:
    """Add the entries to the cast's defaults (a word already there keeps its entry)."""
    cast = production.cast
    have = {entry.split("/", 1)[0] for entry in cast.defaults.pronunciations}
    added = [p.entry for p in pronunciations if p.word not in have]
    if added:
        tones = [*cast.defaults.pronunciations, *added]
        PronunciationDict(tone=tones)  # MiniMax's rule for each entry: InputError naming it
        defaults = cast.defaults.model_copy(update={"pronunciations": tones})
        production.save_cast(cast.model_copy(update={"defaults": defaults}))


# -- kept between `prepare` and `accept` -----------------------------------------------------------------

PREPARED_FILE = "prepared.json"


def _line_json(line: ScriptLine) -> dict[str, object]:
    return {"speaker": line.speaker, "text": line.text, "emotion": line.directives.emotion,
            "speed": line.directives.speed, "pause": line.directives.pause_after_s,
            "at": list(line.directives.target) if line.directives.target else None, "paragraph": line.paragraph}


def _line_from(data: dict[str, object]) -> ScriptLine:
    at = data.get("at")
    target = (float(at[0]), float(at[1])) if isinstance(at, list) and len(at) == 2 else None
    speed, pause = data.get("speed"), data.get("pause")
    directives = Directives(str(data["emotion"]) if data.get("emotion") else None,
                            float(speed) if isinstance(speed, int | float) else None,
                            float(pause) if isinstance(pause, int | float) else None, target)
    paragraph = data.get("paragraph")
    return ScriptLine(str(data["speaker"]), str(data["text"]), directives,
                      paragraph if isinstance(paragraph, int) else 0)


def save_preparation(folder: Path, preparation: Preparation) -> Path:
    """Keep the suggestions (tokens were paid for them) until they are accepted: added to those kept, a new
    one for a line replacing the old one for it."""
    kept = load_preparation(folder) or Preparation()
    lines = {s.before for s in preparation.suggestions}
    words = {p.word for p in preparation.pronunciations}
    preparation = Preparation(
        tuple(s for s in kept.suggestions if s.before not in lines) + preparation.suggestions,
        tuple(p for p in kept.pronunciations if p.word not in words) + preparation.pronunciations,
        _merge(kept, preparation).usage, preparation.dropped)
    return _write_preparation(folder, preparation)


def _forget(folder: Path, applied: Sequence[Suggestion]) -> None:
    kept = load_preparation(folder)
    if kept is not None:
        _write_preparation(folder, dataclasses.replace(
            kept, suggestions=tuple(s for s in kept.suggestions if s not in applied)))


def _write_preparation(folder: Path, preparation: Preparation) -> Path:
    data = {"suggestions": [{"number": s.number, "before": _line_json(s.before), "after": _line_json(s.after),
                             "why": list(s.why)} for s in preparation.suggestions],
            "pronunciations": [dataclasses.asdict(p) for p in preparation.pronunciations],
            "usage": preparation.usage.model_dump(), "dropped": list(preparation.dropped)}
    path = folder / PREPARED_FILE
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return path


def load_preparation(folder: Path) -> Preparation | None:
    """The suggestions kept by the last `prepare`, or None (none kept, or the file is unreadable)."""
    try:
        data = json.loads((folder / PREPARED_FILE).read_text(encoding="utf-8"))
        suggestions = tuple(Suggestion(int(s["number"]), _line_from(s["before"]), _line_from(s["after"]),
                                       tuple(str(w) for w in s.get("why", ()))) for s in data["suggestions"])
        pronunciations = tuple(Pronunciation(str(p["word"]), str(p["say"]), str(p.get("why", "")))
                               for p in data.get("pronunciations", ()))
        usage = ChatUsage.model_validate(data.get("usage") or {})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Preparation(suggestions, pronunciations, usage, tuple(str(d) for d in data.get("dropped", ())))
