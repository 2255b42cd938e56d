"""Write a benchmark corpus: our site and the plain-Material peer, from one seed.

``python -m bench.generate --size S`` writes ``bench/out/S/ours/`` (the project's own config,
hooks, templates and docs skeleton plus generated articles, case studies and
``publications/bench.bib``) and ``bench/out/S/peer/`` (the same article and case-study
Markdown under plain mkdocs-material). The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from dataclasses import asdict
from pathlib import Path

import yaml

from k3b.content import CONTENT_TYPES
from k3b.symlinks import CONTENT_FOLDERS

from .corpus import (
    LOGO,
    LOGO_SVG,
    SIZES,
    Corpus,
    Plan,
    Spec,
    build_corpus,
    front_matter,
    preset,
    render_item,
    render_other,
)
from .text import ROOT

OUT = ROOT / "bench" / "out"
CONTENT_DIRS = tuple(kind.name for kind in CONTENT_TYPES)  # the real site's content, not copied
LINKED_DIRS = ("hooks", "overrides", "k3b", "data")
NOT_LINKED = {"docs", "publications", "site", "bench", "tests"}
GENERATOR_SOURCES = ("text.py", "bibgen.py", "corpus.py", "generate.py", "lunr_timing.py")
LUNR_TIMING = "lunr_timing.py"


# --- projects -------------------------------------------------------------------------------


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def skeleton_files() -> list[Path]:
    """The real docs/ without its articles and case studies, in a stable order."""
    docs = ROOT / "docs"
    files = []
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if not path.is_file():
            continue
        if len(relative.parts) == 2 and relative.parts[0] in CONTENT_DIRS and relative.name != "index.md" \
                and relative.suffix == ".md":
            continue
        files.append(path)
    return files


def linked_dirs() -> list[str]:
    """Our code folders, plus any other top-level folder that mkdocs.yml names."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    named = [p.name for p in sorted(ROOT.iterdir()) if p.is_dir() and not p.name.startswith(".")
             and p.name not in NOT_LINKED and f"{p.name}/" in config]
    return sorted(set(LINKED_DIRS) | set(named))


def share_dirs(project: Path) -> None:
    """Our code folders as links; content folders as copies, since the build refuses links there."""
    for name in linked_dirs():
        if name in CONTENT_FOLDERS:
            shutil.copytree(ROOT / name, project / name, symlinks=False)
        else:
            (project / name).symlink_to(ROOT / name)


def write_ours(project: Path, corpus: Corpus, pages: dict[str, str]) -> None:
    docs = project / "docs"
    for path in skeleton_files():
        target = docs / path.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    share_dirs(project)
    write(project / "publications" / "bench.bib", corpus.bib)
    # Skeleton pages that cite the real literature need it, or the build fails.
    if any(b"[@" in p.read_bytes() for p in skeleton_files() if p.suffix == ".md"):
        for bib in sorted((ROOT / "publications").glob("*.bib")):
            shutil.copyfile(bib, project / "publications" / bib.name)
    for src, text in pages.items():
        write(docs / src, text)
    if corpus.projects:
        write(docs / "projekte" / LOGO, LOGO_SVG)


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's ``!ENV [NAME, default]`` as the default."""


_EnvLoader.add_constructor(
    "!ENV", lambda loader, node: (loader.construct_sequence(node) or [None])[-1]
    if isinstance(node, yaml.SequenceNode) else None,
)


