/*
 * Material's storage helpers (partials/javascripts/base.html), as a file instead of an inline
 * script, so that the Content-Security-Policy needs no 'unsafe-inline' for scripts.
 *
 * One change: nothing is written to localStorage or sessionStorage unless the visitor has
 * just acted (a click or key press, i.e. transient user activation). Material writes the
 * colour palette on every page load; with this gate it is stored only when the visitor
 * chooses a scheme with the toggle. Reading is unchanged.
 *
 * The scope comes from data-scope (the page's base_url), exactly as Material computes it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = new URL(script.getAttribute("data-scope") || ".", location);

  function visitorActed() {
    var activation = navigator.userActivation;
    if (activation) {
      return activation.isActive;
    }
    var event = window.event;
    return Boolean(event && event.isTrusted);
  }

  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    try {
      storage = storage || localStorage;
      return JSON.parse(storage.getItem((base || scope).pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    if (!visitorActed()) {
      return;
    }
    try {
      (storage || localStorage).setItem((base || scope).pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage may be full or blocked; the choice then lasts for this page only.
    }
  };
})();
