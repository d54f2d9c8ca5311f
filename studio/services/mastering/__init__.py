"""Mastering deliverables: loudness presets, a true-peak limiter, the spec check, tags and chapters, music bed.
No Qt: used by the Productions panel, the Speech panel's export and the CLI (`studio master`,
`studio production export --preset`, `studio production check`)."""
