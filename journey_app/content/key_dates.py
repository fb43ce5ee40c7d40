"""The key dates page's content: which dates a family may enter (`key-dates.yml`), what each one
leads to, and the words for them in each language (`<locale>/key-dates.yml`)."""

from dataclasses import dataclass, field

from ..dates import UNITS, Rule, Step
from .words import lookup, read_words

RULES = ("law", "national", "local")
WORDS_REQUIRED = (
    "title",
    "summary",
    "intro",
    "privacy",
    "results_title",
    "results_intro",
    "calendar_title",
    "calendar_intro",
    "calendar_privacy",
    "then_title",
    "confirm",
)
WORDS_MARKDOWN = ("intro", "privacy", "results_intro", "calendar_intro", "calendar_privacy")


@dataclass
class KeyDateResult:
    """One line of the results: a timescale counted from the known date (or from an earlier
    result), or something that `starts` on the known date itself."""

    id: str
    rule: str
    sources: list[str]
    timescale: str | None = None
    after: str | None = None
    starts: str | None = None


@dataclass
class KnownDate:
    id: str
    counts_as: list[str]
    stages: list[str]
    results: list[KeyDateResult]
    then: list[str]

    def steps(self, timescales):
        """The results that are counted, as steps for dates.work_out."""
        return [
            Step(
                result.id,
                Rule(
                    int(timescales[result.timescale].amount),
                    timescales[result.timescale].unit,
                    timescales[result.timescale].before,
                ),
                result.after,
            )
            for result in self.results
            if result.timescale
        ]


@dataclass
class KeyDates:
    years_before: int
    years_after: int
    known: dict[str, KnownDate]
    words: dict[str, dict] = field(default_factory=dict)  # locale -> words

    def for_stage(self, slug):
        """The first known date whose results matter at this stage, or None."""
        return next((known for known in self.known.values() if slug in known.stages), None)


def load_key_dates(reader, root, content, paths, term_path):
    path = root / "key-dates.yml"
    data = reader.yaml(path)
    window = data.get("window") or {}
    years = {}
    for key in ("years_before", "years_after"):
        value = window.get(key)
        if not isinstance(value, int) or value < 0:
            reader.problem(path, f"window.{key} should be a whole number of years")
            value = 1
        years[key] = value
    known = {}
    for entry in reader.items(path, "known", ("id", "results")):
        known[entry["id"]] = _known(reader, path, entry, content)
    for item in known.values():
        for other in item.then:
            if other not in known:
                reader.problem(path, f"{item.id}: 'then' names unknown date '{other}'")
    key_dates = KeyDates(years["years_before"], years["years_after"], known)
    for locale in content.locales:
        key_dates.words[locale] = _words(reader, root, locale, key_dates, content, paths, term_path)
    return key_dates


def _known(reader, path, entry, content):
    known = KnownDate(
        entry["id"],
        entry.get("counts_as") or [],
        entry.get("stages") or [],
        [],
        entry.get("then") or [],
    )
    for slug in known.stages:
        if slug not in content.stage_by_slug:
            reader.problem(path, f"{known.id}: unknown stage '{slug}'")
        elif not content.stage_by_slug[slug].timescales:
            # the link goes with the stage's time limits, under "How long does it take?"
            reader.problem(path, f"{known.id}: stage '{slug}' has no timescales in journey.yml")
    starts_from = {known.id, *known.counts_as}
    for result in entry["results"] or []:
        if not isinstance(result, dict):
            reader.problem(path, f"{known.id}: each result should be a mapping")
            continue
        made = _result(reader, path, known, result, content, starts_from)
        if made is None:
            continue
        if made.id in {r.id for r in known.results}:
            reader.problem(path, f"{known.id}: result '{made.id}' is listed twice (give it an id)")
            continue
        known.results.append(made)
    return known


def _result(reader, path, known, entry, content, starts_from):
    label = (
        f"{known.id}: result '{entry.get('id') or entry.get('timescale') or entry.get('starts')}'"
    )
    if entry.get("starts"):
        rule, sources = entry.get("rule"), entry.get("sources") or []
        if rule not in RULES:
            reader.problem(path, f"{label}: rule should be one of {', '.join(RULES)}")
            return None
        if not sources:
            reader.problem(path, f"{label}: has no sources")
        for source in sources:
            if source not in content.sources:
                reader.problem(path, f"{label}: unknown source '{source}'")
        return KeyDateResult(
            entry.get("id") or entry["starts"], rule, sources, starts=entry["starts"]
        )
    timescale = content.timescales.get(entry.get("timescale"))
    if timescale is None:
        reader.problem(path, f"{label}: unknown timescale (use one from timescales.yml)")
        return None
    if not isinstance(timescale.amount, int) or timescale.unit not in UNITS:
        reader.problem(path, f"{label}: timescale '{timescale.id}' has no amount in days to count")
        return None
    after = entry.get("after")
    earlier = {r.id: r for r in known.results}
    if after and after not in earlier:
        reader.problem(path, f"{label}: 'after' should name an earlier result")
        return None
    if not after and timescale.start not in starts_from:
        reader.problem(
            path,
            f"{label}: timescale '{timescale.id}' counts from '{timescale.start}', "
            f"not from '{known.id}'",
        )
        return None
    return KeyDateResult(
        entry.get("id") or timescale.id,
        timescale.rule,
        timescale.sources,
        timescale=timescale.id,
        after=after,
    )


def _words(reader, root, locale, key_dates, content, paths, term_path):
    path = root / locale / "key-dates.yml"
    required = list(WORDS_REQUIRED)
    wanted_then = {other for known in key_dates.known.values() for other in known.then}
    for known in key_dates.known.values():
        required += [f"known.{known.id}.label", f"known.{known.id}.name"]
        if known.id in wanted_then:
            required.append(f"known.{known.id}.then_link")
        for result in known.results:
            required.append(f"results.{result.id}.label")
            if result.starts:
                required.append(f"results.{result.id}.sentence")
    words = read_words(reader, path, required, WORDS_MARKDOWN, content, locale, paths, term_path)
    for known_id in lookup(words, "known") or {}:
        if known_id not in key_dates.known:
            reader.problem(path, f"'known.{known_id}' is not a date in key-dates.yml")
    return words
