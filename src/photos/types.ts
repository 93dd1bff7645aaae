/** What the photo pipeline takes in and gives back: photo files, their uses, renditions, stats. */
import type { AvifOptions, JpegOptions, WebpOptions } from "sharp";
import type { PhotoCredit } from "../credits.ts";

/** The encoded formats. */
export type Format = "avif" | "webp" | "jpeg";

/** One file the pipeline wrote, as its manifest records it. */
export interface OutputFile {
	name: string;
	format: Format;
	width: number;
	height: number;
	bytes: number;
	ratio?: Crop["ratio"] | undefined;
}

/** What a finished cache entry holds; written last, so its presence means complete. */
export interface Manifest {
	placeholder?: string;
	files: OutputFile[];
	/**
	 * The photo host (`photos.url`) the files were uploaded to, after which their bytes left the
	 * cache: the entry is complete for builds that publish there, and missing for any other.
	 */
	remote?: string;
}

/** A photo file that was found, read and measured. */
export interface PhotoFile {
	/** Absolute path on disk. */
	file: string;
	width: number;
	height: number;
	format: string;
}

/** One distribution crop of a lead photo. */
export interface Crop {
	ratio: "16:9" | "4:3" | "1:1";
	/** Site-relative URL, e.g. /img/3f2a…-16x9-1200.jpg */
	href: string;
	width: number;
	height: number;
}

/** What the pipeline made of one photo, for `<picture>`, feeds and structured data. */
export interface Rendition {
	/** The dominant colour as a CSS colour, shown until the photo loads. */
	placeholder: string;
	/** AVIF and WebP sources, best first. */
	sources: { type: "image/avif" | "image/webp"; srcset: string }[];
	/** The JPEG fallback: `src` is the largest width, `srcset` the ladder. */
	fallback: { href: string; srcset: string; width: number; height: number };
	/** 16:9, 4:3 and 1:1 crops of lead photos (empty for inline photos). */
	crops: Crop[];
}

/** A measured photo the pipeline can attach its rendition to. */
export interface PublishablePhoto extends PhotoFile {
	href?: string;
	rendition?: Rendition | undefined;
}

/** Where an editor named a photo, for messages: the file, the line, and the words to name it by. */
export interface PhotoSite {
	/** The article or data file as shown in messages. */
	file: string;
	line: () => number | undefined;
	/** How a message names the use, e.g. "`image.src`" or "the body photo ![Bench](bench.jpg)". */
	subject: string;
}

/** One place a photo is used: the file, its credit, and where an editor named it. */
export interface PhotoUse {
	photo: PublishablePhoto;
	credit: PhotoCredit;
	/** Lead photos get distribution crops; body photos do not. */
	crops: boolean;
	/** Where the crops centre, as fractions from the top left; else sharp's attention strategy. */
	focus?: readonly [number, number] | undefined;
	where: PhotoSite;
}

/** What a run did: the benchmark and tests read the counts, the build log the summary. */
export interface PhotoStats {
	/** Distinct photos (same bytes and credit). */
	photos: number;
	/** Places they are used. */
	uses: number;
	/** Distinct photos decoded and encoded in this run. */
	encoded: number;
	/** Distinct photos served entirely from the cache. */
	cached: number;
	/** Files encoded in this run. */
	files: number;
	/** Files copied into the output folder. */
	copied: number;
	/** Source photos read and hashed (the rest the source index vouched for). */
	read: number;
	ms: number;
}

/** The cache's index (src/photos/cache-index.ts): source hashes and entry manifests. */
export interface PhotoIndex {
	/** A source photo's content hash, reading it only when it must. */
	hash(file: string): Promise<string>;
	/** Sources read so far. */
	read: number;
	/** A cache entry's manifest, when the entry is complete (for this photo host, if any). */
	manifest(entry: { key: string; dir: string }, remote?: string): Promise<Manifest | undefined>;
	/** Remembers a manifest just written. */
	remember(entry: { key: string; dir: string }, manifest: Manifest): void;
}

/** One shard of the photo work: shard `index` (1-based) of `count`. */
export interface Shard {
	index: number;
	count: number;
}

/** Settings of one pipeline run. */
export interface PipelineOptions {
	/** The persistent cache folder. */
	cacheDir: string;
	/** URL prefix of the published files, e.g. /img/. */
	urlPath: string;
	widths: readonly number[];
	cropWidth: number;
	avif: AvifOptions;
	webp: WebpOptions;
	jpeg: JpegOptions;
	/** Encodes run at most this many at a time; each sharp task runs on a libuv thread. */
	concurrency: number;
	maxPixels: number;
	/** The cache's index, kept across runs; else each run reads every photo and manifest. */
	index?: PhotoIndex;
	/** The photo host (`photos.url`) this run publishes to: entries uploaded there need no bytes. */
	remote?: string | undefined;
	/** Only the distinct photos whose content hash falls in this shard (`npm run photos -- --shard`). */
	shard?: Shard | undefined;
	/** Where new cache entries are written, when not into `cacheDir` (a shard's CI artifact). */
	outDir?: string | undefined;
	onProgress?: (done: number, total: number) => void;
}
