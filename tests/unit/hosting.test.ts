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

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, string | number | boolean>;
	env?: Record<string, string>;
}
interface Job {
	needs?: string | string[];
	if?: string;
	outputs?: Record<string, string>;
	strategy?: { matrix: Record<string, unknown> };
	steps: Step[];
}

async function workflow(): Promise<{ env: Record<string, unknown>; jobs: Record<string, Job> }> {
	const source = await readFile(path.join(ROOT, ".github", "workflows", "deploy.yml"), "utf8");
	return parse(source) as { env: Record<string, unknown>; jobs: Record<string, Job> };
}

describe("deploy workflow: photos at archive scale", () => {
	test("a plan job counts missing photos and names the shards; one setting sizes the matrix", async () => {
		const { env, jobs } = await workflow();
		expect(env.PHOTO_SHARDS).toBe(32);
		const plan = jobs["photos-plan"];
		expect(plan?.outputs).toMatchObject({ shards: "${{ steps.plan.outputs.shards }}" });
		expect(
			plan?.steps.some((s) =>
				s.run?.includes('npm run --silent photos -- --plan "$PHOTO_SHARDS"'),
			),
		).toBe(true);
	});

	test("a matrix job encodes one shard each and uploads it as an artifact", async () => {
		const { jobs } = await workflow();
		const photos = jobs.photos;
		expect(photos?.needs).toBe("photos-plan");
		expect(photos?.strategy?.matrix.shard).toBe(
			"${{ fromJSON(needs.photos-plan.outputs.shards) }}",
		);
		const encode = photos?.steps.find((s) => s.run?.includes("npm run photos -- --shard"));
		expect(encode?.run).toBe('npm run photos -- --shard "$SHARD/$COUNT" --out photo-shard');
		const upload = photos?.steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
		expect(upload?.with).toMatchObject({
			name: "photos-shard-${{ matrix.shard }}",
			path: "photo-shard",
		});
	});

	test("the build merges the shards into its cache, uploads _photos/ with rclone, and keeps the cache small", async () => {
		const { jobs } = await workflow();
		const steps = jobs.build?.steps ?? [];
		expect(jobs.build?.needs).toEqual(["photos-plan", "photos"]);
		const merge = steps.find((s) => s.uses?.startsWith("actions/download-artifact"));
		expect(merge?.with).toEqual({
			pattern: "photos-shard-*",
			"merge-multiple": true,
			path: ".cache/photos",
		});
		const at = (step: Step | undefined) => steps.indexOf(step as Step);
		const build = steps.find((s) => s.run === "npm run build");
		const upload = steps.find((s) => s.run?.includes("bash scripts/upload-photos.sh _photos"));
		expect(at(merge)).toBeLessThan(at(build));
		expect(at(build)).toBeLessThan(at(upload));
		expect(upload?.run).toContain("npm run photos -- --uploaded");
		expect(upload?.run).toContain("npm run photos -- --prune");
		const save = steps.find((s) => s.uses?.startsWith("actions/cache/save"));
		expect(at(upload)).toBeLessThan(at(save));
	});

	test("storage credentials come from repository secrets only, and cache keys never from source code", async () => {
		const source = await readFile(
			path.join(ROOT, ".github", "workflows", "deploy.yml"),
			"utf8",
		);
		const { jobs } = await workflow();
		const env = jobs.build?.steps.find((s) => s.run?.includes("upload-photos.sh"))?.env ?? {};
		for (const name of [
			"RCLONE_CONFIG_PHOTOS_ACCESS_KEY_ID",
			"RCLONE_CONFIG_PHOTOS_SECRET_ACCESS_KEY",
		])
			expect(env[name]).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
		for (const [name, value] of Object.entries(env))
			if (!/KEY|SECRET|TOKEN|PASSWORD/.test(name))
				expect(value, name).not.toContain("secrets.");
		const caches = Object.values(jobs).flatMap((job) =>
			job.steps.filter((s) => s.uses?.startsWith("actions/cache")),
		);
		// The last build's pages are keyed by the code that shaped them; the photos never are.
		const site = caches.filter((s) => String(s.with?.path).includes(".cache/build"));
		expect(site).toHaveLength(2);
		for (const step of site)
			expect(String(step.with?.key)).toBe(
				"${{ steps.site-key.outputs.key }}-${{ github.run_id }}",
			);
		for (const step of caches.filter((s) => !site.includes(s))) {
			expect(String(step.with?.key)).toMatch(
				/^photos-\$\{\{ (steps\.[\w-]+|needs\.photos-plan)\.outputs\.recipe \}\}-/,
			);
			expect(String(step.with?.key)).not.toMatch(/hashFiles\('src/);
		}
		expect(source).not.toMatch(/src\/images\.ts|src\/photos/);
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

	test("the CI entry point installs rclone for the photo upload test", async () => {
		expect(await readFile(path.join(ROOT, ".ci", "run"), "utf8")).toContain("need+=(rclone)");
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
