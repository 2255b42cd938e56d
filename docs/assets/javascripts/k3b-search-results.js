/*
 * Search results from Pagefind as the site shows them: title, type, date, place, topics and
 * an excerpt with the query marked. Shared by the header search box (k3b-search-worker.js,
 * through importScripts) and the results page /suche/ (k3b-suche.js); it touches no DOM.
 *
 * Everything from the index is escaped here. Pagefind's own excerpt is not used: a page's
 * extra index terms (parts of compounds and synonyms, k3b/search/markup.py) come last in
 * its indexed text, and an excerpt of them would show a list of words. The excerpt is cut
 * from the text before them; when the query matched only there, the words that contain
 * the query ("Bürgerwindpark" for "Windpark") are marked instead.
 */
(function (root) {
  "use strict";

  var EXCERPT_WORDS = 26;
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }

  /* Lower case with umlauts spelt out, as in the site's addresses: "Bürger" = "Buerger". */
  function fold(text) {
    return String(text).toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  }

  /* "Fallbeispiel" → "fallbeispiel", "Baden-Württemberg" → "baden-wuerttemberg" (PRODUCT.md). */
  function slug(text) {
    return fold(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function queryWords(query) {
    return String(query).split(/\s+/).map(function (w) { return fold(w.replace(/[^\p{L}\p{N}]/gu, "")); })
      .filter(function (w) { return w.length >= 3; });
  }

  /* The start of the window of `size` words that holds the most hits, a little before them. */
  function windowStart(hits, size) {
    var best = 0;
    var bestCount = 0;
    for (var i = 0; i < hits.length; i++) {
      var count = 0;
      for (var j = i; j < hits.length && hits[j] < hits[i] + size; j++) count++;
      if (count > bestCount) { best = hits[i]; bestCount = count; }
    }
    return Math.max(0, best - Math.floor(size / 4));
  }

  /* The excerpt as HTML: escaped words, hits wrapped in `open` … `close`. */
  function excerpt(data, query, open, close) {
    // Pagefind counts word positions in its escaped text split at white space.
    var words = String(data.raw_content || "").split(/[\r\n\s]+/g);
    var end = words.length;
    while (end > 0 && words[end - 1] === "") end--;
    var extra = parseInt((data.meta && data.meta.begriffe) || "0", 10) || 0;
    var text = Math.max(0, end - extra);
    var hits = (data.locations || []).filter(function (l) { return l < text; }).sort(function (a, b) { return a - b; });
    if (!hits.length) {
      var wanted = queryWords(query);
      for (var k = 0; k < text && wanted.length; k++) {
        var word = fold(words[k].replace(/&[a-z#0-9]+;/gi, ""));
        if (wanted.some(function (w) { return word.indexOf(w) >= 0; })) hits.push(k);
      }
    }
    var start = Math.min(windowStart(hits, EXCERPT_WORDS), Math.max(0, text - EXCERPT_WORDS));
    var stop = Math.min(text, start + EXCERPT_WORDS);
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var out = [];
    for (var i = start; i < stop; i++) {
      // The index holds escaped text; should a bare angle bracket remain, it stays text.
      var shown = words[i].replace(/</g, "&lt;").replace(/>/g, "&gt;");
      out.push(marked[i] ? open + shown + close : shown);
    }
    return (start > 0 ? "… " : "") + out.join(" ") + (stop < text ? " …" : "");
  }

  /* Small words that a German question has and a page may lack („Windparks in
     Brandenburg“): every word of a query must occur in a result, so they are dropped
     unless the query has nothing else. */
  var STOPWORDS = ("der die das den dem des ein eine einer eines einem einen und oder bei beim um im "
    + "in ins am an auf aus für fuer mit von vom zu zum zur über ueber nach vor gegen durch als wie").split(" ");

  function prepare(query) {
    var words = String(query).trim().split(/\s+/).filter(Boolean);
    var kept = words.filter(function (w) { return STOPWORDS.indexOf(w.toLowerCase()) < 0; });
    return (kept.length ? kept : words).join(" ");
  }

  function first(list) {
    return list && list.length ? list[0] : "";
  }

  /* What every result shows, from Pagefind's result data; all values are plain text. */
  function result(data, query) {
    var meta = data.meta || {};
    var filters = data.filters || {};
    var place = [meta.ort, first(filters.land)].filter(Boolean).join(", ");
    return {
      url: data.url,
      title: meta.title || data.url,
      kind: first(filters.typ),
      date: meta.datum || "",
      place: place,
      topics: (filters.thema || []).slice(),
      data: data
    };
  }

  /* Up to `limit` sections of a page (a heading and its text) that hold a match outside
     the page's extra terms, as {url, title, data} with the section's own matches. */
  function sections(data, limit) {
    var words = String(data.raw_content || "").split(/[\r\n\s]+/g).filter(Boolean).length;
    var extra = parseInt((data.meta && data.meta.begriffe) || "0", 10) || 0;
    return (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") >= 0 && (sub.locations || []).some(function (l) { return l < words - extra; });
    }).slice(0, limit).map(function (sub) {
      return { url: sub.url, title: sub.title, data: { raw_content: data.raw_content, meta: data.meta,
        locations: sub.locations } };
    });
  }

  /* "Fallbeispiel · 14. März 2025 · Ebereschenhain, Brandenburg", escaped. */
  function metaLine(item) {
    return [item.kind, item.date, item.place].filter(Boolean).map(escapeHtml).join(" · ");
  }

  function totalText(count) {
    return count === 1 ? "1 Treffer" : count.toLocaleString("de-DE") + " Treffer";
  }

  root.K3BSearch = {
    escapeHtml: escapeHtml,
    excerpt: excerpt,
    fold: fold,
    metaLine: metaLine,
    prepare: prepare,
    result: result,
    sections: sections,
    slug: slug,
    totalText: totalText
  };
})(self);
