/** Two builds of the same commit, with the build time fixed by SOURCE_DATE_EPOCH, are byte-identical. */
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, runBuild } from "../helpers.ts";
import { listFiles } from "../site-checks.ts";

async function build(env: NodeJS.ProcessEnv): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), "dateline-det-"));
	await cp(path.join(ROOT, "content"), path.join(dir, "content"), { recursive: true });
	const output = path.join(dir, "_site");
	const result = runBuild(path.join(dir, "content"), output, env);
	expect(result.stderr).toBe("");
	expect(result.status).toBe(0);
	return output;
}

describe("deterministic output", () => {
	test("two builds of the Osorio site diff clean", async () => {
		// The day after the story, so the news sitemap is not empty either.
		const env = { SOURCE_DATE_EPOCH: "1532692800" };
		const a = await build(env);
		const b = await build(env);
		const files = await listFiles(a);
		expect(files.length).toBeGreaterThan(30);
		expect(await listFiles(b)).toEqual(files);
		const different: string[] = [];
		for (const file of files) {
			const [x, y] = await Promise.all([
				readFile(path.join(a, file)),
				readFile(path.join(b, file)),
			]);
			if (!x.equals(y)) different.push(file);
		}
		expect(different).toEqual([]);
	}, 180_000);
});
