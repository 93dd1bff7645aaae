/**
 * Decoding and encoding with sharp: a photo is decoded once into a master at the largest size
 * any output needs, and every width, format and crop is encoded from that master with the
 * credit written into its metadata.
 */
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { exifTags, xmpPacket, type PhotoCredit } from "../credits.ts";
import { EXTENSIONS, writeAtomic, type Format, type OutputFile } from "./cache.ts";
import { CROP_RATIOS, cropBox, masterWidth, widthLadder } from "./settings.ts";
import type { Crop, PhotoFile, PipelineOptions } from "./types.ts";

const PLACEHOLDER_SAMPLE = 64;
// Relative encode cost per pixel, measured: AVIF is most of the work.
const FORMAT_COST = { avif: 8, webp: 1.5, jpeg: 1 } as const;

/** One cache entry to fill: the ladder of a photo, or the crops around one focus. */
export interface Entry {
	key: string;
	dir: string;
	crops?: { focus: readonly [number, number] | undefined };
}

/** What one encode makes: a ladder width in one format, or one crop. */
export interface PlannedOutput {
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

/**
 * The photo decoded once, oriented, flattened onto white, in sRGB, at its master width. JPEG
 * sources shrink while decoding, so a 30-megapixel photo never sits in memory whole. The master
 * is always large enough for crops, so a ladder's bytes do not depend on whether this photo
 * also gets crops: the cache key of a ladder holds everything that decides its bytes.
 */
export async function decodeMaster(photo: PhotoFile, options: PipelineOptions) {
	const { data, info } = await sharp(photo.file, {
		autoOrient: true,
		failOn: "truncated",
		limitInputPixels: options.maxPixels,
	})
		.resize({
			width: masterWidth(photo.width, photo.height, options),
			withoutEnlargement: true,
		})
		.flatten({ background: "#ffffff" })
		.toColourspace("srgb")
		.raw({ depth: "uchar" })
		.toBuffer({ resolveWithObject: true });
	return { data, raw: { width: info.width, height: info.height, channels: info.channels } };
}

/** A decoded photo, the source of every output. */
export type Master = Awaited<ReturnType<typeof decodeMaster>>;

function toHex({ r, g, b }: { r: number; g: number; b: number }): string {
	return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** The photo's dominant colour, shown in its place until it loads. */
export async function placeholderColour(master: Master): Promise<string> {
	const { dominant } = await sharp(master.data, { raw: master.raw })
		.resize(PLACEHOLDER_SAMPLE, PLACEHOLDER_SAMPLE, { fit: "inside" })
		.stats();
	return toHex(dominant);
}

/** Encodes one output from the master, with the credit metadata, into the cache entry. */
export async function encode(
	master: Master,
	credit: PhotoCredit,
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
	image = image.withXmp(xmpPacket(credit)).withExif(exifTags(credit));
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

/** How much work an output is, to start the costliest first. */
export function cost(out: PlannedOutput): number {
	return FORMAT_COST[out.format] * out.width * (out.height ?? out.width);
}

/** The files a cache entry holds: the width ladder in three formats, or the three crops. */
export function plannedOutputs(
	e: Entry,
	master: Master,
	options: PipelineOptions,
): PlannedOutput[] {
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
