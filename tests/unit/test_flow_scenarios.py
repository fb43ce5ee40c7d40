"""Parents' situations, in their own words, answered through the questions as a parent would read
them, each landing on the stage a social worker would name.

Each answer is a few words a parent would recognise in the answer they pick; the test finds the one
answer on the question actually shown that contains them. So a scenario fails if the questions
change so that the parent would see a different question, or could not tell which answer fits.
"""

import pytest

from journey_app.flow import walk

SCENARIOS = [
    (
        "A police officer and a social worker spoke to my daughter alone at school yesterday.",
        ["None of these", "No.", "looking into whether my child has been hurt", "on their own"],
        "child-protection-enquiry",
    ),
    (
        "The police came last night and took my son to a foster carer. They said it was to keep "
        "him safe.",
        ["police took my child"],
        "keeping-safe-now",
    ),
    (
        "My kids are staying with my mum for now, while social services look into what happened.",
        ["staying with relatives"],
        "keeping-safe-now",
    ),
    (
        "The school rang children's services about a bruise on my son's arm. A social worker "
        "phoned me today. She said they will decide what to do.",
        ["None of these", "No.", "someone is worried"],
        "someone-is-worried",
    ),
    (
        "A social worker has been coming round for a few weeks. She asks about our family and "
        "says she will write a report.",
        ["None of these", "No.", "getting to know my family"],
        "assessment",
    ),
    (
        "We were offered a family worker to help with our son's behaviour, and we said yes.",
        ["None of these", "No.", "gets help", "family worker"],
        "early-help",
    ),
    (
        "We have a social worker because of my daughter's disability. We made a plan with her and "
        "meet every few weeks. She said it is not child protection.",
        ["None of these", "No.", "gets help", "made a plan with us"],
        "child-in-need",
    ),
    (
        "The social worker rang to say the police, the school nurse and the school are meeting "
        "about my son tomorrow. I can't go to it.",
        ["None of these", "No.", "looking into whether my child has been hurt", "not asked to go"],
        "strategy-meeting",
    ),
    (
        "I got a letter asking me to a child protection conference next Tuesday.",
        ["None of these", "has not happened yet"],
        "initial-conference",
    ),
    (
        "My son has been on a child protection plan since March. We meet every month with the "
        "social worker and his school.",
        ["None of these", "needs a child protection plan", "working on the plan"],
        "child-protection-plan",
    ),
    (
        "The plan has been going for nearly three months. There is a meeting next week to see if "
        "it is still needed.",
        ["None of these", "needs a child protection plan", "meeting soon"],
        "review-conference",
    ),
    (
        "I got a letter saying the council is thinking about court. They want me at a meeting "
        "and said to bring a solicitor.",
        ["about court", "thinking about going to court"],
        "pre-proceedings",
    ),
    (
        "The council has started a court case about my children. We have a hearing next month.",
        ["about court", "started a court case"],
        "care-proceedings",
    ),
    (
        "The social worker wrote to say she has finished and they are closing our case.",
        ["None of these", "No.", "stopped working with my family"],
        "case-closed",
    ),
    (
        "At the review meeting they said the plan can end. The social worker will not visit any "
        "more.",
        ["None of these", "does not have a child protection plan", "stopped working"],
        "case-closed",
    ),
    (
        "The conference said my daughter does not need a child protection plan, but the social "
        "worker will keep helping us with a plan of help.",
        ["None of these", "does not have a child protection plan", "plan to help our family"],
        "child-in-need",
    ),
    (
        "They took my baby from the hospital. A court made an order for 8 days.",
        ["about court", "for a few days"],
        "keeping-safe-now",
    ),
    (
        "The court case is over. The judge made a supervision order.",
        ["about court", "has ended", "supervision order"],
        "care-proceedings",
    ),
    (
        "The court case has finished with no order, and the social worker has closed our case.",
        ["about court", "has ended", "stopped working"],
        "case-closed",
    ),
    (
        "My son lives with a foster carer. The judge made an interim care order, and the next "
        "hearing is in three months.",
        ["about court", "started a court case"],
        "care-proceedings",
    ),
    (
        "At the review conference they said things had not got better. Now I have a letter "
        "saying they may go to court.",
        ["about court", "thinking about going to court"],
        "pre-proceedings",
    ),
    (
        "Our neighbours called the police about shouting. An officer checked on the children. "
        "A social worker rang to say they would decide what to do.",
        ["None of these", "No.", "someone is worried"],
        "someone-is-worried",
    ),
    (
        "Someone from children's services came round. I don't really know why or what happens now.",
        ["None of these", "I'm not sure", "I'm not sure"],
        "someone-is-worried",
    ),
]


def pick(options, phrase):
    """The one answer whose words contain `phrase` (ignoring case)."""
    matches = [slug for slug, text in options.items() if phrase.lower() in text.lower()]
    assert len(matches) == 1, f"{phrase!r} matches {matches} among {list(options.values())}"
    return matches[0]


@pytest.mark.parametrize(
    ("situation", "picks", "stage"), SCENARIOS, ids=[s[0][:60] for s in SCENARIOS]
)
def test_a_parent_lands_on_the_stage_a_social_worker_would_name(app, situation, picks, stage):
    content = app.extensions["journey_content"]
    words = content.locales["en"].questions.questions
    answers = {}
    for phrase in picks:
        result = walk(content.flow, answers)
        assert result.question, f"{situation}: ended at {result.stage} before {phrase!r}"
        answers[result.question] = pick(words[result.question].options, phrase)
    result = walk(content.flow, answers)
    assert result.stage == stage, situation
    assert len(result.answers) <= 4


def test_there_are_at_least_twelve_situations_covering_every_stage(app):
    stages = {stage.slug for stage in app.extensions["journey_content"].stages}
    assert len(SCENARIOS) >= 12
    assert {stage for _, _, stage in SCENARIOS} == stages
