#!/usr/bin/env bash
# Shared helpers of the project's commands (run, test, bench).
# Sourced, never executed.  Every function is safe to call again.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL_DIR="$PROJECT_DIR/.local"
VENV_DIR="${HEALTH_VENV:-$PROJECT_DIR/.venv}"
PYTHON_BIN="${PYTHON:-python3}"
ODOO_SERIES="18.0"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
# Places where a source tree of Odoo 18.0 is looked for when ODOO_SRC is unset.
ODOO_FIXED_PATHS=(
    "/opt/odoo-18.0"
    "/opt/odoo/18.0"
    "${XDG_DATA_HOME:-$HOME/.local/share}/odoo-18.0"
)
PG_DIR="${HEALTH_PG_DIR:-$LOCAL_DIR/pg}"
PG_PORT="${HEALTH_PG_PORT:-5433}"
DB_USER="${HEALTH_DB_USER:-odoo}"

mkdir -p "$LOCAL_DIR"

# Install Debian packages when missing and allowed (root with apt-get).
# Returns non-zero (after saying why) when they cannot be installed.
apt_install() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        log "cannot install $* (needs root and apt-get): install them, then run the command again"
        return 1
    fi
    log "installing Debian packages: $*"
    local out="$LOCAL_DIR/apt.log"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$out" 2>&1; then
        # the package lists may be missing or stale: refresh them once
        apt-get update -qq >>"$out" 2>&1 || log "apt-get update failed (see $out)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$out" 2>&1 \
            || { tail -n 5 "$out" >&2; log "apt-get install $* failed (see $out)"; return 1; }
    fi
}

log() { printf '\033[1m[health]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[health] error:\033[0m %s\n' "$*" >&2; exit 1; }
# No step may fail silently: a command that stops the script under "set -e"
# is named with its line, whatever failed.
set -E
trap 'rc=$?; [[ $- != *e* ]] || printf "\033[1;31m[health] error:\033[0m step failed (exit %s) at %s:%s: %s\n" "$rc" "${BASH_SOURCE[0]:-$0}" "$LINENO" "$BASH_COMMAND" >&2' ERR

# ---------------------------------------------------------------- virtualenv
_pip() {
    # pip's notes about local mirror folders are noise; its errors are not.
    "$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check "$@" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    return "${PIPESTATUS[0]}"
}
ensure_venv() {
    local stamp="$VENV_DIR/.requirements.sha256" want
    want=$(cat "$PROJECT_DIR/requirements.txt" | sha256sum | cut -d' ' -f1)
    if [ ! -x "$VENV_DIR/bin/python" ]; then
        log "creating the virtual environment in $VENV_DIR"
        if ! "$PYTHON_BIN" -m venv "$VENV_DIR" 2>/dev/null; then
            rm -rf "$VENV_DIR"
            apt_install python3-venv && "$PYTHON_BIN" -m venv "$VENV_DIR" \
                || die "cannot create a virtualenv with $PYTHON_BIN (install python3-venv)"
        fi
    fi
    PY="$VENV_DIR/bin/python"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        # OCA addons (odoo-addon-*) require the "odoo" distribution: declare
        # the Odoo tree in the virtualenv before pip resolves them.
        if grep -q '^odoo-addon-' "$PROJECT_DIR/requirements.txt" \
                && ! "$PY" -c 'import importlib.metadata as m; m.version("odoo")' >/dev/null 2>&1; then
            _locate_odoo
        fi
        log "installing Python dependencies (requirements.txt)"
        _pip --upgrade pip wheel 'setuptools<70' \
            || die "could not upgrade pip in $VENV_DIR (is PyPI reachable? see the messages above)"
        _pip -r "$PROJECT_DIR/requirements.txt" \
            || die "could not install requirements.txt into $VENV_DIR (see pip's messages above)"
        echo "$want" > "$stamp"
    fi
}

