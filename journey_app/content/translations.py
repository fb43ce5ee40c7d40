"""Translations of the content: fallback to English, the version a translation was made from, and
how much of each language is done.

English (`content/en/`) is the source and must be complete. Any other language's folder holds the
same files, at the same relative paths. For each file:

- present: it is used. Text missing inside it (one contact, one glossary term, one field) is taken
  from the English file and shown marked as English;
- missing: the English file is used, marked as English.

A translated file records the English it was translated from and its review state, in its YAML
front matter (Markdown) or as top-level keys (YAML):

    source_version: "3f2a9c0b1d4e"  # the first 12 hex digits of the SHA-256 of the English file
    review: draft                  # or reviewed; the default comes from <locale>/locale.yml

`translation_report` compares every language with English. A missing or out-of-date ("stale")
translation is a warning, not a problem: the guide shows the English until it is done. The check
command fails on it only in a language whose locale.yml says `complete: true`.
"""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .models import Problem, Text

SOURCE_LOCALE = "en"
# Top-level keys a translated file adds; they are not content.
TRANSLATION_KEYS = ("source_version", "review")
REVIEW_STATES = ("draft", "reviewed")
LOCALE_FILE = "locale.yml"
NOT_TRANSLATED = "not translated yet (the English is shown)"
# The per-language files: Markdown pages and YAML data. Anything else in a folder is ignored.
CONTENT_SUFFIXES = (".md", ".yml")
WORD = re.compile(r"\w+")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def source_version(path: Path) -> str:
    """The version of an English file, as a translation records it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def load_yaml(text: str):
    return yaml.load(text, Loader=YAML_LOADER)


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a Markdown page; empty front matter when there is none."""
    if text.startswith("---") and text.count("---") >= 2:
        _, front, body = text.split("---", 2)
        return front, body
    return "", text


def markdown_meta(path: Path) -> dict:
    front, _ = split_front_matter(path.read_text(encoding="utf-8"))
    try:
        meta = load_yaml(front)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


# --- fallback inside a YAML file -------------------------------------------------------------


def tag(data, lang: str):
    """`data` with every string in it marked as written in `lang`."""
    if isinstance(data, dict):
        return {key: tag(value, lang) for key, value in data.items() if key not in TRANSLATION_KEYS}
    if isinstance(data, list):
        return [tag(value, lang) for value in data]
    if isinstance(data, str):
        return Text(data, lang)
    return data


def _by_id(entries) -> bool:
    return bool(entries) and all(isinstance(e, dict) and "id" in e for e in entries)


def merge(english, translated, locale: str):
    """The English data's shape, with each piece of text taken from the translation when it has it.

    Mappings are merged key by key and lists of entries with an `id` entry by entry, so one
    missing contact or term falls back on its own. Any other list (such as other forms of a word)
    is taken whole from the translation. Numbers and other values always come from English.
    """
    if isinstance(english, dict):
        if not isinstance(translated, dict):
            return tag(english, SOURCE_LOCALE)
        return {
            key: merge(value, translated.get(key), locale)
            for key, value in english.items()
            if key not in TRANSLATION_KEYS
        }
    if isinstance(english, list):
        if not isinstance(translated, list) or not translated:
            return tag(english, SOURCE_LOCALE)
        if _by_id(english):
            found = {str(e.get("id")): e for e in translated if isinstance(e, dict)}
            return [merge(entry, found.get(str(entry["id"])), locale) for entry in english]
        return tag(translated, locale)
    if isinstance(english, str):
        if isinstance(translated, str) and translated.strip():
            return Text(translated, locale)
        return Text(english, SOURCE_LOCALE)
    return english


def is_translated(english, translated) -> bool:
    """Whether `translated` has every piece of text that `english` has."""
    if isinstance(english, dict):
        return isinstance(translated, dict) and all(
            is_translated(value, translated.get(key))
            for key, value in english.items()
            if key not in TRANSLATION_KEYS
        )
    if isinstance(english, list):
        if not english:
            return True
        if not isinstance(translated, list) or not translated:
            return False
        if _by_id(english):
            found = {str(e.get("id")): e for e in translated if isinstance(e, dict)}
            return all(is_translated(e, found.get(str(e["id"]))) for e in english)
        return True
    if isinstance(english, str):
        return not english.strip() or (isinstance(translated, str) and bool(translated.strip()))
    return True


