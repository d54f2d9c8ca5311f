"""Speech panel: write a script, pick a voice and settings, render it streaming as it plays.

Generate (Ctrl+Enter) renders the whole text or the selection. Moving a delivery or effect slider cancels
whatever is rendering (silent on the next audio block) and, once the slider rests for DEBOUNCE_MS or is
released, re-renders just the sentence under the cursor (or the selection) with the new settings. Every
render goes through one TaskRunner key, so a new one always replaces the old, and each is a Library take.
Input that can't be sent is highlighted and listed (a click on a problem goes to it), and Generate stays
disabled: no request goes out.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.api.models import T2ASettings
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner, user_message
from studio.services.export import AUDIO_EXPORT_FORMATS, export_take
from studio.services.library import Take
from studio.services.mastering.master import FileSource, Mastered, master
from studio.services.production.export_settings import EpisodeExport, export_from_dict
from studio.services.production.segment import UnsplittableTextError
from studio.services.speech import speech_parts
from studio.services.speech_session import (
    INTERJECTIONS,
    TEXT_LIMIT,
    RenderResult,
    SpeechSession,
    TakeProgress,
    interjection_tags,
    panel_settings,
    pause_markers,
    script_problems,
    settings_problem,
    speakable,
    supports_interjections,
)
from studio.ui.error_banner import ErrorBanner
from studio.ui.media_widgets import muted_label
from studio.ui.problem_list import ProblemList, ShownProblem
from studio.ui.production_export import CheckReportDialog, ExportDialog, preset_label
from studio.ui.script_editor import ScriptEditor
from studio.ui.speech_settings import SpeechSettingsForm
from studio.ui.transport_bar import TransportBar
from studio.ui.widgets import ask_save_file, restyle, save_filter

RENDER_KEY = "speech.render"
EXPORT_KEY = "speech.export"
DEBOUNCE_MS = 200
PAUSES = (0.5, 1.0, 2.0, 5.0)


def export_name(take: Take, fmt: str = "mp3") -> str:
    words = re.findall(r"[A-Za-z0-9]+", take.text)[:5]
    stem = "-".join(words).lower() or "take"
    return f"{stem}-{take.id[-6:]}.{fmt}"


class SpeechPanel(QWidget):
    """`preferences` is this panel's dict in the settings file (saved through `save_preferences`);
    `voice_choices()` lists (voice_id, label) for the pickers; `ask_export_path(default_name)` defaults
    to a file dialog (tests pass their own)."""

    def __init__(
        self,
        session: SpeechSession,
        runner: TaskRunner,
        preferences: dict[str, Any],
        save_preferences: Callable[[], None],
        *,
        voice_choices: Callable[[], list[tuple[str, str]]] | None = None,
        ask_export_path: Callable[[str], Path | None] | None = None,
        on_account_settings: Callable[[], None] | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SpeechPanel")
        self._session = session
        self._runner = runner
        self._preferences = preferences
        self._save_preferences = save_preferences
        self._voice_choices = voice_choices or list
        self._ask_export_path = ask_export_path or self._export_dialog
        self.last_take: Take | None = None
        self.progress: TakeProgress | None = None
        self.blocked_reason: str | None = None
        self._retry: Callable[[], None] | None = None
        self._last_preview: tuple[str, T2ASettings, str] | None = None  # last preview: segment, settings, transport
        self._export_when_rendered = False  # Ctrl+S found only previews and the user asked for a full render
        self._seek_to: float | None = None  # a waveform click whose replay has not started playing yet
        self.renders_started = 0
        self._status_kind = ""  # "rendering" / "playing" while the status line says so
        self.master_dialog: ExportDialog | None = None
        self.report_dialog: CheckReportDialog | None = None

        self.banner = ErrorBanner(on_account_settings=on_account_settings)
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.preview)
        self._ticker = QTimer(self, interval=33)
        self._ticker.timeout.connect(self._show_progress)
        self._persist_timer = QTimer(self, singleShot=True, interval=1000)
        self._persist_timer.timeout.connect(self._persist)
        runner.busy_changed.connect(self._on_busy)
        self._restore()

    # -- layout ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.editor = ScriptEditor()
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.notice.connect(self._show_status)
        self.pause_button = QToolButton()
        self.pause_button.setText(self.tr("&Insert pause"))
        self.pause_button.setToolTip(self.tr("Insert a pause marker <#seconds#> at the cursor"))
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        pause_menu = QMenu(self.pause_button)
        for seconds in PAUSES:
            pause_menu.addAction(f"{seconds:g} s", functools.partial(self.insert_pause, seconds))
        pause_menu.addSeparator()
        pause_menu.addAction(self.tr("Other length…"), self._ask_pause)
        self.pause_button.setMenu(pause_menu)
        self.interjection_button = QToolButton()
        self.interjection_button.setText(self.tr("Inter&jection"))
        self.interjection_button.setToolTip(self.tr("Insert a sound such as (laughs) or (sighs) — speech-2.8 models"))
        self.interjection_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tag_menu = QMenu(self.interjection_button)
        for tag in INTERJECTIONS:
            tag_menu.addAction(tag, functools.partial(self.editor.insert_snippet, tag))
        self.interjection_button.setMenu(tag_menu)
        self.count_label = muted_label()
        tools = QHBoxLayout()
        tools.addWidget(self.pause_button)
        tools.addWidget(self.interjection_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)

        self.problem_list = ProblemList()  # the theme's "bad" and "warn" colours
        self.problem_list.problem_chosen.connect(self.go_to_problem)

        self.transport = TransportBar()
        self.transport.play_clicked.connect(self.toggle_playback)
        self.transport.seek_requested.connect(self.seek)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("primary")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the latest full take as received, as MP3, WAV, FLAC or raw PCM "
                                              "(Ctrl+S); or mastered to a delivery preset (Ctrl+Shift+S)"))
        export_menu = QMenu(self.export_button)
        # The window's actions own Ctrl+S and Ctrl+Shift+S; the menu only shows them.
        native = QKeySequence.SequenceFormat.NativeText
        export_menu.addAction(self.tr("As received…") + "\t" + QKeySequence("Ctrl+S").toString(native), self.save)
        export_menu.addAction(self.tr("Mastered (podcast, audiobook, broadcast, video)…") + "\t"
                              + QKeySequence("Ctrl+Shift+S").toString(native), self.save_mastered)
        self.export_button.setMenu(export_menu)
        self.status = muted_label(wrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.status, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.editor, 1)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.problem_list)
        left_layout.addWidget(self.transport)
        left_layout.addLayout(actions)

        self.form = SpeechSettingsForm()
        self.form.changed.connect(self._on_settings_changed)
        self.form.notice.connect(self._show_status)
        self.form.model_changed.connect(lambda _m: self._update_model_tools())
        self.form.live_edited.connect(self._on_live_edit)
        self.form.live_released.connect(self._on_live_release)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([640, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

    # -- window commands ------------------------------------------------------------------------------

    def generate(self) -> None:
        """Render the whole text, or the selection (Ctrl+Enter)."""
        self._debounce.stop()
        if self.blocked_reason:
            shown = self.problem_list.isVisibleTo(self)
            self._show_status(self.tr("Nothing was sent: fix the highlighted problem first.") if shown
                              else self.blocked_reason)
            first = self.problem_list.problems[0] if self.problem_list.problems else None
            if first is not None and first.control is not None:
                self.form.reveal(first.control)  # a setting may be scrolled out of sight
            return
        span = self.editor.selected_span()
        text = self.editor.toPlainText()
        segment = speakable(text[span[0]:span[1]]) if span else text
        self.editor.set_preview_span(span)
        self._retry = self.generate
        self._render(segment)

    def toggle_playback(self) -> None:
        """Stop what is playing or rendering; else play the last take again (Space, or F5 while typing)."""
        if self._runner.is_busy(RENDER_KEY):
            self.stop()
        elif self.last_take is not None:
            self._replay()

    def seek(self, seconds: float) -> None:
        """Play from `seconds` (a click on the waveform): in the take that plays, else in the last take."""
        if not self._runner.is_busy(RENDER_KEY):
            if self.last_take is None:
                return
            self._replay()
        self._seek_to = seconds
        self._apply_seek()

    def _apply_seek(self) -> None:
        # Once the replay's Playback exists: it jumps when the audio at that point has arrived.
        if self._seek_to is None or self.progress is None or self.progress.playback is None:
            return
        self.progress.playback.seek(self._seek_to)
        self._seek_to = None

    def _replay(self) -> None:
        assert self.last_take is not None
        self.progress = TakeProgress()
        self._runner.run(RENDER_KEY, self._session.replay(self.last_take, self.progress), owner=self,
                         on_error=lambda exc: self.banner.show_error(exc))
        self._ticker.start()

    def stop(self) -> None:
        self._debounce.stop()
        self._seek_to = None
        self._last_preview = None
        self._runner.cancel(RENDER_KEY)
        self._session.stop()

    def save(self) -> None:
        """Export the latest full take as mp3/wav/flac/pcm (Ctrl+S): after a slider preview, the full take
        it was tried on, not the one sentence."""
        take = self._take_to_export()
        if take is None:
            return
        dest = self._ask_export_path(export_name(take, "mp3" if take.format == "pcm" else take.format))
        if dest is None:
            return
        full = take is not self.last_take  # after a slider preview: say which take went out
        exporting = (self.tr("Exporting the full take (not the slider preview) to {file}…") if full
                     else self.tr("Exporting to {file}…"))
        exported = (self.tr("Exported the full take (not the slider preview) to {path}") if full
                    else self.tr("Exported to {path}"))
        self._show_status(exporting.format(file=Path(dest).name))
        self._runner.run(EXPORT_KEY, export_take(take, Path(dest)), owner=self,
                         on_done=lambda result: self._show_status(exported.format(path=result.path)),
                         on_error=lambda exc: self._show_status(self._export_failed(user_message(exc))))

    def save_mastered(self) -> None:
        """Export the latest full take mastered to a delivery preset (loudness, true peak, rate; tags, a music
        bed), then show its check against the preset's spec (Ctrl+Shift+S). The take itself is kept as is."""
        take = self._take_to_export()
        if take is None or self._runner.is_busy(EXPORT_KEY):
            return
        stem = Path(export_name(take)).stem
        folder = Path(self._preferences.get("export_folder") or Path.home())
        dialog = ExportDialog(export_from_dict(self._preferences.get("master")), production_name=stem,
                              exports_dir=folder, chapters=None, parent=self)
        self.master_dialog = dialog
        dialog.accepted.connect(lambda: self._master(take, dialog.choice(), dialog.destination()))
        dialog.open()

    def _master(self, take: Take, choice: EpisodeExport, dest: Path) -> None:
        try:
            preset = choice.mastering()
            tags = choice.tags.tags(Path(dest).stem)
        except (ValueError, OSError) as exc:
            self._show_status(self._export_failed(str(exc)))
            return
        if preset is None:
            return
        self._preferences["master"] = asdict(choice)
        self._preferences["export_folder"] = str(dest.parent)
        self._save_preferences()
        raw = (take.sample_rate or 32000, take.channels or 1) if take.format == "pcm" else None
        bed = choice.bed.bed() if choice.with_bed else None

        def mastered() -> Mastered:  # in a thread: opening the take reads it, and a broken one is said below
            return master(FileSource(take.path, raw=raw), dest, preset, choice.fmt, tags=tags, bed=bed)
        self._show_status(self.tr("Mastering to {preset}: {file}…").format(preset=preset_label(preset), file=dest.name))

        def shown(mastered: Mastered) -> None:
            said = (self.tr("Exported {path} mastered to {preset}: passes every line of its spec")
                    if mastered.report.passed else
                    self.tr("Exported {path} mastered to {preset}: FAILS a line: see the report"))
            self._show_status(said.format(path=mastered.path, preset=preset_label(preset)))
            self.report_dialog = CheckReportDialog([mastered.report], mastered.warnings, parent=self)
            self.report_dialog.open()

        self._runner.run(EXPORT_KEY, asyncio.to_thread(mastered),
                         owner=self, on_done=shown,
                         on_error=lambda exc: self._show_status(self._export_failed(user_message(exc))))

    def _export_failed(self, reason: str) -> str:
        return self.tr("Couldn't export: {reason}").format(reason=reason)

    def _take_to_export(self) -> Take | None:
        """The last take, unless it is a slider preview: then the latest full one. With only previews, the
        user chooses: render the whole script (exported when done) or export the preview."""
        take = self.last_take
        if take is None:
            self._show_status(self.tr("Nothing to export yet: generate a take first."))
            return None
        if not take.preview:
            return take
        full = self._session.latest_full_take()
        if full is not None:
            return full
        choice = self._ask_only_previews()
        if choice == "preview":
            return take
        if choice == "render":
            cursor = self.editor.textCursor()
            cursor.clearSelection()
            self.editor.setTextCursor(cursor)
            self.generate()
            self._export_when_rendered = self._runner.is_busy(RENDER_KEY)
        return None

    def focus_search(self) -> None:
        self.form.voice_picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = self.form.voice_picker.lineEdit()
        if line is not None:
            line.selectAll()

    # -- from other panels ----------------------------------------------------------------------------

    def set_voice(self, voice_id: str) -> None:
        """Use this voice from now on (Voices → Use in Speech)."""
        self.form.set_voice(voice_id)
        self._show_status(self.tr("Voice: {voice}").format(voice=voice_id))

    def load_payload(self, payload: dict[str, Any]) -> None:
        """Restore a take's text and settings (Library → Re-open in Speech); the edit can be undone."""
        self.form.load(panel_settings(payload))
        text = payload.get("text")
        if isinstance(text, str):
            self.editor.replace_all(text)
        self._show_status(self.tr("Re-opened a take from the Library"))

    def audition_settings(self) -> T2ASettings:
        """What the Voices panel auditions with: this panel's model and delivery (the audition picks the voice)."""
        return self.form.settings()

    def refresh_voice_choices(self) -> None:
        self.form.set_voice_choices(self._voice_choices())

    # -- live preview -----------------------------------------------------------------------------------

    def _on_live_edit(self) -> None:
        if not self.form.live_preview:
            return
        # Silence the old settings at once; the new ones render when the slider rests or is released.
        if self._runner.is_busy(RENDER_KEY):
            self.stop()
        self._debounce.start()

    def _on_live_release(self) -> None:
        if self.form.live_preview and self._debounce.isActive():
            self._debounce.stop()
            self.preview()

    def preview(self) -> None:
        """Render the sentence under the cursor (or the selection) with the current settings."""
        self._debounce.stop()
        text = self.editor.toPlainText()
        span = self.editor.preview_span()
        if span is None:
            return
        segment = speakable(text[span[0]:span[1]])
        if not segment:
            return
        key = (segment, self.form.settings(), self.form.transport)
        if key == self._last_preview:
            return  # the same sentence with the same settings is already playing or was just heard
        problem = self._blocking_problem_in(span) or self.blocked_settings_reason()
        if problem:
            self._show_status(self.tr("Not previewed: {problem}").format(problem=problem))
            return
        self._last_preview = key
        self.editor.set_preview_span(span)
        self._retry = self.preview
        self._render(segment, preview=True)

    # -- rendering ------------------------------------------------------------------------------------

    def _render(self, text: str, *, preview: bool = False) -> None:
        try:  # over the API's limit: whole sentences in parts, into one take (the segmenter `studio say` uses)
            settings = self.form.settings()
            request = [settings.request(part) for part in speech_parts(text)]
        except (InputError, UnsplittableTextError) as exc:
            self._show_status(str(exc))
            return
        self.banner.dismiss()
        self._seek_to = None
        self.progress = TakeProgress()
        self.transport.clear()
        self.renders_started += 1
        self._show_status(self.tr("Rendering…"), kind="rendering")
        self._runner.run(
            RENDER_KEY,
            self._session.render(request, transport=self.form.transport,
                                 progress=self.progress, preview=preview),
            owner=self, on_done=self._on_rendered, on_error=self._on_render_failed,
        )
        self._ticker.start()

    def _on_rendered(self, result: RenderResult) -> None:
        if result.take is not None:
            self.last_take = result.take
        self._show_progress()
        take = result.take
        if take is not None:
            self._show_status(self._saved_text(take.usage_characters, heard=not result.progress.no_audio))
            if self._export_when_rendered and not take.preview:
                self._export_when_rendered = False
                self.save()

    def _on_render_failed(self, error: BaseException) -> None:
        self._last_preview = None
        self._export_when_rendered = False
        if self.progress is not None and self.progress.take is not None:
            self.last_take = self.progress.take
        self.banner.show_error(error, retry=self._retry)
        self._show_status("")

    def _on_busy(self, key: str, busy: bool) -> None:
        if key != RENDER_KEY:
            return
        if not busy:
            self._ticker.stop()
            self._show_progress()
            self.editor.set_preview_span(None)
            if self._status_kind in ("rendering", "playing"):
                # a render that ends normally says so next (on_done runs after this)
                self._show_status(self.tr("Stopped · saved to the Library") if self.progress and self.progress.take
                                  else "")
        self.transport.set_playing(busy, has_take=self.last_take is not None)

    def _show_progress(self) -> None:
        progress = self.progress
        if progress is None:
            return
        self._apply_seek()
        if progress.take is not None and progress.take is not self.last_take:
            self.last_take = progress.take
            self.transport.set_playing(self._runner.is_busy(RENDER_KEY), has_take=True)
            if self._status_kind == "rendering":
                self._show_status(self.tr("Saved to the Library · playing"), kind="playing")
        self.transport.show_progress(progress)

    # -- checking input -------------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        self._check()
        self._persist_timer.start()

    def _on_settings_changed(self) -> None:
        self._check()
        self._persist_timer.start()

    def _check(self) -> None:
        text = self.editor.toPlainText()
        model = self.form.model
        problems = script_problems(text, model, self.form.settings().audio_setting.format)
        self.editor.set_marks(problems, pause_markers(text), interjection_tags(text) if supports_interjections(
            model) else [])
        over = len(text) >= TEXT_LIMIT
        # over the limit is a problem only when the text can't be made in parts (script_problems says which)
        refused = over and any(p.blocking and (p.position, p.length) == (TEXT_LIMIT - 1, len(text) - TEXT_LIMIT + 1)
                               for p in problems)
        # both figures are always many: no plural forms needed
        self.count_label.setText(self.tr("{count} characters, made in parts").format(count=number(len(text)))
                                 if over and not refused else self.tr("{count} / {limit} characters").format(
                                     count=number(len(text)), limit=number(TEXT_LIMIT - 1)))
        self.count_label.setObjectName("problem" if refused else "muted")
        restyle(self.count_label)
        in_text = [ShownProblem(p.message, p.blocking, span=(p.position, p.position + p.length)) for p in problems]
        in_settings = self._settings_problem()
        shown = ([in_settings] if in_settings else []) + [p for p in in_text if p.blocking] + [
            p for p in in_text if not p.blocking]
        reason = shown[0].message if shown and shown[0].blocking else None
        if reason is None and not text.strip():
            reason = self.tr("Write something to render.")
        self.blocked_reason = reason
        self.generate_button.setEnabled(reason is None)
        self.generate_button.setToolTip(reason or self.tr("Render the text, or the selection (Ctrl+Enter)"))
        self.problem_list.show_problems(shown)

    def blocked_settings_reason(self) -> str | None:
        problem = self._settings_problem()
        return problem.message if problem else None

    def _settings_problem(self) -> ShownProblem | None:
        if form_problem := self.form.problem():
            return ShownProblem(form_problem, True, control=self.form.pronunciation)
        if error := settings_problem(self.form.settings()):
            return ShownProblem(str(error), True, control=self.form.control_for(error.field))
        return None

    def go_to_problem(self, problem: ShownProblem) -> None:
        """Select the problem's text in the script, or show its setting (a click in the problem list)."""
        if problem.span is not None:
            self.editor.select_span(problem.span)
        elif problem.control is not None:
            self.form.reveal(problem.control)

    def _blocking_problem_in(self, span: tuple[int, int]) -> str | None:
        text = self.editor.toPlainText()
        for problem in script_problems(text, self.form.model, self.form.settings().audio_setting.format):
            if problem.blocking and problem.position < span[1] and problem.position + problem.length > span[0]:
                return problem.message
        return None

    def _update_model_tools(self) -> None:
        self.interjection_button.setVisible(supports_interjections(self.form.model))

    # -- editing helpers ------------------------------------------------------------------------------

    def insert_pause(self, seconds: float) -> None:
        self.editor.insert_snippet(f"<#{seconds:g}#>")

    def _ask_pause(self) -> None:
        seconds, ok = QInputDialog.getDouble(self, self.tr("Insert pause"), self.tr("Pause length (seconds):"), 1.0,
                                             0.01, 99.99, 2)
        if ok:
            self.insert_pause(round(seconds, 2))

    # -- preferences ----------------------------------------------------------------------------------

    def _restore(self) -> None:
        prefs = self._preferences
        if isinstance(prefs.get("settings"), dict):
            self.form.load(prefs["settings"])
        self.form.set_transport(str(prefs.get("transport", "ws")))
        self.form.live_preview_box.setChecked(bool(prefs.get("live_preview", True)))
        if isinstance(prefs.get("text"), str):
            self.editor.setPlainText(prefs["text"])
        sizes = prefs.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) and s > 0 for s in sizes):
            self.splitter.setSizes(sizes)
        self._update_model_tools()
        self._check()
        latest = self._session.library.takes(kind="speech", limit=1)
        self.last_take = latest[0] if latest else None  # Space and Ctrl+S work on it after a restart too
        self.transport.set_playing(False, has_take=self.last_take is not None)

    def _persist(self) -> None:
        self._preferences.update(
            settings=self.form.settings().payload(), transport=self.form.transport, live_preview=self.form.live_preview,
            text=self.editor.toPlainText()[: TEXT_LIMIT * 2], splitter=self.splitter.sizes(),
        )
        self._save_preferences()

    def hideEvent(self, event: Any) -> None:
        if self._persist_timer.isActive():
            self._persist_timer.stop()
            self._persist()
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:
        self.refresh_voice_choices()
        super().showEvent(event)

    # -- plumbing -------------------------------------------------------------------------------------

    def _show_status(self, text: str, *, kind: str = "") -> None:
        self.status.setText(text)
        self._status_kind = kind

    def _saved_text(self, characters: int | None, *, heard: bool) -> str:
        """"Saved to the Library · 26 characters" (billed), and whether it was not played."""
        # plurals through the class's tr: pyside6-lupdate marks translate(…, n) plural only for a literal n
        if characters and heard:
            return SpeechPanel.tr("Saved to the Library · %Ln character(s)", None, characters)  # type: ignore[arg-type]
        if characters:
            return SpeechPanel.tr("Saved to the Library · %Ln character(s) "  # type: ignore[arg-type]
                                  "(not played: no audio output)", None, characters)  # type: ignore[arg-type]
        if heard:
            return self.tr("Saved to the Library")
        return self.tr("Saved to the Library (not played: no audio output)")

    def _export_dialog(self, default_name: str) -> Path | None:
        return ask_save_file(self, self.tr("Export take"), default_name,
                             save_filter(AUDIO_EXPORT_FORMATS, Path(default_name).suffix.lstrip(".")))

    def _ask_only_previews(self) -> str | None:
        """"render", "preview" or None (cancel): Ctrl+S found only slider previews of single sentences."""
        question = self.tr("There is no full take of this script yet, only slider previews of single sentences.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export take"), question,
                          QMessageBox.StandardButton.Cancel, self)
        render = box.addButton(self.tr("&Render the whole script"), QMessageBox.ButtonRole.AcceptRole)
        preview = box.addButton(self.tr("&Export the preview"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(render)
        box.exec()
        clicked = box.clickedButton()
        return "render" if clicked is render else "preview" if clicked is preview else None
