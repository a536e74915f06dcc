// Newsstand on this device (docs/offline.md): registers the service worker, tells it whose page this is
// (so it keeps saved articles only for that account), clears what it keeps before signing out, and on the
// offline page lists what is still readable. No inline scripts: the CSP forbids them.
'use strict';
(function () {
  const PERSONAL_CACHE = 'newsstand-personal';
  const SAVED_LIST = '/offline/saved';

  function device() {
    const meta = document.querySelector('meta[name="newsstand-device"]');
    return meta ? meta.content : '';
  }

  function forgetOnSignOut() {
    document.querySelectorAll('form[action="/signout"]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (form.dataset.cleared === 'yes') {
          return;
        }
        event.preventDefault();
        const worker = ('serviceWorker' in navigator) ? navigator.serviceWorker.controller : null;
        if (worker) {
          worker.postMessage({ type: 'signout' });
        }
        const clear = ('caches' in window) ? caches.delete(PERSONAL_CACHE) : Promise.resolve();
        const submit = function () {
          form.dataset.cleared = 'yes';
          form.submit();
        };
        // The server's Clear-Site-Data header clears the rest; never hold the reader up for long.
        Promise.race([clear, new Promise(function (resolve) { setTimeout(resolve, 1500); })]).then(submit, submit);
      });
    });
  }

  function item(list, href, text) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    li.appendChild(a);
    list.appendChild(li);
  }

  async function showAvailable() {
    const list = document.getElementById('offline-list');
    if (!list || !('caches' in window) || !(await caches.has(PERSONAL_CACHE))) {
      return;
    }
    const cache = await caches.open(PERSONAL_CACHE);
    if (await cache.match('/')) {
      item(list, '/', 'The front page, as you last opened it');
    }
    const saved = await cache.match(SAVED_LIST);
    const articles = saved ? (await saved.json()).articles : [];
    for (const article of articles) {
      if (await cache.match(article.url)) {
        item(list, article.url, article.title + ' (saved)');
      }
    }
    if (list.children.length > 0) {
      document.getElementById('offline-nothing').textContent = 'These pages open without a connection:';
    }
  }

  forgetOnSignOut();
  if (!('serviceWorker' in navigator)) {
    return;
  }
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function (error) {
    console.warn('Newsstand works without offline reading here:', error);
  });
  navigator.serviceWorker.ready.then(function (registration) {
    // The offline page comes from the device, as it was stored for nobody in particular: it must not
    // tell the worker whose device this is, or a member offline would lose their saved articles.
    if (registration.active && !document.getElementById('offline-list')) {
      registration.active.postMessage({ type: 'page', device: device(), path: location.pathname });
    }
  });
  showAvailable();
})();
