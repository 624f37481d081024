#!/usr/bin/env bash
# make run: create or upgrade the demo database with every suite addon,
# French active, demo data loaded, then serve http://localhost:8069.
source "$(dirname "$0")/common.sh"

DB_NAME="${HEALTH_DB:-health_demo}"
HTTP_PORT="${HEALTH_HTTP_PORT:-8069}"

ensure_odoo
ensure_pg
trap stop_pg_if_started EXIT
write_config run "db_name=$DB_NAME" "dbfilter=^$DB_NAME\$" "http_port=$HTTP_PORT" \
    "logfile=$LOCAL_DIR/run.log"
MODULES=$(suite_modules)

if psql_run -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    log "upgrading $DB_NAME ($MODULES)"
    # --i18n-overwrite: the French of changed views and fields follows the code
    odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" -i "$MODULES" -u "$MODULES" --i18n-overwrite --stop-after-init
else
    log "creating $DB_NAME with demo data and French ($MODULES)"
    odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" -i "$MODULES" --load-language=fr_FR --stop-after-init
fi
# Demo users get a password of this machine's own (generated once, kept in .local/).
pw_file="$LOCAL_DIR/demo_password"
[ -n "${HEALTH_DEMO_PASSWORD:-}" ] && echo "$HEALTH_DEMO_PASSWORD" > "$pw_file"
[ -s "$pw_file" ] || (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(9))' > "$pw_file")
DEMO_PASSWORD=$(cat "$pw_file") "$PY" "$PROJECT_DIR/tools/demo_logins.py" "$CONFIG_FILE" "$DB_NAME" > "$LOCAL_DIR/demo_logins.txt"

cat <<MSG

  Santé territoriale is served on http://localhost:$HTTP_PORT  (database $DB_NAME)
  Demo logins (password for all: $(cat "$pw_file")):
$(sed 's/^/    /' "$LOCAL_DIR/demo_logins.txt")
  Log: $LOCAL_DIR/run.log    Stop with Ctrl-C.

MSG
odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" --logfile=
