import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { fingerprint, headersFile } from "../../src/hosting.ts";
import { ROOT } from "../helpers.ts";

describe("deploy workflow", () => {
	test("validates against the public GitHub workflow schema", async () => {
		const source = await readFile(
			path.join(ROOT, ".github", "workflows", "deploy.yml"),
			"utf8",
		);
		const state = validateWorkflow(source) as { errors: unknown[] };
		expect(state.errors).toEqual([]);
	});

	test("tests and deploys on push to main, rebuilds every 15 minutes, caches npm and photos", async () => {
		const source = await readFile(
			path.join(ROOT, ".github", "workflows", "deploy.yml"),
			"utf8",
		);
		const workflow = parse(source) as {
			on: { push: { branches: string[] }; schedule: { cron: string }[] };
			jobs: {
				build: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] };
			};
		};
		expect(workflow.on.push.branches).toEqual(["main"]);
		expect(workflow.on.schedule).toEqual([{ cron: "*/15 * * * *" }]);
		const steps = workflow.jobs.build.steps;
		expect(steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with?.cache).toBe(
			"npm",
		);
		expect(steps.find((s) => s.uses?.startsWith("actions/cache"))?.with?.path).toBe(
			".cache/photos",
		);
		expect(steps.some((s) => s.run?.includes("npm test"))).toBe(true);
		expect(steps.some((s) => s.run === "npm run build")).toBe(true);
		expect(
			steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with?.path,
		).toBe("_site");
	});
});

describe("static hosts", () => {
	test("netlify.toml builds with npm run build and publishes _site", async () => {
		const toml = await readFile(path.join(ROOT, "netlify.toml"), "utf8");
		expect(toml).toContain('command = "npm run build"');
		expect(toml).toContain('publish = "_site"');
	});

	test("fingerprints change with content", () => {
		expect(fingerprint("assets/js/search.js", "a")).toMatch(
			/^\/assets\/search\.[0-9a-f]{10}\.js$/,
		);
		expect(fingerprint("assets/js/search.js", "a")).not.toBe(
			fingerprint("assets/js/search.js", "b"),
		);
	});

	test("_headers marks hashed files immutable and leaves HTML to revalidate", () => {
		const headers = headersFile();
		expect(headers).toContain(
			"/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n",
		);
		expect(headers).toContain("/img/*\n  Cache-Control: public, max-age=31536000, immutable\n");
		const [everything] = headers.split(/\n(?=\/)/);
		expect(everything).toBe(
			"/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin",
		);
	});
});
