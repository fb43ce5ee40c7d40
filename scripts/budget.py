"""Page budget: each page's HTML + CSS gzip size against 14 KB, render-blocking scripts, web fonts
and other origins. Prints figures; exits 1 if a page breaks the budget.

    make budget
"""

import gzip
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from journey_app import create_app  # noqa: E402
from journey_app.flow import paths  # noqa: E402
from journey_app.sitemap import every_page_url, is_download  # noqa: E402

LIMIT = 14 * 1024
# The two whole documents made to be printed (the easy-read booklet, the whole guide): all of
# the guide's text in one page cannot fit in 14 KB. They are still measured and still flagged.
DOCUMENT = re.compile(r"^/[a-z]+/(easy-read/booklet|print)$")


def main():
    app = create_app({"TESTING": True})
    client = app.test_client()
    css_cache, failures = {}, []
    print(f"{'page':48} {'html':>7} {'css':>7} {'total':>7}  (gzip bytes; budget {LIMIT})")
    for url, html in _pages(app, client):
        text = html.decode()
        css = 0
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text):
            if href not in css_cache:
                css_cache[href] = len(gzip.compress(client.get(href).data, 9))
            css += css_cache[href]
        size = len(gzip.compress(html, 9))
        notes = []
        if size + css > LIMIT:
            notes.append("OVER BUDGET")
        if re.search(r"<script(?![^>]*type=\"module\")(?![^>]*\b(defer|async)\b)[^>]*src=", text):
            notes.append("render-blocking script")
        if re.search(r"@font-face|\.woff2?\b", text):
            notes.append("web font")
        if re.search(
            r'(src|href)="(https?:)?//(?!www\.bbc\.co\.uk/weather")', text.split("<body")[0]
        ):
            notes.append("loads from another origin")
        failures += [(url, n) for n in notes]
        print(f"{url:48} {size:7} {css:7} {size + css:7}  {' '.join(notes)}")
    css_text = "".join(client.get(h).get_data(as_text=True) for h in css_cache)
    if "@font-face" in css_text:
        failures.append(("css", "web font"))
    over = sorted({url for url, note in failures if note == "OVER BUDGET"})
    documents = [url for url in over if DOCUMENT.match(url)]
    print(
        f"\n{len(over) - len(documents)} reading page(s) over budget; "
        f"{len(documents)} print document(s) over budget (the whole guide or booklet in one page)"
    )
    print(f"{len(failures)} problem(s)" if failures else "Every page is within budget.")
    return 1 if failures else 0


def _pages(app, client):
    """(label, HTML) for every page: each address, then the "Where am I?" pages in every language,
    which are only ever the answer to a form (every question, each with its error, and every
    result)."""
    for url in every_page_url(app):
        if not is_download(url):  # a PDF to download, not a page to show
            yield url, client.get(url).data
    content = app.extensions["journey_content"]
    for lang in content.locales:
        address = f"/{lang}/where-am-i/"
        shown = set()
        for path in paths(content.flow):
            before = {}
            for answer in path.answers:
                if answer.question not in shown:
                    shown.add(answer.question)
                    form = {**before, "show": answer.question}
                    yield (
                        f"POST {lang} question {answer.question}",
                        client.post(address, data=form).data,
                    )
                    form = {**before, "question": answer.question}
                    yield (
                        f"POST {lang} error {answer.question}",
                        client.post(address, data=form).data,
                    )
                before[answer.question] = answer.option
            form = {**before, "question": path.answers[-1].question}
            label = f"POST {lang} result " + "/".join(a.option for a in path.answers)
            yield label, client.post(address, data=form).data


if __name__ == "__main__":
    sys.exit(main())
