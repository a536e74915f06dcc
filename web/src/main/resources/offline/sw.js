// Newsstand's service worker (docs/offline.md). OfflineController serves it at /sw.js and fills in SHELL (the
// fingerprinted site shell) and VERSION, so a new stylesheet or script installs a new worker.
//
// What it keeps: the shell and the offline page (the same for everyone); the last front page and the
// signed-in member's saved articles (in PERSONAL_CACHE, for the one account named in STATE_CACHE). It never
// keeps API answers, other pages, or anything across a change of account: a page of another account, or an
// anonymous page, empties PERSONAL_CACHE first; sign-out empties it too (and the server's Clear-Site-Data).
'use strict';
const VERSION = '__VERSION__';
const SHELL = '__SHELL__';
const SHELL_CACHE = 'newsstand-shell-' + VERSION;
const PERSONAL_CACHE = 'newsstand-personal';
const STATE_CACHE = 'newsstand-state';
const SAVED_LIST = '/offline/saved';
const SYNC_EVERY_MS = 60 * 1000;
let lastSync = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('newsstand-shell-') && name !== SHELL_CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, request, url));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((hit) => hit || fetch(request)));
  }
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'page') {
    event.waitUntil(onPage(String(data.device || ''), String(data.path || '')));
  } else if (data.type === 'signout') {
    event.waitUntil(forget());
  }
});

// Pages come from the network; only when it fails does the device answer.
async function navigate(event, request, url) {
  try {
    const response = await fetch(request);
    if (url.pathname === '/' && response.status === 200) {
      event.waitUntil(keepFrontPage(response.clone()));
    }
    return response;
  } catch (offline) {
    return (await fromDevice(url)) || (await caches.match('/offline', { cacheName: SHELL_CACHE })) || Response.error();
  }
}

async function fromDevice(url) {
  if (!(await caches.has(PERSONAL_CACHE))) {
    return undefined;
  }
  const cache = await caches.open(PERSONAL_CACHE);
  if (url.pathname === '/') {
    return cache.match('/');
  }
  if (url.pathname.startsWith('/articles/')) {
    return cache.match(url.pathname);
  }
  return undefined;
}

async function keepFrontPage(response) {
  const html = await response.text();
  const match = html.match(/<meta name="newsstand-device" content="([0-9a-f]*)">/);
  const device = match ? match[1] : '';
  await ownedBy(device);
  const cache = await caches.open(PERSONAL_CACHE);
  await cache.put('/', new Response(html, { headers: { 'Content-Type': 'text/html;charset=UTF-8' } }));
}

async function owner() {
  const state = await caches.open(STATE_CACHE);
  const hit = await state.match('/owner');
  return hit ? hit.text() : '';
}

// Whatever another account (or nobody) left on the device goes before this account's pages are kept.
async function ownedBy(device) {
  if ((await owner()) !== device) {
    await caches.delete(PERSONAL_CACHE);
    const state = await caches.open(STATE_CACHE);
    await state.put('/owner', new Response(device));
    lastSync = 0;
  }
}

async function forget() {
  await caches.delete(PERSONAL_CACHE);
  const state = await caches.open(STATE_CACHE);
  await state.put('/owner', new Response(''));
  lastSync = 0;
}

async function onPage(device, path) {
  await ownedBy(device);
  const due = path.startsWith('/saved') || Date.now() - lastSync > SYNC_EVERY_MS;
  if (device && due) {
    lastSync = Date.now();
    await syncSaved(device);
  }
}

// The saved articles the member may read in full, fetched with their session; the server marks a page that
// carries the full text for this reader (Newsstand-Offline: full) and only such pages are kept.
async function syncSaved(device) {
  const response = await fetch(SAVED_LIST, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    return;
  }
  const list = await response.json();
  if (list.device !== device || (await owner()) !== device) {
    return;
  }
  const cache = await caches.open(PERSONAL_CACHE);
  const wanted = new Set(list.articles.map((article) => article.url));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/articles/') && !wanted.has(path)) {
      await cache.delete(request);
    }
  }
  for (const article of list.articles) {
    if (await cache.match(article.url)) {
      continue;
    }
    const page = await fetch(article.url, { credentials: 'same-origin', headers: { 'Newsstand-Offline': 'save' } });
    if (page.status === 200 && page.headers.get('Newsstand-Offline') === 'full' && (await owner()) === device) {
      await cache.put(article.url, page);
    }
  }
  if ((await owner()) === device) {
    await cache.put(SAVED_LIST, new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } }));
  }
}
