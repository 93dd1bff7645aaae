import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import type UserConfig from "@11ty/eleventy/UserConfig";
import contentPlugin, { scheduleNote } from "../../../src/content/plugin.ts";
import type { Catalog } from "../../../src/content/catalog.ts";
import { loadContent } from "../../../src/content/load.ts";
import { FIXTURES, fixtureSite } from "../../helpers.ts";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { statePath } from "../../../src/build/plan.ts";

async function load(contentDir: string): Promise<Catalog> {
	const { catalog, problems } = await loadContent({
		contentDir,
		includeUnpublished: true,
		now: Date.parse("2026-01-01T00:00:00Z"),
	});
	if (!catalog) throw new Error(problems.map((p) => p.message).join("\n"));
	return catalog;
}

/** A stand-in for Eleventy's config: records the handlers the plugin registers, emits nothing. */
function fakeEleventy() {
	const handlers = new Map<string, (arg: unknown) => Promise<unknown>>();
	const config = {
		directories: { input: "./eleventy-input/" },
		events: { emit: () => Promise.resolve([]) },
		on: (name: string, fn: (arg: unknown) => Promise<unknown>) => handlers.set(name, fn),
		addWatchTarget: () => undefined,
		addGlobalData: () => undefined,
		addTransform: () => undefined,
	};
	const run = async (name: string, arg: unknown) => {
		await handlers.get(name)?.(arg);
	};
	return { config: config as unknown as UserConfig, run };
}

describe("scheduling", () => {
	test("names the next scheduled article and when it goes live, in the publication's zone", async () => {
		const catalog = await load(path.join(FIXTURES, "site", "content"));
		expect(scheduleNote(catalog)).toBe(
			'[dateline] Next scheduled article: "A scheduled story dated far in the future" (content/articles/future-story/index.md) goes live January 1, 2099 at 2:00 AM CST (2099-01-01T08:00:00Z), with the first build after that time.',
		);
	});
});

describe("the preview on broken content", () => {
	test("started broken it shows what is sound; once good, a later break keeps the last good build", async () => {
		const site = await fixtureSite("refuse-three-articles");
		const { config, run } = fakeEleventy();
		const state = contentPlugin(config, { contentDir: site.content });
		const before = {
			runMode: "serve",
			directories: { input: "./eleventy-input/", output: site.output },
		};
		const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
		await run("eleventy.before", before);
		expect(state.problems).toHaveLength(3);
		expect(state.catalog?.articles.map((a) => a.slug)).toEqual([
			"future-story",
			"first-story",
			"second-story",
			"draft-story",
		]);
		expect(stderr).toHaveBeenCalledWith(
			expect.stringContaining(
				"3 problems in 3 files; the preview shows only the articles without problems.",
			),
		);
		await rm(path.join(site.content, "articles", "typo"), { recursive: true });
		await rm(path.join(site.content, "articles", "no-zone"), { recursive: true });
		await rm(path.join(site.content, "articles", "empty-alt"), { recursive: true });
		await run("eleventy.before", before);
		expect(state.problems).toEqual([]);
		const good = state.catalog;
		const file = path.join(site.content, "articles", "second-story", "index.md");
		await writeFile(
			file,
			(await readFile(file, "utf8")).replace("section: sport", "section: x"),
		);
		await run("eleventy.before", before);
		expect(state.problems).toHaveLength(1);
		expect(state.catalog).toBe(good);
		expect(stderr).toHaveBeenLastCalledWith(
			expect.stringContaining("1 problem in 1 file; the preview shows the last good build."),
		);
		stderr.mockRestore();
	});
});

describe("the preview and the production build", () => {
	test("a preview into the output folder makes the next production build a full one", async () => {
		const site = await fixtureSite();
		const stateFile = statePath(site.dir, site.output);
		await mkdir(path.dirname(stateFile), { recursive: true });
		await writeFile(stateFile, "{}");
		const { config, run } = fakeEleventy();
		contentPlugin(config, { contentDir: site.content });
		await run("eleventy.before", {
			runMode: "serve",
			directories: { input: "./eleventy-input/", output: site.output },
		});
		// Its pages carry drafts and the preview's marks: no production build may keep them.
		expect(existsSync(stateFile)).toBe(false);
	});
});
