"""The editor of one speaker's settings in a production's cast (a `Voicing`), below the Productions panel's
cast table.

A field the user hasn't changed keeps its loaded value, None included (None is inherited from the production's
defaults), so loading and reading back gives the same Voicing. A change is only proposed, never applied here:
the panel prices it first. The speaker's timbre mix is kept as it is; while there is one, the voice box is off."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from studio.api.errors import InputError
from studio.api.models import LANGUAGES, MODEL_EMOTIONS, SPEECH_MODELS, T2ASettings, VoiceModify, VoiceSetting
from studio.services.production.cast import Voicing
from studio.services.speech_session import SOUND_EFFECTS
from studio.ui.media_widgets import problem_label
from studio.ui.pronunciation_editor import PronunciationEditor
from studio.ui.slider_group import ValueSlider
from studio.ui.speech_settings import VOICE_EFFECTS
from studio.ui.timbre_mixer import VoicePicker

DEBOUNCE_MS = 300  # a slider moved by keys or clicks proposes once it rests this long (a drag: on release)
PRODUCTION_DEFAULT = QT_TRANSLATE_NOOP("SpeakerEditor", "(production default)")
# The voice effects' words as this editor shows them (VOICE_EFFECTS' titles and ends, SOUND_EFFECTS' labels and the
# emotions are English tables): translated where shown, each with its row's mnemonic.
EFFECT_WORDS = {
    "pitch": (QT_TRANSLATE_NOOP("SpeakerEditor", "Pitc&h"), QT_TRANSLATE_NOOP("SpeakerEditor", "Deepen"),
              QT_TRANSLATE_NOOP("SpeakerEditor", "Brighten")),
    "intensity": (QT_TRANSLATE_NOOP("SpeakerEditor", "&Intensity"), QT_TRANSLATE_NOOP("SpeakerEditor", "Stronger"),
                  QT_TRANSLATE_NOOP("SpeakerEditor", "Softer")),
    "timbre": (QT_TRANSLATE_NOOP("SpeakerEditor", "Tim&bre"), QT_TRANSLATE_NOOP("SpeakerEditor", "Nasal"),
               QT_TRANSLATE_NOOP("SpeakerEditor", "Crisp")),
}
SOUND_WORDS = {
    "spacious_echo": QT_TRANSLATE_NOOP("SpeakerEditor", "Spacious echo"),
    "auditorium_echo": QT_TRANSLATE_NOOP("SpeakerEditor", "Auditorium echo"),
    "lofi_telephone": QT_TRANSLATE_NOOP("SpeakerEditor", "Lo-fi telephone"),
    "robotic": QT_TRANSLATE_NOOP("SpeakerEditor", "Robotic"),
}
EMOTION_WORDS = {
    "happy": QT_TRANSLATE_NOOP("SpeakerEditor", "Happy"), "sad": QT_TRANSLATE_NOOP("SpeakerEditor", "Sad"),
    "angry": QT_TRANSLATE_NOOP("SpeakerEditor", "Angry"), "fearful": QT_TRANSLATE_NOOP("SpeakerEditor", "Fearful"),
    "disgusted": QT_TRANSLATE_NOOP("SpeakerEditor", "Disgusted"),
    "surprised": QT_TRANSLATE_NOOP("SpeakerEditor", "Surprised"), "calm": QT_TRANSLATE_NOOP("SpeakerEditor", "Calm"),
    "fluent": QT_TRANSLATE_NOOP("SpeakerEditor", "Fluent"), "whisper": QT_TRANSLATE_NOOP("SpeakerEditor", "Whisper"),
}
# The emotions every model takes: offered while the model is the production's (not known here).
EVERY_MODEL_EMOTIONS = tuple(
    e for e in MODEL_EMOTIONS[SPEECH_MODELS[0]] if all(e in MODEL_EMOTIONS[m] for m in SPEECH_MODELS)
)


def _combo(items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _show(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _tr(text: object) -> str:
    """A word of this module's tables (QT_TRANSLATE_NOOP), translated where shown."""
    return QCoreApplication.translate("SpeakerEditor", str(text))


