// Progressive enhancement for survey pages: questions whose show_if depends
// on an answer on the same page appear and disappear as the respondent
// answers, and a "please specify" field appears when "other" is picked.
// Without JavaScript they are simply all shown; the server applies the same
// rules when the page is submitted.
(function () {
  "use strict";
  var form = document.querySelector("form");
  if (!form) return;

  // Offline answering (offline.js, docs/offline.md) loads after the page:
  // it is not needed to answer online, and on a slow network the first
  // page must not wait for it. A first page waits a little longer, so
  // caching the survey does not hold up the post of page 1; a later page,
  // the phone's own copy (data-offline) or a phone with no signal load it
  // at once.
  var me = document.currentScript, offlineJS = me && me.getAttribute("data-offline");
  function loadOffline() {
    var s = document.createElement("script");
    s.src = offlineJS;
    document.body.appendChild(s);
  }
  function afterLoad() {
    var now = document.documentElement.hasAttribute("data-offline") || form.querySelector('input[name="rid"]') || !navigator.onLine;
    setTimeout(loadOffline, now ? 0 : 1000);
  }
  if (offlineJS && "serviceWorker" in navigator) {
    if (document.readyState === "complete") afterLoad();
    else window.addEventListener("load", afterLoad);
  }
  function values(id) {
    var out = [];
    form.querySelectorAll('[name="q.' + id + '"]').forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.value !== "") out.push(el.value);
    });
    return out;
  }
  function update() {
    form.querySelectorAll("[data-show-if]").forEach(function (fs) {
      var c;
      try { c = JSON.parse(fs.getAttribute("data-show-if")); } catch (e) { return; }
      if (!form.querySelector('[name="q.' + c.question + '"]')) return; // on an earlier page
      var v = values(c.question), show;
      if (c.not_answered) show = v.length === 0;
      else if (c.equals !== undefined) show = v.indexOf(c.equals) >= 0;
      else show = (c.one_of || []).some(function (x) { return v.indexOf(x) >= 0; });
      fs.classList.toggle("hidden", !show);
      fs.disabled = !show;
    });
    // "Please specify" shows once "other" is picked (or already has text).
    form.querySelectorAll("label.other").forEach(function (l) {
      var box = l.parentNode.querySelector('input[value="other"]'), text = l.querySelector("input");
      if (box && text) l.classList.toggle("hidden", !box.checked && text.value === "");
    });
  }
  form.addEventListener("change", update);
  update();

  // Language switch: typed answers are sent first (nav=lang), not lost.
  var dirty = false, lang = form.querySelector('input[name="lang"]');
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  document.querySelectorAll(".langs a[data-lang]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (!dirty || !lang) return;
      e.preventDefault();
      lang.value = a.getAttribute("data-lang");
      var nav = document.createElement("input");
      nav.type = "hidden"; nav.name = "nav"; nav.value = "lang";
      form.appendChild(nav);
      form.submit();
    });
  });
})();
