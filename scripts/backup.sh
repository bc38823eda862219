#!/usr/bin/env bash
# Backs up one Thermocline installation: a consistent dump of DATABASE_URL's database and a tar of
# STORAGE_DIR (the uploaded originals), into one timestamped directory.
#
#   DATABASE_URL=mysql://user:pass@host:3306/thermocline STORAGE_DIR=/srv/thermocline/storage \
#     scripts/backup.sh [parent-dir]          # default parent: var/backups
#
# Prints the backup directory on its last line. The password is handed to the dump client through
# a private option file, never on a command line or in the output. The api and workers may keep
# running: the dump is one InnoDB snapshot (--single-transaction), and because an original is
# written to the store before its row commits, the files are archived after the dump: every report
# in the dump has its file (files of later uploads are merely extra). Redis is not backed up: it
# holds only queue state, which the worker rebuilds from the database (see docs/reliability.md).
set -euo pipefail

DATABASE_URL=${DATABASE_URL:-mysql://root@127.0.0.1:3306/thermocline}
STORAGE_DIR=${STORAGE_DIR:-var/storage}
PARENT=${1:-var/backups}

die() { printf 'backup: %s\n' "$*" >&2; exit 1; }
command -v node >/dev/null || die 'node is required (it parses DATABASE_URL)'
# A MySQL 8 server is best dumped with MySQL's own mysqldump: MYSQLDUMP=/usr/bin/mysqldump.
DUMP=${MYSQLDUMP:-$(command -v mariadb-dump || command -v mysqldump || true)}
[ -n "$DUMP" ] || die 'mariadb-dump or mysqldump is required (Debian: apt-get install mariadb-client)'
[ -d "$STORAGE_DIR" ] || die "STORAGE_DIR $STORAGE_DIR is not a directory"

work=$(mktemp -d)
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT

# DATABASE_URL → a client option file readable by this user only; "host port user database".
read -r DB_HOST DB_PORT DB_USER DB_NAME < <(DATABASE_URL="$DATABASE_URL" node "$(cd "$(dirname "$0")" && pwd)/lib/db-client.mjs" "$work/client.cnf" backup) || die 'could not read DATABASE_URL'
[ -n "${DB_NAME:-}" ] || die 'could not read DATABASE_URL'

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$PARENT"
target="$PARENT/thermocline-$stamp"
[ ! -e "$target" ] || die "$target already exists"
partial="$target.partial"
rm -rf "$partial"
mkdir -m 700 "$partial"

printf 'backup: database %s on %s:%s as %s\n' "$DB_NAME" "$DB_HOST" "$DB_PORT" "$DB_USER" >&2
started=$(date +%s)
# No CREATE DATABASE/USE in the dump, so it restores into any database name.
"$DUMP" --defaults-extra-file="$work/client.cnf" --single-transaction --quick --routines --triggers --hex-blob \
  --default-character-set=utf8mb4 --no-tablespaces "$DB_NAME" | gzip -6 >"$partial/database.sql.gz"
gzip -t "$partial/database.sql.gz"

printf 'backup: files of %s\n' "$STORAGE_DIR" >&2
tar -C "$STORAGE_DIR" -czf "$partial/storage.tar.gz" .
files=$(tar -tzf "$partial/storage.tar.gz" | grep -vc '/$' || true)

{
  echo "created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database=$DB_NAME"
  echo "database_host=$DB_HOST:$DB_PORT"
  echo "storage_dir=$(cd "$STORAGE_DIR" && pwd)"
  echo "storage_files=$files"
  echo "dump_client=$("$DUMP" --version | head -n1)"
} >"$partial/manifest.txt"
(cd "$partial" && sha256sum database.sql.gz storage.tar.gz manifest.txt >SHA256SUMS)
mv "$partial" "$target"

printf 'backup: done in %ss: %s (database %s, %s files)\n' "$(($(date +%s) - started))" "$(du -sh "$target" | cut -f1)" "$(du -h "$target/database.sql.gz" | cut -f1)" "$files" >&2
echo "$target"
