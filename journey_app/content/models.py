"""The content of the guide as plain objects, built once at start-up."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """Something wrong in the content, named by file so a content designer can fix it."""

    file: str
    message: str

    def __str__(self):
        return f"{self.file}: {self.message}"


class ContentError(Exception):
    def __init__(self, problems):
        self.problems = list(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"The content has {len(self.problems)} problem(s):\n{lines}")


class Text(str):
    """A string from a per-language content file that knows the language it is written in:
    the page's language, or `en` when the translation is missing and the English is shown."""

    lang: str

    def __new__(cls, value, lang):
        text = super().__new__(cls, value)
        text.lang = lang
        return text

    def __reduce__(self):
        return (Text, (str(self), self.lang))


@dataclass
class Section:
    id: str
    heading: str
    html: str
    lang: str = "en"  # the language the section is written in (English when shown as fallback)


@dataclass
class Page:
    """A Markdown page: a stage page or one of the other pages (rights, about...)."""

    name: str
    file: str
    title: str
    summary: str
    sources: list[str]
    intro_html: str
    sections: list[Section]
    terms: list[str] = field(default_factory=list)  # glossary ids linked on this page
    # the links written in each section (None: before the first heading), for the check
    links_by_section: dict = field(default_factory=dict, repr=False)
    lang: str = "en"  # the language of the file shown: English when the translation is missing
    review: str | None = None  # a translation's review state: draft or reviewed (None: English)

    def section(self, section_id):
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass
class Stage:
    slug: str
    step: int
    logic: str | None
    next: list[str]
    contacts: list[str]
    timescales: list[str]


@dataclass
class Timescale:
    id: str
    rule: str  # law | national | local
    amount: float | None
    unit: str | None
    start: str | None
    sources: list[str]
    before: bool = False  # counted back from `start` (a report due before a conference)


@dataclass
class Contact:
    id: str
    tel: str | None
    web: str | None
    sources: list[str]


@dataclass
class ContactWords:
    name: str
    purpose: str
    hours: str


@dataclass
class Term:
    id: str
    term: str
    forms: list[str]
    meaning_html: str


@dataclass
class Source:
    id: str
    title: str
    kind: str
    detail: str


@dataclass
class LocaleContent:
    """Everything written in one language."""

    locale: str
    stages: dict[str, Page]
    pages: dict[str, Page]
    contacts: dict[str, ContactWords]
    timescales: dict[str, str]
    glossary: dict[str, Term]
    # from <locale>/locale.yml: the default review state of its files, the review state of
    # its interface words (translations/<locale>), and whether every file must be translated
    review: str = "reviewed"
    interface_review: str = "reviewed"
    complete: bool = True
    questions: object = None  # content.questions.QuestionsWords: the "Where am I?" words
    easy_read: object = None  # content.easy_read.EasyRead: the easy-read pages and pictures


@dataclass
class Content:
    settings: dict
    stages: list[Stage]
    timescales: dict[str, Timescale]
    contacts: dict[str, Contact]
    sources: dict[str, Source]
    locales: dict[str, LocaleContent]
    stage_by_slug: dict[str, Stage] = field(init=False)
    key_dates: object = None  # content.key_dates.KeyDates: the key dates page
    flow: object = None  # flow.Flow: the "Where am I?" questions (content/flow.yml)
    share: dict = field(default_factory=dict)  # locale -> words for sharing and the handout
    # translations.LocaleReport per language other than English: what is missing or stale
    translations: list = field(default_factory=list)

    def __post_init__(self):
        self.stage_by_slug = {stage.slug: stage for stage in self.stages}
