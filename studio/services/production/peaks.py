"""A line's pinned take as a handful of peak levels, for a thumbnail waveform beside its state."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from studio.errors import StudioError
from studio.services.production.compare import take_audio
from studio.services.production.store import Production
from studio.services.production.units import LineRecord


def line_peaks(production: Production, record: LineRecord, buckets: int = 48) -> list[float] | None:
    """The loudest sample of each of `buckets` equal stretches of the line's current take, as heard (its
    units joined with the sentence gap), 0..1 of full scale. None when the take is not complete (or the line
    can't have one: an uncast speaker, a directive the model refuses)."""
    try:
        samples, _rate = take_audio(production, record, record.take)
    except StudioError:
        return None
    if not len(samples):
        return None
    edges = np.linspace(0, len(samples), buckets + 1).astype(int)
    levels = np.abs(samples)
    return [min(1.0, float(levels[start:end].max())) if end > start else 0.0
            for start, end in pairwise(edges.tolist())]
