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
	test("sound content: counts by status, exit 0", async () => {
		const site = await fixtureSite();
		const result = check(site.content);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(
			/^Content is sound: 4 articles \(2 published, 1 draft, 1 scheduled\), checked in \d+ ms\.\n$/,
		);
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
