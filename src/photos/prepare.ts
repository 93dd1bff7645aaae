/**
 * Makes sure every photo use has its files in the cache, encoding only what is missing, and
 * returns the renditions. Uses are grouped by the photo's bytes and credit: one distinct photo
 * is decoded and encoded once however many articles use it, under whatever names.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { limiter } from "../concurrency.ts";
import type { Problem } from "../problems.ts";
import {
	FORMAT_TYPES,
	writeManifest,
	type Format,
	type Manifest,
	type OutputFile,
} from "./cache.ts";
import { cost, decodeMaster, encode, placeholderColour, plannedOutputs } from "./encode.ts";
import { CROP_RATIOS } from "./settings.ts";
import { CacheIndex } from "./cache-index.ts";
import type {
	Crop,
	PhotoIndex,
	PhotoStats,
	PhotoUse,
	PipelineOptions,
	Rendition,
} from "./types.ts";
import { groupWorks, inShard, type CacheEntry, type Work } from "./works.ts";

/** The outcome of preparing photos: renditions to attach, files to publish, problems. */
export interface PreparedPhotos {
	renditions: Map<PhotoUse, Rendition>;
	/** Each cache folder whose files this build publishes -> their names. */
	files: Map<string, string[]>;
	/** Every file the renditions name, in the cache or already on the photo host. */
	totals: { files: number; bytes: number };
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

/**
 * Encodes what a distinct photo's cache entries miss. `photoSlots` bounds the masters held in
 * memory while they wait for `slots`, the encoders.
 */
async function fillEntries(
	work: Work,
	options: PipelineOptions & { index: PhotoIndex },
	slots: ReturnType<typeof limiter>,
	photoSlots: ReturnType<typeof limiter>,
	stats: PhotoStats,
): Promise<void> {
	const entries = [work.ladder, ...work.crops.values()];
	await Promise.all(
		entries.map(async (e) => {
			e.manifest = await options.index.manifest(e, options.remote);
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
	options: PipelineOptions & { index: PhotoIndex },
	slots: ReturnType<typeof limiter>,
): Promise<void> {
	const master = await slots(() =>
		decodeMaster(work.use.photo, options).catch((cause: unknown) => {
			throw new UndecodablePhoto(reasonOf(cause, options), { cause });
		}),
	);
	// A shard writes what it makes into its own folder, merged into the cache later.
	const outDir = options.outDir;
	if (outDir) for (const e of missing) e.dir = path.join(outDir, e.key);
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
			options.index.remember(e, manifest);
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
	files: Map<string, string[]>,
): void {
	const ladder = work.ladder.manifest;
	if (!ladder) return;
	const href = (f: OutputFile) => `${options.urlPath}${f.name}`;
	// Files uploaded to the photo host are no longer in the cache, and need no copy.
	const local = (e: CacheEntry | undefined) => {
		if (e?.manifest && e.manifest.remote === undefined && !files.has(e.dir))
			files.set(
				e.dir,
				e.manifest.files.map((f) => f.name),
			);
	};
	local(work.ladder);
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
		local(cropEntry);
		for (const f of cropEntry?.manifest?.files ?? []) {
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
	const index = options.index ?? CacheIndex.inMemory(root);
	const readBefore = index.read;
	const grouped = await groupWorks(uses, options, index);
	const { cropKeys, failures } = grouped;
	const works = [...grouped.works.values()].filter((w) => inShard(w.hash, options.shard));
	const stats: PhotoStats = {
		photos: works.length,
		uses: works.reduce((n, w) => n + w.uses.length, 0) + failures.size,
		encoded: 0,
		cached: 0,
		files: 0,
		copied: 0,
		read: 0,
		ms: 0,
	};
	const slots = limiter(Math.max(1, options.concurrency));
	// Masters waiting for encode slots are held in memory: no more of them than slots.
	const photoSlots = limiter(Math.max(1, options.concurrency));
	let done = 0;
	options.onProgress?.(0, works.length);
	await Promise.all(
		works.map(async (work) => {
			try {
				await fillEntries(work, { ...options, index }, slots, photoSlots, stats);
			} catch (cause) {
				// A photo that does not decode is the editor's to fix; a cache that cannot be
				// written is not, and stops the build with its own error.
				if (!(cause instanceof UndecodablePhoto)) throw cause;
				work.error = cause.message;
			}
			options.onProgress?.(++done, works.length);
		}),
	);
	const renditions = new Map<PhotoUse, Rendition>();
	const files = new Map<string, string[]>();
	const problems = [...failures].map(([use, reason]) => photoProblem(use, reason, root));
	const totals = { files: 0, bytes: 0 };
	for (const work of works) {
		if (work.error) {
			problems.push(...work.uses.map((u) => photoProblem(u, String(work.error), root)));
			continue;
		}
		renditionsOf(work, cropKeys, options, renditions, files);
		for (const e of [work.ladder, ...work.crops.values()]) {
			for (const f of e.manifest?.files ?? []) {
				totals.files++;
				totals.bytes += f.bytes;
			}
		}
	}
	stats.read = index.read - readBefore;
	stats.ms = performance.now() - started;
	return { renditions, files, totals, problems, stats };
}
