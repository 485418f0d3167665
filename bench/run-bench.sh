#!/usr/bin/env bash
# Runs the CODITECT benchmarks (see BENCHMARKS.md). Never part of `mvn verify` or CI.
#
#   bench/run-bench.sh                       # everything: HTTP ratios on a private server, then JMH
#   BENCH_JMH=false bench/run-bench.sh       # only the HTTP ratios
#   BENCH_HTTP=false bench/run-bench.sh      # only JMH (no server)
#   BENCH_HTTP_ARGS="--rounds=3 --round=10 --only=heartbeat" bench/run-bench.sh
#   BENCH_BUILD=false bench/run-bench.sh     # reuse the bundle and benchmarks.jar already built
#   BENCH_JFR=true bench/run-bench.sh        # also record a JFR profile of Keycloak (keycloak.jfr);
#                                            # it costs some throughput: not for the reported numbers
#
# The server is a private copy of what bin/run-keycloak.sh runs (same Keycloak distribution, same
# bundle, same realm import, start-dev on H2 dev-file) but in bench/target/keycloak with a fresh
# database each run, on ports 8180/9180 (BENCH_HTTP_PORT, BENCH_MANAGEMENT_PORT), with its own
# redis-server on a free port as the seat and quota store. It never touches .run/ nor a server
# on 8080. Everything it starts is stopped on exit. Results land in bench/target/results/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
http_port=${BENCH_HTTP_PORT:-8180}
mgmt_port=${BENCH_MANAGEMENT_PORT:-9180}
target="$root/bench/target"
kc_home="$target/keycloak"
results="$target/results"
run_http=${BENCH_HTTP:-true}
run_jmh=${BENCH_JMH:-true}

kc_pid=""
redis_pidfile="$target/redis/redis.pid"

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_all() {
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then
    echo ">> Stopping Keycloak (process group $kc_pid)"
    kill -TERM -- "-$kc_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$kc_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$kc_pid" 2>/dev/null || true
  fi
  kc_pid=""
  if [ -f "$redis_pidfile" ]; then
    echo ">> Stopping redis-server"
    kill "$(cat "$redis_pidfile")" 2>/dev/null || true
    rm -f "$redis_pidfile"
  fi
}
trap stop_all EXIT

if [ "${BENCH_BUILD:-true}" = true ]; then
  echo ">> Building and installing the bundle and the client (mvn install, tests skipped)"
  mvn -B -q -DskipTests install
  echo ">> Building the benchmarks (bench/target/benchmarks.jar)"
  mvn -B -q -f bench/pom.xml package
fi

mkdir -p "$results"
{
  echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:    $(git rev-parse --short HEAD) ($(git status --porcelain | wc -l) paths modified in the work tree)"
  echo "nproc:     $(nproc)"
  echo "cpu:       $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "memory:    $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, at start)"
  echo "java:      $(java -version 2>&1 | head -n 1)"
  echo "keycloak:  $kc_version"
  echo "redis:     $(redis-server --version)"
} | tee "$results/machine.txt"

if [ "$run_http" = true ]; then
  for port in "$http_port" "$mgmt_port"; do
    if in_use "$port"; then echo "port $port is in use: set BENCH_HTTP_PORT / BENCH_MANAGEMENT_PORT" >&2; exit 1; fi
  done

  if [ ! -x "$kc_home/bin/kc.sh" ]; then
    echo ">> Unpacking Keycloak $kc_version into $kc_home"
    rm -rf "$target/kc-unpack"
    mvn -B -q -f bench/pom.xml dependency:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$target/kc-unpack"
    mv "$target/kc-unpack/keycloak-$kc_version" "$kc_home"
    rm -rf "$target/kc-unpack"
  fi
  # As bin/run-keycloak.sh: the bundle in providers/, the realm in data/import/. Fresh H2 database.
  rm -f "$kc_home"/providers/*.jar
  cp bundle/target/providers/*.jar "$kc_home/providers/"
  mkdir -p "$kc_home/data/import"
  cp docker/coditect-realm.json "$kc_home/data/import/coditect-realm.json"
  rm -rf "$kc_home/data/h2"

  redis_port=16379
  while in_use "$redis_port"; do redis_port=$((redis_port + 1)); done
  mkdir -p "$target/redis"
  echo ">> Starting redis-server on 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$redis_pidfile" --logfile "$target/redis/redis.log" --dir "$target/redis"

  echo ">> Starting Keycloak on http://localhost:$http_port (log: $results/keycloak.log)"
  jfr_opts=""
  if [ "${BENCH_JFR:-false}" = true ]; then
    jfr_opts="-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$results/keycloak.jfr,settings=profile,dumponexit=true"
  fi
  # setsid: Keycloak gets its own process group, so stop_all ends kc.sh and its java together.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_APPEND="$jfr_opts" \
    setsid "$kc_home/bin/kc.sh" start-dev --import-realm --db=dev-file \
      --http-port="$http_port" --http-management-port="$mgmt_port" --health-enabled=true --metrics-enabled=true \
      --spi-coditect-store--provider=redis "--spi-coditect-store--redis--url=redis://127.0.0.1:$redis_port" \
      > "$results/keycloak.log" 2>&1 < /dev/null &
  kc_pid=$!

  well_known="http://localhost:$http_port/realms/coditect/.well-known/openid-configuration"
  started=$(date +%s)
  until curl -fsS -o /dev/null "$well_known" 2>/dev/null; do
    if ! kill -0 "$kc_pid" 2>/dev/null; then echo "Keycloak exited:" >&2; tail -n 40 "$results/keycloak.log" >&2; exit 1; fi
    if [ $(( $(date +%s) - started )) -gt 420 ]; then echo "Keycloak not ready after 420 s" >&2; exit 1; fi
    sleep 2
  done
  echo ">> Keycloak ready after $(( $(date +%s) - started )) s"
  grep -i 'seat and quota store' "$results/keycloak.log" | tail -n 1 || true

  # shellcheck disable=SC2086 # BENCH_HTTP_ARGS is a list of options
  java -cp bench/target/benchmarks.jar io.coditect.bench.http.HttpBench --server="http://localhost:$http_port" \
    --out="$results/http.md" ${BENCH_HTTP_ARGS:-} | tee "$results/http.log"

  {
    echo "redis keys:          $(redis-cli -p "$redis_port" dbsize)"
    echo "redis commands:      $(redis-cli -p "$redis_port" info stats | sed -n 's/^total_commands_processed:\(.*\)\r$/\1/p')"
    echo "keycloak log ERROR:  $(grep -c ' ERROR ' "$results/keycloak.log" || true)"
    echo "keycloak log WARN:   $(grep -c ' WARN ' "$results/keycloak.log" || true)"
  } | tee "$results/server.txt"
  stop_all
fi

if [ "$run_jmh" = true ]; then
  # After the server is stopped, so it does not compete for the two cores.
  echo ">> JMH: offline lease verification"
  java -jar bench/target/benchmarks.jar LeaseVerificationBenchmark -rf json -rff "$results/jmh.json" \
    | tee "$results/jmh.txt"
fi

echo ">> Results in $results"
