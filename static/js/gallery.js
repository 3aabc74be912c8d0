/* The album page's lightbox: PhotoSwipe (vendored from npm into static/vendor/photoswipe) opens
   the grid's links, with the arrow keys, Esc and swipes. Without JavaScript each link opens the
   photo's own page, which has its previous and next links. Loaded only when a grid is on the page. */
(function () {
  "use strict";
  var grid = document.querySelector("[data-lightbox]");
  if (!grid || !("noModule" in HTMLScriptElement.prototype)) return;
  var d = grid.dataset;

  function captionOf(link) {
    var caption = link.closest("figure").querySelector("figcaption");
    if (!caption) return "";
    return Array.prototype.map.call(caption.children, function (span) { return span.textContent.trim(); })
      .filter(Boolean).join(" · ");
  }

  import(d.pswpLightbox).then(function (module) {
    var lightbox = new module.default({
      gallery: grid,
      children: "a.photo-link",
      pswpModule: function () { return import(d.pswpCore); },
      closeTitle: d.close,
      zoomTitle: d.zoom,
      arrowPrevTitle: d.prev,
      arrowNextTitle: d.next,
      errorMsg: d.error,
      indexIndicatorSep: " / ",
      showHideAnimationType: "fade",
      bgOpacity: 0.92
    });
    lightbox.addFilter("itemData", function (itemData) {
      var link = itemData.element;
      var img = link.querySelector("img");
      // The browser chose the thumbnail's WebP source only if it takes WebP: the big ones follow suit.
      var webp = !!(img && img.currentSrc && /\.webp$/.test(img.currentSrc));
      itemData.src = webp ? link.dataset.webp : link.dataset.jpeg;
      itemData.srcset = webp ? link.dataset.webpSrcset : link.dataset.jpegSrcset;
      itemData.width = Number(link.dataset.pswpWidth);
      itemData.height = Number(link.dataset.pswpHeight);
      itemData.alt = img ? img.alt : "";
      itemData.caption = captionOf(link);
      return itemData;
    });
    lightbox.on("uiRegister", function () {
      lightbox.pswp.ui.registerElement({
        name: "custom-caption",
        order: 9,
        isButton: false,
        appendTo: "root",
        onInit: function (el, pswp) {
          el.setAttribute("aria-live", "polite");
          pswp.on("change", function () { el.textContent = pswp.currSlide.data.caption || ""; });
        }
      });
    });
    // Marks the grid while the lightbox is open and takes keys (after its opening animation).
    lightbox.on("openingAnimationEnd", function () { grid.dataset.lightboxOpen = "true"; });
    lightbox.on("destroy", function () { delete grid.dataset.lightboxOpen; });
    lightbox.init();
  });
})();
