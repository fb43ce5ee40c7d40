"""The facts the guide states match facts.md, including its corrections to the leaflets."""

import html
import re

import pytest


@pytest.fixture(scope="module")
def text_of(pages):
    def text(url):
        page = pages[url].get_data(as_text=True)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())

    return text


def test_referral_decision_is_one_working_day_not_24_hours(text_of):
    page = text_of("/en/stages/someone-is-worried")
    assert "1 working day" in page
    assert not re.search(r"24 hours to decide|decide[^.]*within 24 hours", page)


def test_assessment_is_45_working_days(text_of):
    page = text_of("/en/stages/assessment")
    assert "45 working days" in page
    assert not re.search(r"(within|up to|takes?) 45 days", page)


def test_conference_within_15_working_days_of_strategy_discussion(text_of):
    page = text_of("/en/stages/initial-conference")
    assert "15 working days" in page
    enquiry = text_of("/en/stages/child-protection-enquiry")
    assert not re.search(r"enquir\w* (must|should) (be )?finish\w* within 15", enquiry)


def test_core_groups_visits_and_reviews(text_of):
    plan = text_of("/en/stages/child-protection-plan")
    assert "10 working days" in plan and "4 weeks" in plan
    review = text_of("/en/stages/review-conference")
    assert "3 months" in review and "6 months" in review


def test_emergency_orders_and_police_protection(text_of):
    page = text_of("/en/stages/keeping-safe-now")
    assert "72 hours" in page
    assert "8 days" in page and "7 days" in page


def test_court_timescale_and_legal_aid(text_of):
    court = text_of("/en/stages/care-proceedings")
    assert "26 weeks" in court
    assert "8 weeks" in court
    pre = text_of("/en/stages/pre-proceedings")
    assert "letter before proceedings" in pre.lower()


def test_local_rules_are_named_as_local(text_of):
    plan = text_of("/en/stages/child-protection-plan")
    assert "Whose rule: Leicestershire's own practice" in plan
    assert "Whose rule: National guidance" in plan


def test_contacts_numbers(text_of):
    page = text_of("/en/contacts")
    for number in (
        "0116 305 0005",
        "999",
        "101",
        "0808 801 0366",
        "0800 1111",
        "0808 800 5000",
        "0345 345 4345",
        "0300 061 0614",
    ):
        assert number in page


def test_endings_with_nothing_more_happening_are_said_plainly(text_of):
    for slug in ("someone-is-worried", "assessment", "child-protection-enquiry", "case-closed"):
        assert re.search(
            r"nothing (more|else) (will )?happens?", text_of(f"/en/stages/{slug}"), re.IGNORECASE
        ), slug
