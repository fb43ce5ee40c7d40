"""The "Where am I?" flow: every path walked, the pure rules, and the check on broken flows."""

import re

import pytest
import yaml

from journey_app import create_app
from journey_app.__main__ import main
from journey_app.flow import (
    MAX_QUESTIONS,
    NOT_SURE,
    Answer,
    Flow,
    Option,
    Question,
    loops,
    mermaid,
    next_step,
    paths,
    previous_question,
    validate,
    walk,
)

# Words a parent may not know. They may appear in hints and in "ask your social worker", never in
# the question or the answers a parent reads to choose.
JARGON = re.compile(
    r"section 47|\bs47\b|section 17|core group|strategy|proceedings|\bPLO\b|public law outline|"
    r"referral|single assessment|\bICPC\b|significant harm|enquiry|section 20",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def content(app):
    return app.extensions["journey_content"]


@pytest.fixture(scope="module")
def flow(content):
    return content.flow


def stage_order(content):
    return [stage.slug for stage in content.stages]


def build(start, **questions):
    """A flow written compactly: build("a", a=[("x", "b"), ("y", "stage:early-help")], ...)."""
    built = {}
    for question_id, options in questions.items():
        built[question_id] = Question(
            question_id,
            tuple(
                Option(slug, None, target[6:])
                if target and target.startswith("stage:")
                else Option(slug, target, None)
                for slug, target in options
            ),
        )
    return Flow(start, built)


# --- every path through the real flow ---------------------------------------------------------


def test_every_path_ends_at_a_stage_within_four_questions(flow, content):
    stages = set(stage_order(content))
    every = paths(flow)
    assert len(every) > 13
    for path in every:
        assert path.stage in stages, path
        assert 1 <= len(path.answers) <= MAX_QUESTIONS, path
        # walking the path's own answers lands on its stage
        assert walk(flow, {a.question: a.option for a in path.answers}).stage == path.stage


def test_every_stage_of_the_journey_is_reached(flow, content):
    reached = {path.stage for path in paths(flow)}
    assert reached == set(stage_order(content))
    assert len(reached) == 13


def test_the_emergency_answers_end_at_keeping_a_child_safe_now_after_one_question(flow):
    for slug in ("police", "staying-elsewhere"):
        result = walk(flow, {flow.start: slug})
        assert result.stage == "keeping-safe-now"
        assert len(result.answers) == 1


def test_no_question_is_asked_twice_on_a_path_and_there_are_no_loops(flow):
    assert loops(flow) == []
    for path in paths(flow):
        asked = [answer.question for answer in path.answers]
        assert len(asked) == len(set(asked)), path


def test_every_question_offers_i_am_not_sure_and_it_leads_somewhere_honest(flow):
    for question in flow.questions.values():
        not_sure = question.option(NOT_SURE)
        assert not_sure is not None, question.id
        if not_sure.stage:
            others = {o.stage for o in question.options if o.slug != NOT_SURE}
            assert not_sure.stage in others, question.id
        else:
            assert not_sure.next in flow.questions, question.id


def test_a_path_with_i_am_not_sure_is_marked_unsure_and_others_are_not(flow):
    for path in paths(flow):
        result = walk(flow, {a.question: a.option for a in path.answers})
        assert result.unsure == any(a.option == NOT_SURE for a in path.answers)


def test_not_sure_all_the_way_stops_at_the_first_step(flow):
    answers = {}
    result = walk(flow, answers)
    while result.question:
        answers[result.question] = NOT_SURE
        result = walk(flow, answers)
    assert result.stage == "someone-is-worried"
    assert result.unsure


def test_the_content_check_finds_nothing_wrong_with_the_flow(flow, content):
    assert validate(flow, stage_order(content)) == []


def test_questions_and_answers_use_plain_words(content):
    words = content.locales["en"].questions
    for question in words.questions.values():
        for text in [question.text, *question.options.values()]:
            assert not JARGON.search(text), f"{question.id}: {text}"
        assert question.ask, question.id
    assert len(words.not_sure_ask) >= 1


# --- the pure rules ---------------------------------------------------------------------------

SMALL = build(
    "first",
    first=[("yes", "second"), ("no", "stage:case-closed"), (NOT_SURE, "second")],
    second=[("a", "stage:assessment"), ("b", "stage:early-help"), (NOT_SURE, "stage:early-help")],
)


def test_walk_asks_the_first_question_with_no_answers():
    result = walk(SMALL, {})
    assert result.question == "first" and result.answers == () and result.stage is None


def test_walk_follows_answers_to_the_next_question_and_the_stage():
    assert walk(SMALL, {"first": "yes"}).question == "second"
    result = walk(SMALL, {"first": "yes", "second": "a"})
    assert result.stage == "assessment"
    assert result.answers == (Answer("first", "yes"), Answer("second", "a"))
    assert result.asked == ["first", "second"]


def test_walk_reports_an_answer_that_was_never_offered():
    result = walk(SMALL, {"first": "yes", "second": "maybe"})
    assert result.invalid == "second"
    assert result.answers == (Answer("first", "yes"),)
    assert walk(SMALL, {"first": ""}).invalid == "first"


def test_walk_ignores_answers_off_the_way():
    result = walk(SMALL, {"first": "no", "second": "a", "elsewhere": "x"})
    assert result.stage == "case-closed"
    assert result.answers == (Answer("first", "no"),)


def test_changing_an_earlier_answer_keeps_the_later_ones_only_while_they_still_apply():
    answers = {"first": "yes", "second": "b"}
    assert walk(SMALL, answers).stage == "early-help"
    assert walk(SMALL, {**answers, "first": NOT_SURE}).stage == "early-help"
    assert walk(SMALL, {**answers, "first": "no"}).answers == (Answer("first", "no"),)


def test_next_step_and_previous_question():
    assert next_step(SMALL, "first", "yes") == Option("yes", "second", None)
    assert next_step(SMALL, "first", "maybe") is None
    assert next_step(SMALL, "nowhere", "yes") is None
    answers = (Answer("first", "yes"), Answer("second", "a"))
    assert previous_question(answers, "second") == "first"
    assert previous_question(answers, "first") is None
    assert previous_question(answers[:1], "second") == "first"  # the question being asked
    assert previous_question((), "first") is None


def test_paths_lists_every_way_through():
    found = {(tuple(a.option for a in p.answers), p.stage) for p in paths(SMALL)}
    assert found == {
        (("yes", "a"), "assessment"),
        (("yes", "b"), "early-help"),
        (("yes", NOT_SURE), "early-help"),
        (("no",), "case-closed"),
        ((NOT_SURE, "a"), "assessment"),
        ((NOT_SURE, "b"), "early-help"),
        ((NOT_SURE, NOT_SURE), "early-help"),
    }


# --- validation catches broken flows ----------------------------------------------------------

STAGES = ["assessment", "early-help", "case-closed"]


def test_a_good_small_flow_has_no_problems():
    assert validate(SMALL, STAGES) == []


def test_an_unreachable_stage_is_reported():
    problems = validate(SMALL, [*STAGES, "care-proceedings"])
    assert problems == ["stage 'care-proceedings' cannot be reached: no answer leads to it"]


def test_an_option_leading_nowhere_or_to_unknown_places_is_reported():
    broken = build(
        "first",
        first=[("yes", None), ("no", "stage:case-closed"), (NOT_SURE, "missing")],
    )
    problems = validate(broken, ["case-closed"])
    assert (
        "question 'first', option 'yes' leads nowhere: give it a next question or a stage"
        in problems
    )
    assert "question 'first', option 'not-sure' leads to unknown question 'missing'" in problems
    unknown_stage = build("first", first=[("yes", "stage:nowhere"), (NOT_SURE, "stage:nowhere")])
    assert "question 'first', option 'yes' leads to unknown stage 'nowhere'" in validate(
        unknown_stage, []
    )
    both = Flow("q", {"q": Question("q", (Option(NOT_SURE, "q", "early-help"),))})
    assert "question 'q', option 'not-sure' leads to both a question and a stage: choose one" in (
        validate(both, ["early-help"])
    )


def test_a_loop_is_reported_and_walking_it_does_not_hang():
    looping = build(
        "first",
        first=[("on", "second"), (NOT_SURE, "stage:early-help")],
        second=[("back", "first"), (NOT_SURE, "stage:early-help")],
    )
    problems = validate(looping, ["early-help"])
    assert "the questions go round in a loop: first -> second -> first" in problems
    assert walk(looping, {"first": "on", "second": "back"}).invalid == "first"


def test_more_than_four_questions_on_a_path_is_reported():
    chain = {f"q{n}": [("go", f"q{n + 1}"), (NOT_SURE, "stage:early-help")] for n in range(1, 5)}
    chain["q5"] = [("end", "stage:assessment"), (NOT_SURE, "stage:early-help")]
    problems = validate(build("q1", **chain), ["assessment", "early-help"])
    assert (
        "5 questions on the way to 'assessment' (at most 4): q1 -> q2 -> q3 -> q4 -> q5" in problems
    )


def test_a_question_without_not_sure_or_never_reached_is_reported():
    broken = build(
        "first",
        first=[("yes", "stage:early-help"), ("no", "stage:case-closed")],
        orphan=[(NOT_SURE, "stage:early-help")],
    )
    problems = validate(broken, ["early-help", "case-closed"])
    assert "question 'first' has no 'not-sure' option (every question needs one)" in problems
    assert "question 'orphan' cannot be reached from the first question" in problems


def test_not_sure_may_not_end_at_a_stage_of_its_own():
    guessing = build(
        "first",
        first=[("yes", "stage:early-help"), (NOT_SURE, "stage:care-proceedings")],
    )
    problems = validate(guessing, ["early-help", "care-proceedings"])
    assert any("'not-sure' ends at 'care-proceedings'" in p for p in problems)


def test_an_unknown_first_question_and_repeated_options_are_reported():
    broken = build("nowhere", first=[("a", "stage:early-help"), ("a", "stage:early-help")])
    problems = validate(broken, ["early-help"])
    assert "the first question 'nowhere' is not one of the questions" in problems
    assert "question 'first' lists option 'a' more than once" in problems


# --- the check command on broken content files ------------------------------------------------


def problems_for(content_dir):
    app = create_app({"CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False})
    return [str(problem) for problem in app.extensions["journey_content_problems"]]


def rewrite_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def question_entry(data, question_id):
    return next(q for q in data["questions"] if q["id"] == question_id)


def test_check_reports_a_broken_flow_file(content_copy):
    def break_it(data):
        court = question_entry(data, "court")
        court["options"] = [o for o in court["options"] if o["slug"] != "case-started"]
        court["options"][0] = {"slug": "thinking"}
        after = question_entry(data, "after-court")
        after["options"][0]["stage"] = None
        after["options"][0]["next"] = "court"
        after["options"][1]["next"] = "after-court"
        del after["options"][1]["stage"]
        after["options"][2] = {"slug": "not-sure", "next": "court"}

    rewrite_yaml(content_copy / "flow.yml", break_it)
    problems = problems_for(content_copy)
    assert (
        "flow.yml: question 'court', option 'thinking' leads nowhere: "
        "give it a next question or a stage" in problems
    )
    assert "flow.yml: stage 'care-proceedings' cannot be reached: no answer leads to it" in problems
    assert any(p.startswith("flow.yml: the questions go round in a loop:") for p in problems)


def test_check_reports_an_answer_without_words(content_copy):
    def drop(data):
        del data["questions"]["help"]["options"]["plan-of-help"]
        data["questions"]["help"]["options"]["made-up"] = "An answer the flow does not have."
        del data["questions"]["plan"]["ask"]

    rewrite_yaml(content_copy / "en/questions.yml", drop)
    problems = problems_for(content_copy)
    assert "en/questions.yml: question 'help': option 'plan-of-help' has no words" in problems
    assert "en/questions.yml: question 'help': option 'made-up' is not in flow.yml" in problems
    assert any(
        p.startswith("en/questions.yml: question 'plan' has no 'ask' list") for p in problems
    )


def test_check_reports_an_answer_left_in_english_in_a_language_marked_complete(content_copy):
    (content_copy / "pl/questions.yml").write_text(
        "questions:\n  help:\n    options:\n      chosen-support: Pomoc, którą wybraliśmy.\n",
        encoding="utf-8",
    )
    locale_file = content_copy / "pl/locale.yml"
    locale_file.write_text(
        locale_file.read_text(encoding="utf-8").replace("complete: false", "complete: true"),
        encoding="utf-8",
    )
    problems = problems_for(content_copy)
    assert "pl/questions.yml: question 'help': option 'plan-of-help' has no words in 'pl'" in (
        problems
    )
    assert not [p for p in problems if "'chosen-support' has no words" in p]


def test_check_reports_a_yes_or_no_slug_written_without_quotes(content_copy):
    path = content_copy / "flow.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('slug: "no"', "slug: no"))
    problems = problems_for(content_copy)
    assert any("should be in quotes" in p for p in problems)


def test_the_guide_refuses_to_start_with_a_broken_flow(content_copy):
    rewrite_yaml(content_copy / "flow.yml", lambda data: data.update(start="missing"))
    with pytest.raises(Exception, match="the first question 'missing' is not one of the questions"):
        create_app({"CONTENT_DIR": str(content_copy)})


# --- the picture of the flow ------------------------------------------------------------------


def test_mermaid_names_every_question_answer_and_stage(flow, content):
    words = content.locales["en"]
    text = mermaid(
        flow,
        {q.id: q.text for q in words.questions.questions.values()},
        {(q.id, s): t for q in words.questions.questions.values() for s, t in q.options.items()},
        {slug: page.title for slug, page in words.stages.items()},
    )
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    arrows = [line for line in lines if "-->" in line]
    assert len(arrows) == sum(len(q.options) for q in flow.questions.values())
    for stage in content.stages:
        assert f"s_{stage.slug.replace('-', '_')}([" in text
    assert '{"Has any of these happened?"}' in text
    assert '-->|"The police took my child somewhere safe."| s_keeping_safe_now' in text


def test_mermaid_escapes_quotes_in_labels():
    text = mermaid(SMALL, {"first": 'Is it "big"?'}, {}, {})
    assert 'q_first{"Is it #quot;big#quot;?"}' in text


def test_flow_diagram_command_prints_the_chart(capsys):
    with pytest.raises(SystemExit) as done:
        main(["flow-diagram"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("flowchart TD\n")
    assert "s_case_closed" in out and "q_away_or_court" in out
