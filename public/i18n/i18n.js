// The page in another language than English (see src/i18n.rs): loaded by public/lang.js
// as <script data-code="it">; the app mounts when this calls start_in. Fetches the catalogue,
// translates every text node and label attribute whose whole text is an English key (and the
// model's messages, by their shape), now and as the app inserts or changes them, sets
// <html lang dir>, then hands the catalogue to the app, which installs it and mounts. If the
// catalogue cannot be fetched, the app mounts in English.
(() => {
  const D = document, H = D.documentElement, code = D.currentScript.dataset.code;
  const A = ["aria-label", "label", "title", "alt", "placeholder", "content",
    // The export script's messages (public/exchange.js).
    "data-msg-preparing", "data-msg-saved", "data-msg-imported", "data-msg-refused", "data-msg-unreadable", "data-msg-failed"];
  // public/boot.js sets wasmBindings just before it dispatches TrunkApplicationStarted.
  const ready = window.wasmBindings ? Promise.resolve() : new Promise((ok) => addEventListener("TrunkApplicationStarted", ok));
  const start = (c, text) => ready.then(() => {
    // Kept for the export worker's charts (public/exchange.js): the words as the app has them.
    window.hashpivotWords = { code: c, text };
    wasmBindings.start_in(c + "\n" + text);
    D.getElementById("lang").value = c;
  });
  fetch("i18n/" + code + ".txt").then((r) => (r.ok ? r.text() : Promise.reject(r.status))).then((text) => {
    const map = new Map(text.split("\n").map((l) => l.split("\t")));
    const tr = (k) => map.get(k) || k;
    const fill = (t, a) => t.replace(/\{(\w+)\}/g, (m, k) => a[k] ?? m);
    // The model's messages: `Label (field): "value" is not allowed; expected <allowed>`; the
    // label and <allowed> are translated, the field's key and the value stay.
    const message = (s) => {
      const m = /^(.+?) \((.+?)\): "(.*?)" is not allowed; expected (.+)$/s.exec(s);
      return m && fill(tr('{label} ({field}): "{value}" is not allowed; expected {allowed}'),
        { label: tr(m[1]), field: m[2], value: m[3], allowed: allowed(m[4]) });
    };
    // <allowed> is looked up with its numbers as {a}, {b}... (`a number from {a} to {b}`), a
    // unit after them in a {unit} slot; or a known beginning before a list of keys or ids, a
    // nested message, or a parser's own words, which stay.
    const allowed = (s) => {
      const a = {};
      let n = 0;
      const t = s.replace(/(?:(?<![^ ])\u200e?-)?\d(?:[\d.,]*\d)?/g, (x) => "{" + (a["abcdef"[n]] = x, "abcdef"[n++]) + "}");
      const cut = t.lastIndexOf("}") + 1, u = t.slice(0, cut) + " {unit}", unit = t.slice(cut).trim();
      const list = s.match(/^one of (.*)/s), join = s.match(/^(.+?)(: | \()(.*)$/s);
      return map.has(t) ? fill(map.get(t), a)
        : unit && map.has(u) ? fill(map.get(u), { ...a, unit: tr(unit) })
        : list ? fill(tr("one of {list}"), { list: list[1] })
        : join && map.has(join[1]) ? map.get(join[1]) + join[2] + (message(join[3]) || join[3])
        : s;
    };
    const one = (n) => {
      if (n.nodeType == 3) {
        const k = n.data.trim(), v = map.get(k) || message(k);
        if (v && v != k) n.data = n.data.replace(k, v);
      } else if (n.nodeType == 1) {
        for (const a of A) {
          const k = n.getAttribute(a)?.trim(), v = k && map.get(k);
          if (v && v != k) n.setAttribute(a, v);
        }
      }
    };
    const walk = (root) => {
      one(root);
      for (const w = D.createTreeWalker(root, 5); w.nextNode(); ) one(w.currentNode);
    };
    walk(H);
    new MutationObserver((rs) => rs.forEach((r) => (r.type == "childList" ? r.addedNodes.forEach(walk) : one(r.target))))
      .observe(H, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: A });
    H.lang = code;
    H.dir = code == "ar" ? "rtl" : "ltr";
    // The app draws Arabic words on left-to-right canvases: each is isolated as a right-to-left run.
    start(code, code == "ar" ? text.replace(/\t(.*)/g, "\t\u2067$1\u2069") : text);
  }, (e) => {
    console.warn("Hashpivot: no " + code + " catalogue (" + e + "); showing English");
    start("en", "");
  });
})();
