// Writes the api's OpenAPI document to apps/api/openapi.json without a database (npm run openapi):
// the web app's typed client is generated from it.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@thermocline/config';
import { createDataSource } from '@thermocline/db';
import { createLogger } from '@thermocline/runtime';
import { createApi, openApiDocument } from '../bootstrap';

async function main(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: 'redis://127.0.0.1:1' });
  // Never initialised: building the document touches no database.
  const dataSource = createDataSource({ url: config.databaseUrl });
  // Never signs anything either: a placeholder secret.
  const app = await createApi({ ...config, jwtSecret: 'openapi-document-only'.padEnd(32, '-') }, dataSource, createLogger('silent', 'openapi'));
  const doc = openApiDocument(app);
  const out = process.argv[2] ?? join(__dirname, '..', '..', 'openapi.json');
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  await app.close().catch(() => undefined);
  process.stdout.write(`wrote ${out}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
