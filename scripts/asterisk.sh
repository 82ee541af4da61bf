#!/usr/bin/env bash
# Real Asterisk 22 for the amiboot tests, without Docker: a Debian sid rootfs
# built once with debootstrap and cached on the machine, run with chroot.
#
#   scripts/asterisk.sh provision   build the rootfs if it is missing or incomplete
#   scripts/asterisk.sh start       provision if needed, install asterisk/etc, start, wait for AMI
#   scripts/asterisk.sh stop        stop Asterisk (the rootfs stays)
#   scripts/asterisk.sh restart     stop + start
#   scripts/asterisk.sh status      exit 0 if Asterisk runs and AMI answers
#   scripts/asterisk.sh url         print the AMI URL
#   scripts/asterisk.sh tls-url     print the AMI-over-TLS URL (amis://, host name localhost: the certificate's only name)
#   scripts/asterisk.sh tls-ca      print the path of the test CA certificate (PEM) that signed the TLS port's certificate
#   scripts/asterisk.sh docs        print the directory of the rootfs Asterisk's XML documentation (core-en_US.xml)
#   scripts/asterisk.sh cli 'CMD'   run an Asterisk CLI command (e.g. 'core show channels')
#
# Environment:
#   AMIBOOT_ASTERISK_ROOTFS         rootfs directory (default /var/cache/amiboot/asterisk-rootfs)
#   AMIBOOT_ASTERISK_SUITE          Debian suite for debootstrap (default sid: Asterisk 22)
#   AMIBOOT_ASTERISK_MIRROR         Debian mirror (default http://deb.debian.org/debian)
#   AMIBOOT_ASTERISK_START_TIMEOUT  seconds to wait for a full boot + AMI banner (default 60)
#
# Needs root (debootstrap, mount, chroot) on Linux. Works from any directory.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
CONFIG_DIR="$REPO_ROOT/asterisk/etc"

ROOTFS="${AMIBOOT_ASTERISK_ROOTFS:-/var/cache/amiboot/asterisk-rootfs}"
ROOTFS="${ROOTFS%/}"
SUITE="${AMIBOOT_ASTERISK_SUITE:-sid}"
MIRROR="${AMIBOOT_ASTERISK_MIRROR:-http://deb.debian.org/debian}"
START_TIMEOUT="${AMIBOOT_ASTERISK_START_TIMEOUT:-60}"
PACKAGES="asterisk,asterisk-modules,asterisk-config"

AMI_HOST=127.0.0.1
AMI_PORT=15038
AMI_USER=amiboot
AMI_SECRET=amiboot

# AMI over TLS (manager.conf tlsbindaddr). Each start makes a fresh test CA and a server certificate for the
# name localhost only (no IP address), so that connecting to 127.0.0.1 is a host name mismatch the tests can use.
TLS_PORT=15039
TLS_HOST=localhost

# Host-side paths inside the rootfs. Note: <rootfs>/var/run is an absolute
# symlink to /run, so from the host always use <rootfs>/run, never <rootfs>/var/run.
PID_FILE="$ROOTFS/run/amiboot-asterisk.pid"
CONSOLE_LOG="$ROOTFS/var/log/asterisk/console.log"
MESSAGES_LOG="$ROOTFS/var/log/asterisk/messages.log"
LOCK_FILE="${ROOTFS}.lock"
# Next to manager.conf's tlscertfile / tlsprivatekey (/etc/asterisk/keys in the chroot); the CA's key is deleted after signing.
TLS_CA_FILE=amiboot-test-ca.pem
TLS_CA="$ROOTFS/etc/asterisk/keys/$TLS_CA_FILE"

log() { printf '[asterisk.sh] %s\n' "$*" >&2; }
die() { printf '[asterisk.sh] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
}

require_root() {
    [[ "$(uname -s)" == Linux ]] || die "needs Linux (debootstrap + chroot); on other systems use Docker (see asterisk/README.md)"
    if [[ "$(id -u)" -ne 0 ]]; then
        die "must run as root (it uses debootstrap, mount and chroot). Try: sudo $0 ${CMD:-start}
       Alternatives: point the tests at an Asterisk you already have with AMIBOOT_ASTERISK_URL=ami://user:secret@host:port, or install Docker."
    fi
}

