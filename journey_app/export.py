"""The static export: every page in every language, with its assets, as plain files.

`python -m journey_app export OUTDIR` (or `make export`) writes what any static host or CDN can
serve with no code running:

- each page at `<address>/index.html` (`/en/stages/initial-conference` becomes
  `en/stages/initial-conference/index.html`), so the guide's own links work unchanged;
- each file that is not a page (a PDF, a QR code, a calendar) at its own address;
- `index.html` (the start page in the default language), `404.html` and `<lang>/404.html`;
- `static/` (the CSS, JavaScript and pictures).

Forms that send answers to the server (`method="post"`) cannot work on a static host. With
`--server-origin https://guide.example` they are sent to a server running this app there; without
it, each such form is replaced by a short note that points to the journey map and the duty team.
"""

import logging
import multiprocessing
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import click
from flask import Flask, g, render_template
from flask_babel import refresh
from markupsafe import Markup

from .sitemap import every_page_url, is_download

MARKER = ".journey-export"
_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.IGNORECASE | re.DOTALL)
_METHOD_POST = re.compile(r"""\bmethod\s*=\s*["']?post\b""", re.IGNORECASE)
_HEADING = re.compile(r"<h1\b.*?</h1>", re.IGNORECASE | re.DOTALL)
_H1_TAG = re.compile(r"^<h1\b[^>]*>", re.IGNORECASE)
_ACTION = re.compile(r"""\baction\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


class ExportError(Exception):
    pass


@dataclass
class ExportReport:
    pages: int = 0
    downloads: int = 0  # files such as PDFs, which take far longer to make than a page
    files: int = 0
    locales: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # address of each exported page that held a form needing the server
    dynamic_forms: list[str] = field(default_factory=list)


def export_site(
    app: Flask, outdir, server_origin: str | None = None, processes: int | None = None
) -> ExportReport:
    """Write the whole guide into outdir (empty, missing, or an earlier export).

    Pages are fetched from the app by `processes` forked copies of this process (one per core by
    default): the PDFs take seconds each, so they go first and side by side.
    """
    started = time.perf_counter()
    out = Path(outdir)
    _prepare(out)
    # first: the pages name the built assets the app found when it started
    _copy_static(app, out)
    content = app.extensions["journey_content"]
    report = ExportReport(locales=list(content.locales))
    urls = sorted(every_page_url(app), key=lambda url: (not is_download(url), url))
    processes = processes or min(os.cpu_count() or 1, 8)
    _job.update(app=app, out=out, server_origin=server_origin)
    try:
        if processes > 1 and "fork" in multiprocessing.get_all_start_methods():
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(processes, mp_context=fork) as pool:
                results = list(pool.map(_export_one, urls))
        else:
            results = [_export_one(url) for url in urls]
    finally:
        _job.clear()
    problems = sorted(problem for _, problem, _, _ in results if problem)
    if problems:
        raise ExportError("These addresses cannot be exported:\n  " + "\n  ".join(problems))
    report.pages = sum(1 for _, _, is_page, _ in results if is_page)
    report.downloads = sum(1 for url in urls if is_download(url))
    report.dynamic_forms = sorted(url for url, _, _, has_form in results if has_form)

    client = app.test_client()
    default_locale = app.config["BABEL_DEFAULT_LOCALE"]
    _write(out / "index.html", client.get(f"/{default_locale}/").get_data())
    for locale in content.locales:
        # an address no route answers, to get the friendly "page not found" in each language
        missing = client.get(f"/{locale}/404.html")
        if missing.status_code != 404:
            raise ExportError(f"/{locale}/404.html answered {missing.status_code}, not 404")
        _write(out / locale / "404.html", missing.get_data())
        if locale == default_locale:
            _write(out / "404.html", missing.get_data())
    report.files = sum(1 for path in out.rglob("*") if path.is_file() and path.name != MARKER)
    report.seconds = time.perf_counter() - started
    return report


# What _export_one needs, set by export_site (forked workers inherit it).
_job: dict = {}


def _export_one(url: str):
    """Fetch one address from the app and write its file: (url, problem, is a page, has a form
    that needs the server)."""
    app, out, server_origin = _job["app"], _job["out"], _job["server_origin"]
    try:
        response = app.test_client().get(url, follow_redirects=True)
    except Exception as error:  # named with its address, rather than lost in a worker process
        return url, f"{url}: {type(error).__name__}: {error}", False, False
    if response.status_code != 200:
        return url, f"{url}: status {response.status_code}", False, False
    path, problem = _file_for(url, response.mimetype)
    if problem:
        return url, problem, False, False
    body, is_page, has_form = response.get_data(), response.mimetype == "text/html", False
    if is_page:
        html, has_form = _static_forms(app, response.get_data(as_text=True), url, server_origin)
        body = html.encode("utf-8")
    _write(out / path, body)
    return url, None, is_page, has_form


def dynamic_routes(app: Flask) -> list[str]:
    """The routes that only a server can answer: those that take a form's answers."""
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.methods and rule.methods - {"GET", "HEAD", "OPTIONS"}
    )


