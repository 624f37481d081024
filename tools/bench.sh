#!/usr/bin/env bash
# make bench: build a throwaway database with every suite addon (no demo
# data), run the benchmark scenarios of tests/bench at several sizes against
# their Odoo core baselines, print the table, drop the database.
# BENCH_SIZES=100,1000 overrides the sizes; BENCH_ONLY=word filters scenarios
# (name or addon); BENCH_REPEAT=n timed passes per variant (2; the best is kept).
source "$(dirname "$0")/common.sh"
ensure_odoo
ensure_pg
DB_NAME="health_bench_$(date +%Y%m%d_%H%M%S)_$$"
cleanup() {
    psql_run -c "DROP DATABASE IF EXISTS \"$DB_NAME\"" >/dev/null 2>&1 || true
    rm -rf "$LOCAL_DIR/data/filestore/$DB_NAME"
    stop_pg_if_started
}
trap cleanup EXIT
write_config bench "db_name=$DB_NAME" "max_cron_threads=0" "logfile=$LOCAL_DIR/bench.log" "log_level=warn"
MODULES=$(suite_modules)
log "building $DB_NAME ($MODULES, without demo data)"
start=$(date +%s)
odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" -i "$MODULES" --without-demo=all --stop-after-init \
    || die "installation failed (see $LOCAL_DIR/bench.log)"
log "built in $(( $(date +%s) - start )) s; measuring"
cd "$PROJECT_DIR"
"$PY" tests/bench/run.py -c "$CONFIG_FILE" -d "$DB_NAME" --json "$LOCAL_DIR/bench.json" \
    ${BENCH_SIZES:+--sizes "$BENCH_SIZES"} ${BENCH_ONLY:+--only "$BENCH_ONLY"} ${BENCH_REPEAT:+--repeat "$BENCH_REPEAT"}
