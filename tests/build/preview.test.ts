/**
 * The preview server as an editor meets it: started on broken content it serves anyway, the
 * problems in the terminal and on every page; on a taken port it says where it went; an old
 * address redirects within the preview; drafts and scheduled stories are marked wherever
 * they are listed.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:net";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fixtureSite } from "../helpers.ts";
import { freePort, occupyPort, startPreview, type Preview } from "../preview-server.ts";

const PANEL = "Dateline cannot build the site";
const AUTHOR_PROBLEM =
	"content/articles/broken/index.md:5  `authors[1]` must be an author id from authors.yaml (`desk`, `ana-writer`); found &quot;goal-staf&quot;";
const SCHEDULED = "Scheduled for January 1, 2099 at 2:00 AM CST";

let site: Awaited<ReturnType<typeof fixtureSite>>;
let preview: Preview;
let blocker: Server;
let asked = 0;

/** Adds lines to an article's frontmatter, before its `image:`. */
async function addToFrontmatter(slug: string, lines: string): Promise<void> {
	const file = path.join(site.content, "articles", slug, "index.md");
	await writeFile(file, (await readFile(file, "utf8")).replace("image:\n", `${lines}image:\n`));
}

beforeAll(async () => {
	// The five-problem article of the refusal tests, present before the server starts.
	site = await fixtureSite("refuse-all-at-once");
	await addToFrontmatter("second-story", "aliases: [old-second-story]\n");
	await addToFrontmatter("draft-story", "tags: [mexico]\n");
	asked = await freePort();
	// Another program holds the port the preview asks for.
	blocker = await occupyPort(asked);
	preview = startPreview(site.content, site.output, asked);
}, 30_000);

afterAll(() => {
	preview.stop();
	blocker.close();
});

describe("the preview server", () => {
	test("started on broken content, it serves: the problems on every page, and in the terminal without a 'Wrote N files' after them", async () => {
		const home = await preview.waitFor("/", (t) => t.includes(PANEL), 60_000);
		expect(home).toContain(AUTHOR_PROBLEM);
		// The articles without problems are there, each page carrying the panel.
		for (const href of ["/articles/first-story/", "/sections/news/", "/no-such-page/"]) {
			const page = await preview.fetchText(href);
			expect(page, href).toContain(PANEL);
			expect(page, href).toContain(AUTHOR_PROBLEM);
		}
		expect(await preview.fetchText("/articles/first-story/")).toContain(
			"The first story has a &lt;script&gt; in its headline",
		);
		const log = await preview.waitForLog((l) => l.includes("Preview: http"));
		expect(log).toContain(
			"5 problems in 1 file; the preview shows only the articles without problems.",
		);
		expect(log).toContain(AUTHOR_PROBLEM.replaceAll("&quot;", '"'));
		expect(log).not.toMatch(/Wrote \d+ files?/);
		expect(preview.process.exitCode).toBeNull();
	}, 90_000);

	test("on a taken port it prints the address it really serves, set apart from the build lines", () => {
		const served = preview.port();
		expect(served).not.toBe(asked);
		expect(preview.log()).toContain(
			`\n  Preview: http://localhost:${String(served)}/\n  Port ${String(asked)} is in use (another preview still running?), so this one serves on ${String(served)}.\n`,
		);
	});

	test("fixed, the article appears, the panel goes, and the build count is back", async () => {
		const file = path.join(site.content, "articles", "broken", "index.md");
		const fixed = (await readFile(file, "utf8"))
			.replace("-0500", "-05:00")
			.replace("goal-staf", "ana-writer")
			.replace("[Mexico, world-cup-2018, world-cup-2018]", "[mexico, world-cup-2018]")
			.replace("aliases: [second-story]\n", "");
		await writeFile(file, fixed);
		const page = await preview.waitFor("/articles/broken/", (t) => !t.includes(PANEL), 60_000);
		expect(page).toContain("A story with five problems, all reported at once");
		// The catalog's pages are written before Eleventy's own (the home page): wait for the build.
		await preview.waitForLog((l) => /Wrote \d+ files?/.test(l));
		expect(await preview.fetchText("/")).not.toContain(PANEL);
	}, 90_000);

	test("an old address redirects within the preview, never to the production origin", async () => {
		const page = await preview.fetchText("/articles/old-second-story/");
		const { document } = parseHTML(page);
		const refresh = document.querySelector('meta[http-equiv="refresh"]');
		expect(refresh?.getAttribute("content")).toBe("0; url=/articles/second-story/");
		expect(document.querySelector("main a")?.getAttribute("href")).toBe(
			"/articles/second-story/",
		);
		expect(page).not.toContain("url=https://gazette.example");
		const target = await preview.fetchText("/articles/second-story/");
		expect(target).toContain("The second story, in the sport section");
		expect(await preview.fetchText("/_redirects")).toBe(
			"/articles/old-second-story/ /articles/second-story/ 301\n",
		);
	});

	test.each([
		["the home page", "/"],
		["a section", "/sections/news/"],
		["a tag", "/tags/mexico/"],
		["an author", "/authors/desk/"],
		["an article's related list", "/articles/first-story/"],
	])("drafts and scheduled articles are marked on %s", async (_name, href) => {
		const { document } = parseHTML(await preview.fetchText(href));
		const markOf = (slug: string) => {
			const link = document.querySelector(
				`main a[href="/articles/${slug}/"]:not([tabindex])`,
			);
			const teaser = link?.closest("article, .lead-story");
			return teaser ? (teaser.querySelector(".status-mark")?.textContent ?? "") : undefined;
		};
		expect(markOf("draft-story"), "the draft").toBe("Draft");
		if (href !== "/tags/mexico/")
			expect(markOf("future-story"), "the scheduled").toBe(SCHEDULED);
		// The article fixed above is published, listed everywhere these are, and unmarked.
		expect(markOf("broken"), "a published one").toBe("");
	});
});
