"""`studio production draft` and `studio production prepare`: the script assistant on the command line.

`draft NOTES` streams a script from notes for named speakers (to stdout, or into -o FILE, never over a file
that is there). `prepare` asks for suggestions on the selected lines, prints them as diffs and keeps them in
the production (prepared.json); nothing in script.md changes until `prepare --accept all|N,N` applies the
kept suggestions, which sends nothing. Tokens are estimated before a request and counted after; with
`--max-tokens N` a command whose estimate is over N sends nothing (exit 2), as render's `--max-chars` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.cli.common import CommandParser

if TYPE_CHECKING:
    from studio.api.models import ChatUsage
    from studio.services.connection import Connection
    from studio.services.production.assistant import Preparation, Suggestion, Templates, TokenEstimate
    from studio.services.production.store import Production

DEMO_TEXT = "demo: the emulator's text engine wrote this (simple rules, not a MiniMax model)"


def add_assistant_parsers(actions: argparse._SubParsersAction[CommandParser], where: CommandParser,
                          common: CommandParser, selection: CommandParser) -> None:
    from studio.api.models.text import DEFAULT_TEXT_MODEL
    from studio.services.production.assistant import FORMS

    draft = actions.add_parser("draft", parents=[common], help="draft a script for named speakers from notes, an "
                               "article or a text file, with a MiniMax text model (streams; nothing is rendered)")
    draft.add_argument("notes", metavar="NOTES", help="a text or Markdown file, or - for standard input")
    draft.add_argument("--speakers", default="2", metavar="N|NAME,NAME",
                       help="how many (2: HOST, GUEST) or their names (ANNA,BEN); default 2")
    draft.add_argument("--form", choices=FORMS, default="conversation")
    draft.add_argument("--words", type=int, default=600, help="about how long the script is (default 600 words)")
    draft.add_argument("--model", default=DEFAULT_TEXT_MODEL, help=f"the text model (default {DEFAULT_TEXT_MODEL})")
    draft.add_argument("-o", "--output", metavar="FILE", help="write the script here (a new file); default: stdout")
    draft.add_argument("--template", metavar="FILE", help="the system prompt to send, with {speakers}, {form}, "
                       "{form_text} and {words} filled in (default: yours from the studio, else the built-in; "
                       "--show-template prints it)")
    draft.add_argument("--show-template", action="store_true", help="print the prompt template and exit")
    draft.add_argument("--max-tokens", type=_positive, metavar="N", help=MAX_TOKENS_HELP)
    prepare = actions.add_parser("prepare", parents=[selection], help="suggest how to make lines read well aloud "
                                 "(numbers, dates, abbreviations, long sentences, emotions, pronunciations) as "
                                 "diffs; --accept applies them")
    prepare.add_argument("--model", default=DEFAULT_TEXT_MODEL, help=f"the text model (default {DEFAULT_TEXT_MODEL})")
    prepare.add_argument("--accept", metavar="all|N,N",
                         help="apply the suggestions the last prepare kept (all, or these line numbers); sends "
                              "nothing")
    prepare.add_argument("--template", metavar="FILE", help="the system prompt to send, with {speech_model}, "
                         "{emotions} and {max_pause} filled in (--show-template prints the one in use)")
    prepare.add_argument("--show-template", action="store_true", help="print the prompt template and exit")
    prepare.add_argument("--batch", choices=["auto", "always", "never"], default="auto",
                         help="the Batch API (half price, answered within 24 h): from 200 lines on (auto, the "
                              "default), always or never")
    prepare.add_argument("--pronunciations", action="store_true",
                         help="with --accept: also add the suggested pronunciations to the cast's defaults")
    prepare.add_argument("--max-tokens", type=_positive, metavar="N", help=MAX_TOKENS_HELP)


MAX_TOKENS_HELP = ("refuse (before sending anything) when the estimate is over N tokens: the prompt's tokens plus "
                   "the most the answer may take")


def _positive(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of tokens, 1 or more (got {value!r})")
    return int(value)


def over_cap(what: str, estimate: TokenEstimate, cap: int | None) -> str | None:
    """The refusal when `estimate` is over `--max-tokens` (None: within it, or no cap)."""
    if cap is None or estimate.total <= cap:
        return None
    return (f"this {what} may use about {estimate.total:,} tokens ({estimate.prompt:,} in, up to "
            f"{estimate.answer:,} out), more than --max-tokens {cap:,}: nothing was sent")


def _templates(args: argparse.Namespace) -> Templates | str:
    """The prompt templates: the user's saved ones (the studio's Prompt editor), `--template FILE` for this
    command's own; a message naming the problem instead when they can't be used."""
    import dataclasses

    from studio.services.production.assistant import load_templates
    from studio.settings.paths import config_dir

    templates = load_templates(config_dir())
    if getattr(args, "template", None):
        try:
            text = Path(args.template).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return f"can't read the template {args.template}: {getattr(exc, 'strerror', None) or exc}"
        templates = dataclasses.replace(templates, **{args.action: text})
    problems = templates.problems()
    return problems[0] if problems else templates


def _source_text(args: argparse.Namespace) -> str:
    from studio.services.production.assistant import read_text_source

    return sys.stdin.read() if args.notes == "-" else read_text_source(Path(args.notes))


def draft_problem(args: argparse.Namespace) -> str | None:
    """Everything `draft` can check before a request: the source, the speakers, the length, the output."""
    from studio.services.production.assistant import AssistantError, DraftSpec, speakers_from

    try:
        speakers = speakers_from(args.speakers)
        source = _source_text(args)
    except (AssistantError, ValueError) as exc:
        return str(exc)
    templates = _templates(args)
    if isinstance(templates, str):
        return templates
    spec = DraftSpec(source, speakers, args.form, args.words, args.model)
    if problems := spec.problems(templates):
        return problems[0]
    if refusal := over_cap("draft", spec.estimate(templates), args.max_tokens):
        return f"{refusal} (ask for fewer --words, shorten the notes, or raise the limit)"
    args.templates = templates
    if args.output and Path(args.output).exists():
        return f"{args.output} is there already: give a new file to -o (a draft never replaces one)"
    args.draft_spec = spec
    return None


async def cmd_production_draft(conn: Connection, args: argparse.Namespace) -> None:
    from studio.files import dated_path, write_atomically
    from studio.services.production.assistant import DraftError, draft_script

    spec = args.draft_spec
    estimate = spec.estimate(args.templates)
    print(f"drafting with {spec.model}: about {estimate.prompt:,} tokens in, up to {estimate.answer:,} out",
          file=sys.stderr)
    streaming = not args.output

    def shown(delta: str) -> None:
        if streaming:
            sys.stdout.write(delta)
            sys.stdout.flush()

    try:
        draft = await draft_script(conn.client, spec, args.templates, on_text=shown)
    except DraftError as exc:
        if streaming:
            raise
        kept = dated_path(Path(args.output).with_name(f"{Path(args.output).name}.partial.txt"), "kept")
        write_atomically(kept, exc.text.encode("utf-8"))  # paid for: the user can edit it into a script
        raise DraftError(f"{exc.message} (what arrived is in {kept})", exc.text) from None
    if streaming:
        sys.stdout.write("\n")
    else:
        write_atomically(Path(args.output), draft.script_text.encode("utf-8"))
        print(f"{args.output}  the script: {len(draft.script.lines())} lines, "
              f"{', '.join(draft.script.speakers())}")
    for warning in draft.warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"{_tokens(draft.usage)}; rendering it would bill {draft.characters:,} characters of speech",
          file=sys.stderr)
    if conn.is_demo:
        print(DEMO_TEXT, file=sys.stderr)


def _tokens(usage: ChatUsage) -> str:
    """"1,234 tokens (1,000 in, 234 out)", or the total alone when MiniMax gives only that."""
    split = f" ({usage.prompt_tokens:,} in, {usage.completion_tokens:,} out)" if usage.prompt_tokens else ""
    return f"{usage.total_tokens:,} tokens{split}"


def _print_suggestion(suggestion: Suggestion) -> None:
    before, after = suggestion.rows()
    print(f"line {suggestion.number}")
    print(f"  - {before}")
    print(f"  + {after}")
    if suggestion.why:
        print(f"    why: {'; '.join(suggestion.why)}")


def _print_preparation(preparation: Preparation) -> None:
    for suggestion in preparation.suggestions:
        _print_suggestion(suggestion)
    for entry in preparation.pronunciations:
        print(f"pronunciation  {entry.entry}" + (f"  ({entry.why})" if entry.why else ""))
    for note in preparation.dropped:
        print(f"not suggested: {note}", file=sys.stderr)


def accept_kept(args: argparse.Namespace) -> None:
    """`prepare --accept`: the kept suggestions applied, nothing sent (offline)."""
    from studio.services.production.assistant import (
        AssistantError,
        accept,
        accept_pronunciations,
        load_preparation,
        stale,
    )
    from studio.services.production.store import ProductionError

    with _open(args) as production:
        kept = load_preparation(production.path)
        if kept is None or not (kept.suggestions or kept.pronunciations):
            raise ProductionError("no suggestions are kept: run `studio production prepare` first")
        if args.accept.strip().lower() == "all":
            chosen = list(kept.suggestions)
        else:
            parts = [part.strip() for part in args.accept.split(",") if part.strip()]
            if not parts or not all(part.isdigit() for part in parts):
                raise ProductionError(f"--accept takes all or line numbers such as 3,5 (got {args.accept!r})")
            numbers = {int(part) for part in parts}
            chosen = [s for s in kept.suggestions if s.number in numbers]
            if missing := sorted(numbers - {s.number for s in chosen}):
                raise ProductionError(f"no suggestion is kept for line {', '.join(map(str, missing))}")
        stale_ones = stale(production, chosen)
        for old in stale_ones:
            print(f"line {old.number} changed since its suggestion was made: skipped (prepare it again to get a "
                  "new one)", file=sys.stderr)
        try:
            changes = accept(production, chosen) if chosen else None
        except AssistantError as exc:
            raise ProductionError(str(exc)) from None
        if args.pronunciations and kept.pronunciations:
            accept_pronunciations(production, kept.pronunciations)
            print(f"added {len(kept.pronunciations)} pronunciation(s) to the cast's defaults")
        if changes is not None:
            applied = [s for s in chosen if s not in stale_ones]
            characters = sum(len(s.after.text) for s in applied)
            print(f"accepted {len(applied)} suggestion(s) into script.md; those lines render again when asked "
                  f"(about {characters:,} characters)")


def _open(args: argparse.Namespace) -> Production:
    from studio.services.production.store import Production

    return Production.open(Path(args.production)) if args.production else Production.find(Path.cwd())


def check_prepare(args: argparse.Namespace) -> None:
    """What `prepare` can check before a request (ProductionError naming the rule): the lines exist, and the
    requests fit the model's context. Leaves the lines and the speech model on `args`."""
    from studio.services.production.assistant import (
        AssistantError,
        estimate_prepare,
        prepare_requests,
        speech_model_of,
    )
    from studio.services.production.store import ProductionError

    with _open(args) as production:
        records = production.select(chapters=args.chapter, numbers=args.line)
        args.prepare_folder = production.path
        args.prepare_lines = [(record.number, record.line) for record in records]
        args.speech_model = speech_model_of(production)
    try:
        templates = _templates(args)
        if isinstance(templates, str):
            raise AssistantError(templates)
        args.templates = templates
        args.prepare_requests = prepare_requests(args.prepare_lines, args.speech_model, args.model, templates)
    except AssistantError as exc:
        raise ProductionError(str(exc)) from None
    if refusal := over_cap("prepare", estimate_prepare(args.prepare_requests), args.max_tokens):
        raise ProductionError(f"{refusal} (prepare fewer lines with --chapter or --line, or raise the limit)")


