"""Loads the "Where am I?" questions: routing from flow.yml, words from <locale>/questions.yml.

Called by the content loader, so a broken flow or a missing word is reported by the check command
(with its file) and stops the guide from starting, like any other content problem.
"""

from dataclasses import dataclass

from ..flow import Flow, Option, Question, mermaid, validate
from .translations import SOURCE_LOCALE

WORDS_FILE = "questions.yml"


@dataclass
class QuestionWords:
    """The words of one question. Each string is a models.Text: it knows its language, which is
    English where a translation is missing."""

    id: str
    text: str
    hint: str
    options: dict[str, str]
    ask: list[str]  # what to ask the social worker after answering "I'm not sure"


@dataclass
class QuestionsWords:
    """Every word of the questions in one language."""

    caption: str
    privacy: str
    questions: dict[str, QuestionWords]
    not_sure_heading: str
    not_sure_intro: str
    not_sure_ask: list[str]


def load_questions(reader, root, content):
    """Read the flow and its words into `content`, reporting each problem through `reader`."""
    content.flow = _flow(reader, root / "flow.yml", [stage.slug for stage in content.stages])
    for locale, words in content.locales.items():
        words.questions = _words(reader, root / locale / WORDS_FILE, content.flow)
        if words.complete and locale != SOURCE_LOCALE:
            _untranslated(reader, root / locale / WORDS_FILE, words.questions, locale)


def _flow(reader, path, stages):
    data = reader.yaml(path)
    questions = {}
    entries = data.get("questions") or []
    if not isinstance(entries, list):
        reader.problem(path, "'questions' should be a list")
        entries = []
    for index, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("id"):
            reader.problem(path, f"question {index} has no id")
            continue
        question_id = str(entry["id"])
        if question_id in questions:
            reader.problem(path, f"question '{question_id}' is listed more than once")
        options = []
        for number, option in enumerate(entry.get("options") or [], 1):
            if not isinstance(option, dict) or option.get("slug") in (None, ""):
                reader.problem(path, f"question '{question_id}': option {number} has no slug")
                continue
            if not isinstance(option["slug"], str):
                reader.problem(
                    path,
                    f"question '{question_id}': option {number}'s slug should be in quotes, "
                    f'like "{str(option["slug"]).lower()}"',
                )
            options.append(
                Option(
                    str(option["slug"]),
                    str(option["next"]) if option.get("next") else None,
                    str(option["stage"]) if option.get("stage") else None,
                )
            )
        questions[question_id] = Question(question_id, tuple(options))
    flow = Flow(str(data.get("start") or ""), questions)
    for message in validate(flow, stages):
        reader.problem(path, message)
    return flow


def _words(reader, path, flow):
    data = reader.yaml(path)
    for key in ("caption", "privacy"):
        if not data.get(key):
            reader.problem(path, f"'{key}' is missing")
    entries = data.get("questions") or {}
    if not isinstance(entries, dict):
        reader.problem(path, "'questions' should map each question id to its words")
        entries = {}
    questions = {}
    for question in flow.questions.values():
        entry = entries.get(question.id)
        if not isinstance(entry, dict):
            reader.problem(path, f"question '{question.id}' has no words")
            continue
        if not entry.get("question"):
            reader.problem(path, f"question '{question.id}' has no 'question'")
        options = entry.get("options") if isinstance(entry.get("options"), dict) else {}
        options = {str(slug): text for slug, text in options.items() if text}
        for option in question.options:
            if option.slug not in options:
                reader.problem(
                    path, f"question '{question.id}': option '{option.slug}' has no words"
                )
        for slug in options:
            if question.option(slug) is None:
                reader.problem(
                    path, f"question '{question.id}': option '{slug}' is not in flow.yml"
                )
        ask = _texts(entry.get("ask"))
        if not ask:
            reader.problem(
                path,
                f"question '{question.id}' has no 'ask' list (what to ask the social worker "
                "when the reader is not sure)",
            )
        questions[question.id] = QuestionWords(
            question.id, entry.get("question") or "", entry.get("hint") or "", options, ask
        )
    for question_id in entries:
        if question_id not in flow.questions:
            reader.problem(path, f"question '{question_id}' is not in flow.yml")
    not_sure = data.get("not_sure") if isinstance(data.get("not_sure"), dict) else {}
    for key in ("heading", "intro", "ask"):
        if not not_sure.get(key):
            reader.problem(path, f"'not_sure' has no '{key}'")
    return QuestionsWords(
        data.get("caption") or "",
        data.get("privacy") or "",
        questions,
        not_sure.get("heading") or "",
        not_sure.get("intro") or "",
        _texts(not_sure.get("ask")),
    )


def _untranslated(reader, path, words, locale):
    """In a language marked complete, every answer must have its own words: a missing one is
    shown in English (see translations.py), which the check then reports by name."""
    for question in words.questions.values():
        for slug, text in question.options.items():
            if getattr(text, "lang", locale) != locale:
                reader.problem(
                    path, f"question '{question.id}': option '{slug}' has no words in '{locale}'"
                )


def _texts(value):
    """A list of sentences; each keeps the language it is written in (see models.Text)."""
    return [text for text in value if text] if isinstance(value, list) else []


def flow_diagram(content, locale):
    """The flow as Mermaid text, labelled in `locale`: questions, answers and stage titles."""
    words = content.locales[locale]
    questions = words.questions.questions if words.questions else {}
    return mermaid(
        content.flow,
        {question_id: q.text for question_id, q in questions.items()},
        {(q.id, slug): text for q in questions.values() for slug, text in q.options.items()},
        {slug: page.title for slug, page in words.stages.items()},
    )
