"""The generated texts: articles, case studies, events, projects and citations, from one seed.

Every item has its own random streams, seeded from the spec's seed, its kind and its number:
one for its plan (title, date, topics), one for its text, one for its links and one for its
citations. So the same seed gives the same bytes, and a text stays the same whatever the
number of BibTeX entries and with or without citations.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from k3b.slugs import slugify

from . import bibgen
from .text import TextMaker, Topic, capitalise, topics

# articles, case studies, BibTeX entries, events, projects
SIZES = {"S": (200, 20, 500, 40, 4), "M": (2000, 200, 5000, 400, 40), "L": (8000, 800, 20000, 1600, 160)}
NO_TOPICS_SHARE = 0.15
KEYWORD_RATE = 0.016
BUNDESLAENDER = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)
PHASES = ("Analyse", "Beratung", "Umsetzung", "Abgeschlossen")
ACTORS = ("Gemeindevertretung", "Bürgermeisterin", "Bürgerinitiative", "Ortschaftsrat", "Landkreis",
          "Projektentwickler", "Kirchengemeinde", "Sportverein", "Jugendforum", "Ehrenamtliche")
PLACE_HEADS = ("Eberesch", "Birken", "Linden", "Hohen", "Nieder", "Ober", "Wald", "Heide", "Mühl",
               "Rosen", "Stein", "Buchen", "Erlen", "Weiden", "Kiefern", "Haselbach")
PLACE_TAILS = ("hain", "dorf", "feld", "berg", "au", "hagen", "stedt", "walde", "brück", "heim", "tal")
CASE_HEADINGS = ("Ausgangslage", "Konfliktlinien", "Vorgehen", "Ergebnis")
FICTION_NOTE = ('!!! info "Fiktives Beispiel"\n    Dieses Fallbeispiel ist erfunden. Orte, Personen '
                "und Abläufe sind frei gestaltet (Testdaten für den Benchmark).")


@dataclass(frozen=True)
class Spec:
    """What to generate. ``citations=None``: about a third of the texts cite 1–6 entries."""

    articles: int
    cases: int
    entries: int
    seed: int = 1
    events: int = 0
    projects: int = 0
    citations: int | None = None
    cite_pool: int | None = None
    label: str | None = None

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        name = f"a{self.articles}-c{self.cases}-e{self.entries}"
        if self.events or self.projects:
            name += f"-v{self.events}-p{self.projects}"
        if self.citations is not None:
            name += f"-cit{self.citations}"
        if self.cite_pool is not None:
            name += f"-pool{self.cite_pool}"
        return name + (f"-seed{self.seed}" if self.seed != 1 else "")


def preset(size: str, seed: int = 1) -> Spec:
    articles, cases, entries, events, projects = SIZES[size]
    return Spec(articles, cases, entries, seed=seed, events=events, projects=projects,
                label=size if seed == 1 else f"{size}-seed{seed}")


# --- planning: titles, slugs, dates and topics of every item, before any body is written ----


@dataclass(frozen=True)
class Plan:
    kind: str
    index: int
    slug: str
    title: str
    date: dt.date
    shown_topics: tuple[str, ...]
    keyword_topics: tuple[Topic, ...]


def plan(seed: int, kind: str, index: int) -> Plan:
    rng = random.Random(f"{seed}:{kind}:plan:{index}")
    chosen = tuple(rng.sample(topics(), 2 if rng.random() < 0.3 else 1))
    explicit = rng.random() >= NO_TOPICS_SHARE
    # A few untagged texts mention no topic at all: the build must say it found none.
    keyword_topics = chosen if explicit or rng.random() >= 0.05 else ()
    text = TextMaker(rng)
    phrase = text.phrase(2, 6)
    title = f"{rng.choice(chosen[0].keywords)}: {phrase}" if rng.random() < 0.6 else capitalise(phrase)
    slug = slugify(slugify(title)[:50]) + f"-{index}"
    date = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 5000))
    shown = tuple(t.label for t in chosen) if explicit else ()
    return Plan(kind, index, slug, title, date, shown, keyword_topics)


# --- bodies ---------------------------------------------------------------------------------

Block = list[str]  # a paragraph (list of sentences) or a single literal block


class Body:
    """The blocks of one text; paragraphs stay sentence lists until rendered."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, Block]] = []
        self.words = 0

    def add(self, kind: str, block: Block) -> None:
        self.blocks.append((kind, block))
        self.words += sum(len(line.split()) for line in block)

    def paragraphs(self) -> list[Block]:
        return [block for kind, block in self.blocks if kind == "p"]

    def render(self) -> str:
        return "\n\n".join(" ".join(b) if kind == "p" else "\n".join(b) for kind, b in self.blocks) + "\n"


