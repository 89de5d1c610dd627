#!/usr/bin/env bash
# Sandbox load benchmark: starts the sandbox in its own JVM with 100,000 demo accounts, runs the load
# generator (the project's own GatewayClient) in another JVM at 1, 4 and 16 clients for querybyphone
# and register, then kills the sandbox with -9, restarts it and checks every acknowledged registration.
# Usage: bench/sandbox-load.sh [WARMUP_S] [DURATION_S]    (results also in bench/results/)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-5}
DURATION=${2:-10}
ACCOUNTS=${ACCOUNTS:-100000}
PORT=${PORT:-18080}
APP_KEY=24681357
export ACCOUNT_CONSOLE_APP_SECRET=bench-secret-0123456789abcdefghij
SANDBOX_JVM_OPTS=${SANDBOX_JVM_OPTS:-"-Xms1g -Xmx2g -XX:+UseParallelGC"}
LOAD_JVM_OPTS=${LOAD_JVM_OPTS:-"-Xms512m -Xmx1g -XX:+UseParallelGC"}

./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
DATA=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"
IDS="$RESULTS/register-ids.txt"
: > "$IDS"
SANDBOX_PID=

start_sandbox() {
    local log=$1
    shift
    java $SANDBOX_JVM_OPTS -Dfile.encoding=UTF-8 -cp "$CP" dev.accountconsole.sandbox.SandboxCommandLauncher \
        --port "$PORT" --app-key "$APP_KEY" --data "$DATA" --iot-token 0123456789abcdef0123456789abcdef "$@" \
        > "$log" 2>&1 &
    SANDBOX_PID=$!
    for _ in $(seq 1 600); do
        grep -q "listening on" "$log" && return 0
        kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.5
    done
    echo "sandbox did not start"; cat "$log"; exit 1
}
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

load() {
    java $LOAD_JVM_OPTS -Dfile.encoding=UTF-8 -cp "$CP" dev.accountconsole.bench.SandboxLoadBenchmark \
        --endpoint "http://127.0.0.1:$PORT" --app-key "$APP_KEY" --accounts "$ACCOUNTS" \
        --warmup-s "$WARMUP" --duration-s "$DURATION" --ids-out "$IDS" "$@"
}

echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
SEED_START=$(date +%s.%N)
start_sandbox "$RESULTS/sandbox.log" --demo "$ACCOUNTS"
echo "seeded $ACCOUNTS demo accounts and started in $(echo "$(date +%s.%N) - $SEED_START" | bc) s"
for c in 1 4 16; do load --mode querybyphone --clients "$c"; done
base=0
for c in 1 4 16; do load --mode register --clients "$c" --phone-base "$base"; base=$((base + 100000000)); done

kill -9 "$SANDBOX_PID"; wait "$SANDBOX_PID" 2>/dev/null || true
start_sandbox "$RESULTS/sandbox-restart.log"
load --mode verify
kill -TERM "$SANDBOX_PID"; wait "$SANDBOX_PID" && echo "sandbox stopped on SIGTERM with status 0"
SANDBOX_PID=
