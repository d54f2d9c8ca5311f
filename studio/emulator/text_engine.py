"""The emulator's deterministic stand-in for MiniMax's text models: honest, simple work on the input.

`reply(messages)` answers a conversation given as (role, content) pairs. It understands the two jobs the
studio's script assistant asks for, read from the request as a model would read it:

- Drafting: a system message naming `Speakers: A, B` (and optionally `Form:` and `Length: about N words`);
  the user's message is the source. The answer is a script.md: the source's sentences in order, handed
  between the speakers, with connecting lines from a small list where the speaker changes, cut near the length.
- Preparing for speech: a user message holding JSON `{"lines": [{"id", "speaker", "text"}]}`. The answer is
  JSON `{"lines": [{"id", "text", "emotion", "pause", "why"}], "pronunciations": [{"word", "say", "why"}]}`
  with numbers, units, dates and abbreviations spelled out, sentences over 30 words split, an emotion from
  a word list, and a pronunciation entry for each capitalised word with a consonant cluster English rarely has.

Anything else gets a short reply that says what it is.

Tools (`call_tools(messages, tools)`): when the request offers functions and the last message is the user's,
the engine calls each offered function whose name the message mentions (`spell_out`, or "spell out"), in the
order mentioned, with arguments read from the message by the function's JSON Schema: string properties take
the message's quoted phrases in order (the first one left without a phrase takes the whole message),
numbers the message's numbers outside quotes in order, an enum the first of its values the message names, a boolean
whether the message names the property; other required properties get an empty value. A function that is
not mentioned is not called; after a `tool` message the engine answers in words with what the tool said.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

_SPEAKERS = re.compile(r"^\s*Speakers:\s*(.+)$", re.MULTILINE | re.IGNORECASE)
_FORM = re.compile(r"^\s*Form:\s*(\w+)", re.MULTILINE | re.IGNORECASE)
_LENGTH = re.compile(r"^\s*Length:\s*about\s+(\d+)\s+words", re.MULTILINE | re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
_HEADING = re.compile(r"^\s*#+\s*(.+?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")

_HANDOVERS = ("That's a good point.", "Tell me more.", "Go on.", "Interesting.", "Right.", "I see.")
_QUESTIONS = ("What happened next?", "Why does that matter?", "How did that come about?",
              "What should listeners take from that?")


def reply(messages: Sequence[tuple[str, str]]) -> str:
    if messages and messages[-1][0] == "tool":
        return f"The tool answered: {messages[-1][1].strip()}"
    system = "\n".join(content for role, content in messages if role == "system")
    user = next((content for role, content in reversed(messages) if role == "user"), "")
    lines = _prepare_request(user)
    if lines is not None:
        return prepare(lines)
    speakers = _SPEAKERS.search(system)
    if speakers:
        names = [name.strip() for name in speakers[1].split(",") if name.strip()]
        form = _FORM.search(system)
        length = _LENGTH.search(system)
        return draft(user, names or ["HOST"], form[1].lower() if form else "conversation",
                     int(length[1]) if length else 300)
    words = len(user.split())
    return f"(The emulator's text engine drafts scripts and prepares lines for speech; this message of {words} " \
           "words asked for neither.)"


# -- drafting --------------------------------------------------------------------------------------------


def draft(source: str, speakers: list[str], form: str, words: int) -> str:
    title, sentences = _sentences(source)
    out = [f"# {title}", ""] if title else []
    said = 0
    turn = 0
    for index, sentence in enumerate(sentences):
        if said >= words:
            break
        speaker = speakers[turn % len(speakers)]
        if form == "narration" or len(speakers) == 1:
            speaker = speakers[0]
        elif form == "interview" and turn % len(speakers) == 0 and index:
            out.append(f"{speaker}: {_QUESTIONS[index % len(_QUESTIONS)]}")
            out.append("")
            turn += 1
            speaker = speakers[turn % len(speakers)]
        elif index and turn % len(speakers) != 0:
            sentence = f"{_HANDOVERS[index % len(_HANDOVERS)]} {sentence}"
        out.append(f"{speaker}: {sentence}")
        out.append("")
        said += len(sentence.split())
        turn += 1
    return "\n".join(out).strip() + "\n"


def _sentences(source: str) -> tuple[str, list[str]]:
    title = ""
    prose = []
    for raw in source.splitlines():
        heading = _HEADING.match(raw)
        if heading:
            title = title or heading[1]
            continue
        text = _BULLET.sub("", raw).strip()
        if text:
            prose.append(text if text[-1] in ".!?" else f"{text}.")
    joined = " ".join(prose)
    return title, [s.strip() for s in _SENTENCE.findall(joined) if s.strip(" .")]


# -- preparing for speech -----------------------------------------------------------------------------------


def _prepare_request(user: str) -> list[dict[str, object]] | None:
    start = user.find("{")
    if start < 0:
        return None
    try:
        data = json.loads(user[start:])
    except ValueError:
        return None
    lines = data.get("lines") if isinstance(data, dict) else None
    return lines if isinstance(lines, list) else None


_UNITS = {"km": "kilometres", "m": "metres", "cm": "centimetres", "mm": "millimetres", "kg": "kilograms",
          "g": "grams", "mi": "miles", "ft": "feet", "h": "hours", "min": "minutes", "s": "seconds",
          "%": "percent", "°C": "degrees Celsius", "°F": "degrees Fahrenheit"}
_ABBREVIATIONS = {"Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Prof.": "Professor", "e.g.": "for example",
                  "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "approx.": "approximately"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_EMOTIONS = {"happy": ("wonderful", "great", "delighted", "love", "amazing", "glad"),
             "sad": ("sorry", "sadly", "lost", "grief", "miss"),
             "surprised": ("unbelievable", "suddenly", "wow", "astonishing"),
             "angry": ("furious", "outrageous", "angry")}
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
_MEASURE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(km|cm|mm|kg|mi|ft|min|°C|°F|%|m|g|h|s)(?=\W|$)")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")
# A capitalised word starting with a cluster English words do not start with, or with a run of four
# consonants or Polish/Hungarian digraphs inside: Nguyen, Tlaloc, Szymborska, Przybylski.
_UNUSUAL = re.compile(r"\b(?:(?:Ng|Sz|Cz|Zh|Tz|Dz|Mb|Nd|Pf|Tl|Xh|Sr)[a-z]+|[A-Z][a-z]*(?:[bcdfghjklmnpqrstvwxz]{4}"
                      r"|szcz|cz|sz|rz)[a-z]*)\b")


def prepare(lines: list[dict[str, object]]) -> str:
    answered = []
    pronunciations: dict[str, dict[str, str]] = {}
    for line in lines:
        text = str(line.get("text", ""))
        why: list[str] = []
        new = _spell_out(text, why)
        new = _split_long(new, why)
        emotion = _emotion(new)
        if emotion:
            why.append(f"reads as {emotion}")
        for word in _UNUSUAL.findall(text):
            pronunciations.setdefault(word, {"word": word, "say": _respell(word),
                                             "why": f"{word} is an unusual name"})
        answered.append({"id": line.get("id"), "text": new, "emotion": emotion,
                         "pause": 0.5 if new.rstrip().endswith("?") else None, "why": why})
    return json.dumps({"lines": answered, "pronunciations": list(pronunciations.values())}, ensure_ascii=False)


def _spell_out(text: str, why: list[str]) -> str:
    def date(match: re.Match[str]) -> str:
        month, day = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return match[0]
        spoken = f"{_MONTHS[month - 1]} {_ordinal(day)}"
        why.append(f"{match[0]} → {spoken}")
        return spoken

    def measure(match: re.Match[str]) -> str:
        unit = _UNITS[match[2]]
        number = _number_words(match[1])
        if number == "one" and unit.endswith("s") and unit != "percent":
            unit = unit[:-1]
        spoken = f"{number} {unit}"
        why.append(f"{match[0]} → {spoken}")
        return spoken

    def number(match: re.Match[str]) -> str:
        spoken = _number_words(match[0].replace(",", ""))
        why.append(f"{match[0]} → {spoken}")
        return spoken

    text = _DATE.sub(date, text)
    text = _MEASURE.sub(measure, text)
    text = _NUMBER.sub(number, text)
    for short, long in _ABBREVIATIONS.items():
        if short in text:
            text = text.replace(short, long)
            why.append(f"{short} → {long}")
    return text


def _split_long(text: str, why: list[str]) -> str:
    out = []
    for sentence in _SENTENCE.findall(text):
        words = sentence.split()
        if len(words) > 30 and ", " in sentence:
            cut = sentence.find(", ", len(sentence) // 3)
            if cut > 0:
                rest = sentence[cut + 2:].strip()
                sentence = f"{sentence[:cut]}. {rest[:1].upper()}{rest[1:]}"
                why.append("a sentence over 30 words split in two")
        out.append(sentence.strip())
    return " ".join(part for part in out if part)


def _emotion(text: str) -> str | None:
    words = set(re.findall(r"[a-z]+", text.lower()))
    for emotion, cues in _EMOTIONS.items():
        if words & set(cues):
            return emotion
    return None


def _respell(word: str) -> str:
    """Syllables at the vowels, hyphenated: how a reader sounds out a name it does not know."""
    return "-".join(re.findall(r"[^aeiou]*[aeiou]+(?:[^aeiou]+$)?", word.lower())) or word.lower()


def _number_words(raw: str) -> str:
    whole, _dot, fraction = raw.partition(".")
    words = _integer_words(int(whole))
    if fraction:
        words += " point " + " ".join(_ONES[int(d)] for d in fraction)
    return words


def _integer_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else f"-{_ONES[n % 10]}")
    if n < 1000:
        rest = n % 100
        return f"{_ONES[n // 100]} hundred" + (f" and {_integer_words(rest)}" if rest else "")
    if 1900 <= n < 2000 and n % 100:  # read in pairs, as years are: nineteen eighty-four
        return f"{_integer_words(n // 100)} {_integer_words(n % 100)}"
    if n < 1_000_000:
        rest = n % 1000
        joiner = " and " if 0 < rest < 100 else " "
        return f"{_integer_words(n // 1000)} thousand" + (f"{joiner}{_integer_words(rest)}" if rest else "")
    return str(n)


def _ordinal(n: int) -> str:
    words = _integer_words(n)
    head, _sep, last = words.rpartition("-")
    if last in _ORDINALS:
        last = _ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


# -- tools ------------------------------------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|\'([^\']+)\'')
_NUMBER_IN_TEXT = re.compile(r"-?\d+(?:\.\d+)?")


def call_tools(messages: Sequence[tuple[str, str]], tools: Sequence[tuple[str, dict[str, object]]]
               ) -> list[tuple[str, dict[str, object]]]:
    """The calls (function name, arguments) the engine makes for the last user message; empty: it answers in
    words. `tools` are (name, parameters JSON Schema) as offered."""
    if not tools or not messages or messages[-1][0] != "user":
        return []
    user = messages[-1][1]
    lowered = user.lower()
    mentioned: list[tuple[int, str, dict[str, object]]] = []
    for name, parameters in tools:
        spoken = name.replace("_", " ").lower()
        found = [at for at in (_word_at(lowered, name.lower()), _word_at(lowered, spoken)) if at >= 0]
        if found:
            mentioned.append((min(found), name, parameters))
    return [(name, _arguments(user, parameters)) for _at, name, parameters in sorted(mentioned, key=lambda m: m[0])]


def _word_at(text: str, word: str) -> int:
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    return match.start() if match else -1


def _arguments(user: str, parameters: dict[str, object]) -> dict[str, object]:
    properties = parameters.get("properties")
    if not isinstance(properties, dict):
        return {}
    required = parameters.get("required")
    needed = set(required) if isinstance(required, list) else set()
    quoted = [next(group for group in match.groups() if group) for match in _QUOTED.finditer(user)]
    numbers = _NUMBER_IN_TEXT.findall(_QUOTED.sub(" ", user))  # a number inside a quoted phrase is the phrase's
    whole_taken = False
    out: dict[str, object] = {}
    for name, schema in properties.items():
        kind = schema.get("type") if isinstance(schema, dict) else None
        values = schema.get("enum") if isinstance(schema, dict) else None
        if isinstance(values, list) and values:
            named = [v for v in values if isinstance(v, str) and _word_at(user.lower(), v.lower()) >= 0]
            if named or name in needed:
                out[name] = named[0] if named else values[0]
        elif kind == "string":
            if quoted:
                out[name] = quoted.pop(0)
            elif not whole_taken:
                out[name], whole_taken = user.strip(), True
            elif name in needed:
                out[name] = ""
        elif kind in ("integer", "number"):
            if numbers:
                value = float(numbers.pop(0))
                out[name] = int(value) if kind == "integer" else value
            elif name in needed:
                out[name] = 0
        elif kind == "boolean":
            if _word_at(user.lower(), str(name).replace("_", " ").lower()) >= 0 or name in needed:
                out[name] = _word_at(user.lower(), str(name).replace("_", " ").lower()) >= 0
        elif name in needed:
            out[name] = [] if kind == "array" else {} if kind == "object" else None
    return out
