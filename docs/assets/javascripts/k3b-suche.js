/*
 * The results page /suche/: search with filters, sorting and "Weitere Treffer anzeigen".
 *
 * The state lives in the address (/suche/?q=windpark&typ=fallbeispiel&thema=energiewende
 * &land=brandenburg&jahr=2024&sort=datum&anzahl=20); filter values are the slugs of what the
 * index holds ("Fallbeispiel" → fallbeispiel), anzahl is how many results are shown. Each
 * new search term, filter or sorting is an entry in the browser's history, so Back returns
 * to the previous one; coming back from a result shows as many results as before, scrolled
 * as before, with the followed link focused. Each filter shows how many results each of its
 * values would give with the other filters as they are. Without a search term nothing
 * is searched: Pagefind would have to load every piece of its index to filter the whole
 * site. The page then points to the listing or hub that fits the chosen filters.
 *
 * Every value from the address or the index reaches the page as text (textContent, value)
 * or escaped (K3BSearch.escapeHtml); links are the index's own site-relative ones.
 */
/* global K3BSearch */
(function () {
  "use strict";

  var PAGE = 10;
  var MAX_SHOWN = 1000;  // the most results an address can ask to show at once
  var FACETS = ["typ", "thema", "land", "jahr"];
  var FACET_NAMES = { typ: "Typ", thema: "Thema", land: "Bundesland", jahr: "Jahr" };

  var root = document.getElementById("k3b-search");
  var form = document.getElementById("k3b-search-form");
  if (!root || !form || typeof K3BSearch === "undefined") return;

  var data = JSON.parse(document.getElementById("k3b-search-data").textContent);
  var field = form.elements.namedItem("q");
  var sort = form.elements.namedItem("sort");
  var selects = {};
  FACETS.forEach(function (name) { selects[name] = form.elements.namedItem(name); });
  var status = document.getElementById("k3b-search-status");
  var hint = document.getElementById("k3b-search-hint");
  var list = document.getElementById("k3b-search-results");
  var more = document.getElementById("k3b-search-more");
  var browse = document.getElementById("k3b-search-browse");

  var engine = null;
  var labels = null;   // facet → slug → label, for every value in the index
  var wanted = {};     // facet → slug asked for, kept until the options exist
  var current = null;  // the shown search: results, how many are shown, the query
  var generation = 0;
  var typing = false;  // the history entry was made for a search term still being typed
  var restore = null;  // {count, scroll, focus}: what to bring back once results are shown
  var baseTitle = document.title;
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  function pagefind() {
    if (!engine) {
      engine = import(new URL(data.root + "pagefind/pagefind.js", location.href).href)
        .then(function (module) {
          return module.options({ excerptLength: 30 }).then(function () { return module.filters(); })
            .then(function (all) {
              labels = {};
              FACETS.forEach(function (name) {
                labels[name] = {};
                Object.keys(all[name] || {}).forEach(function (value) {
                  labels[name][K3BSearch.slug(value)] = value;
                });
              });
              return module;
            });
        });
    }
    return engine;
  }

  function state() {
    var result = { q: field.value.trim(), sort: sort.value === "datum" ? "datum" : "" };
    FACETS.forEach(function (name) { result[name] = selects[name].value || wanted[name] || ""; });
    return result;
  }

  function address(s, count) {
    var params = new URLSearchParams();
    ["q"].concat(FACETS, ["sort"]).forEach(function (name) { if (s[name]) params.set(name, s[name]); });
    if (count > PAGE) params.set("anzahl", String(count));
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  /* mode: "push" makes a new history entry (if the address changes), "replace" rewrites
     the current one, "none" leaves the history alone (Back and Forward). */
  function remember(url, mode) {
    if (mode === "none") return;
    if (mode === "push" && url !== location.pathname + location.search) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  /* A change makes a new entry once something was searched; before that it replaces. */
  function entryMode(continuing) {
    return continuing || !new URLSearchParams(location.search).get("q") ? "replace" : "push";
  }

  function filtersOf(s, without) {
    var filters = {};
    FACETS.forEach(function (name) {
      if (name !== without && s[name]) {
        // A value the index does not hold matches nothing.
        filters[name] = (labels[name] && labels[name][s[name]]) || "\u0000" + s[name];
      }
    });
    return filters;
  }

  /* The options of one filter: "alle …", then every value with its count. */
  function fillSelect(name, counts, chosen) {
    var select = selects[name];
    var first = select.options[0];
    var values = Object.keys(counts || {}).filter(function (v) { return counts[v] > 0 || K3BSearch.slug(v) === chosen; });
    values.sort(name === "jahr" ? function (a, b) { return b.localeCompare(a); }
      : function (a, b) { return a.localeCompare(b, "de"); });
    select.textContent = "";
    select.appendChild(first);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = K3BSearch.slug(value);
      option.textContent = value + " (" + (counts[value] || 0) + ")";
      select.appendChild(option);
    });
    if (chosen && !select.querySelector('option[value="' + CSS.escape(chosen) + '"]')) {
      // Asked for in the address, but no result has it (or nothing was searched yet).
      var missing = document.createElement("option");
      missing.value = chosen;
      missing.textContent = ((labels && labels[name][chosen]) || chosen) + (counts ? " (0)" : "");
      select.appendChild(missing);
    }
    select.value = chosen || "";
  }

  function card(item, query) {
    var href = data.root + item.url.replace(/^\//, "") + "?h=" + encodeURIComponent(query);
    var topics = item.topics.map(function (label) {
      var topic = data.topics[K3BSearch.slug(label)];
      var name = K3BSearch.escapeHtml(label);
      return "<li>" + (topic ? '<a class="k3b-chip" href="' + K3BSearch.escapeHtml(topic.url) + '">' + name + "</a>"
        : '<span class="k3b-chip">' + name + "</span>") + "</li>";
    }).join("");
    return '<li class="k3b-card"><article>'
      + '<h2 class="k3b-card__title"><a href="' + K3BSearch.escapeHtml(href) + '">'
      + K3BSearch.escapeHtml(item.title) + "</a></h2>"
      + '<p class="k3b-card__meta">' + K3BSearch.metaLine(item) + "</p>"
      + '<p class="k3b-card__summary">' + K3BSearch.excerpt(item.data, query, "<mark>", "</mark>") + "</p>"
      + (topics ? '<ul class="k3b-topics" aria-label="Themen">' + topics + "</ul>" : "")
      + "</article></li>";
  }

  /* Show the next results, up to `target` in all; focusFirst: focus the first new one. */
  function showMore(focusFirst, target) {
    var shown = current;
    var next = shown.results.slice(shown.count, Math.max(target || 0, shown.count + PAGE));
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (loaded) {
      if (shown !== current) return;
      var start = list.children.length;
      list.insertAdjacentHTML("beforeend", loaded.map(function (d) {
        return card(K3BSearch.result(d, shown.query), shown.query);
      }).join(""));
      shown.count += next.length;
      var rest = shown.results.length - shown.count;
      more.hidden = rest <= 0;
      more.textContent = "Weitere " + Math.min(PAGE, rest) + " Treffer anzeigen";
      if (focusFirst && list.children[start]) list.children[start].querySelector("a").focus();
    });
  }

  /* Back from a result: the scroll position and the followed link, as they were. */
  function restored(saved) {
    if (!saved) return;
    window.scrollTo(0, saved.scroll || 0);
    var link = list.querySelectorAll("a")[saved.focus];
    if (link) link.focus({ preventScroll: true });
  }

  /* No result: say what to try, offer the search without filters, and the ways to browse. */
  function nothingFound(s, module, query, mine) {
    browse.hidden = false;
    hint.textContent = "Versuchen Sie ein anderes oder allgemeineres Wort, oder prüfen Sie die Schreibweise.";
    hint.hidden = false;
    var filtered = FACETS.some(function (name) { return s[name]; });
    if (!filtered) return Promise.resolve();
    return module.search(query, {}).then(function (all) {
      if (mine !== generation || !all.results.length) return;
      var link = document.createElement("a");
      link.href = address({ q: s.q }, 0);
      link.textContent = "Ohne Filter suchen: " + K3BSearch.totalText(all.results.length);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        clearFilters();
        run(entryMode(false));
      });
      hint.appendChild(document.createTextNode(" "));
      hint.appendChild(link);
    });
  }

  function describe(s, total) {
    var chosen = FACETS.filter(function (name) { return s[name]; }).map(function (name) {
      return FACET_NAMES[name] + ": " + ((labels && labels[name][s[name]]) || s[name]);
    });
    return (total ? K3BSearch.totalText(total) : "Keine Treffer") + " für „" + s.q + "“"
      + (chosen.length ? " (" + chosen.join(", ") + ")" : "");
  }

  /* Without a search term: no search; the listing or hub that fits the filters instead. */
  function prompt(s) {
    list.textContent = "";
    more.hidden = true;
    browse.hidden = false;
    current = null;
    FACETS.forEach(function (name) { fillSelect(name, null, s[name]); });
    status.textContent = "Bitte geben Sie einen Suchbegriff ein.";
    var key = s.typ && s.thema ? s.typ + "|" + s.thema : s.typ;
    var target = (key && data.listings[key]) || (s.thema && data.topics[s.thema] && data.topics[s.thema].url);
    hint.hidden = !target;
    hint.textContent = "";
    if (target) {
      var link = document.createElement("a");
      link.href = target;
      link.textContent = "Passende Liste ohne Suchbegriff ansehen";
      hint.appendChild(link);
    }
  }

  function run(mode) {
    var s = state();
    var again = restore;
    restore = null;
    remember(address(s, again ? again.count : 0), mode);
    document.title = s.q ? "„" + s.q + "“ – " + baseTitle : baseTitle;
    var mine = ++generation;
    if (!s.q) {
      prompt(s);
      return Promise.resolve();
    }
    hint.hidden = true;
    hint.textContent = "";
    browse.hidden = true;
    status.textContent = "Suche läuft …";
    var module = null;
    var query = K3BSearch.prepare(s.q);
    return pagefind().then(function (loaded) {
      module = loaded;
      var options = { filters: filtersOf(s) };
      if (s.sort) options.sort = { datum: "desc" };
      var searches = [module.search(query, options)];
      // Each filter counts its values with the other filters applied, not itself.
      FACETS.forEach(function (name) {
        searches.push(s[name] ? module.search(query, { filters: filtersOf(s, name) }) : null);
      });
      return Promise.all(searches);
    }).then(function (found) {
      if (mine !== generation) return;
      var search = found[0];
      FACETS.forEach(function (name, i) {
        var counts = (found[i + 1] || search).filters || {};
        fillSelect(name, counts[name], s[name]);
      });
      wanted = {};
      list.textContent = "";
      current = { results: search.results, count: 0, query: s.q };
      // The count is announced once the first results are on the page, not before.
      return showMore(false, again && again.count).then(function () {
        if (mine !== generation) return null;
        status.textContent = describe(s, search.results.length);
        restored(again);
        return search.results.length ? null : nothingFound(s, module, query, mine);
      });
    }).catch(function (error) {
      console.warn("Suche nicht verfügbar:", error);
      status.textContent = "Die Suche ist gerade nicht verfügbar: Ihr Browser konnte das Suchverzeichnis "
        + "nicht laden. Die Themen und Listen unten führen zu allen Inhalten.";
      browse.hidden = false;
    });
  }

  function clearFilters() {
    wanted = {};
    FACETS.forEach(function (name) { selects[name].value = ""; });
    sort.value = "";
  }

  var timer = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(entryMode(typing));
    typing = false;
  });
  form.addEventListener("change", function (event) {
    if (event.target === field) return;
    if (FACETS.indexOf(event.target.name) >= 0) delete wanted[event.target.name];
    run(entryMode(false));
    typing = false;
  });
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      run(entryMode(typing));
      typing = true;
    }, 250);
  });
  document.getElementById("k3b-s-reset").addEventListener("click", function () {
    clearFilters();
    run(entryMode(false));
    typing = false;
    field.focus();
  });
  more.addEventListener("click", function () {
    var shown = current;
    showMore(true).then(function () {
      if (shown === current) remember(address(state(), shown.count), "replace");
    });
  });
  // Following a result: remember where the page was, for the way back.
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link) return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    history.replaceState({ scroll: window.scrollY, focus: links.indexOf(link) }, "");
  });
  window.addEventListener("popstate", function (event) {
    clearTimeout(timer);
    typing = false;
    load(event.state);
    run("none");
  });
  // The header has no search box here; its keys lead to this page's field.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, select, textarea, button")) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      field.focus();
      field.select();
    }
  });

  /* The form from the address; `saved` is the history entry's state (scroll, focus). */
  function load(saved) {
    var params = new URLSearchParams(location.search);
    field.value = params.get("q") || "";
    sort.value = params.get("sort") === "datum" ? "datum" : "";
    wanted = {};
    FACETS.forEach(function (name) {
      var value = K3BSearch.slug(params.get(name) || "");
      selects[name].value = value;
      if (value) wanted[name] = value;
    });
    var count = Math.min(MAX_SHOWN, parseInt(params.get("anzahl") || "0", 10) || 0);
    restore = count > PAGE || (saved && typeof saved.scroll === "number")
      ? { count: count, scroll: saved && saved.scroll, focus: saved ? saved.focus : -1 } : null;
  }

  load(history.state);
  form.hidden = false;
  run("replace");
})();
