/* The field kit's service worker: keeps the kit's page and files from the
   first visit, and the lists it needs offline (region keys, withdrawn
   passes, the heading policy, the signed-in coach's own teams and plan),
   fetched from the network whenever there is one. Nothing else is kept. */
"use strict";
const CONFIG = {{ config|safe }};
const CACHE = "coachready-field-" + CONFIG.version;

// The lists too, as far as they come: a list that fails now (no
// connection, too many requests) is kept the next time the page asks.
async function keepLists(cache) {
  await Promise.all(CONFIG.lists.filter((path) => !CONFIG.shell.includes(path)).map(async (path) => {
    try {
      const response = await fetch(path, {credentials: "same-origin"});
      if (response.ok) await cache.put(path, response);
    } catch (error) {
      // Offline: nothing to keep yet.
    }
  }));
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(CONFIG.shell).then(() => keepLists(cache)))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("coachready-field-") && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

async function networkFirst(request, path) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(path, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match(path);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request, path) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(path);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Kept under its path alone: the page's #anchors and ?query make no other page.
  if (CONFIG.lists.includes(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (CONFIG.shell.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname));
  }
});