def yaml_items(data) -> dict[str, object]:
    """The items a YAML file is translated by: its top-level entries, or the entries (by id) of a
    top-level list of them, as in glossary.yml's `terms`."""
    items = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TRANSLATION_KEYS:
                continue
            if isinstance(value, list) and _by_id(value):
                items.update({str(entry["id"]): entry for entry in value})
            else:
                items[str(key)] = value
    elif isinstance(data, list):
        items.update({str(e.get("id", i)): e for i, e in enumerate(data) if isinstance(e, dict)})
    return items


def find_item(data, key: str):
    return yaml_items(data).get(key)


def words_in(data) -> int:
    if isinstance(data, dict):
        return sum(words_in(value) for key, value in data.items() if key not in ("id", "slug"))
    if isinstance(data, list):
        return sum(words_in(value) for value in data)
    if isinstance(data, str):
        return len(WORD.findall(data))
    return 0


# --- the report: missing, stale and reviewed, per language ----------------------------------


@dataclass
class LocaleSettings:
    """content/<locale>/locale.yml."""

    review: str = "draft"  # the review state of a translated file that does not record its own
    interface: str = "draft"  # the review state of translations/<locale>/.../messages.po
    complete: bool = False  # true: every file must be translated and up to date

    @classmethod
    def for_source(cls):
        return cls("reviewed", "reviewed", True)


def read_locale_settings(root: Path, locale: str, problems: list[Problem]) -> LocaleSettings:
    if locale == SOURCE_LOCALE:
        return LocaleSettings.for_source()
    path = root / locale / LOCALE_FILE
    if not path.is_file():
        return LocaleSettings()
    name = f"{locale}/{LOCALE_FILE}"
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        problems.append(Problem(name, f"is not valid YAML: {error}"))
        return LocaleSettings()
    if not isinstance(data, dict):
        problems.append(Problem(name, "should hold a dict"))
        return LocaleSettings()
    settings = LocaleSettings()
    for key in ("review", "interface"):
        value = data.get(key, getattr(settings, key))
        if value not in REVIEW_STATES:
            problems.append(Problem(name, f"{key} should be one of {', '.join(REVIEW_STATES)}"))
        else:
            setattr(settings, key, value)
    complete = data.get("complete", False)
    if not isinstance(complete, bool):
        problems.append(Problem(name, "complete should be true or false"))
    else:
        settings.complete = complete
    return settings


@dataclass
class FileStatus:
    """One English file in one language."""

    file: str  # path inside the language folder, such as stages/assessment.md
    state: str  # current | stale | unversioned | missing | partial
    review: str | None  # of the translated file; None when missing
    words: int  # English words in the file
    translated_words: int  # of those, words translated from the current English
    missing_items: list[str] = field(default_factory=list)  # YAML items not translated
    recorded_version: str | None = None
    english_version: str = ""


@dataclass
class LocaleReport:
    locale: str
    settings: LocaleSettings
    files: list[FileStatus]
    extra_files: list[str]  # translated files with no English file of the same path

    @property
    def words(self):
        return sum(f.words for f in self.files)

    def share(self, predicate) -> float:
        total = self.words
        done = sum(f.translated_words for f in self.files if predicate(f))
        return 100.0 * done / total if total else 100.0

    @property
    def complete_percent(self) -> float:
        return self.share(lambda f: f.state in ("current", "partial"))

    @property
    def reviewed_percent(self) -> float:
        return self.share(lambda f: f.state in ("current", "partial") and f.review == "reviewed")

    @property
    def stale_files(self):
        return [f for f in self.files if f.state in ("stale", "unversioned")]

    @property
    def missing_files(self):
        return [f for f in self.files if f.state == "missing"]

    def warnings(self) -> list[Problem]:
        """Every translation still to do, named by file, with what to do about it."""
        found = []
        for status in self.files:
            name = f"{self.locale}/{status.file}"
            if status.state == "missing":
                found.append(Problem(name, NOT_TRANSLATED))
            elif status.state == "unversioned":
                found.append(
                    Problem(
                        name,
                        "does not record the English it was translated from "
                        f'(after checking it, add source_version: "{status.english_version}")',
                    )
                )
            elif status.state == "stale":
                found.append(
                    Problem(
                        name,
                        f"stale: translated from English version {status.recorded_version}, "
                        f"the English is now {status.english_version} "
                        f'(update it, then set source_version: "{status.english_version}")',
                    )
                )
            if status.missing_items:
                items = ", ".join(f"'{item}'" for item in status.missing_items)
                found.append(Problem(name, f"not translated yet (the English is shown): {items}"))
        for extra in self.extra_files:
            found.append(
                Problem(f"{self.locale}/{extra}", f"has no English file en/{extra}; it is not used")
            )
        return found

    def unfinished(self) -> list[Problem]:
        """In a language marked complete, every translation still to do is a problem."""
        if not self.settings.complete:
            return []
        return [
            Problem(w.file, f"{w.message}; {self.locale}/{LOCALE_FILE} says complete: true")
            for w in self.warnings()
        ]


