"""Reads the content tree, renders it once, and lists every problem in it.

`load_content` never raises for a content mistake: it returns the content it could build and a
list of problems, each naming its file. The app refuses to start when that list is not empty; the
check command prints it.
"""

import re
from collections.abc import Callable
from pathlib import Path

import yaml

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
    Timescale,
)
from .render import Link, Renderer

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
}
# Pages whose text links glossary words on first use.
TERM_LINKED_PAGES = {"rights"}
RULES = ("law", "national", "local")
SETTINGS_KEYS = ("council", "duty_contact", "exit_url", "guide_url", "content_reviewed", "locales")
HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*(?:\{#(?P<id>[a-z0-9-]+)\})?\s*$")
UNSAFE = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|img)\b|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)

# paths(locale, link) -> address; term_path(locale, term_id) -> address
PathBuilder = Callable[[str, Link], str]
TermPathBuilder = Callable[[str, str], str]


class _Reader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        return str(path.relative_to(self.root))

    def problem(self, path: Path | str, message: str):
        file = path if isinstance(path, str) else self.name(path)
        self.problems.append(Problem(file, message))

    def yaml(self, path: Path, expected=dict):
        if not path.is_file():
            self.problem(path, "file is missing")
            return expected()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            self.problem(path, f"is not valid YAML: {error}")
            return expected()
        if data is None:
            return expected()
        if not isinstance(data, expected):
            self.problem(path, f"should hold a {expected.__name__}")
            return expected()
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
            entry["id"], entry["term"], entry.get("also") or [], plain.inline(entry["meaning"])
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
        if not path.is_file():
            reader.problem(path, f"stage '{stage.slug}' has no page")
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
        if not path.is_file():
            reader.problem(path, "page is missing")
            continue
        renderer = linking if name in TERM_LINKED_PAGES else plain
        pages[name] = _page(reader, path, name, renderer, content.sources)
        _require_sections(reader, pages[name], required)

    _check_links(reader, stage_pages, pages, content)
    return LocaleContent(locale, stage_pages, pages, contact_words, sentences, glossary)


def what_next_links(page):
    return [link for link in page.links_by_section.get("what-next", []) if link.kind == "stage"]


def _page(reader, path, name, renderer, sources):
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    if text.startswith("---"):
        _, front, body = text.split("---", 2) if text.count("---") >= 2 else ("", "", text)
        try:
            meta = yaml.safe_load(front) or {}
        except yaml.YAMLError as error:
            reader.problem(path, f"front matter is not valid YAML: {error}")
    if not isinstance(meta, dict):
        reader.problem(path, "front matter should be a mapping")
        meta = {}
    for key in ("title", "summary"):
        if not meta.get(key):
            reader.problem(path, f"front matter has no {key}")
    _check_sources(reader, reader.name(path), meta.get("sources") or [], sources)
    if UNSAFE.search(text):
        reader.problem(path, "contains HTML that could run a script; it is removed when shown")

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
    return page


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
