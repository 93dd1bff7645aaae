import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import {
	SIZES,
	captionCredit,
	cropBox,
	creditText,
	picture,
	preparePhotos,
	publishPhotos,
	summary,
	widthLadder,
	xmpPacket,
	type PhotoCredit,
	type PhotoUse,
	type PipelineOptions,
	type Rendition,
} from "../../src/images.ts";

let dir = "";

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "dateline-images-"));
});

/** Small settings so each test encodes little: two widths, 100 px crops. */
function options(name: string, extra: Partial<PipelineOptions> = {}): PipelineOptions {
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

const AFP: PhotoCredit = { credit: "José Cortez", agency: "AFP", copyright: "© 2018 AFP" };

/** A use of a photo file, as the catalog would hand it over. */
async function use(
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
		source: {
			file: path.join(path.dirname(file), "index.md"),
			display: "content/articles/a/index.md",
			src: path.basename(file),
			lead: true,
		},
		...extra,
	};
}

/** A textured test photo (flat colour compresses unrealistically and tests nothing). */
async function photo(
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
async function squareAt(name: string, x: number, y: number): Promise<string> {
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

async function meanBrightness(file: string): Promise<number> {
	const { channels } = await sharp(file).stats();
	return (channels[0]?.mean ?? 0) + (channels[1]?.mean ?? 0) + (channels[2]?.mean ?? 0);
}

/** IFD0 tags of an EXIF block, and whether it points at GPS data, by tag number. */
function ifd0(exif: Buffer): Map<number, string | number> {
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
const EXIF_ARTIST = 315;
const EXIF_COPYRIGHT = 33432;
const EXIF_MAKE = 271;
const EXIF_GPS = 34853;

describe("widthLadder", () => {
	test.each([
		[2400, [320, 480, 640, 960, 1280, 1600]],
		[1600, [320, 480, 640, 960, 1280, 1600]],
		[1200, [320, 480, 640, 960, 1200]],
		[1000, [320, 480, 640, 1000]],
		[970, [320, 480, 640, 970]],
		[330, [330]],
		[96, [96]],
	])("a %i px photo gets %j: never upscaled, its own width on top", (width, ladder) => {
		expect(widthLadder(width)).toEqual(ladder);
	});
});

describe("cropBox", () => {
	test.each([
		[
			"16:9 centred",
			1800,
			1200,
			[16, 9],
			undefined,
			{ left: 0, top: 94, width: 1800, height: 1013 },
		],
		[
			"16:9 at the top",
			1800,
			1200,
			[16, 9],
			[0.5, 0],
			{ left: 0, top: 0, width: 1800, height: 1013 },
		],
		[
			"1:1 at the right edge",
			1800,
			1200,
			[1, 1],
			[1, 0.5],
			{ left: 600, top: 0, width: 1200, height: 1200 },
		],
		[
			"4:3 of a portrait, low",
			1200,
			1800,
			[4, 3],
			[0.5, 0.9],
			{ left: 0, top: 900, width: 1200, height: 900 },
		],
		[
			"1:1 of a square",
			500,
			500,
			[1, 1],
			[0.2, 0.2],
			{ left: 0, top: 0, width: 500, height: 500 },
		],
	] as const)("%s", (_name, width, height, ratio, focus, box) => {
		expect(cropBox(width, height, ratio, focus)).toEqual(box);
	});
});

describe("captionCredit", () => {
	test.each([
		[
			"The bench. Photo: Yuri Cortez/AFP",
			"The bench.",
			{ credit: "Yuri Cortez", agency: "AFP" },
		],
		["The bench Photo: Yuri Cortez", "The bench", { credit: "Yuri Cortez", agency: undefined }],
		["Photo: Ana Ruiz / Reuters", "", { credit: "Ana Ruiz", agency: "Reuters" }],
		["The bench. photo: Ana Ruiz", "The bench.", { credit: "Ana Ruiz", agency: undefined }],
		["The bench", "The bench", undefined],
		["Photo:", "Photo:", undefined],
		["A Photographer's view", "A Photographer's view", undefined],
		[null, "", undefined],
	])("%j", (title, caption, credit) => {
		expect(captionCredit(title)).toEqual(credit ? { caption, credit } : { caption });
	});
});

describe("xmpPacket", () => {
	test("names the creator, credit line, source and copyright notice of IPTC Core", () => {
		const xmp = xmpPacket(AFP);
		expect(xmp).toContain(
			"<dc:creator><rdf:Seq><rdf:li>José Cortez</rdf:li></rdf:Seq></dc:creator>",
		);
		expect(xmp).toContain("<photoshop:Credit>José Cortez/AFP</photoshop:Credit>");
		expect(xmp).toContain("<photoshop:Source>AFP</photoshop:Source>");
		expect(xmp).toContain('<rdf:li xml:lang="x-default">© 2018 AFP</rdf:li>');
	});

	test("escapes XML and leaves out what was not given", () => {
		const xmp = xmpPacket({ credit: 'A & B <"C">' });
		expect(xmp).toContain("<rdf:li>A &amp; B &lt;&quot;C&quot;&gt;</rdf:li>");
		expect(xmp).not.toContain("photoshop:Source");
		expect(xmp).not.toContain("dc:rights");
		expect(creditText({ credit: "A", agency: "B" })).toBe("A/B");
	});
});

describe("picture", () => {
	const rendition: Rendition = {
		placeholder: "#123456",
		sources: [
			{ type: "image/avif", srcset: "/img/k-64.avif 64w" },
			{ type: "image/webp", srcset: "/img/k-64.webp 64w" },
		],
		fallback: { href: "/img/k-64.jpg", srcset: "/img/k-64.jpg 64w", width: 64, height: 48 },
		crops: [],
	};
	const base = { file: "/x.jpg", width: 640, height: 480, format: "JPEG", href: "/a/x.jpg" };

	test("the lead photo loads eagerly with high priority, AVIF first, then WebP and the JPEG", () => {
		expect(
			picture({ ...base, rendition }, 'a "quoted" <alt>', {
				sizes: SIZES.lead,
				eager: true,
			}).toString(),
		).toBe(
			`<picture><source type="image/avif" srcset="/img/k-64.avif 64w" sizes="${SIZES.lead}"><source type="image/webp" srcset="/img/k-64.webp 64w" sizes="${SIZES.lead}"><img src="/img/k-64.jpg" srcset="/img/k-64.jpg 64w" sizes="${SIZES.lead}" alt="a &quot;quoted&quot; &lt;alt&gt;" width="64" height="48" loading="eager" fetchpriority="high" style="background-color:#123456"></picture>`,
		);
	});

	test("other photos load lazily and decode off the main thread; a focus positions a cropped card", () => {
		const out = picture({ ...base, rendition }, "", {
			sizes: SIZES.card,
			focus: [0.25, 0.8],
		}).toString();
		expect(out).toContain('loading="lazy" decoding="async"');
		expect(out).not.toContain("fetchpriority");
		expect(out).toContain('style="background-color:#123456;object-position:25% 80%"');
	});

	test("before the pipeline has run, a plain sized <img> of the file", () => {
		expect(picture(base, "x", { sizes: SIZES.inline }).toString()).toBe(
			'<img src="/a/x.jpg" alt="x" width="640" height="480" loading="lazy" decoding="async">',
		);
	});
});

describe("preparePhotos and publishPhotos", () => {
	test("make the ladder in AVIF, WebP and JPEG, never upscaled, with crops and a placeholder", async () => {
		const file = await photo("ladder.jpg", 300, 200);
		const opts = options("ladder", { widths: [64, 128, 1600] });
		const lead = await use(file);
		const prepared = await preparePhotos([lead], opts, dir);
		expect(prepared.problems).toEqual([]);
		const rendition = prepared.renditions.get(lead);
		const key = /\/img\/([0-9a-f]{16})-300\.jpg/.exec(rendition?.fallback.href ?? "")?.[1];
		expect(key).toBeDefined();
		expect(rendition?.sources).toEqual([
			{
				type: "image/avif",
				srcset: `/img/${String(key)}-64.avif 64w, /img/${String(key)}-128.avif 128w, /img/${String(key)}-300.avif 300w`,
			},
			{
				type: "image/webp",
				srcset: `/img/${String(key)}-64.webp 64w, /img/${String(key)}-128.webp 128w, /img/${String(key)}-300.webp 300w`,
			},
		]);
		expect(rendition?.fallback).toEqual({
			href: `/img/${String(key)}-300.jpg`,
			srcset: `/img/${String(key)}-64.jpg 64w, /img/${String(key)}-128.jpg 128w, /img/${String(key)}-300.jpg 300w`,
			width: 300,
			height: 200,
		});
		expect(rendition?.placeholder).toMatch(/^#[0-9a-f]{6}$/);
		expect(rendition?.crops.map((c) => [c.ratio, c.width, c.height])).toEqual([
			["16:9", 100, 56],
			["4:3", 100, 75],
			["1:1", 100, 100],
		]);
		expect(rendition?.crops[0]?.href).toMatch(/^\/img\/[0-9a-f]{16}-16x9-100\.jpg$/);

		const output = path.join(dir, "ladder", "_site");
		expect(await publishPhotos(prepared, output)).toBe(12);
		expect((await readdir(path.join(output, "img"))).length).toBe(12);
		expect(lead.photo.rendition).toBe(rendition);
		expect(lead.photo.href).toBe(rendition?.fallback.href);
		const crop = await sharp(path.join(output, rendition?.crops[2]?.href ?? "")).metadata();
		expect([crop.format, crop.width, crop.height]).toEqual(["jpeg", 100, 100]);
	});

	test("write the credit into every file's XMP and EXIF; apply the orientation; drop location and camera", async () => {
		const file = await photo("turned.jpg", 240, 160, (s) =>
			s
				.jpeg()
				.withMetadata({ orientation: 6 })
				.withExifMerge({
					IFD0: { Make: "Canon", Model: "EOS R5" },
					IFD3: { GPSLatitudeRef: "N", GPSLatitude: "19/1 25/1 0/1" },
				}),
		);
		const before = await sharp(file).metadata();
		expect(ifd0(before.exif ?? Buffer.alloc(0)).has(EXIF_GPS)).toBe(true);
		const lead = await use(file);
		expect([lead.photo.width, lead.photo.height]).toEqual([160, 240]);
		const prepared = await preparePhotos([lead], options("metadata"), dir);
		const output = path.join(dir, "metadata", "_site");
		await publishPhotos(prepared, output);
		const rendition = prepared.renditions.get(lead);
		const files = [
			rendition?.fallback.href,
			...(rendition?.sources.map((s) => s.srcset.split(" ")[0]) ?? []),
			rendition?.crops[0]?.href,
		];
		expect(files.map((f) => path.extname(f ?? ""))).toEqual([".jpg", ".avif", ".webp", ".jpg"]);
		for (const href of files) {
			const meta = await sharp(path.join(output, href ?? "")).metadata();
			const xmp = meta.xmp?.toString("utf8") ?? "";
			expect(xmp, href).toContain("<rdf:li>José Cortez</rdf:li>");
			expect(xmp, href).toContain("<photoshop:Credit>José Cortez/AFP</photoshop:Credit>");
			expect(xmp, href).toContain("© 2018 AFP");
			const exif = ifd0(meta.exif ?? Buffer.alloc(0));
			// libexif writes EXIF text as ASCII; the XMP above keeps the exact spelling.
			expect(exif.get(EXIF_ARTIST), href).toBe("Jose Cortez/AFP");
			expect(exif.get(EXIF_COPYRIGHT), href).toBe("(C) 2018 AFP");
			expect(exif.has(EXIF_MAKE), href).toBe(false);
			expect(exif.has(EXIF_GPS), href).toBe(false);
			expect(meta.orientation ?? 1, href).toBe(1);
		}
		const largest = await sharp(path.join(output, rendition?.fallback.href ?? "")).metadata();
		expect([largest.width, largest.height]).toEqual([128, 192]);
	});

	test("encode the same bytes under two names, in two articles, once", async () => {
		const first = await photo("agency.jpg", 200, 150);
		const second = path.join(dir, "agency-copy.jpg");
		await writeFile(second, await readFile(first));
		const uses = [await use(first), await use(second), await use(second, { crops: false })];
		const prepared = await preparePhotos(uses, options("dedupe"), dir);
		expect(prepared.stats).toMatchObject({ photos: 1, uses: 3, encoded: 1, files: 9 });
		const [a, b, c] = uses.map((u) => prepared.renditions.get(u));
		expect(b).toEqual(a);
		expect(c?.fallback).toEqual(a?.fallback);
		expect(c?.crops).toEqual([]);
	});

	test("a different credit on the same bytes is a different photo: the credit is in the files", async () => {
		const file = await photo("shared.jpg", 200, 150);
		const uses = [await use(file), await use(file, { credit: { credit: "Ana Ruiz" } })];
		const prepared = await preparePhotos(uses, options("credits"), dir);
		expect(prepared.stats).toMatchObject({ photos: 2, encoded: 2 });
		const [a, b] = uses.map((u) => prepared.renditions.get(u)?.fallback.href);
		expect(a).not.toBe(b);
	});

	test("the second run encodes nothing; a deleted site is filled from the cache; a damaged entry is made again", async () => {
		const file = await photo("cached.jpg", 200, 150);
		const opts = options("cache");
		const output = path.join(dir, "cache", "_site");
		const first = await preparePhotos([await use(file)], opts, dir);
		expect(first.stats).toMatchObject({ encoded: 1, cached: 0, files: 9 });
		await publishPhotos(first, output);

		const again = await use(file);
		const second = await preparePhotos([again], opts, dir);
		expect(second.stats).toMatchObject({ photos: 1, encoded: 0, cached: 1, files: 0 });
		expect(await publishPhotos(second, output)).toBe(0);
		expect(second.renditions.get(again)).toEqual([...first.renditions.values()][0]);

		await rm(output, { recursive: true });
		const third = await preparePhotos([await use(file)], opts, dir);
		expect(third.stats).toMatchObject({ encoded: 0, files: 0 });
		expect(await publishPhotos(third, output)).toBe(9);

		const key = /([0-9a-f]{16})-\d+\.jpg$/.exec(
			third.renditions.values().next().value?.fallback.href ?? "",
		)?.[1];
		await truncate(path.join(opts.cacheDir, String(key), `${String(key)}-64.avif`), 10);
		const fourth = await preparePhotos([await use(file)], opts, dir);
		expect(fourth.stats).toMatchObject({ encoded: 1, files: 6 });
	});

	test("crops keep the editor's focus in frame; without one, sharp's attention finds the subject", async () => {
		const file = await squareAt("square.jpg", 10, 10);
		const opts = options("focus", { cropWidth: 200 });
		const output = path.join(dir, "focus", "_site");
		const uses = [
			await use(file, { focus: [0.1, 0.2] }),
			await use(file, { focus: [0.9, 0.5] }),
			await use(file),
		];
		const prepared = await preparePhotos(uses, opts, dir);
		await publishPhotos(prepared, output);
		const square = async (u: PhotoUse | undefined) => {
			const crop = prepared.renditions
				.get(u as PhotoUse)
				?.crops.find((c) => c.ratio === "1:1");
			expect([crop?.width, crop?.height]).toEqual([200, 200]);
			return meanBrightness(path.join(output, crop?.href ?? ""));
		};
		// Another article giving the same focus shares those crops (equal values, not the same array).
		const again = await use(file, { focus: [0.1, 0.2] });
		const shared = await preparePhotos([...uses, again], opts, dir);
		expect(shared.renditions.get(again)?.crops).toEqual(
			shared.renditions.get(uses[0] as PhotoUse)?.crops,
		);
		expect(shared.renditions.get(again)?.crops).toHaveLength(3);
		const [towards, away, attention] = await Promise.all(uses.map(square));
		// The white square is 60 x 60 of a 200 x 200 crop: about 9% of it, 0.09 * 765 ≈ 70 brighter.
		expect(towards).toBeGreaterThan(150);
		expect(away).toBeLessThan(100);
		expect(attention).toBeGreaterThan(150);
		expect(prepared.stats).toMatchObject({ photos: 1, files: 6 + 9 });
	});

	test("a photo that cannot be decoded is a content problem naming the article, line and file", async () => {
		const good = await photo("good.jpg", 200, 150);
		const broken = await photo("broken.jpg", 400, 300);
		await truncate(broken, 2000);
		await writeFile(
			path.join(dir, "index.md"),
			"---\ntitle: A story\nimage:\n  src: broken.jpg\n  alt: x\n---\n\n![Body](broken.jpg)\n",
		);
		const inBody = await use(broken, { crops: false });
		inBody.source = { ...inBody.source, lead: false };
		const uses = [await use(good), await use(broken), inBody];
		const prepared = await preparePhotos(uses, options("errors"), dir);
		expect(prepared.problems).toEqual([
			{
				file: "content/articles/a/index.md",
				line: 4,
				message: expect.stringMatching(
					/^`image\.src` names broken\.jpg, which could not be processed: its image data is damaged or cut short( \(premature end of JPEG image\))?; export it again as JPEG, PNG, WebP or AVIF$/,
				) as string,
			},
			{
				file: "content/articles/a/index.md",
				line: 8,
				message: expect.stringMatching(
					/^the body photo broken\.jpg \(broken\.jpg\), which could not be processed: /,
				) as string,
			},
		]);
		expect(prepared.renditions.get(uses[0] as PhotoUse)).toBeDefined();
		expect(prepared.renditions.get(uses[1] as PhotoUse)).toBeUndefined();
	});

	test("a photo above the pixel limit is refused with the limit named", async () => {
		const file = await photo("wide.jpg", 400, 300);
		const prepared = await preparePhotos(
			[await use(file)],
			options("limit", { maxPixels: 100_000 }),
			dir,
		);
		expect(prepared.problems[0]?.message).toContain(
			"could not be processed: it is larger than 0 megapixels, the most Dateline accepts, so export a smaller version",
		);
	});

	test("a 30-megapixel photo builds in bounded memory", async () => {
		const file = path.join(dir, "30mp.jpg");
		await sharp({
			create: {
				width: 600,
				height: 500,
				channels: 3,
				background: "#000000",
				noise: { type: "gaussian", mean: 110, sigma: 30 },
			},
		})
			.resize(6000, 5000)
			.jpeg()
			.toFile(file);
		expect((await sharp(file).metadata()).width).toBe(6000);
		let peak = 0;
		const before = process.memoryUsage().rss;
		const timer = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().rss - before);
		}, 5);
		const prepared = await preparePhotos([await use(file)], options("big"), dir);
		clearInterval(timer);
		expect(prepared.problems).toEqual([]);
		expect(prepared.stats.files).toBe(9);
		// Decoded whole, 30 MP of RGB is 90 MB; shrink-on-load keeps the decode far below that.
		expect(peak).toBeLessThan(200 * 1024 * 1024);
	}, 30_000);

	test("report progress as photos finish, and a one-line summary", async () => {
		const files = [await photo("p1.jpg", 100, 80), await photo("p2.jpg", 120, 80)];
		const ticks: [number, number][] = [];
		const prepared = await preparePhotos(
			await Promise.all(files.map((f) => use(f, { crops: false }))),
			options("progress", { onProgress: (done, total) => ticks.push([done, total]) }),
			dir,
		);
		expect(ticks).toEqual([
			[0, 2],
			[1, 2],
			[2, 2],
		]);
		expect(summary({ ...prepared.stats, ms: 1234 })).toBe(
			"Photos: 2 photos (2 uses): 2 encoded (12 files), 0 from the cache; 1.2 s",
		);
	});
});
