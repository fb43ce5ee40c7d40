"""Markdown to safe HTML for the guide.

- `stage:slug` and `page:name#section` links become the guide's own addresses, and every link is
  recorded so the check can report one that goes nowhere;
- the first use of each glossary term on a page links to "Words explained";
- elements get GOV.UK Frontend classes;
- the result is sanitised with nh3, so a content or translation file cannot add a script.
"""

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GOVUK_CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "a": "govuk-link",
    "strong": None,
}
# Text in these is never turned into a glossary link.
NO_TERM_LINKS = {"a", "h1", "h2", "h3", "h4", "code"}

ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "strong",
    "em",
    "br",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "bdi",
    "span",
}
ALLOWED_ATTRIBUTES = {"*": {"class", "id", "lang", "dir"}, "a": {"href"}}
ALLOWED_URL_SCHEMES = {"https", "http", "tel", "mailto"}


@dataclass(frozen=True)
class Link:
    """An address written in content: `stage:slug`, `page:name#section`, or another."""

    kind: str  # stage | page | web | tel | mailto | other
    target: str
    anchor: str | None = None

    @classmethod
    def parse(cls, href: str) -> "Link":
        scheme, _, rest = href.partition(":")
        if scheme in ("stage", "page") and rest:
            target, _, anchor = rest.partition("#")
            return cls(scheme, target, anchor or None)
        if scheme in ("http", "https"):
            return cls("web", href)
        if scheme in ("tel", "mailto"):
            return cls(scheme, href)
        return cls("other", href)


@dataclass
class PageState:
    """What rendering one page found: its links and the glossary terms it linked."""

    links: list[Link] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


class _GuideTreeprocessor(Treeprocessor):
    def __init__(self, md, renderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root):
        state = self.renderer.state
        for element in root.iter():
            if element.tag == "a":
                link = Link.parse(element.get("href", ""))
                state.links.append(link)
                element.set("href", self.renderer.href_for(link))
        if self.renderer.term_patterns:
            self._link_terms(root, state)
        for element in root.iter():
            css = GOVUK_CLASSES.get(element.tag)
            if css and not element.get("class"):
                element.set("class", css)

    def _link_terms(self, element, state):
        if element.tag in NO_TERM_LINKS:
            return
        children = list(element)
        head, links = self._split(element.text or "", state)
        element.text = head
        for index, link in enumerate(links):
            element.insert(index, link)
        for child in children:
            self._link_terms(child, state)
            tail, links = self._split(child.tail or "", state)
            child.tail = tail
            position = list(element).index(child) + 1
            for offset, link in enumerate(links):
                element.insert(position + offset, link)

    def _split(self, text, state):
        """Turn the first use of each not-yet-linked term in `text` into a link."""
        head, links, rest = "", [], text
        while rest:
            best = None
            for term_id, pattern in self.renderer.term_patterns:
                if term_id in state.terms:
                    continue
                match = pattern.search(rest)
                if match and (best is None or match.start() < best[1].start()):
                    best = (term_id, match)
            if best is None:
                break
            term_id, match = best
            state.terms.append(term_id)
            link = etree.Element("a", {"href": self.renderer.term_href(term_id)})
            link.text, link.tail = match.group(0), ""
            if links:
                links[-1].tail += rest[: match.start()]
            else:
                head += rest[: match.start()]
            links.append(link)
            rest = rest[match.end() :]
        if links:
            links[-1].tail += rest
        else:
            head += rest
        return head, links


class _GuideExtension(Extension):
    def __init__(self, renderer):
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md):
        # after inline patterns (priority 20) have made the links
        md.treeprocessors.register(_GuideTreeprocessor(md, self.renderer), "journey_guide", 5)


class Renderer:
    """Renders the Markdown of one locale. `paths` builds the guide's addresses."""

    def __init__(
        self,
        paths: Callable[[Link], str],
        term_href: Callable[[str], str],
        terms: dict[str, list[str]] | None = None,
    ):
        self.paths = paths
        self.term_href = term_href
        # longest forms first, so "child protection conference" wins over "conference"
        forms = sorted(
            (
                (form, term_id)
                for term_id, term_forms in (terms or {}).items()
                for form in term_forms
            ),
            key=lambda pair: -len(pair[0]),
        )
        self.term_patterns = [
            (term_id, re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE))
            for form, term_id in forms
        ]
        self.state = PageState()
        self._md = markdown.Markdown(extensions=["attr_list", "tables", _GuideExtension(self)])

    def href_for(self, link: Link) -> str:
        if link.kind in ("stage", "page"):
            return self.paths(link)
        return link.target

    def start_page(self) -> PageState:
        self.state = PageState()
        return self.state

    def html(self, text: str) -> str:
        self._md.reset()
        return sanitise(self._md.convert(text))

    def inline(self, text: str) -> str:
        """One line of Markdown without its paragraph, for summaries and meanings."""
        html = self.html(text)
        return re.sub(r"^<p[^>]*>(.*)</p>$", r"\1", html, flags=re.DOTALL)


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
