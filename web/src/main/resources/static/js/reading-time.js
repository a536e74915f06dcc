// Reading time for publisher payouts (docs/payouts.md): seconds the article page was visible,
// reported with navigator.sendBeacon when the page is hidden or left. The POST carries the
// page's CSRF token as a form field; the server adds the seconds only to a read the member
// opened in full, capped per article.
(() => {
  "use strict";
  const beacon = document.getElementById("reading-time");
  if (!beacon || !navigator.sendBeacon) {
    return;
  }
  let visibleSince = document.visibilityState === "visible" ? Date.now() : null;
  let seconds = 0;

  const report = () => {
    if (visibleSince !== null) {
      seconds += (Date.now() - visibleSince) / 1000;
      visibleSince = null;
    }
    const whole = Math.floor(seconds);
    if (whole < 1) {
      return;
    }
    const body = new URLSearchParams();
    body.set("seconds", String(whole));
    body.set(beacon.dataset.csrfName, beacon.dataset.csrfToken);
    if (navigator.sendBeacon(beacon.dataset.url, body)) {
      seconds -= whole;
    }
  };

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      visibleSince = Date.now();
    } else {
      report();
    }
  });
  window.addEventListener("pagehide", report);
})();
