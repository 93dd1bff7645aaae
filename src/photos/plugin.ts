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
import { rm } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Problem } from "../problems.ts";
import { preparePhotos, type PreparedPhotos } from "./prepare.ts";
import { liveProgress, progressMode, summary } from "./progress.ts";
import { LostCacheFiles, publishPhotos } from "./publish.ts";
import { PHOTOS_DIR, PIPELINE_DEFAULTS } from "./settings.ts";
import { CacheIndex } from "./cache-index.ts";
import type { PhotoUse } from "./types.ts";

/** The plugin's options, merged over these. */
const DEFAULTS = {
	...PIPELINE_DEFAULTS,
	/** "auto": a live line on a terminal, only the summary in CI logs. */
	progress: "auto" as "auto" | "live" | "summary" | "none",
};

/** What the content plugin hands the photo pipeline before pages render, and to publish. */
export interface PhotosEvent {
	/** Every place a photo is used in this build. */
	photos: PhotoUse[];
	/** The path the site is served under ("" at a domain's root). */
	basePath: string;
	/** site.yaml's `photos.url`: the photo host, when photos are served from their own. */
	photosUrl?: string | undefined;
	directories: { input: string; output: string };
	preview: boolean;
}

/** What a build published of its photos, for the host-fit report (`dateline.photos`). */
export interface PhotosPublished {
	/** Every file the pages name, wherever it is. */
	files: number;
	bytes: number;
	/** The photo host, or undefined when the photos are in the site's own folder. */
	host: string | undefined;
	/** The folder they were copied to, and how many were copied there by this build. */
	dir: string;
	copied: number;
}

interface AsyncEmitter {
	emit(type: string, ...args: unknown[]): Promise<unknown[]>;
}

/**
 * The photo host a build publishes to: none in the preview, which serves every photo itself,
 * new ones included, which are not on the host yet.
 */
function hostOf(event: Pick<PhotosEvent, "photosUrl" | "preview">): string | undefined {
	return event.preview ? undefined : event.photosUrl;
}

/** Where a build's photo files go: `_site/img/`, or `_photos/` beside the site for a host. */
function publishDir(event: PhotosEvent, urlPath: string): string {
	const output = path.resolve(event.directories.output);
	return hostOf(event)
		? path.join(path.dirname(output), PHOTOS_DIR)
		: path.join(output, ...urlPath.split("/"));
}

/**
 * Registers the photo pipeline: every photo of the catalog made in the cache before pages
 * render (`dateline.catalog`, which returns the problems found, so the content plugin can stop
 * a production build before anything is written), then copied into the site, or into
 * `_photos/` beside it for a photo host (`dateline.publish`), which keeps what earlier builds
 * copied there: the names never change, and only new files need uploading.
 */
export default function photosPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	// Loaded once: the preview server rebuilds on every save, and unchanged photos are not read.
	let index: CacheIndex | undefined;
	let prepared: PreparedPhotos | undefined;
	let mode: "live" | "summary" | "none" = "summary";

	const prepare = async (event: PhotosEvent): Promise<PreparedPhotos> => {
		const root = path.dirname(path.resolve(event.directories.input));
		const cacheDir = path.resolve(root, opts.cacheDir);
		if (index?.file !== path.join(cacheDir, "index.json"))
			index = await CacheIndex.load(cacheDir, root);
		index.startRun();
		const live = mode === "live" ? liveProgress(process.stdout) : undefined;
		const host = hostOf(event);
		const result = await preparePhotos(
			event.photos,
			{
				...opts,
				urlPath: host ?? `${event.basePath}${opts.urlPath}`,
				cacheDir,
				index,
				remote: host,
				...(live ? { onProgress: live.update } : {}),
			},
			root,
		);
		live?.clear();
		await index.save();
		return result;
	};

	// Files gone from the cache since its index was written: their entries are made again.
	const publish = async (event: PhotosEvent, ready: PreparedPhotos, dir: string) => {
		const prune = { prune: !hostOf(event) };
		try {
			return { ready, copied: await publishPhotos(ready, dir, prune) };
		} catch (cause) {
			if (!(cause instanceof LostCacheFiles)) throw cause;
			for (const lost of cause.dirs) {
				index?.forget(path.basename(lost));
				await rm(path.join(lost, "manifest.json"), { force: true });
			}
			const again = await prepare(event);
			return { ready: again, copied: await publishPhotos(again, dir, prune) };
		}
	};

	eleventyConfig.on("dateline.catalog", async (event: PhotosEvent): Promise<Problem[]> => {
		mode = progressMode(opts.progress, process.stdout);
		prepared = await prepare(event);
		return prepared.problems;
	});

	eleventyConfig.on("dateline.publish", async (event: PhotosEvent) => {
		if (!prepared) return;
		const dir = publishDir(event, opts.urlPath);
		const { ready, copied } = await publish(event, prepared, dir);
		prepared = undefined;
		if (mode !== "none") process.stdout.write(`${summary(ready.stats)}\n`);
		const published: PhotosPublished = { ...ready.totals, host: hostOf(event), dir, copied };
		await (eleventyConfig.events as unknown as AsyncEmitter).emit("dateline.photos", published);
	});
}