# Serialises provision/start/stop between concurrent callers (e.g. two Maven JVMs).
take_lock() {
    mkdir -p "$(dirname "$LOCK_FILE")"
    exec 9>"$LOCK_FILE"
    if ! flock -w 1800 9; then
        die "timed out waiting for the lock $LOCK_FILE"
    fi
}

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# ---------------------------------------------------------------------------
# rootfs
# ---------------------------------------------------------------------------

rootfs_complete() {
    local dir="$1"
    [[ -x "$dir/usr/sbin/asterisk" && -f "$dir/etc/debian_version" ]] || return 1
    local status
    # shellcheck disable=SC2016  # ${db:Status-Status} is a dpkg-query format, not a shell expansion
    status="$(chroot "$dir" dpkg-query -W -f='${db:Status-Status}\n' asterisk asterisk-modules asterisk-config 2>/dev/null)" || return 1
    [[ "$(grep -c '^installed$' <<<"$status")" -eq 3 ]]
}

# Unmount everything mounted below $1 (deepest first). debootstrap mounts
# proc/sys inside its target and may leave them behind when it dies.
umount_below() {
    local dir mounts m
    dir="$(realpath -m "$1")"
    mounts="$(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r)"
    for m in $mounts; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "warning: could not unmount $m"
    done
}

safe_rm_rootfs() {
    local dir="$1"
    [[ -n "$dir" && "$dir" != / && -d "$dir" ]] || return 0
    umount_below "$dir"
    if awk -v d="$(realpath -m "$dir")" 'index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
        die "refusing to delete $dir: something is still mounted below it"
    fi
    rm -rf --one-file-system "$dir"
}

# Another process (e.g. a previous `provision`, or a manual debootstrap) may be
# building $ROOTFS.tmp right now: wait for it instead of building twice.
wait_for_foreign_debootstrap() {
    local waited=0
    while pgrep -f "debootstrap.*${ROOTFS}\.tmp" >/dev/null 2>&1; do
        if (( waited == 0 )); then log "a debootstrap into ${ROOTFS}.tmp is already running; waiting for it"; fi
        sleep 5
        waited=$((waited + 5))
        if (( waited > 1800 )); then die "the other debootstrap into ${ROOTFS}.tmp did not finish in 30 minutes"; fi
    done
}

ensure_debootstrap() {
    command -v debootstrap >/dev/null 2>&1 && return 0
    log "installing debootstrap with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q debootstrap >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; } \
        || die "could not install debootstrap (apt-get install -y debootstrap)"
}

# Make a rootfs built by anything (ours or a manual debootstrap) usable.
finish_rootfs() {
    local dir="$1"
    # pristine package configs; every start rebuilds /etc/asterisk = dist + asterisk/etc
    [[ -d "$dir/etc/asterisk.dist" ]] || cp -a "$dir/etc/asterisk" "$dir/etc/asterisk.dist"
    [[ -s "$dir/etc/hosts" ]] || printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$dir/etc/hosts"
    [[ -f "$dir/.amiboot-rootfs" ]] || {
        printf 'built=%s\nsuite=%s\nasterisk=%s\n' "$(date -u +%FT%TZ)" "$SUITE" \
            "$(chroot "$dir" /usr/sbin/asterisk -V 2>/dev/null || echo unknown)" >"$dir/.amiboot-rootfs"
    }
}

provision() {
    wait_for_foreign_debootstrap
    if [[ -d "$ROOTFS" ]] && rootfs_complete "$ROOTFS"; then
        finish_rootfs "$ROOTFS"
        return 0
    fi
    ensure_debootstrap
    local t0 tmp="${ROOTFS}.tmp" dlog="${ROOTFS}.debootstrap.log"
    t0="$(now)"
    log "building the Asterisk rootfs in $ROOTFS (debootstrap $SUITE, ~500 MB, about a minute; log: $dlog)"
    mkdir -p "$(dirname "$ROOTFS")"
    safe_rm_rootfs "$tmp"
    if ! debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$tmp" "$MIRROR" >"$dlog" 2>&1; then
        umount_below "$tmp"
        tail -n 30 "$dlog" >&2 || true
        die "debootstrap failed (full log: $dlog)"
    fi
    umount_below "$tmp"
    rootfs_complete "$tmp" || die "debootstrap finished but asterisk is not installed in $tmp (log: $dlog)"
    finish_rootfs "$tmp"
    if [[ -e "$ROOTFS" ]]; then
        log "replacing the incomplete rootfs $ROOTFS"
        safe_rm_rootfs "$ROOTFS"
    fi
    mv -T "$tmp" "$ROOTFS"
    log "rootfs ready in $(elapsed "$t0")s: $(chroot "$ROOTFS" /usr/sbin/asterisk -V)"
}

