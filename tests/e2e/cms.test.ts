/**
 * The browser CMS as an editor uses it: `npm run cms` (the preview server and decap-server)
 * over a temporary copy of the publication's content, driven in Chromium. The editor sees the
 * three Osorio articles, is stopped by the form before saving a headline the check would
 * refuse, writes a new article with an uploaded photo, alt text and credit while the preview
 * shows the real page, and saves it. Then the article and its photo sit side by side, the
 * check passes, and a production build shows the credit. Screenshots of the article list and
 * the form go to test-results/screenshots for people to look at.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.ts";
import { FIXTURES, ROOT, existsSync, readPage, runBuild } from "../helpers.ts";
import { freePort } from "../preview-server.ts";

const SHOTS = path.join(ROOT, "test-results", "screenshots");
const HEADLINE = "México's interim coach named after Osorio";
/** The headline as readers see it: the page sets typographic quotes. */
const SHOWN = "México’s interim coach named after Osorio";
const SLUG = "mexicos-interim-coach-named-after-osorio";
const STANDFIRST =
	"The federation turns to an interim coach for the September friendlies while it looks for Osorio's successor.";
const PHOTO = "interim-coach.jpg";
const ALT = "The interim coach at the federation's training centre";
const CREDIT = "Ana Pérez";

let dir = "";
let content = "";
let cms: ChildProcess | undefined;
let log = "";
let origin = "";
let browser: Browser;
let page: Page;
const errors: string[] = [];

async function until<T>(
	what: string,
	probe: () => T | undefined | Promise<T | undefined>,
	ms = 60_000,
) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const found = await Promise.resolve()
			.then(probe)
			.catch(() => undefined);
		if (found !== undefined) return found;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${what} never happened\n--- npm run cms ---\n${log}`);
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "dateline-cms-"));
	content = path.join(dir, "content");
	await cp(path.join(ROOT, "content"), content, { recursive: true });
	await copyFile(
		path.join(FIXTURES, "site", "content", "articles", "first-story", "photo.jpg"),
		path.join(dir, PHOTO),
	);
	const [port, proxyPort] = [await freePort(), await freePort()];
	cms = spawn(
		process.execPath,
		[
			path.join(ROOT, "src", "cli", "cms.ts"),
			`--input=${content}`,
			`--output=${path.join(dir, "_site")}`,
			`--port=${String(port)}`,
			`--proxy-port=${String(proxyPort)}`,
		],
		{ cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
	);
	cms.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
	cms.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
	origin = `http://localhost:${String(port)}`;
	await until("the admin page", async () => {
		const response = await fetch(`${origin}/admin/config.yml`);
		return response.ok ? true : undefined;
	});
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	// The editor's browser is in the publication's zone, so dates carry its offset.
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		timezoneId: "America/Mexico_City",
	});
	page = await context.newPage();
	page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
	page.on("console", (m) => {
		if (m.type() === "error") errors.push(`console: ${m.text()}`);
	});
	await mkdir(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
	await browser.close();
	cms?.kill("SIGTERM");
});

const articleFile = () => path.join(content, "articles", SLUG, "index.md");