async def cmd_production_prepare(conn: Connection, args: argparse.Namespace) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from studio.services.production.assistant import BATCH_FROM_REQUESTS, PREPARED_FILE, estimate_prepare, prepare_lines
    from studio.services.production.store import Production

    with Production.open(args.prepare_folder) as production:
        lines, speech_model, requests = args.prepare_lines, args.speech_model, args.prepare_requests
        estimate = estimate_prepare(requests)
        by_batch = {"always": True, "never": False}.get(args.batch, len(requests) >= BATCH_FROM_REQUESTS)
        print(f"preparing {len(lines)} line(s) with {args.model} for {speech_model}: about {estimate.prompt:,} "
              f"tokens in, up to {estimate.answer:,} out"
              + ("; as a batch (billed at half price, answered within 24 h; run again to collect it if stopped)"
                 if by_batch else ""), file=sys.stderr)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      console=_stderr_console(), transient=True) as bar:
            task = bar.add_task("requests answered", total=len(requests))
            preparation = await prepare_lines(
                conn.client, lines, speech_model, model=args.model, templates=args.templates, use_batch=by_batch,
                keep_in=production.path,
                on_progress=lambda done, total: bar.update(task, completed=done, total=total))
        _print_preparation(preparation)
        count = len(preparation.suggestions)
        print(f"{count} suggestion(s), {len(preparation.pronunciations)} pronunciation(s); "
              f"{_tokens(preparation.usage)}. Nothing changed: `studio production prepare --accept all` (or N,N) "
              f"applies them (kept in {PREPARED_FILE})", file=sys.stderr)
        if conn.is_demo:
            print(DEMO_TEXT, file=sys.stderr)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def show_template(args: argparse.Namespace) -> None:
    from studio.services.production.store import ProductionError

    templates = _templates(args)
    if isinstance(templates, str):
        raise ProductionError(templates)
    print(getattr(templates, args.action))
