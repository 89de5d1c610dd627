#!/usr/bin/env bash
# Bulk lookups from the CLI against the vendor's Java SDK doing the same lookups, both as whole
# processes, alternating, against one sandbox on loopback (docs/benchmarks.md, "Bulk lookups").
#
# Usage: bench/bulk-lookup.sh [SEEDED_ACCOUNTS] [ROUNDS] [SIZES...]
#   defaults: 100000 accounts, 3 rounds, sizes 1000 10000 100000 (the SDK peer runs at 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDED=${1:-100000}
ROUNDS=${2:-3}
shift $(( $# > 2 ? 2 : $# )) || true
SIZES=("${@:-1000 10000 100000}")
read -r -a SIZES <<< "${SIZES[*]}"
CONCURRENCY=8

./mvnw -B -q -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
TEST_CP="target/test-classes:target/classes:$(cat target/test.classpath)"

WORK=$(mktemp -d)
trap 'kill $SANDBOX_PID 2>/dev/null || true; wait $SANDBOX_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
export ACCOUNT_CONSOLE_APP_KEY=31415926
export ACCOUNT_CONSOLE_APP_SECRET=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

echo "seeding $SEEDED accounts..." >&2
java -Dfile.encoding=UTF-8 -jar target/account-console.jar sandbox --port "$PORT" --app-key "$ACCOUNT_CONSOLE_APP_KEY" \
  --data "$WORK/db" --demo "$SEEDED" > "$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
until grep -q "listening on" "$WORK/sandbox.log"; do
  kill -0 $SANDBOX_PID 2>/dev/null || { cat "$WORK/sandbox.log"; exit 1; }
  sleep 0.2
done

run_product() { # size -> "seconds maxrss_kb"
  /usr/bin/time -f "%e %M" -o "$WORK/time" bin/account-console \
    query-by-phone --endpoint "http://127.0.0.1:$PORT" --input "$WORK/phones-$1.txt" \
    --concurrency $CONCURRENCY > "$WORK/product-$1.jsonl"
  cat "$WORK/time"
}
run_sdk() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" java -Dfile.encoding=UTF-8 -cp "$TEST_CP" \
    dev.accountconsole.bench.VendorSdkBulkLookup "127.0.0.1:$PORT" "$ACCOUNT_CONSOLE_APP_KEY" $CONCURRENCY \
    "$WORK/phones-$1.txt" > "$WORK/sdk-$1.jsonl"
  cat "$WORK/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${SIZES[@]}" 10000; do
  java -cp "$TEST_CP" dev.accountconsole.bench.DemoPhones "$SEEDED" "$n" > "$WORK/phones-$n.txt"
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
# Warm the sandbox (its JIT, H2's page cache) with one untimed pass of each tool over the largest
# file that both run, so that neither tool pays for the server's warm-up inside its timing.
run_product 10000 > /dev/null
run_sdk 10000 > /dev/null

echo "| lookups | tool | wall s (median of $ROUNDS) | max RSS MB | all runs s |"
echo "|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
  : > "$WORK/p.times"; : > "$WORK/s.times"; prss=0; srss=0
  for ((r = 1; r <= ROUNDS; r++)); do
    read -r t m < <(run_product "$n"); echo "$t" >> "$WORK/p.times"; prss=$(( m > prss ? m : prss ))
    if [ "$n" = "10000" ]; then
      read -r t m < <(run_sdk "$n"); echo "$t" >> "$WORK/s.times"; srss=$(( m > srss ? m : srss ))
      cmp -s "$WORK/product-$n.jsonl" "$WORK/sdk-$n.jsonl" || { echo "results differ at $n" >&2; exit 1; }
    fi
  done
  [ "$(wc -l < "$WORK/product-$n.jsonl")" = "$n" ] || { echo "product returned $(wc -l < "$WORK/product-$n.jsonl") of $n" >&2; exit 1; }
  echo "| $n | account-console | $(median < "$WORK/p.times") | $((prss / 1024)) | $(tr '\n' ' ' < "$WORK/p.times")|"
  if [ -s "$WORK/s.times" ]; then
    echo "| $n | vendor SDK | $(median < "$WORK/s.times") | $((srss / 1024)) | $(tr '\n' ' ' < "$WORK/s.times")|"
  fi
done
