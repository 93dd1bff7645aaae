import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["tests/**/*.test.ts"],
		// Build tests spawn Eleventy; two cores are shared between the files that do.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		reporters: process.env.CI
			? ["default", ["json", { outputFile: "test-results/vitest.json" }]]
			: ["default"],
	},
});
