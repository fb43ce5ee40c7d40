"""Measure Markdown content files while writing them: python scripts/readability_md.py FILE..."""

import sys
from pathlib import Path

import markdown
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from journey_app.readability import grade, longest_sentence  # noqa: E402

for name in sys.argv[1:]:
    text = Path(name).read_text(encoding="utf-8")
    meta = {}
    if text.startswith("---"):
        _, front, text = text.split("---", 2)
        meta = yaml.safe_load(front) or {}
    head = f"# {meta.get('title', '')}\n\n{meta.get('summary', '')}\n\n"
    html = markdown.markdown(head + text, extensions=["attr_list"])
    words, sentence = longest_sentence(html)
    print(f"{name}: grade {grade(html):.1f}, longest sentence {words} words: {sentence[:90]}")
