/*
 * Filter for the publication listing (/publikationen/): topic, type, year and text.
 *
 * Without JavaScript the form stays hidden and the paged listing shows every entry.
 * With it, the first filter change loads daten.json (one record per entry, built with the
 * site), shows the matching entries, and "Auswahl als BibTeX herunterladen" saves exactly
 * those entries, fetched from bibtex.json, as one .bib file. No third-party code.
 * The filter state is kept in the address (?thema=…&typ=…&jahr=…&text=…), so a filtered
 * list can be bookmarked and topic hubs can link to it.
 */
(function () {
  "use strict";

  var PAGE = 100;

  function fold(text) {
    return text.toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function init() {
    var form = document.getElementById("k3b-filter");
    var results = document.getElementById("k3b-results");
    if (!form || !results || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    form.hidden = false;

    var base = form.getAttribute("data-base");
    var status = document.getElementById("k3b-f-status");
    var fields = {
      text: form.elements.namedItem("text"),
      thema: form.elements.namedItem("thema"),
      typ: form.elements.namedItem("typ"),
      jahr: form.elements.namedItem("jahr")
    };
    var original = results.innerHTML;
    var loading = null;
    var records = [];
    var matches = [];
    var limit = PAGE;
    var timer = null;

    function load() {
      if (!loading) {
        loading = fetch(base + "daten.json").then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (data) { records = data; });
      }
      return loading;
    }

    function state() {
      return {
        text: fields.text.value.trim(),
        thema: fields.thema.value,
        typ: fields.typ.value,
        jahr: fields.jahr.value
      };
    }

    function active(filter) {
      return Boolean(filter.text || filter.thema || filter.typ || filter.jahr);
    }

    function keep(filter) {
      var words = fold(filter.text).split(/\s+/).filter(Boolean);
      return function (record) {
        if (filter.thema && record.s.indexOf(filter.thema) < 0) return false;
        if (filter.typ && record.t !== filter.typ) return false;
        if (filter.jahr && record.y !== filter.jahr) return false;
        return words.every(function (word) { return record.q.indexOf(word) >= 0; });
      };
    }

    function remember(filter) {
      var params = new URLSearchParams();
      Object.keys(filter).forEach(function (name) {
        if (filter[name]) params.set(name, filter[name]);
      });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function render() {
      var html = [];
      var group = null;
      matches.slice(0, limit).forEach(function (record) {
        if (record.g !== group) {
          if (group !== null) html.push("</ul>");
          group = record.g;
          var heading = document.createElement("h2");
          heading.textContent = group;
          html.push(heading.outerHTML + '<ul class="k3b-pubs">');
        }
        html.push(record.h);
      });
      if (group !== null) html.push("</ul>");
      if (!matches.length) html.push('<p class="k3b-empty">Keine Publikation passt zu diesem Filter.</p>');
      results.innerHTML = html.join("");
      if (matches.length > limit) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "md-button";
        more.textContent = "Weitere " + Math.min(PAGE, matches.length - limit) + " anzeigen";
        more.addEventListener("click", function () { limit += PAGE; render(); });
        results.appendChild(more);
      }
      status.textContent = matches.length === 1 ? "1 Publikation gefunden"
        : matches.length + " Publikationen gefunden";
    }

    function apply() {
      var filter = state();
      remember(filter);
      if (!active(filter)) {
        results.innerHTML = original;
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = "Filtere …";
      return load().then(function () {
        matches = records.filter(keep(filter));
        limit = PAGE;
        render();
      }).catch(function () {
        status.textContent = "Die Filterdaten konnten nicht geladen werden.";
      });
    }

    function download() {
      var filter = state();
      status.textContent = "Bereite Download vor …";
      Promise.all([load(), fetch(base + "bibtex.json").then(function (r) { return r.json(); })])
        .then(function (loaded) {
          var bibtex = loaded[1];
          var chosen = active(filter) ? records.filter(keep(filter)) : records;
          var text = chosen.map(function (record) { return bibtex[record.k]; }).join("\n");
          var blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = "k3b-publikationen-auswahl.bib";
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
          status.textContent = chosen.length + " Einträge als BibTeX gespeichert";
        }).catch(function () {
          status.textContent = "Der Download ist fehlgeschlagen.";
        });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("change", function (event) {
      if (event.target !== fields.text) apply();
    });
    fields.text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 200);
    });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    document.getElementById("k3b-f-download").addEventListener("click", download);

    var params = new URLSearchParams(location.search);
    var preset = false;
    Object.keys(fields).forEach(function (name) {
      var value = params.get(name);
      if (value === null) return;
      var field = fields[name];
      if (field.tagName === "SELECT" && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        return;
      }
      field.value = value;
      preset = true;
    });
    if (preset) apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
