/**
 * The pipeline's settings and the geometry they imply: the width ladder, the encoders'
 * quality, the distribution crops and the largest photo accepted.
 */
import os from "node:os";
import type { AvifOptions, JpegOptions, WebpOptions } from "sharp";
import type { Crop, PipelineOptions } from "./types.ts";

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
/** 100 MP: any camera's frame and most panoramas; bounds the memory one decode may take. */
export const MAX_PIXELS = 100_000_000;
/** Where the build and `npm run photos` keep the cache, relative to the folder holding content/. */
export const CACHE_DIR = ".cache/photos";
/** Where renditions go for a photo host (`photos.url`), beside the output folder. */
export const PHOTOS_DIR = "_photos";

/**
 * The settings the build and `npm run photos` share, so both make the same files under the
 * same names.
 */
export const PIPELINE_DEFAULTS = {
	widths: WIDTHS as readonly number[],
	cropWidth: CROP_WIDTH,
	/** Relative to the project: the folder that holds the content folder. */
	cacheDir: CACHE_DIR,
	urlPath: "/img/",
	avif: AVIF as AvifOptions,
	webp: WEBP as WebpOptions,
	jpeg: JPEG as JpegOptions,
	// sharp runs on libuv's pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), so more
	// would only queue; and each AVIF encode at 1600 px holds ~90 MB, which this bounds.
	concurrency: Math.min(os.availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE) || 4),
	maxPixels: MAX_PIXELS,
};

// A photo within a tenth of the next ladder step replaces it rather than adding a near twin.
const NEAR_WIDTH = 0.1;

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

/**
 * The width every output of a photo can be made from: the ladder's top width, with a short side
 * of at least the crop width; never more than the photo has.
 */
export function masterWidth(
	width: number,
	height: number,
	options: Pick<PipelineOptions, "widths" | "cropWidth">,
): number {
	const top = Math.max(...options.widths);
	const scale = Math.max(top / width, options.cropWidth / Math.min(width, height));
	return Math.max(1, Math.round(width * Math.min(1, scale)));
}
