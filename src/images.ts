/**
 * Photos: turns every lead and body photo into AVIF, WebP and JPEG files over a ladder of
 * widths, and each lead photo into 16:9, 4:3 and 1:1 crops for distribution. Every file
 * carries the photo's credit in its XMP and EXIF metadata and nothing else: orientation is
 * applied, location and camera data are gone. Work is keyed by the photo's bytes and the
 * settings, done once per distinct photo however many articles use it, and kept in a cache
 * outside the site (`.cache/photos/`), so an unchanged photo costs no encode on a rebuild.
 *
 * sharp directly, not @11ty/eleventy-img 7 (bench/photos.ts measures both): eleventy-img's
 * disk cache is the output folder, so every fresh `_site` (every CI run) encodes everything
 * again; its dedupe is by path, so one agency photo beside five articles is encoded five
 * times; it decodes the source again for every width and format; and it writes no credit
 * metadata, no focal-point crops and no placeholder colour. We keep its good idea: output
 * names are a hash of the source bytes and the options, so they can be cached forever.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import sharp, {
	type AvifOptions,
	type Exif,
	type JpegOptions,
	type OutputInfo,
	type WebpOptions,
} from "sharp";
import type { CatalogEvent } from "./content-plugin.ts";
import type { Catalog, PhotoFile } from "./content.ts";
import { html, type SafeHtml } from "./html.ts";
import { formatProblems, type Problem } from "./problems.ts";

/** Widths of the srcset ladder: phones at 1x up to the wide lead photo at about 1.4x. */
export const WIDTHS = [320, 480, 640, 960, 1280, 1600];
/**
 * AVIF effort 3, quality 58, 4:2:0 (sharp's AVIF default, 4:4:4, is 2-9% bigger on photos).
 * `npm run bench:photos -- --sweep`, at the JPEG fallback's SSIM (0.979): effort 3 needs q58
 * and 51% of the JPEG's bytes; effort 2 needs 22% more bytes for a third less time; effort 4
 * saves another 10% of bytes in nearly 4x the time. Effort 3 is the knee.
 */
export const AVIF = { quality: 58, effort: 3, chromaSubsampling: "4:2:0" } as const;
/** WebP for browsers without AVIF: quality 82 matches the JPEG's SSIM at 77% of its bytes. */
export const WEBP = { quality: 82, effort: 4 } as const;
/** mozjpeg: a fifth smaller than libjpeg at the same quality, for ~60 ms more at 1600 px. */
export const JPEG = { quality: 80, mozjpeg: true } as const;
/** Crops for og:image and structured data: Google asks for 1200 px wide. */
export const CROP_WIDTH = 1200;
/** The crops each lead photo gets, as [name, width, height]. */
export const CROP_RATIOS = [
	["16:9", 16, 9],
	["4:3", 4, 3],
	["1:1", 1, 1],
] as const satisfies readonly [Crop["ratio"], number, number][];
/**
 * How an article's body photos are keyed: by file and caption, so the same file used twice
 * with two credits is published twice, each copy carrying its own credit.
 */
export function photoKey(src: string, title: string | null | undefined): string {
	return `${src}\n${title ?? ""}`;
}

/**
 * `sizes` for each place a photo appears; they mirror assets/css/site.css. The wide container
 * is 76rem with a gap of clamp(1rem, 0.6rem + 2vw, 2rem) each side; the body column 40rem;
 * cards fill columns of at least 16rem.
 */
export const SIZES = {
	/** `.wrap-wide > .lead-photo` on the article page. */
	lead: "(min-width: 76rem) 72rem, (min-width: 70rem) calc(100vw - 4rem), calc(96vw - 1.2rem)",
	/** The home page's lead story: the photo takes 3fr of a 3fr 2fr grid from 56rem. */
	homeLead: "(min-width: 76rem) 42rem, (min-width: 56rem) calc(60vw - 3rem), calc(96vw - 1.2rem)",
	/** A body photo in `.story-body`. */
	inline: "(min-width: 40rem) 37.5rem, calc(96vw - 1.2rem)",
	/** `.card-grid` columns: one, two, three, then four of about 16.5rem. */
	card: "(min-width: 76rem) 16.5rem, (min-width: 74rem) calc(25vw - 2.5rem), (min-width: 55rem) calc(33.4vw - 2rem), (min-width: 36rem) calc(50vw - 2rem), calc(100vw - 2rem)",
} as const;
// Bump when the pipeline changes what it writes for the same settings, to retire old entries.
const PIPELINE_VERSION = 1;
// A photo within a tenth of the next ladder step replaces it rather than adding a near twin.
const NEAR_WIDTH = 0.1;
const PLACEHOLDER_SAMPLE = 64;
const HASH_READS = 8;
// 100 MP: any camera's frame and most panoramas; bounds the memory one decode may take.
const MAX_PIXELS = 100_000_000;
const FORMAT_TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;
const EXTENSIONS = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;

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

