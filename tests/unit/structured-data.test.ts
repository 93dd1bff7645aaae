import { describe, expect, test } from "vitest";
import { homeGraph, jsonLdScript, newsArticle } from "../../src/structured-data.ts";
import { catalogAt } from "../helpers.ts";

describe("JSON-LD", () => {
	test("a NewsArticle credits its photo, names its authors and carries its corrections", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const article = catalog.articles.find((a) => a.slug === "first-story");
		if (!article) throw new Error("first-story");
		const data = newsArticle(catalog, article) as unknown as Record<string, unknown>;
		expect(data["@type"]).toBe("NewsArticle");
		expect(data.url).toBe("https://gazette.example/articles/first-story/");
		const [image] = data.image as Record<string, unknown>[];
		expect(image).toMatchObject({
			"@type": "ImageObject",
			creator: { "@type": "Person", name: "Yuri Cortez" },
			creditText: "Yuri Cortez/AFP",
		});
		expect(data.dateModified).toBe("2018-07-26T17:30:00-05:00");
		expect(data.correction).toEqual([
			expect.objectContaining({ "@type": "CorrectionComment" }),
		]);
	});

	test("the home page carries the publisher and the site", async () => {
		const catalog = await catalogAt("2026-01-01T00:00:00Z");
		const [organization, website] = homeGraph(catalog);
		expect(organization).toMatchObject({ "@type": "Organization", name: catalog.site.name });
		expect(website).toMatchObject({ "@type": "WebSite", url: "https://gazette.example/" });
	});

	test("no value can end the script element", () => {
		expect(jsonLdScript({ headline: "</script><script>alert(1)</script>" }).toString()).toBe(
			'<script type="application/ld+json">{"headline":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}</script>',
		);
	});
});
