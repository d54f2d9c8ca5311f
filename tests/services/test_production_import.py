"""Importing a script from the files people have (plain and SPEAKER text, Markdown, Fountain, SRT/VTT, EPUB,
CSV) and writing it back out: real sample files in tests/data/productions, a real EPUB built with ebooklib."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from ebooklib import epub

from studio.errors import StudioError
from studio.services.production.exporters import export_script, format_csv, format_speaker_text
from studio.services.production.importers import ImportResult, import_script
from studio.services.production.script import (
    NARRATOR,
    Chapter,
    Directives,
    Script,
    ScriptError,
    ScriptLine,
    format_script,
    parse_script,
)

SAMPLES = Path(__file__).parent.parent / "data" / "productions"


def texts(result: ImportResult) -> list[tuple[str, str]]:
    return [(line.speaker, line.text) for _chapter, line in result.script.lines()]


def spoken_text(result: ImportResult) -> str:
    return " ".join(line.text for _chapter, line in result.script.lines())


def build_epub(path: Path, chapters: list[tuple[str, str]]) -> Path:
    """A real EPUB 3 (a cover page with only an image, the chapters, a nav document and an NCX)."""
    book = epub.EpubBook()
    book.set_identifier("tide-tables-1")
    book.set_title("Tide Tables")
    book.set_language("en")
    cover = epub.EpubHtml(title="Cover", file_name="cover.xhtml", lang="en")
    cover.content = '<html><body><img src="cover.jpg" alt="A lighthouse at night"/></body></html>'
    book.add_item(cover)
    documents = []
    for number, (title, body) in enumerate(chapters, start=1):
        document = epub.EpubHtml(title=title, file_name=f"chap_{number:02}.xhtml", lang="en")
        document.content = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
        book.add_item(document)
        documents.append(document)
    book.toc = tuple(epub.Link(d.file_name, d.title, f"c{n}") for n, d in enumerate(documents, start=1))
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", cover, *documents]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ebooklib's own deprecation notes are not ours to fix
        epub.write_epub(str(path), book)
    return path


BOOK = [
    ("Chapter 1: High Water",
     "<h1>High Water</h1><p>The sea came in <em>twice</em> a day.</p>"
     "<p>The harbour\n  filled to the brim.<sup epub:type='noteref'>1</sup></p>"
     "<ul><li>Check the lamp at dusk.</li><li>Wind the clock.</li></ul>"),
    ("Chapter 2: Low Water",
     "<section><h2>Low Water</h2><div>Mud flats stretched<br/>to the horizon.<p>Then the birds came.</p></div>"
     "<!-- an editor's comment --><script>var x = 1;</script></section>"),
]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_epub(tmp_path / "tide-tables.epub", BOOK)


def test_plain_text_reads_each_paragraph_as_one_narrator_line() -> None:
    result = import_script(SAMPLES / "notes.txt")
    assert result.format == "plain text" and result.speakers == (NARRATOR,) and result.warnings == ()
    assert texts(result) == [
        (NARRATOR, "The harbour was quiet that morning. Nobody had seen the boat since dusk."),
        (NARRATOR, "Note: the keeper kept a log of every ship."),  # "Note" is not a speaker: it has lower case
        (NARRATOR, "A third paragraph, on one row."),
    ]
    assert [line.paragraph for _c, line in result.script.lines()] == [0, 1, 2]


def test_speaker_text_reads_two_speakers_and_lists_them_for_casting() -> None:
    result = import_script(SAMPLES / "episode.txt")
    assert result.format == "speaker text" and result.speakers == ("HOST", "GUEST", NARRATOR)
    assert texts(result) == [
        ("HOST", "Welcome back to Tide Tables. <#0.5#> Today we talk about the moon."),
        ("GUEST", "Thanks for having me (laughs)."),
        ("HOST", "So, where do we start?"),
        ("GUEST", "With gravity, as always. It pulls on everything, even you."),  # a row without a name continues
        (NARRATOR, "And here the narrator reads a paragraph of its own between the two speakers."),
    ]
    assert [line.paragraph for _c, line in result.script.lines()] == [0, 0, 1, 1, 2]


def test_markdown_headings_become_chapters_and_markup_is_stripped_to_its_text() -> None:
    result = import_script(SAMPLES / "chapter.md")
    assert result.format == "markdown" and result.speakers == (NARRATOR,)
    chapters = result.script.chapters
    assert [c.title for c in chapters] == ["The Tide Tables", "Chapter One: High Water", "Chapter Two: Low Water"]
    one = [line.text for line in chapters[1].lines]
    assert one[0] == ("The sea came in twice a day, as it always had, and the harbour filled to the brim. "
                      "Read more on the harbour's page.")  # emphasis and the link keep only their text
    assert one[1] == "What the keeper wrote"  # a deeper heading is narrated as its own paragraph
    assert one[2:] == ["Check the lamp at dusk.", "Wind the clock before midnight.", "First the lens.",
                       "Then the log.", "The sea does not wait."]
    items = chapters[1].lines[2:4]
    assert items[0].paragraph == items[1].paragraph  # one list, one paragraph, a line per item
    assert "print(" not in spoken_text(result)
    assert chapters[2].lines[0].text == ("Mud flats stretched to the horizon, with a pause <#0.5#> before the birds "
                                         "came (sighs).")  # MiniMax's own syntax is text
    assert result.warnings == ("line 18: skipped a code block", "line 28: skipped an image (the flats at dawn)")


def test_a_fountain_scene_gives_chapters_speakers_emotions_and_narration() -> None:
    result = import_script(SAMPLES / "lighthouse.fountain")
    assert result.format == "fountain"
    assert [c.title for c in result.script.chapters] == ["INT. LIGHTHOUSE LAMP ROOM - NIGHT",
                                                         "EXT. HARBOUR WALL - CONTINUOUS"]
    assert result.speakers == (NARRATOR, "TOM", "MARA", "MCKENNA")  # (V.O.), (CONT'D) and the forcing @ are gone
    lines = [(line.speaker, line.directives.emotion, line.text) for _c, line in result.script.lines()]
    assert lines == [
        (NARRATOR, None, "Rain hammers the glass. MARA (60s, oilskin coat) trims the wick while the great lens "
                         "turns."),
        ("TOM", None, "Mara, are you up there? The boat's not back."),
        ("MARA", "calm", "It's always late when the wind's from the east."),
        ("MARA", None, "Always."),
        ("TOM", "angry", "You said that last winter too!"),
        (NARRATOR, None, "Waves break over the wall. A lantern bobs out on the black water."),
        ("MCKENNA", "whisper", "There. Do you see it?"),
        ("MARA", None, "I see it."),
    ]
    spoken = spoken_text(result)
    assert "CUT TO" not in spoken and "Ada Lane" not in spoken and "continuity" not in spoken
    assert result.warnings == ("MARA: dropped the parenthetical (to herself): it names no emotion MiniMax renders",
                               "MARA: dropped the parenthetical (beat): it names no emotion MiniMax renders")


def test_srt_cues_become_lines_with_their_timing_kept_as_a_target() -> None:
    result = import_script(SAMPLES / "interview.srt")
    assert result.format == "srt" and result.speakers == ("HOST", "GUEST", NARRATOR)
    lines = [(line.speaker, line.text, line.directives.target) for _c, line in result.script.lines()]
    assert lines == [
        ("HOST", "Welcome back to Tide Tables.", (1.0, 3.5)),
        ("GUEST", "Thanks for having me. It's good to be here.", (3.9, 7.25)),
        (NARRATOR, "The tide waits for no one.", (8.8, 12.0)),  # <i> kept only its text
    ]
    assert result.warnings == ("cue 3: dropped the sound description [waves crashing]",)


def test_vtt_voice_tags_name_the_speakers() -> None:
    result = import_script(SAMPLES / "interview.vtt")
    assert result.format == "vtt" and result.speakers == ("HOST", "DR. LEE", NARRATOR)
    lines = [(line.speaker, line.text, line.directives.target) for _c, line in result.script.lines()]
    assert lines == [
        ("HOST", "Welcome back to Tide Tables.", (1.0, 3.5)),
        ("DR. LEE", "Thanks for having me. It's good to be here.", (3.9, 7.25)),
        (NARRATOR, "The tide waits for no one.", (8.8, 12.0)),
    ]
    assert "recorded at the harbour" not in spoken_text(result)  # a NOTE block is not a cue


def test_an_epub_gives_a_chapter_per_spine_document_titled_from_its_table_of_contents(book: Path) -> None:
    result = import_script(book)
    assert result.format == "epub" and result.speakers == (NARRATOR,) and result.warnings == ()
    chapters = result.script.chapters
    assert [c.title for c in chapters] == ["Chapter 1: High Water", "Chapter 2: Low Water"]  # no nav, no cover
    assert [line.text for line in chapters[0].lines] == [
        "The sea came in twice a day.", "The harbour filled to the brim.", "Check the lamp at dusk.",
        "Wind the clock."]  # the opening heading is the title; the note reference "1" is not read
    assert [line.text for line in chapters[1].lines] == ["Mud flats stretched to the horizon.",
                                                         "Then the birds came."]
    assert [line.paragraph for line in chapters[0].lines] == [0, 1, 2, 3]
    assert {line.speaker for _c, line in result.script.lines()} == {NARRATOR}


IMPORTED = ["notes.txt", "episode.txt", "chapter.md", "lighthouse.fountain", "interview.srt", "interview.vtt"]


@pytest.mark.parametrize("sample", [*IMPORTED, "book.epub"])
@pytest.mark.parametrize("exported", ["script.md", "episode.txt", "episode.csv"])
def test_import_export_import_gives_the_same_script(sample: str, exported: str, tmp_path: Path) -> None:
    source = build_epub(tmp_path / sample, BOOK) if sample.endswith(".epub") else SAMPLES / sample
    first = import_script(source).script
    assert export_script(first, tmp_path / exported) in ("script.md", "speaker text", "csv")
    again = import_script(tmp_path / exported)
    assert again.script == first
    # and once more from what was exported: the export is stable, not just readable
    export_script(again.script, tmp_path / f"again-{exported}")
    assert (tmp_path / f"again-{exported}").read_text() == (tmp_path / exported).read_text()


TRICKY = Script((
    Chapter("", (ScriptLine(NARRATOR, "Cold open.", Directives(), 0),)),
    Chapter("Part one", (
        ScriptLine(NARRATOR, "WARNING: this is narration, not a speaker.", Directives(), 0),
        ScriptLine(NARRATOR, "# not a heading", Directives(), 1),
        ScriptLine("HOST", "Hello, \"quoted\", with a comma.", Directives("happy", 1.1, 0.8, (1.0, 62.125)), 2),
        ScriptLine(NARRATOR, "Narration inside the host's paragraph.", Directives(), 2),
        ScriptLine("DR. LEE", "Calm.", Directives(emotion="calm"), 3),
    )),
    Chapter("An empty chapter"),
    Chapter("Part one"),  # the same title again is still a chapter of its own
))


@pytest.mark.parametrize("exported", ["script.md", "episode.txt", "episode.csv"])
def test_every_export_keeps_directives_targets_empty_chapters_and_lookalike_narration(
        exported: str, tmp_path: Path) -> None:
    export_script(TRICKY, tmp_path / exported)
    assert import_script(tmp_path / exported).script == TRICKY


def test_speaker_text_and_csv_exports_are_what_a_person_expects_to_read() -> None:
    script = parse_script("# One\nHOST [emotion=happy]: Hi, there.\nGUEST: Hello.\n\nA narrated paragraph.\n")
    assert format_speaker_text(script) == ("# One\n\nHOST [emotion=happy]: Hi, there.\nGUEST: Hello.\n\n"
                                           "NARRATOR: A narrated paragraph.\n")
    assert format_csv(script).splitlines() == [
        "chapter,title,speaker,text,emotion,speed,pause,paragraph,start,end",
        '1,One,HOST,"Hi, there.",happy,,,0,,',
        "1,One,GUEST,Hello.,,,,0,,",
        "1,One,,A narrated paragraph.,,,,1,,",
    ]


def test_a_subtitle_target_is_kept_in_script_md_as_an_at_directive() -> None:
    script = parse_script("HOST [at=1.5-3.25]: Hi.\n")
    assert script.chapters[0].lines[0].directives.target == (1.5, 3.25)
    assert format_script(script) == "HOST [at=1.5-3.25]: Hi.\n"
    with pytest.raises(ScriptError, match="at must be START-END in seconds"):
        parse_script("HOST [at=3-1]: Backwards.\n")


def test_a_md_file_with_speaker_rows_is_read_as_script_md_and_one_without_as_markdown(tmp_path: Path) -> None:
    (tmp_path / "ep1.md").write_text("# Part one\nHOST: *Welcome*.\n\n## Not a chapter in script.md\n")
    as_script = import_script(tmp_path / "ep1.md")
    assert as_script.format == "script.md" and texts(as_script) == [
        ("HOST", "*Welcome*."), (NARRATOR, "## Not a chapter in script.md")]  # script.md keeps text as it is
    assert as_script.warnings == ("read as script.md (it has speaker rows), so Markdown such as '## Not a chapter "
                                  "in script.md' is kept as text: rename it to .markdown to read it as Markdown",)
    (tmp_path / "essay.md").write_text("## One\n\n*Welcome*.\n\n## Two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    as_markdown = import_script(tmp_path / "essay.md")
    assert as_markdown.format == "markdown" and texts(as_markdown) == [(NARRATOR, "Welcome.")]
    assert [c.title for c in as_markdown.script.chapters] == ["One", "Two"]  # ## is the top level it uses
    assert as_markdown.warnings == ("line 7: skipped a table",)


def test_an_empty_file_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n")
    with pytest.raises(StudioError, match=r"^empty\.txt: the file is empty: there is nothing to narrate$"):
        import_script(tmp_path / "empty.txt")


def test_a_binary_file_named_txt_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "chapter.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(StudioError, match=r"^chapter\.txt: this is a binary file, not text: a script must be "
                                          r"UTF-8 text$"):
        import_script(tmp_path / "chapter.txt")


def test_latin1_text_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes("Caf\xe9 au lait.".encode("latin-1"))
    with pytest.raises(StudioError, match=r"^notes\.txt: not UTF-8 text \(byte 3\): save it as UTF-8"):
        import_script(tmp_path / "notes.txt")


def test_an_epub_with_no_text_is_refused_by_name(tmp_path: Path) -> None:
    build_epub(tmp_path / "pictures.epub", [("Plates", "<p><img src='a.jpg' alt='a plate'/></p>")])
    with pytest.raises(StudioError, match=r"^pictures\.epub: no text to narrate was found in it \(read as epub\)$"):
        import_script(tmp_path / "pictures.epub")


def test_without_the_optional_ebooklib_an_epub_is_refused_with_how_to_add_it(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ebooklib", None)  # as in the installers, which leave it out (AGPL-3.0)
    with pytest.raises(StudioError, match=r"needs the optional ebooklib .*pip install 'minimax-studio\[epub\]'"):
        import_script(book)


def test_a_file_that_is_not_an_epub_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "book.epub").write_text("this is not a zip")
    with pytest.raises(StudioError, match=r"^book\.epub: not a readable EPUB .*an EPUB is a zip"):
        import_script(tmp_path / "book.epub")


def test_a_subtitle_file_without_cues_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "talk.vtt").write_text("Hello there,\nno header and no timings.\n")
    with pytest.raises(StudioError, match=r"^talk\.vtt: not a valid VTT file .*starts with the row WEBVTT"):
        import_script(tmp_path / "talk.vtt")


@pytest.mark.parametrize(("rows", "rule"), [
    ("speaker,text,speed\nHOST,Hi.,3\n", "row 2: speed must be between 0.5 and 2"),
    ("speaker,text\nHost,Hi.\n", "row 2: the speaker 'Host' breaks the name rule"),
    ("who,what\nHOST,Hi.\n", "the first row must name the columns, with at least 'speaker' and 'text'"),
])
def test_a_broken_csv_names_the_file_the_row_and_the_rule(rows: str, rule: str, tmp_path: Path) -> None:
    (tmp_path / "table.csv").write_text(rows)
    with pytest.raises(StudioError) as caught:
        import_script(tmp_path / "table.csv")
    assert str(caught.value).startswith(f"table.csv: {rule}")


def test_a_broken_speaker_text_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "episode.txt").write_text("HOST: Hi.\nGUEST [speed=9]: Too fast.\n")
    with pytest.raises(StudioError, match=r"^episode\.txt: line 2: speed must be between 0\.5 and 2"):
        import_script(tmp_path / "episode.txt")


def test_an_unknown_extension_is_refused_with_the_ones_it_can_read(tmp_path: Path) -> None:
    (tmp_path / "talk.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(StudioError, match=r"^talk\.docx: can't import '\.docx' files: import \.txt, \.md"):
        import_script(tmp_path / "talk.docx")
