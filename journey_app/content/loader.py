"""Reads the content tree, renders it once, and lists every problem in it.

`load_content` never raises for a content mistake: it returns the content it could build and a
list of problems, each naming its file. The app refuses to start when that list is not empty; the
check command prints it.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import yaml

from .easy_read import load_easy_read
from .key_dates import load_key_dates
from .models import (
    Contact,
    ContactWords,
    Content,
    LocaleContent,
    Page,
    Problem,
    Section,
    Source,
    Stage,
    Term,
    Text,
    Timescale,
)
from .questions import load_questions
from .render import Link, Renderer
from .safety import is_web_address, script_risks, yaml_script_risks
from .share import load_share_words
from .translations import (
    REVIEW_STATES,
    SOURCE_LOCALE,
    load_yaml,
    merge,
    read_locale_settings,
    split_front_matter,
    tag,
    translation_report,
)

STAGE_SECTIONS = (
    "what-it-is",
    "what-happens",
    "how-long",
    "your-rights",
    "what-you-can-do",
    "what-next",
)
REQUIRED_PAGES = {
    "start": (),
    "journey": (),
    "rights": (
        "consent",
        "reports",
        "meetings",
        "supporter",
        "interpreters",
        "recording",
        "legal-advice",
        "records",
        "complaints",
        "child-rights",
    ),
    "contacts": (),
    "words": (),
    "about": ("who-publishes", "sources", "reviewed", "accessibility", "privacy"),
    "staying-safe": ("exit", "not-hidden", "private-browsing", "clear-history"),
}
# Pages whose text links glossary words on first use.
TERM_LINKED_PAGES = {"rights"}
RULES = ("law", "national", "local")
SETTINGS_KEYS = ("council", "duty_contact", "exit_url", "guide_url", "content_reviewed", "locales")
HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*(?:\{#(?P<id>[a-z0-9-]+)\})?\s*$")

# paths(locale, link) -> address; term_path(locale, term_id) -> address
PathBuilder = Callable[[str, Link], str]
TermPathBuilder = Callable[[str, str], str]


class _Reader:
    """Reads the content folder and collects its problems.

    A file in a language folder (`<locale>/...`) falls back to English: when the translation is
    missing, the English file of the same path is read instead, and every string read from a
    language folder is a `Text` that knows its language (see translations.py).
    """

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.locales: set[str] = set()  # language folders, once the settings are read
        self.review: dict[str, str] = {}  # each language's default review state
        self._english: dict[tuple, object] = {}  # parsed English files, each read once
        self._pages: dict[Path, tuple] = {}  # rendered English pages, reused as fallback
        self._inline: dict[str, tuple] = {}  # rendered English lines, reused as fallback

    def name(self, path: Path) -> str:
        return str(path.relative_to(self.root))

    def problem(self, path: Path | str, message: str):
        file = path if isinstance(path, str) else self.name(path)
        problem = Problem(file, message)
        if problem not in self.problems:  # an English file read for every language: once
            self.problems.append(problem)

    def split(self, path: Path) -> tuple[str | None, Path]:
        """(language, path inside its folder), or (None, path) for shared data."""
        relative = path.relative_to(self.root)
        if len(relative.parts) > 1 and relative.parts[0] in self.locales:
            return relative.parts[0], Path(*relative.parts[1:])
        return None, relative

    def locate(self, path: Path) -> tuple[Path, str | None]:
        """The file to read for `path`, and the language it is in: the English file of the same
        path when a translation is missing."""
        locale, inside = self.split(path)
        if locale in (None, SOURCE_LOCALE) or path.is_file():
            return path, locale
        return self.root / SOURCE_LOCALE / inside, SOURCE_LOCALE

    def yaml(self, path: Path, expected=dict):
        locale, inside = self.split(path)
        if locale is None:
            return self._parse(path, expected)
        key = (inside, expected)
        if key not in self._english:
            self._english[key] = self._parse(self.root / SOURCE_LOCALE / inside, expected)
        english = self._english[key]
        if locale == SOURCE_LOCALE or not path.is_file():
            return tag(english, SOURCE_LOCALE)
        translated = self._parse(path, expected, translation=True)
        if isinstance(translated, dict):
            self.review_state(path, translated.get("review"))
        return merge(english, translated, locale)

    def inline(self, renderer, text) -> Text:
        """`renderer.inline(text)` in `text`'s language; English text is rendered once and its
        links pointed at each language that shows it."""
        lang = getattr(text, "lang", SOURCE_LOCALE)
        here = renderer.paths(Link("page", "start"))
        if lang == SOURCE_LOCALE and text in self._inline:
            html, english_start = self._inline[text]
            return Text(html.replace(f'href="{english_start}', f'href="{here}'), lang)
        html = renderer.inline(text)
        if lang == SOURCE_LOCALE:
            self._inline[text] = (html, here)
        return Text(html, lang)

    def review_state(self, path: Path, recorded) -> str:
        """A translated file's review state: its own, or its language's default."""
        locale, _ = self.split(path)
        if recorded is None:
            return self.review.get(locale, "draft")
        if recorded not in REVIEW_STATES:
            self.problem(path, f"review should be one of {', '.join(REVIEW_STATES)}")
            return "draft"
        return recorded

    def _parse(self, path: Path, expected=dict, translation=False):
        if not path.is_file():
            self.problem(path, "file is missing")
            return expected()
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            self.problem(path, f"is not valid YAML: {error}")
            return None if translation else expected()
        if data is None:
            return expected()
        if not isinstance(data, expected):
            self.problem(path, f"should hold a {expected.__name__}")
            return None if translation else expected()
        for risk in yaml_script_risks(data):
            self.problem(path, f"contains HTML that could run a script ({risk}); it is never run")
        return data

    def items(self, path: Path, key: str, required: tuple[str, ...]):
        """The entries of a list under `key`, each a mapping with `id` and the required keys."""
        data = self.yaml(path)
        entries = data.get(key, [])
        if not isinstance(entries, list):
            self.problem(path, f"'{key}' should be a list")
            return []
        good = []
        for index, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                self.problem(path, f"entry {index} should be a mapping")
                continue
            missing = [k for k in required if entry.get(k) in (None, "")]
            if missing:
                label = entry.get("id") or entry.get("slug") or f"entry {index}"
                self.problem(path, f"{label} has no {', '.join(missing)}")
                continue
            good.append(entry)
        return good


def load_content(
    root: Path | str, paths: PathBuilder, term_path: TermPathBuilder, known_locales: set[str]
) -> tuple[Content, list[Problem]]:
    root = Path(root)
    reader = _Reader(root)
    settings = reader.yaml(root / "settings.yml")
    for key in SETTINGS_KEYS:
        if not settings.get(key):
            reader.problem(root / "settings.yml", f"setting '{key}' is missing")
    if not isinstance(settings.get("council"), dict) or not settings["council"].get("name"):
        reader.problem(root / "settings.yml", "council.name is missing")
        settings["council"] = {"name": "", "short_name": ""}
    locales = settings.get("locales") or []
    for locale in locales:
        if locale not in known_locales:
            reader.problem(root / "settings.yml", f"unknown language '{locale}'")
    locales = [locale for locale in locales if locale in known_locales]
    if SOURCE_LOCALE not in locales:
        reader.problem(
            root / "settings.yml", f"locales must include '{SOURCE_LOCALE}': it is the source"
        )
    else:  # English first: other languages fall back to its files
        locales = [SOURCE_LOCALE, *(locale for locale in locales if locale != SOURCE_LOCALE)]
    reader.locales = set(locales)
    locale_settings = {}
    for locale in locales:
        found = []
        locale_settings[locale] = read_locale_settings(root, locale, found)
        reader.review[locale] = locale_settings[locale].review
        for problem in found:
            reader.problem(problem.file, problem.message)

    sources = {
        s["id"]: Source(s["id"], s["title"], s.get("kind", ""), s.get("detail", ""))
        for s in reader.items(root / "sources.yml", "sources", ("id", "title"))
    }
    timescales = {
        t["id"]: Timescale(
            t["id"],
            t["rule"],
            t.get("amount"),
            t.get("unit"),
            t.get("from"),
            t.get("sources") or [],
            bool(t.get("before")),
        )
        for t in reader.items(root / "timescales.yml", "timescales", ("id", "rule"))
    }
    for timescale in timescales.values():
        if timescale.rule not in RULES:
            reader.problem(
                root / "timescales.yml", f"{timescale.id}: rule should be one of {', '.join(RULES)}"
            )
    contacts = {
        c["id"]: Contact(
            c["id"], str(c["tel"]) if c.get("tel") else None, c.get("web"), c.get("sources") or []
        )
        for c in reader.items(root / "contacts.yml", "contacts", ("id",))
    }
    for contact in contacts.values():
        if not (contact.tel or contact.web):
            reader.problem(root / "contacts.yml", f"{contact.id} has no tel or web address")
    for contact in contacts.values():
        if contact.web and not is_web_address(contact.web):
            reader.problem(root / "contacts.yml", f"{contact.id}: web should start with https://")
    for key, value in (*settings.items(), *settings["council"].items()):
        if key.endswith(("url", "website")) and value and not is_web_address(value):
            reader.problem(root / "settings.yml", f"{key} should start with https://")
    if settings.get("duty_contact") and settings["duty_contact"] not in contacts:
        reader.problem(
            root / "settings.yml",
            f"duty_contact '{settings['duty_contact']}' is not in contacts.yml",
        )

    stages = _stages(reader, root / "journey.yml", contacts, timescales)
    for path_sources, file in ((t.sources, "timescales.yml") for t in timescales.values()):
        _check_sources(reader, file, path_sources, sources)

    content = Content(settings, stages, timescales, contacts, sources, {})
    for locale in locales:
        content.locales[locale] = _load_locale(reader, root, locale, content, paths, term_path)
        content.locales[locale].review = locale_settings[locale].review
        content.locales[locale].interface_review = locale_settings[locale].interface
        content.locales[locale].complete = locale_settings[locale].complete
    content.key_dates = load_key_dates(reader, root, content, paths, term_path)
    content.share = load_share_words(reader, root, content, paths, term_path)
    load_questions(reader, root, content)
    content.translations, translation_problems = translation_report(root, locales)
    for problem in translation_problems:
        reader.problem(problem.file, problem.message)
    return content, reader.problems


def _stages(reader, path, contacts, timescales):
    stages = []
    for entry in reader.items(path, "stages", ("slug", "step")):
        stage = Stage(
            entry["slug"],
            entry["step"],
            entry.get("logic"),
            entry.get("next") or [],
            entry.get("contacts") or [],
            entry.get("timescales") or [],
        )
        if stage.logic not in (None, "or", "and"):
            reader.problem(path, f"{stage.slug}: logic should be 'or' or 'and'")
        for contact in stage.contacts:
            if contact not in contacts:
                reader.problem(path, f"{stage.slug}: unknown contact '{contact}'")
        for timescale in stage.timescales:
            if timescale not in timescales:
                reader.problem(path, f"{stage.slug}: unknown timescale '{timescale}'")
        stages.append(stage)
    slugs = {stage.slug for stage in stages}
    for stage in stages:
        for slug in stage.next:
            if slug not in slugs:
                reader.problem(path, f"{stage.slug}: next stage '{slug}' is not a stage")
    return stages


def _check_sources(reader, file, cited, sources):
    if not cited:
        reader.problem(file, "has no sources")
    for source in cited:
        if source not in sources:
            reader.problem(file, f"unknown source '{source}' (add it to sources.yml)")


def _load_locale(reader, root, locale, content, paths, term_path):
    folder = root / locale
    glossary_entries = reader.items(folder / "glossary.yml", "terms", ("id", "term", "meaning"))
    plain = Renderer(lambda link: paths(locale, link), lambda term: term_path(locale, term))
    glossary = {
        entry["id"]: Term(
            entry["id"],
            entry["term"],
            entry.get("also") or [],
            reader.inline(plain, entry["meaning"]),
        )
        for entry in glossary_entries
    }
    term_forms = {term.id: [term.term, *term.forms] for term in glossary.values()}
    linking = Renderer(
        lambda link: paths(locale, link), lambda term: term_path(locale, term), term_forms
    )

    contact_words = {}
    contacts_file = folder / "contacts.yml"
    words = reader.yaml(contacts_file)
    for contact_id in content.contacts:
        entry = words.get(contact_id)
        if not isinstance(entry, dict) or not entry.get("name"):
            reader.problem(contacts_file, f"contact '{contact_id}' has no name")
            continue
        if not entry.get("hours"):
            reader.problem(contacts_file, f"contact '{contact_id}' has no hours")
        contact_words[contact_id] = ContactWords(
            entry["name"], entry.get("for", ""), entry.get("hours", "")
        )

    timescale_file = folder / "timescales.yml"
    sentences = reader.yaml(timescale_file)
    for timescale_id in content.timescales:
        if not sentences.get(timescale_id):
            reader.problem(timescale_file, f"timescale '{timescale_id}' has no sentence")

    stage_pages = {}
    for stage in content.stages:
        path = folder / "stages" / f"{stage.slug}.md"
        if not reader.locate(path)[0].is_file():
            reader.problem(reader.locate(path)[0], f"stage '{stage.slug}' has no page")
            continue
        page = _page(reader, path, stage.slug, linking, content.sources)
        _require_sections(reader, page, STAGE_SECTIONS)
        what_next = page.section("what-next")
        if what_next is not None:
            linked = {link.target for link in what_next_links(page)}
            for slug in stage.next:
                if slug not in linked:
                    reader.problem(path, f"'what-next' does not link to next stage '{slug}'")
        stage_pages[stage.slug] = page
    for path in sorted((folder / "stages").glob("*.md")):
        if path.stem not in content.stage_by_slug:
            reader.problem(path, f"'{path.stem}' is not a stage in journey.yml")

    pages = {}
    for name, required in REQUIRED_PAGES.items():
        path = folder / "pages" / f"{name}.md"
        if not reader.locate(path)[0].is_file():
            reader.problem(reader.locate(path)[0], "page is missing")
            continue
        renderer = linking if name in TERM_LINKED_PAGES else plain
        pages[name] = _page(reader, path, name, renderer, content.sources)
        _require_sections(reader, pages[name], required)

    _check_links(reader, stage_pages, pages, content)
    words = LocaleContent(locale, stage_pages, pages, contact_words, sentences, glossary)
    words.easy_read = load_easy_read(reader, folder, content, _check_sources)
    return words


def what_next_links(page):
    return [link for link in page.links_by_section.get("what-next", []) if link.kind == "stage"]


def _page(reader, path, name, renderer, sources):
    """The page at `path`; in another language without its translation, the English page (rendered
    once, for English) with its links pointing to that language's pages."""
    source, lang = reader.locate(path)
    locale, _ = reader.split(path)
    here = renderer.paths(Link("page", "start"))  # the address of this language's start page
    if lang != locale and source in reader._pages:
        english, english_start = reader._pages[source]
        return _relocalised(english, english_start, here)
    page, meta = _render_page(reader, source, name, renderer, sources)
    page.lang = lang or SOURCE_LOCALE
    page.title, page.summary = Text(page.title, page.lang), Text(page.summary, page.lang)
    page.intro_html = Text(page.intro_html, page.lang)
    for section in page.sections:
        section.lang = page.lang
        section.heading = Text(section.heading, page.lang)
        section.html = Text(section.html, page.lang)
    if page.lang == SOURCE_LOCALE:
        reader._pages[source] = (page, here)
    else:
        page.review = reader.review_state(path, meta.get("review"))
    return page


