/**
 * The cache's index (`.cache/photos/index.json`), read and written whole, so that a warm build
 * opens one file instead of one per photo:
 *
 * - each source photo's content hash, by path, size, modification and change time and inode,
 *   as git's index remembers its files: a photo is read only when one of those changed. A
 *   fresh checkout (every CI run) gives every file new times and inodes, so the index also
 *   keeps the blob id git's own index holds for a clean file: when git says the file is
 *   unchanged and names the same blob, the hash is known without reading the photo either;
 * - each cache entry's manifest, trusted while the entry's folder is in the cache (entries are
 *   written whole, manifest last); an entry the index does not know (a shard's, merged in by
 *   copying folders) is read from its folder once and remembered.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, readdirSync, statSync, type Stats } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { readManifest, writeAtomic, type Manifest } from "./cache.ts";
import { decodeEntry, encodeEntry, type PackedEntry } from "./packed.ts";

const INDEX_VERSION = 2;
// A file changed this close to the index being written may change again within the same
// timestamp tick unseen (git calls it racily clean): it is read again on the next run.
const RACY_MS = 2000;
// git's answers are read whole; a repository of 100,000 files lists in a few megabytes.
const GIT_BUFFER = 256 * 1024 * 1024;

/** What the index remembers of one source file. */
interface Known {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	ino: number;
	hash: string;
	/** git's blob id for the file when it was read, if git tracked it clean. */
	blob?: string | undefined;
	/** When this process learnt it (kept in memory only). */
	seen?: number | undefined;
}

/** How the index file keeps a source: [size, mtimeMs, ctimeMs, inode, hash, blob id or 0]. */
type SavedSource = [number, number, number, number, string, string | 0];

function unpackSource([size, mtimeMs, ctimeMs, ino, hash, blob]: SavedSource): Known {
	return { size, mtimeMs, ctimeMs, ino, hash, blob: blob === 0 ? undefined : blob };
}

/** Whether a file changed so close to `when` that a change in the same tick could hide. */
function isRacy(known: Known, when: number | undefined): boolean {
	return when !== undefined && when - known.mtimeMs <= RACY_MS;
}

/** The blob id of every tracked file git reports unchanged, by path relative to the root. */
function cleanBlobs(root: string): Map<string, string> {
	const git = (args: string[]) =>
		spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: GIT_BUFFER });
	const listed = git(["ls-files", "-s", "-v", "-z", "--", "."]);
	const blobs = new Map<string, string>();
	if (listed.status !== 0 || listed.error) return blobs;
	// Files whose stat differs from git's index are listed here, changed or not: read them.
	const changed = git(["diff-files", "--name-only", "--relative", "-z"]);
	if (changed.status !== 0 || changed.error) return blobs;
	const dirty = new Set(changed.stdout.split("\0"));
	for (const line of listed.stdout.split("\0")) {
		// "H 100644 <blob> 0\t<path>": only plain files at stage 0 with no flags (a lowercase
		// tag is assume-unchanged, S skip-worktree: git would not notice their changes).
		const match = /^H 1007?[0-7]{2}[0-7]? ([0-9a-f]{40,64}) 0\t(.+)$/s.exec(line);
		if (match?.[1] && match[2] && !dirty.has(match[2])) blobs.set(match[2], match[1]);
	}
	return blobs;
}

function sameStat(known: Known, info: Stats): boolean {
	return (
		known.size === info.size &&
		known.mtimeMs === info.mtimeMs &&
		known.ctimeMs === info.ctimeMs &&
		known.ino === info.ino
	);
}

/** The SHA-256 of a file, streamed, so a 30 MB original is never held whole. */
export async function hashContent(file: string): Promise<string> {
	const hash = createHash("sha256");
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest("hex");
}

/** The folders of a cache: its entries' keys. */
function entriesIn(cacheDir: string | undefined): Set<string> {
	if (!cacheDir) return new Set();
	try {
		return new Set(readdirSync(cacheDir));
	} catch {
		return new Set();
	}
}

/** Source hashes and entry manifests, loaded from and saved to the cache. */
export class CacheIndex {
	/** Sources read and hashed in this process (the rest came from the index). */
	read = 0;
	readonly #file: string | undefined;
	readonly #root: string;
	readonly #cacheDir: string | undefined;
	readonly #sources: Map<string, Known>;
	readonly #entries: Map<string, PackedEntry>;
	#present: Set<string>;
	#blobs: Map<string, string> | undefined;
	#dirty = false;

	private constructor(
		file: string | undefined,
		root: string,
		sources: Map<string, Known>,
		entries: Map<string, PackedEntry>,
	) {
		this.#file = file;
		this.#root = root;
		this.#cacheDir = file && path.dirname(file);
		this.#sources = sources;
		this.#entries = entries;
		this.#present = entriesIn(this.#cacheDir);
	}

