/**
 * Photos: formats, widths, crops, placeholders, credit metadata and the cache.
 * (The pipeline lands with the "Photos" issue; this is the contract layouts and feeds read.)
 */

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
