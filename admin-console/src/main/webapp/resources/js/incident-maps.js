// Cité console: the agents' queue of reports on a map (the same rows as the table), on a blank
// layer with the town's outline and sectors; redrawn after each action of the table.
(function () {
  'use strict';
  var map = null;
  var layer = null;
  function draw() {
    var el = document.getElementById('queue-map');
    if (!el || typeof L === 'undefined') { return; }
    var points = JSON.parse(el.getAttribute('data-points') || '[]');
    if (!map || map.getContainer() !== el) {
      map = L.map(el);
      map.attributionControl.setPrefix(false);
      map.setView([46.6, 2.4], 5);
      fetch('/api/v1/incidents/geojson').then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
        if (g) {
          var outline = L.geoJSON(g, { interactive: false, style: function (f) {
            return f.properties.kind === 'commune' ? { color: '#1f4e79', weight: 2, fillColor: '#fff', fillOpacity: 0.6 }
              : { color: '#6a6a6a', weight: 1, dashArray: '4 4', fill: false };
          } }).addTo(map);
          if (!points.length) { map.fitBounds(outline.getBounds()); }
        }
      });
      layer = null;
    }
    if (layer) { map.removeLayer(layer); }
    layer = L.featureGroup();
    points.forEach(function (p) {
      var a = document.createElement('a');
      a.href = el.getAttribute('data-page') + p.id;
      a.textContent = p.label;
      L.circleMarker([p.lat, p.lon], { radius: 8, color: '#fff', weight: 2, fillColor: p.open ? '#b34000' : '#18753c', fillOpacity: 1 })
        .bindPopup(a).addTo(layer);
    });
    layer.addTo(map);
    if (points.length) { map.fitBounds(layer.getBounds(), { maxZoom: 17, padding: [20, 20] }); }
  }
  document.addEventListener('DOMContentLoaded', draw);
  if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', draw); }
})();
