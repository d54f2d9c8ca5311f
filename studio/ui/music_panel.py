"""Music panel: a style prompt and section-tagged lyrics in, a song out — streamed and played as it
arrives when the format allows, drawn as a waveform, kept in the Library. Lyrics can be written by
MiniMax; music-01 sings over an uploaded reference (music_upload)."""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.api.models import INSTRUMENTAL_MODELS, MusicAudioSetting, MusicRequest
from studio.audio.peaks import WaveformPeaks, audio_peaks
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner
from studio.qt.theme import token
from studio.services.export import AUDIO_EXPORT_FORMATS
from studio.services.library import Take
from studio.services.media import MUSIC_STREAM_FORMATS, MediaService, music_title
from studio.services.playback import AudioSink, file_chunks
from studio.ui.library_panel import format_duration
from studio.ui.media_widgets import (
    CharCounter,
    EmptyState,
    MediaPanel,
    SongWaveform,
    chain_tab_order,
    file_stem,
    muted_label,
    problem_label,
)
from studio.ui.widgets import save_filter

GENERATE_KEY = "music.generate"
PLAY_KEY = "music.play"
LYRICS_KEY = "music.lyrics"
UPLOAD_KEY = "music.upload"
PROMPT_LIMIT = 2000
LYRICS_LIMIT = 3500
# MiniMax's section tags: written in English in the lyrics (what the API reads); the menu also shows a translated name.
SECTION_TAGS: tuple[str, ...] = tuple(str(tag) for tag in (
    QT_TRANSLATE_NOOP("MusicPanel", "Intro"), QT_TRANSLATE_NOOP("MusicPanel", "Verse"),
    QT_TRANSLATE_NOOP("MusicPanel", "Pre Chorus"), QT_TRANSLATE_NOOP("MusicPanel", "Chorus"),
    QT_TRANSLATE_NOOP("MusicPanel", "Post Chorus"), QT_TRANSLATE_NOOP("MusicPanel", "Bridge"),
    QT_TRANSLATE_NOOP("MusicPanel", "Hook"), QT_TRANSLATE_NOOP("MusicPanel", "Build Up"),
    QT_TRANSLATE_NOOP("MusicPanel", "Interlude"), QT_TRANSLATE_NOOP("MusicPanel", "Transition"),
    QT_TRANSLATE_NOOP("MusicPanel", "Break"), QT_TRANSLATE_NOOP("MusicPanel", "Inst"),
    QT_TRANSLATE_NOOP("MusicPanel", "Solo"), QT_TRANSLATE_NOOP("MusicPanel", "Outro")))
MODELS = ("music-2.6", "music-2.6-free", "music-2.5+", "music-2.5", "music-2.0", "music-1.5", "music-01")
TakeRole = Qt.ItemDataRole.UserRole + 1
TAG_LINE = re.compile(r"^\s*\[[^\]]*\]\s*$")