def peer_config(docs: Path) -> dict:
    """Our mkdocs.yml without hooks, templates, assets and our plugins; nav to existing pages only."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    nav = [entry for entry in ours.get("nav", []) if isinstance(entry, dict)
           and all(isinstance(v, str) and (docs / v).exists() for v in entry.values())]
    # The peer keeps Material's own search (Lunr, with the German stemmer we used before
    # Pagefind), so the comparison includes a search index on both sides.
    plugins = [{"search": {"lang": "de", "pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}]
    plugins += [p for p in ours.get("plugins", []) if (p if isinstance(p, str) else next(iter(p))) == "tags"]
    config = {key: ours[key] for key in ("site_name", "site_description", "site_author", "site_url",
                                         "copyright") if key in ours}
    # Our templates (custom_dir) are part of what we measure, so the peer goes without them.
    theme = {key: value for key, value in ours["theme"].items() if key != "custom_dir"}
    config.update({
        "docs_dir": "docs", "site_dir": "site", "use_directory_urls": True, "nav": nav,
        "theme": theme, "extra": {"generator": (ours.get("extra") or {}).get("generator", True)},
        "markdown_extensions": ours.get("markdown_extensions", []), "plugins": plugins,
        "hooks": [LUNR_TIMING],
    })
    return config


def _listing(title: str, intro: str, items: list[Plan]) -> str:
    newest = sorted(items, key=lambda p: (p.date, p.index), reverse=True)
    lines = [f"# {title}", "", intro, ""] + [f"- [{p.title}]({p.slug}.md)" for p in newest]
    return front_matter({"title": title}) + "\n".join(lines) + "\n"


def write_peer(project: Path, corpus: Corpus, pages: dict[str, str]) -> None:
    docs = project / "docs"
    docs.mkdir(parents=True)
    # Plain pages (about us, legal pages) as they are; the listings are written below.
    for path in sorted((ROOT / "docs").glob("*.md")):
        if path.name != "index.md":
            shutil.copyfile(path, docs / path.name)
    write(docs / "index.md", front_matter({"title": "K3B Wissensportal"})
          + "# Wissen für Kommunen im Konflikt\n\n[Alle Artikel](artikel/index.md)\n\n"
          "[Alle Fallbeispiele](fallbeispiele/index.md)\n")
    write(docs / "artikel" / "index.md", _listing("Artikel", "Alle Artikel, die neuesten zuerst.",
                                                  corpus.articles))
    write(docs / "fallbeispiele" / "index.md", _listing("Fallbeispiele", "Alle Fallbeispiele.",
                                                        corpus.cases))
    write(docs / "veranstaltungen" / "index.md", _listing("Veranstaltungen", "Alle Veranstaltungen.",
                                                          list(corpus.events)))
    write(docs / "projekte" / "index.md", _listing("Projekte", "Alle Projekte.", list(corpus.projects)))
    for src, text in pages.items():
        write(docs / src, text)
    shutil.copyfile(Path(__file__).parent / LUNR_TIMING, project / LUNR_TIMING)
    config = yaml.safe_dump(peer_config(docs), sort_keys=False, allow_unicode=True)
    write(project / "mkdocs.yml", "# Plain Material peer of the benchmark (bench/generate.py).\n" + config)


# --- entry points ---------------------------------------------------------------------------


def fingerprint(spec: Spec) -> str:
    """Changes when the spec, the generator or anything copied from the repository changes."""
    from importlib.metadata import version

    digest = hashlib.sha256(json.dumps(asdict(spec), sort_keys=True).encode())
    digest.update(version("wordfreq").encode())
    sources = [Path(__file__).parent / name for name in GENERATOR_SOURCES]
    data = sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())
    for path in [*sources, ROOT / "mkdocs.yml", *data, *skeleton_files()]:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def generate(spec: Spec, out: Path) -> Path:
    """Write ``out/ours``, ``out/peer`` and ``out/manifest.json`` afresh."""
    if out.exists():
        shutil.rmtree(out)
    corpus = build_corpus(spec)
    pages = {f"{p.kind}/{p.slug}.md": render_item(spec, p, corpus) for p in corpus.articles + corpus.cases}
    pages.update({f"{p.kind}/{p.slug}.md": render_other(spec, p, corpus)
                  for p in corpus.events + corpus.projects})
    write_ours(out / "ours", corpus, pages)
    write_peer(out / "peer", corpus, pages)
    manifest = {
        "spec": asdict(spec), "name": spec.name, "fingerprint": fingerprint(spec),
        "articles": [p.slug for p in corpus.articles], "cases": [p.slug for p in corpus.cases],
        "events": [p.slug for p in corpus.events], "projects": [p.slug for p in corpus.projects],
        "entries": len(corpus.keys),
    }
    write(out / "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return out


def is_current(spec: Spec, root: Path = OUT) -> bool:
    """Whether ``root/<name>`` holds this spec's corpus from the current generator and sources."""
    manifest = root / spec.name / "manifest.json"
    return manifest.exists() and \
        json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint") == fingerprint(spec)


def ensure(spec: Spec, root: Path = OUT) -> Path:
    """The corpus folder for ``spec``, generated only if missing or out of date."""
    out = root / spec.name
    return out if is_current(spec, root) else generate(spec, out)


def spec_from_args(args: argparse.Namespace) -> Spec:
    base = preset(args.size, args.seed)
    custom = any(v is not None for v in (args.articles, args.cases, args.entries, args.citations,
                                          args.cite_pool, args.events, args.projects))
    if not custom:
        return base
    return Spec(
        articles=base.articles if args.articles is None else args.articles,
        cases=base.cases if args.cases is None else args.cases,
        entries=base.entries if args.entries is None else args.entries,
        events=base.events if args.events is None else args.events,
        projects=base.projects if args.projects is None else args.projects,
        seed=args.seed, citations=args.citations, cite_pool=args.cite_pool,
    )


def add_spec_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, help="override the size's article count")
    parser.add_argument("--cases", type=int, help="override the size's case-study count")
    parser.add_argument("--entries", type=int, help="override the size's BibTeX entry count")
    parser.add_argument("--events", type=int, help="override the size's event count")
    parser.add_argument("--projects", type=int, help="override the size's project count")
    parser.add_argument("--citations", type=int, help="exactly N citations in every text (default: mixed)")
    parser.add_argument("--cite-pool", type=int, help="cite only the first N entries")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_spec_arguments(parser)
    parser.add_argument("--out", type=Path, default=OUT, help="parent folder (default bench/out)")
    parser.add_argument("--force", action="store_true", help="regenerate even if up to date")
    parser.add_argument("--spec", help="the whole spec as JSON (used by bench/run.py)")
    args = parser.parse_args(argv)
    spec = Spec(**json.loads(args.spec)) if args.spec else spec_from_args(args)
    out = generate(spec, args.out / spec.name) if args.force else ensure(spec, args.out)
    print(out)


if __name__ == "__main__":
    main()
