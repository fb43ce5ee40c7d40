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


@dataclass
class Section:
    id: str
    heading: str
    html: str


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


@dataclass
class Content:
    settings: dict
    stages: list[Stage]
    timescales: dict[str, Timescale]
    contacts: dict[str, Contact]
    sources: dict[str, Source]
    locales: dict[str, LocaleContent]
    stage_by_slug: dict[str, Stage] = field(init=False)

    def __post_init__(self):
        self.stage_by_slug = {stage.slug: stage for stage in self.stages}
