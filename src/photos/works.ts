/**
 * The work a set of photo uses makes: uses grouped into distinct photos (same bytes, same
 * credit), each with its cache entries, keyed by everything that decides their bytes and
 * nothing else: the source's content hash, the encoder settings, the credit written into the
 * files, the crop focus, and the versions of sharp and libvips (never the source code, so a
 * refactor re-encodes nothing). Shards split the work by the source's content hash.
 */
import path from "node:path";
import sharp from "sharp";
import { limiter, mapLimit } from "../concurrency.ts";
import type { PhotoCredit } from "../credits.ts";
import { digest, type Manifest } from "./cache.ts";
import type { Entry } from "./encode.ts";
import { CROP_RATIOS } from "./settings.ts";
import type { PhotoIndex, PhotoUse, PipelineOptions, Shard } from "./types.ts";

// Bump when the pipeline changes what it writes for the same settings, to retire old entries.
// 2: the master no longer depends on whether the photo has crops.
const PIPELINE_VERSION = 2;
// Sources hashed at once: a camera original can be 30 MB.
const HASH_READS = 8;
// Hex digits of a key: 64 bits, no collision in any archive.
const KEY_LENGTH = 16;

/** A cache entry with its manifest once it is known to be complete. */
export type CacheEntry = Entry & { manifest?: Manifest };

/** One distinct photo: same bytes, same credit. */
export interface Work {
	/** The content hash of the source. */
	hash: string;
	use: PhotoUse;
	credit: PhotoCredit;
	ladder: CacheEntry;
	crops: Map<string, CacheEntry>;
	uses: PhotoUse[];
	error?: string;
}

/**
 * What decides a ladder's and a crop set's bytes besides the photo and its credit: the settings
 * each uses (both come from one master, sized by the widths and the crop width) and the
 * versions of sharp, libvips and every codec it links.
 */
export function recipes(options: PipelineOptions): { ladder: string; crops: string } {
	const master = { widths: options.widths, cropWidth: options.cropWidth };
	const versions = sharp.versions;
	return {
		ladder: JSON.stringify({
			v: PIPELINE_VERSION,
			...master,
			avif: options.avif,
			webp: options.webp,
			jpeg: options.jpeg,
			versions,
		}),
		crops: JSON.stringify({
			v: PIPELINE_VERSION,
			...master,
			ratios: CROP_RATIOS,
			jpeg: options.jpeg,
			versions,
		}),
	};
}

/** One digest of both recipes: a CI cache key that changes only when renditions would. */
export function recipeDigest(options: PipelineOptions): string {
	const { ladder, crops } = recipes(options);
	return digest(ladder, crops).slice(0, KEY_LENGTH);
}

/** Whether a source's content hash falls in a shard: spread evenly, stable across runs. */
export function inShard(hash: string, shard: Shard | undefined): boolean {
	return !shard || Number.parseInt(hash.slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** "3/8" as a shard, or why it is not one. */
export function parseShard(text: string): Shard | string {
	const match = /^(\d+)\/(\d+)$/.exec(text);
	const [index, count] = [Number(match?.[1]), Number(match?.[2])];
	if (!match || count < 1 || index < 1 || index > count)
		return `--shard takes I/N with 1 <= I <= N, e.g. --shard 2/4; found "${text}"`;
	return { index, count };
}

/**
 * Groups uses into distinct photos by the hash of their bytes and their credit, hashing each
 * file once; uses whose file cannot be read come back as failures.
 */
export async function groupWorks(uses: PhotoUse[], options: PipelineOptions, index: PhotoIndex) {
	// Digested once: a recipe names every codec's version, a kilobyte to hash for each use.
	const recipe = recipes(options);
	const keys = { ladder: digest(recipe.ladder), crops: digest(recipe.crops) };
	const entry = (key: string): Entry => ({ key, dir: path.join(options.cacheDir, key) });
	const reads = limiter(HASH_READS);
	const hashes = new Map<string, Promise<string>>();
	for (const { photo } of uses) {
		if (!hashes.has(photo.file))
			hashes.set(
				photo.file,
				reads(() => index.hash(photo.file)),
			);
	}
	await Promise.allSettled(hashes.values());
	const works = new Map<string, Work>();
	const cropKeys = new Map<PhotoUse, string>();
	const failures = new Map<PhotoUse, string>();
	for (const use of uses) {
		let hash: string;
		try {
			hash = await (hashes.get(use.photo.file) as Promise<string>);
		} catch (cause) {
			const detail = cause instanceof Error ? cause.message : String(cause);
			failures.set(use, `it could not be read (${detail})`);
			continue;
		}
		const { credit, agency, copyright } = use.credit;
		const meta = JSON.stringify([credit, agency ?? "", copyright ?? ""]);
		const ladderKey = digest(hash, keys.ladder, meta).slice(0, KEY_LENGTH);
		let work = works.get(ladderKey);
		if (!work) {
			work = {
				hash,
				use,
				credit: { credit, agency, copyright },
				ladder: entry(ladderKey),
				crops: new Map(),
				uses: [],
			};
			works.set(ladderKey, work);
		}
		work.uses.push(use);
		if (!use.crops) continue;
		const cropKey = digest(hash, keys.crops, meta, JSON.stringify(use.focus ?? null)).slice(
			0,
			KEY_LENGTH,
		);
		cropKeys.set(use, cropKey);
		if (!work.crops.has(cropKey))
			work.crops.set(cropKey, { ...entry(cropKey), crops: { focus: use.focus } });
	}
	return { works, cropKeys, failures };
}

/** The cache entries a set of works keeps (ladders and crops), by key. */
export function entryKeys(works: Iterable<Work>): Set<string> {
	const keys = new Set<string>();
	for (const work of works) {
		keys.add(work.ladder.key);
		for (const key of work.crops.keys()) keys.add(key);
	}
	return keys;
}

/** How many distinct photos lack a complete cache entry, without encoding anything. */
export async function countMissing(
	works: Iterable<Work>,
	index: PhotoIndex,
	remote?: string,
): Promise<number> {
	const missing = await mapLimit([...works], HASH_READS * 8, async (work) => {
		for (const e of [work.ladder, ...work.crops.values()]) {
			if (!(await index.manifest(e, remote))) return true;
		}
		return false;
	});
	return missing.filter(Boolean).length;
}
