import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { fontLoader } from "../../layouts/font-loader.ts";
import { existsSync, fixtureSite, readPage, runBuild } from "../helpers.ts";

let output = "";
let article: Document;

beforeAll(async () => {
	const site = await fixtureSite();
	output = site.output;
	const result = runBuild(site.content, site.output);
	expect(result.stderr).toBe("");
	expect(result.status).toBe(0);
	article = await readPage(output, "/articles/first-story/");
}, 60_000);

describe("article page", () => {
	test("shows kicker, headline, standfirst and byline, escaped", () => {
		expect(article.querySelector(".kicker")?.textContent).toContain("Exclusive");
		expect(article.querySelector("h1")?.textContent).toBe(
			"The first story has a <script> in its headline",
		);
		expect(article.querySelector("h1")?.innerHTML).toBe(
			"The first story has a &lt;script&gt; in its headline",
		);
		expect(article.querySelector(".standfirst")?.textContent).toBe(
			"A standfirst long enough to pass the fifty character minimum, with “quotes” & an ampersand.",
		);
		expect(article.querySelector(".byline")?.textContent).toBe(
			"By Gazette desk and Ana Writer",
		);
		expect(article.querySelector("title")?.textContent).toBe(
			"The first story has a <script> in its headline | The Fixture Gazette",
		);
	});

	test("dates the article in the publication's time zone, with the updated line", () => {
		const published = article.querySelector(".dateline time");
		expect(published?.getAttribute("datetime")).toBe("2018-07-26T17:00:00-05:00");
		expect(published?.textContent).toBe("July 26, 2018 at 5:00 PM CDT");
		expect(article.querySelector(".updated")?.textContent).toBe(
			"Updated July 26, 2018 at 5:30 PM CDT",
		);
	});

	test("shows the lead photo as a figure with caption and credit, sized", () => {
		const figure = article.querySelector("figure.lead-photo");
		const img = figure?.querySelector("picture > img");
		// The 96 px test photo is never upscaled: one width, in AVIF, WebP and JPEG.
		expect(img?.getAttribute("src")).toMatch(/^\/img\/[0-9a-f]{16}-96\.jpg$/);
		expect(img?.getAttribute("srcset")).toBe(`${String(img?.getAttribute("src"))} 96w`);
		expect(
			[...(figure?.querySelectorAll("picture > source") ?? [])].map((s) => [
				s.getAttribute("type"),
				s.getAttribute("srcset")?.replace(/[0-9a-f]{16}/, "KEY"),
			]),
		).toEqual([
			["image/avif", "/img/KEY-96.avif 96w"],
			["image/webp", "/img/KEY-96.webp 96w"],
		]);
		expect(img?.getAttribute("alt")).toBe('A grey test card with "quotes"');
		expect(img?.getAttribute("width")).toBe("96");
		expect(img?.getAttribute("height")).toBe("64");
		expect(img?.getAttribute("loading")).toBe("eager");
		expect(img?.getAttribute("fetchpriority")).toBe("high");
		expect(img?.getAttribute("style")).toMatch(/^background-color:#[0-9a-f]{6}$/);
		expect(figure?.querySelector(".caption")?.textContent).toBe(
			"The caption of the first photo",
		);
		expect(figure?.querySelector(".credit")?.textContent).toBe("Photo: Yuri Cortez/AFP");
		expect(existsSync(path.join(output, String(img?.getAttribute("src"))))).toBe(true);
		// The original may carry the photographer's location: it is never published.
		expect(existsSync(path.join(output, "articles/first-story/photo.jpg"))).toBe(false);
	});

	test("renders the body with its inline photo and table", () => {
		const body = article.querySelector(".story-body");
		expect(body?.querySelector("p")?.textContent).toBe("The first paragraph of the body.");
		const img = body?.querySelector("figure.photo picture > img");
		expect(img?.getAttribute("src")).toMatch(/^\/img\/[0-9a-f]{16}-40\.jpg$/);
		expect(img?.getAttribute("loading")).toBe("lazy");
		expect(img?.getAttribute("decoding")).toBe("async");
		expect(body?.querySelector("figure.photo figcaption")?.textContent).toBe(
			"The inline caption. Photo: Ana Photographer/Reuters",
		);
		expect(body?.querySelector("figure.photo .credit")?.textContent).toBe(
			"Photo: Ana Photographer/Reuters",
		);
		expect(body?.querySelectorAll("td")[1]?.textContent).toBe("Copa America");
		expect(existsSync(path.join(output, String(img?.getAttribute("src"))))).toBe(true);
		expect(existsSync(path.join(output, "articles/first-story/inline.png"))).toBe(false);
	});

	test("lists tags and the dated corrections at the foot", () => {
		expect(
			[...article.querySelectorAll(".tags a")].map((a) => [
				a.textContent,
				a.getAttribute("href"),
			]),
		).toEqual([
			["Mexico", "/tags/mexico/"],
			["World cup 2018", "/tags/world-cup-2018/"],
		]);
		const correction = article.querySelector(".corrections li");
		expect(correction?.textContent).toBe(
			"July 26, 2018 at 5:30 PM CDT: An earlier version misstated the score.",
		);
	});

	test("is one HTML document with the CSS inlined and no script but the font switch", async () => {
		const source = await readFile(path.join(output, "articles/first-story/index.html"), "utf8");
		expect(source.startsWith("<!DOCTYPE html>")).toBe(true);
		expect(article.documentElement.getAttribute("lang")).toBe("en");
		expect(article.querySelector("style")?.textContent.length).toBeGreaterThan(1000);
		// Besides JSON-LD data, only the web font's switch runs: nothing a reader needs.
		const scripts = [...article.querySelectorAll("script")].map((s) => s.getAttribute("type"));
		expect(scripts).toEqual(["application/ld+json", null]);
		expect(
			`<script>${String(article.querySelector("script:not([type])")?.textContent)}</script>`,
		).toBe(fontLoader().toString());
		expect(article.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
			"https://gazette.example/articles/first-story/",
		);
		expect(article.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
			"index, follow, max-image-preview:large",
		);
	});
});

describe("site", () => {
	test("the home page leads with the newest article, then lists the rest", async () => {
		const home = await readPage(output, "/");
		expect(home.querySelector(".lead-headline a")?.getAttribute("href")).toBe(
			"/articles/first-story/",
		);
		expect(
			[...home.querySelectorAll(".card-title a")].map((a) => a.getAttribute("href")),
		).toEqual(["/articles/second-story/"]);
	});

	test("every page has the section navigation", async () => {
		const page = await readPage(output, "/sections/sport/");
		expect([...page.querySelectorAll("nav.sections a")].map((a) => a.textContent)).toEqual([
			"News",
			"Sport",
			"Search",
		]);
		expect(page.querySelector('nav.sections a[aria-current="page"]')?.textContent).toBe(
			"Sport",
		);
		expect(
			[...page.querySelectorAll(".card-title a")].map((a) => a.getAttribute("href")),
		).toEqual(["/articles/second-story/"]);
	});

	test("drafts and future-dated articles are not built", async () => {
		const articles = await readdir(path.join(output, "articles"));
		expect(articles.sort()).toEqual(["first-story", "second-story"]);
		const home = await readFile(path.join(output, "index.html"), "utf8");
		expect(home).not.toContain("draft");
		expect(home).not.toContain("scheduled story");
	});
});
