/* CHSD Portal: the menu bar opens wide from xl (Bootstrap's navbar-expand-xl); when the items of
   the signed-in role do not fit on one line even there, it stays collapsed behind the menu
   button, so no item ever wraps. Loaded right after the header without `defer`, so it runs
   before the rest of the page is laid out and painted (no layout shift). */
(function () {
  "use strict";
  var nav = document.querySelector(".site-header .navbar");
  var row = nav && nav.querySelector(".container");
  if (!row) return;
  function fit() {
    nav.classList.add("navbar-expand-xl");
    if (row.scrollWidth > row.clientWidth + 1) nav.classList.remove("navbar-expand-xl");
  }
  fit();
  if (document.fonts) document.fonts.ready.then(fit);
  var resizing;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(fit, 100);
  });
})();
