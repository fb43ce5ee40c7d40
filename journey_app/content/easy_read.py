"""Easy read: its own short lines, each with a picture, for every stage, rights and contacts.

Read from `<locale>/easy-read/*.yml` and `<locale>/pictures.yml`, checked with the rest of the
content so a missing page, an unknown picture or a line that is too long stops the guide starting,
with the file named (writing.md: at most 15 words a sentence, one idea a line, no block capitals).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import PROJECT_ROOT
from ..readability import SENTENCE_END, word_count
from .models import Text
from .render import Link
from .translations import SOURCE_LOCALE, load_yaml

PICTURES_DIR = PROJECT_ROOT / "static" / "pictures"
MAX_WORDS = 15  # in one sentence
MAX_SENTENCES = 2  # in one line: one idea, said in one or two short sentences
PAGES = ("index", "rights", "contacts")
LINKABLE_PAGES = ("rights", "contacts")
# Markdown or HTML marks: easy read is plain text, so nothing can turn into italics or a tag.
MARKUP = re.compile(r"[*_<>`]|\[.*\]\(")
# Two or more words in capitals in a row ("DO NOT SIGN"); short acronyms alone are fine.
BLOCK_CAPITALS = re.compile(r"\b[A-Z]{2,}\b[ ,]+\b[A-Z]{2,}\b")


@dataclass
class EasyLine:
    text: str
    picture: str
    alt: str  # "" when the line says what the picture shows (the picture is decorative)
    link: Link | None = None


@dataclass
class EasySection:
    heading: str | None
    lines: list[EasyLine]


@dataclass
class EasyPage:
    name: str
    file: str
    title: str
    picture: str
    sources: list[str]
    sections: list[EasySection]
    cover: list[EasyLine] = field(default_factory=list)
    lang: str = SOURCE_LOCALE  # the language of the file shown: English when not translated yet
    review: str | None = None  # a translation's review state: draft or reviewed (None: English)

    @property
    def lines(self):
        return [line for section in self.sections for line in section.lines]


@dataclass
class EasyContact:
    id: str
    name: str
    picture: str
    alt: str
    lines: list[str]
    lang: str = SOURCE_LOCALE


@dataclass
class EasyRead:
    """One language's easy read: the first page, a page per stage, rights and contacts."""

    index: EasyPage | None
    stages: dict[str, EasyPage]
    rights: EasyPage | None
    contacts: EasyPage | None
    contact_words: dict[str, EasyContact]
    pictures: dict[str, str]  # picture id -> what it shows, in this language


