"""The Speech panel's settings column: model, voice, delivery, voice effects (voice_modify), the timbre mix,
text handling, the pronunciation dictionary and the output format. `settings()` is the typed request
settings without a text (`T2ASettings`); `load()` shows a saved payload of them (a Library take's, or the
saved preferences), tolerating what an older version saved.

Settings that can't go together are not offered together: voice effects stream as MP3 only, so with an
effect on the other formats are disabled, and with another format the effects are. A saved combination that
can't be sent is corrected on load, and `notice` says what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.api.models import (
    LANGUAGES,
    MODEL_EMOTIONS,
    SPEECH_MODELS,
    AudioSetting,
    PronunciationDict,
    SpeechModel,
    T2ASettings,
    TimberWeight,
    VoiceModify,
    VoiceSetting,
)
from studio.services.speech_session import SOUND_EFFECTS, STREAM_FORMATS, Transport
from studio.ui.pronunciation_editor import PronunciationEditor
from studio.ui.slider_group import ValueSlider, plain_title
from studio.ui.timbre_mixer import TimbreMixer, VoicePicker
from studio.ui.widgets import restyle

DEFAULT_MODEL = "speech-2.8-hd"
DEFAULT_VOICE = "English_expressive_narrator"  # notr: a voice id
SAMPLE_RATES = (8000, 16000, 22050, 24000, 32000, 44100)
BITRATES = (32000, 64000, 128000, 256000)
EFFECTS_NEED_MP3 = QT_TRANSLATE_NOOP(
    "SpeechSettingsForm",
    "Voice effects stream as MP3 only: set the effects to 0 and the sound effect to None to use {fmt}")
EFFECTS_NEED_MP3_ANY = QT_TRANSLATE_NOOP(
    "SpeechSettingsForm",
    "Voice effects stream as MP3 only: set the effects to 0 and the sound effect to None to use another format")
MP3_FOR_EFFECTS = QT_TRANSLATE_NOOP("SpeechSettingsForm",
                                    "Voice effects stream as MP3 only: choose MP3 as the format to use them")
FLAG_MS = 2500  # how long a control that a problem points at stays outlined
# (voice_modify field, title, left caption, right caption): English, translated where shown (context
# "SpeechSettingsForm"); the Productions cast editor shows them too.
VOICE_EFFECTS: tuple[tuple[str, str, str, str], ...] = (
    ("pitch", str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Pitch")),
     str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Deepen")), str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Brighten"))),
    ("intensity", str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Intensity")),
     str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Stronger")), str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Softer"))),
    ("timbre", str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Timbre")),
     str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Nasal")), str(QT_TRANSLATE_NOOP("SpeechSettingsForm", "Crisp"))),
)
# The effect sliders' titles as the form shows them, each with its mnemonic (the Pitch of the delivery has P).
EFFECT_TITLES = {
    "pitch": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Pitch"),
    "intensity": QT_TRANSLATE_NOOP("SpeechSettingsForm", "I&ntensity"),
    "timbre": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Tim&bre"),
}
# The API's own values as the form names them (the values stay what is sent).
SOUND_EFFECT_NAMES = {
    "spacious_echo": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Spacious echo"),
    "auditorium_echo": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Auditorium echo"),
    "lofi_telephone": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Lo-fi telephone"),
    "robotic": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Robotic"),
}
EMOTION_NAMES = {
    "happy": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Happy"),
    "sad": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Sad"),
    "angry": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Angry"),
    "fearful": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Fearful"),
    "disgusted": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Disgusted"),
    "surprised": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Surprised"),
    "calm": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Calm"),
    "fluent": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Fluent"),
    "whisper": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Whisper"),
}
LANGUAGE_NAMES = {
    "Chinese": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Chinese"),
    "Chinese,Yue": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Chinese,Yue"),
    "English": QT_TRANSLATE_NOOP("SpeechSettingsForm", "English"),
    "Arabic": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Arabic"),
    "Russian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Russian"),
    "Spanish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Spanish"),
    "French": QT_TRANSLATE_NOOP("SpeechSettingsForm", "French"),
    "Portuguese": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Portuguese"),
    "German": QT_TRANSLATE_NOOP("SpeechSettingsForm", "German"),
    "Turkish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Turkish"),
    "Dutch": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Dutch"),
    "Ukrainian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Ukrainian"),
    "Vietnamese": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Vietnamese"),
    "Indonesian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Indonesian"),
    "Japanese": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Japanese"),
    "Italian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Italian"),
    "Korean": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Korean"),
    "Thai": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Thai"),
    "Polish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Polish"),
    "Romanian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Romanian"),
    "Greek": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Greek"),
    "Czech": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Czech"),
    "Finnish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Finnish"),
    "Hindi": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Hindi"),
    "Bulgarian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Bulgarian"),
    "Danish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Danish"),
    "Hebrew": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Hebrew"),
    "Malay": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Malay"),
    "Persian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Persian"),
    "Slovak": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Slovak"),
    "Swedish": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Swedish"),
    "Croatian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Croatian"),
    "Filipino": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Filipino"),
    "Hungarian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Hungarian"),
    "Norwegian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Norwegian"),
    "Slovenian": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Slovenian"),
    "Catalan": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Catalan"),
    "Nynorsk": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Nynorsk"),
    "Tamil": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Tamil"),
    "Afrikaans": QT_TRANSLATE_NOOP("SpeechSettingsForm", "Afrikaans"),
}


def _shown(text: object) -> str:
    """A word of this module's tables (QT_TRANSLATE_NOOP, typed as object), translated where shown."""
    return QCoreApplication.translate("SpeechSettingsForm", str(text))


