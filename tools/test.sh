#!/usr/bin/env bash
# make test: static checks, then every suite addon's tests (browser tours
# included) with pytest-odoo in a fresh throwaway database; fails on a failing
# test and on any ERROR/WARNING line of Odoo's log that is not allowed in
# checklog-odoo.cfg.
source "$(dirname "$0")/common.sh"

ensure_odoo
cd "$PROJECT_DIR"

if [ -z "${HEALTH_SKIP_STATIC:-}" ]; then
    log "static checks"
    bash "$PROJECT_DIR/tools/static_checks.sh"
fi

ensure_browser
ensure_wkhtmltopdf

ensure_pg
# HEALTH_TEST_DB=name: work in that database (kept), upgrading the suite
# when it exists instead of installing it afresh -- for quick iterations.
DB_NAME="${HEALTH_TEST_DB:-health_test_$(date +%Y%m%d_%H%M%S)_$$}"
cleanup() {
    local rc=$?
    if [ -z "${HEALTH_KEEP_DB:-}${HEALTH_TEST_DB:-}" ]; then
        psql_run -c "DROP DATABASE IF EXISTS \"$DB_NAME\"" >/dev/null 2>&1 || true
        rm -rf "$LOCAL_DIR/data/filestore/$DB_NAME"
    else
        log "kept database $DB_NAME"
    fi
    stop_pg_if_started
    exit $rc
}
trap cleanup EXIT
MODULES=$(suite_modules)
# HEALTH_RUN_TAG=x: this run's configuration, logs and report are named
# test-x* so that several runs can go side by side (make test-dates).
RUN="test${HEALTH_RUN_TAG:+-$HEALTH_RUN_TAG}"
INSTALL_LOG="$LOCAL_DIR/$RUN-install.log"
TEST_LOG="$LOCAL_DIR/$RUN.log"
JUNIT="$LOCAL_DIR/$RUN-junit.xml"
: > "$INSTALL_LOG"; : > "$TEST_LOG"

write_config "$RUN" "db_name=$DB_NAME" "dbfilter=^$DB_NAME\$" "max_cron_threads=0" "http_port=0"
INSTALL_OPT=-i
if [ -n "${HEALTH_TEST_DB:-}" ] && psql_run -lqt 2>/dev/null | cut -d'|' -f1 | grep -qw "$DB_NAME"; then
    INSTALL_OPT=-u
fi
log "installing ($INSTALL_OPT) $MODULES with demo data and French into $DB_NAME"
start=$(date +%s)
odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" $INSTALL_OPT "$MODULES" --load-language=fr_FR \
    --stop-after-init --log-level=info --logfile="$INSTALL_LOG" \
    || { tail -50 "$INSTALL_LOG"; die "installation failed"; }
log "installed in $(( $(date +%s) - start )) s"

log "checking that every term of the suite is translated in French"
"$PY" "$PROJECT_DIR/tools/check_translations.py" "$CONFIG_FILE" "$DB_NAME" ${MODULES//,/ } \
    || die "French translation incomplete"

log "running the tests (pytest-odoo, browser tours in headless Chromium)"
start=$(date +%s)
set +e
# Odoo's log goes to $TEST_LOG (checked below); pytest reports on the terminal.
"$PY" -m pytest -p no:cacheprovider \
    --odoo-config="$CONFIG_FILE" --odoo-database="$DB_NAME" --odoo-http \
    --odoo-log-level=info --odoo-extra="logfile=$TEST_LOG" \
    -o junit_family=xunit2 --junitxml="$JUNIT" \
    "${@:-addons}"
pytest_rc=$?
set -e
log "tests ran in $(( $(date +%s) - start )) s"

log "checking Odoo's log (checklog-odoo.cfg lists what is allowed)"
log_rc=0
for f in "$INSTALL_LOG" "$TEST_LOG"; do
    "$VENV_DIR/bin/checklog-odoo" --no-err-if-empty -c "$PROJECT_DIR/checklog-odoo.cfg" "$f" || log_rc=1
done

"$PY" "$PROJECT_DIR/tools/junit_summary.py" "$JUNIT"
if [ "$pytest_rc" = 5 ]; then die "no test was collected"; fi
[ "$pytest_rc" = 0 ] || die "tests failed (pytest exit $pytest_rc)"
[ "$log_rc" = 0 ] || die "Odoo's log has ERROR or WARNING lines that are not allowed"
log "all green"
