// Survey builder: the form works without JavaScript (every button posts
// the whole draft back and the server redraws it). This script only saves
// clicks: changing a question's type redraws the form with that type's
// fields, and typing refreshes the phone preview in place.
(function () {
  var form = document.getElementById('builder');
  if (!form || !window.fetch || !window.DOMParser) return;

  form.addEventListener('change', function (e) {
    var t = e.target;
    if (t.matches && t.matches('select[data-refresh]')) {
      var b = form.querySelector('button[value="refresh"]');
      if (b) b.click();
    }
  });

  var timer = null;
  function refreshPreview() {
    var data = new FormData(form);
    data.set('op', 'refresh');
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector('.phone');
        var old = document.querySelector('.phone');
        if (fresh && old) old.replaceWith(fresh);
      })
      .catch(function () { /* the button still works */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 700);
  });
})();
