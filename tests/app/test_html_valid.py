"""Every page is valid HTML, checked by the Nu HTML Checker (vnu) in one call."""

from .html_checker import vnu_errors


def test_every_page_is_valid_html(pages, tmp_path):
    assert vnu_errors({url: response.data for url, response in pages.items()}, tmp_path) == []
    assert len(list(tmp_path.glob("*.html"))) == len(pages)
