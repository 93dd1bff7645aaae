/**
 * Makes sure every photo use has its files in the cache, encoding only what is missing, and
 * returns the renditions. Uses are grouped by the photo's bytes and credit: one distinct photo
 * is decoded and encoded once however many articles use it, under whatever names.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { limiter } from "../concurrency.ts";
import type { PhotoCredit } from "../credits.ts";
import type { Problem } from "../problems.ts";
import {
	FORMAT_TYPES,
	digest,
	hashFile,
	readManifest,
	writeManifest,
	type Format,
	type Manifest,
	type OutputFile,
} from "./cache.ts";
import {
	cost,
	decodeMaster,
	encode,
	placeholderColour,
	plannedOutputs,
	type Entry,
} from "./encode.ts";
import { CROP_RATIOS } from "./settings.ts";
import type { Crop, PhotoStats, PhotoUse, PipelineOptions, Rendition } from "./types.ts";

// Bump when the pipeline changes what it writes for the same settings, to retire old entries.
const PIPELINE_VERSION = 1;
// Sources hashed at once: a camera original can be 30 MB.
const HASH_READS = 8;

/** A cache entry with its manifest once it is known to be complete. */
type CacheEntry = Entry & { manifest?: Manifest };

/** One distinct photo: same bytes, same credit. */
interface Work {
	use: PhotoUse;
	credit: PhotoCredit;
	ladder: CacheEntry;
	crops: Map<string, CacheEntry>;
	uses: PhotoUse[];
	error?: string;
}

/** The outcome of preparing photos: renditions to attach, files to publish, problems. */
export interface PreparedPhotos {
	renditions: Map<PhotoUse, Rendition>;
	/** Cached file -> site-relative href. */
	files: Map<string, string>;
	problems: Problem[];
	stats: PhotoStats;
}

/** A photo that passed the content check's header read but whose pixels do not decode. */
class UndecodablePhoto extends Error {
	override name = "UndecodablePhoto";
}

/** Why a photo failed, in an editor's words: the content check has already read its header. */
function reasonOf(cause: unknown, options: PipelineOptions): string {
	const message = cause instanceof Error ? cause.message : String(cause);
	if (/pixel limit/i.test(message)) {
		return `it is larger than ${String(Math.round(options.maxPixels / 1e6))} megapixels, the most Dateline accepts, so export a smaller version`;
	}
	// libvips keeps one error buffer per thread, so under load the detail may be lost.
	const detail = (message.split("\n")[0] ?? "").replace(/^(Input file |Vips\w+: )/, "").trim();
	const known = detail && !/^unknown error$/i.test(detail) ? ` (${detail})` : "";
	return `its image data is damaged or cut short${known}`;
}

/** The problem an editor reads for a photo the pipeline could not use, where they named it. */
function photoProblem(use: PhotoUse, reason: string, root: string): Problem {
	const shown = path.relative(root, use.photo.file) || use.photo.file;
	return {
		file: use.where.file,
		line: use.where.line(),
		message: `${use.where.subject} names ${shown}, which could not be processed: ${reason}; export it again as JPEG, PNG, WebP or AVIF`,
	};
}

/** The settings that decide a ladder's and a crop set's bytes, as parts of their cache keys. */
function settingsKeys(options: PipelineOptions): { ladder: string; crops: string } {
	return {
		ladder: JSON.stringify({
			v: PIPELINE_VERSION,
			widths: options.widths,
			avif: options.avif,
			webp: options.webp,
			jpeg: options.jpeg,
		}),
		crops: JSON.stringify({
			v: PIPELINE_VERSION,
			width: options.cropWidth,
			ratios: CROP_RATIOS,
			jpeg: options.jpeg,
		}),
	};
}

/**
 * Groups uses into distinct photos by the hash of their bytes and their credit, hashing each
 * file once; uses whose file cannot be read come back as failures.
 */
