"""The whole guide on one page, to print: the start, every step, rights, who to contact and words
explained, in one language; and the same as a PDF.

Links between parts of the guide become links within this page (`#stage-assessment`), so they
work on screen and on paper, and ids stay unique when the pages are put together.
"""

import re

from flask import Blueprint, current_app, g, render_template, url_for
from markupsafe import Markup, escape

from ..content.models import Text
from ..pdf import pdf_response
from .locale import add_locale, locale_content, use_locale
from .share import qr_svg

bp = Blueprint("print", __name__, url_prefix="/<lang>/print")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)

# The guide's own addresses, as the rendered Markdown writes them: /<lang>/<area>[/<slug>][#id]
_GUIDE_LINK = re.compile(
    r'<a class="govuk-link" href="/(?P<lang>[a-z]{2})/(?P<area>stages|rights|contacts|words)'
    r'(?:/(?P<slug>[a-z0-9-]+))?(?:#(?P<anchor>[a-z0-9-]+))?"'
)


@bp.get("")
def guide():
    return _guide_html()


@bp.get("/guide.pdf")
def guide_pdf():
    return pdf_response("whole-guide", g.lang, _guide_html, f"family-guide-{g.lang}.pdf")


def _guide_html():
    guide_url = current_app.extensions["journey_content"].settings["guide_url"].rstrip("/")
    online = guide_url + url_for("guide.start")
    return render_template(
        "print/guide.html",
        page=locale_content().pages["start"],
        qr=qr_svg(online),
        short_address=online.removeprefix("https://"),
    )


def in_document(html):
    """Rendered Markdown with links to other parts of the guide pointing inside this page. On paper
    each such link is followed by the name of the part it goes to (`data-part`); the contents
    list gives each part's page. (A page number after every link would make the PDF much slower
    to build: each one makes WeasyPrint lay the pages out again.)"""
    words = locale_content()

    def target(match):
        area, slug, anchor = match["area"], match["slug"], match["anchor"]
        if area == "words":  # a note after every glossary word would drown the text
            return f'<a class="govuk-link" href="#words--{anchor}"' if anchor else match[0]
        if area == "stages":
            anchor_id = f"stage-{slug}--{anchor}" if anchor else f"stage-{slug}"
            part = words.stages[slug].title if slug in words.stages else ""
        else:
            anchor_id = f"{area}--{anchor}" if anchor else area
            part = words.pages[area].title
        return f'<a class="govuk-link" data-part="{escape(part)}" href="#{anchor_id}"'

    if not html or not g.get("lang"):
        return html
    linked = _GUIDE_LINK.sub(lambda m: target(m) if m["lang"] == g.lang else m[0], str(html))
    return Text(linked, html.lang) if hasattr(html, "lang") else Markup(linked)


@bp.app_template_filter("in_document")
def _in_document_filter(html):
    return in_document(html)
