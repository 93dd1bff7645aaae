/**
 * An editor's day, step by step: scaffold an article, preview it with its banner, break its
 * date and see the error in the browser and the terminal, fix it and watch the page recover,
 * check, and publish it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFile, writeFile, copyFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT, existsSync, fixtureSite, runBuild } from "../helpers.ts";

const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const HEADLINE = "Editors can publish a story in five steps";
const SLUG = "editors-can-publish-a-story-in-five-steps";

let site: Awaited<ReturnType<typeof fixtureSite>>;
let server: ChildProcess | undefined;
let log = "";
let port = 0;
let articleFile = "";

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() => {
				resolve(typeof address === "object" && address ? address.port : 0);
			});
		});
	});
}

function cli(script: string, args: string[]) {
	return spawnSync(process.execPath, [path.join(ROOT, "src", "cli", script), ...args], {
		cwd: site.dir,
		encoding: "utf8",
		timeout: 30_000,
	});
}

async function fetchText(href: string): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${String(port)}${href}`);
	return response.text();
}

/** Polls a page until it satisfies `ok`, as an editor waits for the reload. */
async function waitFor(
	href: string,
	ok: (text: string) => boolean,
	timeoutMs = 20_000,
): Promise<string> {
	const until = Date.now() + timeoutMs;
	let last = "";
	while (Date.now() < until) {
		try {
			last = await fetchText(href);
			if (ok(last)) return last;
		} catch {
			// the server is still starting
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(
		`${href} never became ready; last response began: ${last.slice(0, 300)}\n--- server log ---\n${log}`,
	);
}

beforeAll(async () => {
	site = await fixtureSite();
	articleFile = path.join(site.content, "articles", SLUG, "index.md");
}, 30_000);

afterAll(() => {
	server?.kill();
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
			/^Content is sound: 5 articles \(2 published, 2 drafts, 1 scheduled\), checked in \d+ ms\.\n$/,
		);
	});

	test("3. the preview shows the draft with its banner and noindex", async () => {
		port = await freePort();
		server = spawn(
			process.execPath,
			[
				ELEVENTY,
				"--config=.eleventy.ts",
				`--output=${site.output}`,
				"--serve",
				`--port=${String(port)}`,
			],
			{
				cwd: ROOT,
				stdio: ["ignore", "pipe", "pipe"],
				env: { ...process.env, DATELINE_CONTENT: site.content },
			},
		);
		server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
		server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
		const page = await waitFor(`/articles/${SLUG}/`, (t) => t.includes(HEADLINE));
		expect(page).toContain(
			"<strong>Draft.</strong> This article is not published; only the preview shows it.",
		);
		expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
		const scheduled = await fetchText("/articles/future-story/");
		expect(scheduled).toContain(
			"<strong>Scheduled for January 1, 2099 at 2:00 AM CST.</strong>",
		);
	}, 60_000);

	test("4. a broken date shows the same clear message in the browser and the terminal; the server keeps running", async () => {
		const good = await readFile(articleFile, "utf8");
		await writeFile(articleFile, good.replace(/^date: .*$/m, "date: 2026-11-26 09:00"));
		const message =
			"`date` must carry a time zone, e.g. 2018-07-26T17:00:00-05:00 or 2018-07-26T22:00:00Z; found &quot;2026-11-26 09:00&quot; (16 characters)";
		const page = await waitFor("/", (t) => t.includes("Dateline cannot build the site"));
		expect(page).toContain(`content/articles/${SLUG}/index.md:4  ${message}`);
		expect(log).toContain(
			`content/articles/${SLUG}/index.md:4  ${message.replaceAll("&quot;", '"')}`,
		);
		expect(server?.exitCode).toBeNull();
		await writeFile(articleFile, good);
		const recovered = await waitFor(
			`/articles/${SLUG}/`,
			(t) => !t.includes("Dateline cannot build"),
		);
		expect(recovered).toContain(HEADLINE);
	}, 60_000);

	test("5. publishing: the check refuses placeholders until the article is written, then the build carries it", async () => {
		server?.kill();
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
