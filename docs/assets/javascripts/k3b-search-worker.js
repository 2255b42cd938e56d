/*
 * The search worker behind Material's search box, answering with Pagefind.
 *
 * Material talks to its search worker in four messages (SETUP 0, READY 1, QUERY 2,
 * RESULT 3; see Material's integrations/search/worker/message). overrides/main.html
 * points Material's configuration at this file instead of its Lunr worker, so the box,
 * its keys (/, s, f, arrows, Enter, Escape) and the highlighting stay Material's. Pagefind
 * loads only the pieces of the index a query needs; no page view loads an index.
 *
 * A query is answered with the best SHOWN results and, if there are any, a last entry
 * that opens the results page /suche/ with all of them and the filters. The number of all
 * results rides along (data-k3b-total); k3b-a11y.js shows it instead of Material's count
 * of the entries in the list.
 */
/* global K3BSearch */
importScripts("k3b-search-results.js");

var SHOWN = 9;
var SECTIONS = 3;  // matching sections shown per page
var MIN_LENGTH = 2;
var MARK_OPEN = "<mark data-md-highlight>";
var MARK_CLOSE = "</mark>";
var engine = null;

function pagefind() {
  if (!engine) {
    var url = new URL("../../pagefind/pagefind.js", self.location.href).href;
    engine = import(url).then(function (module) {
      return module.options({ excerptLength: 30 }).then(function () { return module; });
    });
  }
  return engine;
}

function terms(query) {
  var found = {};
  query.split(/\s+/).filter(Boolean).forEach(function (word) { found[word] = true; });
  return found;
}

/* A result as Material lists it: the page, then the sections that match (Pagefind's
   sub-results under a heading), which Material folds away below the page. */
function entry(item, query, score, total) {
  var marker = total === null ? "" : '<span hidden data-k3b-total="' + total + '"></span>';
  var found = terms(query);
  var page = {
    location: item.url.replace(/^\//, ""),
    score: score,
    terms: found,
    title: K3BSearch.escapeHtml(item.title),
    text: '<p class="k3b-search-meta">' + K3BSearch.metaLine(item) + marker + "</p>"
      + "<p>" + K3BSearch.excerpt(item.data, query, MARK_OPEN, MARK_CLOSE) + "</p>",
    tags: item.topics.length ? item.topics.map(K3BSearch.escapeHtml) : undefined
  };
  var sections = K3BSearch.sections(item.data, SECTIONS).map(function (section) {
    return {
      location: section.url.replace(/^\//, ""),
      score: score / 2,
      terms: found,
      title: K3BSearch.escapeHtml(section.title),
      text: "<p>" + K3BSearch.excerpt(section.data, query, MARK_OPEN, MARK_CLOSE) + "</p>"
    };
  });
  return [page].concat(sections);
}

function allResults(query, total) {
  return [{
    location: "suche/?q=" + encodeURIComponent(query),
    score: 0,
    terms: {},
    title: total === 1 ? "Den Treffer auf der Suchseite zeigen"
      : "Alle " + K3BSearch.totalText(total) + " auf der Suchseite",
    text: "<p>Dort lassen sich die Treffer nach Typ, Thema, Bundesland und Jahr eingrenzen "
      + "und nach Datum sortieren.</p>",
    tags: undefined
  }];
}

function answer(query) {
  query = query.trim();
  if (query.length < MIN_LENGTH) {
    return Promise.resolve({ items: [] });
  }
  return pagefind().then(function (module) {
    return module.debouncedSearch(K3BSearch.prepare(query), {}, 150);
  }).then(function (search) {
    if (search === null) return null;  // a newer query is on its way
    var best = search.results.slice(0, SHOWN);
    return Promise.all(best.map(function (r) { return r.data(); })).then(function (data) {
      var total = search.results.length;
      var items = data.map(function (d, i) {
        return entry(K3BSearch.result(d, query), query, best[i].score, i === 0 ? total : null);
      });
      if (total) items.push(allResults(query, total));
      return { items: items };
    });
  }).catch(function (error) {
    console.warn("Suche nicht verfügbar:", error);
    return { items: [[{
      location: "suche/", score: 0, terms: {},
      title: "Die Suche ist gerade nicht verfügbar",
      text: "<p>Ihr Browser konnte das Suchverzeichnis nicht laden. Bitte laden Sie die Seite neu.</p>"
    }]] };
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) {         // SETUP: Material's (empty) index is ignored.
    // Pagefind's script (13 KB) comes now; its index pieces only with a query.
    pagefind().catch(function () {});
    self.postMessage({ type: 1 });  // READY
  } else if (message.type === 2) {  // QUERY
    answer(String(message.data || "")).then(function (result) {
      if (result) self.postMessage({ type: 3, data: result });  // RESULT
    });
  }
});
