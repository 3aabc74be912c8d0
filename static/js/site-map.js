/* Sites on a Leaflet map (static/vendor/leaflet). Thailand's outline comes from a vendored
   Natural Earth file, so the map draws with no network; map tiles are added only when the
   SITES_MAP_TILE_URL setting names a server. Points and settings are read from json_script
   tags; names are set as text, never as HTML. */
(function () {
  "use strict";

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function popup(point) {
    var box = document.createElement("div");
    if (point.url) {
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      box.appendChild(link);
    } else {
      box.textContent = point.name;
    }
    return box;
  }

  function draw(container) {
    if (typeof L === "undefined") return;
    var points = readJson(container.dataset.mapPoints) || [];
    var settings = readJson(container.dataset.mapSettings) || {};
    container.classList.add("site-map-ready");  /* shown only now: without JavaScript the list says it all */
    var map = L.map(container, { scrollWheelZoom: false, attributionControl: Boolean(settings.tiles) });
    if (settings.tiles) {
      L.tileLayer(settings.tiles, { attribution: settings.attribution || "", maxZoom: 18 }).addTo(map);
    }
    var markers = points.map(function (point) {
      return L.circleMarker([point.lat, point.lng], {
        radius: 8, color: "#212529", weight: 2, fillColor: point.colour || "#1f6f50", fillOpacity: 0.9
      }).bindPopup(popup(point)).bindTooltip(point.name).addTo(map);
    });
    var group = L.featureGroup(markers);
    map.setView([13.0, 101.0], 5);
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), 9);
    } else if (markers.length > 1) {
      map.fitBounds(group.getBounds().pad(0.3));
    }
    fetch(container.dataset.outlineUrl)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (outline) {
        if (!outline) return;
        var layer = L.geoJSON(outline, {
          interactive: false,
          style: { color: "#6c757d", weight: 1, fillColor: "#f8f9fa", fillOpacity: settings.tiles ? 0 : 1 }
        }).addTo(map);
        layer.bringToBack();
        if (!markers.length) map.fitBounds(layer.getBounds());
      })
      .catch(function () { /* the markers and the list still work */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".site-map[data-map-points]").forEach(draw);
  });
})();
