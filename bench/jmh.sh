#!/usr/bin/env bash
# Micro-benchmarks of the request path (JMH). Usage: bench/jmh.sh [JMH options, e.g. a class regex]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
exec java -Dfile.encoding=UTF-8 -cp "target/test-classes:target/classes:$(cat target/test.classpath)" org.openjdk.jmh.Main "${@:-dev.accountconsole.bench.*Benchmark}"