def _relocalised(page, english_start, here):
    """An English page shown in another language: the same words; its links to the guide's pages
    go to that language's pages (every address starts with the language's start address)."""

    def fix(html):
        return Text(html.replace(f'href="{english_start}', f'href="{here}'), page.lang)

    return replace(
        page,
        summary=fix(page.summary),
        intro_html=fix(page.intro_html),
        sections=[replace(section, html=fix(section.html)) for section in page.sections],
    )


def _render_page(reader, path, name, renderer, sources):
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    if text.startswith("---"):
        front, body = split_front_matter(text)
        try:
            meta = load_yaml(front) or {}
        except yaml.YAMLError as error:
            reader.problem(path, f"front matter is not valid YAML: {error}")
    if not isinstance(meta, dict):
        reader.problem(path, "front matter should be a mapping")
        meta = {}
    for key in ("title", "summary"):
        if not meta.get(key):
            reader.problem(path, f"front matter has no {key}")
    _check_sources(reader, reader.name(path), meta.get("sources") or [], sources)
    risks = script_risks(text)
    if risks:
        reader.problem(
            path,
            f"contains HTML that could run a script ({', '.join(risks)}); it is removed when shown",
        )

    state = renderer.start_page()
    chunks = _split_sections(reader, path, body)
    intro_html = renderer.html(chunks[0][2])
    links_by_section = {None: list(state.links)}
    sections, seen = [], set()
    for section_id, heading, chunk in chunks[1:]:
        if section_id in seen:
            reader.problem(path, f"section id '{section_id}' is used twice")
        seen.add(section_id)
        before = len(state.links)
        sections.append(Section(section_id, heading, renderer.html(chunk)))
        links_by_section[section_id] = state.links[before:]
    page = Page(
        name,
        reader.name(path),
        str(meta.get("title", "")),
        renderer.inline(str(meta.get("summary", ""))),
        meta.get("sources") or [],
        intro_html,
        sections,
        list(state.terms),
        links_by_section,
    )
    return page, meta


