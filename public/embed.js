// The widget side of embedding (`?embed=1`): tell the parent page our height on every size
// change, so it can size the iframe. Height is not sensitive, so any parent may read it; the
// only message we answer is a size request from our own parent, and we ignore every other.
(() => {
  if (!(new URLSearchParams(location.search).get("embed") === "1" || location.pathname.endsWith("/widget.html")) || window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "hashpivot:resize", height }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.data?.type !== "hashpivot:request-size") return;
    last = -1;
    send();
  });
})();
