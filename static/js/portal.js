/* CHSD Portal: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Inline formsets: an "add" button clones the empty form, a row's delete box greys it out. */
  function setUpFormset(fieldset) {
    var prefix = fieldset.dataset.formsetPrefix;
    var total = fieldset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = fieldset.querySelector("template.formset-empty");
    var rows = fieldset.querySelector(".formset-rows");
    var addButton = fieldset.querySelector(".formset-add");
    if (!total || !template || !rows || !addButton) return;
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      var row = holder.firstElementChild;
      rows.appendChild(row);
      total.value = String(index + 1);
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
      fieldset.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { row: row, index: index } }));
    });
    fieldset.addEventListener("change", function (event) {
      var box = event.target;
      if (box.name && /-DELETE$/.test(box.name)) {
        var row = box.closest(".formset-row");
        if (row) row.classList.toggle("is-removed", box.checked);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.formset[data-formset-prefix]").forEach(setUpFormset);
  });
})();
