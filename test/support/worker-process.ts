// Starts the real worker or api (apps/*/dist/main.js, from `npm run build`) as a child process with
// a harness's environment, so tests exercise the production processes — and can SIGKILL them.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

interface AppSpec {
  name: 'worker' | 'api';
  /** The log line's message that says the process is ready. */
  ready: string;
  /** Keeps every line printed (for log audits); otherwise the last 100,000 characters. */
  keepAll?: boolean;
}

/** A built app as a child process; `output` holds what it printed (stdout and stderr). */
export class AppProcess {
  private proc: ChildProcess | null = null;
  output = '';

  constructor(
    private readonly spec: AppSpec,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    const { name, ready: marker, keepAll } = this.spec;
    const main = join(__dirname, '..', '..', 'apps', name, 'dist', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (npm test does)`);
    this.output = '';
    const proc = spawn(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (!keepAll && this.output.length > 200_000) this.output = this.output.slice(-100_000);
        if (this.output.includes(`"${marker}"`)) resolve();
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${this.output.slice(-2000)}`)));
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} not ready in 30 s:\n${this.output.slice(-2000)}`)), 30_000)));
    try {
      await Promise.race([ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the process: SIGTERM lets it finish in-flight work, SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => p.kill('SIGKILL'), 15_000);
      p.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      p.kill(signal);
    });
    this.proc = null;
  }
}

/** The worker; WORKER_LOG_LEVEL (default info) sets its LOG_LEVEL. */
export class WorkerProcess extends AppProcess {
  constructor(env: Record<string, string>, keepAll = false) {
    super({ name: 'worker', ready: 'worker started', keepAll }, { ...env, LOG_LEVEL: env.WORKER_LOG_LEVEL ?? 'info' });
  }

  static async start(env: Record<string, string>, keepAll = false): Promise<WorkerProcess> {
    const w = new WorkerProcess(env, keepAll);
    await w.start();
    return w;
  }
}

/** The api (the in-process harness is the usual way; this is for what only a real process shows, e.g. its logs). */
export class ApiProcess extends AppProcess {
  constructor(env: Record<string, string>, keepAll = false) {
    super({ name: 'api', ready: 'api listening', keepAll }, env);
  }

  static async start(env: Record<string, string>, keepAll = false): Promise<ApiProcess> {
    const a = new ApiProcess(env, keepAll);
    await a.start();
    return a;
  }
}
