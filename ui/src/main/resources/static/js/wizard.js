// Conveniences over the wizard's plain form posts, which do everything without script:
// - entities, fields and relations are added and removed in place, by cloning the page's
//   <template>s and renumbering the binding paths (entities[1].fields[0].name), so the next post
//   binds them exactly as if the server had added them;
// - as the user types (300 ms after the last key) or changes a control, the step is posted to
//   /wizard/{step}/check, which keeps it in the session draft (so a reload shows it) and answers
//   the validator's problems, shown next to their fields with aria-invalid;
// - relation targets offer the entities on the page; the reviewed spec can be copied.
(function () {
  'use strict';
  var form = document.querySelector('form.wizard');
  if (!form) { return; }
  var checkUrl = form.getAttribute('data-check');
  var section = document.getElementById('entities');
  var PATH_ATTRIBUTES = ['name', 'id', 'for', 'aria-describedby', 'data-error-for'];

  // ---- Entities, fields and relations in place

  function entities() {
    return Array.prototype.slice.call(section.querySelectorAll('fieldset[data-entity]'));
  }

  function rows(block, kind) {
    return Array.prototype.slice.call(block.querySelector('[data-rows="' + kind + '"]').children);
  }

  function rewrite(root, pattern, replacement) {
    [root].concat(Array.prototype.slice.call(root.querySelectorAll('*'))).forEach(function (el) {
      PATH_ATTRIBUTES.forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value !== null) { el.setAttribute(attribute, value.replace(pattern, replacement)); }
      });
    });
  }

  function buttons(root) {
    return Array.prototype.slice.call(root.querySelectorAll('button[name="action"]'));
  }

  // A remove button says what it removes: the name typed, or else the position (as the server does).
  function nameRemoveButton(root, what, position) {
    var name = root.querySelector('input[name$="].name"]').value.trim();
    root.querySelector('button[data-remove="' + what + '"]').textContent =
      'Remove ' + what + ' ' + (name || position);
  }

  // Indices follow the order on the page, as the server's lists do after a post.
  function renumber() {
    entities().forEach(function (block, e) {
      block.id = 'entity-' + e;
      block.querySelector('legend').textContent = 'Entity ' + (e + 1);
      rewrite(block, /entities\[(\d+|E)\]/g, 'entities[' + e + ']');
      buttons(block).forEach(function (b) { b.value = b.value.replace(/^(\w+):(\d+|E)/, '$1:' + e); });
      nameRemoveButton(block, 'entity', e + 1);
      [['fields', 'field'], ['relations', 'relation']].forEach(function (kind) {
        rows(block, kind[0]).forEach(function (row, i) {
          rewrite(row, new RegExp('\\.' + kind[0] + '\\[(\\d+|F)\\]', 'g'), '.' + kind[0] + '[' + i + ']');
          buttons(row).forEach(function (b) { b.value = b.value.replace(/^(\w+:\d+):(\d+|F)$/, '$1:' + i); });
          nameRemoveButton(row, kind[1], i + 1);
        });
      });
    });
    var none = document.getElementById('no-entities');
    if (none) { none.hidden = entities().length > 0; }
  }

  function clone(templateId) {
    return document.getElementById(templateId).content.firstElementChild.cloneNode(true);
  }

  function addEntity() {
    var block = clone('entity-template');
    section.insertBefore(block, document.getElementById('add-entity'));
    renumber();
    block.querySelector('input').focus();
  }

  function addRow(block, kind) {
    var row = clone(kind + '-template');
    block.querySelector('[data-rows="' + kind + 's"]').appendChild(row);
    renumber();
    refreshTargets();
    row.querySelector('input').focus();
  }

  function remove(button) {
    var kind = button.getAttribute('data-remove');
    var gone = kind === 'entity' ? button.closest('fieldset[data-entity]') : button.closest('.item');
    var next = kind === 'entity'
      ? document.querySelector('#add-entity button')
      : gone.closest('fieldset[data-entity]').querySelector('button[data-add="' + kind + '"]');
    gone.remove();
    renumber();
    refreshTargets();
    next.focus();
  }

  if (section) {
    form.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-add], button[data-remove]');
      if (!button) { return; }
      event.preventDefault();
      var add = button.getAttribute('data-add');
      if (add === 'entity') {
        addEntity();
      } else if (add) {
        addRow(button.closest('fieldset[data-entity]'), add);
      } else {
        remove(button);
      }
      edited();
    });
  }

  // ---- Relation targets: the entities on the page, following renames

  function entityNames() {
    var names = [];
    form.querySelectorAll('input[data-entity-name]').forEach(function (input) {
      var name = input.value.trim();
      if (name && names.indexOf(name) < 0) { names.push(name); }
    });
    return names;
  }

  function refreshTargets(renamedFrom, renamedTo) {
    var names = entityNames();
    form.querySelectorAll('select[data-targets]').forEach(function (select) {
      var current = select.value;
      if (renamedFrom && renamedTo && current === renamedFrom) { current = renamedTo; }
      var wanted = names.slice();
      if (current && wanted.indexOf(current) < 0) { wanted.push(current); }
      var have = Array.prototype.slice.call(select.options, 1).map(function (o) { return o.value; });
      if (have.join('\n') !== wanted.join('\n')) {
        while (select.options.length > 1) { select.remove(1); }
        wanted.forEach(function (name) { select.add(new Option(name, name)); });
      }
      select.value = current;
    });
  }

  form.querySelectorAll('input[data-entity-name]').forEach(function (input) {
    input.setAttribute('data-previous', input.value.trim());
  });

  function entityRenamed(input) {
    if (!input.matches('input[data-entity-name]')) { return; }
    var now = input.value.trim();
    refreshTargets(input.getAttribute('data-previous'), now);
    input.setAttribute('data-previous', now);
  }

  // ---- Live checks, which also keep the draft in the session

  var touched = {};
  var edits = 0;
  var timer = null;
  var submitting = false;

  form.querySelectorAll('.field-error').forEach(function (message) {
    touched[message.parentNode.getAttribute('data-error-for')] = true;
  });

  function edited() {
    edits++;
    form.setAttribute('data-saved', 'false');
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  // The server binds only forms newer than the last it bound, so a slow check cannot undo a post.
  function formBody() {
    var body = new URLSearchParams(new FormData(form));
    body.set('revision', String(Date.now()));
    return body;
  }

  function check() {
    var sent = edits;
    fetch(checkUrl, {
      method: 'POST',
      body: formBody(),
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('check answered ' + response.status); }
      return response.json();
    }).then(function (result) {
      if (sent !== edits || submitting) { return; }
      form.setAttribute('data-saved', 'true');
      show(result.errors || {});
    }).catch(function () {
      // The step's own post validates and saves anyway.
    });
  }

  function parentPath(path) {
    var match = path.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
    return match ? match[1] : '';
  }

  function concerns(key) {
    return Object.keys(touched).some(function (name) {
      return name === key || name.indexOf(key + '.') === 0 || name.indexOf(key + '[') === 0;
    });
  }

  // A message shows once its field (or one inside it) was touched, or when it already showed.
  function show(errors) {
    var containers = {};
    form.querySelectorAll('[data-error-for]').forEach(function (c) {
      containers[c.getAttribute('data-error-for')] = c;
    });
    var grouped = {};
    var wanted = {};
    Object.keys(errors).forEach(function (key) {
      var at = key;
      while (at && !containers[at]) { at = parentPath(at); }
      grouped[at] = (grouped[at] || []).concat(errors[key]);
      wanted[at] = wanted[at] || concerns(key);
    });
    var summary = [];
    Object.keys(containers).forEach(function (key) {
      var container = containers[key];
      var messages = grouped[key] || [];
      var visible = messages.length > 0 && (wanted[key] || container.childElementCount > 0);
      container.textContent = '';
      if (visible) {
        messages.forEach(function (text) {
          var p = document.createElement('p');
          p.className = 'field-error';
          p.textContent = text;
          container.appendChild(p);
        });
        summary.push([key, messages]);
      }
      var control = document.getElementById(key);
      if (control && control !== container) {
        if (visible) { control.setAttribute('aria-invalid', 'true'); } else { control.removeAttribute('aria-invalid'); }
      }
    });
    updateSummary(summary);
  }

  function updateSummary(shown) {
    var summary = document.getElementById('error-summary');
    if (!summary) { return; }
    summary.hidden = shown.length === 0;
    summary.querySelector('p').textContent =
      shown.length === 1 ? 'One thing needs fixing:' : shown.length + ' things need fixing:';
    var list = summary.querySelector('ul');
    list.textContent = '';
    shown.forEach(function (entry) {
      var item = document.createElement('li');
      var code = document.createElement('code');
      code.textContent = entry[0] || 'spec';
      item.appendChild(code);
      item.appendChild(document.createTextNode(': ' + entry[1].join('; ')));
      list.appendChild(item);
    });
  }

  if (checkUrl && window.fetch) {
    form.addEventListener('input', function (event) {
      if (event.target.name) { touched[event.target.name] = true; }
      entityRenamed(event.target);
      if (section && /\]\.name$/.test(event.target.name || '')) { renumber(); }
      edited();
    });
    form.addEventListener('change', function (event) {
      if (event.target.name) { touched[event.target.name] = true; }
      edited();
    });
    // Any form's post (a step, import, start over) supersedes the pending check.
    document.addEventListener('submit', function (event) {
      submitting = true;
      clearTimeout(timer);
      if (event.target === form) {
        var revision = form.querySelector('input[name="revision"]');
        if (!revision) {
          revision = document.createElement('input');
          revision.type = 'hidden';
          revision.name = 'revision';
          form.appendChild(revision);
        }
        revision.value = String(Date.now());
      }
    }, true);
    // Leaving the page (a reload, a link) before the last check went out still keeps the draft.
    window.addEventListener('pagehide', function () {
      if (!submitting && form.getAttribute('data-saved') === 'false' && navigator.sendBeacon) {
        clearTimeout(timer);
        navigator.sendBeacon(checkUrl, formBody());
      }
    });
  }

  // ---- Copy the reviewed spec

  var copy = document.getElementById('copy-spec');
  var spec = document.getElementById('spec-json');
  if (copy && spec && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(spec.textContent).then(function () { copy.textContent = 'Copied'; });
    });
  }
})();