/** Who to credit for a photo, as the editor wrote it. */
export interface PhotoCredit {
	credit: string;
	agency?: string | undefined;
	copyright?: string | undefined;
}

/** One place a photo is used: the file, its credit, and where an editor named it. */
export interface PhotoUse {
	photo: PhotoFile & { href?: string };
	credit: PhotoCredit;
	/** Lead photos get distribution crops; body photos do not. */
	crops: boolean;
	/** Where the crops centre, as fractions from the top left; else sharp's attention strategy. */
	focus?: readonly [number, number] | undefined;
	/** For messages: the article file (absolute and as shown), and how it names the photo. */
	source: { file: string; display: string; src: string; lead: boolean };
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
	ms: number;
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
	/** Source hashes by path, size and mtime, kept across rebuilds of the preview server. */
	hashes?: Map<string, { size: number; mtimeMs: number; hash: string }>;
	onProgress?: (done: number, total: number) => void;
}

/** The plugin's options, merged over these. */
const DEFAULTS = {
	widths: WIDTHS as readonly number[],
	cropWidth: CROP_WIDTH,
	/** Relative to the project: the folder that holds the content folder. */
	cacheDir: ".cache/photos",
	urlPath: "/img/",
	avif: AVIF as AvifOptions,
	webp: WEBP as WebpOptions,
	jpeg: JPEG as JpegOptions,
	// sharp runs on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), so more
	// would only queue; and each AVIF encode at 1600 px holds ~90 MB, which this bounds.
	concurrency: Math.min(os.availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE) || 4),
	maxPixels: MAX_PIXELS,
	/** "auto": a live line on a terminal, only the summary in CI logs. */
	progress: "auto" as "auto" | "live" | "summary" | "none",
};

/** The widths a photo gets: the ladder up to its own width, never upscaled. */
export function widthLadder(original: number, widths: readonly number[] = WIDTHS): number[] {
	const top = Math.min(original, Math.max(...widths));
	const below = [...widths].sort((a, b) => a - b).filter((w) => w < top);
	const last = below.at(-1);
	if (last !== undefined && top - last < last * NEAR_WIDTH) below.pop();
	return [...below, top];
}

/** The largest window of a ratio inside an image, centred on the focus and kept inside. */
export function cropBox(
	width: number,
	height: number,
	ratio: readonly [number, number],
	focus: readonly [number, number] = [0.5, 0.5],
): { left: number; top: number; width: number; height: number } {
	const [rw, rh] = ratio;
	const w = Math.min(width, Math.round((height * rw) / rh));
	const h = Math.min(height, Math.round((w * rh) / rw));
	const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
	return {
		left: clamp(focus[0] * width - w / 2, width - w),
		top: clamp(focus[1] * height - h / 2, height - h),
		width: w,
		height: h,
	};
}

/** "Yuri Cortez/AFP": the IPTC credit line, and what "Photo:" is followed by under a photo. */
export function creditText(credit: PhotoCredit): string {
	return credit.agency ? `${credit.credit}/${credit.agency}` : credit.credit;
}

// "... Photo: Yuri Cortez/AFP" at the end of a body photo's caption.
const CAPTION_CREDIT_RE = /(?:^|\s)Photo:\s*([^/]*?\S)\s*(?:\/\s*(.*?\S)\s*)?$/i;

