"""Video panel: text-to-video, image-to-video, first + last frame, subject reference and video agent
templates. Only valid model × resolution × duration combinations can be picked. Jobs run in the
JobService (they keep going when the panel closes and resume after a restart); the list shows each one
through Preparing → Queueing → Processing → downloading, and a finished video plays here."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.api.errors import InputError
from studio.api.models import (
    VIDEO_MODELS,
    VIDEO_TEMPLATES,
    VideoRequest,
    VideoSubjectReference,
    VideoTemplateRequest,
    video_default_resolution,
    video_options,
)
from studio.qt.tasks import TaskRunner
from studio.qt.theme import token
from studio.services.jobs import JobEvent, JobService, describe
from studio.services.library import MediaJob
from studio.services.media import picture_data_url
from studio.ui.media_video_preview import VideoPreview
from studio.ui.media_widgets import (
    CharCounter,
    EmptyState,
    MediaPanel,
    PictureSlot,
    chain_tab_order,
    muted_label,
    problem_label,
)

SUBMIT_KEY = "video.submit"
PROMPT_LIMIT = 2000
# (mode, its name in the Mode list and in a job's row); the names are translated where shown.
MODES: list[tuple[str, str]] = [
    ("t2v", str(QT_TRANSLATE_NOOP("VideoPanel", "Text to video"))),
    ("i2v", str(QT_TRANSLATE_NOOP("VideoPanel", "Image to video (first frame)"))),
    ("fl2v", str(QT_TRANSLATE_NOOP("VideoPanel", "First + last frame"))),
    ("s2v", str(QT_TRANSLATE_NOOP("VideoPanel", "Subject reference"))),
    ("template", str(QT_TRANSLATE_NOOP("VideoPanel", "Video agent template"))),
]
# MiniMax's camera commands: inserted in English (what the API reads); the menu also shows a translated name.
CAMERA_COMMANDS: tuple[str, ...] = tuple(str(command) for command in (
    QT_TRANSLATE_NOOP("VideoPanel", "Push in"), QT_TRANSLATE_NOOP("VideoPanel", "Pull out"),
    QT_TRANSLATE_NOOP("VideoPanel", "Pan left"), QT_TRANSLATE_NOOP("VideoPanel", "Pan right"),
    QT_TRANSLATE_NOOP("VideoPanel", "Truck left"), QT_TRANSLATE_NOOP("VideoPanel", "Truck right"),
    QT_TRANSLATE_NOOP("VideoPanel", "Tilt up"), QT_TRANSLATE_NOOP("VideoPanel", "Tilt down"),
    QT_TRANSLATE_NOOP("VideoPanel", "Pedestal up"), QT_TRANSLATE_NOOP("VideoPanel", "Pedestal down"),
    QT_TRANSLATE_NOOP("VideoPanel", "Zoom in"), QT_TRANSLATE_NOOP("VideoPanel", "Zoom out"),
    QT_TRANSLATE_NOOP("VideoPanel", "Shake"), QT_TRANSLATE_NOOP("VideoPanel", "Tracking shot"),
    QT_TRANSLATE_NOOP("VideoPanel", "Static shot")))
# The steps MiniMax and the job service report, as a job's row names them.
STATUS_NAMES = (QT_TRANSLATE_NOOP("JobRow", "Submitting"), QT_TRANSLATE_NOOP("JobRow", "Submitted"),
                QT_TRANSLATE_NOOP("JobRow", "Preparing"), QT_TRANSLATE_NOOP("JobRow", "Queueing"),
                QT_TRANSLATE_NOOP("JobRow", "Processing"), QT_TRANSLATE_NOOP("JobRow", "Success"),
                QT_TRANSLATE_NOOP("JobRow", "Fail"), QT_TRANSLATE_NOOP("JobRow", "Refused"),
                QT_TRANSLATE_NOOP("JobRow", "Unknown"), QT_TRANSLATE_NOOP("JobRow", "Expired"),
                QT_TRANSLATE_NOOP("JobRow", "Not sent"))
MAX_COMBINED = 3
# Where a job is, as a share of the bar (the service gives no percentage; these are its documented steps).
STEP_PROGRESS = {"Submitting": 3, "Submitted": 8, "Preparing": 20, "Queueing": 35, "Processing": 60, "Success": 85}
JobRole = Qt.ItemDataRole.UserRole + 1


def insert_camera_command(text: str, cursor: int, command: str) -> tuple[str, int]:
    """Insert ``[command]`` at `cursor`; right after a bracket holding fewer than three commands, join it
    (``[Pan left, Zoom in]``). Returns the new text and cursor position."""
    before, after = text[:cursor], text[cursor:]
    group = re.search(r"\[([^\[\]]*)\]$", before)
    if group and len([c for c in group.group(1).split(",") if c.strip()]) < MAX_COMBINED:
        joined = before[:-1] + f", {command}]"
        return joined + after, len(joined)
    spacer = " " if before and not before[-1].isspace() else ""
    inserted = f"{before}{spacer}[{command}]"
    return inserted + after, len(inserted)


def camera_problems(text: str) -> list[str]:
    """Brackets MiniMax won't read as camera moves: more than three at once, or unknown commands."""
    known = {c.lower() for c in CAMERA_COMMANDS}
    problems = []
    for group in re.findall(r"\[([^\[\]]*)\]", text):
        commands = [c.strip() for c in group.split(",") if c.strip()]
        if len(commands) > MAX_COMBINED:
            # Plurals through the class: pyside6-lupdate marks QCoreApplication.translate(…, n) plural only
            # when n is a literal number.
            n = len(commands)
            combined = VideoPanel.tr("[{group}] combines %n camera moves; MiniMax takes at most {most}", None, n)  # type: ignore[arg-type]
            problems.append(combined.format(group=group, most=MAX_COMBINED))
        unknown = [c for c in commands if c.lower() not in known]
        if unknown:
            strange = VideoPanel.tr("“{commands}” isn't a camera command MiniMax knows", None, len(unknown))  # type: ignore[arg-type]
            problems.append(strange.format(commands=", ".join(unknown)))
    return problems