def _plain(text: str) -> str:
    """A label's words without its mnemonic ("Pitc&h" → "Pitch", "音调(&H)" → "音调")."""
    return re.sub(r"\(&\w\)$", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


class SpeakerEditor(QWidget):
    proposed = Signal(str, object)  # speaker, Voicing: the user changed a setting (not applied)
    audition = Signal(str, object)  # speaker, Voicing: hear the selected line with these settings

    def __init__(self, voice_choices: Callable[[], list[tuple[str, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._voice_choices = voice_choices
        self._speaker = ""
        self._loaded = self._last = Voicing()  # _last: loaded or last proposed; an equal result isn't proposed
        self._changed: set[str] = set()  # the fields the user changed since `load`
        self._loading = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._propose)

        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("muted")
        self.voice = VoicePicker()
        self.voice.setToolTip(self.tr("Type any part of a voice's name or id to filter the voices"))
        self.voice.activated.connect(lambda _i: self._edit("voice_id"))
        line = self.voice.lineEdit()
        assert line is not None  # an editable combo
        line.setPlaceholderText(_tr(PRODUCTION_DEFAULT))
        line.editingFinished.connect(lambda: self._edit("voice_id"))
        self.model = _combo([(_tr(PRODUCTION_DEFAULT), None), *((m, m) for m in SPEECH_MODELS)])
        self.model.currentIndexChanged.connect(self._on_model)
        self.emotion = QComboBox()
        self.emotion.setToolTip(self.tr("Only the emotions the model takes are offered; (none): the production's, "
                                        "or the model picks one"))
        self.emotion.currentIndexChanged.connect(lambda _i: self._edit("emotion"))
        self.language = _combo([(_tr(PRODUCTION_DEFAULT), None), (self.tr("Automatic"), "auto"),
                                *((n, n) for n in LANGUAGES)])
        self.language.setToolTip(self.tr("Language boost: helps with a language or dialect"))
        self.language.currentIndexChanged.connect(lambda _i: self._edit("language_boost"))
        self.speed = ValueSlider(self.tr("Speed"), 0.5, 2.0, 1.0, step=0.05, decimals=2, suffix="×", inline=True)
        self.volume = ValueSlider(self.tr("Volume"), 0.1, 10.0, 1.0, step=0.1, decimals=1, inline=True)
        self.pitch = ValueSlider(self.tr("Pitch"), -12, 12, 0, suffix=self.tr(" st", "semitones: the pitch's unit"),
                                 signed=True, inline=True)
        self._effect_words = {name: (title, left, right) for name, title, left, right in VOICE_EFFECTS}
        for name, words in EFFECT_WORDS.items():
            if name in self._effect_words:
                self._effect_words[name] = (_tr(words[0]), _tr(words[1]), _tr(words[2]))
        self.effects = {
            name: ValueSlider(_plain(title), -100, 100, 0, signed=True, inline=True)
            for name, (title, _left, _right) in self._effect_words.items()
        }
        self.sound = _combo([(self.tr("None", "no sound effect"), None),
                             *((_tr(SOUND_WORDS[value]) if value in SOUND_WORDS else label, value)
                               for value, label in SOUND_EFFECTS)])
        self.sound.setToolTip(self.tr("A sound effect; the voice effects are the production's until you change one"))
        self.sound.currentIndexChanged.connect(lambda _i: self._edit("voice_modify"))
        sliders = {"speed": self.speed, "vol": self.volume, "pitch": self.pitch}
        for field, slider in [*sliders.items(), *(("voice_modify", s) for s in self.effects.values())]:
            slider.edited.connect(lambda field=field: self._edit(field, later=True))
            slider.released.connect(self._propose)
        for slider in sliders.values():
            slider.slider.setToolTip(self.tr("“{default}”: the production's value, until you move it. Double-click to "
                                             "reset").format(default=self._inherited()))
        self.pronunciations = PronunciationEditor()
        self.pronunciations.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.pronunciations.table.setMinimumHeight(72)
        self.pronunciations.table.setMaximumHeight(110)
        self.pronunciations.changed.connect(lambda: self._edit("pronunciations"))
        self.problem = problem_label()
        self.audition_button = QPushButton(self.tr("Au&dition"))
        self.audition_button.setToolTip(self.tr("Hear the selected line with these settings"))
        self.audition_button.clicked.connect(self._audition)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow(self.title)

        def row(text: str, control: QWidget, buddy: QWidget | None = None) -> None:
            label = QLabel(text)
            label.setBuddy(buddy or control)  # a slider row: its slider takes the focus, not the row
            form.addRow(label, control)

        row(self.tr("&Voice"), self.voice)
        row(self.tr("M&odel"), self.model)
        row(self.tr("E&motion"), self.emotion)
        row(self.tr("&Language"), self.language)
        row(self.tr("&Speed"), self.speed, self.speed.slider)
        row(self.tr("Vol&ume"), self.volume, self.volume.slider)
        row(self.tr("Pi&tch"), self.pitch, self.pitch.slider)
        form.addRow(_heading(self.tr("Voice effects")))
        for name, slider in self.effects.items():
            title, left, right = self._effect_words[name]
            slider.slider.setToolTip(self.tr("{effect}: {left} (−100) to {right} (+100); “{default}”: the "
                                             "production's, until you move it. Double-click to reset").format(
                effect=_plain(title), left=left, right=right, default=self._inherited()))
            row(title, slider, slider.slider)
        row(self.tr("Sou&nd"), self.sound)
        pronunciations_title = _heading(self.tr("Pronun&ciations"))
        pronunciations_title.setBuddy(self.pronunciations.table)
        form.addRow(pronunciations_title)
        form.addRow(self.pronunciations)
        form.addRow(self.problem)
        form.addRow(self.audition_button)
        self._fill_emotions(None, None)
        self._name_controls()

    def speaker(self) -> str:
        return self._speaker

    def _inherited(self) -> str:
        """A slider's value label while the speaker inherits that value."""
        return self.tr("default", "a slider's value while the speaker inherits it from the production")

    def load(self, speaker: str, voicing: Voicing | None) -> None:
        """Show `speaker`'s settings (None: they have none of their own); emits nothing, and drops a slider
        change still waiting for its debounce."""
        self._debounce.stop()
        self._speaker, self._loaded = speaker, voicing or Voicing()
        self._last, self._changed = self._loaded, set()
        loaded = self._loaded
        self._loading = True
        try:
            self._load_voice(loaded)
            _show(self.model, loaded.model)
            self._fill_emotions(loaded.model, loaded.emotion)
            _show(self.language, loaded.language_boost)
            for slider, value in ((self.speed, loaded.speed), (self.volume, loaded.vol), (self.pitch, loaded.pitch)):
                self._show_slider(slider, value)
            modify = loaded.voice_modify
            for name, slider in self.effects.items():
                self._show_slider(slider, getattr(modify, name) if modify else None)
            _show(self.sound, modify.sound_effects if modify else None)
            self.pronunciations.set_entries(loaded.pronunciations)
        finally:
            self._loading = False
        self._name_controls()
        self._checked()  # a rule the loaded settings break is shown at once

    def voicing(self) -> Voicing:
        """What the controls say now: the loaded settings with the fields the user changed. Raises InputError
        for a value Voicing refuses."""
        modify = {name: slider.int_value() for name, slider in self.effects.items()}
        controls: dict[str, Callable[[], Any]] = {
            "voice_id": lambda: self.voice.voice_id() or None,
            "model": self.model.currentData,
            "emotion": self.emotion.currentData,
            "language_boost": self.language.currentData,
            "speed": self.speed.value,
            "vol": self.volume.value,
            "pitch": self.pitch.int_value,
            "voice_modify": lambda: VoiceModify(**modify, sound_effects=self.sound.currentData()),
            "pronunciations": self.pronunciations.entries,
        }
        changed = {field: read() for field, read in controls.items() if field in self._changed}
        return Voicing.model_validate({**dict(self._loaded), **changed})

    # -- showing ------------------------------------------------------------------------------------------

    def _load_voice(self, loaded: Voicing) -> None:
        current = loaded.voice_id or ""
        choices = self._voice_choices()
        first = [c for c in choices if c[0] == current] or ([(current, current)] if current else [])
        self.voice.set_choices([*first, *(c for c in choices if c[0] != current)])
        if current:
            self.voice.set_voice_id(current)
        else:
            self.voice.setCurrentIndex(-1)
            self.voice.setEditText("")
        mix = ", ".join(f"{w.voice_id} {w.weight}" for w in loaded.mix or [])
        self.voice.setEnabled(not mix)
        line = self.voice.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Mix: {voices}").format(voices=mix) if mix else _tr(PRODUCTION_DEFAULT))
        self.voice.setToolTip(
            self.tr("A timbre mix ({voices}), kept as it is (cast.json)").format(voices=mix)
            if mix
            else self.tr("Type any part of a voice's name or id to filter the voices")
        )

    def _show_slider(self, slider: ValueSlider, value: float | None) -> None:
        slider.set_value(slider.default if value is None else value)
        if value is None:
            slider.value_label.setText(self._inherited())

    def _fill_emotions(self, model: str | None, current: str | None) -> None:
        """The model's emotions; a current one the model doesn't take stays listed, its rule shown."""
        offered = MODEL_EMOTIONS[model] if model else EVERY_MODEL_EMOTIONS
        extra = [current] if current and current not in offered else []
        self.emotion.blockSignals(True)
        self.emotion.clear()
        self.emotion.addItem(self.tr("(none)", "no emotion"), None)
        for emotion in (*offered, *extra):
            self.emotion.addItem(_tr(EMOTION_WORDS[emotion]) if emotion in EMOTION_WORDS else emotion.capitalize(),
                                 emotion)
        _show(self.emotion, current)
        self.emotion.blockSignals(False)

    def _name_controls(self) -> None:
        who = self._speaker or self.tr("the speaker", "stands for a speaker's name in the controls' names")
        self.title.setText(self.tr("Settings of {speaker}").format(speaker=who) if self._speaker else
                           self.tr("No speaker selected: pick one in the cast above to set their voice"))
        names: list[tuple[QWidget, str]] = [
            (self.voice, self.tr("Voice of {speaker}")),
            (self.model, self.tr("Model of {speaker}")),
            (self.emotion, self.tr("Emotion of {speaker}")),
            (self.language, self.tr("Language boost of {speaker}")),
            (self.speed.slider, self.tr("Speed of {speaker}")),
            (self.volume.slider, self.tr("Volume of {speaker}")),
            (self.pitch.slider, self.tr("Pitch in semitones of {speaker}")),
            (self.sound, self.tr("Sound effect of {speaker}")),
            (self.pronunciations.table, self.tr("Pronunciations of {speaker}")),
            (self.pronunciations.add_button, self.tr("Add a pronunciation for {speaker}")),
            (self.pronunciations.remove_button, self.tr("Remove the selected pronunciation of {speaker}")),
            (self.audition_button, self.tr("Audition {speaker}: hear the selected line with these settings")),
            *(
                (slider.slider, self.tr("Voice effect {effect} of {speaker}").format(
                    effect=_plain(self._effect_words[name][0]).lower(), speaker="{speaker}"))
                for name, slider in self.effects.items()
            ),
        ]
        for widget, name in names:
            widget.setAccessibleName(name.format(speaker=who))

    # -- reacting -----------------------------------------------------------------------------------------

    def _on_model(self, _index: int) -> None:
        self._fill_emotions(self.model.currentData(), self.emotion.currentData())
        self._edit("model")

    def _edit(self, field: str, *, later: bool = False) -> None:
        if self._loading:
            return
        self._changed.add(field)
        if later:
            self._debounce.start()
        else:
            self._propose()

    def _propose(self) -> None:
        self._debounce.stop()
        voicing = self._checked()
        if voicing is not None and voicing != self._last:
            self._last = voicing
            self.proposed.emit(self._speaker, voicing)

    def _audition(self) -> None:
        voicing = self._checked()
        if voicing is not None:
            self.audition.emit(self._speaker, voicing)

    def _checked(self) -> Voicing | None:
        """The voicing, or None with the rule it breaks shown."""
        voicing, problem = None, self.pronunciations.problem()
        if problem is None:
            try:
                voicing = self.voicing()
                if voicing.model and voicing.emotion:  # the model's emotions: T2ASettings' rule
                    T2ASettings(
                        model=voicing.model, voice_setting=VoiceSetting(voice_id="check", emotion=voicing.emotion)
                    ).request("check")
            except InputError as exc:
                problem = self.tr("Emotion {rule}").format(rule=exc.rule) if exc.field.endswith("emotion") \
                    else str(exc)
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        return None if problem else voicing


def _heading(text: str) -> QLabel:
    """A bold line between the form's groups of rows."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
