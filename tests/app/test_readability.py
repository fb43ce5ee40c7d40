"""Plain English, measured: each standard page stays at Flesch-Kincaid grade 6 or below, and no
sentence runs over 25 words (writing.md). A change that makes a page harder to read fails here."""

import re

from journey_app.readability import grade, longest_sentence

MAX_GRADE = 6.0
MAX_WORDS = 25


def main_content(html):
    return re.search(r"<main\b.*?</main>", html, re.DOTALL).group(0)


def test_every_page_is_plain_english(pages):
    too_hard = {}
    for url, response in pages.items():
        if not url.startswith("/en/"):  # the measure is for English; translations keep its meaning
            continue
        html = main_content(response.get_data(as_text=True))
        words, sentence = longest_sentence(html)
        page_grade = grade(html)
        if page_grade > MAX_GRADE or words > MAX_WORDS:
            too_hard[url] = f"grade {page_grade:.1f}, longest sentence {words} words: {sentence}"
    assert too_hard == {}


def test_the_measure_tells_easy_from_hard_text():
    easy = "<p>Your social worker will visit you. They will talk to you and your child.</p>"
    hard = (
        "<p>Notwithstanding the aforementioned considerations, the multi-agency safeguarding "
        "partnership shall undertake comprehensive investigative enquiries expeditiously, "
        "ensuring proportionate interventions commensurate with identified vulnerabilities.</p>"
    )
    assert grade(easy) <= MAX_GRADE < grade(hard)
    assert longest_sentence(hard)[0] == 21
