// Starts the app. Trunk writes this tag in place of its usual inline script (Trunk.toml's
// `pattern_script`), with the hashed file names in data attributes, so the page needs no inline
// script and its Content-Security-Policy can forbid them all.
const tag = document.querySelector("script[data-hashpivot-js]");
const { default: init } = await import(tag.dataset.hashpivotJs);
await init({ module_or_path: tag.dataset.hashpivotWasm });
