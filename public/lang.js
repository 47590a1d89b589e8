// The page's language and its switch (see src/i18n.rs). Deferred and before public/boot.js (a
// module, so deferred too), it runs first without holding up the first paint. English starts
// the app as soon as the wasm is in; another language first loads i18n/i18n.js, which fetches
// the catalogue and then starts the app.
(() => {
  const Q = URLSearchParams, pick = (t) => ({ en: "en", it: "it", ar: "ar", zh: "zh-CN" })[String(t).split(/[-_]/)[0].toLowerCase()];
  addEventListener("change", (e) => {
    if (e.target.id != "lang") return;
    // The app writes its link at once (src/share_link.rs), so the reload keeps every input.
    dispatchEvent(new Event("hashpivot:flush"));
    const q = new Q(location.search);
    q.set("lang", e.target.value);
    location.search = q;
  });
  const code = pick(new Q(location.search).get("lang")) || (navigator.languages || []).map(pick).find(Boolean);
  if (!code || code == "en") return addEventListener("TrunkApplicationStarted", () => wasmBindings.start_in("en"));
  const s = document.createElement("script");
  s.src = "i18n/i18n.js";
  s.dataset.code = code;
  document.head.append(s);
})();