def _write_body(text: TextMaker, target_words: int, headings: tuple[str, ...] = ()) -> Body:
    body = Body()
    body.add("p", text.paragraph())
    fixed = list(headings)
    while body.words < target_words:
        body.add("x", [f"## {fixed.pop(0) if fixed else text.heading()}"])
        if text.rng.random() < 0.2:
            body.add("x", [f"### {text.heading()}"])
        body.add("p", text.paragraph())
        for _ in range(text.rng.randint(0, 2)):
            if body.words < target_words:
                body.add("p", text.paragraph())
        if text.rng.random() < 0.35 and body.words < target_words:
            body.add("x", text.bullet_list(ordered=text.rng.random() < 0.25))
    return body


def _wrap_link(sentence: str, target: str) -> str:
    words, end = sentence[:-1].split(" "), sentence[-1]
    size = min(3, len(words) - 1)
    label = " ".join(words[-size:]).replace(",", "")
    return " ".join(words[:-size]) + f" [{label}]({target}){end}"


def _add_links(body: Body, rng: random.Random, targets: list[str]) -> None:
    paragraphs = body.paragraphs()
    for _ in range(rng.randint(1, 5)):
        if not targets:
            return
        paragraph = rng.choice(paragraphs)
        position = rng.randrange(len(paragraph))
        target = rng.choice(targets)
        if "](" not in paragraph[position]:  # one link per sentence, never nested
            paragraph[position] = _wrap_link(paragraph[position], target)


def _add_citations(body: Body, rng: random.Random, keys: list[str]) -> None:
    paragraphs = body.paragraphs()
    while keys:
        size = 2 if len(keys) > 1 and rng.random() < 0.3 else 1
        group, keys = keys[:size], keys[size:]
        paragraph = rng.choice(paragraphs)
        position = rng.randrange(len(paragraph))
        sentence = paragraph[position]
        cite = "[" + "; ".join("@" + key for key in group) + "]"
        paragraph[position] = f"{sentence[:-1]} {cite}{sentence[-1]}"


def _citation_keys(spec: Spec, rng: random.Random, keys: list[str]) -> list[str]:
    pool = keys[: spec.cite_pool] if spec.cite_pool is not None else keys
    if spec.citations is None:
        count = rng.randint(1, 6) if rng.random() < 0.35 else 0
    else:
        count = spec.citations
    return rng.sample(pool, min(count, len(pool)))


# --- front matter ---------------------------------------------------------------------------


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def front_matter(fields: dict[str, object]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list | tuple):
            if value:
                lines.append(f"{key}:")
                lines.extend(f"  - {_yaml_value(item)}" for item in value)
        else:
            lines.append(f"{key}: {_yaml_value(value)}")
    return "\n".join(lines + ["---", ""]) + "\n"


def _authors(rng: random.Random) -> list[str]:
    if rng.random() < 0.4:
        return ["K3B-Redaktion"]
    people = [f"{rng.choice(bibgen.FIRST_NAMES)} {rng.choice(bibgen.LAST_NAMES)}"
              for _ in range(rng.randint(1, 2))]
    return list(dict.fromkeys(people))


def _place(rng: random.Random) -> str:
    return rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)


