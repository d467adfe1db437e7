// Follows the project page while its generation runs. With the project's event stream, the status
// and the step rows change in place, the files appear once scaffolded, and at the end the page's
// content is fetched once and swapped in (download, warnings, history): no reload. Without
// EventSource, or when the stream fails, the page reloads every two seconds as it always did.
// Highlights the file shown, if a highlighter is there.
(function () {
  var main = document.getElementById('main');
  highlight();
  if (!main || main.dataset.ended !== 'false') { return; }
  if (!window.EventSource || !main.dataset.events) { reloadSoon(); return; }

  var source = new EventSource(main.dataset.events);
  source.onopen = function () { main.dataset.live = 'true'; };
  source.addEventListener('status', function (e) {
    badge(document.getElementById('status'), JSON.parse(e.data).status);
  });
  source.addEventListener('step', function (e) {
    var step = JSON.parse(e.data);
    row(step);
    if (step.id === 'scaffold' && step.state === 'SUCCEEDED') { swap(['files', 'changes']); }
  });
  source.addEventListener('end', function (e) {
    source.close();
    badge(document.getElementById('status'), JSON.parse(e.data).status);
    swap(null);
  });
  source.onerror = function () {
    // CONNECTING: the browser resumes by itself with Last-Event-ID; CLOSED: refused, poll instead
    if (source.readyState === EventSource.CLOSED) { delete main.dataset.live; reloadSoon(); }
  };

  function reloadSoon() {
    setTimeout(function () { window.location.reload(); }, 2000);
  }

  function badge(element, status) {
    if (!element) { return; }
    element.textContent = status;
    element.className = element.className.replace(/\bstatus-\S+/g, '').trim() +
      ' status-' + status.toLowerCase();
  }

  function row(step) {
    var tr = document.querySelector('#steps tr[data-step="' + step.id + '"]');
    if (!tr) { return; }
    badge(tr.querySelector('.step-state'), step.state);
    tr.querySelector('.step-attempts').textContent = String(step.attempts);
    tr.querySelector('.step-duration').textContent = duration(step.startedAt, step.endedAt);
    tr.querySelector('.step-detail').textContent = step.detail || '';
    var error = tr.querySelector('.error');
    error.textContent = step.lastError || '';
    error.hidden = !step.lastError;
  }

  function duration(started, ended) {
    if (!started || !ended) { return '–'; }
    var millis = Date.parse(ended) - Date.parse(started);
    return millis < 1000 ? millis + ' ms' : (millis / 1000).toFixed(1) + ' s';
  }

  // Replaces the parts with these ids (all of the page's content when null) with the server's
  // current rendering of this page.
  function swap(ids) {
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('main');
        if (!fresh) { throw new Error('no content'); }
        if (ids === null) {
          main.innerHTML = fresh.innerHTML;
          main.dataset.ended = fresh.dataset.ended;
        } else {
          ids.forEach(function (id) {
            var old = document.getElementById(id);
            var replacement = fresh.querySelector('#' + id);
            if (old && replacement) { old.replaceWith(replacement); }
          });
        }
        highlight();
      })
      .catch(function () { if (ids === null) { window.location.reload(); } });
  }

  function highlight() {
    var code = document.getElementById('file-content');
    if (code && window.hljs && !code.classList.contains('hljs')) { window.hljs.highlightElement(code); }
  }
})();
