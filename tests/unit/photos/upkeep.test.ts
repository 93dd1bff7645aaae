import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { writeManifest } from "../../../src/photos/cache.ts";
import type { Manifest } from "../../../src/photos/types.ts";
import { markUploaded, pruneCache } from "../../../src/photos/upkeep.ts";
import { workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

/** A cache entry of two files of 100 bytes. */
async function entry(cacheDir: string, key: string): Promise<Manifest> {
	const entryDir = path.join(cacheDir, key);
	await mkdir(entryDir, { recursive: true });
	const files = ["320.avif", "320.jpg"].map((suffix) => ({
		name: `${key}-${suffix}`,
		format: suffix.endsWith("avif") ? ("avif" as const) : ("jpeg" as const),
		width: 320,
		height: 200,
		bytes: 100,
	}));
	for (const f of files) await writeFile(path.join(entryDir, f.name), Buffer.alloc(100));
	const manifest = { files };
	await writeManifest(entryDir, manifest);
	return manifest;
}

describe("keeping the cache small", () => {
	test("prune removes the entries no article uses and leftovers, keeps the rest and the index, and counts both", async () => {
		const cacheDir = path.join(dir, "prune");
		await entry(cacheDir, "aaaaaaaaaaaaaaaa");
		await entry(cacheDir, "bbbbbbbbbbbbbbbb");
		await writeFile(path.join(cacheDir, "index.json"), "{}");
		await writeFile(path.join(cacheDir, "index.json.123.tmp"), "half");
		const { removed, kept } = await pruneCache(cacheDir, new Set(["aaaaaaaaaaaaaaaa"]));
		expect((await readdir(cacheDir)).sort()).toEqual(["aaaaaaaaaaaaaaaa", "index.json"]);
		expect(kept).toMatchObject({ entries: 1, files: 3 });
		expect(removed).toMatchObject({ entries: 1, files: 4 });
		expect(removed.bytes).toBeGreaterThan(200);
	});

	test("after an upload, entries whose files are all on the host keep their manifest only", async () => {
		const cacheDir = path.join(dir, "uploaded");
		const photosDir = path.join(dir, "uploaded-photos");
		const up = await entry(cacheDir, "cccccccccccccccc");
		await entry(cacheDir, "dddddddddddddddd");
		await mkdir(photosDir, { recursive: true });
		for (const f of up.files) await writeFile(path.join(photosDir, f.name), Buffer.alloc(100));
		const remembered: string[] = [];
		const freed = await markUploaded(cacheDir, photosDir, "https://img.example.org/", {
			remember: (e) => remembered.push(e.key),
		});
		expect(freed).toEqual({ entries: 1, files: 2, bytes: 200 });
		expect(remembered).toEqual(["cccccccccccccccc"]);
		expect(await readdir(path.join(cacheDir, "cccccccccccccccc"))).toEqual(["manifest.json"]);
		const manifest = JSON.parse(
			await readFile(path.join(cacheDir, "cccccccccccccccc", "manifest.json"), "utf8"),
		) as Manifest;
		expect(manifest).toEqual({ ...up, remote: "https://img.example.org/" });
		// The other entry's files never reached the host: its bytes stay.
		expect((await readdir(path.join(cacheDir, "dddddddddddddddd"))).length).toBe(3);
		expect(await markUploaded(cacheDir, photosDir, "https://img.example.org/")).toEqual({
			entries: 0,
			files: 0,
			bytes: 0,
		});
	});
});
