import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * The original of every upload, kept under STORAGE_DIR with a server-made name
 * (`reports/2026/11/<uuid>.<ext>`) — never the client's file name, so nothing a user sends can
 * choose a path. Writes go to a temporary file and are renamed into place, so a crash never leaves
 * a half-written original behind a committed row.
 */
export class FileStore {
  constructor(readonly root: string) {}

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  async put(bytes: Buffer, ext: string, now = new Date()): Promise<{ key: string; sha256: string; size: number }> {
    const safeExt = /^[a-z0-9]{1,8}$/.test(ext) ? ext : 'bin';
    const key = `reports/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}.${safeExt}`;
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes, { flag: 'wx', mode: 0o640 });
    await rename(tmp, target);
    return { key, sha256: FileStore.sha256(bytes), size: bytes.length };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Every stored original (and leftover temporary file) with its modification time. */
  async *originals(): AsyncGenerator<{ key: string; modified: Date }> {
    const base = this.pathOf('reports');
    let names: string[];
    try {
      names = await readdir(base, { recursive: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const name of names.sort()) {
      const key = `reports/${name.split(sep).join('/')}`;
      const info = await stat(this.pathOf(key)).catch(() => null);
      if (info?.isFile()) yield { key, modified: info.mtime };
    }
  }

  /**
   * Moves an original nobody refers to under `orphans/` (same relative path): out of the way, but
   * an administrator can still move it back — nothing in the store is ever deleted by a sweep.
   */
  async quarantine(key: string): Promise<string> {
    const target = this.pathOf(`orphans/${key.replace(/^reports\//, '')}`);
    await mkdir(dirname(target), { recursive: true });
    await rename(this.pathOf(key), target);
    return target;
  }

  /** Resolves a stored key, refusing anything that would leave the store. */
  pathOf(key: string): string {
    const root = resolve(this.root);
    const full = resolve(root, key);
    if (!full.startsWith(root + sep)) throw new Error(`storage key escapes the store: ${key}`);
    return join(full);
  }
}
