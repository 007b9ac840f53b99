import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The resilience suite runs only when asked for by name (`vitest run --project resilience`). */
const resilienceAsked = process.argv.some(
  (arg, i, all) => arg === '--project=resilience' || (arg === '--project' && all[i + 1] === 'resilience'),
);

// Baton as OS processes under faults, SIGKILLs and scale-out (minutes): `npm run test:resilience` only, never part
// of the default run. Its files run one after another (each drives several processes on a 2-core machine).
const RESILIENCE = {
  test: {
    name: 'resilience',
    include: ['test/resilience/**/*.test.ts'],
    setupFiles: ['test/setup/noNetwork.ts'],
    globalSetup: ['test/setup/pgliteTemplate.ts', 'test/resilience/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
};

// Projects by layer: the pure domain runs in milliseconds; store and app suites touch databases and servers;
// the HubSpot cards render with HubSpot's test renderer (no DOM) against a stubbed hubspot.fetch.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['src/domain/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/domain/**', 'test/extensions/**', 'test/resilience/**', '**/node_modules/**'],
          setupFiles: ['test/setup/noNetwork.ts'],
          globalSetup: ['test/setup/pgliteTemplate.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(resilienceAsked ? [RESILIENCE] : []),
      {
        // The cards' shared package is an npm workspace inside the HubSpot project; here it resolves to its source.
        resolve: {
          alias: {
            '@baton/card-api': fileURLToPath(
              new URL('./extensions/hubspot/src/app/packages/card-api/index.ts', import.meta.url),
            ),
          },
        },
        test: {
          name: 'hubspot-extensions',
          include: ['test/extensions/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/noNetwork.ts'],
        },
      },
    ],
  },
});
