import { mkdir, readFile, readdir, rm, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import {
	digest,
	hashFile,
	readManifest,
	writeAtomic,
	writeManifest,
} from "../../../src/photos/cache.ts";
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

	test("a file's hash is remembered by size and mtime, and read again when they change", async () => {
		const file = path.join(dir, "photo.bin");
		const when = new Date("2018-07-26T22:00:00Z");
		await writeFile(file, "one");
		await utimes(file, when, when);
		const memo = new Map<string, { size: number; mtimeMs: number; hash: string }>();
		const first = await hashFile(file, memo);
		expect(first).toBe(digest("one"));
		// Same size and mtime: the remembered hash, without reading the bytes.
		await writeFile(file, "two");
		await utimes(file, when, when);
		expect(await hashFile(file, memo)).toBe(first);
		await writeFile(file, "three");
		expect(await hashFile(file, memo)).toBe(digest("three"));
	});
});
