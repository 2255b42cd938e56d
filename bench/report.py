"""Markdown tables for the benchmark results (the JSON holds every figure)."""

from __future__ import annotations

NOISY_SPREAD = 0.15


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def verdict(check: dict) -> str:
    value = fmt_ratio(check["value"])
    return f"{'PASS' if check['pass'] else 'MISS'} ({value}, target ≤ {check['limit']})"


def _row(label: str, ours: str, peer: str, ratio: str = "") -> str:
    return f"| {label} | {ours} | {peer} | {ratio} |"


def compare_table(result: dict) -> str:
    ours, peer, ratios = result["ours"], result["peer"], result["ratios"]
    spec = result["spec"]
    lines = [
        f"### Benchmark {result['name']} ({spec['articles']} articles, {spec['cases']} case studies, "
        f"{spec.get('events', 0)} events, {spec.get('projects', 0)} projects, "
        f"{spec['entries']} entries), {result['date']}, median of {result['runs']}",
        "",
        "| | ours | plain Material | ours ÷ Material |",
        "|---|---:|---:|---:|",
        _row("build time", f"{ours['seconds']:.2f} s", f"{peer['seconds']:.2f} s",
             fmt_ratio(ratios["build_raw"])),
        _row("output pages", f"{ours['pages']:,}", f"{peer['pages']:,}"),
        _row("ms per output page", f"{ours['ms_per_page']:.1f}", f"{peer['ms_per_page']:.1f}",
             fmt_ratio(ratios["build_per_page"])),
        _row("CPU ms per output page (user + system)", f"{ours['cpu_ms_per_page']:.1f}",
             f"{peer['cpu_ms_per_page']:.1f}", fmt_ratio(ratios.get("cpu_per_page"))),
        _row("peak RSS", f"{ours['peak_rss_mb']:.0f} MB", f"{peer['peak_rss_mb']:.0f} MB",
             fmt_ratio(ratios["peak_rss"])),
        _row("HTML per article page (median)", kb(ours["article_html_bytes"]), kb(peer["article_html_bytes"]),
             fmt_ratio(ratios["article_html"])),
        _row("HTML per case-study page (median)", kb(ours["case_html_bytes"]), kb(peer["case_html_bytes"])),
        _row("site/ total", kb(ours["site_bytes"]), kb(peer["site_bytes"])),
        _row("search index on disk (ours: Pagefind, peer: Lunr)", kb(ours["search_index_bytes"]),
             kb(peer["search_index_bytes"])),
        _row("search index build time", f"{ours.get('search_index_seconds', 0):.2f} s",
             f"{peer.get('search_index_seconds', 0):.2f} s"),
        _row("peak RSS of the Pagefind process", f"{ours.get('search_index_rss_mb', 0):.0f} MB", "–"),
    ]
    lines += _browser_rows(result.get("browser"))
    lines += ["", "**Targets**", "",
              f"- full build, per page (ours ÷ Material): {verdict(result['targets']['build_per_page'])}",
              f"- HTML per article page (ours ÷ Material): {verdict(result['targets']['article_html'])}"]
    for key, label in (("page_load_kb", "article page load, KB gzip (ours)"),
                       ("first_query_kb", "first query, KB (ours)"),
                       ("first_query_ms", "first query, ms (ours)")):
        if key in result["targets"]:
            lines.append(f"- {label}: {verdict(result['targets'][key])}")
    noisy = max(ours.get("spread", 0), peer.get("spread", 0))
    if noisy > NOISY_SPREAD:
        lines.append(f"- noisy machine: build times varied by up to {100 * noisy:.0f} % between runs; "
                     "the CPU-time ratio above is the steadier figure")
    lines += phase_rows(ours["phases"], ours["seconds"])
    return "\n".join(lines)


def _browser_rows(browser: dict | None) -> list[str]:
    if browser is None:
        return []
    if "error" in browser:
        return [_row("browser figures", "n/a", "n/a", browser["error"])]
    ours, peer = browser["ours"], browser["peer"]

    def load(figures: dict) -> str:
        step = figures["load"]
        return f"{kb(step['bytes'])} in {step['requests']} requests"

    def search(figures: dict) -> str:
        step = figures["search"]
        if not step["requests"]:
            return f"{figures['search_ms']:,.0f} ms, no requests (index came with the page)"
        return f"{figures['search_ms']:,.0f} ms, {kb(step['bytes'])} in {step['requests']} requests"

    def from_navigation(figures: dict) -> str:
        return (f"{figures['first_result_from_navigation_ms']:,.0f} ms "
                f"(typing began at {figures['typed_at_ms']:,.0f} ms)")

    def second(figures: dict) -> str:
        step = figures.get("second")
        if not step:
            return "n/a"
        return f"{figures['second_ms']:,.0f} ms, {kb(step['bytes'])} in {step['requests']} requests"

    index = [f["load"]["search_index_bytes"] for f in (ours, peer)]
    return [
        _row(f"article page load, gzip (`{ours['page']}`)", load(ours), load(peer),
             fmt_ratio(ours["load"]["bytes"] / peer["load"]["bytes"] if peer["load"]["bytes"] else None)),
        _row("… of which search index", kb(index[0]), kb(index[1])),
        _row(f"first search „{ours['query']}“, typing to first result", search(ours), search(peer),
             fmt_ratio(ours["search_ms"] / peer["search_ms"] if peer["search_ms"] else None)),
        _row("… first result, from navigation start", from_navigation(ours), from_navigation(peer)),
        _row(f"second search „{ours.get('second_query', '')}“ in the same page", second(ours), second(peer)),
    ]


