#!/usr/bin/env bash
# Restore verification benchmark (issue 5, docs/benchmarks.md "Restore verification"): run by hand,
# it takes both cores for many minutes.
#
#   bench/verify.sh                              # pgbench scale 100 in database pgbench100, 3 rounds
#   RUNS=1 BENCH_DB=bench_pgbench100 bench/verify.sh   # reuse bench/run.sh's copy of the same data
#
# Once: creates the database if it is missing (createdb + pgbench -i -s $SCALE), backs it up with the
# runner (backup --spec, zstd level 3, into a folder: the filesystem destination), and decrypts the
# object once (decrypt --manifest) to a plain custom-format .dump for the baseline.
# Then $RUNS rounds, alternating:
#   baseline  pg_restore --no-owner --no-acl --exit-on-error -d <fresh database> plain.dump
#             (createdb before and dropdb after are not timed)
#   verify    the runner's verify --spec …  with restoreTest mode "create": download, SHA-256 + HMAC
#             (CREATE DATABASE meanwhile), second download decrypted, decompressed and streamed into
#             pg_restore and the read-through (pg_restore --list + -f /dev/null), row counts of every
#             table, DROP DATABASE
# The runner is launched as the launchers launch it (docs/runner-spec.md, "JVM options and launch"):
#   LAUNCH=bundle (default): target/strongroom-runner.tar.gz as a Heroku dyno runs it (bundled runtime,
#                            extracted jar, the AppCDS archive of the build's training run)
#   LAUNCH=jar:              java $JVM_OPTS -jar target/strongroom.jar (the fat jar)
# Each measurement records wall seconds, user + system CPU seconds of the process and its children
# (the runner's JVM with its pg_restores; the baseline's pg_restore: the server's backend works for
# both and is in neither), and the load averages before it. Prints every run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SCALE=${SCALE:-100}
BENCH_DB=${BENCH_DB:-pgbench100}
# the Heroku launcher's options on standard-1X (pom.xml's runner.jvm.options; docs/runner-spec.md)
JVM_OPTS=${JVM_OPTS:-"-Xms80m -Xmx320m -XX:+AlwaysPreTouch -XX:+UseSerialGC -XX:CompileThresholdScaling=10"}
LAUNCH=${LAUNCH:-bundle}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PG="-h 127.0.0.1 -p 5432 -U postgres"
JAR=target/strongroom.jar
export STRONGROOM_ENCRYPTION_KEY=bench-key-not-secret
export SR_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$BENCH_DB"
# create mode: the server's maintenance database; the runner creates strongroom_verify_<random>
export SR_VERIFY_URL="postgres://postgres@127.0.0.1:5432/postgres"

[[ -f "$JAR" && -f target/strongroom-runner.tar.gz ]] || ./mvnw -B -q -DskipTests package

if [[ "$(psql $PG -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" != 1 ]]; then
  echo "creating $BENCH_DB (pgbench -i -s $SCALE)…" >&2
  createdb $PG "$BENCH_DB"
  pgbench $PG -q -i -s "$SCALE" "$BENCH_DB" >/dev/null 2>&1
fi

