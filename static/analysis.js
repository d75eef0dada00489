// Analysis pages: while an analysis runs or a workbook is prepared, poll
// its JSON status (each box with data-status) and move the progress bar;
// reload when it is done so the stored result or the download shows.
// Without JavaScript the page offers a refresh link instead.
(function () {
  "use strict";
  if (!window.fetch) return;
  function watch(box) {
    var url = box.getAttribute("data-status");
    var bar = box.querySelector(".js-progress");
    var step = box.querySelector(".js-step");
    var delay = 1500;
    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { delay = Math.min(delay * 2, 15000); return schedule(); }
          if (bar && typeof s.progress === "number") bar.value = Math.round(s.progress * 100);
          if (step && s.message) step.textContent = s.message;
          if (!s.active) { window.location.reload(); return; }
          schedule();
        })
        .catch(function () { delay = Math.min(delay * 2, 15000); schedule(); });
    }
    function schedule() { window.setTimeout(poll, delay); }
    schedule();
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-status]"), watch);
})();
