// Small conveniences over the wizard's plain form posts: adds field and relation rows in place
// (without a round trip; the server adds them the same way when script is off) and copies the
// reviewed spec to the clipboard.
(function () {
  document.querySelectorAll('button[data-add]').forEach(function (button) {
    var entity = button.value.split(':')[1];
    var kind = button.dataset.add;
    var rows = document.querySelector('[data-rows="' + kind + 's-' + entity + '"]');
    var template = document.getElementById(kind + '-row');
    if (!rows || !template) { return; }
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var index = rows.querySelectorAll(':scope > .item').length;
      var html = template.innerHTML.replace(/__E__/g, entity).replace(/__F__/g, String(index));
      rows.insertAdjacentHTML('beforeend', html);
      var added = rows.lastElementChild;
      added.querySelector('input').focus();
    });
  });

  var copy = document.getElementById('copy-spec');
  var spec = document.getElementById('spec-json');
  if (copy && spec && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(spec.textContent).then(function () { copy.textContent = 'Copied'; });
    });
  }
})();
