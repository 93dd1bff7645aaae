import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Catalog } from "../../src/content/catalog.ts";
import { loadContent } from "../../src/content/load.ts";
import { newsArticles, newsLanguage, newsSitemap, sitemapEntries } from "../../src/feeds.ts";
import { absolutizeHtml } from "../../src/urls.ts";
import { FIXTURES } from "../helpers.ts";

async function catalogAt(iso: string): Promise<Catalog> {
	const { catalog } = await loadContent({
		contentDir: path.join(FIXTURES, "site", "content"),
		now: Date.parse(iso),
	});
	if (!catalog) throw new Error("fixture site should load");
	return catalog;
}

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

	test("absolutizes href, src and every srcset candidate, and leaves other URLs alone", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		expect(
			absolutizeHtml(
				catalog,
				'<a href="/tags/x/">x</a><img src="/img/a.jpg" srcset="/img/a-320.jpg 320w, /img/a-640.jpg 640w"><a href="https://other.example/">o</a><a href="//cdn.example/x">c</a>',
			),
		).toBe(
			'<a href="https://gazette.example/tags/x/">x</a><img src="https://gazette.example/img/a.jpg" srcset="https://gazette.example/img/a-320.jpg 320w, https://gazette.example/img/a-640.jpg 640w"><a href="https://other.example/">o</a><a href="//cdn.example/x">c</a>',
		);
	});

	test("the sitemap's lastmod is the article's `updated`, else its `date`", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const entries = new Map(sitemapEntries(catalog));
		expect(entries.get("/articles/first-story/")).toBe(Date.parse("2018-07-27T09:30:00-05:00"));
		expect(entries.get("/articles/second-story/")).toBe(Date.parse("2018-07-25T10:00:00Z"));
		expect(entries.get("/")).toBe(Date.parse("2018-07-27T09:30:00-05:00"));
	});
});

describe("related articles and listings", () => {
	test("related ranks shared tags above a shared section, never itself", async () => {
		const catalog = await catalogAt("2099-06-01T00:00:00Z");
		const first = catalog.articles.find((a) => a.slug === "first-story");
		if (!first) throw new Error("first-story");
		// future-story shares the news section only; second-story shares nothing.
		expect(catalog.related(first).map((a) => a.slug)).toEqual(["future-story"]);
	});

	test("listings paginate with stable addresses and previous/next links", async () => {
		const catalog = await catalogAt("2099-06-01T00:00:00Z");
		const news = catalog
			.listingPages(1)
			.filter((p) => p.subject.kind === "section" && p.subject.item.id === "news");
		expect(news.map((p) => [p.href, p.prev, p.next, p.items.map((a) => a.slug)])).toEqual([
			["/sections/news/", undefined, "/sections/news/page/2/", ["future-story"]],
			["/sections/news/page/2/", "/sections/news/", undefined, ["first-story"]],
		]);
	});

	test("tags are named from tags.yaml or a readable form of the slug", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		expect([...catalog.tags.values()].map((t) => [t.id, t.name])).toEqual([
			["mexico", "Mexico"],
			["world-cup-2018", "World cup 2018"],
		]);
	});
});
