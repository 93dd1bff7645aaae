import { describe, expect, test } from "vitest";
import { basePathOf, photoUses, readableSlug } from "../../../src/content/catalog.ts";
import { catalogAt } from "../../helpers.ts";

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

describe("addresses", () => {
	test.each([
		["https://dateline.example", ""],
		["https://dateline.example/", ""],
		["https://newsroom.github.io/dateline/", "/dateline"],
		["https://newsroom.github.io/a/b", "/a/b"],
	])("%s is served under %j", (url, base) => {
		expect(basePathOf(url)).toBe(base);
	});

	test("a site-relative address and the file it lands in", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		expect(catalog.url("/feed.xml")).toBe("/feed.xml");
		expect(catalog.outputPath("/tags/x/")).toBe("/tags/x/index.html");
		expect(catalog.outputPath("/feed.xml")).toBe("/feed.xml");
	});

	test("a tag's readable name", () => {
		expect(readableSlug("world-cup-2018")).toBe("World cup 2018");
	});
});

describe("photo uses", () => {
	test("the brand files credited to the publication, then each article's lead photo with crops and its body photos without", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const uses = photoUses(catalog).map((u) => [
			u.where.file,
			u.where.subject,
			u.crops,
			u.credit.credit,
			u.where.line(),
		]);
		expect(uses).toEqual([
			["content/_data/site.yaml", "`logo`", false, "The Fixture Gazette", undefined],
			["content/_data/site.yaml", "`image`", false, "The Fixture Gazette", undefined],
			["content/articles/first-story/index.md", "`image.src`", true, "Yuri Cortez", 11],
			[
				"content/articles/first-story/index.md",
				"the body photo ![A second photo in the body](inline.png)",
				false,
				"Ana Photographer",
				23,
			],
			["content/articles/second-story/index.md", "`image.src`", true, "Yuri Cortez", 8],
		]);
	});
});