def _prepare(out: Path) -> None:
    """Refuse to overwrite a folder that is not an earlier export: it may hold someone's files."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ExportError(
                f"{out} is not empty and is not an earlier export: choose an empty folder."
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    # first, so that an export that stops half-way can be written over next time
    (out / MARKER).write_text("Written by `python -m journey_app export`.\n")


def _file_for(url: str, mimetype: str) -> tuple[PurePosixPath, str | None]:
    """Where the answer to url goes in the export, and what is wrong if it cannot go there."""
    path = PurePosixPath(url.lstrip("/"))
    if mimetype == "text/html" and not url.endswith(".html"):
        return path / "index.html", None
    if "." not in path.name:
        # a static host picks the type from the file's extension
        return path, f"{url}: {mimetype} needs an address ending in a file extension"
    return path, None


def _static_forms(app: Flask, html: str, url: str, server_origin: str | None):
    """Make forms that post answers work without this app's server, see the module's notes."""
    notes = 0

    def replace(match):
        nonlocal notes
        attributes, inside = match.group(1), match.group(2)
        if not _METHOD_POST.search(attributes):
            return match.group(0)
        notes += 1
        if server_origin is None:
            # one note per page; the page keeps its heading if it was inside the form
            heading = _HEADING.search(inside)
            heading = _H1_TAG.sub('<h1 class="govuk-heading-l">', heading[0]) if heading else ""
            return _no_server_note(app, url, heading) if notes == 1 else ""
        action = _ACTION.search(attributes)
        path = action.group(2) if action and action.group(2) else url
        if path.startswith("/") and not path.startswith("//"):
            path = server_origin.rstrip("/") + path
        if action:
            attributes = attributes[: action.start(2)] + path + attributes[action.end(2) :]
        else:
            attributes = f' action="{path}"' + attributes
        return f"<form{attributes}>{inside}</form>"

    return _FORM.sub(replace, html), notes > 0


def _no_server_note(app: Flask, url: str, heading: str) -> str:
    lang = url.split("/")[1]
    with app.test_request_context(url):
        g.lang = lang
        refresh()
        return render_template("export/no_server.html", heading=Markup(heading))


def _copy_static(app: Flask, out: Path) -> None:
    source = Path(app.static_folder)
    target = out / app.static_url_path.lstrip("/")

    def leave_out(folder, names):
        # the asset manifest is for the app only
        return ["manifest.json"] if Path(folder).name == "build" else []

    shutil.copytree(source, target, ignore=leave_out)


def _write(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


@click.command("export")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--server-origin",
    envvar="JOURNEY_SERVER_ORIGIN",
    help="Where this app runs (https://...), for the forms that need it. "
    "Without it, those forms become a note pointing to the journey map.",
)
def export_command(outdir, server_origin):
    """Write every page in every language, with its assets, into OUTDIR as plain files."""
    from . import create_app

    app = create_app({"KEEP_RENDERED_PAGES": False})
    # one line per page would bury the summary
    logging.getLogger("journey_app.requests").setLevel(logging.WARNING)
    try:
        report = export_site(app, outdir, server_origin)
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Exported {report.pages} pages and {report.downloads} downloads "
        f"in {len(report.locales)} language(s) "
        f"({', '.join(report.locales)}), {report.files} files, to {outdir} "
        f"in {report.seconds:.1f} s."
    )
    if report.dynamic_forms:
        where = f"sent to {server_origin}" if server_origin else "replaced by a note"
        click.echo(f"Forms that need the server ({where}) on {len(report.dynamic_forms)} page(s):")
        for url in report.dynamic_forms:
            click.echo(f"  {url}")
    routes = dynamic_routes(app)
    if routes:
        click.echo("Answered only by the server (a form's POST): " + ", ".join(routes))
