// Safar's service worker (docs/offline.md), served at /s/sw.js with scope
// /s/: it controls respondent pages only, never the researchers' (/app/).
//
// It caches nothing by itself from the network. static/offline.js puts
// three kinds of public, session-free things into the "safar-offline"
// cache while the phone is online: the content-hashed assets (/static/),
// each survey's first page (fetched without cookies) and its offline
// bundle (/s/SLUG/offline.json). When the network fails, this worker
// answers from there:
//   - /static/ files: from the cache first (their names change with their
//     content, so a cached copy is never stale);
//   - a survey page (/s/SLUG, its resume link, its thanks page, or the
//     form post): the network, and when that fails the cached first page
//     marked with data-offline, where offline.js takes over with the
//     bundle and the answers kept on the phone;
//   - the bundle: the network, then the cache.
// Anything else (the API, other origins) goes to the network untouched.
"use strict";

var CACHE = "safar-offline";
var SURVEY = /^\/s\/([a-z0-9][a-z0-9-]{0,62})(\/r\/[0-9a-fA-F-]{36}|\/thanks)?$/;
var BUNDLE = /^\/s\/[a-z0-9][a-z0-9-]{0,62}\/offline\.json$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) {
  // Navigation preload starts a page's request while the worker boots, so
  // the worker costs an online respondent no time.
  var preload = self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null;
  e.waitUntil(Promise.all([self.clients.claim(), preload]));
});

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "GET" && url.pathname.indexOf("/static/") === 0) {
    e.respondWith(caches.open(CACHE).then(function (c) {
      return c.match(req).then(function (hit) { return hit || fetch(req); });
    }));
    return;
  }
  if (req.method === "GET" && BUNDLE.test(url.pathname)) {
    e.respondWith(fetch(req).catch(function () {
      // One cached bundle per language (?lang=xx), else the default one.
      return caches.open(CACHE).then(function (c) {
        return c.match(url.pathname + url.search).then(function (hit) { return hit || c.match(url.pathname); });
      }).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  var m = SURVEY.exec(url.pathname);
  if (!m || req.mode !== "navigate") return;
  if (req.method !== "GET" && (req.method !== "POST" || m[2])) return;
  var net = req.method === "GET" ? Promise.resolve(e.preloadResponse).then(function (r) { return r || fetch(req); }) : fetch(req);
  e.respondWith(net.catch(function () { return shell(m[1]); }));
});

// shell is the cached first page of a survey, marked as served offline.
function shell(slug) {
  return caches.open(CACHE).then(function (c) { return c.match("/s/" + slug); }).then(function (hit) {
    if (!hit) return Response.error(); // never loaded online: nothing to show
    return hit.text().then(function (html) {
      var h = new Headers({ "Content-Type": "text/html; charset=utf-8" });
      ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"].forEach(function (k) {
        if (hit.headers.get(k)) h.set(k, hit.headers.get(k)); // the page's own security headers
      });
      return new Response(html.replace("<html ", '<html data-offline="" '), { status: 200, headers: h });
    });
  });
}
