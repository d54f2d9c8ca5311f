"""Image panel: a prompt, size (aspect ratio or width × height), count, seed and an optional subject
reference in; a grid of results out, each kept in the Library with its parameters. A result can be
viewed full size, copied, saved, its seed reused, or sent to Video as a first frame."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studio.api.models import ImageRequest, ImageSubjectReference
from studio.qt.i18n import number
from studio.qt.tasks import TaskRunner
from studio.services.export import file_format
from studio.services.library import Take
from studio.services.media import MediaService, picture_data_url
from studio.ui.media_widgets import (
    CharCounter,
    EmptyState,
    MediaPanel,
    PictureSlot,
    file_stem,
    muted_label,
    problem_label,
    scaled_pixmap,
)

GENERATE_KEY = "image.generate"
PROMPT_LIMIT = 1500
THUMB = QSize(200, 150)
RECENT = 60
TakeRole = Qt.ItemDataRole.UserRole + 1
ASPECTS = [("1:1", "1024 × 1024"), ("16:9", "1280 × 720"), ("4:3", "1152 × 864"), ("3:2", "1248 × 832"),
           ("2:3", "832 × 1248"), ("3:4", "864 × 1152"), ("9:16", "720 × 1280"), ("21:9", "1344 × 576")]
CUSTOM = "custom"


class ThumbnailDelegate(QStyledItemDelegate):
    """Just the picture, centred in its cell, with a highlight frame when selected (no empty caption row)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(THUMB.width() + 12, THUMB.height() + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect: QRect = option.rect
        cell = rect.adjusted(3, 3, -3, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell, 6, 6)
        icon: QIcon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None:
            pixmap = icon.pixmap(THUMB)
            target = QRect(0, 0, pixmap.width(), pixmap.height())
            target.moveCenter(cell.center())
            painter.drawPixmap(target, pixmap)
        painter.restore()


class ImageViewer(QDialog):
    """A result fitted to the window; "100 %" (or 1; 0 fits again) shows it pixel for pixel, scrolled."""

    def __init__(self, take: Take, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(take.text[:80])
        self.picture = QPixmap(str(take.path))
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.label)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Shortcuts 0 and 1 rather than mnemonics (a mnemonic in the text would replace them).
        self.fit_button = QPushButton(self.tr("Fit"), checkable=True, checked=True)  # type: ignore[call-overload]  # Qt property keywords
        self.fit_button.setToolTip(self.tr("Fit the picture to the window (0)"))
        self.fit_button.setShortcut("0")
        self.actual_button = QPushButton("100 %", checkable=True)  # type: ignore[call-overload]  # Qt property keywords
        self.actual_button.setToolTip(self.tr("Show the picture pixel for pixel (1)"))
        self.actual_button.setAccessibleName(self.tr("Actual size"))
        self.actual_button.setShortcut("1")
        self.fit_button.clicked.connect(lambda: self.set_fitted(True))
        self.actual_button.clicked.connect(lambda: self.set_fitted(False))
        self.size_label = muted_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.fit_button)
        buttons.addWidget(self.actual_button)
        buttons.addWidget(self.size_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        screen = QGuiApplication.primaryScreen().availableSize()
        self.resize(min(self.picture.width() + 40, int(screen.width() * 0.9)),
                    min(self.picture.height() + 80, int(screen.height() * 0.9)))
        self.fitted = True
        self.set_fitted(True)

    def set_fitted(self, fitted: bool) -> None:
        self.fitted = fitted
        self.fit_button.setChecked(fitted)
        self.actual_button.setChecked(not fitted)
        self.scroll_area.setWidgetResizable(fitted)
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fitted else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.scroll_area.setHorizontalScrollBarPolicy(policy)
        self.scroll_area.setVerticalScrollBarPolicy(policy)
        self._show_picture()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self._show_picture()

    def _show_picture(self) -> None:
        if self.picture.isNull():
            return
        if self.fitted:
            room = self.scroll_area.viewport().size()
            shown = self.picture.size().scaled(room, Qt.AspectRatioMode.KeepAspectRatio).boundedTo(self.picture.size())
            self.label.setPixmap(self.picture.scaled(shown, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        else:
            self.label.setPixmap(self.picture)
            self.label.adjustSize()
        zoom = self.label.pixmap().width() / self.picture.width() * 100
        self.size_label.setText(f"{self.picture.width()} × {self.picture.height()} · {zoom:.0f} %")


class ImagePanel(MediaPanel):
    use_as_first_frame = Signal(Path)  # a result's file: the window shows Video with it as the first frame
    SAVE_TITLE = str(QT_TRANSLATE_NOOP("ImagePanel", "Save picture"))
    SAVE_FILTER = str(QT_TRANSLATE_NOOP("ImagePanel", "Pictures (*.png *.jpg *.jpeg);;All files (*)"))

    def __init__(
        self,
        media: MediaService,
        runner: TaskRunner,
        *,
        ask_save_path: Callable[[str], Path | None] | None = None,
        ask_picture: Callable[[], Path | None] | None = None,
        on_account_settings: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, ask_save_path=ask_save_path, on_account_settings=on_account_settings,
                         parent=parent)
        self._media = media
        self._build(ask_picture)
        runner.busy_changed.connect(self._on_busy)
        self._load_recent()
        self._validate()

    # -- layout -----------------------------------------------------------------------------------------

    def _build(self, ask_picture: Callable[[], Path | None] | None) -> None:
        self.prompt = QPlainTextEdit(placeholderText=self.tr("Describe the picture: subject, setting, light, style…"))
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.textChanged.connect(self._validate)
        prompt_label = QLabel(self.tr("&Prompt"))
        prompt_label.setBuddy(self.prompt)
        self.counter = CharCounter(PROMPT_LIMIT)
        self.optimizer = QCheckBox(self.tr("Let MiniMax &improve the prompt"))
        self.optimizer.setToolTip(self.tr("prompt_optimizer: MiniMax rewrites the prompt before generating"))
        under_prompt = QHBoxLayout()
        under_prompt.addWidget(self.optimizer)
        under_prompt.addStretch(1)
        under_prompt.addWidget(self.counter)

        self.model = QComboBox()
        self.model.addItem("image-01", "image-01")
        self.model.addItem(self.tr("{model} (faster, aspect ratios only)").format(model="image-01-live"),
                           "image-01-live")
        self.model.currentIndexChanged.connect(self._on_model)
        self.size_combo = QComboBox()
        for ratio, pixels in ASPECTS:
            self.size_combo.addItem(f"{ratio}  ·  {pixels}", ratio)
        self.size_combo.addItem(self.tr("Custom width × height"), CUSTOM)
        self.size_combo.currentIndexChanged.connect(self._on_size)
        self.width_box = self._pixels_box()
        self.width_box.setAccessibleName(self.tr("Width"))
        self.height_box = self._pixels_box()
        self.height_box.setAccessibleName(self.tr("Height"))
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(lambda _v: self._validate())
        custom = QHBoxLayout()
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(self.width_box)
        custom.addWidget(QLabel("×"))
        custom.addWidget(self.height_box)
        custom.addWidget(muted_label(self.tr("px, multiples of 8")), 1)
        self.custom_row = QWidget()
        self.custom_row.setLayout(custom)
        self.count = QSpinBox(minimum=1, maximum=9, value=4)
        self.count.setToolTip(self.tr("How many pictures to make (1–9)"))
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.seed.setSpecialValueText(self.tr("Random"))
        self.seed.setToolTip(self.tr("The same seed and prompt give the same picture; Random picks a new one"))
        self.reuse_seed_button = QPushButton(self.tr("&Reuse seed"))
        self.reuse_seed_button.setToolTip(self.tr("Use the selected result's seed for the next pictures"))
        self.reuse_seed_button.clicked.connect(self.reuse_seed)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.reuse_seed_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Model"), self.model)
        form.addRow(self.tr("Si&ze"), self.size_combo)
        form.addRow("", self.custom_row)
        form.addRow(self.tr("Pict&ures"), self.count)
        seed_label = QLabel(self.tr("&Seed"))
        seed_label.setBuddy(self.seed)  # a row of a layout gets no buddy by itself
        form.addRow(seed_label, seed_row)

        self.subject = PictureSlot(self.tr("Subject reference (optional)"),
                                   self.tr("One front-facing person to keep · JPG or PNG under 10 MB"),
                                   ask_path=ask_picture)
        self.subject.changed.connect(lambda _p: self._validate())
        self.problem = problem_label()
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.generate_button.setObjectName("primary")
        self.generate_button.clicked.connect(self.generate)
        self.status = muted_label(wrap=True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.status, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(prompt_label)
        left_layout.addWidget(self.prompt, 1)
        left_layout.addLayout(under_prompt)
        left_layout.addLayout(form)
        left_layout.addWidget(self.subject)
        left_layout.addWidget(self.problem)
        left_layout.addLayout(actions)

        self.grid = QListWidget()
        self.grid.setAccessibleName(self.tr("Pictures"))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(THUMB)
        self.grid.setGridSize(QSize(THUMB.width() + 12, THUMB.height() + 12))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setSpacing(4)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setItemDelegate(ThumbnailDelegate(self.grid))
        self.grid.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.grid.itemDoubleClicked.connect(lambda _item: self.view_selected())
        self.empty_state = EmptyState(
            self.grid, self.tr("No pictures yet"),
            self.tr("Write a prompt and press Generate: your pictures appear here, newest first."),
            self.tr("Write a prompt"), self.prompt.setFocus)
        self.results_label = muted_label()
        self.view_button = QPushButton(self.tr("&View"))
        self.view_button.setToolTip(self.tr("Full size (double-click)"))
        self.view_button.clicked.connect(self.view_selected)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.save_button = QPushButton(self.tr("S&ave…"))
        self.save_button.clicked.connect(self.save_selected)
        self.first_frame_button = QPushButton(self.tr("Use as video &first frame"))
        self.first_frame_button.setToolTip(self.tr("Open Video in image-to-video mode with this picture"))
        self.first_frame_button.clicked.connect(self._send_to_video)
        buttons = QHBoxLayout()
        for button in (self.view_button, self.copy_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.first_frame_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.results_label)
        right_layout.addWidget(self.grid, 1)
        right_layout.addLayout(buttons)

        self._set_panes(left, right, [380, 620])
        self._on_size()
        self._update_buttons()

    @staticmethod
    def _pixels_box() -> QSpinBox:
        box = QSpinBox(minimum=512, maximum=2048, value=1024, singleStep=8)
        box.setSuffix(" px")
        return box

    # -- inputs -----------------------------------------------------------------------------------------

    def _on_model(self) -> None:
        live = self.model.currentData() == "image-01-live"
        item = self.size_combo.model().item(self.size_combo.count() - 1)  # type: ignore[attr-defined]  # a QStandardItemModel
        item.setEnabled(not live)
        if live and self.size_combo.currentData() == CUSTOM:
            self.size_combo.setCurrentIndex(0)
        self._validate()

    def _on_size(self) -> None:
        self.custom_row.setVisible(self.size_combo.currentData() == CUSTOM)
        self._validate()

    def build_request(self) -> ImageRequest:
        """The request the form describes; raises InputError (nothing is sent) when a rule is broken."""
        custom = self.size_combo.currentData() == CUSTOM
        subject = None
        if self.subject.path is not None:
            url = picture_data_url(self.subject.path, "subject", "subject_reference")
            subject = [ImageSubjectReference(image_file=url)]
        return ImageRequest(
            model=self.model.currentData(),
            prompt=self.prompt.toPlainText().strip(),
            aspect_ratio=None if custom else self.size_combo.currentData(),
            width=self.width_box.value() if custom else None,
            height=self.height_box.value() if custom else None,
            n=self.count.value(),
            seed=self.seed.value() or None,
            prompt_optimizer=True if self.optimizer.isChecked() else None,
            subject_reference=subject,
        )

    def _validate(self) -> None:
        text = self.prompt.toPlainText().strip()
        within = self.counter.count(len(text))
        problem = ""
        if not within:
            over = len(text) - PROMPT_LIMIT
            # Plurals through the class: self.tr misses a plural's translation on a subclass, and pyside6-lupdate
            # marks QCoreApplication.translate(…, n) plural only when n is a literal number.
            problem = ImagePanel.tr("The prompt is %n character(s) over MiniMax's {limit}.", None, over)  # type: ignore[arg-type]
            problem = problem.format(limit=number(PROMPT_LIMIT))
        elif self.size_combo.currentData() == CUSTOM:
            for rule, box in ((self.tr("Width must be a multiple of 8 (got {value})."), self.width_box),
                              (self.tr("Height must be a multiple of 8 (got {value})."), self.height_box)):
                if box.value() % 8:
                    problem = rule.format(value=box.value())
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.generate_button.setEnabled(bool(text) and not problem and not self._runner.is_busy(GENERATE_KEY))

    # -- actions ----------------------------------------------------------------------------------------

    def generate(self) -> None:
        request = self._checked_request(self.build_request)
        if request is None:
            return
        self.banner.dismiss()
        self.problem.hide()
        self.status.setText(ImagePanel.tr("Generating %n picture(s)…", None, request.n))  # type: ignore[arg-type]

        def waiting(seconds: float) -> None:
            self.status.setText(self.tr("MiniMax takes 10 image requests a minute: waiting {seconds} s…")
                                .format(seconds=f"{seconds:.0f}"))

        self._runner.run(GENERATE_KEY, self._media.generate_images(request, on_wait=waiting), owner=self,
                         on_done=self._show_results,
                         on_error=lambda exc: self._generate_failed(exc, self.generate))

    def _show_results(self, takes: list[Take]) -> None:
        for take in reversed(takes):
            self.grid.insertItem(0, self._item(take))
        self.grid.setCurrentRow(0)
        seed = takes[0].settings.get("seed") if takes else None
        if seed:
            saved = ImagePanel.tr("%n picture(s) saved to the Library · seed {seed}", None, len(takes))  # type: ignore[arg-type]
            self.status.setText(saved.format(seed=seed))
        else:
            self.status.setText(ImagePanel.tr("%n picture(s) saved to the Library", None, len(takes)))  # type: ignore[arg-type]
        self._update_results_label()
        self.message.emit(self.status.text())

    def _load_recent(self) -> None:
        for take in self._media.library.takes(kind="image", limit=RECENT):
            self.grid.addItem(self._item(take))
        self._update_results_label()

    def _item(self, take: Take) -> QListWidgetItem:
        item = QListWidgetItem(QIcon(scaled_pixmap(take.path, THUMB)), "")
        item.setData(TakeRole, take)
        item.setToolTip(self.tr("{prompt}\n{width} × {height} · seed {seed} · {model}").format(
            prompt=take.text, width=take.settings.get("width", "?"), height=take.settings.get("height", "?"),
            seed=take.settings.get("seed", "?"), model=take.model))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, take.text)
        return item

    def _update_results_label(self) -> None:
        """The count over the grid; an empty grid says what it is for itself (its EmptyState)."""
        n = self.grid.count()
        self.results_label.setText(ImagePanel.tr("%n picture(s) · double-click to view full size", None, n))  # type: ignore[arg-type]
        self.results_label.setVisible(bool(n))

    def selected_take(self) -> Take | None:
        item = self.grid.currentItem()
        take: Take | None = item.data(TakeRole) if item is not None else None
        return take

    def results(self) -> list[Take]:
        return [self.grid.item(row).data(TakeRole) for row in range(self.grid.count())]

    def view_selected(self) -> ImageViewer | None:
        take = self.selected_take()
        if take is None:
            return None
        viewer = ImageViewer(take, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def copy_selected(self) -> None:
        take = self.selected_take()
        if take is not None:
            QGuiApplication.clipboard().setImage(QImage(str(take.path)))
            self.status.setText(self.tr("Picture copied"))

    def save_selected(self) -> None:
        take = self.selected_take()
        if take is not None:
            self._export(take, f"{file_stem(take.text)}.{file_format(take)}")

    def reuse_seed(self) -> None:
        take = self.selected_take()
        seed = take.settings.get("seed") if take is not None else None
        if seed:
            self.seed.setValue(int(seed))
            self.status.setText(self.tr("Seed {seed} will be used for the next pictures").format(seed=seed))

    def _send_to_video(self) -> None:
        take = self.selected_take()
        if take is not None:
            self.use_as_first_frame.emit(take.path)

    def _update_buttons(self) -> None:
        has = self.selected_take() is not None
        for button in (self.view_button, self.copy_button, self.save_button, self.first_frame_button):
            button.setEnabled(has)
        self.reuse_seed_button.setEnabled(has)

    def _on_busy(self, key: str, busy: bool) -> None:
        if key == GENERATE_KEY:
            self.generate_button.setText(self.tr("Generating…") if busy else self.tr("&Generate"))
            self._validate()
