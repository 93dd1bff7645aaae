/**
 * The Osorio site built as it is published, checked the way a newsroom's web team would:
 * sitemaps against the XSDs, feeds through a strict parser, JSON-LD on every article, every
 * internal link, and html-validate on every page.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, test } from "vitest";
import { buildPublishedSite } from "../helpers.ts";
import {
	brokenLinks,
	fileFor,
	htmlProblems,
	jsonLd,
	listFiles,
	parseXmlStrict,
	xsdErrors,
} from "../site-checks.ts";

const SITE_URL = "https://dateline.example";
// The day after the story: inside the news sitemap's two-day window.
const BUILD_TIME = Date.parse("2018-07-27T12:00:00Z") / 1000;
let output = "";
let files: string[] = [];

const read = (file: string) => readFile(path.join(output, file), "utf8");
const page = async (file: string) => parseHTML(await read(file)).document;

beforeAll(async () => {
	output = (await buildPublishedSite({ env: { SOURCE_DATE_EPOCH: String(BUILD_TIME) } })).output;
	files = await listFiles(output);
}, 120_000);

describe("the published Osorio site", () => {
	test("writes every page a reader and a crawler need", () => {
		const pages = files.filter(
			(f) => !f.startsWith("pagefind/") && !/\.(jpe?g|png|webp|avif)$/.test(f),
		);
		expect(pages).toEqual(
			expect.arrayContaining([
				"404.html",
				"articles/osorio-to-leave-mexico/index.html",
				"articles/osorio-mexico-timeline/index.html",
				"articles/colombia-usmnt-coaching-race/index.html",
				"authors/goal-staff/index.html",
				"authors/dateline-desk/index.html",
				"feed.json",
				"feed.xml",
				"index.html",
				"manifest.webmanifest",
				"news-sitemap.xml",
				"robots.txt",
				"search/index.html",
				"sections/national-teams/index.html",
				"sections/national-teams/feed.xml",
				"sections/national-teams/feed.json",
				"sections/in-depth/index.html",
				"sitemap.xml",
				"tags/index.html",
				"tags/mexico/index.html",
				"tags/juan-carlos-osorio/index.html",
			]),
		);
		// The search index of the quarter the three articles were published in.
		expect(files).toContain("pagefind/2018-q3/pagefind.js");
	});

	test("every internal link, src and srcset resolves to a file", async () => {
		expect(await brokenLinks(output, SITE_URL)).toEqual([]);
	});

	test("every page is html-validate clean", async () => {
		expect(await htmlProblems(output)).toEqual([]);
	});

	test("sitemap.xml is valid against the sitemaps.org XSD and lists every public page", async () => {
		expect(xsdErrors(path.join(output, "sitemap.xml"))).toBe("");
		const doc = parseXmlStrict(await read("sitemap.xml"));
		const locs = [...doc.getElementsByTagName("loc")].map((l) => l.textContent);
		const htmlPages = files.filter(
			(f) =>
				f.endsWith(".html") &&
				f !== "404.html" &&
				!f.startsWith("pagefind/") &&
				f !== "search/index.html",
		);
		expect(locs.sort()).toEqual(
			htmlPages.map((f) => `${SITE_URL}/${f.replace(/index\.html$/, "")}`).sort(),
		);
		const lastmod = [...doc.getElementsByTagName("url")].find(
			(u) =>
				u.getElementsByTagName("loc")[0]?.textContent ===
				`${SITE_URL}/articles/osorio-to-leave-mexico/`,
		);
		expect(lastmod?.getElementsByTagName("lastmod")[0]?.textContent).toBe(
			"2018-07-26T22:00:00Z",
		);
	});

	test("the news sitemap is valid against the Google News XSD and lists the last two days' articles", async () => {
		expect(xsdErrors(path.join(output, "news-sitemap.xml"))).toBe("");
		const doc = parseXmlStrict(await read("news-sitemap.xml"));
		const urls = [...doc.getElementsByTagName("url")];
		expect(urls).toHaveLength(3);
		const first = urls[0];
		expect(first?.getElementsByTagName("news:name")[0]?.textContent).toBe("Dateline Football");
		expect(first?.getElementsByTagName("news:language")[0]?.textContent).toBe("en");
		expect(first?.getElementsByTagName("news:publication_date")[0]?.textContent).toBe(
			"2018-07-26T17:00:00-05:00",
		);
		expect(first?.getElementsByTagName("news:title")[0]?.textContent).toBe(
			"Osorio to leave Mexican national team",
		);
	});

	test("robots.txt names both sitemaps", async () => {
		expect(await read("robots.txt")).toBe(
			`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap.xml\nSitemap: ${SITE_URL}/news-sitemap.xml\n`,
		);
	});

	test.each(["feed.xml", "sections/national-teams/feed.xml", "sections/in-depth/feed.xml"])(
		"%s is strict XML Atom whose every entry links to a built page",
		async (feed) => {
			expect(xsdErrors(path.join(output, feed)).includes("parser error")).toBe(false);
			const doc = parseXmlStrict(await read(feed));
			expect(doc.documentElement.namespaceURI).toBe("http://www.w3.org/2005/Atom");
			const entries = [...doc.getElementsByTagName("entry")];
			expect(entries.length).toBeGreaterThan(0);
			for (const entry of entries) {
				const href =
					[...entry.getElementsByTagName("link")]
						.find((l) => l.getAttribute("rel") === "alternate")
						?.getAttribute("href") ?? "";
				const file = fileFor(output, SITE_URL, href);
				expect(file && files.includes(path.relative(output, file))).toBe(true);
				for (const tag of [
					"title",
					"id",
					"published",
					"updated",
					"summary",
					"content",
					"author",
				]) {
					expect(entry.getElementsByTagName(tag).length, tag).toBeGreaterThan(0);
				}
				// The HTML is escaped exactly once: parsing the text gives markup, not entities.
				const content = entry.getElementsByTagName("content")[0]?.textContent ?? "";
				expect(content).toMatch(/^<figure><img src="https:\/\/dateline\.example\//);
				expect(content).toContain("Photo: Yuri Cortez");
				expect(content).not.toContain("&lt;");
			}
		},
	);

	test("the JSON Feed has every item linking to a built page, with full content", async () => {
		const feed = JSON.parse(await read("feed.json")) as {
			version: string;
			items: Record<string, unknown>[];
		};
		expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
		expect(feed.items).toHaveLength(3);
		for (const item of feed.items) {
			const file = fileFor(output, SITE_URL, String(item.url));
			expect(file && files.includes(path.relative(output, file))).toBe(true);
			expect(item.content_html).toContain("Photo: Yuri Cortez");
			expect(item).toHaveProperty("date_published");
			expect(item).toHaveProperty("date_modified");
			expect(item).toHaveProperty("image");
			expect(item).toHaveProperty("authors");
		}
	});

	test("every article carries a complete NewsArticle", async () => {
		for (const file of files.filter(
			(f) => f.startsWith("articles/") && f.endsWith("index.html"),
		)) {
			const [ld] = jsonLd(await page(file));
			expect(ld?.["@type"], file).toBe("NewsArticle");
			for (const key of [
				"headline",
				"description",
				"image",
				"datePublished",
				"dateModified",
				"author",
				"publisher",
				"articleSection",
				"keywords",
				"isAccessibleForFree",
				"mainEntityOfPage",
			]) {
				expect(ld, `${file} ${key}`).toHaveProperty(key);
			}
			const image = ld?.image as [Record<string, unknown>, ...string[]];
			expect(image[0]).toMatchObject({
				"@type": "ImageObject",
				creditText: "Yuri Cortez",
				creator: { "@type": "Person", name: "Yuri Cortez" },
			});
			expect(String(image[0].contentUrl)).toMatch(/^https:\/\/dateline\.example\//);
			for (const url of image.slice(1) as string[]) {
				expect(files).toContain(
					path.relative(output, fileFor(output, SITE_URL, url) ?? ""),
				);
			}
			expect(ld?.publisher).toMatchObject({
				"@type": "Organization",
				name: "Dateline Football",
				url: `${SITE_URL}/`,
			});
			expect((ld?.author as { "@type": string; url: string }[])[0]?.url).toMatch(
				/^https:\/\/dateline\.example\/authors\//,
			);
		}
	});

	test("the article head carries canonical, Open Graph, Twitter and robots metadata", async () => {
		const doc = await page("articles/osorio-to-leave-mexico/index.html");
		const meta = (key: string) =>
			doc
				.querySelector(`meta[property="${key}"], meta[name="${key}"]`)
				?.getAttribute("content");
		expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
			`${SITE_URL}/articles/osorio-to-leave-mexico/`,
		);
		expect(meta("description")).toMatch(/^Juan Carlos Osorio has turned down/);
		expect(meta("og:type")).toBe("article");
		expect(meta("og:image")).toMatch(/^https:\/\/dateline\.example\//);
		expect(Number(meta("og:image:width"))).toBeGreaterThan(0);
		expect(meta("article:published_time")).toBe("2018-07-26T17:00:00-05:00");
		expect(meta("article:modified_time")).toBe("2018-07-26T17:00:00-05:00");
		expect(meta("article:section")).toBe("National teams");
		expect(
			[...doc.querySelectorAll('meta[property="article:tag"]')].map((m) =>
				m.getAttribute("content"),
			),
		).toContain("Juan Carlos Osorio");
		expect(meta("article:author")).toBe(`${SITE_URL}/authors/goal-staff/`);
		expect(meta("twitter:card")).toBe("summary_large_image");
		expect(meta("robots")).toBe("index, follow, max-image-preview:large");
		expect(doc.documentElement.getAttribute("lang")).toBe("en");
		expect(doc.querySelector('link[rel="manifest"]')?.getAttribute("href")).toBe(
			"/manifest.webmanifest",
		);
		expect(doc.querySelector('link[rel="icon"]')).not.toBeNull();
	});

	test("the home page carries the Organization and the WebSite, and groups by section under the lead", async () => {
		const doc = await page("index.html");
		expect(jsonLd(doc).map((d) => d["@type"])).toEqual(["Organization", "WebSite"]);
		expect(doc.querySelector(".lead-headline a")?.getAttribute("href")).toBe(
			"/articles/osorio-to-leave-mexico/",
		);
		expect([...doc.querySelectorAll(".home-section h2")].map((h) => h.textContent)).toEqual([
			"National teams",
			"In depth",
		]);
	});

	test("tag pages list their articles newest first with a count; the tags page lists every tag", async () => {
		const tag = await page("tags/juan-carlos-osorio/index.html");
		expect(tag.querySelector("h1")?.textContent).toBe("Juan Carlos Osorio");
		expect(tag.querySelector(".listing-count")?.textContent).toBe("3 articles");
		expect(
			[...tag.querySelectorAll(".card-title a")].map((a) => a.getAttribute("href")),
		).toEqual([
			"/articles/osorio-to-leave-mexico/",
			"/articles/colombia-usmnt-coaching-race/",
			"/articles/osorio-mexico-timeline/",
		]);
		const all = await page("tags/index.html");
		expect(all.querySelectorAll(".tag-index li")).toHaveLength(8);
	});

	test("author pages show name, role, bio and their articles; bylines link to them", async () => {
		const author = await page("authors/goal-staff/index.html");
		expect(author.querySelector("h1")?.textContent).toBe("Goal staff");
		expect(author.querySelector(".author-role")?.textContent).toBe("Staff");
		expect(author.querySelector(".standfirst")?.textContent).toMatch(
			/^Reporting by the staff of Goal/,
		);
		expect(author.querySelectorAll(".row")).toHaveLength(1);
		const article = await page("articles/osorio-to-leave-mexico/index.html");
		expect(article.querySelector(".byline a")?.getAttribute("href")).toBe(
			"/authors/goal-staff/",
		);
	});

	test("each article ends with related articles, never itself", async () => {
		const doc = await page("articles/osorio-to-leave-mexico/index.html");
		const related = [...doc.querySelectorAll(".related .card-title a")].map((a) =>
			a.getAttribute("href"),
		);
		expect(related).toEqual([
			"/articles/colombia-usmnt-coaching-race/",
			"/articles/osorio-mexico-timeline/",
		]);
	});

	test("search indexes article bodies with section and tag filters; the form works without JavaScript", async () => {
		const doc = await page("search/index.html");
		const form = doc.querySelector("form.search-form");
		expect(form?.getAttribute("action")).toBe("https://duckduckgo.com/");
		expect(form?.querySelector('input[name="sites"]')?.getAttribute("value")).toBe(
			"dateline.example",
		);
		const article = await page("articles/osorio-to-leave-mexico/index.html");
		expect(article.querySelector("[data-pagefind-body]")?.tagName).toBe("ARTICLE");
		expect(article.querySelector('[data-pagefind-filter="section"]')?.textContent).toBe(
			"National teams",
		);
		expect(article.querySelectorAll('[data-pagefind-filter="tag"]')).toHaveLength(5);
		const entry = JSON.parse(await read("pagefind/2018-q3/pagefind-entry.json")) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.values(entry.languages)[0]?.page_count).toBe(3);
	});

	test("the 404 page is in the site's design and not indexed", async () => {
		const doc = await page("404.html");
		expect(doc.querySelector("h1")?.textContent).toBe("We can’t find that page");
		expect(doc.querySelector("header.masthead")).not.toBeNull();
		expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
			"noindex, nofollow",
		);
	});
});
