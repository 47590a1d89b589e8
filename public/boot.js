// Starts the wasm. Trunk writes this tag in place of its usual inline script (Trunk.toml's
// `pattern_script`), with the hashed file names in data attributes, so the page needs no inline
// script and its Content-Security-Policy can forbid them all. As Trunk's own loader does, it
// then sets `window.wasmBindings` and fires `TrunkApplicationStarted`, on which public/lang.js
// (English) or public/i18n/i18n.js (another language) mounts the app through `start_in`.
const tag = document.querySelector("script[data-hashpivot-js]");
const bindings = await import(tag.dataset.hashpivotJs);
await bindings.default({ module_or_path: tag.dataset.hashpivotWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
// Then the scripts the first paint does not need: the service worker's registration, the
// widget's size messages and the export panel's buttons. Loaded after the app has mounted, they
// are not part of the first load (xtask/src/size.rs counts what index.html references).
for (const src of ["sw-register.js", "embed.js", "exchange.js"]) {
  const script = document.createElement("script");
  script.src = src;
  document.head.append(script);
}
