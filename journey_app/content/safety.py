"""Finding content that tries to run a script, so the check can name it.

The guide never runs such content: Markdown is sanitised with nh3 when it is rendered
(render.py) and every other string is escaped by the templates. This module is for the check: a
translation or content file with a `<script>`, an `onerror=` or a `javascript:` link is a mistake
(or worse) that a content designer should see, with its file.
"""

import html
import re
from html.parser import HTMLParser

from .render import ALLOWED_URL_SCHEMES

# Elements that can run a script, load something from elsewhere, or send a form.
RISKY_ELEMENTS = {
    "applet",
    "audio",
    "base",
    "button",
    "embed",
    "form",
    "frame",
    "frameset",
    "iframe",
    "img",
    "input",
    "link",
    "math",
    "meta",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "source",
    "style",
    "svg",
    "template",
    "textarea",
    "video",
}
# Attributes that hold an address.
ADDRESS_ATTRIBUTES = {
    "action",
    "background",
    "data",
    "formaction",
    "href",
    "poster",
    "src",
    "srcset",
    "xlink:href",
}
# The guide's own link kinds, written in content as `stage:slug` and `page:name`.
GUIDE_SCHEMES = {"stage", "page"}
# Addresses that run code however they are written down (checked in any text).
SCRIPT_SCHEME = re.compile(r"(?:java|vb|live)script:|data:text/html", re.IGNORECASE)
# A Markdown link or image address: [words](address) or ![words](address)
MARKDOWN_ADDRESS = re.compile(r"\]\(\s*<?([^)\s>]+)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")


def script_risks(text: str) -> list[str]:
    """What in `text` could run a script, in words a content designer can find: "a <script>
    element", "an onerror= attribute", "a javascript: link". Empty when there is nothing."""
    finder = _RiskFinder()
    try:
        finder.feed(str(text))
        finder.close()
    except (AssertionError, ValueError):  # HTMLParser gives up on some broken markup
        finder.risks.append("markup that cannot be read")
    for address in MARKDOWN_ADDRESS.findall(str(text)):
        _check_address(address, finder.risks)
    hidden = SCRIPT_SCHEME.search(_INVISIBLE.sub("", html.unescape(str(text))))
    if hidden:
        finder.risks.append(f"a {hidden.group(0).lower()} link")
    return list(dict.fromkeys(finder.risks))


def strings_in(data):
    """Every string in parsed YAML, with where it is ("glossary > 2 > meaning")."""
    if isinstance(data, str):
        yield "", data
    elif isinstance(data, dict):
        for key, value in data.items():
            for where, text in strings_in(value):
                yield f"{key} > {where}" if where else str(key), text
    elif isinstance(data, list):
        for index, value in enumerate(data, 1):
            for where, text in strings_in(value):
                yield f"{index} > {where}" if where else str(index), text


def yaml_script_risks(data) -> list[str]:
    """Each string in parsed YAML that could run a script, as "where: what"."""
    found = []
    for where, text in strings_in(data):
        risks = script_risks(text)
        if risks:
            found.append(f"{where}: {', '.join(risks)}" if where else ", ".join(risks))
    return found


def is_web_address(value) -> bool:
    """A full web address (https://, or http:// for a test server), nothing that could run."""
    return isinstance(value, str) and re.match(r"https?://[^\s/]+", value) is not None


def _scheme(address: str) -> str | None:
    """The scheme of an address as a browser reads it: entities decoded, invisible characters
    dropped, any case. None for an address without one (a path or an #anchor)."""
    plain = _INVISIBLE.sub("", html.unescape(address)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", plain)
    return match.group(1) if match else None


def _check_address(address, risks):
    scheme = _scheme(address)
    if scheme and scheme not in ALLOWED_URL_SCHEMES | GUIDE_SCHEMES:
        risks.append(f"a {scheme}: link")


class _RiskFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.risks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in RISKY_ELEMENTS:
            self.risks.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.risks.append(f"an {name}= attribute")
            elif name == "srcdoc":
                self.risks.append("a srcdoc= attribute")
            elif name in ADDRESS_ATTRIBUTES and value:
                _check_address(value, self.risks)
