// Reloads the project page while its generation runs, and highlights the file shown, if a highlighter is there.
(function () {
  var main = document.getElementById('main');
  if (main && main.dataset.ended === 'false') {
    setTimeout(function () { window.location.reload(); }, 2000);
  }
  var code = document.getElementById('file-content');
  if (code && window.hljs) { window.hljs.highlightElement(code); }
})();
