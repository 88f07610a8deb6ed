// Cité portal: incident reports. The reporting form (place, nearby reports, category, details,
// photos reduced in the browser, a draft kept offline in IndexedDB and sent once by its key) and
// the public map with its list (the same endpoint, the same ids). Leaflet draws on a blank layer
// with the town's outline and sectors unless the deployment configures a tile server.
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }

  function fill(text, value) { return String(text || '').replace('{0}', value); }

  function show(el, text) {
    if (!el) { return; }
    el.textContent = text;
    el.hidden = !text;
  }

  function baseMap(container, form, options) {
    var map = L.map(container, Object.assign({ zoomControl: true, attributionControl: true }, options || {}));
    var tiles = form.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: form.getAttribute('data-attribution') || '' }).addTo(map);
    } else {
      map.attributionControl.setPrefix(false);
    }
    map.setView([46.6, 2.4], 5);
    return fetch(form.getAttribute('data-geojson'), { headers: { Accept: 'application/geo+json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (geo) {
        if (geo) {
          var layer = L.geoJSON(geo, {
            interactive: false,
            style: function (f) {
              return f.properties.kind === 'commune'
                ? { color: '#1f4e79', weight: 3, fill: true, fillColor: '#ffffff', fillOpacity: 0.6 }
                : { color: '#6a6a6a', weight: 1, dashArray: '4 4', fill: false };
            }
          }).addTo(map);
          map.fitBounds(layer.getBounds());
        }
        return map;
      })
      .catch(function () { return map; });
  }

  var OPEN = ['NEW', 'TO_REQUALIFY', 'ACKNOWLEDGED', 'SCHEDULED', 'IN_PROGRESS', 'WAITING', 'TRANSFERRED', 'REOPENED'];

  function colour(status) {
    if (status === 'REOPENED') { return '#a94645'; }
    return OPEN.indexOf(status) >= 0 ? '#b34000' : '#18753c';
  }

  // ---- the public map and its list

  function publicMap(form) {
    var api = form.getAttribute('data-api');
    var page = form.getAttribute('data-page');
    var layer = null;
    var listPage = 0;
    var map = null;
    function query() {
      var b = map.getBounds();
      var q = '?bbox=' + [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (n) { return n.toFixed(6); }).join(',') +
        '&zoom=' + map.getZoom();
      var c = $('filter-category').value;
      var s = $('filter-state').value;
      var d = $('filter-period').value;
      if (c) { q += '&category=' + encodeURIComponent(c); }
      if (s) { q += '&state=' + encodeURIComponent(s); }
      if (d) { q += '&days=' + encodeURIComponent(d); }
      return q;
    }
    function refresh(keepPage) {
      if (!keepPage) { listPage = 0; }
      fetch(api + '/map' + query() + '&page=' + listPage, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (v) {
          if (layer) { map.removeLayer(layer); }
          layer = L.layerGroup();
          (v.features || []).forEach(function (f) {
            if (f.kind === 'cluster') {
              L.marker([f.lat, f.lon], {
                keyboard: false,
                icon: L.divIcon({ className: 'incident-cluster', html: '<span>' + f.count + '</span>', iconSize: [36, 36] })
              }).on('click', function () { map.setView([f.lat, f.lon], Math.min(map.getZoom() + 2, 19)); }).addTo(layer);
            } else {
              var m = L.circleMarker([f.lat, f.lon], {
                radius: 9, color: '#ffffff', weight: 2, fillColor: colour(f.status), fillOpacity: 1
              });
              var a = document.createElement('a');
              a.href = page + f.id;
              a.textContent = fill(form.getAttribute('data-msg-report'), f.id) + ' — ' + (f.statusLabel || '');
              m.bindPopup(a);
              m.addTo(layer);
            }
          });
          layer.addTo(map);
          var list = $('incident-list');
          if (!keepPage) { list.textContent = ''; }
          (v.items || []).forEach(function (i) {
            var li = document.createElement('li');
            li.className = 'incident-item';
            li.setAttribute('data-id', i.id);
            var a = document.createElement('a');
            a.href = page + i.id;
            a.textContent = fill(form.getAttribute('data-msg-report'), i.id) + ' : ' + i.categoryName;
            var badge = document.createElement('span');
            badge.className = 'status-badge incident-status-' + (i.open ? 'open' : 'closed');
            badge.textContent = i.statusLabel;
            var when = document.createElement('span');
            when.className = 'hint';
            when.textContent = ' ' + fill(form.getAttribute('data-msg-reported-on'), new Date(i.createdAt).toLocaleDateString(form.getAttribute('data-lang')));
            li.appendChild(a);
            li.appendChild(document.createTextNode(' '));
            li.appendChild(badge);
            li.appendChild(when);
            list.appendChild(li);
          });
          var count = v.total === 0 ? form.getAttribute('data-msg-empty') : fill(form.getAttribute('data-msg-count'), v.total);
          if (v.clustered && v.total > 0) { count += ' ' + form.getAttribute('data-msg-clustered'); }
          $('map-count').textContent = count;
          $('list-more').hidden = (listPage + 1) * 20 >= v.total;
        })
        .catch(function () { /* the list keeps what it showed */ });
    }
    baseMap($('public-map'), form).then(function (m) {
      map = m;
      var lat = parseFloat(form.getAttribute('data-lat'));
      var lon = parseFloat(form.getAttribute('data-lon'));
      var zoom = parseInt(form.getAttribute('data-zoom'), 10);
      if (isFinite(lat) && isFinite(lon)) { map.setView([lat, lon], isFinite(zoom) ? zoom : 17); }
      map.on('moveend', function () { refresh(false); });
      refresh(false);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); refresh(false); });
    $('list-more').addEventListener('click', function () { listPage++; refresh(true); });
  }

  // ---- drafts kept offline

  var DB = 'cite-incidents';

  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('drafts', { keyPath: 'idempotencyKey' }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }

  function store(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var tx = d.transaction('drafts', mode);
        var result = work(tx.objectStore('drafts'));
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function saveDraft(body) { return store('readwrite', function (s) { return s.put(body); }); }
  function dropDraft(key) { return store('readwrite', function (s) { return s.delete(key); }); }
  function drafts() { return store('readonly', function (s) { return s.getAll(); }); }

  function post(api, body) {
    return fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body)
    });
  }

  /** Sends the drafts kept offline; each is dropped once the server has answered it for good. */
  function sendDrafts(form) {
    if (!window.indexedDB || !navigator.onLine) { return Promise.resolve(0); }
    var api = form.getAttribute('data-api');
    return drafts().then(function (all) {
      var sent = 0;
      return all.reduce(function (chain, body) {
        return chain.then(function () {
          return post(api, body).then(function (r) {
            if (r.status < 500 && r.status !== 429) {
              sent += r.ok ? 1 : 0;
              return dropDraft(body.idempotencyKey);
            }
          }).catch(function () { /* still offline: kept */ });
        });
      }, Promise.resolve()).then(function () {
        if (sent > 0) { show($('incident-status'), fill(form.getAttribute('data-msg-drafts-sent'), sent)); }
        return sent;
      });
    }).catch(function () { return 0; });
  }

  // ---- photos reduced in the browser

  function reduce(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        var data = canvas.toDataURL('image/jpeg', 0.85);
        resolve({ fileName: (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg', content: data.substring(data.indexOf(',') + 1) });
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        // Not decodable here: sent as it is, the server says why it refuses it.
        var reader = new FileReader();
        reader.onload = function () { var d = reader.result; resolve({ fileName: file.name, content: d.substring(d.indexOf(',') + 1) }); };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(file);
      };
      img.src = url;
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return 'r-' + crypto.randomUUID(); }
    return 'r-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  // ---- the reporting form

  function reportForm(form) {
    var api = form.getAttribute('data-api');
    var marker = null;
    var map = null;
    var key = newKey();
    var status = $('incident-status');
    var error = $('incident-error');

    function place(lat, lon, source, accuracy) {
      $('lat').value = lat.toFixed(6);
      $('lon').value = lon.toFixed(6);
      $('source').value = source;
      $('accuracy').value = accuracy == null ? '' : Math.round(accuracy);
      if (marker) { marker.setLatLng([lat, lon]); } else if (map) { marker = L.marker([lat, lon], { keyboard: false }).addTo(map); }
      var low = accuracy != null && accuracy > 50;
      $('confirm-row').hidden = !low;
      $('confirm-place').checked = !low;
      show(status, low ? fill(form.getAttribute('data-msg-low-accuracy'), Math.round(accuracy))
        : accuracy != null ? fill(form.getAttribute('data-msg-located'), Math.round(accuracy)) : form.getAttribute('data-msg-placed'));
      nearby();
      if (source !== 'ADDRESS') { addressOf(lat, lon); }
    }

    // The address of the point placed, unless the citizen typed one themselves.
    function addressOf(lat, lon) {
      var field = $('address');
      if (field.value.trim() && field.getAttribute('data-auto') !== '1') { return; }
      fetch(api + '/addresses/at?lat=' + lat.toFixed(6) + '&lon=' + lon.toFixed(6), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (a) {
          if (field.value.trim() && field.getAttribute('data-auto') !== '1') { return; }
          field.value = a ? a.label : '';
          field.setAttribute('data-auto', a ? '1' : '0');
        })
        .catch(function () { /* the point is enough */ });
    }

    // Address search: results as a list of buttons (keyboard and screen readers), one places the point.
    function searchAddress() {
      var field = $('address');
      var list = $('address-results');
      var says = $('address-status');
      var q = field.value.trim();
      list.textContent = '';
      list.hidden = true;
      if (q.length < 3) { return; }
      fetch(api + '/addresses?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) {
          list.textContent = '';
          if (!found.length) { says.textContent = form.getAttribute('data-msg-addresses-none'); return; }
          says.textContent = fill(form.getAttribute('data-msg-addresses-found'), found.length);
          found.forEach(function (a) {
            var li = document.createElement('li');
            var b = document.createElement('button');
            b.type = 'button';
            b.className = 'link-button';
            b.textContent = a.label;
            b.addEventListener('click', function () {
              field.value = a.label;
              field.setAttribute('data-auto', '0');
              list.hidden = true;
              list.textContent = '';
              place(a.lat, a.lon, 'ADDRESS', null);
              if (map) { map.setView([a.lat, a.lon], 18); }
              says.textContent = fill(form.getAttribute('data-msg-address-placed'), a.label);
              field.focus();
            });
            li.appendChild(b);
            list.appendChild(li);
          });
          list.hidden = false;
        })
        .catch(function () { says.textContent = ''; });
    }

    function nearby() {
      var category = $('category').value;
      var section = $('nearby');
      if (!category || !$('lat').value) { section.hidden = true; return; }
      fetch(api + '/nearby?category=' + encodeURIComponent(category) + '&lat=' + $('lat').value + '&lon=' + $('lon').value,
        { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          var ul = $('nearby-list');
          ul.textContent = '';
          section.hidden = list.length === 0;
          list.forEach(function (n) {
            var li = document.createElement('li');
            if (n.photo) {
              var img = document.createElement('img');
              img.src = n.photo; img.alt = ''; img.width = 64; img.height = 48;
              li.appendChild(img);
            }
            var a = document.createElement('a');
            a.href = form.getAttribute('data-page') + n.id;
            a.textContent = fill(form.getAttribute('data-msg-report'), n.id);
            li.appendChild(a);
            li.appendChild(document.createTextNode(' — ' + n.statusLabel + ' — ' + fill(form.getAttribute('data-msg-metres'), n.distance) + ' '));
            var b = document.createElement('button');
            b.type = 'button';
            b.className = 'button secondary';
            b.textContent = form.getAttribute('data-msg-me-too');
            b.addEventListener('click', function () { meToo(n.id, b); });
            li.appendChild(b);
            ul.appendChild(li);
          });
        })
        .catch(function () { section.hidden = true; });
    }

    function meToo(id, button) {
      var email = $('email') ? $('email').value.trim() : form.getAttribute('data-email');
      if (!email) { $('email').focus(); return; }
      fetch(api + '/' + id + '/followers', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: email })
      }).then(function (r) {
        if (r.ok) { button.disabled = true; show(status, form.getAttribute('data-msg-followed')); }
        else { return r.json().then(problem); }
      });
    }

    function problem(p) {
      var text = form.getAttribute('data-msg-error') + ' ' + (p && (p.detail || p.title) || '');
      if (p && p.errors) {
        text += ' ' + p.errors.map(function (e) { return e.message || e.detail || ''; }).join(' ');
      }
      show(error, text);
      error.focus && error.setAttribute('tabindex', '-1');
      error.focus && error.focus();
    }

    function sent(v) {
      form.hidden = true;
      var card = $('incident-sent');
      card.textContent = '';
      var h = document.createElement('h2');
      h.textContent = fill(form.getAttribute('data-msg-sent'), v.id);
      card.appendChild(h);
      if (v.trackingCode) {
        var p = document.createElement('p');
        p.textContent = fill(form.getAttribute('data-msg-sent-tracking'), v.trackingCode);
        card.appendChild(p);
      }
      var a = document.createElement('a');
      a.href = form.getAttribute('data-page') + v.id;
      a.className = 'button';
      a.textContent = form.getAttribute('data-msg-sent-link');
      card.appendChild(a);
      card.hidden = false;
      card.focus();
    }

    baseMap($('report-map'), form).then(function (m) {
      map = m;
      map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, 'MAP', null); });
    });
    $('my-position').addEventListener('click', function () {
      if (!navigator.geolocation) { show(status, form.getAttribute('data-msg-no-geolocation')); return; }
      show(status, form.getAttribute('data-msg-locating'));
      navigator.geolocation.getCurrentPosition(function (p) {
        place(p.coords.latitude, p.coords.longitude, 'GPS', p.coords.accuracy);
        if (map) { map.setView([p.coords.latitude, p.coords.longitude], 18); }
      }, function () { show(status, form.getAttribute('data-msg-no-geolocation')); }, { enableHighAccuracy: true, timeout: 15000 });
    });
    $('category').addEventListener('change', nearby);
    // A category's own fields show when it is chosen.
    function categoryFields() {
      var code = $('category').value;
      var any = false;
      Array.prototype.forEach.call(document.querySelectorAll('.category-fields'), function (block) {
        var mine = block.getAttribute('data-category') === code;
        block.hidden = !mine;
        any = any || mine;
      });
      if ($('required-hint')) { $('required-hint').hidden = !any; }
    }
    $('category').addEventListener('change', categoryFields);
    categoryFields();
    function answers() {
      var block = document.querySelector('.category-fields[data-category="' + $('category').value + '"]');
      if (!block) { return null; }
      var out = {};
      Array.prototype.forEach.call(block.querySelectorAll('[data-answer]'), function (el) {
        var name = el.getAttribute('data-answer');
        var values = [];
        if (el.tagName === 'FIELDSET') {
          Array.prototype.forEach.call(el.querySelectorAll('input:checked'), function (c) { values.push(c.value); });
        } else if (el.type === 'checkbox') {
          if (el.checked) { values.push('true'); }
        } else if (el.value.trim()) {
          values.push(el.value.trim());
        }
        if (values.length) { out[name] = values; }
      });
      return out;
    }
    $('address-search').addEventListener('click', searchAddress);
    $('address').addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); searchAddress(); }
    });
    $('address').addEventListener('input', function () { $('address').setAttribute('data-auto', '0'); });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      show(error, '');
      if (!$('lat').value || !$('confirm-place').checked) { problem({ detail: form.getAttribute('data-msg-no-place') }); return; }
      var option = $('category').selectedOptions[0];
      var files = Array.prototype.slice.call($('photos').files || [], 0, 3);
      if (option && option.getAttribute('data-photo') === 'true' && files.length === 0) {
        problem({ detail: form.getAttribute('data-msg-photo-required') });
        return;
      }
      var button = $('send-report');
      button.disabled = true;
      show(status, form.getAttribute('data-msg-sending'));
      Promise.all(files.map(reduce)).then(function (photos) {
        var shown = form.querySelector('input[name=shownAs]:checked');
        var body = {
          category: $('category').value,
          lat: parseFloat($('lat').value),
          lon: parseFloat($('lon').value),
          accuracy: $('accuracy').value ? parseInt($('accuracy').value, 10) : null,
          source: $('source').value,
          address: $('address').value.trim() || null,
          description: $('description').value.trim() || null,
          shownAs: shown ? shown.value : 'HIDDEN',
          email: $('email') ? $('email').value.trim() || null : null,
          name: $('name') ? $('name').value.trim() || null : null,
          idempotencyKey: key,
          photos: photos,
          answers: answers()
        };
        var offline = function () {
          if (!window.indexedDB) { problem(null); button.disabled = false; return; }
          saveDraft(body).then(function () {
            show(status, form.getAttribute('data-msg-offline'));
            button.disabled = false;
          });
        };
        if (!navigator.onLine) { offline(); return; }
        post(api, body).then(function (r) {
          return r.json().then(function (v) {
            button.disabled = false;
            if (r.ok) { show(status, ''); sent(v); } else { show(status, ''); problem(v); }
          });
        }).catch(offline);
      });
    });

    window.addEventListener('online', function () { sendDrafts(form); });
    sendDrafts(form);
    if ('serviceWorker' in navigator && form.getAttribute('data-sw')) {
      navigator.serviceWorker.register(form.getAttribute('data-sw'), { scope: form.getAttribute('data-page') }).catch(function () {});
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof L === 'undefined') { return; }
    var report = $('incident-form');
    if (report) { reportForm(report); }
    var filters = $('map-filters');
    if (filters) { publicMap(filters); }
  });
})();
