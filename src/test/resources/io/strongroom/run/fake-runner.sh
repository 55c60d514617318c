#!/bin/sh
# A stand-in for the runner, started by the local launcher as: fake-runner.sh <dir> backup --run <url>.
# It records what it was given (arguments, environment, pid) under <dir>/<run id>.*, prints a line
# holding its secrets (the launcher must mask them in the run's log), then does what <dir>/mode says:
# "exit N" ends at once with code N; anything else waits to be stopped, as a hung runner would.
dir="$1"
shift
id=$(basename "$3")
printf '%s\n' "$@" > "$dir/$id.args.tmp" && mv "$dir/$id.args.tmp" "$dir/$id.args"
env > "$dir/$id.env.tmp" && mv "$dir/$id.env.tmp" "$dir/$id.env"
echo "runner: ticket $STRONGROOM_RUN_TICKET, key $STRONGROOM_ENCRYPTION_KEY, url $STRONGROOM_DATABASE_URL"
mode=$(cat "$dir/mode" 2>/dev/null || echo wait)
case "$mode" in
  exit*) exit ${mode#exit } ;;
esac
echo $$ > "$dir/$id.pid"
exec sleep 600
