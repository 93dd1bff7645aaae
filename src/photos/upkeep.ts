/**
 * Keeping the photo cache small: `--prune` removes the entries no article uses any more, and
 * `--uploaded` drops the bytes of entries a photo host now holds (their manifests stay, so
 * builds still know every file's name and size), which keeps a CI cache of a 50,000-photo
 * archive to its manifests and source index instead of 30 GB.
 */
import { readFile, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "../concurrency.ts";
import { writeManifest, type Manifest } from "./cache.ts";
import type { PhotoIndex } from "./types.ts";

// Cache entries looked at once: each is a folder of some twenty files.
const ENTRY_CONCURRENCY = 16;
const KEY_RE = /^[0-9a-f]{16}$/;

/** How many cache entries, files and bytes. */
export interface Tally {
	entries: number;
	files: number;
	bytes: number;
}

function tally(): Tally {
	return { entries: 0, files: 0, bytes: 0 };
}

/** The files a folder holds, with their sizes. */
async function filesIn(dir: string): Promise<{ name: string; bytes: number }[]> {
	const names = await readdir(dir).catch(() => []);
	return mapLimit(names, ENTRY_CONCURRENCY, async (name) => ({
		name,
		bytes: (await stat(path.join(dir, name)).catch(() => undefined))?.size ?? 0,
	}));
}

async function readRawManifest(dir: string): Promise<Manifest | undefined> {
	try {
		return JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
	} catch {
		return undefined;
	}
}

/**
 * Removes every cache entry whose key is not in `keep`, and what interrupted writes left
 * (temporary files, folders that are no entry); the source index stays.
 */
export async function pruneCache(
	cacheDir: string,
	keep: Set<string>,
): Promise<{ removed: Tally; kept: Tally }> {
	const [removed, kept] = [tally(), tally()];
	const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
	await mapLimit(entries, ENTRY_CONCURRENCY, async (entry) => {
		const target = path.join(cacheDir, entry.name);
		if (!entry.isDirectory()) {
			if (entry.name === "index.json") return;
			const bytes = (await stat(target)).size;
			Object.assign(removed, { files: removed.files + 1, bytes: removed.bytes + bytes });
			await rm(target, { force: true });
			return;
		}
		const files = await filesIn(target);
		const into = KEY_RE.test(entry.name) && keep.has(entry.name) ? kept : removed;
		into.entries++;
		into.files += files.length;
		into.bytes += files.reduce((n, f) => n + f.bytes, 0);
		if (into === removed) await rm(target, { recursive: true, force: true });
	});
	return { removed, kept };
}

/**
 * After `_photos/` was copied to the photo host: each cache entry whose files are all there,
 * at their sizes, is marked as held by `host` and its local bytes are removed. The manifest is
 * written first, so an interruption leaves bytes to remove next time, never a broken entry.
 */
export async function markUploaded(
	cacheDir: string,
	photosDir: string,
	host: string,
	index?: Pick<PhotoIndex, "remember">,
): Promise<Tally> {
	const uploaded = new Map((await filesIn(photosDir)).map((f) => [f.name, f.bytes]));
	const freed = tally();
	const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
	await mapLimit(entries, ENTRY_CONCURRENCY, async (entry) => {
		if (!entry.isDirectory() || !KEY_RE.test(entry.name)) return;
		const dir = path.join(cacheDir, entry.name);
		const manifest = await readRawManifest(dir);
		if (!manifest || (manifest.remote !== undefined && manifest.remote !== host)) return;
		const there = manifest.files.every((f) => uploaded.get(f.name) === f.bytes);
		if (manifest.remote === undefined && !there) return;
		if (manifest.remote === undefined) {
			const held = { ...manifest, remote: host };
			await writeManifest(dir, held);
			index?.remember({ key: entry.name, dir }, held);
		}
		const local = (await filesIn(dir)).filter((f) => f.name !== "manifest.json");
		if (local.length === 0) return;
		freed.entries++;
		for (const f of local) {
			freed.files++;
			freed.bytes += f.bytes;
			await rm(path.join(dir, f.name), { force: true });
		}
	});
	return freed;
}
