// Exports and imports (the "Export and import" panel and each chart's SVG / PNG buttons).
//
// The work is done by the Web Worker in crates/worker (the model, compiled a second time), which
// this script starts the first time it is needed, so none of it weighs on the first load. The
// page's state is its share link: the app writes the address at once when it receives
// "hashpivot:flush", and loads the address again on "hashpivot:load" (src/share_link.rs).
// Every text shown here goes through textContent: nothing from a file reaches the DOM as markup.
(() => {
  let worker = null;
  let ready = null;
  let seq = 0;
  const pending = new Map();

  function start() {
    if (worker) return ready;
    // The page's catalogue as the app has it (i18n/i18n.js keeps it; none in English).
    const words = window.hashpivotWords;
    worker = new Worker("hashpivot-worker_loader.js");
    ready = new Promise((ok, fail) => {
      // A failure (the worker could not start, or stopped on an error) fails every waiting
      // request, and the next one starts a new worker.
      worker.onerror = (e) => {
        const error = new Error(e.message || "the export worker stopped");
        fail(error);
        for (const done of pending.values()) done("err", error.message);
        pending.clear();
        worker.terminate();
        worker = null;
      };
      worker.onmessage = (e) => {
        if (e.data === "ready") {
          // Posted before any request, so the worker has the words before the first chart.
          if (words && words.code !== "en") worker.postMessage(`0\nwords\n${words.code}\n${words.text}`);
          return ok();
        }
        const [id, status, ...rest] = String(e.data).split("\n");
        const done = pending.get(id);
        pending.delete(id);
        if (done) done(status, rest.join("\n"));
      };
    });
    return ready;
  }

  // Sends one request (see crates/worker/src/lib.rs); resolves to the body or rejects with the
  // worker's message.
  async function ask(op, args, payload) {
    await start();
    const id = String(++seq);
    return new Promise((ok, fail) => {
      pending.set(id, (status, body) => (status === "ok" ? ok(body) : fail(new Error(body))));
      worker.postMessage(`${id}\n${op}\n${args}\n${payload}`);
    });
  }

  function currentQuery() {
    window.dispatchEvent(new Event("hashpivot:flush"));
    return location.search.replace(/^\?/, "");
  }

  function save(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // Shows message `key` (a template on the status element, in the page's language) with its
  // {name} and {error} filled in.
  function say(key, fill, isError) {
    const el = document.querySelector("[data-testid=exchange-status]");
    if (!el) return;
    const template = el.dataset[key] ?? "";
    el.textContent = template.replace(/\{(name|error)\}/g, (_, k) => fill[k] ?? "");
    el.classList.toggle("error", Boolean(isError));
  }

  const TYPES = {
    csv: ["hashpivot-months.csv", "text/csv;charset=utf-8"],
    json: ["hashpivot-scenario.json", "application/json"],
  };

  async function exportFile(kind) {
    const [name, type] = TYPES[kind];
    say("msgPreparing", { name });
    const body = await ask(kind, "", currentQuery());
    save(name, new Blob([body], { type }));
    say("msgSaved", { name });
  }

  async function exportChart(button) {
    const figure = button.closest("[data-chart]");
    const chart = figure?.dataset.chart;
    const canvas = figure?.querySelector("canvas");
    if (!chart || !canvas) return;
    const name = `hashpivot-${chart}.${button.dataset.export}`;
    if (button.dataset.export === "png") {
      // The canvas already holds the chart at the device's pixel density.
      canvas.toBlob((blob) => blob && save(name, blob), "image/png");
      return;
    }
    const strategy = document.getElementById("tornado-strategy")?.value ?? "1";
    // As on screen: the switch's choice, or the system's when it follows the system.
    const chosen = document.documentElement.dataset.theme;
    const systemDark = matchMedia("(prefers-color-scheme: dark)").matches;
    const theme = chosen === "dark" || (chosen !== "light" && systemDark) ? "dark" : "light";
    const args = [chart, canvas.clientWidth, canvas.clientHeight, strategy, theme].join(" ");
    const body = await ask("svg", args, currentQuery());
    save(name, new Blob([body], { type: "image/svg+xml" }));
  }

  async function importFile(file) {
    if (!file) return;
    say("msgPreparing", { name: file.name });
    let text;
    try {
      text = await file.text();
    } catch {
      say("msgUnreadable", { name: file.name }, true);
      return;
    }
    try {
      const q = await ask("import", "", text);
      const keep = new URLSearchParams();
      const now = new URLSearchParams(location.search);
      for (const k of ["lang", "embed", "view", "controls"]) {
        if (now.has(k)) keep.set(k, now.get(k));
      }
      const rest = keep.toString();
      const search = [q, rest].filter(Boolean).join("&");
      history.replaceState(null, "", search ? "?" + search : location.pathname);
      window.dispatchEvent(new Event("hashpivot:load"));
      say("msgImported", { name: file.name });
    } catch (e) {
      say("msgRefused", { name: file.name, error: e.message }, true);
    }
  }

  document.addEventListener("click", (e) => {
    const button = e.target instanceof Element && e.target.closest("button[data-export]");
    if (!button) return;
    const kind = button.dataset.export;
    const job = kind in TYPES ? exportFile(kind) : exportChart(button);
    job.catch((err) => say("msgFailed", { error: err.message }, true));
  });

  document.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.matches("[data-testid=import-file]")) {
      importFile(e.target.files?.[0]);
      e.target.value = "";
    }
  });

  // A scenario file dropped anywhere on the page is imported (not in the embedded widget).
  if (!(new URLSearchParams(location.search).get("embed") === "1" || location.pathname.endsWith("/widget.html"))) {
    const isFile = (e) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    document.addEventListener("dragover", (e) => {
      if (!isFile(e)) return;
      e.preventDefault();
      document.documentElement.classList.add("dropping");
    });
    document.addEventListener("dragleave", (e) => {
      if (e.relatedTarget === null) document.documentElement.classList.remove("dropping");
    });
    document.addEventListener("drop", (e) => {
      if (!isFile(e)) return;
      e.preventDefault();
      document.documentElement.classList.remove("dropping");
      importFile(e.dataTransfer.files[0]);
    });
  }
})();