def _case_fields(rng: random.Random, text: TextMaker) -> dict[str, object]:
    start = rng.randint(2012, 2024)
    period = f"seit {start}" if rng.random() < 0.3 else f"{start}–{min(start + rng.randint(1, 3), 2025)}"
    return {
        "fictional": True,
        "kommune": _place(rng),
        "landkreis": f"Landkreis {_place(rng)}",
        "bundesland": rng.choice(BUNDESLAENDER),
        "period": period,
        "phase": rng.choice(PHASES),
        "actors": rng.sample(ACTORS, rng.randint(2, 5)),
        "approach": text.sentence(10, 25),
        "outcome": text.sentence(10, 25),
    }


# --- items ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    articles: list[Plan]
    cases: list[Plan]
    keys: list[str]
    bib: str
    events: tuple[Plan, ...] = ()
    projects: tuple[Plan, ...] = ()


def _link_targets(item: Plan, corpus: Corpus) -> list[str]:
    same = "artikel" if item.kind == "artikel" else "fallbeispiele"
    other = "fallbeispiele" if same == "artikel" else "artikel"
    own = corpus.articles if same == "artikel" else corpus.cases
    others = corpus.cases if same == "artikel" else corpus.articles
    targets = [p.slug + ".md" for p in own if p.index != item.index]
    return targets + [f"../{other}/{p.slug}.md" for p in others][: max(1, len(targets) // 4)]


def render_item(spec: Spec, item: Plan, corpus: Corpus) -> str:
    """One article or case study as Markdown with front matter."""
    rng = random.Random(f"{spec.seed}:{item.kind}:body:{item.index}")
    keywords = tuple(k for topic in item.keyword_topics for k in topic.keywords)
    text = TextMaker(rng, keywords, KEYWORD_RATE)
    fields: dict[str, object] = {
        "title": item.title,
        "date": item.date,
        "authors": _authors(rng),
        "summary": TextMaker(rng).summary(),
        "topics": list(item.shown_topics),
    }
    project_rng = random.Random(f"{spec.seed}:{item.kind}:project:{item.index}")
    if corpus.projects and project_rng.random() < PROJECT_SHARE:
        fields["project"] = project_rng.choice(corpus.projects).slug
    if item.kind == "fallbeispiele":
        fields.update(_case_fields(rng, text))
        body = _write_body(text, rng.randint(300, 1400), CASE_HEADINGS)
    else:
        body = _write_body(text, rng.randint(300, 1880))
    # Links and citations draw from their own streams: the text stays the same with or
    # without citations, and with any number of entries.
    link_rng = random.Random(f"{spec.seed}:{item.kind}:links:{item.index}")
    _add_links(body, link_rng, _link_targets(item, corpus))
    cite_rng = random.Random(f"{spec.seed}:{item.kind}:cite:{item.index}")
    _add_citations(body, cite_rng, _citation_keys(spec, cite_rng, corpus.keys))
    prefix = FICTION_NOTE + "\n\n" if item.kind == "fallbeispiele" else ""
    return front_matter(fields) + prefix + body.render()


def build_corpus(spec: Spec) -> Corpus:
    keys, bib = bibgen.bibliography(spec.seed, spec.entries)
    articles = [plan(spec.seed, "artikel", i) for i in range(spec.articles)]
    cases = [plan(spec.seed, "fallbeispiele", i) for i in range(spec.cases)]
    events = tuple(plan(spec.seed, "veranstaltungen", i) for i in range(spec.events))
    projects = tuple(plan(spec.seed, "projekte", i) for i in range(spec.projects))
    return Corpus(articles, cases, keys, bib, events, projects)


# --- events and projects --------------------------------------------------------------------

PROJECT_SHARE = 0.2  # of articles, case studies and events that belong to a project
SERIES = ("Konfliktdialog online", "Werkstattgespräch", "Netzwerktreffen", "Praxisrunde Energiewende",
          "Forum Zuwanderung")
FUNDERS = ("Stiftung Gemeinsinn", "Fonds Dialog vor Ort", "Stiftung Zukunft Dorf", "Förderwerk Heimat",
           "Stiftung Wandel im Revier")
LOGO = "bilder/bench-logo.svg"  # below docs/projekte/, written by bench/generate.py
LOGO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40">'
            '<rect width="120" height="40" fill="#2e6b5a"/></svg>\n')


def _event_fields(spec: Spec, item: Plan, rng: random.Random, corpus: Corpus) -> dict[str, object]:
    # Spread over 2016–2030, so that any build date sees coming and past events.
    day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 15 * 365))
    fields: dict[str, object] = {}
    if rng.random() < 0.2:
        fields["start"] = day
        if rng.random() < 0.5:
            fields["end"] = day + dt.timedelta(days=rng.randint(1, 2))
    else:
        hour = rng.randint(9, 18)
        fields["start"] = f"{day.isoformat()} {hour}:00"
        fields["end"] = f"{day.isoformat()} {hour + rng.randint(1, 3)}:30"
    if rng.random() < 0.4:
        fields["online"] = True
    if "online" not in fields or rng.random() < 0.3:
        fields["location"] = f"Bürgerhaus {_place(rng)}, Dorfstraße {rng.randint(1, 40)}"
    if rng.random() < 0.6:
        fields["registration"] = f"https://anmeldung.example/{item.slug}"
    if rng.random() < 0.3:
        fields["series"] = rng.choice(SERIES)
    if rng.random() < 0.5:
        fields["speakers"] = _authors(rng)
    fields["fictional"] = True
    return fields


