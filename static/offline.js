// Offline phones (docs/offline.md). Progressive enhancement on top of the
// server-rendered survey pages, which keep working without JavaScript:
//
//  1. Online, after the page has loaded, this script registers the service
//     worker (/s/sw.js) and caches the survey's first page (fetched without
//     cookies: the same page everyone gets), its offline bundle (every page
//     rendered, plus the rules of page flow and validation) and the assets.
//     It also remembers the answers of each page as it is posted, with the
//     response's client id, in a draft in localStorage.
//  2. When a page is posted with no connection (or the post fails and the
//     service worker serves the cached page marked data-offline), the
//     respondent carries on here: pages come from the bundle, page flow and
//     show_if follow survey/pageflow.go and Question.Visible, answers are
//     checked like ValidatePage, and a finished response goes into the
//     IndexedDB queue: "Saved on this phone; will be sent when you are
//     online".
//  3. The queue is sent to the submit API (source "offline") one response
//     at a time, on every page load, on the "online" event and on a timer.
//     A response leaves the queue only when the server stored it (201, or
//     200 for one it already had: the client id makes a resend harmless) or
//     refused it for good (another 4xx, e.g. a full quota, kept aside in
//     the "rejected" store); 429, 5xx and network errors are retried with
//     exponential backoff, never sooner than Retry-After.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.indexedDB || !window.caches || !window.fetch) return;
  var form = document.querySelector('form[action^="/s/"]');
  if (!form) return;
  var slug = form.getAttribute("action").slice(3);
  var root = document.documentElement;
  var CACHE = "safar-offline", SHELL = "/s/" + slug;
  var DRAFT = "safar.draft." + slug, GAP = 150, MAX_BACKOFF = 300000;
  var shellMode = root.hasAttribute("data-offline");
  var bundle = null, draft = loadDraft(), offline = false, lastSent = null;
  // The bundle of the language the respondent is using: the page's, or
  // on the cached first page (the default language) the draft's.
  var LANG = (shellMode && draft && draft.lang) || root.lang || "";
  var BUNDLE = "/s/" + slug + "/offline.json" + (LANG ? "?lang=" + encodeURIComponent(LANG) : "");

  // ---- the draft: this respondent's answers so far, per form field ----

  function loadDraft() {
    try { return JSON.parse(localStorage.getItem(DRAFT)); } catch (e) { return null; }
  }
  function saveDraft() {
    try {
      if (draft) localStorage.setItem(DRAFT, JSON.stringify(draft));
      else localStorage.removeItem(DRAFT);
    } catch (e) { /* storage full or blocked: the server path still works */ }
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") + "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }
  function field(name) { return form.querySelector('[name="' + name + '"]'); }
  function tpFromURL() {
    var tp = new URLSearchParams(location.search).get("tp");
    return tp ? tp.slice(0, 100) : "";
  }

  // readForm puts the fields of the page on screen into the draft,
  // replacing what it held for that page's questions (as the server does).
  function readForm(pi) {
    var fd = new FormData(form), qs = bundle ? bundle.pages[pi].questions : [];
    Object.keys(draft.fields).forEach(function (name) {
      var id = name.split(".")[1];
      if (!bundle || qs.some(function (q) { return q.id === id; })) delete draft.fields[name];
    });
    fd.forEach(function (v, name) {
      if (name.indexOf("q.") !== 0 || typeof v !== "string") return;
      (draft.fields[name] = draft.fields[name] || []).push(v);
    });
  }

  // ---- answers, page flow and checks: survey/answer.go, pageflow.go ----

  function digitsToASCII(s) {
    return s.replace(/[۰-۹]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); })
      .replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); });
  }
  function parseNumber(s) {
    s = digitsToASCII(s.trim()).replace(/[٬,\u066C \u200c]/g, "").replace("٫", ".").replace("−", "-");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
    var f = Number(s);
    return isFinite(f) ? f : null;
  }
  function get(name) { var v = draft.fields[name]; return v && v.length ? v[0].trim() : ""; }
  function all(name) { return (draft.fields[name] || []).map(function (s) { return s.trim(); }).filter(Boolean); }

  // value reads question q's answer from the draft: null when empty,
  // {bad: "number"} when a number does not parse.
  function value(q) {
    var n = "q." + q.id, v = {};
    switch (q.type) {
      case "single": case "dropdown":
        v.choice = get(n);
        if (v.choice === "other") v.other = get(n + ".other");
        if (!v.choice) return null;
        break;
      case "multiple":
        v.choices = all(n);
        if (v.choices.indexOf("other") >= 0) v.other = get(n + ".other");
        if (!v.choices.length) return null;
        break;
      case "likert": case "rating": case "nps": case "number":
        var s = get(n);
        if (!s) return null;
        v.number = parseNumber(s);
        if (v.number === null) return { bad: "number" };
        break;
      case "short_text": case "long_text":
        v.text = get(n).replace(/\r\n/g, "\n");
        if (!v.text) return null;
        break;
      case "date":
        v.text = digitsToASCII(get(n));
        if (!v.text) return null;
        break;
      case "matrix":
        v.matrix = {};
        (q.statements || []).forEach(function (st) {
          var p = parseInt(digitsToASCII(get(n + "." + st)), 10);
          if (!isNaN(p)) v.matrix[st] = p;
        });
        if (!Object.keys(v.matrix).length) return null;
        break;
    }
    return v;
  }
  function questions() {
    var out = [];
    bundle.pages.forEach(function (p, pi) { p.questions.forEach(function (q) { out.push({ q: q, page: pi }); }); });
    return out;
  }
  function pageOf(id) {
    var hit = questions().filter(function (x) { return x.q.id === id; })[0];
    return hit ? hit.page : -1;
  }
  // answers is the typed, pruned answers of the draft (Definition.Prune).
  function answers() {
    var out = {};
    questions().forEach(function (x) {
      var v = value(x.q);
      if (v && !v.bad && visible(x.q, out)) out[x.q.id] = v;
    });
    return out;
  }
  function visible(q, a) {
    var c = q.show_if;
    if (!c) return true;
    var v = a[c.question];
    if (!v) return !!c.not_answered;
    if (c.not_answered) return false;
    function match(want) {
      if (v.choice) return v.choice === want;
      if (v.choices) return v.choices.indexOf(want) >= 0;
      if (v.number !== undefined) { var f = parseNumber(want); return f !== null && f === v.number; }
      return (v.text || "").trim() === want;
    }
    if (c.equals !== undefined) return match(c.equals);
    return (c.one_of || []).some(match);
  }
  function pageShown(pi, a) {
    return bundle.pages[pi].questions.some(function (q) {
      return visible(q, a) || (q.show_if && pageOf(q.show_if.question) === pi);
    });
  }
  function nextPage(pi, a) {
    for (var i = pi + 1; i < bundle.pages.length; i++) if (pageShown(i, a)) return i;
    return -1;
  }
  function prevPage(pi, a) {
    for (var i = Math.min(pi, bundle.pages.length) - 1; i >= 0; i--) if (pageShown(i, a)) return i;
    return -1;
  }
  function position(pi, a) {
    var n = 0, total = 0;
    for (var i = 0; i < bundle.pages.length; i++) {
      if (i === pi || pageShown(i, a)) { total++; if (i <= pi) n++; }
    }
    return [n, total];
  }
  function msg(key, a, b) {
    var m = bundle.messages[key] || key;
    return m.replace("{a}", a === undefined ? "" : digits(String(a))).replace("{b}", b === undefined ? "" : digits(String(b)));
  }
  function digits(s) {
    if (!bundle || bundle.digits !== "fa") return s;
    return s.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x06F0 + Number(d)); });
  }
  // problems checks the visible questions of page pi (all pages when
  // pi < 0), like Definition.ValidatePage: {questionID: message}.
  function problems(pi) {
    var a = answers(), out = {}, first = -1;
    questions().forEach(function (x) {
      var q = x.q;
      if ((pi >= 0 && x.page !== pi) || !visible(q, a)) return;
      var raw = value(q), m = "";
      if (raw && raw.bad) m = msg("err." + raw.bad);
      else if (!raw) m = q.required ? msg("err.required") : "";
      else if ((raw.choice === "other" || (raw.choices && raw.choices.indexOf("other") >= 0)) && !raw.other) m = msg("err.other_missing");
      else if (q.type === "number" && q.min !== undefined && raw.number < q.min) m = msg("err.min", q.min);
      else if (q.type === "number" && q.max !== undefined && raw.number > q.max) m = msg("err.max", q.max);
      else if (q.type === "date" && !validDate(raw.text)) m = msg("err.date");
      else if (q.type === "matrix" && q.required && Object.keys(raw.matrix).length < (q.statements || []).length) m = msg("err.matrix_all");
      if (m) { out[q.id] = m; if (first < 0) first = x.page; }
    });
    return { byID: out, page: first };
  }
  function validDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  // apiAnswers is the submit API's JSON of the answers (docs/api.md).
  function apiAnswers() {
    var a = answers(), out = {};
    Object.keys(a).forEach(function (id) {
      var v = a[id];
      if (v.choice !== undefined) out[id] = v.other ? { value: v.choice, other: v.other } : v.choice;
      else if (v.choices) out[id] = v.other ? { values: v.choices, other: v.other } : v.choices;
      else if (v.number !== undefined) out[id] = v.number;
      else if (v.matrix) out[id] = v.matrix;
      else out[id] = v.text;
    });
    return out;
  }

  // ---- random order (survey/randomize.go) ----
  // The bundle's pages are in the written order (pinned items and "other"
  // last). The phone shuffles what is randomised once per response, keeps
  // the order in the draft (the same on Back), reads the order of pages the
  // server showed, and sends it all with the response, so the stored order
  // is the one on screen.

  function shuffled(a) {
    a = a.slice();
    for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  }
  // items are the elements of q's randomised items in fs, with their keys.
  function items(fs, q) {
    var els = [], key;
    if (q.type === "matrix") {
      els = fs.querySelectorAll("fieldset.mrow");
      key = function (e) { var i = e.querySelector("input"); return i ? i.name.slice(q.id.length + 3) : ""; };
    } else if (q.type === "dropdown") {
      els = fs.querySelectorAll("option");
      key = function (e) { return e.value; };
    } else {
      els = fs.querySelectorAll("label.opt");
      key = function (e) { var i = e.querySelector("input"); return i ? i.value : ""; };
    }
    els = Array.prototype.filter.call(els, function (e) { var k = key(e); return k && k !== "other"; });
    return { els: els, key: key, other: !!fs.querySelector('[value="other"]') };
  }
  // reorder puts els back where they were, in the order of keys.
  function reorder(els, key, keys) {
    if (els.length < 2) return;
    var parent = els[0].parentNode, marker = els[els.length - 1].nextSibling, by = {};
    els.forEach(function (e) { by[key(e)] = e; });
    keys.forEach(function (k) { if (by[k]) parent.insertBefore(by[k], marker); });
  }
  // complete is what was shown, then any item not on screen (a question
  // hidden by show_if): the API wants every item of a key.
  function complete(shown, all) {
    return shown.concat(all.filter(function (k) { return shown.indexOf(k) < 0; }));
  }
  function pageKey(pi) { return "pages[" + pi + "]"; }
  // arrange orders page pi's questions and items in box: as the draft
  // says, or shuffled now (box holds the bundle's page), or as the server
  // showed them (record: box is the page on screen).
  function arrange(pi, box, record) {
    var page = bundle.pages[pi], order = draft.order = draft.order || {};
    page.questions.forEach(function (q) {
      var fs = q.randomize && box.querySelector("#q-" + q.id);
      if (!fs) return;
      var it = items(fs, q), keys = it.els.map(it.key), pinned = q.pinned || [];
      if (record || !order[q.id]) {
        var shown = record ? keys : shuffled(keys.filter(function (k) { return pinned.indexOf(k) < 0; }))
          .concat(keys.filter(function (k) { return pinned.indexOf(k) >= 0; }));
        order[q.id] = it.other ? shown.concat(["other"]) : shown;
      }
      reorder(it.els, it.key, order[q.id]);
    });
    if (!page.randomize) return;
    var ids = page.questions.map(function (q) { return q.id; });
    var fss = Array.prototype.filter.call(box.querySelectorAll("fieldset.q"), function (e) { return ids.indexOf(e.id.slice(2)) >= 0; });
    var idOf = function (e) { return e.id.slice(2); };
    if (record || !order[pageKey(pi)]) order[pageKey(pi)] = complete(record ? fss.map(idOf) : shuffled(ids), ids);
    reorder(fss, idOf, order[pageKey(pi)]);
  }

  // ---- the page on screen ----

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function notice() {
    var n = document.getElementById("offline-status");
    if (!n) {
      n = el("div", "offline-status");
      n.id = "offline-status";
      n.setAttribute("role", "status");
      var main = document.getElementById("main") || document.body;
      main.insertBefore(n, main.firstChild);
    }
    return n;
  }
  function showNotice(lines) {
    var n = notice();
    n.textContent = "";
    lines.forEach(function (l) { if (l) n.appendChild(el("p", "", l)); });
    n.classList.toggle("hidden", !lines.some(Boolean));
  }

  // showPage puts page pi of the bundle on screen with the draft's answers
  // and the problems found (questionID -> message).
  function showPage(pi, errs) {
    errs = errs || {};
    draft.page = pi;
    saveDraft();
    var a = answers(), nav = form.querySelector(".nav");
    form.querySelectorAll("fieldset.q, h2.page-title").forEach(function (e) { if (e.parentNode === form) e.remove(); });
    document.querySelectorAll("#main > .alert, .resume").forEach(function (e) { e.remove(); });
    var tmp = document.createElement("div");
    tmp.innerHTML = bundle.pages[pi].html; // rendered and escaped by the server's templates
    arrange(pi, tmp, false);
    saveDraft(); // the order, kept for Back and a reload
    while (tmp.firstChild) form.insertBefore(tmp.firstChild, nav);
    bundle.pages[pi].questions.forEach(function (q) {
      if (q.show_if && pageOf(q.show_if.question) !== pi && !visible(q, a)) {
        var fs = document.getElementById("q-" + q.id);
        if (fs) fs.remove();
      }
    });
    form.querySelectorAll('[name^="q."]').forEach(function (input) {
      var vals = draft.fields[input.name] || [];
      if (input.type === "radio" || input.type === "checkbox") input.checked = vals.indexOf(input.value) >= 0;
      else input.value = vals[0] || "";
    });
    Object.keys(errs).forEach(function (id) {
      var fs = document.getElementById("q-" + id);
      if (!fs) return;
      fs.classList.add("invalid");
      var p = el("p", "error", errs[id]);
      p.id = "e-" + id;
      var after = fs.querySelector(".help") || fs.querySelector("legend");
      after.parentNode.insertBefore(p, after.nextSibling);
      fs.setAttribute("aria-describedby", p.id);
    });
    if (Object.keys(errs).length) {
      var alert = el("div", "alert");
      alert.setAttribute("role", "alert");
      alert.appendChild(el("p", "", msg("fix_errors")));
      form.parentNode.insertBefore(alert, form);
    }
    field("page").value = pi;
    var last = nextPage(pi, a) < 0, first = prevPage(pi, a) < 0;
    form.querySelector("button.primary").textContent = msg(last ? "submit" : "next");
    var back = form.querySelector('button[value="back"]');
    if (!first && !back) {
      back = el("button", "secondary", msg("back"));
      back.type = "submit"; back.name = "nav"; back.value = "back"; back.formNoValidate = true;
      nav.appendChild(back);
    } else if (first && back) back.remove();
    var pos = position(pi, a), step = document.querySelector(".step");
    if (step) {
      var bar = step.querySelector("progress");
      step.firstChild.textContent = msg("page_of", pos[0], pos[1]) + "\n";
      if (bar) { bar.max = pos[1]; bar.value = pos[0] - 1; }
    }
    var desc = document.querySelector(".survey-head .desc");
    if (desc) desc.classList.toggle("hidden", !first);
    form.dispatchEvent(new Event("change")); // survey.js: same-page show_if, "please specify"
    var bad = form.querySelector(".invalid input, .invalid select, .invalid textarea");
    if (bad) bad.focus(); else window.scrollTo(0, 0);
  }

  // goOffline makes this script answer the survey from here on.
  function goOffline() {
    if (offline) return;
    offline = true;
    draft.offline = true;
    saveDraft();
    form.querySelectorAll('input[name="rid"]').forEach(function (e) { e.remove(); });
    document.querySelectorAll(".resume").forEach(function (e) { e.remove(); });
    status();
  }

  // step handles a posted page offline: back, the next page, or the end.
  function step(pi, nav) {
    var a = answers();
    if (nav === "back") { showPage(Math.max(prevPage(pi, a), 0)); return; }
    var p = problems(pi);
    if (Object.keys(p.byID).length) { showPage(pi, p.byID); return; }
    var next = nextPage(pi, a);
    if (next >= 0) { showPage(next); return; }
    p = problems(-1); // the last page: the whole response must hold
    if (p.page >= 0) { showPage(p.page, problems(p.page).byID); return; }
    finish();
  }

  function finish() {
    var rec = {
      client_id: draft.id, slug: slug, url: bundle.submit, touchpoint: draft.tp || "",
      language: bundle.lang || root.lang, answers: apiAnswers(), queued_at: Date.now(), attempts: 0, next_try: 0
    };
    if (draft.order && Object.keys(draft.order).length) rec.order = draft.order;
    var done = draft.id;
    queue("readwrite", function (st) { st.put(rec); }).then(function () {
      draft = null;
      saveDraft();
      showSaved(done);
      drain(true);
    }, function () {
      showNotice([msg("offline_notice")]); // IndexedDB refused: keep the draft, nothing is lost
    });
  }

  function showSaved(id) {
    lastSent = id;
    var main = document.getElementById("main"), h1 = main.querySelector("h1");
    var title = h1 ? h1.textContent : "";
    main.textContent = "";
    var head = el("header", "survey-head");
    head.appendChild(el("h1", "", title));
    main.appendChild(head);
    var box = el("div", "offline-done");
    box.id = "offline-done";
    box.setAttribute("role", "status");
    box.appendChild(el("h2", "", msg("thanks_title")));
    box.appendChild(el("p", "saved", msg("offline_saved")));
    var again = el("a", "again", msg("offline_new"));
    again.href = "/s/" + slug + (draftTP ? "?tp=" + encodeURIComponent(draftTP) : "");
    box.appendChild(el("p")).appendChild(again);
    main.appendChild(box);
    status();
  }
  var draftTP = "";

  function onSubmit(e) {
    var nav = e.submitter && e.submitter.value === "back" ? "back" : "next";
    var pi = parseInt(field("page").value, 10) || 0;
    if (!bundle) return; // nothing to answer offline with: the server decides
    if (!offline && navigator.onLine) {
      // Online: the server takes the post. Remember the page in case the
      // post never arrives (the service worker then serves the cached page
      // with data-offline, and start() carries on from draft.pending).
      readForm(pi);
      arrange(pi, form, true); // the order the server showed
      draft.pending = { page: pi, nav: nav, at: Date.now(), last: nav === "next" && nextPage(pi, answers()) < 0 };
      saveDraft();
      return;
    }
    e.preventDefault();
    if (!offline) arrange(pi, form, true); // the server's page is on screen: keep its order
    goOffline();
    readForm(pi);
    step(pi, nav);
  }

  // ---- the queue: IndexedDB "safar", stores "queue" and "rejected" ----

  var dbp = null;
  function db() {
    if (!dbp) {
      dbp = new Promise(function (ok, fail) {
        var r = indexedDB.open("safar", 1);
        r.onupgradeneeded = function () {
          r.result.createObjectStore("queue", { keyPath: "client_id" });
          r.result.createObjectStore("rejected", { keyPath: "client_id" });
        };
        r.onsuccess = function () { ok(r.result); };
        r.onerror = function () { fail(r.error); };
      });
    }
    return dbp;
  }
  function tx(store, mode, fn) {
    return db().then(function (d) {
      return new Promise(function (ok, fail) {
        var t = d.transaction(store, mode), out;
        out = fn(t.objectStore(store));
        t.oncomplete = function () { ok(out && "result" in out ? out.result : undefined); };
        t.onerror = t.onabort = function () { fail(t.error); };
      });
    });
  }
  function queue(mode, fn) { return tx("queue", mode, fn); }
  function queued() { return queue("readonly", function (st) { return st.getAll(); }); }

  // hold pauses the whole queue after a failure: a server that answers
  // 429 or 503 gets no other response from this phone before then.
  var draining = false, timer = 0, hold = { until: 0, why: "" };
  // drain sends what is due, one response at a time; force also sends
  // those waiting after a network error (the "online" event).
  function drain(force) {
    if (draining) return Promise.resolve();
    draining = true;
    var run = function () { return queued().then(function (recs) { return sendAll(recs, force); }); };
    var locked = navigator.locks ? navigator.locks.request("safar-queue", { ifAvailable: true }, function (lock) {
      return lock ? run() : null; // another tab is sending
    }) : run();
    return locked.catch(function () {}).then(function () {
      draining = false;
      status();
      schedule();
    });
  }
  function sendAll(recs, force) {
    if (Date.now() < hold.until && !(force && hold.why === "network")) return null;
    recs.sort(function (a, b) { return a.queued_at - b.queued_at; });
    var i = 0;
    function next() {
      while (i < recs.length && recs[i].next_try > Date.now() && !(force && recs[i].last === "network")) i++;
      if (i >= recs.length) return null;
      var r = recs[i++];
      return send(r).then(function (ok) {
        if (!ok) return null; // the server asked to wait, or the network is gone
        status();
        return new Promise(function (res) { setTimeout(res, GAP); }).then(next);
      });
    }
    return next();
  }
  function body(r) {
    var b = { client_id: r.client_id, touchpoint: r.touchpoint, answers: r.answers, source: "offline" };
    if (r.language) b.language = r.language; // older queued items have none: the default
    if (r.order) b.order = r.order;
    return JSON.stringify(b);
  }
  // send posts one response; it resolves true when the queue may go on.
  function send(r) {
    return fetch(r.url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: body(r),
      credentials: "omit", cache: "no-store"
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = {};
        try { data = JSON.parse(text) || {}; } catch (e) { /* not JSON: judged by the status alone */ }
        if (data.status === "quota_full" || data.error === "quota_full") return reject(r, res.status, "quota_full");
        if (res.ok) return remove(r, "sent");
        if (res.status === 422 && ((r.order && /"order/.test(text)) || (r.language && /"language/.test(text)))) {
          // The survey was edited since (it no longer randomises what the
          // phone showed, or dropped the language): the answers matter
          // more, so they go again without the order and the language.
          delete r.order; delete r.language;
          return queue("readwrite", function (st) { st.put(r); }).then(function () { return true; });
        }
        if (res.status === 429 || res.status === 408 || res.status >= 500) {
          return retry(r, "server", parseFloat(res.headers.get("Retry-After")) || 0).then(function () { return false; });
        }
        return reject(r, res.status, data.error || res.statusText);
      });
    }, function () {
      return retry(r, "network", 0).then(function () { return false; });
    });
  }
  function remove(r, outcome) {
    return queue("readwrite", function (st) { st.delete(r.client_id); }).then(function () {
      if (r.client_id === lastSent) settled(outcome);
      return true;
    });
  }
  function reject(r, code, reason) {
    r.rejected_at = Date.now(); r.http_status = code; r.reason = String(reason).slice(0, 500);
    return tx("rejected", "readwrite", function (st) { st.put(r); }).then(function () {
      return remove(r, reason === "quota_full" ? "quota_full" : "rejected");
    });
  }
  function retry(r, why, retryAfter) {
    r.attempts = (r.attempts || 0) + 1;
    r.last = why;
    var wait = Math.min(2000 * Math.pow(2, r.attempts - 1), MAX_BACKOFF) * (0.75 + Math.random() * 0.5);
    r.next_try = Date.now() + Math.max(wait, retryAfter * 1000);
    hold = { until: r.next_try, why: why };
    return queue("readwrite", function (st) { st.put(r); });
  }
  function schedule() {
    clearTimeout(timer);
    queued().then(function (recs) {
      if (!recs.length) return;
      var due = Math.max(hold.until, Math.min.apply(null, recs.map(function (r) { return r.next_try || 0; })));
      timer = setTimeout(function () { drain(false); }, Math.max(due - Date.now(), 1000));
    }, function () {});
  }
  // settled tells the respondent still on the "saved" screen what became
  // of their response.
  function settled(outcome) {
    var box = document.getElementById("offline-done");
    if (!box) return;
    var p = box.querySelector(".saved");
    p.textContent = msg(outcome === "sent" ? "offline_sent" : outcome === "quota_full" ? "offline_quota_full" : "offline_rejected");
    box.classList.add(outcome);
  }
  // status shows how many responses wait on this phone.
  function status() {
    if (!bundle) return;
    queued().then(function (recs) {
      var lines = [];
      if (offline && !document.getElementById("offline-done")) lines.push(msg("offline_notice"));
      if (recs.length) lines.push(msg("offline_queued").replace("{n}", digits(String(recs.length))));
      showNotice(lines);
    }, function () {});
  }

  // ---- start ----

  var fresh = false; // the bundle changed since it was cached: cache the first page again
  function loadBundle() {
    return fetch(BUNDLE, { credentials: "omit" }).then(function (res) {
      if (!res.ok) throw new Error("bundle " + res.status);
      var copy = res.clone();
      return res.json().then(function (b) {
        if (shellMode || offline) return b;
        return caches.open(CACHE).then(function (c) {
          return c.match(BUNDLE).then(function (old) {
            fresh = !old || old.headers.get("ETag") !== copy.headers.get("ETag");
            return c.put(BUNDLE, copy);
          });
        }).catch(function () {}).then(function () { return b; });
      });
    }).catch(function () {
      return caches.open(CACHE).then(function (c) { return c.match(BUNDLE); }).then(function (hit) {
        return hit ? hit.json() : null;
      });
    });
  }
  // precache keeps what this survey needs offline: its first page
  // (without cookies, so it holds nobody's client id) and the assets of
  // this page; older assets go.
  // One request at a time: on a slow network the respondent's next page
  // must not wait behind these.
  function precache() {
    var assets = [];
    document.querySelectorAll('link[rel="stylesheet"][href^="/static/"], script[src^="/static/"]').forEach(function (e) {
      assets.push(e.getAttribute("href") || e.getAttribute("src"));
    });
    return caches.open(CACHE).then(function (c) {
      var put = function (u) {
        return function () {
          return fetch(u, { credentials: "omit" }).then(function (res) { if (res.ok) return c.put(u, res); });
        };
      };
      var chain = c.match(SHELL).then(function (hit) { if (!hit || fresh) return put(SHELL)(); });
      assets.forEach(function (u) {
        chain = chain.then(function () { return c.match(u); }).then(function (hit) { if (!hit) return put(u)(); });
      });
      return chain.then(function () { return c.keys(); }).then(function (keys) {
        return Promise.all(keys.map(function (k) {
          var p = new URL(k.url).pathname;
          if (p.indexOf("/static/") === 0 && assets.indexOf(p) < 0) return c.delete(k);
        }));
      });
    }).catch(function () {});
  }

  function start() {
    var rid = field("rid"), pi = parseInt(field("page").value, 10) || 0;
    if (shellMode || (draft && draft.offline)) {
      // Served from the cache, or an offline response in progress: the
      // draft is the truth until its response is queued.
      var stale = draft && !draft.offline && draft.pending && draft.pending.last && Date.now() - draft.pending.at >= 120000;
      if (!draft || stale) draft = { id: uuid(), tp: tpFromURL(), page: pi, fields: {} }; // stale: most likely finished online
      draft.lang = bundle.lang;
      root.lang = bundle.lang; root.dir = bundle.dir; // the cached first page is in the default language
      draftTP = draft.tp;
      goOffline();
      var pending = draft.pending;
      draft.pending = null;
      // A post that failed a moment ago; an old one may have arrived
      // (the thanks page does not clear the draft).
      if (pending && Date.now() - pending.at < 120000) step(pending.page, pending.nav);
      else showPage(Math.min(draft.page || 0, bundle.pages.length - 1));
      return;
    }
    // A page from the server: it decides. A first page (no rid) starts a
    // fresh client id, which the post carries so both sides share it.
    var id = rid ? rid.value : uuid();
    if (!draft || draft.id !== id) draft = { id: id, fields: {} };
    draft.tp = field("tp") ? field("tp").value : "";
    draft.lang = bundle.lang;
    draft.page = pi;
    draft.pending = null;
    draft.offline = false;
    draftTP = draft.tp;
    if (!rid) {
      rid = document.createElement("input");
      rid.type = "hidden"; rid.name = "rid"; rid.value = id;
      form.insertBefore(rid, form.firstChild);
    }
    saveDraft();
  }

  form.addEventListener("submit", onSubmit);
  window.addEventListener("online", function () { drain(true); });
  function boot() {
    loadBundle().then(function (b) {
      if (!b || !b.pages || b.slug !== slug) return;
      bundle = b;
      start();
      status();
      drain(false);
      if (!shellMode && !offline) {
        navigator.serviceWorker.register("/s/sw.js", { scope: "/s/" }).catch(function () {});
        precache();
      }
    });
  }
  // survey.js loads this script after the page's load event.
  boot();
})();