def _split_sections(reader, path, body):
    """[(None, None, intro), (id, heading, markdown), ...] split at `## ` headings."""
    chunks = [(None, None, [])]
    for line in body.splitlines():
        if line.startswith("## "):
            match = HEADING.match(line)
            if not match or not match.group("id"):
                reader.problem(path, f"heading '{line[3:].strip()}' has no {{#id}}")
                chunks.append((f"untitled-{len(chunks)}", line[3:].strip(), []))
            else:
                chunks.append((match.group("id"), match.group("text"), []))
            continue
        chunks[-1][2].append(line)
    return [(section_id, heading, "\n".join(lines)) for section_id, heading, lines in chunks]


def _require_sections(reader, page, required):
    have = {section.id for section in page.sections}
    for section_id in required:
        if section_id not in have:
            reader.problem(page.file, f"required section '{section_id}' is missing")


def _check_links(reader, stage_pages, pages, content):
    for page in [*stage_pages.values(), *pages.values()]:
        for links in page.links_by_section.values():
            for link in links:
                _check_link(reader, page, link, stage_pages, pages, content)


def _check_link(reader, page, link, stage_pages, pages, content):
    if link.kind == "stage":
        if link.target not in content.stage_by_slug:
            reader.problem(page.file, f"link to unknown stage '{link.target}'")
            return
        target = stage_pages.get(link.target)
    elif link.kind == "page":
        if link.target not in REQUIRED_PAGES:
            reader.problem(page.file, f"link to unknown page '{link.target}'")
            return
        target = pages.get(link.target)
    elif link.kind == "other":
        reader.problem(
            page.file, f"broken link '{link.target}': use stage:, page: or a full https:// address"
        )
        return
    else:
        return
    if link.anchor and target is not None and target.section(link.anchor) is None:
        reader.problem(page.file, f"broken link: '{link.target}' has no section '{link.anchor}'")