async function groupWorks(uses: PhotoUse[], options: PipelineOptions) {
	const keys = settingsKeys(options);
	const entry = (key: string): Entry => ({ key, dir: path.join(options.cacheDir, key) });
	const reads = limiter(HASH_READS);
	const hashes = new Map<string, Promise<string>>();
	for (const { photo } of uses) {
		if (!hashes.has(photo.file))
			hashes.set(
				photo.file,
				reads(() => hashFile(photo.file, options.hashes)),
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
		const ladderKey = digest(hash, keys.ladder, meta).slice(0, 16);
		let work = works.get(ladderKey);
		if (!work) {
			work = {
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
		const cropKey = digest(hash, keys.crops, meta, JSON.stringify(use.focus ?? null));
		cropKeys.set(use, cropKey.slice(0, 16));
		if (!work.crops.has(cropKey.slice(0, 16)))
			work.crops.set(cropKey.slice(0, 16), {
				...entry(cropKey.slice(0, 16)),
				crops: { focus: use.focus },
			});
	}
	return { works, cropKeys, failures };
}

/**
 * Encodes what a distinct photo's cache entries miss. `photoSlots` bounds the masters held in
 * memory while they wait for `slots`, the encoders.
 */
async function fillEntries(
	work: Work,
	options: PipelineOptions,
	slots: ReturnType<typeof limiter>,
	photoSlots: ReturnType<typeof limiter>,
	stats: PhotoStats,
): Promise<void> {
	const entries = [work.ladder, ...work.crops.values()];
	await Promise.all(
		entries.map(async (e) => {
			e.manifest = await readManifest(e.dir);
		}),
	);
	const missing = entries.filter((e) => !e.manifest);
	if (missing.length === 0) {
		stats.cached++;
		return;
	}
	await photoSlots(() => encodeMissing(work, missing, options, slots));
	stats.files += missing.reduce((n, e) => n + (e.manifest?.files.length ?? 0), 0);
	stats.encoded++;
}

async function encodeMissing(
	work: Work,
	missing: CacheEntry[],
	options: PipelineOptions,
	slots: ReturnType<typeof limiter>,
): Promise<void> {
	const master = await slots(() =>
		decodeMaster(work.use.photo, options, work.crops.size > 0).catch((cause: unknown) => {
			throw new UndecodablePhoto(reasonOf(cause, options), { cause });
		}),
	);
	await Promise.all(missing.map((e) => mkdir(e.dir, { recursive: true })));
	const outputs = missing.flatMap((e) => plannedOutputs(e, master, options));
	// Costliest first (AVIF at the top width), so no slot idles at the end of a photo.
	outputs.sort((a, b) => cost(b) - cost(a));
	const placeholder = missing.includes(work.ladder)
		? slots(() => placeholderColour(master))
		: undefined;
	const written = await Promise.all(
		outputs.map((out) => slots(() => encode(master, work.credit, options, out))),
	);
	const colour = await placeholder;
	await Promise.all(
		missing.map(async (e) => {
			const manifest: Manifest = {
				...(e === work.ladder && colour ? { placeholder: colour } : {}),
				files: written.filter((_, i) => outputs[i]?.dir === e.dir),
			};
			await writeManifest(e.dir, manifest);
			e.manifest = manifest;
		}),
	);
}

function srcset(files: OutputFile[], href: (f: OutputFile) => string): string {
	return files.map((f) => `${href(f)} ${String(f.width)}w`).join(", ");
}

/** The renditions of a finished work, one per use (crops differ by focus), and its files. */
function renditionsOf(
	work: Work,
	cropKeys: Map<PhotoUse, string>,
	options: PipelineOptions,
	renditions: Map<PhotoUse, Rendition>,
	files: Map<string, string>,
): void {
	const ladder = work.ladder.manifest;
	if (!ladder) return;
	const href = (f: OutputFile) => `${options.urlPath}${f.name}`;
	for (const f of ladder.files) files.set(path.join(work.ladder.dir, f.name), href(f));
	const byWidth = (format: Format) =>
		ladder.files.filter((f) => f.format === format).sort((a, b) => a.width - b.width);
	const jpegs = byWidth("jpeg");
	const largest = jpegs.at(-1);
	if (!largest) return;
	const base: Omit<Rendition, "crops"> = {
		placeholder: ladder.placeholder ?? "transparent",
		sources: [
			{ type: FORMAT_TYPES.avif, srcset: srcset(byWidth("avif"), href) },
			{ type: FORMAT_TYPES.webp, srcset: srcset(byWidth("webp"), href) },
		],
		fallback: {
			href: href(largest),
			srcset: srcset(jpegs, href),
			width: largest.width,
			height: largest.height,
		},
	};
	const order = CROP_RATIOS.map(([r]) => r as string);
	for (const use of work.uses) {
		const cropEntry = work.crops.get(cropKeys.get(use) ?? "");
		const crops: Crop[] = [];
		for (const f of cropEntry?.manifest?.files ?? []) {
			files.set(path.join(cropEntry?.dir ?? "", f.name), href(f));
			if (f.ratio)
				crops.push({ ratio: f.ratio, href: href(f), width: f.width, height: f.height });
		}
		crops.sort((a, b) => order.indexOf(a.ratio) - order.indexOf(b.ratio));
		renditions.set(use, { ...base, crops });
	}
}

/**
 * Makes sure every use's files are in the cache, encoding only what is missing, and returns
 * the renditions. Nothing is written to the site here; `publishPhotos` copies the files.
 */
export async function preparePhotos(
	uses: PhotoUse[],
	options: PipelineOptions,
	root = process.cwd(),
): Promise<PreparedPhotos> {
	const started = performance.now();
	const { works, cropKeys, failures } = await groupWorks(uses, options);
	const stats: PhotoStats = {
		photos: works.size,
		uses: uses.length,
		encoded: 0,
		cached: 0,
		files: 0,
		copied: 0,
		ms: 0,
	};
	const slots = limiter(Math.max(1, options.concurrency));
	// Masters waiting for encode slots are held in memory: no more of them than slots.
	const photoSlots = limiter(Math.max(1, options.concurrency));
	let done = 0;
	options.onProgress?.(0, works.size);
	await Promise.all(
		[...works.values()].map(async (work) => {
			try {
				await fillEntries(work, options, slots, photoSlots, stats);
			} catch (cause) {
				// A photo that does not decode is the editor's to fix; a cache that cannot be
				// written is not, and stops the build with its own error.
				if (!(cause instanceof UndecodablePhoto)) throw cause;
				work.error = cause.message;
			}
			options.onProgress?.(++done, works.size);
		}),
	);
	const renditions = new Map<PhotoUse, Rendition>();
	const files = new Map<string, string>();
	const problems = [...failures].map(([use, reason]) => photoProblem(use, reason, root));
	for (const work of works.values()) {
		if (work.error)
			problems.push(...work.uses.map((u) => photoProblem(u, String(work.error), root)));
		else renditionsOf(work, cropKeys, options, renditions, files);
	}
	stats.ms = performance.now() - started;
	return { renditions, files, problems, stats };
}
