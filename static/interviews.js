// Interview pages (progressive: every form works without this file).
// 1. Interview notes: save the form as a draft every few seconds while it
//    changes and whenever a field loses focus, so a dropped connection
//    loses nothing; "add a line" clones a note line.
// 2. Coding: text selected in a passage fills that passage's "quote"
//    field, so a code can be applied to a span.
(function () {
  "use strict";
  var form = document.getElementById("interview-form");
  if (form) {
    var url = form.getAttribute("data-draft-url");
    var status = form.querySelector(".draft-status");
    var dirty = false, busy = false;
    var csrf = form.querySelector("input[name=csrf]").value;
    var save = function () {
      if (!dirty || busy) return;
      dirty = false;
      busy = true;
      var body = new URLSearchParams(new FormData(form));
      fetch(url, {
        method: "POST", body: body, credentials: "same-origin",
        headers: {"X-CSRF-Token": csrf, "Accept": "application/json"}
      }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        status.textContent = form.getAttribute("data-saved");
        // A reload now reopens this draft instead of a blank form.
        var key = form.querySelector("input[name=draft]").value;
        if (window.location.search.indexOf("draft=") < 0) {
          window.history.replaceState(null, "", window.location.pathname + "?draft=" + encodeURIComponent(key));
        }
      }).catch(function () {
        dirty = true;
        status.textContent = form.getAttribute("data-failed");
      }).then(function () { busy = false; });
    };
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("focusout", save);
    window.setInterval(save, 5000);
    window.addEventListener("pagehide", save);

    var add = form.querySelector(".add-line");
    var list = form.querySelector(".note-lines");
    if (add && list) {
      add.classList.remove("hidden");
      add.addEventListener("click", function () {
        var last = list.lastElementChild;
        var line = last.cloneNode(true);
        line.querySelectorAll("textarea, input").forEach(function (el) { el.value = ""; });
        line.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
        list.appendChild(line);
        line.querySelector("textarea").focus();
      });
    }
  }

  document.addEventListener("mouseup", function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.anchorNode) return;
    var el = sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentElement;
    var text = el && el.closest(".utt-text");
    if (!text) return;
    var item = text.closest("li");
    var field = item && item.querySelector(".quote-field");
    if (!field) return;
    field.value = sel.toString().trim();
    var details = field.closest("details");
    if (details) details.open = true;
  });
})();
