#!/usr/bin/env bash
# Runs the backup pipeline benchmark by hand (it is not a test; it takes both cores for minutes).
#
#   bench/run.sh                 # PostgreSQL app + pgbench 100 + pgbench 10, MariaDB app; 3 runs each
#   RUNS=1 DATABASES="pg_app" bench/run.sh
#
# For each database, side by side and interleaved, medians of $RUNS runs:
#   floor   pg_dump -Fc -Z0 > /dev/null                     (mariadb-dump … > /dev/null)
#   runner  java $JVM_OPTS -jar target/strongroom.jar backup --spec …   into S3Mock on this machine
#   naive   pg_dump -Fc | openssl enc … | aws s3 cp - s3://…            (mariadb-dump | gzip | openssl | aws)
# and prints wall times, ratios, object sizes and the runner's peak RSS as a Markdown table.
# Databases are created once and kept (bench_app, bench_pgbench100, bench_pgbench10 on PostgreSQL,
# bench_app on MariaDB); drop them with bench/run.sh --drop.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DATABASES=${DATABASES:-"pg_app pg_pgbench100 pg_pgbench10 mariadb_app"}
# the Heroku launcher's options on standard-1X (docs/runner-spec.md, "JVM options and launch")
JVM_OPTS=${JVM_OPTS:-"-Xms80m -Xmx320m -XX:+AlwaysPreTouch -XX:+UseSerialGC -XX:CompileThresholdScaling=10"}
# glibc keeps one malloc arena per thread by default; two keep the runner's native memory small
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# LAUNCH=bundle: target/strongroom-runner.tar.gz as a Heroku dyno runs it (bundled runtime, extracted
#   jar, the AppCDS archive of the build's training run; ./mvnw package builds it)
# LAUNCH=jar: java -jar target/strongroom.jar (the documented entry point, as the local launcher runs it)
# LAUNCH=cds: the jar extracted (java -Djarmode=tools … extract) with an AppCDS archive from a backup as training run
LAUNCH=${LAUNCH:-bundle}
LEVEL=${LEVEL:-1}
PG="-h 127.0.0.1 -p 5432 -U postgres"
MY="--protocol=TCP -h 127.0.0.1 -P 3306 -u root"
JAR=target/strongroom.jar
S3MOCK=target/s3mock-4.12.4-exec.jar
APPDB=${APPDB:-../shared/bench/appdb.sql}
export STRONGROOM_ENCRYPTION_KEY=bench-key-not-secret
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1

if [[ "${1:-}" == "--drop" ]]; then
  for db in bench_app bench_pgbench100 bench_pgbench10; do dropdb $PG --if-exists "$db"; done
  mariadb $MY -e "DROP DATABASE IF EXISTS bench_app"
  exit 0
fi

[[ -f "$JAR" ]] || ./mvnw -B -q -DskipTests package
[[ -f "$S3MOCK" ]] || ./mvnw -B -q process-test-resources

exists_pg() { [[ "$(psql $PG -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" == 1 ]]; }
prepare() {
  case "$1" in
    pg_app) exists_pg bench_app || { createdb $PG bench_app && psql $PG -q -d bench_app -f "$APPDB" >/dev/null; } ;;
    pg_pgbench100) exists_pg bench_pgbench100 || { createdb $PG bench_pgbench100 && pgbench $PG -q -i -s 100 bench_pgbench100 >/dev/null 2>&1; } ;;
    pg_pgbench10) exists_pg bench_pgbench10 || { createdb $PG bench_pgbench10 && pgbench $PG -q -i -s 10 bench_pgbench10 >/dev/null 2>&1; } ;;
    mariadb_app) [[ -n "$(mariadb $MY -Nse "SHOW DATABASES LIKE 'bench_app'")" ]] \
      || { mariadb $MY -e "CREATE DATABASE bench_app" && mariadb $MY bench_app < bench/mariadb-app.sql; } ;;
  esac
}
dbname() { case "$1" in pg_app|mariadb_app) echo bench_app ;; pg_pgbench100) echo bench_pgbench100 ;; pg_pgbench10) echo bench_pgbench10 ;; esac; }
url() { case "$1" in pg_*) echo "postgres://postgres@127.0.0.1:5432/$(dbname "$1")" ;; mariadb_*) echo "mysql://root@127.0.0.1:3306/bench_app" ;; esac; }
size() { case "$1" in pg_*) psql $PG -Atc "SELECT pg_database_size('$(dbname "$1")')" ;;
  mariadb_*) mariadb $MY -Nse "SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = 'bench_app'" ;; esac; }

