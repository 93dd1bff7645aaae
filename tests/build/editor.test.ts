/**
 * An editor's day, step by step: scaffold an article, preview it with its banner, break its
 * date and see the error in the browser and the terminal, fix it and watch the page recover,
 * check, and publish it.
 */
import { spawnSync } from "node:child_process";
import { readFile, writeFile, copyFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, existsSync, fixtureSite, runBuild } from "../helpers.ts";
import { freePort, startPreview, type Preview } from "../preview-server.ts";

const HEADLINE = "Editors can publish a story in five steps";
const SLUG = "editors-can-publish-a-story-in-five-steps";

let site: Awaited<ReturnType<typeof fixtureSite>>;
let preview: Preview | undefined;
let articleFile = "";

function cli(script: string, args: string[]) {
	return spawnSync(process.execPath, [path.join(ROOT, "src", "cli", script), ...args], {
		cwd: site.dir,
		encoding: "utf8",
		timeout: 30_000,
	});
}

beforeAll(async () => {
	site = await fixtureSite();
	articleFile = path.join(site.content, "articles", SLUG, "index.md");
}, 30_000);

afterAll(() => {
	preview?.stop();
});

describe("the editor's day", () => {
	test("1. `npm run new` scaffolds a draft dated now in the site's zone, and says where the photo goes", () => {
		const result = cli("new-article.ts", [HEADLINE, "--author", "desk", "--section", "news"]);
		expect(result.stderr).toBe("");
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`Created content/articles/${SLUG}/index.md as a draft`);
		expect(result.stdout).toContain(
			`Put the lead photo beside it in content/articles/${SLUG}/`,
		);
		expect(existsSync(path.join(site.content, "articles", SLUG, "replace-me.png"))).toBe(true);
	});

	test("2. the scaffold passes the check as a draft", async () => {
		const source = await readFile(articleFile, "utf8");
		expect(source).toContain(`title: "${HEADLINE}"`);
		expect(source).toMatch(/^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[56]:00$/m);
		expect(source).toContain("draft: true");
		const check = cli("check.ts", []);
		expect(check.stderr).toBe("");
		expect(check.stdout).toMatch(
			/\nContent is sound: 5 articles \(2 published, 2 drafts, 1 scheduled\), checked in \d+ ms\.\n$/,
		);
	});

	test("3. the preview shows the draft with its banner and noindex", async () => {
		preview = startPreview(site.content, site.output, await freePort());
		const page = await preview.waitFor(`/articles/${SLUG}/`, (t) => t.includes(HEADLINE));
		expect(page).toContain(
			"<strong>Draft.</strong> This article is not published; only the preview shows it.",
		);
		expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
		const scheduled = await preview.fetchText("/articles/future-story/");
		expect(scheduled).toContain(
			"<strong>Scheduled for January 1, 2099 at 2:00 AM CST.</strong>",
		);
	}, 60_000);

	test("4. a broken date shows the same clear message in the browser and the terminal; the server keeps running", async () => {
		if (!preview) throw new Error("the preview runs from step 3");
		const good = await readFile(articleFile, "utf8");
		await writeFile(articleFile, good.replace(/^date: .*$/m, "date: 2026-11-26 09:00"));
		const message =
			"`date` must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z; found &quot;2026-11-26 09:00&quot;";
		const page = await preview.waitFor("/", (t) =>
			t.includes("Dateline cannot build the site"),
		);
		expect(page).toContain(`content/articles/${SLUG}/index.md:4  ${message}`);
		expect(preview.log()).toContain(
			`content/articles/${SLUG}/index.md:4  ${message.replaceAll("&quot;", '"')}`,
		);
		expect(preview.process.exitCode).toBeNull();
		await writeFile(articleFile, good);
		const recovered = await preview.waitFor(
			`/articles/${SLUG}/`,
			(t) => !t.includes("Dateline cannot build"),
		);
		expect(recovered).toContain(HEADLINE);
		// Between the problem list and the next save, no "Wrote N files" reads as success.
		const log = await preview.waitForLog((l) => /File changed[\s\S]*File changed/.test(l));
		const count = log.indexOf("1 problem in 1 file; the preview shows the last good build.");
		expect(count).toBeGreaterThan(-1);
		expect(log.slice(count, log.indexOf("File changed", count))).not.toMatch(/Wrote \d+/);
	}, 60_000);

	test("5. publishing: the check refuses placeholders until the article is written, then the build carries it", async () => {
		preview?.stop();
		const draft = await readFile(articleFile, "utf8");
		await writeFile(articleFile, draft.replace("draft: true\n", ""));
		const refused = cli("check.ts", []);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(
			"`description` still holds the placeholder from `npm run new`",
		);
		expect(refused.stderr).toContain(
			"`image.src` is still the stand-in photo from `npm run new`",
		);

		await copyFile(
			path.join(site.content, "articles", "second-story", "photo.jpg"),
			path.join(site.content, "articles", SLUG, "desk.jpg"),
		);
		await rm(path.join(site.content, "articles", SLUG, "replace-me.png"));
		const written = draft
			.replace("draft: true\n", "")
			.replace(/^date: .*$/m, "date: 2018-07-27T10:00:00-05:00")
			.replace(
				/^description: .*$/m,
				"description: An editor scaffolds, previews, checks and publishes a story without touching code.",
			)
			.replace("src: replace-me.png", "src: desk.jpg")
			.replace(/^ {2}alt: .*$/m, "  alt: The grey test card on the desk")
			.replace(/^ {2}credit: .*$/m, "  credit: Yuri Cortez")
			.replace(/TODO: write the article\./, "The story, written.");
		await writeFile(articleFile, written);
		const check = cli("check.ts", []);
		expect(check.stderr).toBe("");
		expect(check.status).toBe(0);
		const build = runBuild(site.content, path.join(site.dir, "published"));
		expect(build.status).toBe(0);
		const published = await readFile(
			path.join(site.dir, "published", "articles", SLUG, "index.html"),
			"utf8",
		);
		expect(published).toContain(HEADLINE);
		expect(published).not.toContain("Draft.");
		expect(build.stdout).toContain(
			'[dateline] Next scheduled article: "A scheduled story dated far in the future" (content/articles/future-story/index.md) goes live January 1, 2099 at 2:00 AM CST (2099-01-01T08:00:00Z)',
		);
	}, 60_000);
});
