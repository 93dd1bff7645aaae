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
import os from "node:os";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { AvifOptions, JpegOptions, WebpOptions } from "sharp";
import type { Problem } from "../problems.ts";
import { preparePhotos, type PreparedPhotos } from "./prepare.ts";
import { liveProgress, summary } from "./progress.ts";
import { publishPhotos } from "./publish.ts";
import { AVIF, CROP_WIDTH, JPEG, MAX_PIXELS, WEBP, WIDTHS } from "./settings.ts";
import type { PhotoUse, PipelineOptions } from "./types.ts";

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

/** What the content plugin hands the photo pipeline before pages render, and to publish. */
export interface PhotosEvent {
	/** Every place a photo is used in this build. */
	photos: PhotoUse[];
	/** The path the site is served under ("" at a domain's root). */
	basePath: string;
	directories: { input: string; output: string };
	preview: boolean;
}

/**
 * Registers the photo pipeline: every photo of the catalog made in the cache before pages
 * render (`dateline.catalog`, which returns the problems found, so the content plugin can stop
 * a production build before anything is written), then copied into the site
 * (`dateline.publish`).
 */
export default function photosPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	// The preview server rebuilds on every save; unchanged photos are not read again.
	const hashes: NonNullable<PipelineOptions["hashes"]> = new Map();

	let prepared: PreparedPhotos | undefined;
	let mode: "live" | "summary" | "none" = "summary";

	eleventyConfig.on(
		"dateline.catalog",
		async ({ photos, basePath, directories }: PhotosEvent): Promise<Problem[]> => {
			const root = path.dirname(path.resolve(directories.input));
			const out = process.stdout;
			mode =
				opts.progress === "auto"
					? out.isTTY && !process.env.CI
						? "live"
						: "summary"
					: opts.progress;
			const live = mode === "live" ? liveProgress(out) : undefined;
			prepared = await preparePhotos(
				photos,
				{
					...opts,
					urlPath: `${basePath}${opts.urlPath}`,
					cacheDir: path.resolve(root, opts.cacheDir),
					hashes,
					...(live ? { onProgress: live.update } : {}),
				},
				root,
			);
			live?.clear();
			return prepared.problems;
		},
	);

	eleventyConfig.on("dateline.publish", async ({ basePath, directories }: PhotosEvent) => {
		if (!prepared) return;
		await publishPhotos(prepared, path.resolve(directories.output), basePath);
		if (mode !== "none") process.stdout.write(`${summary(prepared.stats)}\n`);
		prepared = undefined;
	});
}
