#!/usr/bin/env bash
# Trunk post-build hook, in the staging dir:
# 1. widget.html: the page again (without the prerendered masthead), for the embeddable widget, which alone may be framed by other
#    sites (its Content-Security-Policy header says `frame-ancestors *`; the app's says 'self').
# 2. _headers: the Content-Security-Policy (index.html's <meta>, which cannot hold
#    frame-ancestors) and other headers per page, for static hosts that read a _headers file
#    (Netlify, Cloudflare Pages) and for the test server (tests/e2e/harness.mjs).
# 3. sw.js: the service worker's placeholders filled with the build's files (the precache list)
#    and a version made from their contents. Last, so it lists the files above.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
cd "$dir"

# The widget has its own compact header: no prerendered masthead (the lines between the
# `id="prerender"` header's opening and closing tags).
sed '/<header class="masthead" id="prerender">/,/<\/header>/d' index.html > widget.html
csp=$(tr '\n' ' ' < index.html | grep -o 'http-equiv="Content-Security-Policy"[[:space:]]*content="[^"]*"' | sed 's/.*content="//; s/"$//' || true)
if [ -z "$csp" ]; then
  echo "post-build: index.html has no Content-Security-Policy <meta>" >&2
  exit 1
fi
common="  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer"
{
  for page in / /index.html; do
    printf '%s\n  Content-Security-Policy: %s; frame-ancestors '"'self'"'\n%s\n' "$page" "$csp" "$common"
  done
  printf '/widget.html\n  Content-Security-Policy: %s; frame-ancestors *\n%s\n' "$csp" "$common"
  # The demo page: its own scripts, and the widget framed from this same site.
  printf '/embed.html\n  Content-Security-Policy: %s\n%s\n' \
    "default-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'" \
    "$common"
} > _headers
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  files=$(find . -type f ! -name sw.js ! -name _headers | sed 's|^\./||' | LC_ALL=C sort)
  version=$(printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
  list=$(printf '"./%s",' $files)
  list="[\"./\",${list%,}]"
else
  # `trunk serve` (development): cache nothing, so every rebuild shows at once.
  version="dev"
  list="[]"
fi
tmp=$(mktemp)
sed -e "s|__HASHPIVOT_VERSION__|${version}|" -e "s|__HASHPIVOT_PRECACHE__|${list}|" sw.js > "$tmp"
mv "$tmp" sw.js
