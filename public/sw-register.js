// Registers the service worker and shows a quiet notice when a new version is ready.
// Not in the embeddable widget (`embed=1`), which must not use storage.
(() => {
  if (!("serviceWorker" in navigator)) return;
  if (new URLSearchParams(location.search).get("embed") === "1" || location.pathname.endsWith("/widget.html")) return;
  const notice = () => document.getElementById("update-notice");
  const offer = (worker) => {
    const el = notice();
    if (!el) return;
    el.hidden = false;
    el.querySelector("button").onclick = () => worker.postMessage("hashpivot:activate");
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only after the user asked: the first install also takes control, quietly.
    if (reloading || !window.__hashpivotUpdateAsked) return;
    reloading = true;
    location.reload();
  });
  // public/boot.js loads this script after the app has started, often after `load`.
  const register = () => {
    navigator.serviceWorker.register("sw.js").then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const worker = reg.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
        });
      });
    }, () => {});
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
  document.addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest("#update-notice button")) {
      window.__hashpivotUpdateAsked = true;
    }
  }, true);
})();
