// Runs one of this library's reader scripts in a child node process: bytes on stdin, one JSON value on
// stdout. A crash, a timeout or anything but JSON gives null — the caller turns that into a
// DocumentError, so a hostile file can kill a child but never the api or the worker.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildOptions {
  /** heap cap for the child, in MB */
  maxOldSpaceMb?: number;
  timeoutMs?: number;
}

/** Scripts live at the package root (next to src/ and dist/). */
export function scriptPath(name: string): string {
  return join(__dirname, '..', name);
}

export function runChild(script: string, args: string[], input: Uint8Array, options: ChildOptions = {}): Promise<unknown> {
  return new Promise((resolve) => {
    const flags = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [];
    const child = spawn(process.execPath, [...flags, script, ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    let done = false;
    const finish = (value: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(null);
    }, options.timeoutMs ?? 60000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.on('error', () => finish(null));
    child.on('close', (code) => {
      if (code !== 0) return finish(null);
      try {
        finish(JSON.parse(Buffer.concat(out).toString('utf8')) as unknown);
      } catch {
        finish(null);
      }
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading everything
    child.stdin.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  });
}