# ---------------------------------------------------------------------------
# process
# ---------------------------------------------------------------------------

# Prints the pid of our Asterisk if it is alive (not a zombie) and really runs
# the asterisk binary inside our rootfs; returns 1 otherwise.
running_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid state root
    pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    state="$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != Z && "$state" != X ]] || return 1
    root="$(readlink "/proc/$pid/root" 2>/dev/null)" || return 1
    [[ "$root" == "$(realpath -m "$ROOTFS")" ]] || return 1
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *asterisk* ]] || return 1
    echo "$pid"
}

# Reads the first line AMI sends; succeeds when it is the Asterisk banner.
ami_banner() {
    local line=""
    { exec 3<>"/dev/tcp/$AMI_HOST/$AMI_PORT"; } 2>/dev/null || return 1
    IFS= read -r -t 3 line <&3 || true
    exec 3<&- 3>&-
    line="${line%$'\r'}"
    [[ "$line" == "Asterisk Call Manager/"* ]] || return 1
    echo "$line"
}

ast_cli() {
    # -k: the remote console may ignore SIGTERM (e.g. when the server is hung)
    timeout -k 2 "${2:-30}" chroot "$ROOTFS" /usr/sbin/asterisk -rx "$1"
}

show_log_tail() {
    [[ -f "$CONSOLE_LOG" ]] || return 0
    log "last lines of $CONSOLE_LOG:"
    tail -n "${1:-40}" "$CONSOLE_LOG" >&2 || true
}

mount_pseudo_fs() {
    mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
    # debootstrap creates the static nodes; recreate any that are missing
    # (e.g. a rootfs copied with a tool that drops device files).
    local spec name major minor
    for spec in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
        IFS=: read -r name major minor <<<"$spec"
        if [[ ! -c "$ROOTFS/dev/$name" ]]; then
            rm -f "$ROOTFS/dev/$name"
            mknod -m 666 "$ROOTFS/dev/$name" c "$major" "$minor"
        fi
    done
    mkdir -p "$ROOTFS/dev/shm" "$ROOTFS/run/asterisk"
}

umount_pseudo_fs() {
    if mountpoint -q "$ROOTFS/proc"; then
        umount "$ROOTFS/proc" 2>/dev/null || umount -l "$ROOTFS/proc" 2>/dev/null || true
    fi
}

# /etc/asterisk := pristine package defaults (etc/asterisk.dist) + our asterisk/etc on top.
install_config() {
    [[ -d "$CONFIG_DIR" ]] || die "config directory $CONFIG_DIR not found"
    local etc="$ROOTFS/etc"
    rm -rf "$etc/asterisk.new"
    cp -a "$etc/asterisk.dist" "$etc/asterisk.new"
    cp -r "$CONFIG_DIR/." "$etc/asterisk.new/"
    # users.conf: deprecated sample config that only produces a warning at startup
    [[ -e "$CONFIG_DIR/users.conf" ]] || rm -f "$etc/asterisk.new/users.conf"
    make_tls_certificates "$etc/asterisk.new/keys"
    rm -rf "$etc/asterisk.old"
    [[ -d "$etc/asterisk" ]] && mv -T "$etc/asterisk" "$etc/asterisk.old"
    mv -T "$etc/asterisk.new" "$etc/asterisk"
    rm -rf "$etc/asterisk.old"
}

# A fresh test CA (its key deleted at once) and the TLS port's key + certificate (SAN DNS:localhost) in $1.
make_tls_certificates() {
    local keys="$1" work
    command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the test TLS certificates (apt-get install openssl)"
    work="$(mktemp -d)"
    mkdir -p "$keys"
    if ! {
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
            -subj "/CN=amiboot test CA $(date -u +%FT%TZ)" -keyout "$work/ca.key" -out "$keys/$TLS_CA_FILE" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
        && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$TLS_HOST" \
            -keyout "$keys/asterisk.key" -out "$work/server.csr" \
        && printf 'subjectAltName=DNS:%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' \
            "$TLS_HOST" >"$work/server.ext" \
        && openssl x509 -req -in "$work/server.csr" -CA "$keys/$TLS_CA_FILE" -CAkey "$work/ca.key" \
            -set_serial "0x$(openssl rand -hex 12)" -days 30 -extfile "$work/server.ext" -out "$keys/asterisk.pem"
    } >"$work/openssl.log" 2>&1; then
        cat "$work/openssl.log" >&2
        rm -rf "$work"
        die "could not make the test TLS certificates with openssl"
    fi
    rm -rf "$work"
    chmod 600 "$keys/asterisk.key"
    chmod 644 "$keys/$TLS_CA_FILE" "$keys/asterisk.pem"
}

