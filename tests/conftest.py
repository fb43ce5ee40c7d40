"""Fixtures shared by every kind of test: the app on the default content, and its pages."""

import shutil
from pathlib import Path

import pytest

from journey_app import create_app
from journey_app.config import PROJECT_ROOT
from journey_app.sitemap import every_page_url


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
    """Every page's HTML, fetched once for the whole run."""
    client = app.test_client()
    return {url: client.get(url) for url in page_urls}


@pytest.fixture()
def content_copy(tmp_path) -> Path:
    """A copy of the default content tree that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", target)
    return target
