//! The worker's entry point in the browser: answers each message with
//! [`hashpivot_worker::handle`]. Trunk builds it (`data-type="worker"` in index.html) with a
//! loader shim, `hashpivot-worker_loader.js`, that `public/exchange.js` starts on first use.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(request) = e.data().as_string() {
            let reply = hashpivot_worker::handle(&request);
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler must too.
    on_message.forget();
    // Messages sent before the wasm started are lost, so the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Natively there is no worker scope: point to the library (and the CLI).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hashpivot-worker runs in the browser; natively, use hashpivot_worker::handle or the `hashpivot` CLI");
}
