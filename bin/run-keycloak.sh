#!/usr/bin/env bash
# Runs CODITECT on a real Keycloak: builds the bundle, takes keycloak-quarkus-dist from
# Maven Central (cached in ~/.m2, unpacked once under .run/), installs the bundle into
# providers/, imports the coditect realm and starts Keycloak in dev mode on H2 (dev-file).
#
#   bin/run-keycloak.sh                 # http://localhost:8080, in-memory seat/quota store
#   CODITECT_REDIS_URL=redis://127.0.0.1:6379 bin/run-keycloak.sh
#   CODITECT_HTTP_PORT=8081 bin/run-keycloak.sh
#
# Ctrl-C stops Keycloak cleanly. Data (H2 file database) stays in .run/ between runs;
# delete .run/ to start from scratch.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
port=${CODITECT_HTTP_PORT:-8080}
mgmt_port=${CODITECT_MANAGEMENT_PORT:-9000}
admin_user=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
admin_password=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
run_dir="$root/.run"
kc_home="$run_dir/keycloak-$kc_version"

echo ">> Building the CODITECT bundle (mvn package, tests skipped)"
mvn -B -q -DskipTests package

if [ ! -x "$kc_home/bin/kc.sh" ]; then
  echo ">> Unpacking Keycloak $kc_version (org.keycloak:keycloak-quarkus-dist, from Maven Central on first use)"
  mkdir -p "$run_dir"
  mvn -B -q dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
    -DoutputDirectory="$run_dir"
fi

# Replace only what we installed last time, so a jar an operator dropped in stays.
mkdir -p "$kc_home/providers" "$kc_home/data/import"
if [ -f "$kc_home/providers/.coditect-installed" ]; then
  while read -r jar; do rm -f "$kc_home/providers/$jar"; done < "$kc_home/providers/.coditect-installed"
fi
cp bundle/target/providers/*.jar "$kc_home/providers/"
(cd bundle/target/providers && ls *.jar) > "$kc_home/providers/.coditect-installed"
cp docker/coditect-realm.json "$kc_home/data/import/coditect-realm.json"

args=(start-dev --import-realm --db=dev-file --http-port="$port" --http-management-port="$mgmt_port" --health-enabled=true --metrics-enabled=true)
if [ -n "${CODITECT_REDIS_URL:-}" ]; then
  args+=(--spi-coditect-store--provider=redis "--spi-coditect-store--redis--url=$CODITECT_REDIS_URL")
  store="Redis ($(echo "$CODITECT_REDIS_URL" | sed -E 's#//[^@/]*@#//***@#'))"
else
  store="in-memory (single node; set CODITECT_REDIS_URL to use Redis)"
fi

cat <<BANNER

  CODITECT on Keycloak $kc_version
  ----------------------------------------------------------------------
  Admin console     http://localhost:$port/admin/   (user: $admin_user, password: $admin_password)
  Realm             http://localhost:$port/realms/coditect/
  OIDC discovery    http://localhost:$port/realms/coditect/.well-known/openid-configuration
  Account console   http://localhost:$port/realms/coditect/account/
  Sign up           http://localhost:$port/realms/coditect/protocol/openid-connect/registrations?client_id=coditect-cli&response_type=code&redirect_uri=http://127.0.0.1/callback
  Seat/quota store  $store
  Keycloak home     $kc_home
  The admin account is created on the first start only (KC_BOOTSTRAP_ADMIN_*).
  Ctrl-C stops the server.
  ----------------------------------------------------------------------

BANNER

export KC_BOOTSTRAP_ADMIN_USERNAME="$admin_user" KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password"
exec "$kc_home/bin/kc.sh" "${args[@]}"
