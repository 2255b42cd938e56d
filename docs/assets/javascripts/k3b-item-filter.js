/*
 * Filter for a content type's listing (/fallbeispiele/): one <select> per facet.
 *
 * Without JavaScript the form stays hidden and the paged listing shows every item. With it,
 * the first filter change loads the type's daten.json (one record per item: a value or a
 * list of values per facet, "jahr" as [first, last], the group heading "g" and the card
 * HTML "h"), and the matching items replace the listing, under their group headings.
 * The state is kept in the address (?land=…&thema=…), like the publication filter.
 */
(function () {
  "use strict";

  var PAGE = 50;

  function slug(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue")
      .replace(/ß/g, "ss").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function init() {
    var form = document.getElementById("k3b-item-filter");
    var results = document.getElementById("k3b-liste");
    if (!form || !results || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    form.hidden = false;

    var status = document.getElementById("k3b-item-status");
    var one = form.getAttribute("data-one");
    var many = form.getAttribute("data-many");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var original = results.innerHTML;
    var loading = null;
    var records = [];
    var matches = [];
    var limit = PAGE;

    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute("data-src")).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (data) { records = data; });
      }
      return loading;
    }

    function state() {
      var filter = {};
      selects.forEach(function (select) { if (select.value) filter[select.name] = select.value; });
      return filter;
    }

    function fits(record, name, wanted) {
      var value = record[name];
      if (name === "jahr") {
        var year = Number(wanted);
        return value[0] <= year && year <= value[1];
      }
      return Array.isArray(value) ? value.indexOf(wanted) >= 0 : value === wanted;
    }

    function remember(filter) {
      var params = new URLSearchParams(filter).toString();
      history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
    }

    function count(n) {
      return n + " " + (n === 1 ? one : many);
    }

    function render() {
      var html = [];
      var group = null;
      matches.slice(0, limit).forEach(function (record) {
        if (record.g !== group) {
          if (group !== null) html.push("</ul>");
          group = record.g;
          var heading = document.createElement("h2");
          heading.className = "k3b-group";
          heading.id = slug(group);
          heading.textContent = group;
          html.push(heading.outerHTML + '<ul class="k3b-list">');
        }
        html.push(record.h);
      });
      if (group !== null) html.push("</ul>");
      if (!matches.length) html.push('<p class="k3b-empty">Kein ' + one + " passt zu diesem Filter.</p>");
      results.innerHTML = html.join("");
      if (matches.length > limit) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "md-button";
        more.textContent = "Weitere " + Math.min(PAGE, matches.length - limit) + " anzeigen";
        more.addEventListener("click", function () { limit += PAGE; render(); });
        results.appendChild(more);
      }
      status.textContent = count(matches.length) + " gefunden";
    }

    function apply() {
      var filter = state();
      remember(filter);
      var names = Object.keys(filter);
      if (!names.length) {
        results.innerHTML = original;
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = "Filtere …";
      return load().then(function () {
        matches = records.filter(function (record) {
          return names.every(function (name) { return fits(record, name, filter[name]); });
        });
        limit = PAGE;
        render();
      }).catch(function () {
        status.textContent = "Die Filterdaten konnten nicht geladen werden.";
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });

    var params = new URLSearchParams(location.search);
    var preset = false;
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value === null || !select.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
      select.value = value;
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
