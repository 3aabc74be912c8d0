/* Keep what a person typed in a field form (a workshop, a capacity report) in this browser until
   the server says it is saved. A save lost to an expired session (sign in, come back to the
   form) or to the network dropping (go back, reload) finds the form filled again.
   Forms opt in with data-keep="<key>"; data-bound="true" marks a form the server re-displayed
   with its errors (it already holds what was typed). The rows added to a list (a formset, see
   static/js/portal.js) are counted too, and added again before their fields are filled. The copy is forgotten once a page after
   the submit shows a success message. */
(function () {
  "use strict";
  var PENDING = "form-keep-pending";
  var SKIP = { csrfmiddlewaretoken: true };

  var ROWS = "__rows:";

  function storageKey(form) { return "form-keep:" + form.dataset.keep; }

  function formsets(form) {
    return Array.prototype.map.call(form.querySelectorAll("fieldset.formset[data-formset-prefix]"), function (fieldset) {
      var prefix = fieldset.dataset.formsetPrefix;
      return { fieldset: fieldset, prefix: prefix, total: form.querySelector("input[name='" + prefix + "-TOTAL_FORMS']") };
    }).filter(function (set) { return set.total; });
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP[el.name] && el.type !== "file" && el.type !== "submit" && el.type !== "button" && el.type !== "hidden";
    });
  }

  function save(form) {
    var values = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (values[el.name] = values[el.name] || []).push(el.value);
        else values[el.name] = values[el.name] || [];
      } else {
        values[el.name] = el.value;
      }
    });
    formsets(form).forEach(function (set) { values[ROWS + set.prefix] = set.total.value; });
    try { localStorage.setItem(storageKey(form), JSON.stringify(values)); } catch (e) { /* storage full or off */ }
  }

  function restore(form) {
    var raw = null;
    try { raw = localStorage.getItem(storageKey(form)); } catch (e) { return; }
    if (!raw) return;
    var values = JSON.parse(raw);
    formsets(form).forEach(function (set) {
      var wanted = parseInt(values[ROWS + set.prefix], 10) || 0;
      for (var count = parseInt(set.total.value, 10); count < wanted; count++) {
        set.fieldset.dispatchEvent(new CustomEvent("formset:add-row"));
        if (parseInt(set.total.value, 10) <= count) break; /* no row was added */
      }
    });
    fields(form).forEach(function (el) {
      if (!(el.name in values)) return;
      var value = values[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = value.indexOf(el.value) !== -1;
        if (/-DELETE$/.test(el.name)) el.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        el.value = value;
      }
    });
    var note = document.getElementById("form-keep-note");
    if (note) note.hidden = false;
  }

  function forget(key) {
    try { localStorage.removeItem("form-keep:" + key); sessionStorage.removeItem(PENDING); } catch (e) { /* ignore */ }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var pending = null;
    try { pending = sessionStorage.getItem(PENDING); } catch (e) { /* ignore */ }
    var forms = document.querySelectorAll("form[data-keep]");
    var onForm = Array.prototype.some.call(forms, function (f) { return f.dataset.keep === pending; });
    if (pending && !onForm && document.querySelector(".messages .alert-success")) forget(pending);

    forms.forEach(function (form) {
      if (form.dataset.bound !== "true") restore(form);
      form.addEventListener("input", function () { save(form); });
      form.addEventListener("change", function () { save(form); });
      form.addEventListener("submit", function () {
        save(form);
        try { sessionStorage.setItem(PENDING, form.dataset.keep); } catch (e) { /* ignore */ }
      });
      var discard = document.getElementById("form-keep-discard");
      if (discard) discard.addEventListener("click", function () { forget(form.dataset.keep); window.location.reload(); });
    });
  });
})();
