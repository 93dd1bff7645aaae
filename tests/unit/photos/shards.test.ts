/** Photo work split into shards: disjoint, covering, merged by copy into a cache that encodes nothing. */
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CacheIndex } from "../../../src/photos/cache-index.ts";
import { planShards } from "../../../src/photos/command.ts";
import { preparePhotos } from "../../../src/photos/prepare.ts";
import type { PhotoUse } from "../../../src/photos/types.ts";
import { options, photo, use, workDir } from "./fixtures.ts";

let dir = "";
const uses: PhotoUse[] = [];
beforeAll(async () => {
	dir = await workDir();
	// Six distinct photos: two as body photos too, one under two credits.
	for (let i = 0; i < 6; i++) {
		const file = await photo(dir, `p${String(i)}.jpg`, 120 + i * 8, 80);
		uses.push(await use(file));
		if (i < 2) uses.push(await use(file, { crops: false }));
		if (i === 5) uses.push(await use(file, { credit: { credit: "Ana Ruiz" } }));
	}
}, 30_000);

/** Every file under a folder, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
	return (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []))
		.filter((e) => e.isFile())
		.map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
		.sort();
}

describe("shards", () => {
	test("are disjoint, cover a single run's work, and merge by copy into a cache that encodes nothing", async () => {
		const single = options(dir, "single");
		const whole = await preparePhotos(uses, single, dir);
		expect(whole.stats.encoded).toBe(7);
		const wholeFiles = await filesUnder(single.cacheDir);

		const count = 3;
		const seen = new Set<string>();
		let encoded = 0;
		for (let index = 1; index <= count; index++) {
			const out = path.join(dir, "shards", String(index));
			const shard = options(dir, `shard-${String(index)}`, {
				outDir: out,
				shard: { index, count },
			});
			const prepared = await preparePhotos(uses, shard, dir);
			encoded += prepared.stats.encoded;
			// Nothing lands in the cache it reads: only in the shard's own folder.
			expect(await filesUnder(shard.cacheDir)).toEqual([]);
			for (const file of await filesUnder(out)) {
				expect(seen.has(file), `${file} written by two shards`).toBe(false);
				seen.add(file);
			}
		}
		expect(encoded).toBe(whole.stats.encoded);
		expect([...seen].sort()).toEqual(wholeFiles);

		const merged = options(dir, "merged");
		await mkdir(merged.cacheDir, { recursive: true });
		// A plain copy, entry by entry: one that two shards wrote would stop it.
		for (let index = 1; index <= count; index++) {
			const from = path.join(dir, "shards", String(index));
			for (const entry of await readdir(from).catch(() => [])) {
				await cp(path.join(from, entry), path.join(merged.cacheDir, entry), {
					recursive: true,
					force: false,
					errorOnExist: true,
				});
			}
		}
		const built = await preparePhotos(uses, merged, dir);
		expect(built.stats).toMatchObject({ encoded: 0, cached: 7, files: 0 });
		expect([...built.renditions.values()]).toEqual([...whole.renditions.values()]);
	}, 60_000);

	test("the CI plan counts the distinct photos the cache lacks, and asks for shards past a threshold", async () => {
		const settings = options(dir, "plan");
		const cacheDir = settings.cacheDir;
		const where = { cacheDir, root: dir, remote: undefined, settings };
		expect(await planShards(uses, { ...where, most: 4 })).toEqual({ missing: 7, shards: [] });
		expect(await planShards(uses, { ...where, most: 4, perShard: 2 })).toEqual({
			missing: 7,
			shards: [1, 2, 3, 4],
		});
		expect(await planShards(uses, { ...where, most: 8, perShard: 3 })).toEqual({
			missing: 7,
			shards: [1, 2, 3],
		});
		await preparePhotos(
			uses,
			options(dir, "plan", { index: await CacheIndex.load(cacheDir, dir) }),
			dir,
		);
		expect(await planShards(uses, { ...where, most: 4, perShard: 1 })).toEqual({
			missing: 0,
			shards: [],
		});
	}, 60_000);
});
