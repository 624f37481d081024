#!/usr/bin/env bash
# Static checks of the suite: ruff, pylint-odoo (OCA mandatory checks),
# OCA's XML/CSV/PO checks, and the project's own addon checks.
source "$(dirname "$0")/common.sh"
ensure_venv
cd "$PROJECT_DIR"
BIN="$VENV_DIR/bin"
status=0
step() { log "  $1"; shift; "$@" || status=1; }

step "ruff check" "$BIN/ruff" check addons tests tools
step "ruff format --check" "$BIN/ruff" format --check --quiet addons tests tools
step "pylint-odoo (OCA mandatory checks for 18.0)" \
    "$BIN/pylint" --rcfile=.pylintrc-mandatory --jobs=2 addons/*
step "OCA XML/CSV/manifest checks" "$BIN/oca-checks-odoo-module" --no-verbose addons/*/__manifest__.py
step "OCA PO checks" sh -c "'$BIN/oca-checks-po' --no-verbose addons/*/i18n/*.po*"
step "manifests, XML, access rules, translations" "$PY" tools/check_addons.py addons
[ "$status" = 0 ] || die "static checks failed"
log "static checks passed"
