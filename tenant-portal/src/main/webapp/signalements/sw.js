// Cité: the reporting app's service worker (scope /signalements/). The pages and what they need
// are kept so that a report can be drafted without network; the form keeps the draft in IndexedDB
// and sends it when the network returns. The API is never cached.
'use strict';
var CACHE = 'cite-signalements-v1';
var SHELL = [
  './',
  'carte',
  '../resources/css/portal.css',
  '../resources/js/portal.js',
  '../resources/js/incidents.js',
  '../webjars/leaflet/1.9.4/dist/leaflet.js',
  '../webjars/leaflet/1.9.4/dist/leaflet.css',
  '../api/v1/incidents/geojson'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  var geo = url.pathname.endsWith('/api/v1/incidents/geojson');
  if (url.pathname.indexOf('/api/') >= 0 && !geo) { return; }
  // Network first, the copy kept for when there is none.
  event.respondWith(fetch(req).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(req, { ignoreSearch: req.mode === 'navigate' });
  }));
});
