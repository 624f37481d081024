#!/usr/bin/env bash
# make test-dates: the whole test command with the machine's clock moved to
# other days (libfaketime, Debian's faketime), so that no test depends on
# the real date.  HEALTH_TEST_DATES="2026-12-15 2027-06-01" overrides them.
# Each run gets its own PostgreSQL cluster, started under the same fake
# clock as Odoo (a server already running would keep the real one).
source "$(dirname "$0")/common.sh"

DATES="${HEALTH_TEST_DATES:-2026-12-15 2027-06-01 2030-01-15}"
command -v faketime >/dev/null || apt_install faketime \
    || die "make test-dates needs faketime: run 'apt-get install faketime' as root"
ensure_odoo  # the virtualenv and Odoo are set up once, with the real clock
ensure_browser
ensure_wkhtmltopdf

results=()
status=0
for day in $DATES; do
    log "make test with the clock at $day 10:00"
    rm -rf "$LOCAL_DIR/pg-faketime"
    set +e
    HEALTH_PG_DIR="$LOCAL_DIR/pg-faketime" HEALTH_PG_PORT=5439 HEALTH_USE_LOCAL_PG=1 \
        HEALTH_TEST_DB= HEALTH_SKIP_STATIC=1 \
        faketime "$day 10:00:00" bash "$PROJECT_DIR/tools/test.sh" "$@" 2>&1 | tee "$LOCAL_DIR/test-$day.log"
    rc=${PIPESTATUS[0]}
    set -e
    summary=$(grep -E '^tests: ' "$LOCAL_DIR/test-$day.log" | tail -n1)
    results+=("$day: ${summary:-no test summary} (exit $rc)")
    [ "$rc" = 0 ] || status=1
done
rm -rf "$LOCAL_DIR/pg-faketime"
printf '%s\n' "${results[@]}"
exit $status
