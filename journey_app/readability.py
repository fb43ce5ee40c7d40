"""Plain-English measures for pages: Flesch-Kincaid grade and sentence length.

Text is taken block by block (paragraphs, list items, headings, table cells), so a list item
without a full stop still counts as a sentence of its own rather than running into the next one.
"""

import re
from html.parser import HTMLParser

import textstat

WORD_CHARACTER = re.compile(r"[^\W_]")
BLOCK_TAGS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "legend",
    "label",
}
# full stops and question marks of every script the guide uses: Latin, Arabic and Urdu (؟ ۔),
# Gujarati and Gurmukhi (।)
SENTENCE_END = re.compile(r"(?<=[.!?؟۔।])\s+")


class _BlockText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self):
        super().close()
        self._flush()


def blocks_of(html: str) -> list[str]:
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def sentences_of(html: str) -> list[str]:
    sentences = []
    for block in blocks_of(html):
        sentences.extend(s for s in SENTENCE_END.split(block) if s.strip())
    return sentences


def word_count(sentence: str) -> int:
    """Words are runs of text between spaces that hold a letter or digit. (Counting runs of
    letters would split Gujarati, Gurmukhi and Arabic words at their vowel signs.)"""
    return sum(1 for token in sentence.split() if WORD_CHARACTER.search(token))


def as_prose(html: str) -> str:
    """The page's text with every block ending in a full stop, as readability formulas expect."""
    return " ".join(b if b[-1] in ".!?:؟۔।" else b + "." for b in blocks_of(html))


def grade(html: str) -> float:
    return textstat.flesch_kincaid_grade(as_prose(html))


def longest_sentence(html: str) -> tuple[int, str]:
    return max(((word_count(s), s) for s in sentences_of(html)), default=(0, ""))