def _named(table: dict[str, object], value: str) -> str:
    """An API value as the form names it: its translated name, or the value itself when it has none."""
    name = table.get(value)
    return value if name is None else _shown(name)


def _combo(items: Sequence[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setContentsMargins(10, 8, 10, 10)
    form.setVerticalSpacing(8)
    return form


class SpeechSettingsForm(QScrollArea):
    changed = Signal()  # any setting changed
    live_edited = Signal()  # a delivery or effect slider moved: a live preview is wanted
    live_released = Signal()  # …and the user let go of it
    model_changed = Signal(str)
    notice = Signal(str)  # a loaded setting was corrected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        body = QWidget()
        body.setObjectName("speechSettings")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        for group in (self._voice_group(), self._effects_group(), self._mix_group(), self._text_group(),
                      self._output_group()):
            column.addWidget(group)
        column.addStretch(1)
        self.setWidget(body)
        self._flagged: QWidget | None = None
        self._unflag_timer = QTimer(self, singleShot=True, interval=FLAG_MS)
        self._unflag_timer.timeout.connect(lambda: self._set_flag(None))
        self._update_model_dependent()
        self._update_output_dependent()

    # -- groups ---------------------------------------------------------------------------------------

    def _voice_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Voice"))
        form = _form(group)
        self.model_combo = _combo([(m, m) for m in SPEECH_MODELS])
        _select(self.model_combo, DEFAULT_MODEL)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.voice_picker = VoicePicker()
        self.voice_picker.set_voice_id(DEFAULT_VOICE)
        self.voice_picker.currentTextChanged.connect(lambda _t: self.changed.emit())
        voice_label = self.tr("V&oice")
        line = self.voice_picker.lineEdit()
        if line is not None:  # an editable combo: its text field is announced on its own
            line.setAccessibleName(plain_title(voice_label))
        self.emotion_combo = QComboBox()
        self.emotion_combo.currentIndexChanged.connect(lambda _i: self._live_edit())
        self.speed = ValueSlider(self.tr("&Speed"), 0.5, 2.0, 1.0, step=0.05, decimals=2, suffix="×")
        self.volume = ValueSlider(self.tr("Vol&ume"), 0.1, 10.0, 1.0, step=0.1, decimals=1)
        self.pitch = ValueSlider(self.tr("&Pitch (semitones)"), -12, 12, 0, signed=True)
        form.addRow(self.tr("&Model"), self.model_combo)
        form.addRow(voice_label, self.voice_picker)
        form.addRow(self.tr("&Emotion"), self.emotion_combo)
        for slider in (self.speed, self.volume, self.pitch):
            form.addRow(slider)
            self._connect_slider(slider)
        return group

    def _effects_group(self) -> QGroupBox:
        group = self.effects_group = QGroupBox(self.tr("Voice effects"))
        form = _form(group)
        self.effect_sliders: dict[str, ValueSlider] = {}
        for name, title, left, right in VOICE_EFFECTS:
            slider = ValueSlider(_shown(EFFECT_TITLES.get(name, title)), -100, 100, 0, left_caption=_shown(left),
                                 right_caption=_shown(right), signed=True)
            slider.setObjectName(f"effect_{name}")
            self.effect_sliders[name] = slider
            self._connect_slider(slider)
            form.addRow(slider)
        self.sound_effect_combo = _combo([(self.tr("None", "no sound effect"), None), *(
            (_named(SOUND_EFFECT_NAMES, value), value) for value, _label in SOUND_EFFECTS)])
        self.sound_effect_combo.currentIndexChanged.connect(lambda _i: self._live_edit(release=True))
        self.sound_effect_label = QLabel(self.tr("Soun&d effect"))
        self.sound_effect_label.setBuddy(self.sound_effect_combo)
        form.addRow(self.sound_effect_label, self.sound_effect_combo)
        self.live_preview_box = QCheckBox(self.tr("&Live preview of the current sentence"))
        self.live_preview_box.setChecked(True)
        self.live_preview_box.setToolTip(self.tr("Moving a slider re-renders the sentence under the cursor (or the "
                                                 "selection) with the new settings and plays it"))
        form.addRow(self.live_preview_box)
        return group

    def _mix_group(self) -> QGroupBox:
        group = self.mix_group = QGroupBox(self.tr("Timbre mix"))
        layout = QVBoxLayout(group)
        layout.setContentsMargins(10, 8, 10, 10)
        self.mixer = TimbreMixer()
        self.mixer.changed.connect(self._on_mix_changed)
        layout.addWidget(self.mixer)
        return group

    def _text_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Text"))
        form = _form(group)
        self.language_combo = _combo([(self.tr("None", "no language boost"), None),
                                      (self.tr("Automatic", "the model detects the language"), "auto"),
                                      *((_named(LANGUAGE_NAMES, n), n) for n in LANGUAGES)])
        self.language_combo.setToolTip(self.tr("Helps the model with a language or dialect"))
        self.language_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.normalization_box = QCheckBox(self.tr("Read numbers and dates as &words"))
        self.normalization_box.toggled.connect(lambda _on: self.changed.emit())
        self.latex_box = QCheckBox(self.tr("Read LaTeX formulas ($$…$$)"))
        self.latex_box.toggled.connect(lambda _on: self.changed.emit())
        self.pronunciation = PronunciationEditor()
        self.pronunciation.changed.connect(self.changed)
        form.addRow(self.tr("Lan&guage boost"), self.language_combo)
        form.addRow(self.normalization_box)
        form.addRow(self.latex_box)
        label = QLabel(self.tr("Pronun&ciation"))
        label.setBuddy(self.pronunciation.table)
        form.addRow(label)
        form.addRow(self.pronunciation)
        return group

    def _output_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Output"))
        form = _form(group)
        self.format_combo = _combo([(f.upper(), f) for f in STREAM_FORMATS])
        self.rate_combo = _combo([(f"{r / 1000:g} kHz", r) for r in SAMPLE_RATES])
        _select(self.rate_combo, 32000)
        self.bitrate_combo = _combo([(f"{b // 1000} kbps", b) for b in BITRATES])
        _select(self.bitrate_combo, 128000)
        self.channels_combo = _combo([(self.tr("Mono"), 1), (self.tr("Stereo"), 2)])
        self.transport_combo = _combo([(self.tr("WebSocket (SSE fallback)"), "ws"), ("SSE", "sse")])
        for combo in (self.format_combo, self.rate_combo, self.bitrate_combo, self.channels_combo,
                      self.transport_combo):
            combo.currentIndexChanged.connect(self._on_output_changed)
        form.addRow(self.tr("Forma&t"), self.format_combo)
        form.addRow(self.tr("Sample r&ate"), self.rate_combo)
        form.addRow(self.tr("Bit&rate"), self.bitrate_combo)
        form.addRow(self.tr("Channels"), self.channels_combo)
        form.addRow(self.tr("Streaming"), self.transport_combo)
        return group

    # -- values ---------------------------------------------------------------------------------------

    @property
    def model(self) -> str:
        return str(self.model_combo.currentData())

    @property
    def transport(self) -> Transport:
        return "sse" if self.transport_combo.currentData() == "sse" else "ws"

    @property
    def live_preview(self) -> bool:
        return self.live_preview_box.isChecked()

    def voice_id(self) -> str:
        return self.voice_picker.voice_id()

    def settings(self) -> T2ASettings:
        """The typed settings (every control's range is its field's, so this never raises); whether they can
        be sent together is `speech_session.settings_problem`'s to say."""
        emotion, effect = self.emotion_combo.currentData(), self.sound_effect_combo.currentData()
        voice = VoiceSetting(
            voice_id="" if self.mixer.is_mixing() else self.voice_id(), speed=self.speed.value(),
            vol=self.volume.value(), pitch=self.pitch.int_value(), emotion=emotion or None,
            text_normalization=self.normalization_box.isChecked() or None,
            latex_read=self.latex_box.isChecked() or None,
        )
        audio = AudioSetting(sample_rate=self.rate_combo.currentData(), bitrate=self.bitrate_combo.currentData(),
                             format=self.format_combo.currentData(), channel=self.channels_combo.currentData())
        effects = {name: slider.int_value() for name, slider in self.effect_sliders.items()}
        entries = self.pronunciation.entries()
        weights = self.mixer.weights()
        return T2ASettings(
            model=cast("SpeechModel", self.model), voice_setting=voice, audio_setting=audio,  # offered: SPEECH_MODELS
            language_boost=self.language_combo.currentData() or None,
            voice_modify=VoiceModify(**effects, sound_effects=effect) if any(effects.values()) or effect else None,
            pronunciation_dict=PronunciationDict(tone=entries) if entries else None,
            timber_weights=[TimberWeight(**entry) for entry in weights] if weights is not None else None,
        )

    def problem(self) -> str | None:
        """A problem only the form can see (a half-filled pronunciation row)."""
        return self.pronunciation.problem()

    def voice_effects_on(self) -> bool:
        return any(s.int_value() for s in self.effect_sliders.values()) or bool(self.sound_effect_combo.currentData())

    def control_for(self, field: str) -> QWidget:
        """The control a request field (an InputError's `field`, e.g. "audio_setting.format") is set with."""
        controls: dict[str, QWidget] = {
            "model": self.model_combo, "voice_setting.voice_id": self.voice_picker,
            "voice_setting.emotion": self.emotion_combo, "voice_setting.speed": self.speed,
            "voice_setting.vol": self.volume, "voice_setting.pitch": self.pitch, "voice_modify": self.effects_group,
            "timber_weights": self.mix_group, "language_boost": self.language_combo,
            "pronunciation_dict": self.pronunciation, "audio_setting.format": self.format_combo,
            "audio_setting.sample_rate": self.rate_combo, "audio_setting.bitrate": self.bitrate_combo,
            "audio_setting.channel": self.channels_combo,
        }
        for prefix in sorted(controls, key=len, reverse=True):
            if field == prefix or field.startswith((prefix + ".", prefix + "[")):
                return controls[prefix]
        return self.widget() or self

    def reveal(self, control: QWidget) -> None:
        """Scroll `control` into view, focus it and outline it for a moment (a problem pointing at it was clicked)."""
        self.ensureWidgetVisible(control, 10, 40)
        focus = control if control.focusPolicy() != Qt.FocusPolicy.NoFocus else control.nextInFocusChain() or control
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        control.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # plain QWidgets draw the outline too
        self._set_flag(control)
        self._unflag_timer.start()

    def flagged(self) -> QWidget | None:
        return self._flagged

    def _set_flag(self, control: QWidget | None) -> None:
        for widget in (self._flagged, control):
            if widget is not None:
                widget.setProperty("flagged", widget is control)
                restyle(widget)
        self._flagged = control

    def load(self, settings: dict[str, Any]) -> None:
        """Show `settings` (a payload without text); missing fields get their defaults."""
        self.blockSignals(True)
        try:
            _select(self.model_combo, settings.get("model") or DEFAULT_MODEL)
            self._update_model_dependent()
            voice = settings.get("voice_setting") or {}
            if voice.get("voice_id"):
                self.voice_picker.set_voice_id(str(voice["voice_id"]))
            self.speed.set_value(float(voice.get("speed", 1.0)))
            self.volume.set_value(float(voice.get("vol", 1.0)))
            self.pitch.set_value(float(voice.get("pitch", 0)))
            self.emotion_combo.setCurrentIndex(max(0, self.emotion_combo.findData(voice.get("emotion"))))
            self.normalization_box.setChecked(bool(voice.get("text_normalization")))
            self.latex_box.setChecked(bool(voice.get("latex_read")))
            modify = settings.get("voice_modify") or {}
            for name, slider in self.effect_sliders.items():
                slider.set_value(float(modify.get(name, 0)))
            self.sound_effect_combo.setCurrentIndex(max(0, self.sound_effect_combo.findData(
                modify.get("sound_effects"))))
            audio = settings.get("audio_setting") or {}
            _select(self.format_combo, audio.get("format", "mp3"))
            _select(self.rate_combo, audio.get("sample_rate", 32000))
            _select(self.bitrate_combo, audio.get("bitrate", 128000))
            _select(self.channels_combo, audio.get("channel", 1))
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.get("language_boost"))))
            self.pronunciation.set_entries((settings.get("pronunciation_dict") or {}).get("tone") or [])
            self.mixer.set_weights(settings.get("timber_weights"))
            corrected = self._correct_format()
            self._update_output_dependent()
        finally:
            self.blockSignals(False)
        self.changed.emit()
        if corrected:
            self.notice.emit(corrected)

    def _correct_format(self) -> str | None:
        """A saved non-MP3 format with voice effects can't be streamed: switch it to MP3 and say so."""
        fmt = self.format_combo.currentData()
        if not self.voice_effects_on() or fmt == "mp3":
            return None
        _select(self.format_combo, "mp3")
        return self.tr("Format set to MP3: the saved {format} can't stream with voice effects").format(
            format=str(fmt).upper())

    def set_voice(self, voice_id: str) -> None:
        """Use one voice (ends a mix)."""
        self.mixer.set_weights(None)
        self.voice_picker.set_voice_id(voice_id)
        self.changed.emit()

    def set_voice_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        self.voice_picker.set_choices(choices)
        self.mixer.set_choices(choices)

    def set_transport(self, transport: str) -> None:
        _select(self.transport_combo, transport)

    # -- reactions ------------------------------------------------------------------------------------

    def _connect_slider(self, slider: ValueSlider) -> None:
        slider.edited.connect(self._live_edit)
        slider.released.connect(self.live_released)

    def _live_edit(self, *, release: bool = False) -> None:
        self._update_output_dependent()
        self.changed.emit()
        self.live_edited.emit()
        if release:
            self.live_released.emit()

    def _on_model_changed(self, _index: int) -> None:
        self._update_model_dependent()
        self.model_changed.emit(self.model)
        self.changed.emit()

    def _update_model_dependent(self) -> None:
        current = self.emotion_combo.currentData()
        self.emotion_combo.blockSignals(True)
        self.emotion_combo.clear()
        self.emotion_combo.addItem(self.tr("Automatic", "the model picks the emotion"), None)
        for emotion in MODEL_EMOTIONS[self.model]:
            self.emotion_combo.addItem(_named(EMOTION_NAMES, emotion), emotion)
        self.emotion_combo.setCurrentIndex(max(0, self.emotion_combo.findData(current)))
        self.emotion_combo.blockSignals(False)

    def _on_output_changed(self, _index: int) -> None:
        self._update_output_dependent()
        self.changed.emit()

    def _update_output_dependent(self) -> None:
        fmt = self.format_combo.currentData()
        self.bitrate_combo.setEnabled(fmt == "mp3")
        effects_on = self.voice_effects_on()
        items = self.format_combo.model()
        for row in range(self.format_combo.count()):
            value = self.format_combo.itemData(row)
            offered = value == "mp3" or not effects_on
            items.item(row).setEnabled(offered)  # type: ignore[attr-defined]  # a QStandardItemModel
            self.format_combo.setItemData(
                row, None if offered else _shown(EFFECTS_NEED_MP3).format(fmt=str(value).upper()),
                Qt.ItemDataRole.ToolTipRole)
        effects_offered = fmt == "mp3" or effects_on  # when on anyway (set in code), leave them to be turned off
        for widget in (*self.effect_sliders.values(), self.sound_effect_combo, self.sound_effect_label):
            widget.setEnabled(effects_offered)
        self.effects_group.setToolTip("" if effects_offered else _shown(MP3_FOR_EFFECTS))
        self.format_combo.setToolTip(_shown(EFFECTS_NEED_MP3_ANY) if effects_on else "")

    def _on_mix_changed(self) -> None:
        self.voice_picker.setEnabled(not self.mixer.is_mixing())
        self.changed.emit()
