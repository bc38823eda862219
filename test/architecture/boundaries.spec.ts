// The boundary rule of eslint.config.mjs fires where it should and only there: small violating
// snippets are linted as if they were a file of each library, with the project's own config.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './imports';

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

const RULE = '@typescript-eslint/no-restricted-imports';

const cases = {
  analyticsDatabase: ['libs/analytics/src/index.ts', "import { DataSource } from 'typeorm';\nexport const d = DataSource;\n"],
  analyticsTypeOnly: ['libs/analytics/src/index.ts', "import type { Repository } from 'typeorm';\nexport type R = Repository<object>;\n"],
  analyticsQueues: [
    'libs/analytics/src/index.ts',
    "import IORedis from 'ioredis';\nimport { Queue } from 'bullmq';\nimport { createConnection } from 'mysql2/promise';\nexport const all = [IORedis, Queue, createConnection];\n",
  ],
  extractionNest: ['libs/extraction/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n"],
  contractsReact: ['libs/contracts/src/index.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
  runtimeNest: ['libs/runtime/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n"],
  runtimeDatabase: ['libs/runtime/src/index.ts', "import { DataSource } from 'typeorm';\nexport const d = DataSource;\n"],
  jobsImportsApp: ['libs/jobs/src/index.ts', "export { AppModule } from '@thermocline/api';\nexport * from '../../../apps/worker/src/handlers';\n"],
  serverNest: ['libs/server/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n"],
  apiDatabase: ['apps/api/src/main.ts', "import { DataSource } from 'typeorm';\nexport const d = DataSource;\n"],
} as const;

describe('library boundaries (eslint.config.mjs)', () => {
  let results: Record<keyof typeof cases, Message[]>;

  beforeAll(() => {
    const names = Object.keys(cases) as (keyof typeof cases)[];
    const input = JSON.stringify(names.map((n) => ({ filePath: cases[n][0], code: cases[n][1] })));
    // The type-aware config builds a TypeScript program of the whole repository: tens of seconds.
    const out = execFileSync(process.execPath, [join(ROOT, 'test/architecture/lint-text.mjs')], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 16 << 20 });
    const parsed = JSON.parse(out) as Message[][];
    results = Object.fromEntries(names.map((n, i) => [n, parsed[i]])) as Record<keyof typeof cases, Message[]>;
  }, 300_000);

  const restricted = (name: keyof typeof cases): Message[] => results[name].filter((m) => m.ruleId === RULE);

  it('linted every snippet (no parsing errors, so silence means allowed)', () => {
    for (const messages of Object.values(results)) expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  });

  it('keeps databases, queues, Nest and React out of the pure libraries', () => {
    expect(restricted('analyticsDatabase')).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("'typeorm' import is restricted") })]);
    expect(restricted('analyticsTypeOnly')).toHaveLength(1);
    expect(restricted('analyticsQueues').map((m) => m.line)).toEqual([1, 2, 3]);
    expect(restricted('extractionNest')).toEqual([expect.objectContaining({ message: expect.stringContaining('A pure library has no framework') })]);
    expect(restricted('contractsReact')).toHaveLength(1);
  });

  it('keeps Nest out of libs/runtime, which may use the database', () => {
    expect(restricted('runtimeNest')).toEqual([expect.objectContaining({ message: expect.stringContaining('libs/runtime is framework-free') })]);
    expect(restricted('runtimeDatabase')).toEqual([]);
  });

  it('never lets a library import an app, by package name or by path', () => {
    expect(restricted('jobsImportsApp').map((m) => m.line)).toEqual([1, 2]);
    expect(restricted('jobsImportsApp')[0].message).toContain('A library never imports an app');
  });

  it('leaves Nest in libs/server and the database in the apps alone', () => {
    expect(restricted('serverNest')).toEqual([]);
    expect(restricted('apiDatabase')).toEqual([]);
  });
});
