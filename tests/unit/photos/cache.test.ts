import { mkdir, readFile, readdir, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { readManifest, writeAtomic, writeManifest } from "../../../src/photos/cache.ts";
import { workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

describe("the photo cache", () => {
	test("an entry is complete only when its manifest is there and every file has its size", async () => {
		const entry = path.join(dir, "entry");
		expect(await readManifest(entry)).toBeUndefined();
		await mkdir(entry, { recursive: true });
		await writeFile(path.join(entry, "k-64.jpg"), "12345");
		const manifest = {
			files: [{ name: "k-64.jpg", format: "jpeg" as const, width: 64, height: 48, bytes: 5 }],
		};
		await writeManifest(entry, manifest);
		expect(await readManifest(entry)).toEqual(manifest);
		await truncate(path.join(entry, "k-64.jpg"), 2);
		expect(await readManifest(entry)).toBeUndefined();
		await rm(path.join(entry, "k-64.jpg"));
		expect(await readManifest(entry)).toBeUndefined();
	});

	test("writes land whole or not at all, leaving no temporary file", async () => {
		const file = path.join(dir, "atomic.txt");
		await writeAtomic(file, (tmp) => writeFile(tmp, "done"));
		expect(await readFile(file, "utf8")).toBe("done");
		await expect(
			writeAtomic(path.join(dir, "failed.txt"), () => Promise.reject(new Error("disk full"))),
		).rejects.toThrow("disk full");
		expect((await readdir(dir)).filter((f) => f.includes(".tmp"))).toEqual([]);
	});
});
