#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into DATABASE_URL's database and STORAGE_DIR.
#
#   DATABASE_URL=mysql://user:pass@host:3306/thermocline_restored STORAGE_DIR=/srv/thermocline/storage \
#     scripts/restore.sh var/backups/thermocline-20261125T120000Z [--force]
#
# The database is created when missing. A database that already has tables, or a STORAGE_DIR that
# already has files, is refused unless --force is given; with --force the database is dropped and
# created again and STORAGE_DIR's contents are replaced — stop the api and the workers first.
# Afterwards start the api and a worker as usual: migrations newer than the backup run at start,
# and reports the backup caught queued or processing are enqueued again by the worker's sweeper.
set -euo pipefail

die() { printf 'restore: %s\n' "$*" >&2; exit 1; }

FORCE=0
SRC=
for a in "$@"; do
  case "$a" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) die "unknown option $a" ;;
    *) [ -z "$SRC" ] || die 'one backup directory only'; SRC=$a ;;
  esac
done
[ -n "$SRC" ] || die 'usage: scripts/restore.sh <backup-directory> [--force]'
[ -d "$SRC" ] || die "$SRC is not a directory"
for f in database.sql.gz storage.tar.gz manifest.txt SHA256SUMS; do [ -f "$SRC/$f" ] || die "$SRC/$f is missing: not a complete backup"; done
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS) || die "$SRC is damaged: checksums differ"

DATABASE_URL=${DATABASE_URL:-mysql://root@127.0.0.1:3306/thermocline}
STORAGE_DIR=${STORAGE_DIR:-var/storage}
command -v node >/dev/null || die 'node is required (it parses DATABASE_URL)'
CLIENT=${MYSQL_CLIENT:-$(command -v mariadb || command -v mysql || true)}
[ -n "$CLIENT" ] || die 'the mariadb or mysql client is required (Debian: apt-get install mariadb-client)'

work=$(mktemp -d)
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT

# DATABASE_URL → a client option file readable by this user only; "host port user database".
read -r DB_HOST DB_PORT DB_USER DB_NAME < <(DATABASE_URL="$DATABASE_URL" node "$(cd "$(dirname "$0")" && pwd)/lib/db-client.mjs" "$work/client.cnf" restore) || die 'could not read DATABASE_URL'
[ -n "${DB_NAME:-}" ] || die 'could not read DATABASE_URL'

sql() { "$CLIENT" --defaults-extra-file="$work/client.cnf" --batch --skip-column-names "$@"; }

tables=$(sql -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB_NAME'") || die "cannot reach the database server $DB_HOST:$DB_PORT as $DB_USER"
if [ "$tables" != 0 ] && [ "$FORCE" != 1 ]; then
  die "database $DB_NAME on $DB_HOST:$DB_PORT already has $tables tables; refusing to overwrite it (restore into a new database, or pass --force)"
fi
if [ -d "$STORAGE_DIR" ] && [ -n "$(ls -A "$STORAGE_DIR")" ] && [ "$FORCE" != 1 ]; then
  die "STORAGE_DIR $STORAGE_DIR is not empty; refusing to overwrite it (restore into an empty directory, or pass --force)"
fi

started=$(date +%s)
printf 'restore: %s → database %s on %s:%s as %s\n' "$SRC" "$DB_NAME" "$DB_HOST" "$DB_PORT" "$DB_USER" >&2
if [ "$tables" != 0 ]; then sql -e "DROP DATABASE \`$DB_NAME\`"; fi
sql -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
gunzip -c "$SRC/database.sql.gz" | sql --default-character-set=utf8mb4 "$DB_NAME"

printf 'restore: files into %s\n' "$STORAGE_DIR" >&2
mkdir -p "$STORAGE_DIR"
if [ "$FORCE" = 1 ]; then find "$STORAGE_DIR" -mindepth 1 -delete; fi
tar -C "$STORAGE_DIR" -xzf "$SRC/storage.tar.gz"

reports=$(sql -e "SELECT COUNT(*) FROM \`$DB_NAME\`.reports" 2>/dev/null || echo '?')
printf 'restore: done in %ss: %s reports, %s files\n' "$(($(date +%s) - started))" "$reports" "$(find "$STORAGE_DIR" -type f | wc -l)" >&2