describe("an editor in the browser CMS", () => {
	test("sees the three Osorio articles after a login with no account", async () => {
		await page.goto(`${origin}/admin/`);
		await page.getByRole("button", { name: "Login" }).click();
		for (const title of [
			"Osorio to leave Mexican national team",
			"Osorio's three years with Mexico: a timeline",
			"Colombia or the United States: where Osorio could go next",
		]) {
			await page.getByText(title, { exact: true }).waitFor({ timeout: 30_000 });
		}
		await page.screenshot({ path: path.join(SHOTS, "cms-articles.png") });
	}, 60_000);

	test("is stopped before saving a headline the check would refuse", async () => {
		// The "New Article" button; its "+" is a glyph Debian's fonts may lack.
		await page.locator('a[href$="/collections/articles/new"]').click();
		await page.getByLabel("Headline").fill("Too short");
		await page.getByRole("button", { name: "Publish" }).first().click();
		await page.getByText("Publish now").click();
		await page.getByText("must be 10 to 110 characters").waitFor();
		expect(existsSync(path.join(content, "articles", "too-short"))).toBe(false);
		// Decap refuses the save by rejecting a promise with nothing (persistEntry in
		// decap-cms-core's actions/entries.ts): the one page error expected here.
		expect(errors.splice(0)).toEqual(["page: undefined"]);
	}, 60_000);

	test("writes an article with a photo, alt text and credit, the preview showing the page", async () => {
		// As an editor would: select the refused headline and type over it.
		const headline = page.getByLabel("Headline");
		await headline.click();
		await page.keyboard.press("ControlOrMeta+A");
		await page.keyboard.press("Backspace");
		await page.keyboard.type(HEADLINE);
		expect(await headline.inputValue()).toBe(HEADLINE);
		await page.getByLabel("Standfirst").fill(STANDFIRST);
		await page.getByLabel("Authors").fill("Goal staff");
		await page.keyboard.press("Enter");
		await page.getByLabel("Section").fill("National teams");
		await page.keyboard.press("Enter");
		await page.getByRole("button", { name: "Choose an image" }).click();
		await page.locator("input[type=file]").setInputFiles(path.join(dir, PHOTO));
		await page.getByRole("button", { name: "Choose selected" }).click();
		await page.getByLabel("Alt text").fill(ALT);
		await page.getByLabel("Credit", { exact: true }).fill(CREDIT);
		await page.getByLabel("Agency").fill("AFP");
		await page.locator('[data-slate-editor="true"]').click();
		await page.keyboard.type("The federation named an interim coach on Friday.");

		const preview = page.locator("iframe").first().contentFrame();
		await expect.poll(() => preview.locator("h1.headline").textContent()).toBe(SHOWN);
		expect(await preview.locator(".lead-photo .credit").textContent()).toBe(
			`Photo: ${CREDIT}/AFP`,
		);
		expect(await preview.locator(".lead-photo img").getAttribute("alt")).toBe(ALT);
		expect(await preview.locator(".byline").textContent()).toBe("By Goal staff");
		await page.getByLabel("Alt text").scrollIntoViewIfNeeded();
		await page.screenshot({ path: path.join(SHOTS, "cms-editing.png") });

		await page.getByRole("button", { name: "Publish" }).first().click();
		await page.getByText("Publish now").click();
		await until("the saved article", () => (existsSync(articleFile()) ? true : undefined));
	}, 90_000);

	test("the article and its photo sit side by side, as the editor wrote them", async () => {
		const folder = path.join(content, "articles", SLUG);
		await until("the photo", () => (existsSync(path.join(folder, PHOTO)) ? true : undefined));
		expect((await readdir(folder)).sort()).toEqual([PHOTO, "index.md"].sort());
		expect(await readFile(path.join(folder, PHOTO))).toEqual(
			await readFile(path.join(dir, PHOTO)),
		);
		const source = await readFile(articleFile(), "utf8");
		expect(source).toContain(`title: ${HEADLINE}`);
		expect(source).toMatch(/^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[56]:00$/m);
		expect(source).toContain(`  src: ${PHOTO}\n`);
		expect(source).toContain(`  credit: ${CREDIT}\n`);
		// Optional fields the editor left alone are left out, not written empty.
		expect(source).not.toMatch(/: ("")?$|: null$|: \[\]$/m);
		expect(errors).toEqual([]);
	});

	test("the check passes on what the CMS wrote", () => {
		const check = spawnSync(
			process.execPath,
			[path.join(ROOT, "src", "cli", "check.ts"), content],
			{ cwd: ROOT, encoding: "utf8", timeout: 30_000 },
		);
		expect(check.stderr).toBe("");
		expect(check.stdout).toMatch(/^Content is sound: 4 articles \(4 published,/);
		expect(check.status).toBe(0);
	});

	test("a production build shows the article with its credit", async () => {
		const output = path.join(dir, "published");
		const build = runBuild(content, output);
		expect(build.stderr).toBe("");
		expect(build.status).toBe(0);
		const doc = await readPage(output, `/articles/${SLUG}/`);
		expect(doc.querySelector("h1.headline")?.textContent).toBe(SHOWN);
		expect(doc.querySelector(".lead-photo .credit")?.textContent).toBe(`Photo: ${CREDIT}/AFP`);
		expect(doc.querySelector(".lead-photo img")?.getAttribute("alt")).toBe(ALT);
	}, 120_000);
});
