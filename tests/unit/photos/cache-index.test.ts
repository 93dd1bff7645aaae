import { spawnSync } from "node:child_process";
import { cp, mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { writeManifest, type Manifest } from "../../../src/photos/cache.ts";
import { CacheIndex, hashContent } from "../../../src/photos/cache-index.ts";
import { workDir } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
	dir = await workDir();
});

const PAST = new Date("2025-01-01T00:00:00Z");

/** A source photo (any bytes do) with its times in the past, as in any archive. */
async function source(root: string, name: string, bytes: string): Promise<string> {
	const file = path.join(root, "content", name);
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, bytes);
	await utimes(file, PAST, PAST);
	return file;
}

const MANIFEST: Manifest = {
	placeholder: "#112233",
	files: [
		{ name: "0123456789abcdef-320.avif", format: "avif", width: 320, height: 213, bytes: 3 },
		{ name: "0123456789abcdef-320.jpg", format: "jpeg", width: 320, height: 213, bytes: 3 },
	],
};

describe("the cache index: source hashes", () => {
	test("a known photo is not read again while its path, size, times and inode stay", async () => {
		const root = path.join(dir, "stat");
		const cacheDir = path.join(root, ".cache", "photos");
		const file = await source(root, "a.jpg", "one");
		const first = await CacheIndex.load(cacheDir, root);
		expect(await first.hash(file)).toBe(await hashContent(file));
		expect(first.read).toBe(1);
		await first.save();

		const second = await CacheIndex.load(cacheDir, root);
		expect(await second.hash(file)).toBe(await hashContent(file));
		expect(second.read).toBe(0);

		await writeFile(file, "two");
		await utimes(file, PAST, PAST);
		const third = await CacheIndex.load(cacheDir, root);
		expect(await third.hash(file)).toBe(await hashContent(file));
		expect(third.read).toBe(1);
	});

	test("a file changed in the last two seconds is read again next time, as git does", async () => {
		const root = path.join(dir, "racy");
		const cacheDir = path.join(root, ".cache", "photos");
		const file = path.join(root, "content", "fresh.jpg");
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, "just saved");
		const first = await CacheIndex.load(cacheDir, root);
		await first.hash(file);
		await first.save();
		const second = await CacheIndex.load(cacheDir, root);
		await second.hash(file);
		expect(second.read).toBe(1);
	});

	test("a fresh clone (new times and inodes) reads no photo git reports unchanged", async () => {
		const git = (cwd: string, ...args: string[]) => {
			const run = spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@e", ...args], {
				cwd,
				encoding: "utf8",
			});
			expect(run.status, run.stderr).toBe(0);
		};
		const origin = path.join(dir, "origin");
		const kept = await source(origin, "articles/a/kept.jpg", "kept bytes");
		const edited = await source(origin, "articles/b/edited.jpg", "old bytes");
		git(origin, "init", "-q");
		git(origin, "add", "content");
		git(origin, "commit", "-q", "-m", "photos");
		const learnt = await CacheIndex.load(path.join(origin, ".cache", "photos"), origin);
		await learnt.hash(kept);
		await learnt.hash(edited);
		await learnt.save();

		const clone = path.join(dir, "clone");
		git(dir, "clone", "-q", origin, clone);
		await cp(path.join(origin, ".cache"), path.join(clone, ".cache"), { recursive: true });
		// Same length, other bytes: only git's view of the file tells it apart.
		await writeFile(path.join(clone, "content/articles/b/edited.jpg"), "new bytes");
		const index = await CacheIndex.load(path.join(clone, ".cache", "photos"), clone);
		const keptHash = await index.hash(path.join(clone, "content/articles/a/kept.jpg"));
		expect(keptHash).toBe(await hashContent(kept));
		expect(index.read).toBe(0);
		const editedHash = await index.hash(path.join(clone, "content/articles/b/edited.jpg"));
		expect(editedHash).not.toBe(await hashContent(edited));
		expect(index.read).toBe(1);
	});
});

describe("the cache index: manifests", () => {
	test("a remembered entry is trusted while its folder is in the cache; a removed one is gone", async () => {
		const root = path.join(dir, "entries");
		const cacheDir = path.join(root, ".cache", "photos");
		const entry = { key: "0123456789abcdef", dir: path.join(cacheDir, "0123456789abcdef") };
		await mkdir(entry.dir, { recursive: true });
		const first = await CacheIndex.load(cacheDir, root);
		first.remember(entry, MANIFEST);
		await first.save();
		// No manifest on disk: the index alone answers, without opening the folder.
		expect(await (await CacheIndex.load(cacheDir, root)).manifest(entry)).toEqual(MANIFEST);
		await rm(entry.dir, { recursive: true });
		expect(await (await CacheIndex.load(cacheDir, root)).manifest(entry)).toBeUndefined();
	});

	test("an entry the index does not know (a shard's, merged by copy) is read from its folder once", async () => {
		const root = path.join(dir, "merged");
		const cacheDir = path.join(root, ".cache", "photos");
		const entry = { key: "0123456789abcdef", dir: path.join(cacheDir, "0123456789abcdef") };
		await mkdir(entry.dir, { recursive: true });
		await Promise.all(
			MANIFEST.files.map((f) => writeFile(path.join(entry.dir, f.name), "abc")),
		);
		await writeManifest(entry.dir, MANIFEST);
		const index = await CacheIndex.load(cacheDir, root);
		expect(await index.manifest(entry)).toEqual(MANIFEST);
		await index.save();
		await rm(path.join(entry.dir, "manifest.json"));
		expect(await (await CacheIndex.load(cacheDir, root)).manifest(entry)).toEqual(MANIFEST);
	});

	test("an entry uploaded to a photo host counts for builds that publish there only", async () => {
		const root = path.join(dir, "remote");
		const cacheDir = path.join(root, ".cache", "photos");
		const entry = { key: "0123456789abcdef", dir: path.join(cacheDir, "0123456789abcdef") };
		await mkdir(entry.dir, { recursive: true });
		const index = await CacheIndex.load(cacheDir, root);
		const held = { ...MANIFEST, remote: "https://img.example.org/" };
		index.remember(entry, held);
		expect(await index.manifest(entry, "https://img.example.org/")).toEqual(held);
		expect(await index.manifest(entry)).toBeUndefined();
		expect(await index.manifest(entry, "https://other.example/")).toBeUndefined();
	});
});
