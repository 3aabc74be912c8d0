/* CHSD Portal: the one-page project editor. The page works without this file.
 *
 * - A period row added with the add button gets the next free period number.
 * - Leaving the page with unsaved changes asks first (the browser's own question).
 */
(function () {
  "use strict";

  function nextPeriodNumber(fieldset) {
    var highest = 0;
    fieldset.querySelectorAll(".formset-rows input[name$='-number']").forEach(function (input) {
      var value = parseInt(input.value, 10);
      if (!isNaN(value) && value > highest) highest = value;
    });
    return highest + 1;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("project-form");
    if (!form) return;

    form.addEventListener("formset:added", function (event) {
      var fieldset = event.target.closest("fieldset.formset");
      if (!fieldset || fieldset.dataset.formsetPrefix !== "periods") return;
      var number = event.detail.row.querySelector("input[name$='-number']");
      if (number && !number.value) number.value = String(nextPeriodNumber(fieldset) || 1);
    });

    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
  });
})();
