#!/usr/bin/env bash
# Zhifa — the project's one test command.
#
#   ./test.sh                         run the whole test suite
#   ./test.sh --filter "FullyQualifiedName~Foo"
#                                     extra args are passed to `dotnet test`
#
# What it does:
#   1. Installs missing system prerequisites with apt-get when run as root
#      (postgresql, chromium + chromium-driver, fonts-noto-cjk); fails with a
#      clear message when not root and something is missing.
#   2. Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port (unless
#      ZHIFA_TEST_POSTGRES is already set, in which case that server is used).
#      The cluster is stopped and its directory removed on exit.
#   3. Exports ZHIFA_TEST_POSTGRES, ZHIFA_CHROMIUM and quiet dotnet settings.
#   4. Builds `Zhifa.slnx -c Release`, then runs the two test projects at the
#      same time (`dotnet test --no-build`) with TRX + console loggers into
#      ./TestResults (wiped first); the browser tests' output comes after.
#   5. Sums the TRX counters and prints a line
#      "N passed, N failed, N skipped", then the run's wall-clock time
#      ("took N s"). Exits non-zero if dotnet test failed,
#      any test failed, no test ran, or (when CI is set) any test was skipped.
#
# Environment:
#   ZHIFA_TEST_POSTGRES  use this server instead of starting a cluster
#                        (Npgsql connection string; tests create their own DBs)
#   ZHIFA_CHROMIUM       browser binary for UI tests (default /usr/bin/chromium)
#   CI                   when set, skipped/not-executed tests fail the run
#
# Debugging aid:
#   ZHIFA_TEST_PG_ONLY=1 ./test.sh
#       only starts a fresh throwaway cluster (ignores ZHIFA_TEST_POSTGRES),
#       runs `select version()` against it with psql, and exits (cleaning up).
set -euo pipefail

STARTED_AT=$SECONDS
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
REPO_ROOT="$PWD"
RESULTS="$REPO_ROOT/TestResults"

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }

IS_ROOT=0
[[ "$(id -u)" == "0" ]] && IS_ROOT=1

PG_ONLY="${ZHIFA_TEST_PG_ONLY:-}"
[[ "$PG_ONLY" == "0" ]] && PG_ONLY=""

# ---------------------------------------------------------------------------
# 1. Prerequisites
# ---------------------------------------------------------------------------
pg_bindir() {
    # Highest installed PostgreSQL major version.
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
    if [[ -n "$d" && -x "$d/initdb" ]]; then
        printf '%s\n' "$d"
    fi
}

