#!/usr/bin/env bash
# make run: create or upgrade the demo database with every suite addon,
# French active, demo data loaded, then serve http://localhost:8069.
source "$(dirname "$0")/common.sh"

DB_NAME="${HEALTH_DB:-health_demo}"
HTTP_PORT="${HEALTH_HTTP_PORT:-8069}"

ensure_odoo
ensure_wkhtmltopdf  # printing a convention needs it
ensure_pg
trap stop_pg_if_started EXIT
write_config run "db_name=$DB_NAME" "dbfilter=^$DB_NAME\$" "http_port=$HTTP_PORT" \
    "logfile=$LOCAL_DIR/run.log"
MODULES=$(suite_modules)

if psql_run -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    # Upgrade the installed suite addons and install the new ones: passing an
    # installed addon to -i would load its demo data again (init mode).
    INSTALLED=$(psql_run -d "$DB_NAME" -tAc "SELECT string_agg(name, ',') FROM ir_module_module
        WHERE state = 'installed' AND name = ANY(string_to_array('$MODULES', ','))")
    NEW=$(comm -23 <(tr ',' '\n' <<<"$MODULES" | sort) <(tr ',' '\n' <<<"$INSTALLED" | sort) | paste -sd,)
    log "upgrading $DB_NAME (${INSTALLED:-nothing installed yet}${NEW:+; installing $NEW})"
    # --i18n-overwrite: the French of changed views and fields follows the code
    odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" ${NEW:+-i "$NEW"} ${INSTALLED:+-u "$INSTALLED"} \
        --i18n-overwrite --stop-after-init \
        || die "upgrading $DB_NAME failed: the reason is at the end of $LOCAL_DIR/run.log"
else
    log "creating $DB_NAME with demo data and French ($MODULES)"
    odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" -i "$MODULES" --load-language=fr_FR --stop-after-init \
        || die "creating $DB_NAME failed: the reason is at the end of $LOCAL_DIR/run.log"
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
