#!/usr/bin/env bash
# Trunk post-build hook: fills public/sw.js's placeholders in the staging dir with the build's
# files (the precache list) and a version made from their contents.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
cd "$dir"
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
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
