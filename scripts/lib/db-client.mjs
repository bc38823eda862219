// DATABASE_URL → a MySQL/MariaDB client option file readable by this user only, so that the
// password is never on a command line (ps), in output or in a backup's manifest.
// Used by backup.sh and restore.sh:  node scripts/lib/db-client.mjs <option-file> <name for errors>
// Prints "host port user database" on one line.
import { writeFileSync } from 'node:fs';

const [file, who = 'db-client'] = process.argv.slice(2);
const fail = (why) => {
  console.error(`${who}: ${why}`);
  process.exit(1);
};
let u;
try {
  u = new URL(process.env.DATABASE_URL ?? '');
} catch {
  fail('DATABASE_URL is not a URL');
}
if (!/^(mysql|mariadb):$/.test(u.protocol)) fail('DATABASE_URL must start with mysql://');
const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
if (!/^[A-Za-z0-9_]{1,64}$/.test(db)) fail('DATABASE_URL must name a database of letters, digits and _');
// Option-file values are quoted; \ and " escaped inside.
const q = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const user = decodeURIComponent(u.username || 'root');
const host = u.hostname || '127.0.0.1';
const port = u.port || '3306';
const lines = ['[client]', `host=${q(host)}`, `port=${port}`, `user=${q(user)}`, 'protocol=tcp'];
if (u.password) lines.push(`password=${q(decodeURIComponent(u.password))}`);
writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
console.log([host, port, user, db].join(' '));