def mode_name(job: MediaJob) -> str:
    """"Image to video (first frame)", "Diving template", … for a job's row, in the UI's language."""
    if job.kind == "template":
        return QCoreApplication.translate("VideoPanel", "{template} template").format(template=job.model)
    names = dict(MODES)
    mode = str(job.settings.get("mode"))
    return QCoreApplication.translate("VideoPanel", names[mode]) if mode in names \
        else QCoreApplication.translate("VideoPanel", "Video")


def resumable(job: MediaJob) -> bool:
    """Stopped, timed out or failed to download: watching again can still fetch it. A job MiniMax failed can't."""
    if not job.task_id:
        return False
    return job.state == "cancelled" or (job.state == "failed" and job.status.lower() not in GIVEN_UP)


GIVEN_UP = ("fail", "failed", "unknown", "expired", "refused")


class JobRow(QWidget):
    """One job in the list: what it is, where it is, and why it failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(False)  # the list's delegate paints the selection under the row
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = muted_label()
        self.bar = QProgressBar(maximum=100, textVisible=False)
        self.bar.setFixedHeight(6)
        self.error = problem_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)

    def show_job(self, job: MediaJob, message: str = "", fraction: float | None = None) -> None:
        self.title.setText(self.title.fontMetrics().elidedText(describe(job), Qt.TextElideMode.ElideRight, 360))
        self.title.setToolTip(job.prompt)
        parts = [mode_name(job)]
        if job.kind == "video" and job.model:
            parts.append(job.model)
        status = QCoreApplication.translate("JobRow", job.status) if job.status else ""
        state_text = {"done": self.tr("Ready"), "failed": self.tr("Failed ({status})").format(status=status),
                      "cancelled": self.tr("Stopped watching"),
                      "downloading": self.tr("Downloading")}.get(job.state, status)
        if job.active and message and message not in (job.status, "Downloading"):
            state_text = message  # the job service's own words (a wait, a retry): English for now
        parts.append(state_text)
        self.detail.setText(" · ".join(parts))
        self.bar.setVisible(job.active)
        progress = STEP_PROGRESS.get(job.status, 10)
        if job.state == "downloading":
            progress = 85 + int(15 * (fraction or 0))
        self.bar.setValue(100 if job.state == "done" else progress)
        self.error.setVisible(job.state == "failed" and bool(job.error))
        self.error.setText(job.error or "")


class JobDelegate(QStyledItemDelegate):
    """Paints a job's selection under its row widget: the theme's light selection colour with an accent bar,
    on which the row's muted and red labels stay readable (the palette's strong highlight would hide them)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not option.state & QStyle.StateFlag.State_Selected:
            return
        painter.save()
        painter.fillRect(option.rect, token("selected"))
        bar = QRect(option.rect)
        bar.setWidth(3)
        painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Highlight))
        painter.restore()


