"""The editor of one speaker's settings in a production's cast (a `Voicing`), below the Productions panel's
cast table.

A field the user hasn't changed keeps its loaded value, None included (None is inherited from the production's
defaults), so loading and reading back gives the same Voicing. A change is only proposed, never applied here:
the panel prices it first. The speaker's timbre mix is kept as it is; while there is one, the voice box is off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
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
PRODUCTION_DEFAULT = "(production default)"
INHERITED = "default"  # a slider's value label while the speaker inherits that value
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

        self.title = QLabel()
        self.title.setObjectName("muted")
        self.voice = VoicePicker()
        self.voice.setToolTip("Type any part of a voice's name or id to filter the voices")
        self.voice.activated.connect(lambda _i: self._edit("voice_id"))
        line = self.voice.lineEdit()
        assert line is not None  # an editable combo
        line.setPlaceholderText(PRODUCTION_DEFAULT)
        line.editingFinished.connect(lambda: self._edit("voice_id"))
        self.model = _combo([(PRODUCTION_DEFAULT, None), *((m, m) for m in SPEECH_MODELS)])
        self.model.currentIndexChanged.connect(self._on_model)
        self.emotion = QComboBox()
        self.emotion.setToolTip(
            "Only the emotions the model takes are offered; (none): the production's, or the model picks one"
        )
        self.emotion.currentIndexChanged.connect(lambda _i: self._edit("emotion"))
        self.language = _combo([(PRODUCTION_DEFAULT, None), ("Automatic", "auto"), *((n, n) for n in LANGUAGES)])
        self.language.setToolTip("Language boost: helps with a language or dialect")
        self.language.currentIndexChanged.connect(lambda _i: self._edit("language_boost"))
        self.speed = ValueSlider("Speed", 0.5, 2.0, 1.0, step=0.05, decimals=2, suffix="×", inline=True)
        self.volume = ValueSlider("Volume", 0.1, 10.0, 1.0, step=0.1, decimals=1, inline=True)
        self.pitch = ValueSlider("Pitch", -12, 12, 0, suffix=" st", signed=True, inline=True)
        self.effects = {
            name: ValueSlider(title, -100, 100, 0, signed=True, inline=True)
            for name, title, _left, _right in VOICE_EFFECTS
        }
        self.sound = _combo([("None", None), *((label, value) for value, label in SOUND_EFFECTS)])
        self.sound.setToolTip("A sound effect; the voice effects are the production's until you change one")
        self.sound.currentIndexChanged.connect(lambda _i: self._edit("voice_modify"))
        sliders = {"speed": self.speed, "vol": self.volume, "pitch": self.pitch}
        for field, slider in [*sliders.items(), *(("voice_modify", s) for s in self.effects.values())]:
            slider.edited.connect(lambda field=field: self._edit(field, later=True))
            slider.released.connect(self._propose)
        for slider in sliders.values():
            slider.slider.setToolTip(f"“{INHERITED}”: the production's value, until you move it. Double-click to reset")
        self.pronunciations = PronunciationEditor()
        self.pronunciations.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.pronunciations.table.setMinimumHeight(72)
        self.pronunciations.table.setMaximumHeight(110)
        self.pronunciations.changed.connect(lambda: self._edit("pronunciations"))
        self.problem = problem_label()
        self.audition_button = QPushButton("Audition")
        self.audition_button.setToolTip("Hear the selected line with these settings")
        self.audition_button.clicked.connect(self._audition)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow(self.title)
        for label, control in (
            ("Voice", self.voice),
            ("Model", self.model),
            ("Emotion", self.emotion),
            ("Language", self.language),
            ("Speed", self.speed),
            ("Volume", self.volume),
            ("Pitch", self.pitch),
        ):
            form.addRow(label, control)
        form.addRow(QLabel("<b>Voice effects</b>"))
        for (_name, title, left, right), slider in zip(VOICE_EFFECTS, self.effects.values(), strict=True):
            slider.slider.setToolTip(
                f"{title}: {left} (−100) to {right} (+100); “{INHERITED}”: the production's, "
                "until you move it. Double-click to reset"
            )
            form.addRow(title, slider)
        form.addRow("Sound", self.sound)
        form.addRow(QLabel("<b>Pronunciations</b>"))
        form.addRow(self.pronunciations)
        form.addRow(self.problem)
        form.addRow(self.audition_button)
        self._fill_emotions(None, None)
        self._name_controls()

    def speaker(self) -> str:
        return self._speaker

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
        line.setPlaceholderText(f"Mix: {mix}" if mix else PRODUCTION_DEFAULT)
        self.voice.setToolTip(
            f"A timbre mix ({mix}), kept as it is (cast.json)"
            if mix
            else "Type any part of a voice's name or id to filter the voices"
        )

    def _show_slider(self, slider: ValueSlider, value: float | None) -> None:
        slider.set_value(slider.default if value is None else value)
        if value is None:
            slider.value_label.setText(INHERITED)

    def _fill_emotions(self, model: str | None, current: str | None) -> None:
        """The model's emotions; a current one the model doesn't take stays listed, its rule shown."""
        offered = MODEL_EMOTIONS[model] if model else EVERY_MODEL_EMOTIONS
        extra = [current] if current and current not in offered else []
        self.emotion.blockSignals(True)
        self.emotion.clear()
        self.emotion.addItem("(none)", None)
        for emotion in (*offered, *extra):
            self.emotion.addItem(emotion.capitalize(), emotion)
        _show(self.emotion, current)
        self.emotion.blockSignals(False)

    def _name_controls(self) -> None:
        who = self._speaker or "the speaker"
        self.title.setText(f"Settings of {who}" if self._speaker else "No speaker selected")
        names: list[tuple[QWidget, str]] = [
            (self.voice, "Voice"),
            (self.model, "Model"),
            (self.emotion, "Emotion"),
            (self.language, "Language boost"),
            (self.speed.slider, "Speed"),
            (self.volume.slider, "Volume"),
            (self.pitch.slider, "Pitch in semitones"),
            (self.sound, "Sound effect"),
            (self.pronunciations.table, "Pronunciations"),
            *(
                (s.slider, f"Voice effect {t.lower()}")
                for (_n, t, _l, _r), s in zip(VOICE_EFFECTS, self.effects.values(), strict=True)
            ),
        ]
        for widget, name in names:
            widget.setAccessibleName(f"{name} of {who}")
        self.pronunciations.add_button.setAccessibleName(f"Add a pronunciation for {who}")
        self.pronunciations.remove_button.setAccessibleName(f"Remove the selected pronunciation of {who}")
        self.audition_button.setAccessibleName(f"Audition {who}: hear the selected line with these settings")

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
                problem = f"Emotion {exc.rule}" if exc.field.endswith("emotion") else str(exc)
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        return None if problem else voicing
