/** Shared by the build tests: fixture sites copied to a temporary folder and built by the CLI. */
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { expect } from "vitest";
import type { Catalog } from "../src/content/catalog.ts";
import { loadContent } from "../src/content/load.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const FIXTURES = path.join(ROOT, "tests", "fixtures");
const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");

/** Copies the base fixture site, with an optional failure case laid over it, to a fresh folder. */
export async function fixtureSite(
	overlay?: string,
): Promise<{ dir: string; content: string; output: string }> {
	const dir = await mkdtemp(path.join(tmpdir(), "dateline-"));
	const content = path.join(dir, "content");
	await cp(path.join(FIXTURES, "site", "content"), content, { recursive: true });
	if (overlay)
		await cp(path.join(FIXTURES, overlay, "content"), content, {
			recursive: true,
			force: true,
		});
	return { dir, content, output: path.join(dir, "_site") };
}

/** Runs `eleventy --config=.eleventy.ts` as `npm run build` does, on other content and output. */
export function runBuild(content: string, output: string, env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(
		process.execPath,
		[ELEVENTY, "--config=.eleventy.ts", `--output=${output}`],
		{
			cwd: ROOT,
			encoding: "utf8",
			env: { ...process.env, ...env, DATELINE_CONTENT: content },
			timeout: 60_000,
		},
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Copies the publication's own content (the Osorio site) to a fresh folder, optionally with
 * another `url` in site.yaml, and builds it; fails the calling test on any error.
 */
export async function buildPublishedSite(
	options: { env?: NodeJS.ProcessEnv; siteUrl?: string } = {},
): Promise<{ dir: string; content: string; output: string }> {
	const dir = await mkdtemp(path.join(tmpdir(), "dateline-site-"));
	const content = path.join(dir, "content");
	await cp(path.join(ROOT, "content"), content, { recursive: true });
	if (options.siteUrl) {
		const siteFile = path.join(content, "_data", "site.yaml");
		const yaml = await readFile(siteFile, "utf8");
		await writeFile(siteFile, yaml.replace(/^url: .*$/m, `url: ${options.siteUrl}`));
	}
	const output = path.join(dir, "_site");
	const result = runBuild(content, output, options.env);
	if (result.status !== 0 || result.stderr !== "") {
		throw new Error(`the build failed (${String(result.status)}):\n${result.stderr}`);
	}
	return { dir, content, output };
}

/**
 * Builds a fixture site with one failure case laid over it and asserts what an editor must
 * see: a line naming the file (and line) with the message, the count, no stack trace, exit 1,
 * and no output folder at all.
 */
export async function expectRefusal(
	fixture: string,
	where: string,
	message: string,
): Promise<void> {
	const site = await fixtureSite(fixture);
	const result = runBuild(site.content, site.output);
	expect(result.status).toBe(1);
	const lines = result.stderr.split("\n").filter((line) => line.startsWith(`${where}  `));
	expect(
		lines.some((line) => line.includes(message)),
		result.stderr,
	).toBe(true);
	expect(result.stderr).toMatch(/\d+ problems? in \d+ files?; nothing was written\./);
	expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	expect(existsSync(site.output)).toBe(false);
}

/** Reads a built page as a DOM document. */
export async function readPage(output: string, href: string): Promise<Document> {
	const file = path.join(output, href, href.endsWith(".html") ? "" : "index.html");
	return parseHTML(await readFile(file, "utf8")).document;
}

export { existsSync };

/** The fixture site's catalog at a build time, drafts and scheduled articles left out unless asked. */
export async function catalogAt(iso: string, includeUnpublished = false): Promise<Catalog> {
	const { catalog, problems } = await loadContent({
		contentDir: path.join(FIXTURES, "site", "content"),
		now: Date.parse(iso),
		includeUnpublished,
	});
	if (!catalog) throw new Error(`the fixture site should load:\n${JSON.stringify(problems)}`);
	return catalog;
}
