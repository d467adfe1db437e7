// Follows the status badges of running projects on the dashboard: up to the table's live limit of
// them through their event streams, the others (and any whose stream fails, or all of them without
// EventSource) by polling every two seconds, until all ended.
(function () {
  var table = document.getElementById('projects');
  if (!table) { return; }
  var polling = false;

  function setBadge(row, status, ended) {
    var badge = row.querySelector('.badge');
    badge.textContent = status;
    badge.className = 'badge status-' + status.toLowerCase();
    badge.dataset.ended = String(ended);
  }

  function follow(row) {
    var source = new EventSource(row.dataset.events);
    row.dataset.live = 'true';
    function stop() { source.close(); delete row.dataset.live; }
    source.addEventListener('status', function (e) { setBadge(row, JSON.parse(e.data).status, false); });
    source.addEventListener('end', function (e) { stop(); setBadge(row, JSON.parse(e.data).status, true); });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { stop(); startPolling(); }
    };
  }

  function unfollowed() {
    return table.querySelectorAll('tr:not([data-live]) .badge[data-ended="false"]').length > 0;
  }

  function poll() {
    if (!unfollowed()) { polling = false; return; }
    fetch(table.dataset.statusUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        items.forEach(function (item) {
          var row = table.querySelector('tr[data-id="' + item.id + '"]');
          if (row) { setBadge(row, item.status, item.ended); }
        });
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 2000); });
  }

  function startPolling() {
    if (polling) { return; }
    polling = true;
    setTimeout(poll, 1000);
  }

  if (window.EventSource) {
    var limit = parseInt(table.dataset.liveLimit || '0', 10);
    var running = table.querySelectorAll('tr[data-events]');
    for (var i = 0; i < running.length && limit > 0; i++) {
      if (running[i].querySelector('.badge[data-ended="false"]')) { follow(running[i]); limit--; }
    }
  }
  startPolling();
})();
