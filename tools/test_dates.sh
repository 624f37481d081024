#!/usr/bin/env bash
# make test-dates: the whole test command with the machine's clock moved to
# other days (libfaketime, Debian's faketime), so that no test depends on
# the real date.  HEALTH_TEST_DATES="2026-12-15 2027-06-01" overrides them.
# Each run gets its own PostgreSQL cluster, started under the same fake
# clock as Odoo (a server already running would keep the real one); the
# runs go side by side.
source "$(dirname "$0")/common.sh"

DATES="${HEALTH_TEST_DATES:-2026-12-15 2027-06-01 2030-01-15}"
command -v faketime >/dev/null || apt_install faketime \
    || die "make test-dates needs faketime: run 'apt-get install faketime' as root"
ensure_odoo  # the virtualenv and Odoo are set up once, with the real clock
ensure_browser
ensure_wkhtmltopdf

# Chromium does not start under libfaketime (its start fails or hangs), so
# the browser tours are left out here: they build their data relative to the
# day they run, and run in make test. Extra arguments replace this selection.
[ "$#" -gt 0 ] || set -- addons -k "not tour"

# The dates run side by side, each with its own cluster, port and logs.
# Only the wall clock is moved: the monotonic clock stays real, so that
# timeouts (thread joins, lock waits, the browser) behave as usual.
pids=()
port=5440
for day in $DATES; do
    log "make test with the clock at $day 10:00 (log: $LOCAL_DIR/test-$day.out)"
    rm -rf "$LOCAL_DIR/pg-$day"
    HEALTH_PG_DIR="$LOCAL_DIR/pg-$day" HEALTH_PG_PORT=$port HEALTH_USE_LOCAL_PG=1 \
        HEALTH_RUN_TAG="$day" HEALTH_TEST_DB= HEALTH_KEEP_DB= HEALTH_SKIP_STATIC=1 \
        FAKETIME_DONT_FAKE_MONOTONIC=1 \
        faketime "$day 10:00:00" bash "$PROJECT_DIR/tools/test.sh" "$@" >"$LOCAL_DIR/test-$day.out" 2>&1 &
    pids+=($!)
    port=$((port + 1))
done
status=0
results=()
days=($DATES)
for pid in "${pids[@]}"; do
    day="${days[0]}"; days=("${days[@]:1}")
    rc=0; wait "$pid" || rc=$?
    summary=$(grep -E '^tests: ' "$LOCAL_DIR/test-$day.out" | tail -n1)
    results+=("$day: ${summary:-no test summary, see $LOCAL_DIR/test-$day.out} (exit $rc)")
    [ "$rc" = 0 ] || status=1
    rm -rf "$LOCAL_DIR/pg-$day"
done
printf '%s\n' "${results[@]}"
exit $status
