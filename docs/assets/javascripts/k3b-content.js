/*
 * Content tabs on page load (Material's partials/javascripts/content.html, as a file for the
 * Content-Security-Policy): with the feature content.tabs.link (data-tabs-link), select the
 * tabs the visitor chose before; then open the tab named in the URL fragment.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (script && script.hasAttribute("data-tabs-link") && window.__md_get) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        if (!labels) {
          return;
        }
        var found = tabs.some(function (tab) {
          return Array.prototype.some.call(labels.getElementsByTagName("label"), function (label) {
            if (label.innerText.trim() === tab) {
              document.getElementById(label.htmlFor).checked = true;
              return true;
            }
            return false;
          });
        });
        return found;
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.startsWith("__tabbed_");
  }
})();
