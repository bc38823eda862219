// Three projects: `unit` (pure logic beside the code), `web` (React components in jsdom) and
// `integration` (test/**/*.e2e-spec.ts: the real Nest app on a real MariaDB/MySQL and Redis).
// Sources are transpiled by SWC; workspace libs resolve to their TypeScript sources, so unit
// tests never depend on a build.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      // As tsc builds it (useDefineForClassFields: false): a DTO's absent optional fields must not be own `undefined` properties.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const libs = { '^@thermocline/(contracts|config|extraction|documents|analytics|db|jobs|runtime|server|notify)$': '<rootDir>/libs/$1/src/index.ts' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      // test/architecture: the repository's own shape (declared dependencies, lint boundaries, runtime).
      roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/extract-cli', '<rootDir>/test/architecture'],
      testMatch: ['**/src/**/*.spec.ts', '**/test/architecture/*.spec.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: libs,
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/apps/web/src'],
      testMatch: ['**/*.spec.ts?(x)'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { ...libs, '\\.(css|less|svg|png)$': '<rootDir>/apps/web/test/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: libs,
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
