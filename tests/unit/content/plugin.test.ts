import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import type UserConfig from "@11ty/eleventy/UserConfig";
import contentPlugin, { editedOnly, scheduleNote } from "../../../src/content/plugin.ts";
import type { Catalog } from "../../../src/content/catalog.ts";
import { loadContent } from "../../../src/content/load.ts";
import { FIXTURES, fixtureSite } from "../../helpers.ts";
import { readFile, rm, writeFile } from "node:fs/promises";

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

describe("the preview's partial render", () => {
	test("after an edit to an article's text, the preview renders only that article and the pages listing it", async () => {
		const site = await fixtureSite();
		const { config, run } = fakeEleventy();
		const state = contentPlugin(config, { contentDir: site.content });
		const before = {
			runMode: "serve",
			directories: { input: "./eleventy-input/", output: site.output },
		};
		await run("eleventy.before", before);
		expect(state.catalog?.renderAll).toBe(true);
		const file = path.join(site.content, "articles", "second-story", "index.md");
		await writeFile(
			file,
			(await readFile(file, "utf8")).replace("Body of the second story.", "Edited body."),
		);
		await run("eleventy.beforeWatch", [file]);
		await run("eleventy.before", before);
		const after = state.catalog;
		expect(after?.pageArticles.map((a) => a.slug)).toEqual(["second-story"]);
		expect(after?.pageListings.map((p) => p.href)).toEqual([
			"/sections/sport/",
			"/authors/desk/",
		]);
		expect(after?.pageSections).toEqual([]);
		// The next save without a change renders everything again.
		await run("eleventy.before", before);
		expect(state.catalog?.pageArticles.length).toBe(4);
	});

	test("an edit to an article's text is told apart from one that moves other pages", async () => {
		const site = await fixtureSite();
		const before = await load(site.content);
		const file = path.join(site.content, "articles", "second-story", "index.md");
		await writeFile(
			file,
			(await readFile(file, "utf8")).replace("Body of the second story.", "Edited body."),
		);
		const after = await load(site.content);
		expect(editedOnly(before, after, [file], site.content)).toEqual(new Set(["second-story"]));
	});

	test.each([
		[
			"a changed date",
			(s: string) => s.replace("date: 2018-07-25T10:00:00Z", "date: 2018-07-24T10:00:00Z"),
		],
		["a changed section", (s: string) => s.replace("section: sport", "section: news")],
		["new tags", (s: string) => s.replace("section: sport", "section: sport\ntags: [mexico]")],
	])("%s renders everything, since other pages move", async (_name, edit) => {
		const site = await fixtureSite();
		const before = await load(site.content);
		const file = path.join(site.content, "articles", "second-story", "index.md");
		await writeFile(file, edit(await readFile(file, "utf8")));
		const after = await load(site.content);
		expect(editedOnly(before, after, [file], site.content)).toBeUndefined();
	});

	test("a change to a data file renders everything", async () => {
		const content = path.join(FIXTURES, "site", "content");
		const catalog = await load(content);
		expect(
			editedOnly(catalog, catalog, [path.join(content, "_data", "tags.yaml")], content),
		).toBeUndefined();
		expect(editedOnly(catalog, catalog, [], content)).toBeUndefined();
	});
});

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
