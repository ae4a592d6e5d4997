#!/bin/sh
# Benchmarks the validator and prints:
#   - configs/s for validateConfig and bundles/s for lintBundle in one warm JVM (JMH, ValidatorBenchmark),
#   - the same as CPU time per operation (CpuTimeBench: unaffected by other load on the machine),
#   - the per-bundle cost against a process-per-bundle Go validator (24 ms per bundle on this kind of machine),
#   - the wall time of one bin/oci-validate bundle invocation (median of 5, JVM start included),
#   - the load average, since wall-clock figures from a busy machine understate the validator.
# Needs the module's dependencies in ~/.m2 (mvn -pl validator -am install) and, for the CLI figure, the jar
# (mvn -pl validator -am package). Takes about a minute; run it on an otherwise idle machine.
set -eu
cd "$(dirname "$0")"
GO_BASELINE_MS=24

work=$(mktemp -d "${TMPDIR:-/tmp}/oci-validate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "Compiling the benchmarks (profile bench)..." >&2
mvn -B -q -o -Pbench test-compile
mvn -B -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/bench/test-classes:target/bench/classes:$(cat "$work/cp.txt")"

java -cp "$cp" org.openjdk.jmh.Main 'dev.ocitk.validator.bench.ValidatorBenchmark' \
    -rf text -rff "$work/jmh.txt" >"$work/jmh.log" 2>&1 || { cat "$work/jmh.log" >&2; exit 1; }

java -cp "$cp" dev.ocitk.validator.bench.CpuTimeBench >"$work/cpu.txt"

score() { awk -v b="$1" '$1 ~ b"$" { print $4 }' "$work/jmh.txt"; }
configs=$(score 'validateConfig')
bundles=$(score 'lintBundle')

echo "validateConfig: $configs configs/s (one JVM, warm)"
echo "lintBundle:     $bundles bundles/s (one JVM, warm)"
awk -v b="$bundles" -v go="$GO_BASELINE_MS" 'BEGIN {
    us = 1e6 / b
    printf "per bundle:     %.0f us wall, %.0fx faster than a %d ms process-per-bundle Go validator\n", us, go * 1000 / us, go
}'
awk -v go="$GO_BASELINE_MS" '{
    printf "%-15s %s us CPU per operation (%s per CPU-second)", $1 ":", $2, $3
    if ($1 == "lintBundle") printf ", %.0fx below %d ms", go * 1000 / $2, go
    printf "\n"
}' "$work/cpu.txt"

if [ -x ../bin/oci-validate ] && [ -f target/oci-validate.jar ]; then
    mkdir -p "$work/bundle/rootfs/bin"
    cp src/test/resources/fixtures/config/linux.json "$work/bundle/config.json"
    printf '#!/bin/sh\n' >"$work/bundle/rootfs/bin/sh"
    chmod 755 "$work/bundle/rootfs/bin/sh"
    for i in 1 2 3 4 5; do
        start=$(date +%s%N)
        ../bin/oci-validate bundle "$work/bundle" >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | sort -n | awk '{ t[NR] = $1 } END { printf "CLI, one bundle: %d ms wall (median of 5, JVM start included)\n", t[3] }'
    if [ -x /usr/bin/time ]; then
        for i in 1 2 3 4 5; do
            /usr/bin/time -f '%U %S' -o "$work/time.txt" ../bin/oci-validate bundle "$work/bundle" >/dev/null
            awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$work/time.txt"
        done | sort -n | awk '{ t[NR] = $1 } END { printf "CLI, one bundle: %d ms CPU (user+sys, median of 5)\n", t[3] }'
    fi
else
    echo "CLI: skipped (build it first: mvn -pl validator -am package)" >&2
fi
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
