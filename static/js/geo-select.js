/* CHSD Portal: chained province → district → sub-district selects.
 *
 * Reads the attributes that sites/forms.py (GeoChoiceMixin / setup_geo_fields) puts on selects:
 *   data-geo-level         "province" | "district" | "subdistrict"
 *   data-geo-group         the form prefix; selects of one form (or formset row) share it
 *   data-geo-url           on district and sub-district: JSON endpoint of its options, called
 *                          with ?province=<id> or ?district=<id>, answering [{id, name, code}, …]
 *   data-geo-parent-value  the parent id the current options belong to
 *   data-geo-required      the field is required: `required` is set whenever there are options
 *   data-geo-empty-label, data-geo-hint, data-geo-error
 *                          first-option texts: parent chosen / no parent yet / loading failed
 *
 * Changing a select reloads the options of the level below it and clears the levels further
 * down. Listeners sit on `document`, so rows a formset adds later (cloned from a <template>,
 * announced by a bubbling `formset:added` event) work without any set-up. After new options
 * arrive the select dispatches a bubbling `geo:loaded` event. The form works without this file:
 * the server renders the options of the chosen parents and validates the combination.
 */
(function () {
  "use strict";

  var LEVELS = ["province", "district", "subdistrict"];
  var pending = new WeakMap(); /* select -> token of its latest request */

  function levelOf(select) {
    return select.getAttribute("data-geo-level");
  }

  function relative(select, step) {
    var index = LEVELS.indexOf(levelOf(select)) + step;
    if (index < 0 || index >= LEVELS.length) return null;
    var group = select.getAttribute("data-geo-group") || "";
    var scope = select.form || document;
    var candidates = scope.querySelectorAll('select[data-geo-level="' + LEVELS[index] + '"]');
    for (var i = 0; i < candidates.length; i++) {
      if ((candidates[i].getAttribute("data-geo-group") || "") === group) return candidates[i];
    }
    return null;
  }

  function childOf(select) {
    return relative(select, 1);
  }

  function parentOf(select) {
    return relative(select, -1);
  }

  function replaceOptions(select, firstLabel, items) {
    while (select.options.length) select.remove(0);
    select.add(new Option(firstLabel || "---------", ""));
    (items || []).forEach(function (item) {
      select.add(new Option(String(item.name), String(item.id)));
    });
    select.value = "";
    /* An empty list must not block the form; a list to choose from is required if the field is. */
    if (select.hasAttribute("data-geo-required")) select.required = select.options.length > 1;
  }

  function settle(select, token) {
    if (pending.get(select) !== token) return false; /* a newer request owns this select */
    pending.delete(select);
    select.disabled = false;
    select.removeAttribute("aria-busy");
    return true;
  }

  /* Show the options of `select` for the parent id `parentValue` ("" clears it to its hint). */
  function load(select, parentValue) {
    var url = select.getAttribute("data-geo-url");
    var parentLevel = LEVELS[LEVELS.indexOf(levelOf(select)) - 1];
    var token = {};
    pending.set(select, token);
    select.setAttribute("data-geo-parent-value", parentValue);
    if (!parentValue || !url || !parentLevel) {
      settle(select, token);
      replaceOptions(select, select.getAttribute("data-geo-hint"), []);
      return;
    }
    var requestUrl = new URL(url, window.location.href);
    requestUrl.searchParams.set(parentLevel, parentValue);
    replaceOptions(select, select.getAttribute("data-geo-empty-label"), []); /* old options are wrong now */
    select.disabled = true;
    select.setAttribute("aria-busy", "true");
    fetch(requestUrl.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(
        function (items) {
          if (!settle(select, token)) return;
          replaceOptions(select, select.getAttribute("data-geo-empty-label"), items);
          select.dispatchEvent(new CustomEvent("geo:loaded", { bubbles: true, detail: { items: items } }));
        },
        function () {
          if (!settle(select, token)) return;
          select.setAttribute("data-geo-parent-value", "");
          replaceOptions(select, select.getAttribute("data-geo-error"), []);
        }
      );
  }

  /* Load `select` for `parentValue` and empty every level under it. */
  function reload(select, parentValue) {
    load(select, parentValue);
    for (var below = childOf(select); below; below = childOf(below)) load(below, "");
  }

  /* A parent changed: reload the level below it. */
  function cascade(select) {
    var child = childOf(select);
    if (child) reload(child, select.value);
  }

  /* Bring lower selects in line with their parents' current values: browsers may restore a
   * changed parent on reload, and a new formset row may arrive with a parent already chosen. */
  function sync(root) {
    var selects = root.querySelectorAll("select[data-geo-url]");
    for (var i = 0; i < selects.length; i++) {
      var parent = parentOf(selects[i]);
      var wanted = parent ? parent.value : "";
      if ((selects[i].getAttribute("data-geo-parent-value") || "") !== wanted) reload(selects[i], wanted);
    }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-geo-level")) cascade(target);
  });

  document.addEventListener("formset:added", function (event) {
    var row = event.detail && event.detail.row;
    sync(row instanceof Element ? row : event.target);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      sync(document);
    });
  } else {
    sync(document);
  }
})();
