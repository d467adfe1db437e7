// Copies the reviewed spec to the clipboard; without script the spec can still be selected or exported.
(function () {
  var button = document.getElementById('copy-spec');
  var spec = document.getElementById('spec-json');
  if (!button || !spec || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(spec.textContent).then(function () { button.textContent = 'Copied'; });
  });
})();