def phase_rows(phases: dict | None, total: float) -> list[str]:
    lines = ["", "**Our hooks by phase** (measured inside the build, `K3B_TIMINGS`)", ""]
    if not phases:
        return lines + ["n/a: the build wrote no phase times."]
    lines += ["| phase | seconds | share of build |", "|---|---:|---:|"]
    for name, seconds in sorted(phases.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {seconds:.3f} | {100 * seconds / total:.1f} % |")
    return lines


def scaling_table(result: dict) -> str:
    lines = [f"### Scaling, {result['date']}", "",
             "| size | site | pages | build | ms/page | net ms/page | net CPU ms/page | site/ | KB/page |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for size, r in result["results"].items():
        for variant in ("ours", "peer"):
            v = r[variant]
            growth = result["growth"][variant]
            lines.append(f"| {size} | {variant} | {v['pages']:,} | {v['seconds']:.2f} s | "
                         f"{v['ms_per_page']:.1f} | {growth['net_ms_per_page'][size]:.1f} | "
                         f"{growth['net_cpu_ms_per_page'][size]:.1f} | {kb(v['site_bytes'])} | "
                         f"{v['site_bytes'] / 1024 / v['pages']:.1f} |")
    empty = result["empty"]
    first, last = result["sizes"][0], result["sizes"][-1]
    growth = result["per_page_growth"]
    lines += ["", f"Net ms/page subtracts an empty site's build (ours {empty['ours']['seconds']:.2f} s, "
              f"plain Material {empty['peer']['seconds']:.2f} s).", "",
              f"- per-page cost {last} ÷ {first}, ours: raw {fmt_ratio(growth['raw'])}, "
              f"net {fmt_ratio(growth['net'])}, net CPU time {fmt_ratio(growth['net_cpu'])}",
              f"- target (net): {verdict(result['target'])}"]
    return "\n".join(lines)


def pubs_table(result: dict) -> str:
    s, t = result["seconds"], result["targets"]
    n = result["articles"]
    lines = [
        f"### Publications and citations, {result['date']} ({n} articles, {result['cases']} case studies, "
        f"median of {result['runs']})", "",
        "| build | seconds | CPU seconds | pages |", "|---|---:|---:|---:|",
        *(f"| {name} | {s[key]:.2f} | {result['cpu_seconds'][key]:.2f} | {result['pages'][key]:,} |"
          for key, name in (
            ("e50", f"{n} articles, 50 entries"), ("e5000", f"{n} articles, 5,000 entries"),
            ("half", f"{n // 2} articles, 50 entries"),
            ("cite10", f"{n} articles, 5,000 entries, 10 citations per text"),
        )),
        "",
        "Marginal costs: per round (the builds of each difference run back to back, in reverse order "
        "every other round), then the median over rounds.",
        "",
        "| marginal cost | wall ms | CPU ms |", "|---|---:|---:|",
        *(f"| {label} | {result['ms'][key]:.2f} | {result['cpu_ms'][key]:.2f} |" for key, label in (
            ("article_page", "article page, (t(N) − t(N/2)) / (N/2)"),
            ("publication_page", "publication page, (t5000 − t50) / 4,950"),
            ("ten_citations", "10 citations in a text, (t(cite10) − t5000) / texts"),
        )),
        "",
        f"- publication page ÷ article page: {verdict(t['publication_page'])}",
        f"- article with 10 citations ÷ without: {verdict(t['citations'])}",
        f"- BibTeX parse and format, 5,000 entries (s): {verdict(t['bibtex_seconds'])}",
    ]
    for key, label in (("citations", "with ÷ without 10 citations"),
                       ("publication_page", "publication ÷ article")):
        values = result.get("ratios_per_round", {}).get(key)
        if values:
            lines.append(f"- {label}, each round on its own: " + " ".join(f"{v:.2f}" for v in values))
    phases = result["phases"]
    if phases.get("cite10") and phases.get("e5000"):
        extra = {name: phases["cite10"].get(name, 0.0) - phases["e5000"].get(name, 0.0)
                 for name in phases["cite10"]}
        biggest = sorted(extra.items(), key=lambda kv: -kv[1])[:3]
        lines.append("- phases that grow with 10 citations per text: "
                     + ", ".join(f"{name} +{seconds:.2f} s" for name, seconds in biggest))
    return "\n".join(lines)
