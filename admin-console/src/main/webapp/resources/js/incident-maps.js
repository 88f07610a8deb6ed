// Cité console: the incident maps, on a blank layer with the town's outline and sectors (no tile
// server): the agents' queue (the same rows as the table, redrawn after each action of the table)
// and the dashboard's heat map (squares of the town coloured by the reports filed in them; the
// table beside it says the same for keyboard and screen-reader users).
(function () {
  'use strict';
  var maps = {};

  function base(el, fitOutline) {
    var map = L.map(el);
    map.attributionControl.setPrefix(false);
    map.setView([46.6, 2.4], 5);
    fetch('/api/v1/incidents/geojson').then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
      if (g) {
        var outline = L.geoJSON(g, { interactive: false, style: function (f) {
          return f.properties.kind === 'commune' ? { color: '#1f4e79', weight: 2, fillColor: '#fff', fillOpacity: 0.6 }
            : { color: '#6a6a6a', weight: 1, dashArray: '4 4', fill: false };
        } }).addTo(map);
        if (fitOutline()) { map.fitBounds(outline.getBounds()); }
      }
    });
    return map;
  }

  // Reuses the map while its element stays (PrimeFaces' AJAX updates may replace it).
  function mapOf(el, fitOutline) {
    var m = maps[el.id];
    if (!m || m.map.getContainer() !== el) {
      m = maps[el.id] = { map: base(el, fitOutline), layer: null };
    }
    if (m.layer) { m.map.removeLayer(m.layer); }
    m.layer = L.featureGroup();
    return m;
  }

  function queue() {
    var el = document.getElementById('queue-map');
    if (!el) { return; }
    var points = JSON.parse(el.getAttribute('data-points') || '[]');
    var m = mapOf(el, function () { return !points.length; });
    points.forEach(function (p) {
      var a = document.createElement('a');
      a.href = el.getAttribute('data-page') + p.id;
      a.textContent = p.label;
      L.circleMarker([p.lat, p.lon], { radius: 8, color: '#fff', weight: 2, fillColor: p.open ? '#b34000' : '#18753c', fillOpacity: 1 })
        .bindPopup(a).addTo(m.layer);
    });
    m.layer.addTo(m.map);
    if (points.length) { m.map.fitBounds(m.layer.getBounds(), { maxZoom: 17, padding: [20, 20] }); }
  }

  function heat() {
    var el = document.getElementById('heat-map');
    if (!el) { return; }
    var squares = JSON.parse(el.getAttribute('data-squares') || '[]');
    var half = Number(el.getAttribute('data-square-metres') || 250) / 2;
    var m = mapOf(el, function () { return !squares.length; });
    var max = squares.reduce(function (a, s) { return Math.max(a, s.reports); }, 1);
    squares.forEach(function (s) {
      var dLat = half / 111132;
      var dLon = half / (111320 * Math.cos(s.lat * Math.PI / 180));
      var t = s.reports / max;
      L.rectangle([[s.lat - dLat, s.lon - dLon], [s.lat + dLat, s.lon + dLon]], {
        weight: 0, fillColor: t > 0.66 ? '#b30000' : t > 0.33 ? '#e34a33' : '#fdbb84', fillOpacity: 0.35 + 0.5 * t
      }).bindTooltip(String(s.reports)).addTo(m.layer);
    });
    m.layer.addTo(m.map);
    if (squares.length) { m.map.fitBounds(m.layer.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
  }

  function draw() {
    if (typeof L === 'undefined') { return; }
    queue();
    heat();
  }
  document.addEventListener('DOMContentLoaded', draw);
  if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', draw); }
})();
