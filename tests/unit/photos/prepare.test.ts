/** The photo pipeline end to end on real photos: encode, cache, credit metadata, problems. */
import { readFile, readdir, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { preparePhotos } from "../../../src/photos/prepare.ts";
import { summary } from "../../../src/photos/progress.ts";
import { publishPhotos } from "../../../src/photos/publish.ts";
import type { PhotoUse } from "../../../src/photos/types.ts";
import {
	EXIF_ARTIST,
	EXIF_COPYRIGHT,
	EXIF_GPS,
	EXIF_MAKE,
	ifd0,
	meanBrightness,
	options,
	photo,
	squareAt,
	use,
	workDir,
} from "./fixtures.ts";

let dir = "";

beforeAll(async () => {
	dir = await workDir();
});

describe("preparePhotos and publishPhotos", () => {
	test("make the ladder in AVIF, WebP and JPEG, never upscaled, with crops and a placeholder", async () => {
		const file = await photo(dir, "ladder.jpg", 300, 200);
		const opts = options(dir, "ladder", { widths: [64, 128, 1600] });
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
		expect(await publishPhotos(prepared, path.join(output, "img"))).toBe(12);
		expect((await readdir(path.join(output, "img"))).length).toBe(12);
		expect(lead.photo.rendition).toBe(rendition);
		expect(lead.photo.href).toBe(rendition?.fallback.href);
		const crop = await sharp(path.join(output, rendition?.crops[2]?.href ?? "")).metadata();
		expect([crop.format, crop.width, crop.height]).toEqual(["jpeg", 100, 100]);
	});

	test("write the credit into every file's XMP and EXIF; apply the orientation; drop location and camera", async () => {
		const file = await photo(dir, "turned.jpg", 240, 160, (s) =>
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
		const prepared = await preparePhotos([lead], options(dir, "metadata"), dir);
		const output = path.join(dir, "metadata", "_site");
		await publishPhotos(prepared, path.join(output, "img"));
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
		const first = await photo(dir, "agency.jpg", 200, 150);
		const second = path.join(dir, "agency-copy.jpg");
		await writeFile(second, await readFile(first));
		const uses = [await use(first), await use(second), await use(second, { crops: false })];
		const prepared = await preparePhotos(uses, options(dir, "dedupe"), dir);
		expect(prepared.stats).toMatchObject({ photos: 1, uses: 3, encoded: 1, files: 9 });
		const [a, b, c] = uses.map((u) => prepared.renditions.get(u));
		expect(b).toEqual(a);
		expect(c?.fallback).toEqual(a?.fallback);
		expect(c?.crops).toEqual([]);
	});

	test("a different credit on the same bytes is a different photo: the credit is in the files", async () => {
		const file = await photo(dir, "shared.jpg", 200, 150);
		const uses = [await use(file), await use(file, { credit: { credit: "Ana Ruiz" } })];
		const prepared = await preparePhotos(uses, options(dir, "credits"), dir);
		expect(prepared.stats).toMatchObject({ photos: 2, encoded: 2 });
		const [a, b] = uses.map((u) => prepared.renditions.get(u)?.fallback.href);
		expect(a).not.toBe(b);
	});

	test("the second run encodes nothing; a deleted site is filled from the cache; a damaged entry is made again", async () => {
		const file = await photo(dir, "cached.jpg", 200, 150);
		const opts = options(dir, "cache");
		const output = path.join(dir, "cache", "_site");
		const first = await preparePhotos([await use(file)], opts, dir);
		expect(first.stats).toMatchObject({ encoded: 1, cached: 0, files: 9 });
		await publishPhotos(first, path.join(output, "img"));

		const again = await use(file);
		const second = await preparePhotos([again], opts, dir);
		expect(second.stats).toMatchObject({ photos: 1, encoded: 0, cached: 1, files: 0 });
		expect(await publishPhotos(second, path.join(output, "img"))).toBe(0);
		expect(second.renditions.get(again)).toEqual([...first.renditions.values()][0]);

		await rm(output, { recursive: true });
		const third = await preparePhotos([await use(file)], opts, dir);
		expect(third.stats).toMatchObject({ encoded: 0, files: 0 });
		expect(await publishPhotos(third, path.join(output, "img"))).toBe(9);

		const key = /([0-9a-f]{16})-\d+\.jpg$/.exec(
			third.renditions.values().next().value?.fallback.href ?? "",
		)?.[1];
		await truncate(path.join(opts.cacheDir, String(key), `${String(key)}-64.avif`), 10);
		const fourth = await preparePhotos([await use(file)], opts, dir);
		expect(fourth.stats).toMatchObject({ encoded: 1, files: 6 });
	});

	test("crops keep the editor's focus in frame; without one, sharp's attention finds the subject", async () => {
		const file = await squareAt(dir, "square.jpg", 10, 10);
		const opts = options(dir, "focus", { cropWidth: 200 });
		const output = path.join(dir, "focus", "_site");
		const uses = [
			await use(file, { focus: [0.1, 0.2] }),
			await use(file, { focus: [0.9, 0.5] }),
			await use(file),
		];
		const prepared = await preparePhotos(uses, opts, dir);
		await publishPhotos(prepared, path.join(output, "img"));
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
		const good = await photo(dir, "good.jpg", 200, 150);
		const broken = await photo(dir, "broken.jpg", 400, 300);
		await truncate(broken, 2000);
		const inBody = await use(broken, {
			crops: false,
			where: {
				file: "content/articles/a/index.md",
				subject: "the body photo ![Body](broken.jpg)",
				line: () => 8,
			},
		});
		const uses = [await use(good), await use(broken), inBody];
		const prepared = await preparePhotos(uses, options(dir, "errors"), dir);
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
					/^the body photo !\[Body\]\(broken\.jpg\) names broken\.jpg, which could not be processed: /,
				) as string,
			},
		]);
		expect(prepared.renditions.get(uses[0] as PhotoUse)).toBeDefined();
		expect(prepared.renditions.get(uses[1] as PhotoUse)).toBeUndefined();
	});

	test("a photo above the pixel limit is refused with the limit named", async () => {
		const file = await photo(dir, "wide.jpg", 400, 300);
		const prepared = await preparePhotos(
			[await use(file)],
			options(dir, "limit", { maxPixels: 100_000 }),
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
		const prepared = await preparePhotos([await use(file)], options(dir, "big"), dir);
		clearInterval(timer);
		expect(prepared.problems).toEqual([]);
		expect(prepared.stats.files).toBe(9);
		// Decoded whole, 30 MP of RGB is 90 MB, and the master would hold all of it (measured:
		// 135 MB with the master's resize removed); shrink-on-load keeps this run near 17 MB.
		expect(peak).toBeLessThan(60 * 1024 * 1024);
	}, 30_000);

	test("report progress as photos finish, and a one-line summary", async () => {
		const files = [await photo(dir, "p1.jpg", 100, 80), await photo(dir, "p2.jpg", 120, 80)];
		const ticks: [number, number][] = [];
		const prepared = await preparePhotos(
			await Promise.all(files.map((f) => use(f, { crops: false }))),
			options(dir, "progress", { onProgress: (done, total) => ticks.push([done, total]) }),
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
