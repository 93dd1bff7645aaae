/** Shared by the build tests: fixture sites copied to a temporary folder and built by the CLI. */
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";

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
		[ELEVENTY, "--config=.eleventy.ts", `--input=${content}`, `--output=${output}`],
		{ cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 },
	);
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Reads a built page as a DOM document. */
export async function readPage(output: string, href: string): Promise<Document> {
	const file = path.join(output, href, href.endsWith(".html") ? "" : "index.html");
	return parseHTML(await readFile(file, "utf8")).document;
}

export { existsSync };
