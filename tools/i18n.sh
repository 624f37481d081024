#!/usr/bin/env bash
# make i18n ADDON=health_x: export the addon's terms from a scratch database
# and merge them into addons/<addon>/i18n/fr.po.
source "$(dirname "$0")/common.sh"
ADDON="${1:?usage: tools/i18n.sh ADDON}"
ensure_odoo
ensure_pg
trap stop_pg_if_started EXIT
DB_NAME="health_i18n_$$"
write_config i18n "db_name=$DB_NAME"
odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" -i "$ADDON" --stop-after-init --logfile="$LOCAL_DIR/i18n.log"
odoo_bin -c "$CONFIG_FILE" -d "$DB_NAME" --i18n-export="$LOCAL_DIR/$ADDON.pot" --modules="$ADDON" \
    --stop-after-init --logfile="$LOCAL_DIR/i18n.log"
psql_run -c "DROP DATABASE \"$DB_NAME\"" >/dev/null
"$PY" "$PROJECT_DIR/tools/i18n_update.py" "$PROJECT_DIR/addons/$ADDON" "$LOCAL_DIR/$ADDON.pot"
"$VENV_DIR/bin/oca-checks-po" --fix --no-verbose --no-exit "$PROJECT_DIR/addons/$ADDON"/i18n/*.po* >/dev/null || true