def _project_fields(item: Plan, rng: random.Random) -> dict[str, object]:
    start = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 10 * 365))
    fields: dict[str, object] = {"start": start}
    if rng.random() < 0.5:
        fields["end"] = start + dt.timedelta(days=rng.randint(365, 4 * 365))
    fields["lead"] = _authors(rng)
    return fields


def _funders_yaml(rng: random.Random) -> str:
    lines = ["funders:"]
    for name in rng.sample(FUNDERS, rng.randint(1, 2)):
        lines.append(f"  - name: {json.dumps(name + ' (fiktiv)', ensure_ascii=False)}")
        if rng.random() < 0.5:
            lines += [f"    logo: {LOGO}", f"    logo_alt: {json.dumps('Logo ' + name, ensure_ascii=False)}"]
        lines.append(f"    notice: {json.dumps('Gefördert von ' + name + ' (fiktiv).', ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def render_other(spec: Spec, item: Plan, corpus: Corpus) -> str:
    """One event or project as Markdown with front matter."""
    rng = random.Random(f"{spec.seed}:{item.kind}:body:{item.index}")
    keywords = tuple(k for topic in item.keyword_topics for k in topic.keywords)
    text = TextMaker(rng, keywords, KEYWORD_RATE)
    fields: dict[str, object] = {"title": item.title}
    if item.kind == "veranstaltungen":
        fields.update(_event_fields(spec, item, rng, corpus))
    else:
        fields.update(_project_fields(item, rng))
    fields["summary"] = TextMaker(rng).summary()
    fields["topics"] = list(item.shown_topics)
    project_rng = random.Random(f"{spec.seed}:{item.kind}:project:{item.index}")
    if item.kind == "veranstaltungen" and corpus.projects and project_rng.random() < PROJECT_SHARE:
        fields["project"] = project_rng.choice(corpus.projects).slug
    head = front_matter(fields)
    if item.kind == "projekte":
        bundeslaender = rng.sample(BUNDESLAENDER, rng.randint(1, 3))
        extra = _funders_yaml(rng) + "partners:\n" + "".join(
            f"  - Gemeinde {_place(rng)}\n" for _ in range(rng.randint(1, 4))) + "bundeslaender:\n" + "".join(
            f"  - {land}\n" for land in bundeslaender) + "fictional: true\n"
        head = head[: head.rindex("---")] + extra + "---\n\n"
    body = _write_body(text, rng.randint(100, 500))
    return head + FICTION_NOTE.replace("Fallbeispiel", "Beispiel") + "\n\n" + body.render()