class LyricsHighlighter(QSyntaxHighlighter):
    """Section tags ([Verse], [Chorus], …) stand out in the theme's link colour; unknown tags are underlined
    in its "bad" colour. `use_theme()` after a theme change."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.tag = QTextCharFormat()
        self.unknown = QTextCharFormat()
        self.known = {t.lower() for t in SECTION_TAGS}
        self._colors()

    def _colors(self) -> None:
        self.tag = QTextCharFormat()
        self.tag.setForeground(token("link"))
        self.tag.setFontWeight(QFont.Weight.DemiBold)
        self.unknown = QTextCharFormat(self.tag)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(token("bad"))

    def use_theme(self) -> None:
        if self.tag.foreground().color() != token("link"):
            self._colors()
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for match in re.finditer(r"\[([^\]]*)\]", text):
            known = match.group(1).strip().lower() in self.known
            self.setFormat(match.start(), match.end() - match.start(), self.tag if known else self.unknown)


def lyrics_stats(lyrics: str) -> str:
    """"3 sections · 12 lines"."""
    lines = [line for line in lyrics.splitlines() if line.strip()]
    sections = sum(1 for line in lines if TAG_LINE.match(line))
    sung = len(lines) - sections
    # Plurals through the class: pyside6-lupdate marks QCoreApplication.translate(…, n) plural only when n is a
    # literal number.
    return " · ".join((MusicPanel.tr("%n section(s)", None, sections),  # type: ignore[arg-type]
                       MusicPanel.tr("%n line(s)", None, sung)))  # type: ignore[arg-type]


class MusicPanel(MediaPanel):
    SAVE_TITLE = str(QT_TRANSLATE_NOOP("MusicPanel", "Save song"))
    SAVE_FILTER = save_filter(AUDIO_EXPORT_FORMATS, "mp3")

    def __init__(
        self,
        media: MediaService,
        runner: TaskRunner,
        player: AudioSink,
        *,
        ask_save_path: Callable[[str], Path | None] | None = None,
        ask_reference: Callable[[], Path | None] | None = None,
        on_account_settings: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, ask_save_path=ask_save_path, on_account_settings=on_account_settings,
                         parent=parent)
        self._media = media
        self._player = player
        self._ask_reference = ask_reference or self._reference_dialog
        self.refer_voice: str | None = None
        self.refer_instrumental: str | None = None
        self.received_bytes = 0
        self._build()
        runner.busy_changed.connect(self._on_busy)
        runner.failed.connect(self._on_failed)
        self._load_recent()
        self._on_model()

    # -- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = QComboBox()
        for model in MODELS:
            self.model.addItem(model, model)
        self.model.currentIndexChanged.connect(self._on_model)
        self.prompt = QPlainTextEdit(placeholderText=self.tr("Style, mood and scene: warm lo-fi piano, rainy evening, "
                                                             "soft female vocal"))
        self.prompt.setAccessibleName(self.tr("Style prompt"))
        lines = self.prompt.fontMetrics().lineSpacing()
        self.prompt.setFixedHeight(max(72, 3 * lines + 16))  # three lines of the user's font
        self.prompt.textChanged.connect(self._validate)
        self.prompt_counter = CharCounter(PROMPT_LIMIT)

        self.lyrics = QPlainTextEdit(placeholderText=self.tr("[Verse]\nFirst line of the song\n\n[Chorus]\n…"))
        self.lyrics.setAccessibleName(self.tr("Lyrics"))
        self.highlighter = LyricsHighlighter(self.lyrics.document())
        self.lyrics.textChanged.connect(self._validate)
        self.section_button = QToolButton(text=self.tr("Insert s&ection"))  # type: ignore[call-arg]  # Qt property keywords
        self.section_button.setToolTip(self.tr("Insert a section tag such as [Verse] or [Chorus] on its own line"))
        self.section_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.section_button)
        for tag in SECTION_TAGS:
            name = QCoreApplication.translate("MusicPanel", tag)
            # Translated, the menu names the section and shows the tag it inserts (after a tab: right-aligned).
            text = f"[{tag}]" if name == tag else f"{name}\t[{tag}]"
            menu.addAction(text, functools.partial(self.insert_section, tag))
        self.section_button.setMenu(menu)
        self.write_button = QPushButton(self.tr("&Write lyrics"))
        self.write_button.setToolTip(self.tr("MiniMax writes section-tagged lyrics from the prompt (or extends yours)"))
        self.write_button.clicked.connect(self.write_lyrics)
        self.lyrics_counter = CharCounter(LYRICS_LIMIT)
        self.lyrics_stats = muted_label()
        lyric_tools = QHBoxLayout()
        lyric_tools.addWidget(self.section_button)
        lyric_tools.addWidget(self.write_button)
        lyric_tools.addWidget(self.lyrics_stats, 1)
        lyric_tools.addWidget(self.lyrics_counter)

        self.instrumental = QCheckBox(self.tr("&Instrumental (no vocals)"))
        self.instrumental.toggled.connect(lambda _on: self._on_lyrics_mode())
        self.lyrics_optimizer = QCheckBox(self.tr("Let MiniMax write the lyrics while c&omposing"))
        self.lyrics_optimizer.toggled.connect(lambda _on: self._on_lyrics_mode())
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for fmt, label in (("mp3", self.tr("MP3 (plays as it streams)")), ("wav", "WAV"),
                           ("pcm", self.tr("PCM (raw)"))):
            self.format.addItem(label, fmt)
        self.sample_rate = QComboBox()
        self.sample_rate.setAccessibleName(self.tr("Sample rate"))
        for rate in (44100, 32000, 24000, 16000):
            self.sample_rate.addItem(f"{rate / 1000:g} kHz", rate)
        self.bitrate = QComboBox()
        self.bitrate.setAccessibleName(self.tr("Bitrate"))
        for bitrate in (256000, 128000, 64000, 32000):
            self.bitrate.addItem(f"{bitrate // 1000} kbps", bitrate)
        audio_row = QHBoxLayout()
        audio_row.addWidget(self.format, 2)
        audio_row.addWidget(self.sample_rate, 1)
        audio_row.addWidget(self.bitrate, 1)

        # A group box's mnemonic moves the focus to its first control: the purpose.
        self.reference_box = QGroupBox(self.tr("&Reference ({model})").format(model="music-01"))
        self.reference_purpose = QComboBox()
        self.reference_purpose.setAccessibleName(self.tr("What the reference is for"))
        for purpose, label in (("song", self.tr("Whole song (voice + backing)")), ("voice", self.tr("Voice only")),
                               ("instrumental", self.tr("Backing only"))):
            self.reference_purpose.addItem(label, purpose)
        self.reference_button = QPushButton(self.tr("&Upload reference…"))
        self.reference_button.clicked.connect(self.choose_reference)
        self.reference_label = muted_label(
            self.tr("{model} sings over a reference you upload").format(model="music-01"), wrap=True)
        reference_layout = QVBoxLayout(self.reference_box)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.reference_purpose, 1)
        ref_row.addWidget(self.reference_button)
        reference_layout.addLayout(ref_row)
        reference_layout.addWidget(self.reference_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Model"), self.model)
        audio_label = QLabel(self.tr("&Audio"))
        audio_label.setBuddy(self.format)  # a row of a layout gets no buddy by itself
        form.addRow(audio_label, audio_row)

        self.problem = problem_label()
        self.generate_button = QPushButton(self.tr("&Generate song"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.stop_button = QPushButton(self.tr("■  S&top"))
        self.stop_button.setAccessibleName(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the sound (a song being made keeps being saved)"))
        self.stop_button.clicked.connect(self.stop)
        self.status = muted_label(wrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.status, 1)

        prompt_row = QHBoxLayout()
        prompt_title = QLabel(self.tr("&Style prompt"))
        prompt_title.setBuddy(self.prompt)
        prompt_row.addWidget(prompt_title)
        prompt_row.addStretch(1)
        prompt_row.addWidget(self.prompt_counter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(form)
        left_layout.addLayout(prompt_row)
        left_layout.addWidget(self.prompt)
        lyrics_title = QLabel(self.tr("&Lyrics"))
        lyrics_title.setBuddy(self.lyrics)
        left_layout.addWidget(lyrics_title)
        left_layout.addWidget(self.lyrics, 1)
        left_layout.addLayout(lyric_tools)
        left_layout.addWidget(self.instrumental)
        left_layout.addWidget(self.lyrics_optimizer)
        left_layout.addWidget(self.reference_box)
        left_layout.addWidget(self.problem)
        left_layout.addLayout(actions)

        self.waveform = SongWaveform()
        self.song_title = QLabel()
        font = self.song_title.font()
        font.setBold(True)
        self.song_title.setFont(font)
        self.song_facts = muted_label()
        self.play_button = QPushButton(self.tr("▶  &Play"))
        self.play_button.clicked.connect(self.toggle_playback)
        self.save_button = QPushButton(self.tr("Sa&ve…"))
        self.save_button.clicked.connect(self.save_selected)
        song_buttons = QHBoxLayout()
        song_buttons.addWidget(self.play_button)
        song_buttons.addWidget(self.save_button)
        song_buttons.addStretch(1)
        self.songs = QListWidget()
        self.songs.setAccessibleName(self.tr("Songs"))
        self.songs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.songs.currentItemChanged.connect(lambda *_: self._on_song_selected())
        self.songs.itemDoubleClicked.connect(lambda _i: self.toggle_playback())
        self.empty_state = EmptyState(
            self.songs, self.tr("No songs yet"),
            self.tr("Describe the style, add lyrics (or pick Instrumental) and press Generate song: "
                    "your songs appear here."),
            self.tr("Write a prompt"), self.prompt.setFocus)
        songs_title = QLabel(self.tr("So&ngs"))
        songs_title.setBuddy(self.songs)
        songs_title.setFont(font)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.song_title)
        right_layout.addWidget(self.song_facts)
        right_layout.addWidget(self.waveform)
        right_layout.addLayout(song_buttons)
        right_layout.addSpacing(8)
        right_layout.addWidget(songs_title)
        right_layout.addWidget(self.songs, 1)

        self._set_panes(left, right, [520, 480], left_stretch=1)
        chain_tab_order(self.model, self.format, self.sample_rate, self.bitrate, self.prompt, self.lyrics,
                        self.section_button, self.write_button, self.instrumental, self.lyrics_optimizer,
                        self.reference_purpose, self.reference_button, self.generate_button, self.stop_button,
                        self.play_button, self.save_button, self.songs, self.empty_state.action_button)
        self._update_song_buttons()

    # -- the form ---------------------------------------------------------------------------------------

    def insert_section(self, tag: str) -> None:
        cursor = self.lyrics.textCursor()
        before = self.lyrics.toPlainText()[: cursor.position()]
        prefix = "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
        cursor.insertText(f"{prefix}[{tag}]\n")
        self.lyrics.setTextCursor(cursor)
        self.lyrics.setFocus()

    def _on_model(self) -> None:
        model = str(self.model.currentData())
        self.instrumental.setEnabled(model in INSTRUMENTAL_MODELS)
        if model not in INSTRUMENTAL_MODELS:
            self.instrumental.setChecked(False)
        self.lyrics_optimizer.setEnabled(model.startswith("music-2"))
        if not model.startswith("music-2"):
            self.lyrics_optimizer.setChecked(False)
        self.reference_box.setVisible(model == "music-01")
        self.prompt_counter.limit = 300 if model == "music-1.5" else PROMPT_LIMIT
        self.lyrics_counter.limit = {"music-1.5": 600, "music-01": 200}.get(model, LYRICS_LIMIT)
        self._validate()

    def _on_lyrics_mode(self) -> None:
        no_lyrics = self.instrumental.isChecked() or self.lyrics_optimizer.isChecked()
        self.lyrics.setEnabled(not no_lyrics)
        self.section_button.setEnabled(not no_lyrics)
        self.write_button.setEnabled(not no_lyrics)
        if self.instrumental.isChecked():
            self.lyrics_optimizer.setChecked(False)
        self._validate()

    def build_request(self) -> MusicRequest:
        """The request the form describes; raises InputError (nothing is sent) when a rule is broken."""
        no_lyrics = self.instrumental.isChecked() or self.lyrics_optimizer.isChecked()
        model = self.model.currentData()  # one of MODELS; MusicRequest checks it
        return MusicRequest(
            model=model,
            prompt=self.prompt.toPlainText().strip() or None,
            lyrics=None if no_lyrics else (self.lyrics.toPlainText().strip() or None),
            is_instrumental=True if self.instrumental.isChecked() else None,
            lyrics_optimizer=True if self.lyrics_optimizer.isChecked() else None,
            audio_setting=MusicAudioSetting(sample_rate=self.sample_rate.currentData(),
                                            bitrate=self.bitrate.currentData(), format=self.format.currentData()),
            refer_voice=self.refer_voice if model == "music-01" else None,
            refer_instrumental=self.refer_instrumental if model == "music-01" else None,
        )

    def _validate(self) -> None:
        prompt_ok = self.prompt_counter.count(len(self.prompt.toPlainText().strip()))
        lyrics = self.lyrics.toPlainText()
        lyrics_ok = self.lyrics_counter.count(len(lyrics.strip()))
        self.lyrics_stats.setText(lyrics_stats(lyrics))
        problem = ""
        try:
            self.build_request()
        except InputError as exc:
            problem = str(exc)
        if not prompt_ok or not lyrics_ok:
            problem = problem or self.tr("Too long: shorten the highlighted text.")
        # An empty form is not a problem to shout about; it just can't be sent yet.
        empty = not self.prompt.toPlainText().strip() and not lyrics.strip()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem) and not empty)
        self.generate_button.setEnabled(not problem and not self._runner.is_busy(GENERATE_KEY))

    # -- actions ----------------------------------------------------------------------------------------

    def generate(self) -> None:
        request = self._checked_request(self.build_request)
        if request is None:
            return
        self.banner.dismiss()
        self._runner.cancel(PLAY_KEY)
        self.received_bytes = 0
        streaming = request.audio_setting.format in MUSIC_STREAM_FORMATS
        self.status.setText(self.tr("Composing… it plays as it arrives") if streaming
                            else self.tr("Composing… (takes a minute)"))

        audio = request.audio_setting
        live = WaveformPeaks(audio.format, audio.sample_rate, 2) if streaming else None  # MiniMax songs: stereo
        # the song being made takes the waveform
        self.songs.setCurrentItem(None)  # type: ignore[call-overload]  # None: Qt's "no current item"
        self._runner.cancel("music.waveform")
        self.song_title.setText(music_title(request)[:90])
        self.song_facts.setText(self.tr("{model} · composing").format(model=request.model))

        def arrived(chunk: bytes) -> None:
            self.received_bytes += len(chunk)
            self.status.setText(self.tr("Playing as it arrives · {size} KB").format(
                size=number(self.received_bytes / 1024)))
            if live is not None:
                live.feed(chunk)
                self.waveform.set_arriving(live.peaks)

        song = self._media.generate_music(request, sink=self._player, on_chunk=arrived)
        self._runner.run(GENERATE_KEY, song, on_done=self._song_ready,
                         on_error=lambda exc: self.banner.show_error(exc, retry=self.generate))

    def _song_ready(self, take: Take) -> None:
        self.status.setText(self.tr("Saved to the Library · {duration}").format(
            duration=format_duration(take.duration_ms)))
        self.songs.insertItem(0, self._item(take))
        self.songs.setCurrentRow(0)
        self.message.emit(self.tr("Song ready: {title}").format(title=take.text))

    def stop(self) -> None:
        self._runner.cancel(PLAY_KEY)
        self._player.stop()

    def toggle_playback(self) -> None:
        if self._runner.is_busy(PLAY_KEY):
            self.stop()
            return
        take = self.selected_take()
        if take is None or not take.path.exists():
            return
        self._runner.run(PLAY_KEY, self._player.play(file_chunks(take.path), take.format, take.sample_rate or 44100,
                                                     take.channels or 2), owner=self)

    def write_lyrics(self) -> None:
        prompt = self.prompt.toPlainText().strip()
        if not prompt:
            self.status.setText(self.tr("Describe the song in the style prompt first: the lyrics are written from it."))
            return
        existing = self.lyrics.toPlainText().strip() or None
        self.status.setText(self.tr("Writing lyrics…") if existing is None else self.tr("Adding to your lyrics…"))

        def done(result: object) -> None:
            self.lyrics.setPlainText(getattr(result, "lyrics", ""))
            title = getattr(result, "title", None)
            self.status.setText(self.tr("Lyrics written: “{title}”. Edit them as you like.").format(title=title)
                                if title else self.tr("Lyrics written. Edit them as you like."))

        self._runner.run(LYRICS_KEY, self._media.write_lyrics(prompt, lyrics=existing), owner=self, on_done=done,
                         on_error=lambda exc: self.banner.show_error(exc))

    def choose_reference(self) -> None:
        path = self._ask_reference()
        if path is None:
            return
        purpose = str(self.reference_purpose.currentData())
        self.reference_label.setText(self.tr("Uploading {file}…").format(file=path.name))

        def done(result: object) -> None:
            self.refer_voice = getattr(result, "voice_id", None) or self.refer_voice
            self.refer_instrumental = getattr(result, "instrumental_id", None) or self.refer_instrumental
            if self.refer_voice and self.refer_instrumental:
                uploaded = self.tr("{file} uploaded · {model} will use its voice, backing")
            elif self.refer_voice:
                uploaded = self.tr("{file} uploaded · {model} will use its voice")
            elif self.refer_instrumental:
                uploaded = self.tr("{file} uploaded · {model} will use its backing")
            else:
                uploaded = self.tr("{file} uploaded")
            self.reference_label.setText(uploaded.format(file=path.name, model="music-01"))
            self._validate()

        def failed(exc: BaseException) -> None:
            self.reference_label.setText(self.tr("{file} was not uploaded").format(file=path.name))
            self.banner.show_error(exc)

        self._runner.run(UPLOAD_KEY, self._media.upload_music_reference(path, purpose), owner=self, on_done=done,
                         on_error=failed)

    def save_selected(self) -> None:
        take = self.selected_take()
        if take is None:
            return
        self._export(take, f"{file_stem(take.text, 'song')}.{take.format}")

    # -- songs ------------------------------------------------------------------------------------------

    def _load_recent(self) -> None:
        for take in self._media.library.takes(kind="music", limit=50):
            self.songs.addItem(self._item(take))

    @staticmethod
    def _item(take: Take) -> QListWidgetItem:
        item = QListWidgetItem(f"♪  {take.text[:70]}   ·   {format_duration(take.duration_ms)}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{take.text[:70]} · {format_duration(take.duration_ms)}")
        item.setData(TakeRole, take)
        item.setToolTip(take.settings.get("lyrics") or take.text)
        return item

    def selected_take(self) -> Take | None:
        item = self.songs.currentItem()
        take: Take | None = item.data(TakeRole) if item is not None else None
        return take

    def _on_song_selected(self) -> None:
        take = self.selected_take()
        self._update_song_buttons()
        if take is None:
            self.waveform.set_peaks([])
            return
        self.song_title.setText(take.text[:90])
        facts = [take.model or "", format_duration(take.duration_ms), take.format.upper(),
                 self.tr("partial") if take.partial else ""]
        self.song_facts.setText(" · ".join(f for f in facts if f))
        self.waveform.set_peaks([])
        self._runner.run("music.waveform", self._load_peaks(take), owner=self)

    async def _load_peaks(self, take: Take) -> None:
        peaks = await asyncio.to_thread(audio_peaks, take.path, take.format, take.sample_rate, take.channels)
        if (selected := self.selected_take()) is not None and selected.id == take.id:
            self.waveform.set_peaks(peaks)

    def _update_song_buttons(self) -> None:
        has = self.selected_take() is not None
        self.save_button.setEnabled(has)
        self.play_button.setEnabled(has or self._runner.is_busy(PLAY_KEY))
        playing = self._runner.is_busy(PLAY_KEY)
        # While playing, the button stops: no mnemonic then (Alt+T is the Stop button's).
        self.play_button.setText(self.tr("■  Stop") if playing else self.tr("▶  &Play"))
        self.play_button.setAccessibleName(self.tr("Stop") if playing else self.tr("Play"))
        self.stop_button.setEnabled(self._runner.is_busy(GENERATE_KEY) or self._runner.is_busy(PLAY_KEY))

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == GENERATE_KEY:
            self.generate_button.setText(self.tr("Composing…") if busy else self.tr("&Generate song"))
            self._validate()
        if key in (GENERATE_KEY, PLAY_KEY):
            self._update_song_buttons()

    def _on_failed(self, key: str, text: str) -> None:
        if key in (PLAY_KEY, LYRICS_KEY, UPLOAD_KEY):
            self.status.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme change: the tags take its colours
            self.highlighter.use_theme()

    def _reference_dialog(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a reference song"), str(Path.home()),
                                              self.tr("Audio (*.mp3 *.wav *.m4a *.flac);;All files (*)"))
        return Path(path) if path else None
