"""'Where am I?': one question per page, then the stage the answers point to.

Answers travel only in the body of POST forms, as hidden fields named by question id, so they never
reach an address, a server log, the browser's history or a Referer header. Nothing is kept on the
server and no cookie is set; every reply says `Cache-Control: no-store`. The routing is in
journey_app/flow.py and the words in content/<locale>/questions.yml: this module only reads the
form and picks the page.

- GET  /<lang>/where-am-i/  the first question, with no answers.
- POST /<lang>/where-am-i/  the answers so far, the current question's radios, and `question` (the
  question the page asked). The reply is the next question or the result. With `show` (the Back
  and Change buttons) it is that earlier question again, its answer chosen and the others kept.

Nothing chosen, or an answer that is not one of those offered (a changed form), gives the question
again with an error summary, status 400 for both: the reader has to do something before going on.
"""

from flask import Blueprint, current_app, render_template, request

from .. import flow as rules
from .locale import add_locale, locale_content, use_locale

bp = Blueprint("questions", __name__, url_prefix="/<lang>/where-am-i")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)

# Errors on a question page, shown in the error summary and beside the radios.
MISSING = "missing"  # nothing chosen
UNKNOWN = "unknown"  # an answer, or a question to go back to, that the form never offered


@bp.after_request
def never_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def start():
    flow = _flow()
    return _question_page(flow.start, rules.walk(flow, {}))


@bp.post("/")
def answer():
    flow = _flow()
    walk = rules.walk(flow, _answers(flow))
    if walk.invalid:
        return _question_page(walk.invalid, walk, UNKNOWN)
    show = request.form.get("show")
    if show is not None:
        if show in walk.asked:
            return _question_page(show, walk)
        return _question_page(flow.start, walk, UNKNOWN)
    asked = request.form.get("question")
    if walk.question is not None and asked == walk.question:
        return _question_page(walk.question, walk, MISSING)
    if asked not in walk.asked:
        return _question_page(flow.start, walk, UNKNOWN)
    if walk.stage:
        return _result_page(walk)
    return _question_page(walk.question, walk)


def _flow():
    return current_app.extensions["journey_content"].flow


def _answers(flow):
    """The answers in the form, by question id. A question sent twice is a changed form: its
    answer is made one that no question offers, so the walk reports it."""
    answers = {}
    for question_id in flow.questions:
        values = request.form.getlist(question_id)
        if values:
            answers[question_id] = values[0] if len(values) == 1 else ""
    return answers


def _question_page(question_id, walk, error=None):
    words = locale_content().questions
    chosen = {answer.question: answer.option for answer in walk.answers}
    page = render_template(
        "questions/question.html",
        question=_flow().questions[question_id],
        question_words=words.questions[question_id],
        questions_words=words,
        chosen=chosen.get(question_id),
        kept=[answer for answer in walk.answers if answer.question != question_id],
        answers=walk.answers,
        back_to=rules.previous_question(walk.answers, question_id),
        not_sure=rules.NOT_SURE,
        error=error,
    )
    return page, 400 if error else 200


def _result_page(walk):
    content = current_app.extensions["journey_content"]
    words = locale_content()
    questions = words.questions.questions
    rows = [
        (
            answer.question,
            questions[answer.question].text,
            questions[answer.question].options[answer.option],
        )
        for answer in walk.answers
    ]
    ask = [
        text
        for answer in walk.answers
        if answer.option == rules.NOT_SURE
        for text in questions[answer.question].ask
    ]
    return render_template(
        "questions/result.html",
        stage=content.stage_by_slug[walk.stage],
        stage_page=words.stages[walk.stage],
        questions_words=words.questions,
        unsure=walk.unsure,
        ask=ask,
        rows=rows,
        answers=walk.answers,
    )
