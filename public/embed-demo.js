// The parent side of the live example on embed.html: size the iframe to the widget's height.
addEventListener("message", (e) => {
  const frame = document.getElementById("hashpivot");
  if (frame && e.source === frame.contentWindow && e.data?.type === "hashpivot:resize") {
    frame.style.height = `${e.data.height}px`;
  }
});
