// A private MariaDB (or MySQL) server for the fault suite: its own datadir, port and socket, so the
// suite can kill and restart the database without touching the shared server other tests use.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from '../../support/redis-server';

const run = promisify(execFile);

function firstExisting(paths: string[]): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

const SERVER = firstExisting(['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd', '/usr/bin/mysqld']);
const INSTALL = firstExisting(['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db', '/usr/sbin/mariadb-install-db']);

export class PrivateMariaDB {
  private proc: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Installs a fresh datadir and starts the server on a free port. */
  static async create(): Promise<PrivateMariaDB> {
    if (!SERVER) throw new Error('no mariadbd/mysqld found: the fault suite needs a MariaDB or MySQL server binary');
    const dir = await mkdtemp(join(tmpdir(), 'tc-mariadb-'));
    const db = new PrivateMariaDB(dir, await freePort());
    const mariadb = /mariadb/.test(SERVER) || (INSTALL !== null && /mariadb/.test(INSTALL));
    if (mariadb && INSTALL) {
      await run(INSTALL, ['--no-defaults', `--datadir=${db.datadir}`, '--auth-root-authentication-method=normal', '--user=root', '--skip-test-db'], { timeout: 60_000 });
    } else {
      // MySQL 8: root without a password, reachable over TCP.
      await run(SERVER, ['--no-defaults', '--initialize-insecure', `--datadir=${db.datadir}`, '--user=root'], { timeout: 120_000 });
    }
    await db.start();
    return db;
  }

  get datadir(): string {
    return join(this.dir, 'data');
  }

  /** Server URL without a database (append `/<name>`). */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== null && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.log = '';
    const proc = spawn(
      SERVER as string,
      [
        '--no-defaults',
        `--datadir=${this.datadir}`,
        `--port=${this.port}`,
        `--socket=${join(this.dir, 'sock')}`,
        `--pid-file=${join(this.dir, 'pid')}`,
        '--bind-address=127.0.0.1',
        '--user=root',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--innodb-buffer-pool-size=128M',
        '--max-connections=300',
        '--skip-log-bin',
        // The defaults of a production server: every commit is durable.
        '--innodb-flush-log-at-trx-commit=1',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (c: Buffer) => {
      this.log = (this.log + c.toString()).slice(-20_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.proc = proc;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!this.running) throw new Error(`private MariaDB exited at start:\n${this.log.slice(-3000)}`);
      try {
        const c = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
        await c.query('SELECT 1');
        await c.end();
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`private MariaDB on ${this.port} did not answer in 60 s:\n${this.log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** SIGKILL is a crash (InnoDB recovers at the next start); SIGTERM is an orderly shutdown. */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || !this.running) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill(signal);
    });
    this.proc = null;
  }

  /**
   * SIGSTOP: the server hangs with every socket open — a frozen VM, a stalled disk, a network
   * partition — so clients wait instead of failing. `resume` (SIGCONT) lets it carry on.
   */
  pause(): void {
    if (!this.proc || !this.running) throw new Error('private MariaDB is not running');
    this.proc.kill('SIGSTOP');
  }

  resume(): void {
    this.proc?.kill('SIGCONT');
  }

  async destroy(): Promise<void> {
    this.resume();
    await this.stop('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }
}
