/* CHSD Portal: from lg (Bootstrap's navbar-expand-lg) the header has two rows: the brand with the
   tools, then the bar of the seed's pages (static/css/portal.css, "The header"). Should either
   row not fit on one line for the signed-in role, the header stays collapsed behind the menu
   button instead, so no item ever wraps. Loaded right after the header without `defer`, so it
   runs before the rest of the page is laid out and painted (no layout shift). */
(function () {
  "use strict";
  /* Scripts run on this page: CSS may reserve room now for what they draw later (the sites'
     maps, static/css/portal.css), so nothing moves when it appears. */
  document.documentElement.classList.add("js");
  var nav = document.querySelector(".site-header .navbar");
  var brand = nav && nav.querySelector(".navbar-brand");
  var bar = nav && nav.querySelector(".menu-bar");
  var tools = nav && nav.querySelector(".menu-tools");
  if (!brand || !bar || !tools) return;
  function fits() {
    if (bar.scrollWidth > bar.clientWidth + 1 || tools.scrollWidth > tools.clientWidth + 1) return false;
    /* The tools wrapped under the brand: the first row is full. */
    return tools.getBoundingClientRect().top < brand.getBoundingClientRect().bottom;
  }
  function fit() {
    nav.classList.add("navbar-expand-lg");
    if (window.matchMedia("(min-width: 992px)").matches && !fits()) nav.classList.remove("navbar-expand-lg");
  }
  window.portalMenuFit = fit; /* for a page that changes the header's content */
  fit();
  if (document.fonts) document.fonts.ready.then(fit);
  var resizing;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(fit, 100);
  });
})();
