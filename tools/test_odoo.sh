#!/usr/bin/env bash
# make test-odoo: Odoo's own tests of the apps the suite extends, run on a
# database with the suite and on one without it, and their failure counts
# side by side.  The suite must not make Odoo's tests fail more.
#
# Each database gets the same Odoo modules (those the suite depends on),
# without demo data as in production (ODOO_TEST_DEMO=1 loads it: the suite's
# demo users work in French, which some of Odoo's tests cannot deactivate); then "-u <apps> --test-tags /<app>,..." upgrades the apps so that
# their at_install tests run while the modules load (the suite's data and
# rules are in the database, its code loads after them) and their
# post_install tests once everything is loaded.
#   ODOO_TEST_APPS=crm,calendar    the apps whose tests run (default below)
#   ODOO_TEST_SIDES=suite          run one side only (core or suite)
#   ODOO_TEST_DEMO=1               with demo data
#   HEALTH_KEEP_DB=1               keep both databases
#   ODOO_TEST_OUT, ODOO_TEST_PORT  where the logs go, the HTTP port of the tours
source "$(dirname "$0")/common.sh"

APPS="${ODOO_TEST_APPS:-crm,calendar,event,account}"
SIDES="${ODOO_TEST_SIDES:-core suite}"
DEMO_OPT=--without-demo=all
[ "${ODOO_TEST_DEMO:-0}" = 0 ] || DEMO_OPT=""
ensure_odoo
ensure_browser
ensure_wkhtmltopdf
ensure_pg
cd "$PROJECT_DIR"

STAMP="$(date +%Y%m%d_%H%M%S)_$$"
DB_SUITE="health_odoo_suite_$STAMP"
DB_CORE="health_odoo_core_$STAMP"
OUT="${ODOO_TEST_OUT:-$LOCAL_DIR/test-odoo}"
PORT="${ODOO_TEST_PORT:-8169}"  # the suite's server; the core one gets PORT + 100
mkdir -p "$OUT"
cleanup() {
    local rc=$? db
    if [ -z "${HEALTH_KEEP_DB:-}" ]; then
        for db in "$DB_SUITE" "$DB_CORE"; do
            psql_run -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
            rm -rf "$LOCAL_DIR/data/filestore/$db"
        done
    fi
    rm -f "$LOCAL_DIR/odoo-suite-$STAMP.conf" "$LOCAL_DIR/odoo-core-$STAMP.conf"
    stop_pg_if_started
    exit $rc
}
trap cleanup EXIT

odoo_run() {  # name db port log args...
    local name="$1" db="$2" port="$3" logfile="$4"
    shift 4
    write_config "odoo-$name-$STAMP" "db_name=$db" "dbfilter=^$db\$" "max_cron_threads=0" \
        "http_port=$port" "gevent_port=$((port + 1))"
    odoo_bin -c "$CONFIG_FILE" -d "$db" --stop-after-init --log-level=info --logfile="$logfile" \
        ${DEMO_OPT:+"$DEMO_OPT"} "$@"
}

# Both databases get the Odoo (and OCA) modules the suite depends on; the
# suite database gets the suite on top of them.
CORE_MODULES=$("$PY" - "$PROJECT_DIR/addons" <<'PYEOF'
import ast, pathlib, sys
suite = {p.parent.name: ast.literal_eval(p.read_text()) for p in pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")}
print(",".join(sorted({d for m in suite.values() for d in m.get("depends", []) if d not in suite})))
PYEOF
)
for side in $SIDES; do
    if [ "$side" = suite ]; then
        log "installing the suite into $DB_SUITE"
        odoo_run suite "$DB_SUITE" "$PORT" "$OUT/install-suite.log" -i "$CORE_MODULES,$(suite_modules)" \
            || { tail -30 "$OUT/install-suite.log"; die "installing the suite failed (see $OUT/install-suite.log)"; }
    else
        log "installing $CORE_MODULES without the suite into $DB_CORE"
        odoo_run core "$DB_CORE" "$((PORT + 100))" "$OUT/install-core.log" -i "$CORE_MODULES" \
            || { tail -30 "$OUT/install-core.log"; die "installing Odoo's modules failed (see $OUT/install-core.log)"; }
    fi
done

TAGS=$(printf '/%s,' ${APPS//,/ }); TAGS=${TAGS%,}
log "running Odoo's tests $TAGS on both databases (this takes a while)"
start=$(date +%s)
pids=()
for side in $SIDES; do
    if [ "$side" = suite ]; then db="$DB_SUITE"; port=$PORT; else db="$DB_CORE"; port=$((PORT + 100)); fi
    # Odoo exits non-zero when a test fails: the counts below say how many.
    { odoo_run "$side" "$db" "$port" "$OUT/tests-$side.log" -u "$APPS" --test-enable --test-tags "$TAGS" || true; } &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
log "Odoo's tests ran in $(( $(date +%s) - start )) s"

# Odoo logs one "FAIL: Class.test" / "ERROR: Class.test" line per failing test
# and a total per run; compare the names so that a new failure is named.
summary() {  # side
    local logfile="$OUT/tests-$1.log"
    grep -oE '(FAIL|ERROR): ([A-Za-z0-9_]+\.test[A-Za-z0-9_]*|setUpClass \([^)]*\))' "$logfile" \
        | sort -u > "$OUT/failing-$1.txt" || true
    grep -oE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$logfile" \
        | awk '{f+=$1; e+=$3; t+=$6} END {printf "%d failed, %d errors of %d tests", f, e, t}'
}
status=0
for side in $SIDES; do
    printf '%-6s %s (%s failing tests, log %s)\n' "$side" "$(summary "$side")" \
        "$(wc -l < "$OUT/failing-$side.txt")" "$OUT/tests-$side.log"
done
if [ -f "$OUT/failing-core.txt" ] && [ -f "$OUT/failing-suite.txt" ]; then
    comm -13 "$OUT/failing-core.txt" "$OUT/failing-suite.txt" > "$OUT/failing-only-with-suite.txt"
    if [ -s "$OUT/failing-only-with-suite.txt" ]; then
        log "failing only with the suite installed:"
        cat "$OUT/failing-only-with-suite.txt" >&2
        status=1
    else
        log "the suite adds no failure to Odoo's tests of $APPS"
    fi
fi
exit $status