class VideoPanel(MediaPanel):
    SAVE_TITLE = str(QT_TRANSLATE_NOOP("VideoPanel", "Save video"))
    SAVE_FILTER = str(QT_TRANSLATE_NOOP("VideoPanel", "Video (*.mp4);;All files (*)"))

    def __init__(
        self,
        jobs: JobService,
        runner: TaskRunner,
        *,
        ask_save_path: Callable[[str], Path | None] | None = None,
        ask_picture: Callable[[], Path | None] | None = None,
        multimedia: bool | None = None,
        open_externally: Callable[[Path], None] | None = None,
        on_account_settings: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, ask_save_path=ask_save_path, on_account_settings=on_account_settings,
                         parent=parent)
        self._jobs = jobs
        self._rows: dict[str, tuple[QListWidgetItem, JobRow]] = {}
        self.preview = VideoPreview(multimedia=multimedia, open_externally=open_externally)
        self._build(ask_picture)
        for job in reversed(jobs.jobs(limit=30)):
            self._show_job(job)
        unsubscribe = jobs.add_listener(self._on_event)
        self.destroyed.connect(lambda *_: unsubscribe())
        runner.busy_changed.connect(self._on_busy)
        self._on_mode()

    # -- layout -----------------------------------------------------------------------------------------

    def _build(self, ask_picture: Callable[[], Path | None] | None) -> None:
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(QCoreApplication.translate("VideoPanel", label), key)
        self.mode.currentIndexChanged.connect(self._on_mode)

        self.first_frame = PictureSlot(self.tr("First frame"), self.tr("The video starts on this picture"),
                                       ask_path=ask_picture)
        self.last_frame = PictureSlot(self.tr("Last frame"), self.tr("…and ends on this one"), ask_path=ask_picture)
        self.subject = PictureSlot(self.tr("Subject"), self.tr("One person to feature · a clear, front-facing photo"),
                                   ask_path=ask_picture)
        self.template = QComboBox()
        for template in VIDEO_TEMPLATES.values():
            self.template.addItem(QCoreApplication.translate("MediaRules", template.name), template.template_id)
        self.template.currentIndexChanged.connect(self._on_template)
        self.template_about = muted_label(wrap=True)  # MiniMax's description of the template: English for now
        self.template_picture = PictureSlot(self.tr("Picture"), self.tr("The template animates this picture"),
                                            ask_path=ask_picture)
        self.template_text = QLineEdit(placeholderText=self.tr("e.g. tiger"))
        self.template_text_label = QLabel(self.tr("Wild &beast"))
        for slot in (self.first_frame, self.last_frame, self.subject, self.template_picture):
            slot.changed.connect(lambda _p: self._validate())
        self.template_text.textChanged.connect(lambda _t: self._validate())

        self.prompt = QPlainTextEdit(placeholderText=self.tr("Describe the shot. Camera moves go in brackets: "
                                                             "a fox runs through snow [Tracking shot]"))
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.textChanged.connect(self._validate)
        prompt_label = QLabel(self.tr("&Prompt"))
        prompt_label.setBuddy(self.prompt)
        self.camera_button = QToolButton(text=self.tr("&Camera move"))  # type: ignore[call-arg]  # Qt property keywords
        self.camera_button.setToolTip(self.tr("Insert a camera command in [brackets] at the cursor (up to 3 together)"))
        self.camera_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.camera_button)
        for command in CAMERA_COMMANDS:
            name = QCoreApplication.translate("VideoPanel", command)
            # Translated, the menu names the move and shows the English command it inserts (after a tab: right-aligned).
            text = command if name == command else f"{name}\t[{command}]"
            menu.addAction(text, functools.partial(self.insert_camera, command))
        self.camera_button.setMenu(menu)
        self.counter = CharCounter(PROMPT_LIMIT)
        self.optimizer = QCheckBox(self.tr("Let MiniMax &improve the prompt"))
        self.optimizer.setChecked(True)
        prompt_tools = QHBoxLayout()
        prompt_tools.addWidget(self.camera_button)
        prompt_tools.addWidget(self.optimizer)
        prompt_tools.addStretch(1)
        prompt_tools.addWidget(self.counter)

        self.model = QComboBox()
        self.model.currentIndexChanged.connect(self._on_model)
        self.resolution = QComboBox()
        self.resolution.currentIndexChanged.connect(self._on_resolution)
        self.duration = QComboBox()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("M&ode"), self.mode)
        self.form.addRow(self.tr("&Template"), self.template)
        self.form.addRow("", self.template_about)
        self.form.addRow(self.template_text_label, self.template_text)
        self.form.addRow(self.tr("&Model"), self.model)
        self.form.addRow(self.tr("&Resolution"), self.resolution)
        self.form.addRow(self.tr("&Duration"), self.duration)

        self.problem = problem_label()
        self.camera_note = muted_label(wrap=True)
        self.generate_button = QPushButton(self.tr("&Generate video"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.status = muted_label(wrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.status, 1)

        self.prompt_box = QWidget()
        prompt_layout = QVBoxLayout(self.prompt_box)
        prompt_layout.setContentsMargins(0, 0, 0, 0)
        prompt_layout.addWidget(prompt_label)
        prompt_layout.addWidget(self.prompt, 1)
        prompt_layout.addLayout(prompt_tools)
        prompt_layout.addWidget(self.camera_note)

        form_widget = QWidget()
        left_layout = QVBoxLayout(form_widget)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(self.form)
        for slot in (self.first_frame, self.last_frame, self.subject, self.template_picture):
            left_layout.addWidget(slot)
        left_layout.addWidget(self.prompt_box, 1)
        left_layout.addWidget(self.problem)
        left_layout.addLayout(actions)
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.job_list = QListWidget()
        self.job_list.setObjectName("videoJobs")
        self.job_list.setAccessibleName(self.tr("Jobs"))
        # A light selection (JobDelegate): the rows are widgets whose muted and red labels must stay readable on it.
        self.job_list.setItemDelegate(JobDelegate(self.job_list))
        self.job_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.job_list.currentItemChanged.connect(lambda *_: self._on_job_selected())
        self.empty_state = EmptyState(
            self.job_list, self.tr("No video jobs yet"),
            self.tr("Describe the shot and press Generate video: each job waits here until its video is ready, "
                    "even across a restart."),
            self.tr("Write a prompt"), self._focus_first_input)
        self.stop_button = QPushButton(self.tr("Stop &watching"))
        self.stop_button.setToolTip(self.tr("MiniMax can't cancel a video: it may still finish. Resume fetches it."))
        self.stop_button.clicked.connect(self.stop_selected)
        self.resume_button = QPushButton(self.tr("R&esume"))
        self.resume_button.setToolTip(self.tr("Check the job again and download the video when it is ready"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.save_button = QPushButton(self.tr("&Save video…"))
        self.save_button.clicked.connect(self.save_selected)
        job_buttons = QHBoxLayout()
        job_buttons.addWidget(self.save_button)
        job_buttons.addStretch(1)
        job_buttons.addWidget(self.resume_button)
        job_buttons.addWidget(self.stop_button)
        jobs_title = QLabel(self.tr("&Jobs"))
        jobs_title.setBuddy(self.job_list)
        font = jobs_title.font()
        font.setBold(True)
        jobs_title.setFont(font)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.setChildrenCollapsible(False)
        right_split.addWidget(self.preview)
        jobs_box = QWidget()
        jobs_layout = QVBoxLayout(jobs_box)
        jobs_layout.setContentsMargins(0, 6, 0, 0)
        jobs_layout.addWidget(jobs_title)
        jobs_layout.addWidget(self.job_list, 1)
        jobs_layout.addLayout(job_buttons)
        right_split.addWidget(jobs_box)
        right_split.setSizes([330, 260])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(right_split)

        self._set_panes(scroll, right, [420, 580])
        chain_tab_order(self.mode, self.template, self.template_text, self.model, self.resolution, self.duration,
                        self.first_frame, self.first_frame.clear_button, self.last_frame, self.last_frame.clear_button,
                        self.subject, self.subject.clear_button, self.template_picture,
                        self.template_picture.clear_button, self.prompt, self.camera_button, self.optimizer,
                        self.generate_button, self.preview.play_button, self.preview.seek,
                        self.preview.external_button, self.job_list, self.empty_state.action_button,
                        self.save_button, self.resume_button, self.stop_button)
        self._on_template()
        self._update_job_buttons()

    # -- the form ---------------------------------------------------------------------------------------

    def current_mode(self) -> str:
        return str(self.mode.currentData())

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def set_first_frame(self, path: Path) -> None:
        """From Image: "Use as video first frame" → image-to-video with that picture."""
        if self.current_mode() not in ("i2v", "fl2v"):
            self.set_mode("i2v")
        self.first_frame.set_path(Path(path))

    def _focus_first_input(self) -> None:
        """The empty job list's action: the prompt, or in template mode (no prompt) the template's picture."""
        (self.template_picture if self.current_mode() == "template" else self.prompt).setFocus()

    def insert_camera(self, command: str) -> None:
        cursor = self.prompt.textCursor()
        text, position = insert_camera_command(self.prompt.toPlainText(), cursor.position(), command)
        self.prompt.setPlainText(text)
        cursor = self.prompt.textCursor()
        cursor.setPosition(position)
        self.prompt.setTextCursor(cursor)
        self.prompt.setFocus()

    def _on_mode(self) -> None:
        mode = self.current_mode()
        template = mode == "template"
        self.first_frame.setVisible(mode in ("i2v", "fl2v"))
        self.last_frame.setVisible(mode == "fl2v")
        self.subject.setVisible(mode == "s2v")
        self.template_picture.setVisible(template)
        self.prompt_box.setVisible(not template)
        for field in (self.template, self.template_about):
            self.form.setRowVisible(field, template)
        for field in (self.model, self.resolution, self.duration):
            self.form.setRowVisible(field, not template)
        self._on_template()
        self.first_frame.set_title(self.tr("First frame") if mode == "fl2v" else self.tr("Image"))
        if not template:
            current = self.model.currentData()
            self.model.blockSignals(True)
            self.model.clear()
            for model in VIDEO_MODELS[mode]:
                self.model.addItem(model, model)
            index = self.model.findData(current)
            self.model.setCurrentIndex(max(0, index))
            self.model.blockSignals(False)
            self._on_model()
        self._validate()

    def _on_template(self) -> None:
        template = VIDEO_TEMPLATES[str(self.template.currentData())]
        self.template_about.setText(QCoreApplication.translate("MediaRules", template.description))
        visible = self.current_mode() == "template" and template.needs_text
        self.form.setRowVisible(self.template_text, visible)
        self._validate()

    def _on_model(self) -> None:
        options = video_options(str(self.model.currentData()), self.current_mode())
        current = self.resolution.currentData()
        self.resolution.blockSignals(True)
        self.resolution.clear()
        for resolution in options:
            self.resolution.addItem(resolution, resolution)
        default = current if current in options else video_default_resolution(str(self.model.currentData()))
        self.resolution.setCurrentIndex(max(0, self.resolution.findData(default)))
        self.resolution.blockSignals(False)
        self._on_resolution()

    def _on_resolution(self) -> None:
        options = video_options(str(self.model.currentData()), self.current_mode())
        durations = options.get(str(self.resolution.currentData()), [])
        current = self.duration.currentData()
        self.duration.clear()
        for seconds in durations:
            self.duration.addItem(f"{seconds} s", seconds)
        self.duration.setCurrentIndex(max(0, self.duration.findData(current if current in durations else 6)))

    def build_request(self) -> VideoRequest | VideoTemplateRequest:
        """The request the form describes; raises InputError (and nothing is sent) when a rule is broken."""
        mode = self.current_mode()
        if mode == "template":
            template = VIDEO_TEMPLATES[str(self.template.currentData())]
            if self.template_picture.path is None:
                raise InputError("picture", "required", self.tr(
                    "The {template} template animates a picture: drop one on its slot.").format(
                    template=QCoreApplication.translate("MediaRules", template.name)))
            text = self.template_text.text().strip()
            return VideoTemplateRequest(
                template_id=template.template_id,
                media_inputs=[picture_data_url(self.template_picture.path, "video", "picture")],
                text_inputs=[text] if template.needs_text and text else None,
            )
        first_needed = self.tr("This mode needs a first frame: drop a picture on its slot.")
        last_needed = self.tr("This mode needs a last frame: drop a picture on its slot.")
        subject_needed = self.tr("This mode needs a subject picture: drop one on its slot.")
        needs = {"i2v": [("first_frame", self.first_frame, first_needed)],
                 "s2v": [("subject", self.subject, subject_needed)],
                 "fl2v": [("first_frame", self.first_frame, first_needed),
                          ("last_frame", self.last_frame, last_needed)]}.get(mode, [])
        paths: dict[str, Path] = {}
        for field, slot, needed in needs:
            if slot.path is None:
                raise InputError(field, "required", needed)
            paths[field] = slot.path
        # The last argument names the picture in the service's own (English) messages about it.
        framed = mode in ("i2v", "fl2v")
        first = picture_data_url(paths["first_frame"], "video", "first frame") if framed else None  # notr
        last = picture_data_url(paths["last_frame"], "video", "last frame") if mode == "fl2v" else None  # notr
        subject = [VideoSubjectReference(image=[picture_data_url(paths["subject"], "video", "subject")])] \
            if mode == "s2v" else None
        return VideoRequest(
            model=self.model.currentData(),
            prompt=self.prompt.toPlainText().strip() or None,
            first_frame_image=first,
            last_frame_image=last,
            subject_reference=subject,
            resolution=self.resolution.currentData(),
            duration=self.duration.currentData(),
            prompt_optimizer=self.optimizer.isChecked(),
        )

    def _validate(self) -> None:
        mode = self.current_mode()
        text = self.prompt.toPlainText().strip()
        within = self.counter.count(len(text))
        over = len(text) - PROMPT_LIMIT
        problem = "" if within else VideoPanel.tr("The prompt is %n character(s) too long.", None, over)  # type: ignore[arg-type]
        missing = {
            "t2v": not text,
            "i2v": self.first_frame.path is None,
            "fl2v": self.first_frame.path is None or self.last_frame.path is None,
            "s2v": self.subject.path is None,
            "template": self.template_picture.path is None or (
                VIDEO_TEMPLATES[str(self.template.currentData())].needs_text
                and not self.template_text.text().strip()),
        }.get(mode, False)
        notes = camera_problems(text) if mode != "template" else []
        self.camera_note.setText("\n".join(notes))
        self.camera_note.setVisible(bool(notes))
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.generate_button.setEnabled(not problem and not missing and not self._runner.is_busy(SUBMIT_KEY))

    # -- submitting and jobs ------------------------------------------------------------------------------

    def generate(self) -> None:
        request = self._checked_request(self.build_request)
        if request is None:
            return
        self.banner.dismiss()
        self.status.setText(self.tr("Sending…"))
        submit = self._jobs.submit_template(request) if isinstance(request, VideoTemplateRequest) \
            else self._jobs.submit_video(request)
        self._runner.run(SUBMIT_KEY, submit, on_done=self._submitted,
                         on_error=lambda exc: self._generate_failed(exc, self.generate))

    def _submitted(self, job: MediaJob) -> None:
        self.status.setText(self.tr("Submitted. Videos take a few minutes; you can close this panel or the app "
                                    "and the video is fetched when it is ready."))
        self._select_job(job.id)

    def _on_event(self, event: JobEvent) -> None:
        self._show_job(event.job, event.message, event.fraction)
        if event.kind == "finished" and event.take is not None:
            self.preview.load(event.take.path, event.take.thumbnail)
            self._select_job(event.job.id)
            ready = self.tr("Video ready: {what}").format(what=describe(event.job))
            self.status.setText(ready)
            self.message.emit(ready)
        elif event.kind == "failed":
            failed = self.tr("Failed: {what}") if event.job.state == "failed" else self.tr("Stopped watching: {what}")
            self.status.setText(failed.format(what=describe(event.job)))
            self.message.emit(event.job.error or event.message)
        self._update_job_buttons()

    def _show_job(self, job: MediaJob, message: str = "", fraction: float | None = None) -> None:
        if job.id not in self._rows:
            item = QListWidgetItem()
            row = JobRow()
            self.job_list.insertItem(0, item)
            self.job_list.setItemWidget(item, row)
            self._rows[job.id] = (item, row)
        item, row = self._rows[job.id]
        item.setData(JobRole, job)
        row.show_job(job, message, fraction)
        item.setSizeHint(row.sizeHint())

    def _select_job(self, job_id: str) -> None:
        if job_id in self._rows:
            self.job_list.setCurrentItem(self._rows[job_id][0])

    def selected_job(self) -> MediaJob | None:
        item = self.job_list.currentItem()
        if item is None:
            return None
        job: MediaJob = item.data(JobRole)
        return self._jobs.library.job(job.id) or job

    def job_rows(self) -> dict[str, JobRow]:
        return {job_id: row for job_id, (_item, row) in self._rows.items()}

    def _on_job_selected(self) -> None:
        job = self.selected_job()
        if job is not None and job.state == "done" and job.take_id:
            take = self._jobs.library.take(job.take_id)
            if take is not None and take.path != self.preview.video:
                self.preview.load(take.path, take.thumbnail)
        self._update_job_buttons()

    def stop_selected(self) -> None:
        job = self.selected_job()
        if job is not None and job.active:
            self._jobs.cancel(job.id)

    def resume_selected(self) -> None:
        job = self.selected_job()
        if job is not None and resumable(job):
            self._show_job(self._jobs.resume(job.id))
            self._update_job_buttons()

    def save_selected(self) -> None:
        if self.preview.video is None:
            return
        job = self.selected_job()
        self._save_copy(self.preview.video, f"{describe(job)[:50] if job else 'video'}.mp4")

    def _update_job_buttons(self) -> None:
        job = self.selected_job()
        self.stop_button.setEnabled(job is not None and job.active)
        self.resume_button.setEnabled(job is not None and resumable(job))
        self.save_button.setEnabled(self.preview.video is not None)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == SUBMIT_KEY:
            self._validate()