ensure_prereqs() {
    local -a missing=()
    local need_pg=1

    if [[ -n "${ZHIFA_TEST_POSTGRES:-}" && -z "$PG_ONLY" ]]; then
        need_pg=0
    fi
    if (( need_pg )); then
        if [[ -z "$(pg_bindir)" ]] || ! command -v psql >/dev/null 2>&1; then
            missing+=(postgresql)
        fi
    fi

    if [[ -z "$PG_ONLY" ]]; then
        if [[ ! -x /usr/bin/chromium ]]; then
            missing+=(chromium chromium-driver)
        elif [[ ! -x /usr/bin/chromedriver ]]; then
            missing+=(chromium-driver)
        fi
        if ! command -v fc-list >/dev/null 2>&1; then
            missing+=(fontconfig fonts-noto-cjk)
        elif [[ -z "$(fc-list :lang=zh 2>/dev/null || true)" ]]; then
            missing+=(fonts-noto-cjk)
        fi
    fi

    (( ${#missing[@]} == 0 )) && return 0

    if (( ! IS_ROOT )); then
        die "missing system packages: ${missing[*]}. Install them (e.g. 'sudo apt-get install ${missing[*]}') or run this script as root."
    fi

    log "installing missing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null

    if (( need_pg )) && [[ -z "$(pg_bindir)" ]]; then
        die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
    fi
}

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------
PG_DIR=""
PG_BIN=""
PG_PORT=""

as_pg() {
    # Run a command as the postgres user when root (initdb refuses root).
    if (( IS_ROOT )); then
        (cd "$PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_DIR" && "$@")
    fi
}

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
        return
    fi
    local p i
    for i in $(seq 1 200); do
        p=$(( 20000 + RANDOM % 40000 ))
        if [[ -z "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]]; then
            echo "$p"
            return
        fi
    done
    die "could not find a free TCP port"
}

cleanup_pg() {
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
            as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
}

start_pg() {
    PG_BIN="$(pg_bindir)"
    [[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"

    PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/zhifa-pg.XXXXXX")"
    trap cleanup_pg EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    if (( IS_ROOT )); then
        id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (is the postgresql package installed?)"
        chown postgres: "$PG_DIR"
    fi

    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }

    # The port may be grabbed by someone else between picking and binding:
    # retry with a new port a few times.
    local attempt
    for attempt in 1 2 3 4 5; do
        PG_PORT="$(free_port)"
        if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            log "PostgreSQL $("$PG_BIN/postgres" --version | sed "s/^postgres (PostgreSQL) //") started on 127.0.0.1:$PG_PORT (dir $PG_DIR)"
            return 0
        fi
        log "PostgreSQL failed to start on port $PG_PORT (attempt $attempt); log:"
        tail -n 20 "$PG_DIR/log" >&2 || true
    done
    die "could not start PostgreSQL"
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
ensure_prereqs

if [[ -n "$PG_ONLY" ]]; then
    start_pg
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -v ON_ERROR_STOP=1 \
        -c 'select version()'
    log "PG_ONLY: cluster on port $PG_PORT answered; stopping and cleaning up"
    exit 0
fi

if [[ -z "${ZHIFA_TEST_POSTGRES:-}" ]]; then
    start_pg
    export ZHIFA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
else
    log "using existing ZHIFA_TEST_POSTGRES"
fi

export ZHIFA_CHROMIUM="${ZHIFA_CHROMIUM:-/usr/bin/chromium}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# Don't leave MSBuild worker nodes running after the build (they can keep
# CI's output pipes open).
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

set +e
# Built once; then the two test assemblies run at the same time (the browser tests mostly wait on Chromium and the app
# they drive, which leaves a core for the rest). The browser tests' console output is shown after the others'.
dotnet build Zhifa.slnx -c Release -nologo -clp:ErrorsOnly
TEST_RC=$?
if (( TEST_RC == 0 )); then
    dotnet test tests/Zhifa.BrowserTests/Zhifa.BrowserTests.csproj -c Release --no-build \
        --logger "trx;LogFilePrefix=browser" \
        --logger "console;verbosity=normal" \
        --results-directory "$RESULTS" \
        "$@" > "$RESULTS/browser-tests.log" 2>&1 &
    BROWSER_PID=$!
    dotnet test tests/Zhifa.Tests/Zhifa.Tests.csproj -c Release --no-build \
        --logger "trx;LogFilePrefix=zhifa" \
        --logger "console;verbosity=normal" \
        --results-directory "$RESULTS" \
        "$@"
    TEST_RC=$?
    wait "$BROWSER_PID"
    BROWSER_RC=$?
    echo "==== Browser tests ===="
    cat "$RESULTS/browser-tests.log"
    (( TEST_RC == 0 )) && TEST_RC=$BROWSER_RC
fi
set -e

# ---------------------------------------------------------------------------
# 5. Summarise TRX counters
# ---------------------------------------------------------------------------
trx_counter() {
    # trx_counter '<Counters ...>' NAME  ->  value of NAME="..." (0 if absent)
    local v
    v="$(printf '%s' "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")"
    echo "${v:-0}"
}


summarise_trx() {
    # Prints: total passed failed skipped files
    local f c total=0 passed=0 failed=0 skipped=0 files=0 k
    shopt -s globstar nullglob
    for f in "$RESULTS"/**/*.trx; do
        files=$((files + 1))
        c="$(grep -o '<Counters [^>]*>' "$f" | head -n1 || true)"
        [[ -n "$c" ]] || continue
        total=$((total + $(trx_counter "$c" total)))
        passed=$((passed + $(trx_counter "$c" passed)))
        for k in failed error timeout aborted; do
            failed=$((failed + $(trx_counter "$c" "$k")))
        done
        skipped=$((skipped + $(trx_counter "$c" notExecuted)))
    done
    shopt -u globstar nullglob
    echo "$total $passed $failed $skipped $files"
}

read -r TOTAL PASSED FAILED SKIPPED TRX_FILES < <(summarise_trx)

list_failures() {
    # Names every failed test and the first lines of its message, so that the
    # tail of a CI log says what failed even when the log is cut.
    shopt -s globstar nullglob
    local f
    for f in "$RESULTS"/**/*.trx; do
        python3 - "$f" <<'PY' 2>/dev/null || grep -o 'testName="[^"]*" [^>]*outcome="Failed"' "$f" || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    print("FAILED:", r.get("testName"))
    msg = r.find(".//t:ErrorInfo/t:Message", ns)
    trace = r.find(".//t:ErrorInfo/t:StackTrace", ns)
    for text, n in ((msg, 12), (trace, 8)):
        if text is not None and text.text:
            for line in text.text.strip().splitlines()[:n]:
                print("    " + line)
PY
    done
    shopt -u globstar nullglob
}
if (( FAILED > 0 )); then
    echo
    echo "==== Failed tests ===="
    list_failures
fi

echo
echo "==== Test summary ($TRX_FILES TRX file(s) in $RESULTS) ===="
echo "total:   $TOTAL"
echo "passed:  $PASSED"
echo "failed:  $FAILED"
echo "skipped: $SKIPPED"
echo "dotnet test exit code: $TEST_RC"
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
echo "took $((SECONDS - STARTED_AT)) s"

RC=0
if (( TEST_RC != 0 )); then
    log "dotnet test exited with $TEST_RC"
    RC=$TEST_RC
fi
if (( FAILED > 0 )); then
    log "$FAILED test(s) failed"
    RC=1
fi
if (( PASSED + FAILED == 0 )); then
    log "no tests were executed"
    RC=1
fi
if [[ -n "${CI:-}" ]] && (( SKIPPED > 0 )); then
    log "$SKIPPED test(s) skipped/not executed, which is not allowed in CI"
    RC=1
fi
exit "$RC"
