#!/usr/bin/env bash
# Runs every benchmark and prints the figures: the end-to-end event harness, pipelined Ping (against the
# test Asterisk, started if needed), the dashboard and the fleet of connections, then JMH on the decoder and on typed events with the GC profiler.
#   scripts/benchmarks.sh [--repeats N] [--pings N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mkdir -p target
./mvnw -B -q -pl benchmarks -am install -DskipTests
./mvnw -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$PWD/target/benchmarks.classpath"
CLASSPATH="benchmarks/target/classes:$(cat target/benchmarks.classpath)"

if [[ -z "${AMIBOOT_ASTERISK_URL:-}" && "$(id -u)" -eq 0 ]]; then
    scripts/asterisk.sh start >/dev/null
    AMIBOOT_ASTERISK_URL="$(scripts/asterisk.sh url)"
fi
export AMIBOOT_ASTERISK_URL
# The fleet run (--connections, 1,000 by default) holds two descriptors per connection in this one JVM.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true

java -cp "$CLASSPATH" io.amiboot.benchmarks.Benchmarks "$@" 2>/dev/null
echo
echo "JMH, decoder alone (messages/s; gc.alloc.rate.norm is bytes allocated per message):"
java -cp "$CLASSPATH" org.openjdk.jmh.Main io.amiboot.client.DecoderBenchmark -prof gc 2>/dev/null \
    | grep -E "^Benchmark|^DecoderBenchmark"
echo
echo "JMH, typed events: reading raw and typed, the live model's reads, the starter's publication"
echo "(events/s; gc.alloc.rate.norm is bytes allocated per event):"
java -cp "$CLASSPATH" org.openjdk.jmh.Main \
    'io.amiboot.event.TypedEventBenchmark|io.amiboot.live.LiveModelReadBenchmark|io.amiboot.autoconfigure.events.AmiEventPublisherBenchmark' \
    -prof gc 2>/dev/null | grep -E "^Benchmark |^[a-zA-Z.]+Benchmark\."