# Reads the banner through TLS, trusting only the test CA and checking the name localhost; succeeds on the banner.
tls_banner() {
    [[ -f "$TLS_CA" ]] || return 1
    local line
    # -quiet implies -ign_eof; the unauthenticated Logoff makes Asterisk answer Goodbye and close
    line="$(printf 'Action: Logoff\r\n\r\n' | timeout -k 1 5 openssl s_client -connect "$AMI_HOST:$TLS_PORT" \
        -servername "$TLS_HOST" -verify_hostname "$TLS_HOST" -CAfile "$TLS_CA" -verify_return_error -quiet 2>/dev/null \
        | head -n 1)" || true
    line="${line%$'\r'}"
    [[ "$line" == "Asterisk Call Manager/"* ]] || return 1
    echo "$line"
}

# The manager opens its TLS port with the plain one, but give a slow machine a few seconds.
wait_tls_ready() {
    local deadline=$(( $(date +%s) + $1 ))
    until tls_banner >/dev/null; do
        (( $(date +%s) < deadline )) || return 1
        sleep 0.2
    done
}

do_start() {
    local pid
    if pid="$(running_pid)"; then
        if wait_ready "$pid" "$START_TIMEOUT"; then
            log "already running (pid $pid); AMI at $AMI_HOST:$AMI_PORT"
            tls_banner >/dev/null || log "warning: AMI over TLS on $AMI_HOST:$TLS_PORT does not answer with the test CA $TLS_CA; it was started without TLS (an older asterisk/etc?): $0 restart sets it up"
            return 0
        fi
        die "Asterisk (pid $pid) runs but did not become ready; try: $0 restart"
    fi
    if ami_banner >/dev/null; then
        die "port $AMI_HOST:$AMI_PORT already answers AMI, but not from $ROOTFS. Stop the other Asterisk (or use it via AMIBOOT_ASTERISK_URL)."
    fi

    local t0
    t0="$(now)"
    provision
    install_config
    mount_pseudo_fs
    rm -f "$ROOTFS/run/asterisk/asterisk.ctl" "$ROOTFS/run/asterisk/asterisk.pid"
    mkdir -p "$(dirname "$CONSOLE_LOG")"
    [[ -f "$CONSOLE_LOG" ]] && mv -f "$CONSOLE_LOG" "$CONSOLE_LOG.1"
    [[ -f "$MESSAGES_LOG" ]] && mv -f "$MESSAGES_LOG" "$MESSAGES_LOG.1"

    # setsid: own session, so Ctrl-C / a dying parent (Maven, CI shell) do not kill it.
    # All fds redirected/closed so callers reading our stdout (ProcessBuilder) do not hang.
    setsid chroot "$ROOTFS" /usr/sbin/asterisk -f -n \
        </dev/null >"$CONSOLE_LOG" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"

    if ! wait_ready "$pid" "$START_TIMEOUT"; then
        show_log_tail 40
        do_stop >/dev/null 2>&1 || true
        die "Asterisk did not become ready within ${START_TIMEOUT}s (full log: $CONSOLE_LOG)"
    fi
    if ! wait_tls_ready 15; then
        show_log_tail 40
        do_stop >/dev/null 2>&1 || true
        die "Asterisk started, but AMI over TLS on $AMI_HOST:$TLS_PORT did not answer with the test certificate (full log: $CONSOLE_LOG)"
    fi
    log "started in $(elapsed "$t0")s (pid $pid, $(chroot "$ROOTFS" /usr/sbin/asterisk -V)); AMI at $AMI_HOST:$AMI_PORT, over TLS at $TLS_HOST:$TLS_PORT (CA: $TLS_CA); log: $CONSOLE_LOG"
}

