"""Fixtures shared by every kind of test: the app on the default content, and its pages."""

import re
import shutil
from pathlib import Path

import pytest

from journey_app import create_app
from journey_app.config import PROJECT_ROOT
from journey_app.sitemap import every_page_url, is_download


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def page_urls(app):
    return every_page_url(app)


@pytest.fixture(scope="session")
def pages(app, page_urls):
    """Every page's HTML, fetched once for the whole run. Downloads (the PDFs) are not pages:
    tests/app/test_pdf.py checks them."""
    client = app.test_client()
    return {url: client.get(url) for url in page_urls if not is_download(url)}


@pytest.fixture(scope="session")
def exported_site(app, tmp_path_factory):
    """The static export of the whole guide, written once for the whole run: (folder, report).
    tests/app/test_export.py checks it; tests/browser/test_export_journey.py serves it."""
    from journey_app.export import export_site

    folder = tmp_path_factory.mktemp("export")
    return folder, export_site(app, folder)


@pytest.fixture()
def content_copy(tmp_path) -> Path:
    """A copy of the default content tree that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", target)
    return target


def _write_translation(content_dir, locale, name, changes=(), review=None, version=True):
    """Write a translation of the English file `name` into `content_dir/locale`: the English with
    `changes` (old, new) made, recording the English version it was made from (unless `version`
    is False) and, if given, its review state."""
    from journey_app.content.translations import source_version

    english = content_dir / "en" / name
    text = english.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"{old!r} not in {english}"
        text = text.replace(old, new)
    record = f'source_version: "{source_version(english)}"\n' if version else ""
    record += f"review: {review}\n" if review else ""
    text = text.replace("---\n", "---\n" + record, 1) if name.endswith(".md") else record + text
    target = content_dir / locale / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _write_locale_settings(content_dir, locale, **settings):
    lines = [f"{key}: {str(value).lower()}" for key, value in settings.items()]
    (content_dir / locale / "locale.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture()
def translate():
    """translate(content_dir, locale, name, changes=(), review=None, version=True)"""
    return _write_translation


@pytest.fixture()
def set_locale():
    """set_locale(content_dir, locale, review=..., interface=..., complete=...): its locale.yml"""
    return _write_locale_settings


@pytest.fixture()
def untranslated_copy(content_copy) -> Path:
    """A copy of the content with every translation taken out (each language's locale.yml is
    kept, saying `complete: false` since nothing is translated): every other language shows the
    English, whatever the translators have done so far."""
    from journey_app.config import LANGUAGES

    for language in LANGUAGES:
        folder = content_copy / language.code
        if language.code == "en" or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_dir():
                shutil.rmtree(path)
            elif path.name != "locale.yml":
                path.unlink()
            else:
                path.write_text(
                    re.sub(r"(?m)^complete: true$", "complete: false", path.read_text())
                )
    return content_copy
