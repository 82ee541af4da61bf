#!/usr/bin/env bash
# Live call dashboard on a real local Asterisk, in one command.
#
#   scripts/dashboard.sh [--demo[=CALLS_PER_MINUTE]] [--port=PORT] [--compose]
#
#   --demo[=N]   originate N real demo calls per minute (default 6) into the demo dialplan and queue
#   --port=P     HTTP port of the dashboard (default 8080)
#   --compose    use docker compose (docker-compose.yml) instead of the local rootfs Asterisk
#
# Without --compose: starts the test Asterisk with scripts/asterisk.sh (the same Debian sid rootfs the
# integration tests use; needs root and Linux), builds the dashboard jar when it is missing or older than
# the sources, and runs it in the foreground connected to that Asterisk. Ctrl-C stops the dashboard;
# Asterisk keeps running (scripts/asterisk.sh stop stops it).
#
# Sign in at http://127.0.0.1:PORT/ as 'admin' with the password printed at startup, or configure users:
#   DASHBOARD_USERS_ALICE_PASSWORD='$2a$10$...' DASHBOARD_USERS_ALICE_ROLE=operator scripts/dashboard.sh
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
JAR="$REPO_ROOT/dashboard-app/target/dashboard-app-0.1.0-SNAPSHOT-exec.jar"

DEMO=false
RATE=6
PORT=8080
COMPOSE=false

log() { printf '[dashboard.sh] %s\n' "$*" >&2; }
die() { printf '[dashboard.sh] ERROR: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
    case "$arg" in
        --demo) DEMO=true ;;
        --demo=*) DEMO=true; RATE="${arg#--demo=}" ;;
        --port=*) PORT="${arg#--port=}" ;;
        --compose) COMPOSE=true ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 0 ;;
        *) die "unknown argument: $arg (see --help)" ;;
    esac
done
[[ "$RATE" =~ ^[1-9][0-9]*$ ]] || die "--demo needs a whole number of calls per minute, not '$RATE'"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port needs a number, not '$PORT'"

if [[ "$COMPOSE" == true ]]; then
    command -v docker >/dev/null || die "--compose needs Docker"
    log "starting Asterisk and the dashboard with docker compose (demo traffic: $DEMO)"
    cd "$REPO_ROOT"
    DASHBOARD_DEMO_ENABLED="$DEMO" DASHBOARD_DEMO_CALLS_PER_MINUTE="$RATE" DASHBOARD_PORT="$PORT" \
        exec docker compose up --build
fi

command -v java >/dev/null || die "needs a JDK 17+ (java not found)"

log "starting the test Asterisk (scripts/asterisk.sh start; first run provisions a Debian rootfs)"
"$SCRIPT_DIR/asterisk.sh" start
AMI_URL="$("$SCRIPT_DIR/asterisk.sh" url)"

if [[ ! -f "$JAR" ]] || [[ -n "$(find "$REPO_ROOT/dashboard-app/src" "$REPO_ROOT/ami-client/src/main" \
        "$REPO_ROOT/ami-spring-boot-autoconfigure/src/main" \
        -newer "$JAR" -type f -print -quit)" ]]; then
    log "building the dashboard (./mvnw package -DskipTests)"
    (cd "$REPO_ROOT" && ./mvnw -B -q -pl dashboard-app -am package -DskipTests)
fi

log "dashboard on http://127.0.0.1:$PORT/ connected to $AMI_URL (demo traffic: $DEMO, $RATE calls/min)"
exec java -jar "$JAR" \
    --ami.url="$AMI_URL" \
    --server.port="$PORT" \
    --dashboard.originate-contexts=demo \
    --dashboard.demo.enabled="$DEMO" \
    --dashboard.demo.calls-per-minute="$RATE"
