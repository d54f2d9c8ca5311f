"""The names the save dialogs suggest for images and songs."""

from __future__ import annotations

import pytest

from studio.ui.media_widgets import file_stem


@pytest.mark.parametrize("fallback", ["picture", "song"])
def test_suggested_names_are_short_clean_and_never_end_in_a_space(fallback: str) -> None:
    long_prompt = "Warm lo-fi piano: rainy evening, soft female vocal, vinyl crackle & tape hiss, slow tempo"
    name = file_stem(long_prompt, fallback)
    assert name == "Warm lo-fi piano rainy evening soft female vocal"  # the first eight words, no punctuation
    cut = file_stem("abcdefghi " * 8, fallback)  # 79 characters: the 60th is a space
    assert len(cut) <= 60 and not cut.endswith(" ")
    assert file_stem("?!", fallback) == fallback
