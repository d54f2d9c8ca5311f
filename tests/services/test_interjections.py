"""The interjection tags the Speech panel offers and warns about are the ones the service turns into sounds."""

from __future__ import annotations

from studio.emulator.speech import INTERJECTIONS as RENDERED_AS_SOUNDS
from studio.services.speech_session import INTERJECTIONS, script_problems


def test_the_app_offers_every_tag_the_service_renders_and_no_other() -> None:
    assert {tag.strip("()") for tag in INTERJECTIONS} == set(RENDERED_AS_SOUNDS)


def test_an_older_model_is_warned_about_each_tag_it_would_read_aloud() -> None:
    for tag in INTERJECTIONS:
        problems = script_problems(f"Well {tag} that was close.", "speech-2.6-hd")
        assert [(p.message.startswith(tag), "read aloud" in p.message, p.blocking) for p in problems] == \
            [(True, True, False)], (tag, problems)
