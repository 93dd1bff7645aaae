/** Shared by the photo pipeline's tests: real photos made with sharp, small settings, uses. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import type { PhotoCredit } from "../../../src/credits.ts";
import type { PhotoUse, PipelineOptions } from "../../../src/photos/types.ts";

/** A fresh folder for one test file's photos and caches. */
export async function workDir(): Promise<string> {
	return mkdtemp(path.join(tmpdir(), "dateline-photos-"));
}

/** Small settings so each test encodes little: two widths, 100 px crops. */
export function options(
	dir: string,
	name: string,
	extra: Partial<PipelineOptions> = {},
): PipelineOptions {
	return {
		cacheDir: path.join(dir, name, "cache"),
		urlPath: "/img/",
		widths: [64, 128],
		cropWidth: 100,
		avif: { quality: 50, effort: 0 },
		webp: { quality: 75 },
		jpeg: { quality: 80, mozjpeg: true },
		concurrency: 2,
		maxPixels: 100_000_000,
		...extra,
	};
}

export const AFP: PhotoCredit = { credit: "José Cortez", agency: "AFP", copyright: "© 2018 AFP" };

/** A use of a photo file, as the catalog would hand it over. */
export async function use(
	file: string,
	extra: Partial<PhotoUse> & { credit?: PhotoCredit } = {},
): Promise<PhotoUse> {
	const meta = await sharp(file).metadata();
	const turned = (meta.orientation ?? 1) >= 5;
	return {
		photo: {
			file,
			width: turned ? meta.height : meta.width,
			height: turned ? meta.width : meta.height,
			format: meta.format.toUpperCase(),
			href: "/original.jpg",
		},
		credit: AFP,
		crops: true,
		where: { file: "content/articles/a/index.md", subject: "`image.src`", line: () => 4 },
		...extra,
	};
}

/** A textured test photo (flat colour compresses unrealistically and tests nothing). */
export async function photo(
	dir: string,
	name: string,
	width: number,
	height: number,
	transform: (s: Sharp) => Sharp = (s) => s.jpeg(),
): Promise<string> {
	const file = path.join(dir, name);
	const noise = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: "#000000",
			noise: { type: "gaussian", mean: 110, sigma: 30 },
		},
	})
		.png()
		.toBuffer();
	await transform(sharp(noise).blur(1.5)).toFile(file);
	return file;
}

/** A dark photo with a white square whose top left corner is at (x, y). */
export async function squareAt(dir: string, name: string, x: number, y: number): Promise<string> {
	const file = path.join(dir, name);
	const square = await sharp({
		create: { width: 60, height: 60, channels: 3, background: "#ffffff" },
	})
		.png()
		.toBuffer();
	await sharp({ create: { width: 400, height: 200, channels: 3, background: "#202020" } })
		.composite([{ input: square, left: x, top: y }])
		.jpeg({ quality: 95 })
		.toFile(file);
	return file;
}

export async function meanBrightness(file: string): Promise<number> {
	const { channels } = await sharp(file).stats();
	return (channels[0]?.mean ?? 0) + (channels[1]?.mean ?? 0) + (channels[2]?.mean ?? 0);
}

/** IFD0 tags of an EXIF block, and whether it points at GPS data, by tag number. */
export function ifd0(exif: Buffer): Map<number, string | number> {
	const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
	const le = tiff.subarray(0, 2).toString("latin1") === "II";
	const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
	const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
	const tags = new Map<number, string | number>();
	const start = u32(4);
	for (let i = 0; i < u16(start); i++) {
		const at = start + 2 + i * 12;
		const [tag, type, count] = [u16(at), u16(at + 2), u32(at + 4)];
		const value = count > 4 ? u32(at + 8) : at + 8;
		tags.set(
			tag,
			type === 2
				? tiff
						.subarray(value, value + count)
						.toString("latin1")
						.replace(/\0+$/, "")
				: type === 3
					? u16(at + 8)
					: u32(at + 8),
		);
	}
	return tags;
}
export const EXIF_ARTIST = 315;
export const EXIF_COPYRIGHT = 33432;
export const EXIF_MAKE = 271;
export const EXIF_GPS = 34853;
