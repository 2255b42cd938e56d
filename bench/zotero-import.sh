#!/bin/bash
# Ask Zotero's translation-server to import pages of a built site, with loopback only.
#
#   bench/zotero-import.sh ZOTERO_DIR SITE_DIR OUT_DIR publikationen/<key>/ …
#
# ZOTERO_DIR holds translation-server/ set up as /work/shared/testing/zotero.md describes
# (translators, translate, utilities, zotero-schema at the commits listed there; npm install).
# Inside `unshare -n` nothing can leave the machine: the site is served on 127.0.0.1:8000 and
# the server listens on 127.0.0.1:1969. One JSON answer per page goes to OUT_DIR.
set -eu
ZOTERO=$1; SITE=$2; OUT=$3; shift 3
mkdir -p "$OUT"
exec unshare -n bash -s "$ZOTERO" "$SITE" "$OUT" "$@" <<'INNER'
ZOTERO=$1; SITE=$2; OUT=$3; shift 3
ip link set lo up
python3 -m http.server 8000 --bind 127.0.0.1 -d "$SITE" >/dev/null 2>&1 &
HTTP=$!
(cd "$ZOTERO/translation-server" && exec node src/server.js) > "$OUT/server.log" 2>&1 &
NODE=$!
for _ in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:1969/ && break; sleep 1; done
for page in "$@"; do
  curl -s -H 'Content-Type: text/plain' --data "http://127.0.0.1:8000/$page" http://127.0.0.1:1969/web \
    > "$OUT/$(echo "$page" | tr '/' '_').json"
done
kill $NODE $HTTP
INNER
