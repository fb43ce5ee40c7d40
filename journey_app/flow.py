"""The "Where am I?" questions: routing as data, walked by small pure functions.

The flow (content/flow.yml) holds routing only: each question lists its options by a stable slug,
and each option leads either to another question or to a stage of the journey. The words of the
questions live per language in content/<locale>/questions.yml. Nothing here knows about Flask,
requests, templates or words, so every rule can be tested on its own and every path enumerated.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

NOT_SURE = "not-sure"  # the slug of the "I'm not sure" answer every question must offer
MAX_QUESTIONS = 4  # no family answers more than this many questions to reach a stage


@dataclass(frozen=True)
class Option:
    slug: str
    next: str | None = None  # the id of the question this answer leads to, or
    stage: str | None = None  # the slug of the stage it ends at


@dataclass(frozen=True)
class Question:
    id: str
    options: tuple[Option, ...]

    def option(self, slug: str) -> Option | None:
        return next((option for option in self.options if option.slug == slug), None)


@dataclass(frozen=True)
class Flow:
    start: str
    questions: dict[str, Question]  # in the order of the file


@dataclass(frozen=True)
class Answer:
    question: str
    option: str


@dataclass(frozen=True)
class Walk:
    """Where a set of answers leads, following them from the first question.

    `answers` are the answers on the way, in order (answers to questions off the way are left
    out). Then exactly one of: `question`, the next question to ask; `stage`, where the answers
    end; `invalid`, a question whose answer is not one of its options.
    """

    answers: tuple[Answer, ...]
    question: str | None = None
    stage: str | None = None
    invalid: str | None = None

    @property
    def unsure(self) -> bool:
        return any(answer.option == NOT_SURE for answer in self.answers)

    @property
    def asked(self) -> list[str]:
        """The questions on the way: those answered, then the one to ask next (if any)."""
        answered = [answer.question for answer in self.answers]
        return answered + [self.question] if self.question else answered


@dataclass(frozen=True)
class Path:
    answers: tuple[Answer, ...]
    stage: str


def next_step(flow: Flow, question_id: str, slug: str) -> Option | None:
    """The option chosen by answering `slug` to a question; None if it offers no such answer."""
    question = flow.questions.get(question_id)
    return question.option(slug) if question else None


def walk(flow: Flow, answers: Mapping[str, str]) -> Walk:
    """Follow `answers` (question id -> option slug) from the first question."""
    taken: list[Answer] = []
    question_id = flow.start
    while question_id not in [answer.question for answer in taken]:
        if question_id not in answers:
            return Walk(tuple(taken), question=question_id)
        option = next_step(flow, question_id, answers[question_id])
        if option is None:
            return Walk(tuple(taken), invalid=question_id)
        taken.append(Answer(question_id, option.slug))
        if option.stage:
            return Walk(tuple(taken), stage=option.stage)
        question_id = option.next
    # Only a flow with a loop gets here; the check refuses such a flow before the guide starts.
    return Walk(tuple(taken), invalid=question_id)


def previous_question(answers: Iterable[Answer], question_id: str) -> str | None:
    """The question asked just before `question_id` on the way, or None for the first one."""
    asked = [answer.question for answer in answers]
    if question_id in asked:
        index = asked.index(question_id)
        return asked[index - 1] if index else None
    return asked[-1] if asked else None


def paths(flow: Flow) -> list[Path]:
    """Every way through the flow, from the first question to a stage (loops are cut short)."""
    found: list[Path] = []

    def visit(question_id, taken, seen):
        question = flow.questions.get(question_id)
        if question is None or question_id in seen:
            return
        for option in question.options:
            step = (*taken, Answer(question_id, option.slug))
            if option.stage:
                found.append(Path(step, option.stage))
            elif option.next:
                visit(option.next, step, seen | {question_id})

    visit(flow.start, (), frozenset())
    return found


def loops(flow: Flow) -> list[list[str]]:
    """Each loop among the questions, as the list of question ids that go round it."""
    found, state = [], {}

    def visit(question_id, stack):
        state[question_id] = "open"
        stack.append(question_id)
        for option in flow.questions[question_id].options:
            target = option.next
            if target not in flow.questions:
                continue
            if state.get(target) == "open":
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[question_id] = "done"

    for question_id in flow.questions:
        if question_id not in state:
            visit(question_id, [])
    return found


def reachable_questions(flow: Flow) -> list[str]:
    seen, queue = [], [flow.start]
    while queue:
        question_id = queue.pop(0)
        if question_id in seen or question_id not in flow.questions:
            continue
        seen.append(question_id)
        queue.extend(o.next for o in flow.questions[question_id].options if o.next)
    return seen


def validate(flow: Flow, stages: Iterable[str]) -> list[str]:
    """Every problem in the flow, in words a content designer can act on."""
    stages = list(stages)
    problems = []
    if flow.start not in flow.questions:
        problems.append(f"the first question '{flow.start}' is not one of the questions")
    for question in flow.questions.values():
        problems += _question_problems(question, flow, stages)
    cycles = loops(flow)
    for cycle in cycles:
        problems.append(f"the questions go round in a loop: {' -> '.join(cycle)}")
    reachable = reachable_questions(flow)
    for question_id in flow.questions:
        if question_id not in reachable:
            problems.append(f"question '{question_id}' cannot be reached from the first question")
    reached = {o.stage for q in reachable for o in flow.questions[q].options if o.stage}
    for stage in stages:
        if stage not in reached:
            problems.append(f"stage '{stage}' cannot be reached: no answer leads to it")
    if not cycles:
        for path in paths(flow):
            if len(path.answers) > MAX_QUESTIONS:
                asked = " -> ".join(answer.question for answer in path.answers)
                problems.append(
                    f"{len(path.answers)} questions on the way to '{path.stage}' "
                    f"(at most {MAX_QUESTIONS}): {asked}"
                )
    return problems


def _question_problems(question, flow, stages):
    problems = []
    where = f"question '{question.id}'"
    slugs = [option.slug for option in question.options]
    if not slugs:
        problems.append(f"{where} has no options")
    for slug in sorted({s for s in slugs if slugs.count(s) > 1}):
        problems.append(f"{where} lists option '{slug}' more than once")
    if slugs and NOT_SURE not in slugs:
        problems.append(f"{where} has no '{NOT_SURE}' option (every question needs one)")
    for option in question.options:
        label = f"{where}, option '{option.slug}'"
        if not option.next and not option.stage:
            problems.append(f"{label} leads nowhere: give it a next question or a stage")
        elif option.next and option.stage:
            problems.append(f"{label} leads to both a question and a stage: choose one")
        elif option.next and option.next not in flow.questions:
            problems.append(f"{label} leads to unknown question '{option.next}'")
        elif option.stage and option.stage not in stages:
            problems.append(f"{label} leads to unknown stage '{option.stage}'")
    # "I'm not sure" must never end at a stage that no real answer to the question points to.
    not_sure = question.option(NOT_SURE)
    others = {o.stage for o in question.options if o.slug != NOT_SURE and o.stage}
    if not_sure and not_sure.stage and not_sure.stage not in others:
        problems.append(
            f"{where}: '{NOT_SURE}' ends at '{not_sure.stage}', which no other answer to it "
            "leads to; lead it to the earliest stage another answer leads to, or to a question"
        )
    return problems


def mermaid(
    flow: Flow,
    question_text: Mapping[str, str],
    option_text: Mapping[tuple[str, str], str],
    stage_title: Mapping[str, str],
) -> str:
    """The flow as a Mermaid flowchart: questions as diamonds, answers as arrows, stages last."""

    def node(kind, name):
        return f"{kind}_{name.replace('-', '_')}"

    def label(text):
        return '"' + " ".join(str(text).split()).replace('"', "#quot;") + '"'

    lines = ["flowchart TD"]
    stages = []
    for question in flow.questions.values():
        text = question_text.get(question.id, question.id)
        lines.append(f"  {node('q', question.id)}{{{label(text)}}}")
        for option in question.options:
            if option.stage and option.stage not in stages:
                stages.append(option.stage)
    for stage in stages:
        lines.append(f"  {node('s', stage)}([{label(stage_title.get(stage, stage))}])")
    for question in flow.questions.values():
        for option in question.options:
            target = node("q", option.next) if option.next else node("s", option.stage or "")
            text = option_text.get((question.id, option.slug), option.slug)
            lines.append(f"  {node('q', question.id)} -->|{label(text)}| {target}")
    return "\n".join(lines) + "\n"