# ---------------------------------------------------------------- Odoo
# Sets ODOO_DIR (the source tree holding odoo-bin and the odoo package).
_odoo_tree_ok() {
    [ -f "$1/odoo/release.py" ] && [ -d "$1/odoo/addons/base" ] || return 1
    local v
    v=$(_odoo_version "$1")
    [ "$v" = "$ODOO_SERIES" ] || { log "ignoring $1: Odoo $v, not $ODOO_SERIES"; return 1; }
    if grep -q "^version_info = .*'e'" "$1/odoo/release.py" || [ -d "$1/odoo/addons/web_enterprise" ]; then
        log "ignoring $1: an Enterprise tree"; return 1
    fi
}

# The full version of the Odoo tree in $1 (e.g. 18.0), read from release.py
# so that any layout works: git checkout (no PKG-INFO), sdist, installed.
_odoo_version() {
    local v
    v=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$1/odoo/release.py" 2>/dev/null || true)
    printf '%s' "${v:-$ODOO_SERIES}"
}

ensure_odoo() {
    ensure_venv
    _locate_odoo
}

_locate_odoo() {
    local candidate importable=0
    if [ -n "${ODOO_SRC:-}" ]; then
        _odoo_tree_ok "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo $ODOO_SERIES Community source tree"
        ODOO_DIR=$(cd "$ODOO_SRC" && pwd)
    elif candidate=$("$PY" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))' 2>/dev/null) \
            && _odoo_tree_ok "$candidate"; then
        ODOO_DIR="$candidate"
        importable=1
    else
        ODOO_DIR=""
        for candidate in "${ODOO_FIXED_PATHS[@]}"; do
            if _odoo_tree_ok "$candidate" 2>/dev/null; then ODOO_DIR="$candidate"; break; fi
        done
        if [ -z "$ODOO_DIR" ]; then
            candidate="${ODOO_FIXED_PATHS[2]}"
            log "Odoo $ODOO_SERIES not found; fetching it from Odoo's official source into $candidate"
            mkdir -p "$(dirname "$candidate")"
            if git clone --quiet --depth 1 --branch "$ODOO_SERIES" "$ODOO_GIT_URL" "$candidate.partial" 2>"$LOCAL_DIR/odoo-clone.log"; then
                mv "$candidate.partial" "$candidate"
                ODOO_DIR="$candidate"
            else
                rm -rf "$candidate.partial"
                die "Odoo $ODOO_SERIES could not be obtained from $ODOO_GIT_URL (see $LOCAL_DIR/odoo-clone.log).
    Point ODOO_SRC at an Odoo $ODOO_SERIES Community source tree (the folder holding odoo-bin), e.g.
        ODOO_SRC=/path/to/odoo make test
    or put such a tree at one of: ${ODOO_FIXED_PATHS[*]}"
            fi
        fi
    fi
    # Make this tree the importable "odoo" of the virtualenv, and declare it
    # as the installed "odoo" distribution so that pip accepts OCA addons
    # packaged as odoo-addon-* (they require odoo>=18.0a,<18.1dev).
    if [ "$importable" = 0 ]; then
        local site version dist
        site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        if [ "$(cat "$site/odoo-src.pth" 2>/dev/null)" != "$ODOO_DIR" ]; then
            echo "$ODOO_DIR" > "$site/odoo-src.pth"
        fi
        if ! "$PY" -c 'import importlib.metadata as m; m.version("odoo")' >/dev/null 2>&1; then
            # A git checkout has no PKG-INFO: the version comes from release.py.
            version=$(_odoo_version "$ODOO_DIR")
            dist="$site/odoo-${version:-$ODOO_SERIES}.dist-info"
            mkdir -p "$dist"
            printf 'Metadata-Version: 2.1\nName: odoo\nVersion: %s\nSummary: Odoo source tree at %s\n' \
                "${version:-$ODOO_SERIES}" "$ODOO_DIR" > "$dist/METADATA"
            echo "health-suite" > "$dist/INSTALLER"
            : > "$dist/RECORD"
        fi
    fi
    export ODOO_DIR
}