WORK=$(mktemp -d /tmp/strongroom-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx512m -XX:+UseSerialGC -jar "$S3MOCK" --com.adobe.testing.s3mock.httpPort="$PORT" --server.port=0 \
  --com.adobe.testing.s3mock.store.root="$WORK/s3" --com.adobe.testing.s3mock.store.initial-buckets=bench \
  --logging.level.root=WARN >"$WORK/s3mock.log" 2>&1 &
S3PID=$!
trap 'kill $S3PID 2>/dev/null; wait $S3PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
ENDPOINT="http://127.0.0.1:$PORT"
export SR_DATABASE_URL

RUNNER="java $JVM_OPTS -jar $JAR"
if [[ "$LAUNCH" == bundle ]]; then
  [[ -f target/strongroom-runner.tar.gz ]] || ./mvnw -B -q -DskipTests package
  tar -xzf target/strongroom-runner.tar.gz -C "$WORK"
  # from the bundle's folder: its class archive records the class path relative to it
  RUNNER="env -C $WORK/strongroom-runner bin/java -XX:SharedArchiveFile=app/runner.jsa $JVM_OPTS -jar app/strongroom.jar"
fi
if [[ "$LAUNCH" == cds ]]; then
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
  mkdir -p "$WORK/train"
  cat >"$WORK/train.json" <<SPEC
{ "version": 1, "addonName": "train", "databaseLabel": "T", "databaseUrlEnv": "SR_DATABASE_URL",
  "destination": { "type": "s3", "bucket": "bench", "region": "us-east-1", "endpoint": "$ENDPOINT",
    "pathStyle": true, "prefix": "train", "accessKeyIdEnv": "AWS_ACCESS_KEY_ID", "secretAccessKeyEnv": "AWS_SECRET_ACCESS_KEY" } }
SPEC
  SR_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres java -XX:ArchiveClassesAtExit="$WORK/extracted/runner.jsa" \
    $JVM_OPTS -jar "$WORK/extracted/strongroom.jar" backup --spec "$WORK/train.json" >/dev/null 2>>"$WORK/errors.log"
  RUNNER="java -XX:SharedArchiveFile=$WORK/extracted/runner.jsa $JVM_OPTS -jar $WORK/extracted/strongroom.jar"
fi
echo "launch: $RUNNER; zstd level $LEVEL; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# wall seconds of a shell command (output discarded)
wall() { local s e; s=$(date +%s.%N); bash -c "$1" >/dev/null 2>>"$WORK/errors.log"; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
objsize() { aws --endpoint-url "$ENDPOINT" s3api head-object --bucket bench --key "$1" --query ContentLength --output text; }

echo "| database | size | floor s | runner s | ratio | naive s | naive/runner | runner MB | naive MB | runner peak RSS MB | runner CPU s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for name in $DATABASES; do
  prepare "$name"
  db=$(dbname "$name")
  SR_DATABASE_URL=$(url "$name")
  cat >"$WORK/spec.json" <<SPEC
{ "version": 1, "addonName": "bench", "databaseLabel": "$name", "databaseUrlEnv": "SR_DATABASE_URL",
  "compression": { "algorithm": "zstd", "level": $LEVEL },
  "destination": { "type": "s3", "bucket": "bench", "region": "us-east-1", "endpoint": "$ENDPOINT",
    "pathStyle": true, "prefix": "runner", "accessKeyIdEnv": "AWS_ACCESS_KEY_ID", "secretAccessKeyEnv": "AWS_SECRET_ACCESS_KEY" } }
SPEC
  case "$name" in
    pg_*) floor="pg_dump $PG -Fc -Z0 $db > /dev/null"
          naive="pg_dump $PG -Fc $db | openssl enc -aes-256-cbc -salt -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_ENCRYPTION_KEY | aws --endpoint-url $ENDPOINT s3 cp - s3://bench/naive/$name.enc" ;;
    mariadb_*) floor="mariadb-dump $MY --single-transaction --quick --hex-blob --routines --triggers --events $db > /dev/null"
          naive="mariadb-dump $MY --single-transaction --quick --hex-blob --routines --triggers --events $db | gzip | openssl enc -aes-256-cbc -salt -pbkdf2 -iter 100000 -md sha256 -pass env:STRONGROOM_ENCRYPTION_KEY | aws --endpoint-url $ENDPOINT s3 cp - s3://bench/naive/$name.enc" ;;
  esac
  : >"$WORK/floor" ; : >"$WORK/runner" ; : >"$WORK/naive" ; : >"$WORK/rss" ; : >"$WORK/cpu"
  for run in $(seq 1 "$RUNS"); do
    wall "$floor" >>"$WORK/floor"
    s=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$WORK/time" $RUNNER backup --spec "$WORK/spec.json" >"$WORK/result.json" 2>>"$WORK/runner.log"
    e=$(date +%s.%N); echo "$e - $s" | bc >>"$WORK/runner"
    tail -n 1 "$WORK/time" | awk '{ print $1 / 1024 }' >>"$WORK/rss"
    tail -n 1 "$WORK/time" | awk '{ print $2 + $3 }' >>"$WORK/cpu"
    key=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["objectKey"])' "$WORK/result.json")
    runner_bytes=$(objsize "$key")
    wall "$naive" >>"$WORK/naive"
    naive_bytes=$(objsize "naive/$name.enc")
  done
  f=$(median <"$WORK/floor"); r=$(median <"$WORK/runner"); n=$(median <"$WORK/naive"); m=$(median <"$WORK/rss"); c=$(median <"$WORK/cpu")
  printf "| %s | %s MB | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.0f | %.1f |\n" "$name" "$(( $(size "$name") / 1000000 ))" \
    "$f" "$r" "$(echo "$r / $f" | bc -l)" "$n" "$(echo "$n / $r" | bc -l)" \
    "$(echo "$runner_bytes / 1000000" | bc -l)" "$(echo "$naive_bytes / 1000000" | bc -l)" "$m" "$c"
  echo "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  echo "  runs: floor $(paste -sd' ' "$WORK/floor"), runner $(paste -sd' ' "$WORK/runner"), naive $(paste -sd' ' "$WORK/naive"), rss $(paste -sd' ' "$WORK/rss"), cpu $(paste -sd' ' "$WORK/cpu")" >&2
done
