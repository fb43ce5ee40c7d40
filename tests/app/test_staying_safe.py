""" "Staying safe online": on every page beside "Exit this page" and in the footer, in every
language, and honest about what the exit button does not hide."""

import re


def language_of(url):
    return url.split("/")[1]


def test_every_page_links_to_staying_safe_beside_exit_and_in_the_footer(pages):
    for url, response in pages.items():
        if response.mimetype != "text/html" or response.status_code != 200:
            continue
        html = response.get_data(as_text=True)
        link = f'href="/{language_of(url)}/staying-safe"'
        footer = re.search(r"<footer\b.*?</footer>", html, re.DOTALL)
        assert footer and link in footer.group(0), url
        beside_exit = re.search(r'<nav class="app-exit-help"[^>]*>(.*?)</nav>', html, re.DOTALL)
        if url.endswith("/staying-safe"):
            assert beside_exit is None, url  # no link to the page it is on
        else:
            assert beside_exit and link in beside_exit.group(1), url


def test_staying_safe_is_there_in_every_language(app, client):
    for lang in app.extensions["journey_content"].locales:
        response = client.get(f"/{lang}/staying-safe")
        assert response.status_code == 200, lang
        html = response.get_data(as_text=True)
        for section in ("exit", "not-hidden", "private-browsing", "clear-history"):
            assert f'id="{section}"' in html, (lang, section)


def test_staying_safe_says_what_exit_does_not_hide(client):
    text = " ".join(
        re.sub(r"<[^>]+>", " ", client.get("/en/staying-safe").get_data(as_text=True)).split()
    )
    assert "Shift key 3 times" in text
    assert "They stay in your browser's history" in text  # pages read before
    assert "private window" in text and "Incognito" in text
    assert "delete" in text.lower() and "History" in text
    assert "does not use cookies" in text
