import type { AppConfig, RuntimeConfig } from '@thermocline/config';
import { ensureSetupCode, installationSecret, setupCompleted } from '@thermocline/runtime';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ensureFirstAdmin } from '../first-admin';

/** The line the operator looks for in `docker compose logs api` (both languages, one line). */
export function setupCodeLine(code: string, publicUrl: string): string {
  return `setup code 初始设置码: ${code}  — open ${publicUrl} and enter it to set up Thermocline（在浏览器中打开该地址，输入此码完成初始设置）`;
}

/**
 * What an api does before it serves: settles the signing secret (JWT_SECRET, else the
 * installation's own, generated once and kept in the database), creates the first administrator
 * when ADMIN_PASSWORD is set, and otherwise prints the setup code for the wizard. The code goes
 * to stdout on a line of its own, whatever LOG_LEVEL says: it is how the first visitor proves
 * they run the server.
 */
export async function startInstallation(
  db: DataSource,
  config: Readonly<AppConfig>,
  logger: Logger,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<{ config: RuntimeConfig; setupCode: string | null }> {
  const jwtSecret = config.jwtSecret ?? (await installationSecret(db.manager));
  await ensureFirstAdmin(db, config, logger);
  let setupCode: string | null = null;
  if (!(await setupCompleted(db.manager))) {
    setupCode = await ensureSetupCode(db.manager);
    print(setupCodeLine(setupCode, config.publicUrl));
  }
  return { config: Object.freeze({ ...config, jwtSecret }), setupCode };
}
