"""One build's reading and checking, shared by the MkDocs hook and ``python -m k3b.check``.

Both read the same pages and publications, collect the site, plan the generated pages and
check every link and image, so ``make check`` reports exactly what ``make build`` would,
without rendering a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import timing
from .bibliography.parse import Bibliography
from .generated import plan as plan_site
from .imagecheck import ImagePlan, check_images
from .images import DEFAULT_MAX_MB
from .linkcheck import SiteMap, check_links
from .navcheck import Navigation, check_nav
from .plan import Plan
from .problems import ProblemList
from .site import ReadMemo, Site, SourcePage, collect_site
from .topics import Vocabulary


@dataclass
class Assembled:
    site: Site
    plan: Plan
    pages: SiteMap
    images: ImagePlan


def assemble(
    pages: Iterable[SourcePage],
    static_files: Iterable[str],
    vocabulary: Vocabulary,
    bibliography: Bibliography,
    problems: ProblemList,
    *,
    site_url: str,
    site_name: str,
    today: dt.date,
    docs_dir: Path,
    preview: bool = False,
    max_image_mb: float = DEFAULT_MAX_MB,
    info: Callable[[str], None] = lambda line: None,
    navigation: Navigation | None = None,
    memo: ReadMemo | None = None,
) -> Assembled:
    """Collect and check everything; every problem goes into ``problems``.

    ``static_files`` are the files below ``docs/`` that are not pages (images, downloads).
    Images are checked and measured before planning, so cards know their teasers.
    ``navigation`` is ``nav:`` of ``mkdocs.yml``: its entries must lead to pages. ``memo``
    (the preview) keeps what reading each page found across builds (``ReadMemo``).
    """
    pages, static_files = list(pages), list(static_files)
    site = collect_site(pages, vocabulary, bibliography, problems, info, today, preview=preview,
                        files=[p.src_path for p in pages] + static_files, memo=memo)
    with timing.phase("images"):
        images = check_images(site, docs_dir, static_files, problems, info, max_image_mb)
    planned = plan_site(site, site_url, site_name)
    with timing.phase("links"):
        site_map = check_links(site, planned, static_files, problems, info, site_url)
        if navigation is not None:
            check_nav(navigation, site_map, problems)
    return Assembled(site, planned, site_map, images)
