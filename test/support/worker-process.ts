// Starts the real worker (apps/worker/dist/main.js, from `npm run build`) as a child process with
// a harness's environment, so tests exercise the production worker — and can SIGKILL it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'dist', 'main.js');

export class WorkerProcess {
  private proc: ChildProcess | null = null;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const w = new WorkerProcess(env);
    await w.start();
    return w;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
    this.output = '';
    const proc = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...this.env, LOG_LEVEL: this.env.WORKER_LOG_LEVEL ?? 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.length > 200_000) this.output = this.output.slice(-100_000);
        if (this.output.includes('"worker started"')) resolve();
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready:\n${this.output.slice(-2000)}`)));
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`worker not ready in 30 s:\n${this.output.slice(-2000)}`)), 30_000)));
    try {
      await Promise.race([ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the worker: SIGTERM lets it finish in-flight jobs, SIGKILL is a crash. */
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
