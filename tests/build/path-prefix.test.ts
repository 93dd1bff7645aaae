/**
 * The Osorio site served under a path, as GitHub project pages serve it: every URL in pages,
 * feeds, sitemaps, JSON-LD and search carries the prefix, proved by the link check.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, test } from "vitest";
import { buildPublishedSite } from "../helpers.ts";
import {
	brokenLinks,
	htmlProblems,
	jsonLd,
	listFiles,
	parseXmlStrict,
	xsdErrors,
} from "../site-checks.ts";

const SITE_URL = "https://newsroom.github.io/dateline/";
let output = "";
const read = (file: string) => readFile(path.join(output, file), "utf8");

beforeAll(async () => {
	const site = await buildPublishedSite({
		siteUrl: SITE_URL,
		env: { SOURCE_DATE_EPOCH: String(Date.parse("2018-07-27T12:00:00Z") / 1000) },
	});
	output = site.output;
}, 120_000);

describe("a build under a path prefix", () => {
	test("writes the same files at the root of the output folder", async () => {
		const files = await listFiles(output);
		expect(files).toContain("index.html");
		expect(files).toContain("articles/osorio-to-leave-mexico/index.html");
		expect(files.some((f) => f.startsWith("dateline/"))).toBe(false);
	});

	test("every internal link, src and srcset resolves under the prefix", async () => {
		expect(await brokenLinks(output, SITE_URL)).toEqual([]);
	});

	test("every root-relative address in every page starts with the prefix", async () => {
		for (const file of (await listFiles(output)).filter(
			(f) => f.endsWith(".html") && !f.startsWith("pagefind/"),
		)) {
			const { document } = parseHTML(await read(file));
			for (const el of document.querySelectorAll("[href], [src]")) {
				const url = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
				if (url.startsWith("/")) expect(url, file).toMatch(/^\/dateline\//);
			}
		}
	});

	test("pages are html-validate clean", async () => {
		expect(await htmlProblems(output)).toEqual([]);
	});

	test("sitemaps, feeds, robots and JSON-LD use the prefixed addresses", async () => {
		expect(xsdErrors(path.join(output, "sitemap.xml"))).toBe("");
		expect(xsdErrors(path.join(output, "news-sitemap.xml"))).toBe("");
		const locs = [...parseXmlStrict(await read("sitemap.xml")).getElementsByTagName("loc")].map(
			(l) => l.textContent,
		);
		expect(locs).toContain(`${SITE_URL}articles/osorio-to-leave-mexico/`);
		for (const loc of locs) expect(loc.startsWith(SITE_URL)).toBe(true);
		const atom = await read("feed.xml");
		expect(atom).toContain(
			`<link rel="self" type="application/atom+xml" href="${SITE_URL}feed.xml"/>`,
		);
		expect(atom).not.toMatch(/https:\/\/newsroom\.github\.io\/(?!dateline\/)/);
		const json = JSON.parse(await read("feed.json")) as {
			items: { url: string; content_html: string }[];
		};
		for (const item of json.items) {
			expect(item.url.startsWith(SITE_URL)).toBe(true);
			expect(item.content_html).not.toMatch(/(src|href)="\/(?!dateline\/)/);
		}
		expect(await read("robots.txt")).toContain(`Sitemap: ${SITE_URL}sitemap.xml`);
		const { document } = parseHTML(await read("articles/osorio-to-leave-mexico/index.html"));
		const ld = JSON.stringify(jsonLd(document));
		expect(ld).toContain(`${SITE_URL}articles/osorio-to-leave-mexico/`);
		expect(ld).not.toMatch(/https:\/\/newsroom\.github\.io\/(?!dateline\/)/);
		const manifest = JSON.parse(await read("manifest.webmanifest")) as { start_url: string };
		expect(manifest.start_url).toBe("/dateline/");
	});

	test("search results link under the prefix", async () => {
		const { document } = parseHTML(await read("search/index.html"));
		const form = document.querySelector(".search-form");
		expect(form?.getAttribute("data-base-url")).toBe("/dateline/");
		// One index a quarter of publication, under the prefix; the page loads each.
		expect(form?.getAttribute("data-pagefind")).toBe("/dateline/pagefind/");
		expect(form?.getAttribute("data-pagefind-shards")).toBe("2018-q3");
	});
});
