/* An article's page: the print button and "copy the link". Without this file the share links
   still work and the page's address stays in the box beside them to copy by hand. */
(function () {
  "use strict";
  var actions = document.querySelector(".article-actions");
  if (!actions) return;
  var status = actions.querySelector(".article-copy-status");
  var printButton = actions.querySelector(".article-print");
  if (printButton && window.print) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  var copyButton = actions.querySelector(".article-copy");
  var address = actions.querySelector(".article-address");
  if (!copyButton) return;
  copyButton.hidden = false;
  function say(message) { if (status) status.textContent = message; }
  function fallback() {
    if (address) { address.focus(); address.select(); }
    say(actions.dataset.copyFailed);
  }
  copyButton.addEventListener("click", function () {
    var url = copyButton.dataset.url;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { say(actions.dataset.copied); }, fallback);
    } else {
      fallback();
    }
  });
})();
