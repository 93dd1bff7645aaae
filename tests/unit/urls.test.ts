import { describe, expect, test } from "vitest";
import { absoluteUrl, absolutizeHtml, urlPath } from "../../src/urls.ts";
import { catalogAt } from "../helpers.ts";

describe("absolute URLs", () => {
	test.each([
		["https://gazette.example", "/articles/a/", "https://gazette.example/articles/a/"],
		[
			"https://newsroom.github.io/dateline/",
			"/dateline/articles/a/",
			"https://newsroom.github.io/dateline/articles/a/",
		],
	])("against %s, %s is %s", (url, href, absolute) => {
		expect(absoluteUrl({ site: { url } } as Parameters<typeof absoluteUrl>[0], href)).toBe(
			absolute,
		);
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
});

describe("file paths as addresses", () => {
	test.each([
		["/c/brand/logo #1?.png", "brand/logo%20%231%3F.png"],
		["/c/a/estadio azteca ñ.jpg", "a/estadio%20azteca%20%C3%B1.jpg"],
		["/c/a/100%.jpg", "a/100%25.jpg"],
		["/c/a/b/photo.jpg", "a/b/photo.jpg"],
	])("%s is %s", (file, href) => {
		expect(urlPath("/c", file)).toBe(href);
	});
});
