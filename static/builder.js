// Survey builder: the form works without JavaScript (every button posts
// the whole draft back and the server redraws it, focusing where you
// were). This script only saves clicks: changing a question's type or a
// condition's question redraws the form; the type picked in one "add a
// question here" control shows in all of them; the phone preview follows
// your edits; questions and pages can be dragged by their handle (the
// Move buttons do the same from the keyboard).
(function () {
  var form = document.getElementById('builder');
  if (!form || !form.requestSubmit) return;
  var focusField = form.querySelector('input[name="focus"]');
  var dragOp = document.getElementById('drag-op');
  var previewBtn = document.getElementById('preview-btn');
  var pageSel = document.querySelector('select[name="preview_page"]');
  var frame = document.querySelector('iframe[name="preview"]');

  function submitWith(button) {
    if (button) form.requestSubmit(button);
  }

  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.matches('select[data-refresh]')) {
      if (focusField) focusField.value = t.name;
      submitWith(form.querySelector('button[value="refresh"]'));
      return;
    }
    if (t.matches('select[name^="nt."]')) {
      form.querySelectorAll('select[name^="nt."]').forEach(function (s) { s.value = t.value; });
      var kept = form.querySelector('input[name="new_type"]');
      if (kept) kept.value = t.value;
    }
    schedulePreview();
  });

  // The preview posts the draft into the iframe (formtarget="preview").
  var timer = null;
  function previewShown() { return frame && frame.offsetParent !== null; }
  function updatePreview() {
    clearTimeout(timer);
    if (previewShown()) submitWith(previewBtn);
  }
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(updatePreview, 600);
  }
  form.addEventListener('input', schedulePreview);
  form.addEventListener('focusin', function (e) {
    var page = e.target.closest('.bpage');
    if (page && pageSel && pageSel.value !== page.dataset.page) {
      pageSel.value = page.dataset.page;
      schedulePreview();
    }
  });
  if (pageSel) pageSel.addEventListener('change', updatePreview);
  var langSel = document.querySelector('select[name="preview_lang"]');
  if (langSel) langSel.addEventListener('change', updatePreview);
  if (frame && !frame.getAttribute('src')) updatePreview();

  // Drag and drop by the handles.
  var dragging = null;
  function clearMarks() {
    form.querySelectorAll('.drop-before, .drop-after, .dragging').forEach(function (el) {
      el.classList.remove('drop-before', 'drop-after', 'dragging');
    });
  }
  function dropTarget(e) {
    if (!dragging || !e.target.closest) return null;
    var isQ = dragging.classList.contains('bq');
    var over = isQ ? (e.target.closest('.bq') || e.target.closest('.bpage')) : e.target.closest('.bpage');
    if (!over || over === dragging || dragging.contains(over)) return null;
    var r = over.getBoundingClientRect();
    return { el: over, after: e.clientY > r.top + r.height / 2 };
  }
  form.addEventListener('dragstart', function (e) {
    var h = e.target.closest && e.target.closest('.handle');
    if (!h) return;
    dragging = h.closest('.bq') || h.closest('.bpage');
    dragging.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragging.id);
    try { e.dataTransfer.setDragImage(dragging, 16, 16); } catch (_) { /* optional */ }
  });
  form.addEventListener('dragend', function () { dragging = null; clearMarks(); });
  form.addEventListener('dragover', function (e) {
    var t = dropTarget(e);
    if (!t) return;
    e.preventDefault();
    form.querySelectorAll('.drop-before, .drop-after').forEach(function (el) {
      el.classList.remove('drop-before', 'drop-after');
    });
    t.el.classList.add(t.after ? 'drop-after' : 'drop-before');
  });
  form.addEventListener('drop', function (e) {
    var t = dropTarget(e);
    if (!t || !dragOp) return;
    e.preventDefault();
    var op;
    var fromP = +dragging.dataset.page;
    if (dragging.classList.contains('bq')) {
      var fromQ = +dragging.dataset.q;
      var toP = +t.el.dataset.page, toQ;
      if (t.el.classList.contains('bq')) {
        toQ = +t.el.dataset.q + (t.after ? 1 : 0);
        if (toP === fromP && toQ > fromQ) toQ--; // counted after taking it out
      } else {
        toQ = t.after ? 9999 : 0; // the server clamps to the page's end
      }
      op = 'move_q:' + fromP + '.' + fromQ + ':' + toP + '.' + toQ;
    } else {
      var to = +t.el.dataset.page + (t.after ? 1 : 0);
      if (to > fromP) to--;
      op = 'move_page:' + fromP + ':' + to;
    }
    dragging = null;
    clearMarks();
    dragOp.value = op;
    submitWith(dragOp);
  });
})();