def english_files(root: Path) -> list[str]:
    folder = root / SOURCE_LOCALE
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in CONTENT_SUFFIXES and path.name != LOCALE_FILE
    )


def translation_report(root: Path | str, locales: list[str]) -> tuple[list[LocaleReport], list]:
    """A report per language other than English, and the problems in the translation records."""
    root = Path(root)
    problems: list[Problem] = []
    sources = [_english_file(root, name) for name in english_files(root)]
    names = {source.name for source in sources}
    reports = []
    for locale in locales:
        if locale == SOURCE_LOCALE:
            continue
        settings = read_locale_settings(root, locale, problems)
        files = [_file_status(root, locale, source, settings, problems) for source in sources]
        folder = root / locale
        extra = []
        if folder.is_dir():
            extra = sorted(
                name
                for name in (p.relative_to(folder).as_posix() for p in folder.rglob("*"))
                if name.endswith(CONTENT_SUFFIXES)
                and Path(name).name != LOCALE_FILE
                and name not in names
            )
        reports.append(LocaleReport(locale, settings, files, extra))
    return reports, problems


@dataclass
class _EnglishFile:
    name: str
    version: str
    words: int
    data: object  # a YAML file's content (None for Markdown)


def _english_file(root, name) -> _EnglishFile:
    path = root / SOURCE_LOCALE / name
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        meta = markdown_meta(path)
        words = words_in([meta.get("title"), meta.get("summary")])
        body = split_front_matter(text)[1]
        return _EnglishFile(name, source_version(path), words + len(WORD.findall(body)), None)
    try:
        data = load_yaml(text)
    except yaml.YAMLError:
        data = None  # the content check reports it
    return _EnglishFile(name, source_version(path), words_in(data), data)


def _file_status(root, locale, english: _EnglishFile, settings, problems) -> FileStatus:
    name = english.name
    translated_path = root / locale / name
    if not translated_path.is_file():
        return FileStatus(name, "missing", None, english.words, 0, english_version=english.version)

    missing_items, translated_words = [], english.words
    if name.endswith(".md"):
        meta = markdown_meta(translated_path)
    else:
        try:
            data = load_yaml(translated_path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            data = None  # the content check reports it
        meta = data if isinstance(data, dict) else {}
        for key, item in yaml_items(english.data).items():
            if not is_translated(item, find_item(data, key)):
                missing_items.append(key)
                translated_words -= words_in(item)
    review = meta.get("review", settings.review)
    if review not in REVIEW_STATES:
        problems.append(
            Problem(f"{locale}/{name}", f"review should be one of {', '.join(REVIEW_STATES)}")
        )
    recorded = meta.get("source_version")
    recorded = str(recorded) if recorded is not None else None
    if recorded is None:
        state = "unversioned"
    elif recorded != english.version:
        state = "stale"
    else:
        state = "partial" if missing_items else "current"
    if state in ("stale", "unversioned"):
        translated_words = 0
    return FileStatus(
        name,
        state,
        review,
        english.words,
        translated_words,
        missing_items,
        recorded,
        english.version,
    )
