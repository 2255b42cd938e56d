/*
 * Screen reader and keyboard fixes for Material's header.
 *
 * 1. The navigation drawer (narrow screens) opens through <label for="__drawer">, which
 *    cannot take focus and is no button. We put a real button in its place: Enter or Space
 *    opens the drawer and moves focus into it, Escape closes it and returns focus.
 *    Without JavaScript, Material's label stays.
 * 2. The search dialog (role="dialog") gets a name.
 * 3. The number of search results is announced (role="status") and counts all results:
 *    the search worker (k3b-search-worker.js) lists the best few and sends the number of
 *    all (data-k3b-total); Material would count the entries in the list.
 */
(function () {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Suche");
  }
  var count = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  if (count && list) {
    count.setAttribute("role", "status");
    new MutationObserver(function () {
      var marker = list.querySelector("[data-k3b-total]");
      if (!marker) return;
      var total = Number(marker.getAttribute("data-k3b-total"));
      var text = total === 1 ? "1 Suchergebnis" : total.toLocaleString("de-DE") + " Suchergebnisse";
      if (count.textContent !== text) count.textContent = text;
    }).observe(list, { childList: true });
  }

  var drawer = document.getElementById("__drawer");
  var label = document.querySelector(".md-header__button[for='__drawer']");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !label || !sidebar) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon k3b-drawer-button";
  button.setAttribute("aria-label", "Navigation öffnen");
  button.setAttribute("aria-expanded", "false");
  var icon = label.querySelector("svg");
  if (icon) {
    button.appendChild(icon.cloneNode(true));
  }
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  button.addEventListener("click", function () {
    drawer.click();
  });
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
    if (drawer.checked && document.activeElement === button) {
      var first = sidebar.querySelector("a[href], input, [tabindex='0']");
      if (first) {
        first.focus();
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
})();

/*
 * Copy buttons keep their name. With content.tooltips, Material moves a button's title into
 * a tooltip (aria-describedby) when it gets focus or the pointer, which leaves the copy
 * button without an accessible name. A lasting aria-label from the title fixes that.
 */
(function () {
  "use strict";

  function name(root) {
    root.querySelectorAll(".md-code__button[title]:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", button.getAttribute("title"));
    });
  }

  name(document);
  new MutationObserver(function () { name(document); })
    .observe(document.body, { childList: true, subtree: true });
})();

/*
 * A table wider than the screen scrolls sideways in Material's wrapper. Such a region must
 * be reachable with the keyboard (WCAG 2.1.1): while it scrolls, it takes focus and has a
 * name, so arrow keys move it.
 */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabelle, seitlich verschiebbar");
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  // Material wraps the tables itself once the page is ready (its document$ observable).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.setTimeout(mark, 0); });
  } else {
    window.addEventListener("load", mark);
  }
  window.addEventListener("resize", mark);
})();
