import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// Builds and browsers are heavy; two cores.
		maxWorkers: 2,
	},
});
