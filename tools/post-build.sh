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

# 0. The first load's scripts and page without their comments (they stay in the sources): the
#    release's first-load budget counts every byte (xtask/src/size.rs). Whole-line `//`
#    comments in the loaders, `<!-- ... -->` blocks in the page, and the glue's comments and
#    indentation (with its integrity hash updated).
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  for js in boot.js lang.js; do
    [ -f "$js" ] && sed -i '/^[[:space:]]*\/\//d' "$js"
  done
  perl -0pi -e 's/[ \t]*<!--.*?-->\n?//gs' index.html
  # wasm-bindgen's glue for the app (Trunk's JS minifier gives up on it): without its doc
  # comments, line comments and indentation; then its Subresource Integrity hash in the page.
  for js in hashpivot-app-*.js; do
    case "$js" in *_bg.js|*_loader.js) continue ;; esac
    old_sri=$(openssl dgst -sha384 -binary "$js" | openssl base64 -A)
    perl -0pi -e 's{[ \t]*/\*\*.*?\*/\n}{}gs; s{^[ \t]*//[^\n]*\n}{}gm; s{^[ \t]+}{}gm' "$js"
    new_sri=$(openssl dgst -sha384 -binary "$js" | openssl base64 -A)
    OLD="sha384-$old_sri" NEW="sha384-$new_sri" perl -pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/g' index.html
  done
fi

# The widget has its own compact header: no prerendered masthead (the lines between the
# `id="prerender"` header's opening and closing tags).
# (Release pages are minified, attribute quotes dropped and all on one line: matched as text.)
perl -0pe 's/<header[^>]*\bid="?prerender"?[^>]*>.*?<\/header>//s' index.html > widget.html
csp=$(perl -0ne 'while (/<meta\b([^>]*)>/g) { my $a = $1; print $1 if $a =~ /http-equiv="?Content-Security-Policy/ && $a =~ /\bcontent="([^"]*)"/ }' index.html | tr '\n' ' ' | sed 's/[[:space:]]\+/ /g; s/ $//')
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