# Waits until Asterisk is fully booted and the AMI port sends its banner.
wait_ready() {
    local pid="$1" timeout="$2" deadline out
    deadline=$(( $(date +%s) + timeout ))
    # 1. the CLI control socket accepts `core waitfullybooted` (blocks until booted)
    while true; do
        out="$(timeout -k 1 5 chroot "$ROOTFS" /usr/sbin/asterisk -rx 'core waitfullybooted' 2>/dev/null || true)"
        [[ "$out" == *"fully booted"* ]] && break
        if [[ ! -d "/proc/$pid" ]] || [[ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" == Z ]]; then
            log "Asterisk (pid $pid) exited during startup"
            return 1
        fi
        (( $(date +%s) < deadline )) || { log "timed out waiting for 'core waitfullybooted'"; return 1; }
        sleep 0.2
    done
    # 2. AMI answers with its banner
    until ami_banner >/dev/null; do
        (( $(date +%s) < deadline )) || { log "timed out waiting for the AMI banner on $AMI_HOST:$AMI_PORT"; return 1; }
        sleep 0.2
    done
}

do_stop() {
    local pid t0
    t0="$(now)"
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        umount_pseudo_fs
        log "not running"
        return 0
    fi
    local i
    if ast_cli 'core stop now' 10 >/dev/null 2>&1; then
        for ((i = 0; i < 100; i++)); do        # 10 s for a clean shutdown
            running_pid >/dev/null || break
            sleep 0.1
        done
    fi
    if running_pid >/dev/null; then
        log "Asterisk (pid $pid) did not stop with 'core stop now'; sending SIGTERM"
        kill -TERM "$pid" 2>/dev/null || true
        kill -CONT "$pid" 2>/dev/null || true   # in case it was stopped (SIGSTOP)
        for ((i = 0; i < 50; i++)); do
            running_pid >/dev/null || break
            sleep 0.1
        done
    fi
    if running_pid >/dev/null; then
        log "Asterisk (pid $pid) ignored SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            running_pid >/dev/null || break
            sleep 0.1
        done
    fi
    running_pid >/dev/null && die "could not stop Asterisk (pid $pid)"
    rm -f "$PID_FILE"
    umount_pseudo_fs
    log "stopped in $(elapsed "$t0")s"
}

do_status() {
    local pid banner
    if ! pid="$(running_pid)"; then
        echo "Asterisk is not running (rootfs: $ROOTFS)"
        return 3
    fi
    if ! banner="$(ami_banner)"; then
        echo "Asterisk runs (pid $pid) but AMI on $AMI_HOST:$AMI_PORT does not answer"
        return 1
    fi
    echo "Asterisk is running (pid $pid); $banner on $AMI_HOST:$AMI_PORT"
    ast_cli 'core show uptime' 2>/dev/null | sed 's/^/  /' || true
}

main() {
    CMD="${1:-}"
    case "$CMD" in
        url)
            echo "ami://$AMI_USER:$AMI_SECRET@$AMI_HOST:$AMI_PORT"
            ;;
        tls-url)
            echo "amis://$AMI_USER:$AMI_SECRET@$TLS_HOST:$TLS_PORT"
            ;;
        docs)
            # Asterisk's XML documentation in the rootfs, which the catalogue's drift check compares with ours.
            [[ -r "$ROOTFS/usr/share/asterisk/documentation/core-en_US.xml" ]] \
                || die "no Asterisk XML documentation in $ROOTFS (not provisioned yet?); run: $0 provision"
            echo "$ROOTFS/usr/share/asterisk/documentation"
            ;;
        tls-ca)
            [[ -r "$TLS_CA" ]] || die "no test CA certificate at $TLS_CA: the running Asterisk was not started by this script's start (or is not running); run: $0 restart"
            echo "$TLS_CA"
            ;;
        provision)
            require_root; take_lock; provision
            ;;
        start)
            require_root; take_lock; do_start
            ;;
        stop)
            require_root; take_lock; do_stop
            ;;
        restart)
            require_root; take_lock
            local t0
            t0="$(now)"
            do_stop
            do_start
            log "restarted in $(elapsed "$t0")s"
            ;;
        status)
            require_root; do_status
            ;;
        cli)
            require_root
            [[ $# -ge 2 ]] || die "usage: $0 cli 'core show channels'"
            running_pid >/dev/null || die "Asterisk is not running"
            ast_cli "$2"
            ;;
        -h | --help | help)
            usage
            ;;
        *)
            usage
            exit 2
            ;;
    esac
}

main "$@"
