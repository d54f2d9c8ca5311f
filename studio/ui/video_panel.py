"""Video panel: text-to-video, image-to-video, first + last frame, subject reference and video agent
templates. Only valid model × resolution × duration combinations can be picked. Jobs run in the
JobService (they keep going when the panel closes and resume after a restart); the list shows each one
through Preparing → Queueing → Processing → downloading, and a finished video plays here."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
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
from studio.services.jobs import JobEvent, JobService, describe, mode_label
from studio.services.library import MediaJob
from studio.services.media import picture_data_url
from studio.ui.media_video_preview import VideoPreview
from studio.ui.media_widgets import CharCounter, MediaPanel, PictureSlot, muted_label, problem_label

SUBMIT_KEY = "video.submit"
PROMPT_LIMIT = 2000
MODES: list[tuple[str, str]] = [
    ("t2v", "Text to video"),
    ("i2v", "Image to video (first frame)"),
    ("fl2v", "First + last frame"),
    ("s2v", "Subject reference"),
    ("template", "Video agent template"),
]
CAMERA_COMMANDS = ("Push in", "Pull out", "Pan left", "Pan right", "Truck left", "Truck right", "Tilt up",
                   "Tilt down", "Pedestal up", "Pedestal down", "Zoom in", "Zoom out", "Shake", "Tracking shot",
                   "Static shot")
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
            problems.append(f"[{group}] combines {len(commands)} camera moves; MiniMax takes at most {MAX_COMBINED}")
        unknown = [c for c in commands if c.lower() not in known]
        if unknown:
            problems.append(f"“{', '.join(unknown)}” isn't a camera command MiniMax knows")
    return problems


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
        parts = [mode_label(job)]
        if job.kind == "video" and job.model:
            parts.append(job.model)
        state_text = {"done": "Ready", "failed": f"Failed ({job.status})", "cancelled": "Stopped watching",
                      "downloading": "Downloading"}.get(job.state, job.status)
        if job.active and message and message not in (job.status, "Downloading"):
            state_text = message
        parts.append(state_text)
        self.detail.setText(" · ".join(parts))
        self.bar.setVisible(job.active)
        progress = STEP_PROGRESS.get(job.status, 10)
        if job.state == "downloading":
            progress = 85 + int(15 * (fraction or 0))
        self.bar.setValue(100 if job.state == "done" else progress)
        self.error.setVisible(job.state == "failed" and bool(job.error))
        self.error.setText(job.error or "")


class VideoPanel(MediaPanel):
    SAVE_TITLE = "Save video"
    SAVE_FILTER = "Video (*.mp4);;All files (*)"

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
        super().__init__("VideoPanel", runner, ask_save_path=ask_save_path, on_account_settings=on_account_settings,
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
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(self._on_mode)

        self.first_frame = PictureSlot("First frame", "The video starts on this picture", ask_path=ask_picture)
        self.last_frame = PictureSlot("Last frame", "…and ends on this one", ask_path=ask_picture)
        self.subject = PictureSlot("Subject", "One person to feature · a clear, front-facing photo",
                                   ask_path=ask_picture)
        self.template = QComboBox()
        for template in VIDEO_TEMPLATES.values():
            self.template.addItem(template.name, template.template_id)
        self.template.currentIndexChanged.connect(self._on_template)
        self.template_about = muted_label(wrap=True)
        self.template_picture = PictureSlot("Picture", "The template animates this picture", ask_path=ask_picture)
        self.template_text = QLineEdit(placeholderText="e.g. tiger")
        self.template_text_label = QLabel("Wild beast")
        for slot in (self.first_frame, self.last_frame, self.subject, self.template_picture):
            slot.changed.connect(lambda _p: self._validate())
        self.template_text.textChanged.connect(lambda _t: self._validate())

        self.prompt = QPlainTextEdit(placeholderText="Describe the shot. Camera moves go in brackets: "
                                                     "a fox runs through snow [Tracking shot]")
        self.prompt.textChanged.connect(self._validate)
        self.camera_button = QToolButton(text="Camera move")  # type: ignore[call-arg]  # Qt property keywords
        self.camera_button.setToolTip("Insert a camera command in [brackets] at the cursor (up to 3 together)")
        self.camera_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.camera_button)
        for command in CAMERA_COMMANDS:
            menu.addAction(command, functools.partial(self.insert_camera, command))
        self.camera_button.setMenu(menu)
        self.counter = CharCounter(PROMPT_LIMIT)
        self.optimizer = QCheckBox("Let MiniMax improve the prompt")
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
        self.form.addRow("Mode", self.mode)
        self.form.addRow("Template", self.template)
        self.form.addRow("", self.template_about)
        self.form.addRow(self.template_text_label, self.template_text)
        self.form.addRow("Model", self.model)
        self.form.addRow("Resolution", self.resolution)
        self.form.addRow("Duration", self.duration)

        self.problem = problem_label()
        self.camera_note = muted_label(wrap=True)
        self.generate_button = QPushButton("Generate video")
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.status = muted_label(wrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.status, 1)

        self.prompt_box = QWidget()
        prompt_layout = QVBoxLayout(self.prompt_box)
        prompt_layout.setContentsMargins(0, 0, 0, 0)
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
        # A light selection: the rows are widgets whose muted and red labels must stay readable on it.
        self.job_list.setStyleSheet("QListWidget#videoJobs::item:selected { background: rgba(59, 111, 216, 0.16); "
                                    "border-left: 3px solid palette(highlight); }")
        self.job_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.job_list.currentItemChanged.connect(lambda *_: self._on_job_selected())
        self.stop_button = QPushButton("Stop watching")
        self.stop_button.setToolTip("MiniMax can't cancel a video: it may still finish. Resume fetches it.")
        self.stop_button.clicked.connect(self.stop_selected)
        self.resume_button = QPushButton("Resume")
        self.resume_button.setToolTip("Check the job again and download the video when it is ready")
        self.resume_button.clicked.connect(self.resume_selected)
        self.save_button = QPushButton("Save video…")
        self.save_button.clicked.connect(self.save_selected)
        job_buttons = QHBoxLayout()
        job_buttons.addWidget(self.save_button)
        job_buttons.addStretch(1)
        job_buttons.addWidget(self.resume_button)
        job_buttons.addWidget(self.stop_button)
        jobs_title = QLabel("Jobs")
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
        self.first_frame.title.setText("First frame" if mode == "fl2v" else "Image")
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
        self.template_about.setText(template.description)
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
                raise InputError("picture", f"is required: the {template.name} template animates a picture")
            text = self.template_text.text().strip()
            return VideoTemplateRequest(
                template_id=template.template_id,
                media_inputs=[picture_data_url(self.template_picture.path, "video", "picture")],
                text_inputs=[text] if template.needs_text and text else None,
            )
        needs = {"i2v": [("first frame", self.first_frame)], "s2v": [("subject picture", self.subject)],
                 "fl2v": [("first frame", self.first_frame), ("last frame", self.last_frame)]}.get(mode, [])
        paths: dict[str, Path] = {}
        for name, slot in needs:
            if slot.path is None:
                raise InputError(name, "is required in this mode: drop a picture on it")
            paths[name] = slot.path
        first = picture_data_url(paths["first frame"], "video", "first frame") if mode in ("i2v", "fl2v") \
            else None
        last = picture_data_url(paths["last frame"], "video", "last frame") if mode == "fl2v" else None
        subject = [VideoSubjectReference(image=[picture_data_url(paths["subject picture"], "video", "subject")])] \
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
        problem = "" if within else f"The prompt is {len(text) - PROMPT_LIMIT:,} characters too long."
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
        self.camera_note.setText("; ".join(notes))
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
        self.status.setText("Sending…")
        submit = self._jobs.submit_template(request) if isinstance(request, VideoTemplateRequest) \
            else self._jobs.submit_video(request)
        self._runner.run(SUBMIT_KEY, submit, on_done=self._submitted,
                         on_error=lambda exc: self._generate_failed(exc, self.generate))

    def _submitted(self, job: MediaJob) -> None:
        self.status.setText("Submitted. Videos take a few minutes; you can close this panel or the app "
                            "and the video is fetched when it is ready.")
        self._select_job(job.id)

    def _on_event(self, event: JobEvent) -> None:
        self._show_job(event.job, event.message, event.fraction)
        if event.kind == "finished" and event.take is not None:
            self.preview.load(event.take.path, event.take.thumbnail)
            self._select_job(event.job.id)
            self.status.setText(event.message)
            self.message.emit(event.message)
        elif event.kind == "failed":
            self.status.setText(f"Failed: {describe(event.job)}" if event.job.state == "failed" else event.message)
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
