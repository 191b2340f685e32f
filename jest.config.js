/**
 * Two projects: `unit` needs no servers (no global set-up, so `npm run test:unit` runs in seconds on a
 * machine without MongoDB or Redis); `integration` (test/integration and test/e2e) gets the real servers
 * from the global set-up. `npm test` runs both.
 */
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is `npm run typecheck`'s job; here we only strip types, which keeps jest fast.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  // Integration files share two servers and spend most of their time waiting on them, on timers and on
  // the processes they start (the Zalo budget file used 14 s of CPU in 135 s): a third worker fills that
  // idle time on this machine's 2 cores (348 s → 266 s for the suite) without starving the others.
  maxWorkers: 3,
  verbose: true,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration', '<rootDir>/test/e2e'],
      // Runs only when a test of this project is selected: the unit project never starts servers.
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
