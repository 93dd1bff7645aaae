import { writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { isComplete, sniffFormat } from "../../../src/photos/complete.ts";
import { workDir } from "./fixtures.ts";

let dir = "";
let image: Buffer;
beforeAll(async () => {
	dir = await workDir();
	image = await sharp({
		create: {
			width: 160,
			height: 120,
			channels: 3,
			background: "#000",
			noise: { type: "gaussian", mean: 110, sigma: 30 },
		},
	})
		.png()
		.toBuffer();
});

/** Every format Dateline accepts, as encoders write it, with EXIF (a JPEG's thumbnail holds its own end marker). */
const FORMATS: [name: string, format: string, encode: (s: Sharp) => Sharp][] = [
	["baseline JPEG with EXIF", "JPEG", (s) => s.withExif({ IFD0: { Artist: "A" } }).jpeg()],
	["progressive JPEG", "JPEG", (s) => s.jpeg({ progressive: true })],
	["PNG", "PNG", (s) => s.png()],
	["WebP", "WebP", (s) => s.webp()],
	["lossless WebP", "WebP", (s) => s.webp({ lossless: true })],
	["AVIF", "AVIF", (s) => s.avif({ effort: 0 })],
];

async function check(name: string, bytes: Buffer, format: string): Promise<boolean> {
	const file = path.join(dir, name);
	await writeFile(file, bytes);
	return isComplete(file, format, bytes.length);
}

describe("a photo cut short is found without decoding it", () => {
	test.each(FORMATS)(
		"%s: whole, then cut at a quarter, a half and one byte short",
		async (name, format, encode) => {
			const bytes = await encode(sharp(image)).toBuffer();
			expect(sniffFormat(bytes)).toBe(format);
			expect(await check(`${name}-whole`, bytes, format)).toBe(true);
			for (const keep of [bytes.length >> 2, bytes.length >> 1, bytes.length - 1]) {
				expect(
					await check(`${name}-${String(keep)}`, bytes.subarray(0, keep), format),
					`${String(keep)} of ${String(bytes.length)} bytes`,
				).toBe(false);
			}
		},
	);

	test("data after a whole JPEG (a phone's motion photo) or PNG is no cut", async () => {
		const jpeg = await sharp(image).jpeg().toBuffer();
		const trailer = Buffer.alloc(5000, 7);
		expect(await check("motion.jpg", Buffer.concat([jpeg, trailer]), "JPEG")).toBe(true);
		const png = await sharp(image).png().toBuffer();
		expect(await check("trailing.png", Buffer.concat([png, trailer]), "PNG")).toBe(true);
	});

	test("a cut PNG padded with zeros to its old length is still cut", async () => {
		const png = await sharp(image).png().toBuffer();
		const padded = Buffer.concat([
			png.subarray(0, png.length >> 1),
			Buffer.alloc(png.length - (png.length >> 1)),
		]);
		expect(await check("padded.png", padded, "PNG")).toBe(false);
	});

	test("a format it does not know is not its to judge", async () => {
		expect(await check("other.gif", Buffer.from("GIF89a"), "GIF")).toBe(true);
	});
});
