#!/usr/bin/env bash
# Captures the CODITECT login theme (sign-in, TOTP setup, one-time code, registration and
# email verification pages) in headless Chromium and writes the PNGs to docs/screenshots/.
#
# Prerequisites
#   - A running CODITECT Keycloak with the coditect realm, e.g. `bin/run-keycloak.sh`
#     (default http://localhost:8080; it must answer on /realms/coditect).
#   - Its master-realm admin (default admin/admin): the script creates throwaway users
#     (shot-user, shot-reg-*) through the admin REST API and deletes them at the end.
#   - Debian's Chromium: `apt-get install -y chromium` (playwright-core cannot download a
#     browser on a closed network; the system one is used instead).
#   - Node.js 18+ and npm. playwright-core is installed with npm into $PLAYWRIGHT_CORE_DIR
#     (default /tmp/coditect-screenshots), never into the repository.
#   - For the email verification page: Keycloak sends the verification mail before showing
#     the page. If the realm's SMTP server is localhost and nothing listens on its port, the
#     script captures the resulting error page as email-error.png, then starts a throwaway
#     in-process SMTP sink on that port (port 25 needs root) and registers again. Set
#     SMTP_SINK=0 to skip that and capture whatever appears.
#
# Usage
#   docs/take-screenshots.sh
#   KEYCLOAK_URL=http://localhost:8081 ADMIN_PASSWORD=secret docs/take-screenshots.sh
#
# Environment: KEYCLOAK_URL, REALM, ADMIN_USER, ADMIN_PASSWORD, CHROMIUM, PLAYWRIGHT_CORE_DIR,
# OUT_DIR, KEEP_USERS=1, SMTP_SINK=0 (see docs/screenshots.mjs).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8080}
export REALM=${REALM:-coditect}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export PLAYWRIGHT_CORE_DIR=${PLAYWRIGHT_CORE_DIR:-/tmp/coditect-screenshots}
export OUT_DIR=${OUT_DIR:-$here/screenshots}

if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium not found at $CHROMIUM: apt-get install -y chromium (or set CHROMIUM=...)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "node not found (Node.js 18+ needed)" >&2; exit 1; }

status=$(curl -s -o /dev/null -w '%{http_code}' "$KEYCLOAK_URL/realms/$REALM" || true)
if [ "$status" != 200 ]; then
  echo "$KEYCLOAK_URL/realms/$REALM answers '$status', not 200: start Keycloak first (bin/run-keycloak.sh)" >&2
  exit 1
fi

if [ ! -d "$PLAYWRIGHT_CORE_DIR/node_modules/playwright-core" ]; then
  echo ">> Installing playwright-core into $PLAYWRIGHT_CORE_DIR"
  mkdir -p "$PLAYWRIGHT_CORE_DIR"
  (cd "$PLAYWRIGHT_CORE_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install --no-audit --no-fund playwright-core >/dev/null)
fi

echo ">> Capturing $KEYCLOAK_URL/realms/$REALM into $OUT_DIR"
node "$here/screenshots.mjs"
