"""A line's pinned take as a handful of peak levels, for a thumbnail waveform beside its state."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from studio.errors import StudioError
from studio.services.production.compare import TakeFiles, decode_take, take_files
from studio.services.production.store import Production
from studio.services.production.units import LineRecord

BUCKETS = 48


def line_peaks(production: Production, record: LineRecord, buckets: int = BUCKETS) -> list[float] | None:
    """The loudest sample of each of `buckets` equal stretches of the line's current take, as heard (its
    units joined with the sentence gap), 0..1 of full scale. None when the take is not complete (or the line
    can't have one: an uncast speaker, a directive the model refuses)."""
    files = pinned_take_files(production, record)
    return peaks_of(files, buckets) if files is not None else None


def pinned_take_files(production: Production, record: LineRecord) -> TakeFiles | None:
    """The files of the line's current take (the database's part: on the GUI thread), None when incomplete."""
    try:
        return take_files(production, record, record.take)
    except StudioError:
        return None


def peaks_of(files: TakeFiles, buckets: int = BUCKETS) -> list[float] | None:
    """The files decoded and reduced to peaks (no database: any thread)."""
    return bucket_peaks(decode_take(files), buckets)


def bucket_peaks(samples: np.ndarray, buckets: int = BUCKETS) -> list[float] | None:
    """The loudest of each of `buckets` equal stretches of `samples`, 0..1 of full scale; None for no audio."""
    if not len(samples):
        return None
    edges = np.linspace(0, len(samples), buckets + 1).astype(int)
    levels = np.abs(samples)
    return [min(1.0, float(levels[start:end].max())) if end > start else 0.0
            for start, end in pairwise(edges.tolist())]
