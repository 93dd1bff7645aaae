import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildTime, loadContent } from "../../../src/content/load.ts";
import { FIXTURES, ROOT, fixtureSite } from "../../helpers.ts";

const content = path.join(FIXTURES, "site", "content");
const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("loadContent", () => {
	test("reads the fixture site into a catalog, newest first, without drafts or scheduled articles", async () => {
		const { catalog, problems } = await loadContent({
			contentDir: content,
			root: ROOT,
			now: NOW,
		});
		expect(problems).toEqual([]);
		expect(catalog?.articles.map((a) => a.slug)).toEqual(["first-story", "second-story"]);
		const first = catalog?.articles[0];
		expect(first?.href).toBe("/articles/first-story/");
		expect(first?.authors.map((a) => a.name)).toEqual(["Gazette desk", "Ana Writer"]);
		expect(first?.section.name).toBe("News");
		expect(first?.image).toMatchObject({
			width: 96,
			height: 64,
			format: "JPEG",
			href: "/articles/first-story/photo.jpg",
		});
		expect(first?.bodyPhotos.find((p) => p.src === "inline.png")).toMatchObject({
			width: 40,
			height: 30,
			href: "/articles/first-story/inline.png",
		});
		expect(first?.modified).toBe(Date.parse("2018-07-26T17:30:00-05:00"));
		expect(catalog?.site.logoFile.width).toBe(64);
	});

	test("the preview includes drafts and scheduled articles, marked as such", async () => {
		const { catalog } = await loadContent({
			contentDir: content,
			root: ROOT,
			now: NOW,
			includeUnpublished: true,
		});
		const status = Object.fromEntries(catalog?.articles.map((a) => [a.slug, a.status]) ?? []);
		expect(status).toEqual({
			"future-story": "scheduled",
			"first-story": "published",
			"second-story": "published",
			"draft-story": "draft",
		});
	});

	test("an article becomes published once the build time passes its date", async () => {
		const { catalog } = await loadContent({
			contentDir: content,
			root: ROOT,
			now: Date.parse("2099-01-01T08:00:01Z"),
		});
		expect(catalog?.articles[0]?.slug).toBe("future-story");
	});

	test("cross-references are checked across files, all at once", async () => {
		const site = await fixtureSite("refuse-three-articles");
		const { catalog, problems } = await loadContent({
			contentDir: site.content,
			root: site.dir,
			now: NOW,
		});
		expect(catalog).toBeUndefined();
		expect(problems.map((p) => `${p.file}:${String(p.line)}`)).toEqual(
			expect.arrayContaining([
				"content/articles/empty-alt/index.md:9",
				"content/articles/no-zone/index.md:4",
				"content/articles/typo/index.md:7",
			]),
		);
		expect(problems).toHaveLength(3);
	});

	test("asked for, a partial catalog holds the articles that have no problem", async () => {
		const site = await fixtureSite("refuse-three-articles");
		const result = await loadContent({ contentDir: site.content, now: NOW, partial: true });
		expect(result.catalog).toBeUndefined();
		expect(result.problems).toHaveLength(3);
		const partial = "partial" in result ? result.partial : undefined;
		expect(partial?.site.name).toBe("The Fixture Gazette");
		expect(partial?.articles.map((a) => a.slug)).toEqual(["first-story", "second-story"]);
	});

	test("with site.yaml broken, the partial catalog stands in for the publication", async () => {
		const site = await fixtureSite();
		const siteFile = path.join(site.content, "_data", "site.yaml");
		await writeFile(siteFile, "name: [\n");
		const result = await loadContent({ contentDir: site.content, now: NOW, partial: true });
		expect(result.problems.map((p) => p.file)).toEqual(["content/_data/site.yaml"]);
		const partial = "partial" in result ? result.partial : undefined;
		expect(partial?.site.name).toBe("Dateline preview");
		expect(partial?.articles.map((a) => a.slug)).toEqual(["first-story", "second-story"]);
	});

	test("SOURCE_DATE_EPOCH fixes the build time", () => {
		expect(buildTime({ SOURCE_DATE_EPOCH: "1532642400" })).toBe(1532642400000);
		expect(Math.abs(buildTime({}) - Date.now())).toBeLessThan(1000);
	});
});
