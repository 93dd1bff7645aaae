/**
 * What a reader sees on the built Osorio site, checked in the HTML: typographic quotes where
 * text is shown (and the editor's text in feeds and JSON-LD), one label per teaser, each photo
 * once per page, the editor's note, the masthead, the web font and its budget.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, test } from "vitest";
import { buildPublishedSite } from "../helpers.ts";
import { jsonLd, listFiles } from "../site-checks.ts";

// Friday morning in Mexico City, the day after the story.
const BUILD_TIME = Date.parse("2018-07-27T12:00:00Z") / 1000;
const TIMELINE = "articles/osorio-mexico-timeline/index.html";
const REPORT = "articles/osorio-to-leave-mexico/index.html";
let output = "";
let files: string[] = [];

const read = (file: string) => readFile(path.join(output, file), "utf8");
const page = async (file: string) => parseHTML(await read(file)).document;

beforeAll(async () => {
	output = (await buildPublishedSite({ env: { SOURCE_DATE_EPOCH: String(BUILD_TIME) } })).output;
	files = await listFiles(output);
}, 120_000);

describe("the reader's pages", () => {
	test("headlines, standfirsts, captions and teasers get typographic quotes", async () => {
		const doc = await page(TIMELINE);
		expect(doc.querySelector("h1")?.textContent).toBe(
			"Osorio’s three years with Mexico: a timeline",
		);
		expect(doc.querySelector(".lead-photo .caption")?.textContent).toMatch(
			/^Juan Carlos Osorio, Mexico’s head coach/,
		);
		const home = await page("index.html");
		expect([...home.querySelectorAll(".card-title")].map((h) => h.textContent)).toContain(
			"Osorio’s three years with Mexico: a timeline",
		);
		const text = [...home.querySelectorAll("main h2, main h3, main p")].map(
			(e) => e.textContent,
		);
		expect(text.filter((t) => /['"]/.test(t))).toEqual([]);
	});

	test("feeds, JSON-LD and the <title> keep the editor's text as written", async () => {
		const doc = await page(TIMELINE);
		expect(jsonLd(doc)[0]?.headline).toBe("Osorio's three years with Mexico: a timeline");
		expect(doc.querySelector("title")?.textContent).toMatch(/^Osorio's three years/);
		const feed = JSON.parse(await read("feed.json")) as { items: { title: string }[] };
		expect(feed.items.map((i) => i.title)).toContain(
			"Osorio's three years with Mexico: a timeline",
		);
	});

	test("every teaser carries at most one label", async () => {
		for (const file of ["index.html", "404.html", REPORT, "tags/mexico/index.html"]) {
			const doc = await page(file);
			const teasers = [...doc.querySelectorAll(".card, .row, .lead-story-text")];
			expect(teasers.length, file).toBeGreaterThan(0);
			for (const t of teasers)
				expect(t.querySelectorAll(".label, .kicker").length).toBeLessThanOrEqual(1);
		}
	});

	test("no page shows the same photo twice", async () => {
		for (const file of files.filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))) {
			const srcs = [...(await page(file)).querySelectorAll("main picture img")].map((i) =>
				i.getAttribute("src"),
			);
			expect(srcs.length, file).toBe(new Set(srcs).size);
		}
		// The tag page lists three stories that share one photo: it is shown once, as a thumbnail.
		const tag = await page("tags/juan-carlos-osorio/index.html");
		expect(tag.querySelectorAll(".row")).toHaveLength(3);
		expect(tag.querySelectorAll(".row .row-image img")).toHaveLength(1);
	});

	test("the editor's note is a note, not an italic paragraph", async () => {
		const doc = await page(REPORT);
		const note = doc.querySelector(".story-body .editors-note");
		expect(note?.querySelector("strong")?.textContent).toBe("Editor’s note:");
		expect(note?.querySelector("em")).toBeNull();
	});

	test("the masthead carries the logo and the build's date in the publication's zone", async () => {
		const doc = await page("index.html");
		const brand = doc.querySelector(".masthead .brand");
		// The logo as the photo pipeline publishes it, never the file in content/brand/.
		expect(brand?.querySelector("img")?.getAttribute("src")).toMatch(
			/^\/img\/[0-9a-f]{16}-\d+\.jpg$/,
		);
		expect(brand?.querySelector("img")?.getAttribute("alt")).toBe("");
		expect(brand?.textContent).toBe("Dateline Football");
		const date = doc.querySelector(".masthead .edition-date time");
		expect(date?.getAttribute("datetime")).toBe("2018-07-27");
		expect(date?.textContent).toBe("Friday, July 27, 2018");
	});

	test("search results get title, section and date from the article", async () => {
		const doc = await page(REPORT);
		expect(doc.querySelector('[data-pagefind-meta="title"]')?.textContent).toBe(
			"Osorio to leave Mexican national team",
		);
		expect(doc.querySelector('[data-pagefind-meta="section"]')?.textContent).toBe(
			"National teams",
		);
		expect(
			doc.querySelector('[data-pagefind-meta^="date:"]')?.getAttribute("data-pagefind-meta"),
		).toBe("date:2018-07-26");
	});
});

describe("the web font", () => {
	test("is self-hosted as woff2 under content-hashed names that _headers serves immutable", async () => {
		const fonts = files.filter((f) => f.endsWith(".woff2"));
		expect(fonts).toHaveLength(3);
		for (const f of fonts) {
			expect(f).toMatch(
				/^assets\/newsreader-latin-(400|700)-(normal|italic)\.[0-9a-f]{10}\.woff2$/,
			);
			expect((await stat(path.join(output, f))).size).toBeLessThan(30_000);
		}
		expect(await read("_headers")).toContain(
			"/assets/*\n  Cache-Control: public, max-age=31536000, immutable",
		);
	});

	test("pages declare it with swap and tuned fallbacks, and ask for it only after the load event and a painted frame", async () => {
		const doc = await page(REPORT);
		// A preload would compete with the lead photo on the first screen.
		expect(doc.querySelectorAll('link[rel="preload"][as="font"]')).toHaveLength(0);
		const css = doc.querySelector("style")?.textContent ?? "";
		expect(css.match(/font-display:swap/g)).toHaveLength(3);
		expect(css).toMatch(
			/font-family:"Newsreader Fallback";font-weight:400;src:local\("Times New Roman"\)[^}]*size-adjust:10\d\.\d+%/,
		);
		expect(css).toMatch(/:root\{[^}]*--serif:"Newsreader Fallback"/);
		expect(css).toMatch(/\.fonts\{--serif:Newsreader,/);
		const script = doc.querySelector("head script:not([type])")?.textContent ?? "";
		expect(script).toContain('addEventListener("load",function(){requestAnimationFrame(');
		expect(script).toContain('sessionStorage.getItem("fonts")');
	});

	test("the article's HTML with its inlined CSS stays under 14 KB gzipped", async () => {
		const bytes = gzipSync(await read(REPORT)).length;
		expect(bytes).toBeLessThan(14 * 1024);
	});
});
