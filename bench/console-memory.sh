#!/usr/bin/env bash
# Console memory (docs/benchmarks.md): resident memory of the console after start on the embedded
# sandbox holding N demo accounts, with one search of K pasted identityIds shown.
# Usage: bench/console-memory.sh [N=10000] [K=1000]. Needs Xvfb (installed when missing).
# The console runs through bin/account-console with its console options; CONSOLE_JAVA_OPTS adds more.
# Diagnostics: MEMORY_MAPS=1 prints the largest resident mappings (pmap); MEMORY_NMT=1, with
# CONSOLE_JAVA_OPTS=-XX:NativeMemoryTracking=summary, the JVM's own memory by area.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
K=${2:-1000}
command -v xvfb-run >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb xauth libgtk-3-0 >/dev/null; }
./mvnw -B -q -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
TEST_CP="target/test-classes:target/classes:$(cat target/test.classpath)"
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
java -cp "$TEST_CP" dev.accountconsole.bench.ConsoleDataSeed "$HOME_DIR" "$N" "$K" "$HOME_DIR/ids.txt"

CONSOLE_JAVA_OPTS="${CONSOLE_JAVA_OPTS:-}" ACCOUNT_CONSOLE_HOME="$HOME_DIR" xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
  ACCOUNT_CONSOLE_JAVA_OPTS="$CONSOLE_JAVA_OPTS" bin/account-console --memory-probe "$0/ids.txt" > "$0/console.log" 2>&1 &
  pid=$!
  i=0
  until grep -q "memory probe:" "$0/console.log"; do
    i=$((i + 1)); [ $i -lt 600 ] || { cat "$0/console.log"; kill $pid; exit 1; }
    sleep 0.1
  done
  sleep 3  # let the table render and the allocation settle before reading RSS
  grep "memory probe:" "$0/console.log"
  echo "VmRSS after start and one search of the pasted ids: $(awk "/VmRSS/{print int(\$2/1024)}" /proc/$pid/status) MB"
  echo "VmHWM (peak): $(awk "/VmHWM/{print int(\$2/1024)}" /proc/$pid/status) MB"
  [ -z "${MEMORY_NMT:-}" ] || jcmd $pid VM.native_memory summary | grep -E "committed" | head -20
  [ -z "${MEMORY_MAPS:-}" ] || pmap -x $pid | sort -k3 -n -r | head -25
  kill $pid
' "$HOME_DIR"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F)"