/** Splits "The bench. Photo: Yuri Cortez/AFP" into the caption and the credit it ends with. */
export function captionCredit(title: string | null | undefined): {
	caption: string;
	credit?: PhotoCredit;
} {
	const text = (title ?? "").trim();
	const match = CAPTION_CREDIT_RE.exec(text);
	if (!match?.[1]) return { caption: text };
	return {
		caption: text.slice(0, match.index).trim(),
		credit: { credit: match[1], agency: match[2] },
	};
}

function escapeXml(text: string): string {
	return text.replace(
		/[&<>"]/g,
		(ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch,
	);
}

/**
 * The XMP packet written into every file: IPTC Core's Creator (dc:creator), Credit Line
 * (photoshop:Credit), Source (the agency) and Copyright Notice (dc:rights). The caption is left
 * out on purpose: it differs between articles, and would split one photo's encodes in two.
 */
export function xmpPacket(credit: PhotoCredit): string {
	const fields = [
		`<dc:creator><rdf:Seq><rdf:li>${escapeXml(credit.credit)}</rdf:li></rdf:Seq></dc:creator>`,
		`<photoshop:Credit>${escapeXml(creditText(credit))}</photoshop:Credit>`,
		credit.agency ? `<photoshop:Source>${escapeXml(credit.agency)}</photoshop:Source>` : "",
		credit.copyright
			? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(credit.copyright)}</rdf:li></rdf:Alt></dc:rights><xmpRights:Marked>True</xmpRights:Marked>`
			: "",
	];
	return [
		`<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">`,
		...fields.filter(Boolean),
		`</rdf:Description></rdf:RDF></x:xmpmeta>`,
		`<?xpacket end="w"?>`,
	].join("\n");
}

/**
 * EXIF Artist and Copyright, for tools that read only EXIF. libexif writes these fields as
 * ASCII ("José" becomes "Jose"); the XMP keeps the exact spelling.
 */
function exifTags(credit: PhotoCredit): Exif {
	const tags: Record<string, string> = { Artist: creditText(credit) };
	if (credit.copyright) tags.Copyright = credit.copyright;
	return { IFD0: tags };
}

/** The `<picture>` for a photo, or a plain `<img>` of its file before the pipeline has run. */
export function picture(
	photo: PhotoFile & { href: string },
	alt: string,
	options: { sizes: string; eager?: boolean; focus?: readonly [number, number] | undefined },
): SafeHtml {
	const loading = options.eager
		? html` loading="eager" fetchpriority="high"`
		: html` loading="lazy" decoding="async"`;
	const r = photo.rendition;
	if (!r) {
		return html`<img src="${photo.href}" alt="${alt}" width="${photo.width}" height="${photo.height}"${loading}>`;
	}
	// Cards crop with object-fit; the editor's focus keeps the subject in frame there too.
	const position = options.focus
		? `;object-position:${options.focus.map((f) => `${String(Math.round(f * 100))}%`).join(" ")}`
		: "";
	return html`<picture>${r.sources.map(
		(s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${options.sizes}">`,
	)}<img src="${r.fallback.href}" srcset="${r.fallback.srcset}" sizes="${options.sizes}" alt="${alt}" width="${r.fallback.width}" height="${r.fallback.height}"${loading} style="background-color:${r.placeholder}${position}"></picture>`;
}

/** Every photo use of a catalog: each article's lead photo (with crops) and body photos. */
export function photoUses(catalog: Catalog, root: string): PhotoUse[] {
	const uses: PhotoUse[] = [];
	for (const article of catalog.articles) {
		const file = path.resolve(root, article.sourcePath);
		const source = { file, display: article.sourcePath };
		const { image } = article;
		uses.push({
			photo: image,
			credit: image,
			crops: true,
			focus: image.focus,
			source: { ...source, src: image.src, lead: true },
		});
		for (const photo of article.photos.values()) {
			uses.push({
				photo,
				credit: photo,
				crops: false,
				source: { ...source, src: photo.src, lead: false },
			});
		}
	}
	return uses;
}

/** A limiter: at most `n` of the functions it is given run at once, in the order given. */
function limiter(n: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(fn: () => Promise<T>): Promise<T> => {
		if (active < n) active++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await fn();
		} finally {
			// Hand the slot straight to the next in line, so no newcomer can slip in between.
			const next = waiting.shift();
			if (next) next();
			else active--;
		}
	};
}

type Format = keyof typeof FORMAT_TYPES;

/** One file the pipeline wrote, as its manifest records it. */
interface OutputFile {
	name: string;
	format: Format;
	width: number;
	height: number;
	bytes: number;
	ratio?: Crop["ratio"];
}

/** What a finished cache entry holds; written last, so its presence means complete. */
interface Manifest {
	placeholder?: string;
	files: OutputFile[];
}

/** One cache entry to fill: the ladder of a photo, or the crops around one focus. */
interface Entry {
	key: string;
	dir: string;
	manifest?: Manifest;
	crops?: { focus: readonly [number, number] | undefined };
}

/** One distinct photo: same bytes, same credit. */
interface Work {
	file: string;
	width: number;
	height: number;
	credit: PhotoCredit;
	ladder: Entry;
	crops: Map<string, Entry>;
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

function digest(...parts: (string | Buffer)[]): string {
	const hash = createHash("sha256");
	for (const part of parts) hash.update(part);
	return hash.digest("hex");
}

async function hashFile(file: string, memo: PipelineOptions["hashes"]): Promise<string> {
	const info = await stat(file);
	const known = memo?.get(file);
	if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.hash;
	const hash = digest(await readFile(file));
	memo?.set(file, { size: info.size, mtimeMs: info.mtimeMs, hash });
	return hash;
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
	try {
		const manifest = JSON.parse(
			await readFile(path.join(dir, "manifest.json"), "utf8"),
		) as Manifest;
		// A half-deleted cache entry is a miss, not a broken build.
		const present = await Promise.all(
			manifest.files.map((f) => stat(path.join(dir, f.name)).then((s) => s.size === f.bytes)),
		);
		return present.every(Boolean) ? manifest : undefined;
	} catch {
		return undefined;
	}
}

/** Writes next to the target, then renames, so a crash or a parallel build never leaves half a file. */
async function writeAtomic(file: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
	const tmp = `${file}.${String(process.pid)}.tmp`;
	await write(tmp);
	await rename(tmp, file);
}

/**
 * The width every output of a photo can be made from: the ladder's top width, and for crops a
 * short side of at least the crop width; never more than the photo has.
 */
export function masterWidth(
	width: number,
	height: number,
	options: Pick<PipelineOptions, "widths" | "cropWidth">,
	crops: boolean,
): number {
	const top = Math.max(...options.widths);
	const scale = Math.max(top / width, crops ? options.cropWidth / Math.min(width, height) : 0);
	return Math.max(1, Math.round(width * Math.min(1, scale)));
}

/**
 * The photo decoded once, oriented, flattened onto white, in sRGB, at its master width. JPEG
 * sources shrink while decoding, so a 30-megapixel photo never sits in memory whole.
 */
async function decodeMaster(work: Work, options: PipelineOptions, needCrops: boolean) {
	const { data, info } = await sharp(work.file, {
		autoOrient: true,
		failOn: "truncated",
		limitInputPixels: options.maxPixels,
	})
		.resize({
			width: masterWidth(work.width, work.height, options, needCrops),
			withoutEnlargement: true,
		})
		.flatten({ background: "#ffffff" })
		.toColourspace("srgb")
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
}

type Master = Awaited<ReturnType<typeof decodeMaster>>;

function toHex({ r, g, b }: { r: number; g: number; b: number }): string {
	return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

async function placeholderColour(master: Master): Promise<string> {
	const { dominant } = await sharp(master.data, { raw: master.raw })
		.resize(PLACEHOLDER_SAMPLE, PLACEHOLDER_SAMPLE, { fit: "inside" })
		.stats();
	return toHex(dominant);
}

/** Encodes one output from the master, with the credit metadata, into the cache entry. */
async function encode(
	master: Master,
	work: Work,
	options: PipelineOptions,
	out: PlannedOutput,
): Promise<OutputFile> {
	let image = sharp(master.data, { raw: master.raw });
	if (out.extract) image = image.extract(out.extract);
	if (out.height !== undefined) {
		image = image.resize(out.width, out.height, {
			fit: "cover",
			position: out.attention ? sharp.strategy.attention : "centre",
		});
	} else if (out.width !== master.raw.width) image = image.resize(out.width);
	image = image.withXmp(xmpPacket(work.credit)).withExif(exifTags(work.credit));
	if (out.format === "avif") image = image.avif(options.avif);
	else if (out.format === "webp") image = image.webp(options.webp);
	else image = image.jpeg(options.jpeg);
	const file = path.join(out.dir, out.name);
	let info: OutputInfo | undefined;
	await writeAtomic(file, async (tmp) => {
		info = await image.toFile(tmp);
	});
	if (!info) throw new Error(`sharp wrote no ${out.name}`);
	return {
		name: out.name,
		format: out.format,
		width: info.width,
		height: info.height,
		bytes: info.size,
		...(out.ratio ? { ratio: out.ratio } : {}),
	};
}

/** What one encode makes: a ladder width in one format, or one crop. */
interface PlannedOutput {
	dir: string;
	name: string;
	format: Format;
	width: number;
	/** Crops only: the output height, and the window when the editor gave a focus. */
	height?: number;
	extract?: ReturnType<typeof cropBox> | undefined;
	attention?: boolean;
	ratio?: Crop["ratio"];
}

// Relative encode cost per pixel, measured: AVIF is most of the work.
const FORMAT_COST = { avif: 8, webp: 1.5, jpeg: 1 } as const;

function cost(out: PlannedOutput): number {
	return FORMAT_COST[out.format] * out.width * (out.height ?? out.width);
}

/** The files a cache entry holds: the width ladder in three formats, or the three crops. */
function plannedOutputs(e: Entry, master: Master, options: PipelineOptions): PlannedOutput[] {
	if (!e.crops) {
		return widthLadder(master.raw.width, options.widths).flatMap((width) =>
			(["avif", "webp", "jpeg"] as const).map((format) => ({
				dir: e.dir,
				name: `${e.key}-${String(width)}.${EXTENSIONS[format]}`,
				format,
				width,
			})),
		);
	}
	const focus = e.crops.focus;
	return CROP_RATIOS.map(([ratio, rw, rh]) => {
		const box = cropBox(master.raw.width, master.raw.height, [rw, rh], focus);
		const width = Math.min(options.cropWidth, box.width);
		return {
			dir: e.dir,
			name: `${e.key}-${ratio.replace(":", "x")}-${String(width)}.jpg`,
			format: "jpeg" as const,
			width,
			height: Math.round((width * rh) / rw),
			extract: focus ? box : undefined,
			attention: !focus,
			ratio,
		};
	});
}

function srcset(files: OutputFile[], href: (f: OutputFile) => string): string {
	return files.map((f) => `${href(f)} ${String(f.width)}w`).join(", ");
}

function lineOf(source: string, use: PhotoUse): number | undefined {
	const lines = source.split("\n");
	const src = use.source.src;
	const index = use.source.lead
		? lines.findIndex((l) => /^\s+src:/.test(l) && l.includes(src))
		: lines.findIndex((l) => l.includes(`](${src}`) || l.includes(`](<${src}>`));
	return index === -1 ? undefined : index + 1;
}

async function problemFor(use: PhotoUse, reason: string, root: string): Promise<Problem> {
	const source = await readFile(use.source.file, "utf8").catch(() => "");
	const shown = path.relative(root, use.photo.file) || use.photo.file;
	const subject = use.source.lead
		? `\`image.src\` names ${shown}`
		: `the body photo ${use.source.src} (${shown})`;
	return {
		file: use.source.display,
		line: lineOf(source, use),
		message: `${subject}, which could not be processed: ${reason}; export it again as JPEG, PNG, WebP or AVIF`,
	};
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
	const ladderSettings = JSON.stringify({
		v: PIPELINE_VERSION,
		widths: options.widths,
		avif: options.avif,
		webp: options.webp,
		jpeg: options.jpeg,
	});
	const cropSettings = JSON.stringify({
		v: PIPELINE_VERSION,
		width: options.cropWidth,
		ratios: CROP_RATIOS,
		jpeg: options.jpeg,
	});
	const entry = (key: string): Entry => ({ key, dir: path.join(options.cacheDir, key) });

	// Hash each file once (a few at a time: a camera original can be 30 MB), then group uses
	// by bytes and credit: that is one distinct photo.
	const reads = limiter(HASH_READS);
	const hashes = new Map<string, Promise<string>>();
	for (const { photo } of uses) {
		if (!hashes.has(photo.file)) {
			hashes.set(
				photo.file,
				reads(() => hashFile(photo.file, options.hashes)),
			);
		}
	}
	await Promise.allSettled(hashes.values());
	const works = new Map<string, Work>();
	const cropKeys = new Map<PhotoUse, string>();
	const hashErrors = new Map<PhotoUse, string>();
	for (const use of uses) {
		const { file } = use.photo;
		let hash: string;
		try {
			hash = await (hashes.get(file) ?? hashFile(file, options.hashes));
		} catch (cause) {
			hashErrors.set(
				use,
				`it could not be read (${cause instanceof Error ? cause.message : String(cause)})`,
			);
			continue;
		}
		const meta = JSON.stringify([
			use.credit.credit,
			use.credit.agency ?? "",
			use.credit.copyright ?? "",
		]);
		const ladderKey = digest(hash, ladderSettings, meta).slice(0, 16);
		let work = works.get(ladderKey);
		if (!work) {
			work = {
				file,
				width: use.photo.width,
				height: use.photo.height,
				credit: {
					credit: use.credit.credit,
					agency: use.credit.agency,
					copyright: use.credit.copyright,
				},
				ladder: entry(ladderKey),
				crops: new Map(),
				uses: [],
			};
			works.set(ladderKey, work);
		}
		work.uses.push(use);
		if (use.crops) {
			const cropKey = digest(
				hash,
				cropSettings,
				meta,
				JSON.stringify(use.focus ?? null),
			).slice(0, 16);
			cropKeys.set(use, cropKey);
			if (!work.crops.has(cropKey)) {
				work.crops.set(cropKey, { ...entry(cropKey), crops: { focus: use.focus } });
			}
		}
	}

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

	const processWork = async (work: Work) => {
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
		await photoSlots(async () => {
			const master = await slots(() =>
				decodeMaster(work, options, work.crops.size > 0).catch((cause: unknown) => {
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
				outputs.map((out) => slots(() => encode(master, work, options, out))),
			);
			const colour = await placeholder;
			await Promise.all(
				missing.map(async (e) => {
					const manifest: Manifest = {
						...(e === work.ladder && colour ? { placeholder: colour } : {}),
						files: written.filter((_, i) => outputs[i]?.dir === e.dir),
					};
					await writeAtomic(path.join(e.dir, "manifest.json"), (tmp) =>
						writeFile(tmp, JSON.stringify(manifest, null, "\t")),
					);
					e.manifest = manifest;
				}),
			);
			stats.files += written.length;
			stats.encoded++;
		});
	};

	await Promise.all(
		[...works.values()].map(async (work) => {
			try {
				await processWork(work);
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
	const problems: Problem[] = [];
	for (const [use, reason] of hashErrors) problems.push(await problemFor(use, reason, root));
	const href = (f: OutputFile) => `${options.urlPath}${f.name}`;
	for (const work of works.values()) {
		if (work.error) {
			for (const use of work.uses) problems.push(await problemFor(use, work.error, root));
			continue;
		}
		const ladder = work.ladder.manifest;
		if (!ladder) continue;
		for (const f of ladder.files) files.set(path.join(work.ladder.dir, f.name), href(f));
		const byWidth = (format: Format) =>
			ladder.files.filter((f) => f.format === format).sort((a, b) => a.width - b.width);
		const jpegs = byWidth("jpeg");
		const largest = jpegs.at(-1);
		if (!largest) continue;
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
		for (const use of work.uses) {
			const cropEntry = work.crops.get(cropKeys.get(use) ?? "");
			const crops: Crop[] = [];
			for (const f of cropEntry?.manifest?.files ?? []) {
				files.set(path.join(cropEntry?.dir ?? "", f.name), href(f));
				if (f.ratio)
					crops.push({ ratio: f.ratio, href: href(f), width: f.width, height: f.height });
			}
			const order = CROP_RATIOS.map(([r]) => r as string);
			crops.sort((a, b) => order.indexOf(a.ratio) - order.indexOf(b.ratio));
			renditions.set(use, { ...base, crops });
		}
	}
	stats.ms = performance.now() - started;
	return { renditions, files, problems, stats };
}

/**
 * Copies prepared files into the site, skipping any already there (the names are hashes of
 * their content's recipe, so same name and size means same file), and attaches renditions.
 * A lead or body photo's `href` becomes its largest JPEG: the original is never published,
 * since it may carry the photographer's location.
 */
export async function publishPhotos(
	prepared: PreparedPhotos,
	outputDir: string,
	basePath = "",
): Promise<number> {
	let copied = 0;
	// Addresses carry the path the site is served under; the output folder does not.
	const copies = [...prepared.files].map(([from, href]) => ({
		from,
		to: path.join(
			outputDir,
			...href.slice(href.startsWith(`${basePath}/`) ? basePath.length : 0).split("/"),
		),
	}));
	const dirs = new Set(copies.map((c) => path.dirname(c.to)));
	await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
	await Promise.all(
		copies.map(async ({ from, to }) => {
			const [src, dest] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
			if (dest?.size === src.size) return;
			// A reflink where the file system has them (btrfs, APFS, XFS), else a plain copy.
			await copyFile(from, to, constants.COPYFILE_FICLONE);
			copied++;
		}),
	);
	for (const [use, rendition] of prepared.renditions) {
		use.photo.rendition = rendition;
		if ("href" in use.photo) use.photo.href = rendition.fallback.href;
	}
	prepared.stats.copied = copied;
	return copied;
}

/** "3 photos (7 uses): 1 encoded (21 files), 2 from the cache; 4.2 s". */
export function summary(stats: PhotoStats): string {
	const plural = (n: number, one: string, many = `${one}s`) =>
		`${String(n)} ${n === 1 ? one : many}`;
	return `Photos: ${plural(stats.photos, "photo")} (${plural(stats.uses, "use")}): ${String(stats.encoded)} encoded (${plural(stats.files, "file")}), ${String(stats.cached)} from the cache; ${(stats.ms / 1000).toFixed(1)} s`;
}

/** A progress line on a terminal: redrawn as photos finish, and twice a second while they don't. */
function liveProgress(out: NodeJS.WriteStream) {
	const started = performance.now();
	let [done, total] = [0, 0];
	const draw = () => {
		const elapsed = ((performance.now() - started) / 1000).toFixed(1);
		out.write(`\r\x1b[2KPhotos: ${String(done)} of ${String(total)} done, ${elapsed} s`);
	};
	const timer = setInterval(draw, 500);
	timer.unref();
	return {
		update: (d: number, t: number) => {
			[done, total] = [d, t];
			draw();
		},
		clear: () => {
			clearInterval(timer);
			out.write("\r\x1b[2K");
		},
	};
}

/** Registers the photo pipeline: every photo of the catalog processed before pages render. */
export default function imagesPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	// The preview server rebuilds on every save; unchanged photos are not read again.
	const hashes: NonNullable<PipelineOptions["hashes"]> = new Map();

	eleventyConfig.on(
		"dateline.catalog",
		async ({ catalog, directories, preview }: CatalogEvent) => {
			const contentDir = path.resolve(directories.input);
			const root = path.dirname(contentDir);
			const out = process.stdout;
			const mode =
				opts.progress === "auto"
					? out.isTTY && !process.env.CI
						? "live"
						: "summary"
					: opts.progress;
			const live = mode === "live" ? liveProgress(out) : undefined;
			const prepared = await preparePhotos(
				photoUses(catalog, root),
				{
					...opts,
					urlPath: catalog.url(opts.urlPath),
					cacheDir: path.resolve(root, opts.cacheDir),
					hashes,
					...(live ? { onProgress: live.update } : {}),
				},
				root,
			);
			live?.clear();
			if (prepared.problems.length > 0) {
				const footer = preview
					? "the preview shows the pages without these photos."
					: "nothing was written.";
				process.stderr.write(`\n${formatProblems(prepared.problems, footer)}\n\n`);
				// Like a content problem: a production build must never publish a half-made page.
				if (!preview) process.exit(1);
			}
			await publishPhotos(prepared, path.resolve(directories.output), catalog.basePath);
			if (mode !== "none") out.write(`${summary(prepared.stats)}\n`);
		},
	);
}
