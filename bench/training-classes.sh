#!/usr/bin/env bash
# Regenerates src/main/resources/io/strongroom/runner/training-classes.txt: the classes a real
# backup (PostgreSQL, S3) and a verification (restore test, create mode) load that `self-test` does
# not. The runner bundle's training run (pom.xml) loads them by name so its class-data archive holds
# them (SelfTestCommand). Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and the built
# target/strongroom-runner.tar.gz; starts its own S3Mock. Run after dependency upgrades.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/main/resources/io/strongroom/runner/training-classes.txt
WORK=$(mktemp -d /tmp/strongroom-training.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx512m -XX:+UseSerialGC -jar target/s3mock-4.12.4-exec.jar --com.adobe.testing.s3mock.httpPort="$PORT" \
  --server.port=0 --com.adobe.testing.s3mock.store.root="$WORK/s3" \
  --com.adobe.testing.s3mock.store.initial-buckets=train --logging.level.root=WARN >"$WORK/s3mock.log" 2>&1 &
S3PID=$!
trap 'kill $S3PID 2>/dev/null; wait $S3PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
tar -xzf target/strongroom-runner.tar.gz -C "$WORK"
export STRONGROOM_ENCRYPTION_KEY=training AWS_ACCESS_KEY_ID=train AWS_SECRET_ACCESS_KEY=train MALLOC_ARENA_MAX=2
export SR_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres SR_VERIFY_URL=postgres://postgres@127.0.0.1:5432/postgres
DESTINATION="{\"type\": \"s3\", \"bucket\": \"train\", \"region\": \"us-east-1\", \"endpoint\": \"http://127.0.0.1:$PORT\",
  \"pathStyle\": true, \"accessKeyIdEnv\": \"AWS_ACCESS_KEY_ID\", \"secretAccessKeyEnv\": \"AWS_SECRET_ACCESS_KEY\"}"
echo "{\"version\": 1, \"addonName\": \"train\", \"databaseLabel\": \"T\", \"databaseUrlEnv\": \"SR_DATABASE_URL\", \"destination\": $DESTINATION}" >"$WORK/backup.json"
RUN="env -C $WORK/strongroom-runner bin/java -Xshare:off -Xmx80m -XX:+UseSerialGC"
$RUN -Xlog:class+load=info:file="$WORK/self-test.log" -jar app/strongroom.jar self-test >/dev/null
$RUN -Xlog:class+load=info:file="$WORK/backup.log" -jar app/strongroom.jar backup --spec "$WORK/backup.json" >"$WORK/result.json"
python3 - "$WORK/result.json" "$DESTINATION" >"$WORK/verify.json" <<'PY'
import json, sys
b = json.loads(open(sys.argv[1]).read().splitlines()[-1])
print(json.dumps({"version": 1, "objectKey": b["objectKey"], "sha256": b["sha256"], "hmacSha256": b["hmacSha256"],
    "destination": json.loads(sys.argv[2]), "restoreTest": {"databaseUrlEnv": "SR_VERIFY_URL", "mode": "create"}}))
PY
$RUN -Xlog:class+load=info:file="$WORK/verify.log" -jar app/strongroom.jar verify --spec "$WORK/verify.json" >/dev/null
# class names only; generated classes (lambdas, proxies) cannot be loaded by name
names() { sed -n 's/.*\[class,load\] \([^ ]*\) source: .*/\1/p' "$1" | grep -v '\$\$Lambda\|/0x\|\$Proxy' | sort -u; }
{
  echo "# Classes a real backup and verification load that self-test does not (bench/training-classes.sh)."
  comm -23 <(cat <(names "$WORK/backup.log") <(names "$WORK/verify.log") | sort -u) <(names "$WORK/self-test.log")
} >"$OUT"
echo "$(grep -vc '^#' "$OUT") classes in $OUT"