WORK=$(mktemp -d /tmp/strongroom-verify-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
RUNNER="java $JVM_OPTS -jar $JAR"
if [[ "$LAUNCH" == bundle ]]; then
  tar -xzf target/strongroom-runner.tar.gz -C "$WORK"
  # from the bundle's folder: its class archive records the class path relative to it
  RUNNER="env -C $WORK/strongroom-runner bin/java -XX:SharedArchiveFile=app/runner.jsa $JVM_OPTS -jar app/strongroom.jar"
fi
echo "launch: $RUNNER" >&2
mkdir -p "$WORK/destination"
cat >"$WORK/backup.json" <<SPEC
{ "version": 1, "addonName": "bench", "databaseLabel": "$BENCH_DB", "databaseUrlEnv": "SR_DATABASE_URL",
  "compression": { "algorithm": "zstd", "level": 3 },
  "destination": { "type": "filesystem", "path": "$WORK/destination", "prefix": "verify" } }
SPEC
echo "backing up $BENCH_DB ($(psql $PG -d postgres -Atc "SELECT pg_size_pretty(pg_database_size('$BENCH_DB'))"))…" >&2
$RUNNER backup --spec "$WORK/backup.json" >"$WORK/backup-result.json" 2>"$WORK/backup.log"
OBJECT=$(python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["objectKey"])' "$WORK/backup-result.json")

# the contract's verify spec, from the backup's result
python3 - "$WORK/backup-result.json" "$WORK/destination" >"$WORK/verify.json" <<'PY'
import json, sys
backup = json.loads(open(sys.argv[1]).read().splitlines()[-1])
print(json.dumps({
    "version": 1, "verificationId": "bench", "runId": backup["runId"], "engine": backup["engine"],
    "compression": backup["compression"], "objectKey": backup["objectKey"], "manifestKey": backup["manifestKey"],
    "sha256": backup["sha256"], "hmacSha256": backup["hmacSha256"], "encryptionKeyEnv": "STRONGROOM_ENCRYPTION_KEY",
    "destination": {"type": "filesystem", "path": sys.argv[2], "prefix": "verify"},
    "restoreTest": {"databaseUrlEnv": "SR_VERIFY_URL", "mode": "create"},
    "statistics": backup["statistics"]}))
PY

echo "decrypting once for the baseline…" >&2
$RUNNER decrypt --in "$WORK/destination/$OBJECT" --manifest "$WORK/destination/$OBJECT.manifest.json" \
  --out "$WORK/plain.dump" 2>>"$WORK/backup.log"
echo "object $(( $(stat -c %s "$WORK/destination/$OBJECT") / 1000000 )) MB, plain dump $(( $(stat -c %s "$WORK/plain.dump") / 1000000 )) MB" >&2

load() { cut -d' ' -f1-3 /proc/loadavg; }
# runs a command under /usr/bin/time; appends "wall cpu load1 load5 load15" to $1
measure() {
  local out=$1; shift
  local before; before=$(load)
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" >"$WORK/stdout" 2>>"$WORK/errors.log"
  read -r wall user sys <"$WORK/time"
  echo "$wall $(echo "$user + $sys" | bc) $before" >>"$out"
}

: >"$WORK/baseline"; : >"$WORK/verify"; : >"$WORK/stages"
for run in $(seq 1 "$RUNS"); do
  db="bench_restore_$$_$run"
  createdb $PG "$db"
  measure "$WORK/baseline" pg_restore $PG --no-owner --no-acl --exit-on-error -d "$db" "$WORK/plain.dump"
  dropdb $PG "$db"
  echo "  round $run baseline: $(tail -n 1 "$WORK/baseline")  (wall s, CPU s, load before)" >&2
  measure "$WORK/verify" $RUNNER verify --spec "$WORK/verify.json"
  tail -n 1 "$WORK/stdout" >"$WORK/result-$run.json"
  python3 - "$WORK/result-$run.json" >>"$WORK/stages" <<'PY'
import json, sys
result = json.loads(open(sys.argv[1]).read())
assert result["status"] == "PASSED", result
d = result["durationsMillis"]
print(" ".join(str(d[k] / 1000) for k in ("download", "integrity", "restore", "compare", "total")))
PY
  echo "  round $run verify:   $(tail -n 1 "$WORK/verify")  stages download/integrity/restore/compare/total: $(tail -n 1 "$WORK/stages")" >&2
done
if [[ -n "$(psql $PG -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'strongroom\_verify\_%'")" ]]; then
  echo "WARNING: a strongroom_verify_ database was left behind" >&2
fi

python3 - "$WORK/baseline" "$WORK/verify" "$WORK/stages" <<'PY'
import statistics, sys
def rows(path):
    return [[float(x) for x in line.split()] for line in open(path) if line.strip()]
base, ver, stages = rows(sys.argv[1]), rows(sys.argv[2]), rows(sys.argv[3])
med = lambda values: statistics.median(values)
bw, bc = med([r[0] for r in base]), med([r[1] for r in base])
vw, vc = med([r[0] for r in ver]), med([r[1] for r in ver])
print("| measurement | wall s (median) | CPU s (median) | runs: wall s / CPU s / load 1 5 15 before |")
print("|---|---|---|---|")
fmt = lambda rs: "; ".join("%.1f / %.1f / %.1f %.1f %.1f" % tuple(r) for r in rs)
print("| plain pg_restore | %.1f | %.1f | %s |" % (bw, bc, fmt(base)))
print("| verify (create mode) | %.1f | %.1f | %s |" % (vw, vc, fmt(ver)))
print()
print("verify / pg_restore, wall: %.2f (goal <= 1.20)" % (vw / bw))
names = ("download", "integrity", "restore", "compare", "total")
print("verify stages, median s: " + ", ".join("%s %.1f" % (n, med([r[i] for r in stages])) for i, n in enumerate(names)))
PY
