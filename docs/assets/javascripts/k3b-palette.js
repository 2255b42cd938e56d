/*
 * Apply the colour scheme before the page is painted (Material's partials/javascripts/
 * palette.html, as a file for the Content-Security-Policy).
 *
 * Material applies only a stored choice here and leaves the first palette entry in <body>
 * until its bundle has loaded. Without a stored choice we pick the entry whose media query
 * matches, as the bundle will, so a dark system gets the dark scheme without a flash.
 */
(function () {
  "use strict";
  var AUTO = "(prefers-color-scheme)";
  var inputs = Array.prototype.slice.call(
    document.querySelectorAll("[data-md-component=palette] input[data-md-color-media]")
  );
  if (!inputs.length) {
    return;
  }

  function colorOf(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent")
    };
  }

  var palette = window.__md_get ? window.__md_get("__palette") : null;
  var color = palette && palette.color;
  if (!color) {
    var matching = inputs.filter(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    })[0];
    color = colorOf(matching || inputs[0]);
  }
  if (color.media === AUTO) {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var system = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (system) {
      color = colorOf(system);
    }
  }
  Object.keys(color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, color[key]);
  });
})();
