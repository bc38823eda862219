// `npm run test:faults`: the fault suite (test/faults/*.fault-spec.ts). It kills and restarts its
// own private MariaDB, Redis and worker processes, so it runs apart from the integration tests, one
// file at a time. Same transform and module mapping as the integration project.
const base = require('./jest.config.js').projects.find((p) => p.displayName === 'integration');

module.exports = {
  ...base,
  displayName: 'faults',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault-spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  testTimeout: 900_000,
};
