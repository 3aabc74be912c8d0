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
    function addRow(focus) {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html.trim();
      var row = holder.firstElementChild;
      rows.appendChild(row);
      total.value = String(index + 1);
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first && focus) first.focus();
      fieldset.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { row: row, index: index } }));
    }
    addButton.addEventListener("click", function () { addRow(true); });
    /* static/js/form-keep.js asks for the rows a person had added before the page was left. */
    fieldset.addEventListener("formset:add-row", function () { addRow(false); });
    fieldset.addEventListener("change", function (event) {
      var box = event.target;
      if (box.name && /-DELETE$/.test(box.name)) {
        var row = box.closest(".formset-row");
        if (row) row.classList.toggle("is-removed", box.checked);
      }
    });
  }

  /* Texts from the Thai catalog, rendered by base.html ({% portal_js_texts %}). */
  var texts = {};
  function text(key, values) {
    var message = texts[key] || "";
    Object.keys(values || {}).forEach(function (name) {
      message = message.split("%(" + name + ")s").join(String(values[name]));
    });
    return message;
  }

  /* After a failed save the error summary takes the focus; its links focus their field. */
  function setUpErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var details = field.closest("details");
      if (details) details.open = true;
      field.scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    });
  }

  /* A box with a limit shows how many characters are left, and says so when a paste was cut
     (the browser's maxlength cuts it silently). */
  function setUpCounter(box) {
    var limit = parseInt(box.getAttribute("maxlength"), 10);
    if (!(limit > 20)) return; /* a year or a code box needs no counter */
    var note = document.createElement("div");
    note.className = "form-text char-count";
    note.id = (box.id || box.name) + "-count";
    note.setAttribute("aria-live", "polite");
    /* Shown from the first focus on, so a long form does not move while it loads (CLS). */
    note.hidden = true;
    box.insertAdjacentElement("afterend", note);
    function show() { note.hidden = false; }
    box.addEventListener("focus", show);
    var described = (box.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(note.id);
    box.setAttribute("aria-describedby", described.join(" "));
    var cut = 0;
    function update() {
      var left = limit - box.value.length;
      var message = text("chars_left", { left: left, limit: limit });
      if (cut > 0) message = text("text_cut", { limit: limit, cut: cut }) + " " + message;
      note.textContent = message;
      note.classList.toggle("text-danger", cut > 0 || left <= 0);
    }
    box.addEventListener("paste", function (event) {
      var pasted = (event.clipboardData || window.clipboardData).getData("text");
      var selected = (box.selectionEnd || 0) - (box.selectionStart || 0);
      var room = limit - (box.value.length - selected);
      cut = Math.max(0, pasted.length - room);
    });
    box.addEventListener("input", function (event) {
      if (event.inputType !== "insertFromPaste") cut = 0;
      show();
      update();
    });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.getElementById("portal-texts");
    if (holder) texts = JSON.parse(holder.textContent);
    document.querySelectorAll("fieldset.formset[data-formset-prefix]").forEach(setUpFormset);
    document
      .querySelectorAll("input[maxlength]:not([type=hidden]):not([type=number]):not([type=search]), textarea[maxlength]")
      .forEach(setUpCounter);
    document.addEventListener("formset:added", function (event) {
      event.detail.row.querySelectorAll("input[maxlength]:not([type=hidden]), textarea[maxlength]").forEach(setUpCounter);
    });
    setUpErrorSummary();
  });
})();