# Odoo's own addons live in odoo/addons (sdist, nightly) and, in a git
# checkout of Odoo's repository, in addons/ at the root of the tree.
addons_path() {
    local path="$ODOO_DIR/odoo/addons"
    if [ -f "$ODOO_DIR/addons/web/__manifest__.py" ]; then
        path="$path,$ODOO_DIR/addons"
    fi
    printf '%s,%s' "$path" "$PROJECT_DIR/addons"
}

# The suite's addons: every folder of addons/ with a manifest.
suite_modules() {
    local m out=""
    for m in "$PROJECT_DIR"/addons/*/__manifest__.py; do
        [ -f "$m" ] || continue
        m=$(basename "$(dirname "$m")")
        out="${out:+$out,}$m"
    done
    printf '%s' "$out"
}

# ---------------------------------------------------------------- system tools
# Headless Chromium runs the browser tours (HttpCase).
ensure_browser() {
    local b
    for b in chromium chromium-browser google-chrome; do
        command -v "$b" >/dev/null && return 0
    done
    apt_install chromium \
        || die "the browser tours need Chromium and it could not be installed: run 'apt-get install chromium' as root, then again"
    command -v chromium >/dev/null || die "Chromium was installed but 'chromium' is not on the PATH"
}

# wkhtmltopdf prints the PDF reports (conventions); the fonts give the PDF
# its French glyphs and Odoo's default font family.
ensure_wkhtmltopdf() {
    if ! command -v wkhtmltopdf >/dev/null; then
        apt_install wkhtmltopdf fontconfig fonts-dejavu-core fonts-liberation2 \
            || die "PDF reports need wkhtmltopdf and it could not be installed: run 'apt-get install wkhtmltopdf fonts-dejavu-core fonts-liberation2' as root, then again"
        command -v wkhtmltopdf >/dev/null || die "wkhtmltopdf was installed but is not on the PATH"
    fi
    wkhtmltopdf --version >/dev/null 2>&1 \
        || die "wkhtmltopdf is installed but does not run ('wkhtmltopdf --version' fails): reinstall it"
}

# ---------------------------------------------------------------- PostgreSQL
# Uses a reachable server (PG* variables or the default local socket);
# otherwise starts a project-local cluster in .local/pg.  Exports
# DB_HOST/DB_PORT/DB_USER for Odoo and PG_STARTED_BY_US.
PG_STARTED_BY_US=0

_pg_bin() {
    local b
    b=$(command -v "$1" 2>/dev/null || true)
    if [ -z "$b" ]; then
        b=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n1 || true)
    fi
    if [ -z "$b" ] && apt_install postgresql; then
        b=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n1 || true)
    fi
    [ -n "$b" ] || die "PostgreSQL's $1 is missing: install PostgreSQL (e.g. apt-get install postgresql)"
    printf '%s' "$b"
}

_as_pg_owner() {
    # initdb and postgres refuse to run as root: use the system's postgres
    # account (Debian's package creates it) when we are root.
    if [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

ensure_pg() {
    if [ -n "${HEALTH_USE_LOCAL_PG:-}" ]; then :
    elif [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] || _pg_default_reachable; then
        DB_HOST="${PGHOST:-}"; DB_PORT="${PGPORT:-5432}"
        DB_USER="${PGUSER:-$(id -un)}"
        [ "$DB_USER" != postgres ] || die "Odoo refuses to connect as 'postgres': set PGUSER to another role"
        if "$(_pg_bin pg_isready)" -q ${DB_HOST:+-h "$DB_HOST"} -p "$DB_PORT" -U "$DB_USER" >/dev/null 2>&1; then
            log "using the PostgreSQL server at ${DB_HOST:-local socket}:$DB_PORT as $DB_USER"
            export DB_HOST DB_PORT DB_USER PG_STARTED_BY_US
            return
        fi
        [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && die "PGHOST/PGPORT/PGUSER point at a server that does not answer"
    fi
    local tag data sock
    tag=$(printf '%s' "$PROJECT_DIR" | sha256sum | cut -c1-12)
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        chown postgres "$PG_DIR"
        if ! _as_pg_owner test -w "$PG_DIR"; then
            # the project lies in a folder the postgres account cannot reach
            # (e.g. a private temporary clone): keep the cluster outside it
            PG_DIR="${TMPDIR:-/tmp}/health-pg-$tag"
            mkdir -p "$PG_DIR" && chown postgres "$PG_DIR"
        fi
    fi
    data="$PG_DIR/data"; sock="$PG_DIR/run"
    if [ ${#sock} -gt 90 ]; then  # unix socket paths are limited to 107 bytes
        sock="/tmp/health-pg-$tag.run"
    fi
    mkdir -p "$sock"
    if [ "$(id -u)" = 0 ]; then chown postgres "$sock"; fi
    if [ ! -f "$data/PG_VERSION" ]; then
        log "creating a project-local PostgreSQL cluster in $data"
        _as_pg_owner "$(_pg_bin initdb)" -D "$data" -U pgadmin --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
        {
            echo "listen_addresses = ''"
            echo "unix_socket_directories = '$sock'"
            echo "port = $PG_PORT"
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
            echo "max_connections = 100"
            echo "shared_buffers = 256MB"
        } >> "$data/postgresql.conf"
    fi
    if ! "$(_pg_bin pg_isready)" -q -h "$sock" -p "$PG_PORT" >/dev/null 2>&1; then
        log "starting the project-local PostgreSQL (socket $sock, port $PG_PORT)"
        _as_pg_owner "$(_pg_bin pg_ctl)" -D "$data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-k $sock -p $PG_PORT" start >/dev/null || { tail -20 "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
        PG_STARTED_BY_US=1
    fi
    DB_HOST="$sock"; DB_PORT="$PG_PORT"
    if ! "$(_pg_bin psql)" -h "$sock" -p "$PG_PORT" -U pgadmin -d postgres -tAc \
            "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'" | grep -q 1; then
        "$(_pg_bin psql)" -q -h "$sock" -p "$PG_PORT" -U pgadmin -d postgres -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB"
    fi
    export DB_HOST DB_PORT DB_USER PG_STARTED_BY_US
}

_pg_default_reachable() {
    local b
    b=$(_pg_bin pg_isready 2>/dev/null) || return 1
    [ "$(id -un)" != root ] || return 1   # there is no "root" role to use
    "$b" -q >/dev/null 2>&1
}

stop_pg_if_started() {
    if [ "$PG_STARTED_BY_US" = 1 ]; then
        log "stopping the project-local PostgreSQL"
        _as_pg_owner "$(_pg_bin pg_ctl)" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        PG_STARTED_BY_US=0
    fi
    return 0
}

psql_run() {
    "$(_pg_bin psql)" -q ${DB_HOST:+-h "$DB_HOST"} -p "$DB_PORT" -U "$DB_USER" -d postgres "$@"
}

# ---------------------------------------------------------------- config
# Writes .local/<name>.conf: the committed odoo.conf plus this machine's
# paths, database connection and a generated master password.
write_config() {
    local name="$1" dest="$LOCAL_DIR/$1.conf"
    local secret_file="$LOCAL_DIR/admin_passwd"
    if [ -n "${HEALTH_ADMIN_PASSWD:-}" ]; then
        ADMIN_PASSWD="$HEALTH_ADMIN_PASSWD"
    else
        [ -s "$secret_file" ] || (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$secret_file")
        ADMIN_PASSWD=$(cat "$secret_file")
    fi
    ADMIN_PASSWD="$ADMIN_PASSWD" "$PY" "$PROJECT_DIR/tools/write_config.py" \
        "$PROJECT_DIR/odoo.conf" "$dest" \
        "addons_path=$(addons_path)" \
        "data_dir=$LOCAL_DIR/data" \
        "db_host=${DB_HOST:-False}" "db_port=$DB_PORT" "db_user=$DB_USER" \
        "${@:2}"
    CONFIG_FILE="$dest"
}

odoo_bin() {
    if [ -f "$ODOO_DIR/odoo-bin" ]; then
        "$PY" "$ODOO_DIR/odoo-bin" "$@"
    else  # an installed odoo package: no odoo-bin beside it
        "$PY" -m odoo "$@"
    fi
}