def sentences_in(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def picture_ids() -> set[str]:
    return {path.stem for path in PICTURES_DIR.glob("*.svg")}


def load_easy_read(reader, folder: Path, content, check_sources) -> EasyRead:
    """Read and check one language's easy read. `reader` collects the problems; a file not yet
    translated is read in English (the reader falls back), and its words are marked English."""
    pictures = _pictures(reader, folder / "pictures.yml")
    easy_folder = folder / "easy-read"
    checker = _LineChecker(reader, pictures, content)

    stages = {}
    for stage in content.stages:
        path = easy_folder / f"{stage.slug}.yml"
        if not reader.locate(path)[0].is_file():
            reader.problem(reader.locate(path)[0], f"stage '{stage.slug}' has no easy read page")
            continue
        page = _page(reader, checker, path, stage.slug, content, check_sources)
        linked = {
            line.link.target for line in page.lines if line.link and line.link.kind == "stage"
        }
        for slug in stage.next:
            if slug not in linked:
                reader.problem(path, f"no line links to next stage '{slug}'")
        stages[stage.slug] = page
    for path in sorted(easy_folder.glob("*.yml")):
        if path.stem not in content.stage_by_slug and path.stem not in PAGES:
            reader.problem(
                path, f"'{path.stem}' is not a stage in journey.yml nor an easy read page"
            )

    pages = {}
    for name in PAGES:
        path = easy_folder / f"{name}.yml"
        if not reader.locate(path)[0].is_file():
            reader.problem(reader.locate(path)[0], "easy read page is missing")
            pages[name] = None
            continue
        pages[name] = _page(reader, checker, path, name, content, check_sources)
    contact_words = _contacts(reader, checker, easy_folder / "contacts.yml", content)
    return EasyRead(
        pages["index"], stages, pages["rights"], pages["contacts"], contact_words, pictures
    )


def _pictures(reader, path):
    data = reader.yaml(path)
    drawn = picture_ids()
    pictures = {}
    for picture_id, alt in data.items():
        if picture_id not in drawn:
            reader.problem(
                path, f"picture '{picture_id}' has no file {picture_id}.svg in static/pictures"
            )
            continue
        if not isinstance(alt, str) or not alt.strip():
            reader.problem(path, f"picture '{picture_id}' has no text saying what it shows")
            continue
        pictures[picture_id] = Text(alt.strip(), getattr(alt, "lang", SOURCE_LOCALE))
    for picture_id in sorted(drawn - set(data)):
        reader.problem(path, f"picture '{picture_id}' is not listed: say what it shows")
    return pictures


class _LineChecker:
    def __init__(self, reader, pictures, content):
        self.reader, self.pictures, self.content = reader, pictures, content

    def picture(self, file, where, picture_id):
        if picture_id not in self.pictures:
            self.reader.problem(file, f"{where}: unknown picture '{picture_id}'")

    def alt(self, file, where, entry):
        if "alt" not in entry or not isinstance(entry["alt"], str):
            self.reader.problem(
                file,
                f'{where}: has no alt. Write alt: "" if the words say what the picture shows, '
                "or a short text if the picture adds something",
            )
            return ""
        alt = entry["alt"]
        return Text(alt.strip(), getattr(alt, "lang", SOURCE_LOCALE))

    def text(self, file, where, text):
        if not isinstance(text, str) or not text.strip():
            self.reader.problem(file, f"{where}: has no text")
            return ""
        text = Text(" ".join(text.split()), getattr(text, "lang", SOURCE_LOCALE))
        sentences = sentences_in(text)
        for sentence in sentences:
            if word_count(sentence) > MAX_WORDS:
                self.reader.problem(
                    file,
                    f"{where}: sentence has {word_count(sentence)} words (at most {MAX_WORDS}): "
                    f"'{sentence}'",
                )
        if len(sentences) > MAX_SENTENCES:
            self.reader.problem(file, f"{where}: one idea per line: split '{text}'")
        if MARKUP.search(text):
            self.reader.problem(file, f"{where}: easy read is plain text, without * _ < > or links")
        if BLOCK_CAPITALS.search(text):
            self.reader.problem(file, f"{where}: block capitals are hard to read: '{text}'")
        return text

    def link(self, file, where, href):
        if href is None:
            return None
        link = Link.parse(str(href))
        if link.kind == "stage" and link.target in self.content.stage_by_slug:
            return link
        if link.kind == "page" and link.target in LINKABLE_PAGES:
            return link
        self.reader.problem(
            file,
            f"{where}: link '{href}' should be stage:<slug> or page:rights or page:contacts",
        )
        return None

    def line(self, file, where, entry):
        if not isinstance(entry, dict):
            self.reader.problem(file, f"{where}: should be a mapping with text, picture and alt")
            return None
        text = self.text(file, where, entry.get("text"))
        picture = str(entry.get("picture") or "")
        self.picture(file, where, picture)
        alt = self.alt(file, where, entry)
        return EasyLine(text, picture, alt, self.link(file, where, entry.get("link")))


def _page(reader, checker, path, name, content, check_sources):
    data = reader.yaml(path)
    source, _ = reader.locate(path)
    file = reader.name(source)
    title = checker.text(file, "title", data.get("title"))
    picture = str(data.get("picture") or "")
    checker.picture(file, "title", picture)
    check_sources(reader, file, data.get("sources") or [], content.sources)

    def lines_of(entries, where):
        if not isinstance(entries, list) or not entries:
            reader.problem(file, f"{where} should be a list of lines")
            return []
        lines = [checker.line(file, f"{where}, line {n}", e) for n, e in enumerate(entries, 1)]
        return [line for line in lines if line]

    sections = []
    for number, section in enumerate(data.get("sections") or [], 1):
        if not isinstance(section, dict):
            reader.problem(file, f"section {number} should be a mapping with heading and lines")
            continue
        heading = section.get("heading")
        if heading is not None:
            heading = checker.text(file, f"section {number} heading", heading)
        sections.append(EasySection(heading, lines_of(section.get("lines"), f"section {number}")))
    if not sections:
        reader.problem(file, "has no sections")
    cover = lines_of(data["cover"], "cover") if "cover" in data else []
    page = EasyPage(name, file, title, picture, data.get("sources") or [], sections, cover)
    page.lang = getattr(title, "lang", SOURCE_LOCALE)
    if page.lang != SOURCE_LOCALE:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        recorded = raw.get("review") if isinstance(raw, dict) else None
        page.review = reader.review_state(path, recorded)
    return page


def _contacts(reader, checker, path, content):
    if not reader.locate(path)[0].is_file():
        return {}
    data = reader.yaml(path).get("contacts") or {}
    file = reader.name(reader.locate(path)[0])
    words = {}
    for contact_id in content.contacts:
        entry = data.get(contact_id)
        where = f"contact '{contact_id}'"
        if not isinstance(entry, dict) or not entry.get("name"):
            reader.problem(file, f"{where} has no name")
            continue
        checker.picture(file, where, str(entry.get("picture") or ""))
        lines = entry.get("lines") or []
        if not isinstance(lines, list) or not lines:
            reader.problem(file, f"{where} has no lines")
            lines = []
        name = checker.text(file, f"{where} name", entry["name"])
        words[contact_id] = EasyContact(
            contact_id,
            name,
            str(entry.get("picture") or ""),
            checker.alt(file, where, entry),
            [checker.text(file, f"{where}, line {n}", line) for n, line in enumerate(lines, 1)],
            getattr(name, "lang", SOURCE_LOCALE),
        )
    for contact_id in data:
        if contact_id not in content.contacts:
            reader.problem(file, f"contact '{contact_id}' is not in contacts.yml")
    return words
