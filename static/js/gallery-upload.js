/* The upload page, enhanced: photos chosen or dragged onto the box are sent one per request, each
   with its own progress bar and result. A refused file is named with the server's Thai reason and
   the others go on; a file cut off by the network can be sent again with one button, and a file
   the album already holds (its SHA-256, computed here, is in the album's list) is skipped, so a
   retried or resumed upload never makes duplicates. Without JavaScript the form posts every file
   at once and the server lists the results (gallery/views/upload.py). */
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.fetch || !window.FormData || !window.Promise) return;
  var texts = JSON.parse(document.getElementById("upload-texts").textContent);
  var input = form.querySelector("input[type=file]");
  var zone = document.getElementById("drop-zone");
  var queue = document.getElementById("upload-queue");
  var summary = document.getElementById("upload-summary");
  var retry = document.getElementById("upload-retry");
  var start = document.getElementById("upload-start");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var maxFile = Number(form.dataset.maxFile);
  var maxUpload = Number(form.dataset.maxUpload);
  var items = [];
  var droppedFiles = null;

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }

  function setStatus(item, status, text) {
    item.status = status;
    item.row.className = "upload-" + status;
    item.statusEl.textContent = text;
    if (status !== "sending") item.progress.hidden = true;
  }

  function addRow(file) {
    var row = document.createElement("li");
    var name = document.createElement("span");
    name.className = "upload-name";
    name.textContent = file.name;
    var statusEl = document.createElement("span");
    statusEl.className = "upload-status small";
    var progress = document.createElement("progress");
    progress.max = 1;
    progress.value = 0;
    progress.setAttribute("aria-label", file.name);
    row.append(name, statusEl, progress);
    queue.append(row);
    var item = { file: file, row: row, statusEl: statusEl, progress: progress, hash: null, status: "waiting" };
    setStatus(item, "waiting", texts.waiting);
    item.progress.hidden = false;
    return item;
  }

  function sha256(file) {
    if (!window.crypto || !crypto.subtle || !file.arrayBuffer) return Promise.resolve("");
    return file.arrayBuffer().then(function (buffer) { return crypto.subtle.digest("SHA-256", buffer); })
      .then(function (digest) {
        return Array.prototype.map.call(new Uint8Array(digest), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
      }).catch(function () { return ""; });
  }

  function existingHashes() {
    return fetch(form.dataset.hashes, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (response) { return response.ok ? response.json() : { hashes: [] }; })
      .then(function (body) { return new Set(body.hashes || []); })
      .catch(function () { return new Set(); });
  }

  function send(item) {
    return new Promise(function (resolve) {
      var request = new XMLHttpRequest();
      request.open("POST", form.getAttribute("action") || window.location.href);
      request.setRequestHeader("X-CSRFToken", csrf);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      request.timeout = 15 * 60 * 1000;
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) item.progress.value = event.loaded / event.total;
      };
      request.onload = function () {
        var body = {};
        try { body = JSON.parse(request.responseText); } catch (error) { body = {}; }
        if (request.status === 200 || request.status === 201) {
          setStatus(item, "done", body.duplicate ? texts.already : texts.done + " · " + body.size);
        } else if (body.error) {
          setStatus(item, "failed", body.error);
          item.refused = true;
        } else {
          setStatus(item, "failed", texts.server_error);
        }
        resolve();
      };
      request.onerror = request.ontimeout = request.onabort = function () {
        setStatus(item, "failed", texts.network);
        resolve();
      };
      var data = new FormData();
      data.append("photo", item.file, item.file.name);
      data.append("content_hash", item.hash || "");
      item.progress.hidden = false;
      setStatus(item, "sending", texts.sending);
      item.progress.hidden = false;
      request.send(data);
    });
  }

  function finish() {
    var done = items.filter(function (item) { return item.status === "done"; }).length;
    var failed = items.filter(function (item) { return item.status === "failed"; });
    summary.hidden = false;
    summary.textContent = format(texts.summary, { done: done, failed: failed.length }) +
      (failed.length ? " " + format(texts.failed_names, { names: failed.map(function (item) { return item.file.name; }).join(", ") }) : "");
    retry.hidden = !failed.some(function (item) { return !item.refused; });
    start.disabled = false;
  }

  function run(list) {
    start.disabled = true;
    retry.hidden = true;
    summary.hidden = false;
    summary.textContent = texts.working;
    return existingHashes().then(function (existing) {
      return list.reduce(function (previous, item) {
        return previous.then(function () {
          if (item.file.size === 0) { setStatus(item, "failed", texts.empty); item.refused = true; return null; }
          if (item.file.size > maxFile) {
            setStatus(item, "failed", format(texts.too_big, { limit: megabytes(maxFile) }));
            item.refused = true;
            return null;
          }
          setStatus(item, "sending", texts.checking);
          return (item.hash !== null ? Promise.resolve(item.hash) : sha256(item.file)).then(function (hash) {
            item.hash = hash;
            if (hash && existing.has(hash)) { setStatus(item, "done", texts.already); return null; }
            return send(item);
          });
        });
      }, Promise.resolve());
    }).then(finish);
  }

  function chosenFiles() {
    var files = Array.prototype.slice.call(input.files || []);
    return files.length ? files : Array.prototype.slice.call(droppedFiles || []);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var files = chosenFiles();
    if (!files.length) {
      summary.hidden = false;
      summary.textContent = texts.none_chosen;
      input.focus();
      return;
    }
    var total = files.reduce(function (sum, file) { return sum + file.size; }, 0);
    if (total > maxUpload) {
      summary.hidden = false;
      summary.textContent = format(texts.too_much, { limit: megabytes(maxUpload) });
      return;
    }
    queue.textContent = "";
    items = files.map(addRow);
    run(items).then(function () { input.value = ""; droppedFiles = null; });
  });

  retry.addEventListener("click", function () {
    run(items.filter(function (item) { return item.status === "failed" && !item.refused; }));
  });

  if (zone) {
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("drop-active"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("drop-active"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      droppedFiles = event.dataTransfer.files;
      try { input.files = droppedFiles; } catch (error) { /* older browsers: kept in droppedFiles */ }
      summary.hidden = false;
      summary.textContent = format(texts.selected, { count: droppedFiles.length });
    });
  }
})();
