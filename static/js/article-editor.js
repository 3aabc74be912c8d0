/* The article editor: toolbar buttons that write the Markdown for you, a live preview rendered by
   the server exactly as readers will get it (sanitised), and pictures uploaded as soon as they
   are chosen and put where the cursor is. Without this file the form still works: the preview
   shows after a save attempt and chosen pictures go at the end of the text on save. */
(function () {
  "use strict";
  var editor = document.querySelector(".article-editor");
  if (!editor) return;
  var form = editor.closest("form");
  var body = form.querySelector("textarea[name=body]");
  var preview = editor.querySelector(".article-preview");
  var toolbar = editor.querySelector(".article-toolbar");
  var status = editor.querySelector(".article-upload-status");
  var pictures = form.querySelector("input[name=new_images]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var d = editor.dataset;
  if (!body) return;
  toolbar.hidden = false;

  function post(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" }
    });
  }

  /* Preview: a moment after typing stops. The server's answer is sanitised HTML. */
  var timer = null, sent = 0;
  function refresh() {
    var data = new FormData();
    data.append("body", body.value);
    var number = ++sent;
    post(d.previewUrl, data).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null && number === sent) preview.innerHTML = html;
    }).catch(function () {});
  }
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });

  /* Insert `before` + selection (or `sample`) + `after`, selecting the sample to type over. */
  function wrap(before, after, sample) {
    var start = body.selectionStart, end = body.selectionEnd;
    var chosen = body.value.slice(start, end) || sample;
    body.setRangeText(before + chosen + after, start, end, "end");
    body.selectionStart = start + before.length;
    body.selectionEnd = start + before.length + chosen.length;
    body.focus();
    body.dispatchEvent(new Event("input"));
  }
  function atLineStart(prefix, sample) {
    var start = body.selectionStart, end = body.selectionEnd;
    var lineStart = body.value.lastIndexOf("\n", start - 1) + 1;
    var typed = body.value.slice(lineStart, end);
    var chosen = typed || sample;
    var lines = chosen.split("\n").map(function (line, index) {
      return (typeof prefix === "function" ? prefix(index) : prefix) + line;
    });
    body.setRangeText(lines.join("\n"), lineStart, Math.max(end, lineStart), "end");
    if (!typed) {
      /* The sample is selected: typing replaces it. */
      body.selectionStart = body.selectionEnd - sample.length;
    }
    body.focus();
    body.dispatchEvent(new Event("input"));
  }
  function insertBlock(text) {
    var start = body.selectionStart;
    var before = body.value.slice(0, start);
    var gap = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    body.setRangeText(gap + text + "\n\n", start, body.selectionEnd, "end");
    body.focus();
    body.dispatchEvent(new Event("input"));
  }

  /* Enter in a list item starts the next item (2. after 1.); Enter on an empty item ends the list. */
  body.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    var start = body.selectionStart;
    if (start !== body.selectionEnd) return;
    var lineStart = body.value.lastIndexOf("\n", start - 1) + 1;
    var line = body.value.slice(lineStart, start);
    var match = /^(\s*)([-*+]|(\d+)\.)\s+(.*)$/.exec(line);
    if (!match) return;
    event.preventDefault();
    if (!match[4].trim()) {
      body.setRangeText("", lineStart, start, "end");
    } else {
      var marker = match[3] ? (parseInt(match[3], 10) + 1) + "." : match[2];
      body.setRangeText("\n" + match[1] + marker + " ", start, start, "end");
    }
    body.dispatchEvent(new Event("input"));
  });

  var chooser = document.createElement("input");
  chooser.type = "file";
  chooser.accept = pictures ? pictures.accept : "image/*";
  chooser.hidden = true;
  editor.appendChild(chooser);

  function upload(file) {
    var data = new FormData();
    data.append("image", file);
    status.textContent = d.uploading;
    status.classList.remove("text-danger");
    return post(d.uploadUrl, data).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (answer) {
      if (!answer.ok) throw new Error(answer.json.error || d.uploadFailed);
      insertBlock(answer.json.markdown);
      status.textContent = "";
    }).catch(function (error) {
      status.textContent = error.message || d.uploadFailed;
      status.classList.add("text-danger");
    });
  }
  function uploadAll(files) {
    return Array.prototype.reduce.call(files, function (chain, file) {
      return chain.then(function () { return upload(file); });
    }, Promise.resolve());
  }
  chooser.addEventListener("change", function () { uploadAll(chooser.files).then(function () { chooser.value = ""; }); });
  /* Pictures chosen in the form's own box go up at once too, so they appear where the cursor is. */
  if (pictures) {
    pictures.addEventListener("change", function () {
      uploadAll(pictures.files).then(function () { pictures.value = ""; });
    });
  }

  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-md]");
    if (!button) return;
    switch (button.dataset.md) {
      case "heading": atLineStart("## ", d.sampleHeading); break;
      case "bold": wrap("**", "**", d.sampleText); break;
      case "ul": atLineStart("- ", d.sampleItem); break;
      case "ol": atLineStart(function (index) { return (index + 1) + ". "; }, d.sampleItem); break;
      case "link": {
        var url = window.prompt(d.promptLink, "https://");
        if (url && /^(https?:\/\/|mailto:)/i.test(url)) wrap("[", "](" + url.replace(/[()\s]/g, encodeURIComponent) + ")", d.sampleText);
        break;
      }
      case "table": {
        var c = d.sampleTable;
        insertBlock("| " + c + " 1 | " + c + " 2 |\n| --- | --- |\n|  |  |");
        break;
      }
      case "image": chooser.click(); break;
    }
  });
})();