	/** An index kept only in memory (tests, benchmarks, one-off runs). */
	static inMemory(root = process.cwd()): CacheIndex {
		return new CacheIndex(undefined, root, new Map(), new Map());
	}

	/** The index of the cache at `cacheDir`, with source paths relative to `root`. */
	static async load(cacheDir: string, root: string): Promise<CacheIndex> {
		const file = path.join(cacheDir, "index.json");
		let saved: { version?: number; sources?: object; entries?: object } = {};
		try {
			saved = JSON.parse(await readFile(file, "utf8")) as typeof saved;
		} catch {
			// No index yet, or a damaged one: sources are read once and it is written anew.
		}
		const fresh = saved.version !== INDEX_VERSION;
		const sources = new Map<string, Known>();
		if (!fresh)
			for (const [rel, packed] of Object.entries(saved.sources ?? {}))
				sources.set(rel, unpackSource(packed as SavedSource));
		const entries = new Map(fresh ? [] : Object.entries(saved.entries ?? {})) as Map<
			string,
			PackedEntry
		>;
		return new CacheIndex(file, root, sources, entries);
	}

	/** The file the index is saved in; undefined for one kept in memory. */
	get file(): string | undefined {
		return this.#file;
	}

	/** A new run: the cache's folders are listed again, and git asked again at the first miss. */
	startRun(): void {
		this.#blobs = undefined;
		this.#present = entriesIn(this.#cacheDir);
	}

	/**
	 * The SHA-256 of a source's bytes, read only when the index cannot vouch for it. git is asked
	 * once per run, at the first file the index does not know.
	 */
	async hash(file: string): Promise<string> {
		// Synchronous: one stat, far cheaper than a round trip through libuv's pool.
		const info = statSync(file);
		const rel = path.relative(this.#root, file).split(path.sep).join("/");
		const known = this.#sources.get(rel);
		if (known && sameStat(known, info) && !isRacy(known, known.seen)) return known.hash;
		this.#blobs ??= cleanBlobs(this.#root);
		const blob = this.#blobs.get(rel);
		let hash: string;
		if (known && blob !== undefined && known.blob === blob && known.size === info.size) {
			hash = known.hash;
		} else {
			hash = await hashContent(file);
			this.read++;
		}
		const { size, mtimeMs, ctimeMs, ino } = info;
		this.#sources.set(rel, { size, mtimeMs, ctimeMs, ino, hash, blob, seen: Date.now() });
		this.#dirty = true;
		return hash;
	}

	/** Whether an entry folder is one of this cache's (not a shard's separate output). */
	#owns(dir: string): boolean {
		return this.#cacheDir !== undefined && path.dirname(dir) === this.#cacheDir;
	}

	/**
	 * A cache entry's manifest, or undefined when it is missing or incomplete; an entry uploaded
	 * to a photo host counts only for builds that publish there (`remote`).
	 */
	async manifest(
		entry: { key: string; dir: string },
		remote?: string,
	): Promise<Manifest | undefined> {
		const packed = this.#entries.get(entry.key);
		let manifest: Manifest | undefined;
		if (packed && this.#owns(entry.dir) && this.#present.has(entry.key)) {
			manifest = decodeEntry(entry.key, packed);
		} else {
			manifest = await readManifest(entry.dir);
			if (manifest) this.remember(entry, manifest);
		}
		if (manifest?.remote !== undefined && manifest.remote !== remote) return undefined;
		return manifest;
	}

	/** Remembers an entry's manifest, once it is written in full. */
	remember(entry: { key: string; dir: string }, manifest: Manifest): void {
		if (!this.#owns(entry.dir)) return;
		this.#entries.set(entry.key, encodeEntry(entry.key, manifest));
		this.#present.add(entry.key);
		this.#dirty = true;
	}

	/** Forgets an entry whose files turned out to be gone, so it is read or made again. */
	forget(key: string): void {
		this.#dirty ||= this.#entries.delete(key);
		this.#present.delete(key);
	}

	/** Writes the index when it learnt something, leaving out racily recent files. */
	async save(now = Date.now()): Promise<void> {
		if (!this.#file || !this.#dirty) return;
		const sources: Record<string, SavedSource> = {};
		for (const [rel, known] of this.#sources) {
			const { size, mtimeMs, ctimeMs, ino, hash, blob } = known;
			if (!isRacy(known, now)) sources[rel] = [size, mtimeMs, ctimeMs, ino, hash, blob ?? 0];
		}
		const entries = Object.fromEntries(
			[...this.#entries].filter(([key]) => this.#present.has(key)),
		);
		const target = this.#file;
		await mkdir(path.dirname(target), { recursive: true });
		await writeAtomic(target, (tmp) =>
			writeFile(tmp, JSON.stringify({ version: INDEX_VERSION, sources, entries })),
		);
		this.#dirty = false;
	}
}
