import { describe, expect, test } from "vitest";
import {
	atomFeed,
	jsonFeed,
	newsArticles,
	newsLanguage,
	newsSitemap,
	robots,
	sitemap,
	sitemapEntries,
} from "../../src/feeds.ts";
import { catalogAt } from "../helpers.ts";

describe("news sitemap window", () => {
	test.each([
		["2018-07-26T22:00:00Z", ["first-story", "second-story"]],
		["2018-07-27T09:59:59Z", ["first-story", "second-story"]],
		["2018-07-27T10:00:01Z", ["first-story"]],
		["2018-07-28T21:59:59Z", ["first-story"]],
		["2018-07-28T22:00:01Z", []],
		["2026-11-26T00:00:00Z", []],
	])("at %s lists %j", async (now, slugs) => {
		const catalog = await catalogAt(now);
		expect(newsArticles(catalog).map((a) => a.slug)).toEqual(slugs);
	});

	test("keeps at most the limit, newest first", async () => {
		const catalog = await catalogAt("2018-07-27T11:00:00Z");
		expect(newsArticles(catalog, 3 * 86_400_000, 1).map((a) => a.slug)).toEqual([
			"first-story",
		]);
	});

	test("an empty window gives an empty urlset", async () => {
		const catalog = await catalogAt("2026-11-26T00:00:00Z");
		expect(newsSitemap(catalog, [])).toBe(
			'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n</urlset>\n',
		);
	});
});

describe("feeds and sitemaps", () => {
	test.each([
		["en", "en"],
		["es-MX", "es"],
		["zh-TW", "zh-tw"],
	])("news language of %s is %s", (language, expected) => {
		expect(newsLanguage(language)).toBe(expected);
	});

	test("the sitemap's lastmod is the article's `updated`, else its `date`", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const entries = new Map(sitemapEntries(catalog));
		expect(entries.get("/articles/first-story/")).toBe(Date.parse("2018-07-26T17:30:00-05:00"));
		expect(entries.get("/articles/second-story/")).toBe(Date.parse("2018-07-25T10:00:00Z"));
		expect(entries.get("/")).toBe(Date.parse("2018-07-26T17:30:00-05:00"));
	});
});

describe("feed documents", () => {
	test("Atom and JSON Feed carry each article with its photo's credit, escaped once", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const scope = {
			title: "T & Co",
			description: "D",
			page: "/",
			base: "/",
			articles: catalog.articles,
		};
		const atom = atomFeed(catalog, scope);
		expect(atom).toContain("<title>T &amp; Co</title>");
		expect(atom).toContain("Photo: Yuri Cortez");
		expect(atom.match(/<entry>/g)).toHaveLength(2);
		const json = JSON.parse(jsonFeed(catalog, scope)) as {
			title: string;
			items: { id: string; content_html: string }[];
		};
		expect(json.title).toBe("T & Co");
		expect(json.items.map((i) => i.id)).toEqual([
			"https://gazette.example/articles/first-story/",
			"https://gazette.example/articles/second-story/",
		]);
		expect(json.items[0]?.content_html).toContain("Photo: Ana Photographer/Reuters");
	});

	test("the sitemap lists every page and robots.txt names both sitemaps", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const xml = sitemap(catalog);
		expect(xml).toContain("<loc>https://gazette.example/articles/first-story/</loc>");
		expect(xml).toContain("<loc>https://gazette.example/tags/</loc>");
		expect(robots(catalog)).toBe(
			"User-agent: *\nAllow: /\n\nSitemap: https://gazette.example/sitemap.xml\nSitemap: https://gazette.example/news-sitemap.xml\n",
		);
	});
});
