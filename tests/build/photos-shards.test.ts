/**
 * `npm run photos -- --shard I/N` on separate machines (here: separate copies of the site),
 * merged by copying their cache folders into one: the build then encodes nothing and writes
 * a site byte for byte equal to a single cold build's.
 */
import { spawnSync } from "node:child_process";
import { cp, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, fixtureSite, runBuild } from "../helpers.ts";
import { listFiles } from "../site-checks.ts";

const ENV = { SOURCE_DATE_EPOCH: "1532692800", CI: "true" };
const SUMMARY_RE = /^Photos: .*$/m;

function photosCommand(content: string, ...args: string[]) {
	const run = spawnSync(process.execPath, ["src/cli/photos.ts", content, ...args], {
		cwd: ROOT,
		encoding: "utf8",
		env: { ...process.env, ...ENV },
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("sharded photo work", () => {
	test("shards are disjoint, cover the work, merge by copy, and the build then matches a cold build byte for byte", async () => {
		const cold = await fixtureSite("photos-reuse");
		const coldBuild = runBuild(cold.content, cold.output, ENV);
		expect(coldBuild.status, coldBuild.stderr).toBe(0);
		const coldEntries = (await readdir(path.join(cold.dir, ".cache", "photos")))
			.filter((e) => e !== "index.json")
			.sort();

		const count = 3;
		const shards: string[] = [];
		const owner = new Map<string, number>();
		for (let index = 1; index <= count; index++) {
			const shard = await fixtureSite("photos-reuse");
			const run = photosCommand(
				shard.content,
				"--shard",
				`${String(index)}/${String(count)}`,
			);
			expect(run.status, run.stderr).toBe(0);
			expect(run.stdout).toMatch(
				new RegExp(
					`^Photos: \\d+ photos? \\(\\d+ uses?\\): \\d+ encoded \\(\\d+ files?\\), 0 from the cache; [\\d.]+ s \\(shard ${String(index)} of 3\\)$`,
					"m",
				),
			);
			const cache = path.join(shard.dir, ".cache", "photos");
			// A shard writes its cache entries and nothing else: no index, no site.
			for (const entry of await readdir(cache).catch(() => [])) {
				expect(owner.has(entry), `${entry} written by two shards`).toBe(false);
				owner.set(entry, index);
			}
			expect(await readdir(shard.dir)).not.toContain("_site");
			shards.push(cache);
		}
		expect([...owner.keys()].sort()).toEqual(coldEntries);

		// The merge is a plain copy of the shards' folders into one.
		const merged = await fixtureSite("photos-reuse");
		const mergedCache = path.join(merged.dir, ".cache", "photos");
		for (const cache of shards) {
			for (const entry of await readdir(cache).catch(() => []))
				await cp(path.join(cache, entry), path.join(mergedCache, entry), {
					recursive: true,
					errorOnExist: true,
					force: false,
				});
		}
		const build = runBuild(merged.content, merged.output, ENV);
		expect(build.status, build.stderr).toBe(0);
		expect(SUMMARY_RE.exec(build.stdout)?.[0]).toMatch(
			/: 0 encoded \(0 files\), 5 from the cache; /,
		);

		const files = await listFiles(cold.output);
		expect(await listFiles(merged.output)).toEqual(files);
		const different: string[] = [];
		for (const file of files) {
			const [a, b] = await Promise.all([
				readFile(path.join(cold.output, file)),
				readFile(path.join(merged.output, file)),
			]);
			if (!a.equals(b)) different.push(file);
		}
		expect(different).toEqual([]);
	}, 180_000);

	test("`npm run photos` alone encodes everything missing, with the build's summary, and writes no site", async () => {
		const site = await fixtureSite("photos-reuse");
		const run = photosCommand(site.content);
		expect(run.status, run.stderr).toBe(0);
		expect(SUMMARY_RE.exec(run.stdout)?.[0]).toMatch(
			/^Photos: 5 photos \(7 uses\): 5 encoded \(\d+ files\), 0 from the cache; [\d.]+ s$/,
		);
		expect(await readdir(site.dir)).not.toContain("_site");
		const build = runBuild(site.content, site.output, ENV);
		expect(SUMMARY_RE.exec(build.stdout)?.[0]).toMatch(
			/: 0 encoded \(0 files\), 5 from the cache; /,
		);
		// Nothing is missing for the CI plan either.
		const again = photosCommand(site.content, "--plan", "8");
		expect(again.stdout).toBe("missing=0\ncount=0\nshards=[]\n");
	}, 120_000);
});
