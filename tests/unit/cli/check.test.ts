import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, fixtureSite } from "../../helpers.ts";

function check(content: string) {
	return spawnSync(process.execPath, [path.join(ROOT, "src", "cli", "check.ts"), content], {
		cwd: ROOT,
		encoding: "utf8",
	});
}

describe("npm run check", () => {
	test("sound content: counts by status, exit 0; tags without a name in tags.yaml are noted", async () => {
		const site = await fixtureSite();
		const result = check(site.content);
		expect(result.status).toBe(0);
		const lines = result.stdout.split("\n");
		expect(lines.slice(0, 2)).toEqual([
			'content/articles/first-story/index.md:9  note: the tag `mexico` is not in tags.yaml, so pages show it as "Mexico"; to name it, add `mexico: { name: "Mexico" }` to content/_data/tags.yaml',
			'content/articles/first-story/index.md:9  note: the tag `world-cup-2018` is not in tags.yaml, so pages show it as "World cup 2018"; to name it, add `world-cup-2018: { name: "World Cup 2018" }` to content/_data/tags.yaml',
		]);
		expect(lines[2]).toMatch(
			/^Content is sound: 4 articles \(2 published, 1 draft, 1 scheduled\), checked in \d+ ms\.$/,
		);
		expect(result.stderr).toBe("");
	});

	test("--help prints what it does and exits 0", () => {
		const result = spawnSync(
			process.execPath,
			[path.join(ROOT, "src", "cli", "check.ts"), "--help"],
			{ cwd: ROOT, encoding: "utf8" },
		);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Usage: npm run check \[-- <content folder>\]\n/);
	});

	test("broken content: every problem, the count, exit 1, no stack trace", async () => {
		const site = await fixtureSite("refuse-three-articles");
		const result = check(site.content);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/^content\/articles\/empty-alt\/index\.md:9 {2}`image\.alt`/);
		expect(result.stderr).toMatch(
			/3 problems in 3 files; fix them and run `npm run check` again/,
		);
		expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	});

	test("one problem is worded in the singular", async () => {
		const site = await fixtureSite("refuse-unknown-author");
		const result = check(site.content);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(
			/\n1 problem in 1 file; fix it and run `npm run check` again \(\d+ ms\)\.\n$/,
		);
	});
});
