// Follows the status badges of running projects on the dashboard, every two seconds, until all ended.
(function () {
  var table = document.getElementById('projects');
  if (!table) { return; }
  function running() {
    return table.querySelectorAll('.badge[data-ended="false"]').length > 0;
  }
  function poll() {
    if (!running()) { return; }
    fetch(table.dataset.statusUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        items.forEach(function (item) {
          var row = table.querySelector('tr[data-id="' + item.id + '"]');
          if (!row) { return; }
          var badge = row.querySelector('.badge');
          badge.textContent = item.status;
          badge.className = 'badge status-' + item.status.toLowerCase();
          badge.dataset.ended = String(item.ended);
        });
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 1000);
})();
