import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // A few tests sweep a whole plane of characters or generate thousands of cases: a busy machine
          // (CI shares its two cores) takes several times their usual second.
          testTimeout: 20_000,
        },
      },
      {
        // Tests of the built add-in (dist/): manifest, bundle size, CLI binary and Chromium.
        // `npm test` builds first; run `npm run build` before `npm run test:e2e` on its own.
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
