/**
 * `npm run bench:photos`: Dateline's photo pipeline against the floor, a plain sharp script
 * that makes the same files in the same run (each photo decoded once to the same master, the
 * same widths, formats, settings, crops and concurrency; no hashing, no credit metadata, no
 * cache, no copy into the site), per distinct photo; then the whole set cold and warm, and
 * @11ty/eleventy-img 7 on the same set, called once per use as each page bundle would.
 *
 *   --repeat N           best of N timings per photo (default 2)
 *   --no-eleventy-img    skip the eleventy-img reference run
 *   --archive N          distinct photos for the archive-scale figures (default 20000)
 *   --articles N         articles for the HTML site's size per article (default 2000)
 *   --no-archive         skip the archive-scale figures and the 50,000-photo plan
 *   --sweep              AVIF effort x quality: bytes, time and SSIM against the JPEG fallback
 *     --efforts 2,3,4 --qualities 45,50,55,60,65 --webp 80   the grid it sweeps
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import eleventyImage from "@11ty/eleventy-img";
import sharp, { type Sharp } from "sharp";
import { preparePhotos } from "../src/photos/prepare.ts";
import { publishPhotos } from "../src/photos/publish.ts";
import {
	AVIF,
	CROP_RATIOS,
	CROP_WIDTH,
	JPEG,
	WEBP,
	WIDTHS,
	cropBox,
	masterWidth,
	widthLadder,
} from "../src/photos/settings.ts";
import type { PhotoUse, PipelineOptions } from "../src/photos/types.ts";
import { random } from "./archive.ts";
import { scaleReport } from "./photos-scale.ts";

// eleventy-img ships no types; this is the one call the benchmark makes.
const Image = eleventyImage as unknown as (src: string, options: object) => Promise<unknown>;
const ROOT = path.resolve(import.meta.dirname, "..");
const OSORIO = path.join(ROOT, "content/articles/osorio-to-leave-mexico/osorio.jpg");
const args = process.argv.slice(2);
const REPEAT = Number(args[args.indexOf("--repeat") + 1]) || 2;
const CONCURRENCY = os.availableParallelism();
const list = (flag: string, fallback: number[]) => {
	const at = args.indexOf(flag);
	return at >= 0 ? (args[at + 1] ?? "").split(",").map(Number) : fallback;
};

/** The generated set: sizes and formats a newsroom meets, some used by several articles. */
const SET: {
	name: string;
	width: number;
	height: number;
	format: "jpeg" | "png" | "webp" | "avif";
	uses: number;
	orientation?: number;
}[] = [
	{ name: "osorio (the stand-in)", width: 2400, height: 1600, format: "jpeg", uses: 5 },
	{ name: "agency 2400", width: 2400, height: 1600, format: "jpeg", uses: 4 },
	{ name: "agency 4000", width: 4000, height: 2667, format: "jpeg", uses: 2 },
	{ name: "camera 30 MP", width: 6000, height: 5000, format: "jpeg", uses: 1 },
	{
		name: "portrait, EXIF 6",
		width: 2400,
		height: 1600,
		format: "jpeg",
		uses: 2,
		orientation: 6,
	},
	{ name: "graphic PNG 1024", width: 1024, height: 683, format: "png", uses: 2 },
	{ name: "wire WebP 3000", width: 3000, height: 2000, format: "webp", uses: 1 },
	{ name: "phone AVIF 2016", width: 2016, height: 1512, format: "avif", uses: 1 },
];

/**
 * A photo-like image: smooth light and colour, texture at two scales, hard-edged objects and
 * sensor grain. Flat synthetic images compress far better than photos and would flatter AVIF.
 */
async function photoLike(width: number, height: number, seed: number): Promise<Sharp> {
	const rand = random(seed);
	const layer = async (cell: number, channels: 1 | 3, contrast = 1) => {
		const w = Math.max(2, Math.ceil(width / cell));
		const h = Math.max(2, Math.ceil(height / cell));
		const data = Buffer.alloc(w * h * channels);
		for (let i = 0; i < data.length; i++) data[i] = Math.floor(rand() * 256);
		return sharp(data, { raw: { width: w, height: h, channels } })
			.resize(width, height, { kernel: "cubic", fit: "fill" })
			.linear(contrast, 128 * (1 - contrast))
			.toColourspace("srgb")
			.png({ compressionLevel: 0 })
			.toBuffer();
	};
	const shapes: string[] = [];
	for (let k = 0; k < 10; k++) {
		const [x, y, r] = [rand() * width, rand() * height, (0.03 + rand() * 0.1) * width];
		const fill = `rgb(${[0, 0, 0].map(() => String(Math.floor(40 + rand() * 160))).join(",")})`;
		shapes.push(
			k % 2
				? `<circle cx="${String(x)}" cy="${String(y)}" r="${String(r)}" fill="${fill}" fill-opacity="0.85"/>`
				: `<rect x="${String(x)}" y="${String(y)}" width="${String(r)}" height="${String(r * 1.5)}" fill="${fill}"/>`,
		);
	}
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}">${shapes.join("")}</svg>`;
	const grain = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: "#000000",
			noise: { type: "gaussian", mean: 128, sigma: 8 },
		},
	})
		.png({ compressionLevel: 0 })
		.toBuffer();
	const composed = await sharp(await layer(300, 3))
		.composite([
			{ input: await layer(60, 1), blend: "soft-light" },
			{ input: await layer(10, 1, 0.35), blend: "soft-light" },
			{ input: Buffer.from(svg) },
			{ input: grain, blend: "soft-light" },
		])
		.modulate({ saturation: 0.45 })
		.png({ compressionLevel: 0 })
		.toBuffer();
	return sharp(composed);
}

interface Generated {
	spec: (typeof SET)[number];
	/** One file per use, in its own article folder: same bytes, different paths. */
	files: string[];
	bytes: number;
	width: number;
	height: number;
}

async function generate(dir: string): Promise<Generated[]> {
	const out: Generated[] = [];
	for (const [i, spec] of SET.entries()) {
		const ext = spec.format === "jpeg" ? "jpg" : spec.format;
		const first = path.join(dir, "articles", `story-${String(i)}-0`, `photo.${ext}`);
		await mkdir(path.dirname(first), { recursive: true });
		if (i === 0) await copyFile(OSORIO, first);
		else {
			let image = await photoLike(spec.width, spec.height, i + 1);
			if (spec.orientation) image = image.withMetadata({ orientation: spec.orientation });
			await image.toFormat(spec.format, { quality: 92 }).toFile(first);
		}
		const files = [first];
		for (let u = 1; u < spec.uses; u++) {
			const copy = path.join(
				dir,
				"articles",
				`story-${String(i)}-${String(u)}`,
				`photo.${ext}`,
			);
			await mkdir(path.dirname(copy), { recursive: true });
			await copyFile(first, copy);
			files.push(copy);
		}
		const turned = (spec.orientation ?? 1) >= 5;
		out.push({
			spec,
			files,
			bytes: (await stat(first)).size,
			width: turned ? spec.height : spec.width,
			height: turned ? spec.width : spec.height,
		});
	}
	return out;
}

/** The uses of one generated photo: its first use is a lead photo, every other one a body photo. */
function usesOf(g: Generated): PhotoUse[] {
	return g.files.map((file, u) => ({
		photo: { file, width: g.width, height: g.height, format: g.spec.format.toUpperCase() },
		credit: { credit: "Yuri Cortez", agency: "AFP", copyright: "© 2018 AFP" },
		crops: u % 2 === 0,
		where: { file, subject: "`image.src`", line: () => undefined },
	}));
}

function pipelineOptions(cacheDir: string): PipelineOptions {
	return {
		cacheDir,
		urlPath: "/img/",
		widths: WIDTHS,
		cropWidth: CROP_WIDTH,
		avif: AVIF,
		webp: WEBP,
		jpeg: JPEG,
		concurrency: CONCURRENCY,
		maxPixels: 100_000_000,
	};
}

function limiter(n: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(fn: () => Promise<T>): Promise<T> => {
		if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
		active++;
		try {
			return await fn();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}

/** The floor: the same decode and encodes in plain sharp, written straight to a folder. */
async function floor(g: Generated, outDir: string): Promise<number> {
	const slots = limiter(CONCURRENCY);
	const crops = usesOf(g).some((u) => u.crops);
	const options = { widths: WIDTHS, cropWidth: CROP_WIDTH };
	const { data, info } = await slots(() =>
		sharp(g.files[0], { autoOrient: true })
			.resize({
				width: masterWidth(g.width, g.height, options),
				withoutEnlargement: true,
			})
			.flatten({ background: "#ffffff" })
			.toColourspace("srgb")
			.raw({ depth: "uchar" })
			.toBuffer({ resolveWithObject: true }),
	);
	const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
	const jobs: { cost: number; run: () => Promise<unknown> }[] = [];
	const cost = { avif: 8, webp: 1.5, jpeg: 1 };
	for (const width of widthLadder(info.width, WIDTHS)) {
		for (const format of ["avif", "webp", "jpeg"] as const) {
			const file = path.join(outDir, `${String(width)}.${format}`);
			const encode = (s: Sharp) =>
				format === "avif" ? s.avif(AVIF) : format === "webp" ? s.webp(WEBP) : s.jpeg(JPEG);
			jobs.push({
				cost: cost[format] * width * width,
				run: () => encode(sharp(data, raw).resize(width)).toFile(file),
			});
		}
	}
	if (crops) {
		for (const [ratio, rw, rh] of CROP_RATIOS) {
			const box = cropBox(info.width, info.height, [rw, rh]);
			const width = Math.min(CROP_WIDTH, box.width);
			const height = Math.round((width * rh) / rw);
			jobs.push({
				cost: width * height,
				run: () =>
					sharp(data, raw)
						.resize(width, height, { fit: "cover", position: sharp.strategy.attention })
						.jpeg(JPEG)
						.toFile(path.join(outDir, `crop-${ratio.replace(":", "x")}.jpg`)),
			});
		}
	}
	jobs.sort((a, b) => b.cost - a.cost);
	await Promise.all(jobs.map((j) => slots(j.run)));
	return jobs.length;
}

/**
 * Counts encodes by every sharp user in this process (Dateline, eleventy-img), by wrapping
 * `toFile` on the prototype they share: output names alone hide duplicate encodes, which
 * overwrite the same hashed file.
 */
function countEncodes(): { stop: () => number } {
	const proto = Object.getPrototypeOf(sharp()) as { toFile: (...a: unknown[]) => unknown };
	const original = proto.toFile;
	let count = 0;
	proto.toFile = function (this: unknown, ...a: unknown[]) {
		count++;
		return original.apply(this, a);
	};
	return {
		stop: () => {
			proto.toFile = original;
			return count;
		},
	};
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const started = performance.now();
	const result = await fn();
	return [performance.now() - started, result];
}

function table(head: string[], rows: (string | number)[][], right = new Set<number>()): string {
	const cells = [head, ...rows.map((r) => r.map(String))];
	const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
	const line = (r: string[]) =>
		r
			.map((cell, c) =>
				right.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
			)
			.join("  ")
			.trimEnd();
	return [
		line(head),
		widths.map((w) => "-".repeat(w)).join("  "),
		...cells.slice(1).map(line),
	].join("\n");
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** Mean SSIM of luma over 8 x 8 windows (stride 4): enough to compare encoders at one size. */
function ssim(a: Buffer, b: Buffer, width: number, height: number): number {
	const luma = (buf: Buffer) => {
		const y = new Float64Array(width * height);
		for (let i = 0; i < y.length; i++) {
			y[i] =
				0.299 * (buf[i * 3] ?? 0) +
				0.587 * (buf[i * 3 + 1] ?? 0) +
				0.114 * (buf[i * 3 + 2] ?? 0);
		}
		return y;
	};
	const [ya, yb] = [luma(a), luma(b)];
	const [c1, c2] = [(0.01 * 255) ** 2, (0.03 * 255) ** 2];
	let sum = 0;
	let n = 0;
	for (let by = 0; by + 8 <= height; by += 4) {
		for (let bx = 0; bx + 8 <= width; bx += 4) {
			let [ma, mb, va, vb, cov] = [0, 0, 0, 0, 0];
			for (let y = 0; y < 8; y++) {
				for (let x = 0; x < 8; x++) {
					const i = (by + y) * width + bx + x;
					ma += ya[i] ?? 0;
					mb += yb[i] ?? 0;
				}
			}
			ma /= 64;
			mb /= 64;
			for (let y = 0; y < 8; y++) {
				for (let x = 0; x < 8; x++) {
					const i = (by + y) * width + bx + x;
					const [da, db] = [(ya[i] ?? 0) - ma, (yb[i] ?? 0) - mb];
					va += da * da;
					vb += db * db;
					cov += da * db;
				}
			}
			[va, vb, cov] = [va / 63, vb / 63, cov / 63];
			sum +=
				((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
			n++;
		}
	}
	return sum / n;
}

/** AVIF effort x quality over the ladder of three photos, against WebP and the JPEG fallback. */
async function sweep(set: Generated[]): Promise<void> {
	const photos = set.slice(0, 3);
	const refs = await Promise.all(
		photos.map(async (g) => {
			const { data, info } = await sharp(g.files[0], { autoOrient: true })
				.resize({ width: Math.min(1600, g.width) })
				.toColourspace("srgb")
				.raw()
				.toBuffer({ resolveWithObject: true });
			return widthLadder(info.width, WIDTHS).map((width) => ({ data, info, width }));
		}),
	);
	const rows: (string | number)[][] = [];
	const measure = async (label: string, encode: (s: Sharp) => Sharp) => {
		let [bytes, ms, score, count] = [0, 0, 0, 0];
		for (const ladder of refs) {
			for (const { data, info, width } of ladder) {
				const raw = {
					raw: { width: info.width, height: info.height, channels: 3 as const },
				};
				const ref = await sharp(data, raw)
					.resize(width)
					.raw()
					.toBuffer({ resolveWithObject: true });
				const refRaw = {
					raw: { width: ref.info.width, height: ref.info.height, channels: 3 as const },
				};
				const [t, out] = await timed(() => encode(sharp(ref.data, refRaw)).toBuffer());
				const back = await sharp(out).removeAlpha().raw().toBuffer();
				bytes += out.length;
				ms += t;
				score += ssim(ref.data, back, ref.info.width, ref.info.height);
				count++;
			}
		}
		rows.push([label, kb(bytes), s(ms), (score / count).toFixed(4)]);
		console.log(`  ${label}`);
	};
	console.log("\nAVIF sweep (ladder of 3 photos, one encode at a time):");
	await measure(`jpeg mozjpeg q${String(JPEG.quality)}`, (x) => x.jpeg(JPEG));
	for (const quality of list("--webp", [WEBP.quality])) {
		await measure(`webp q${String(quality)}`, (x) => x.webp({ ...WEBP, quality }));
	}
	for (const effort of list("--efforts", [2, 3, 4])) {
		for (const quality of list("--qualities", [45, 50, 55, 60, 65])) {
			await measure(`avif e${String(effort)} q${String(quality)}`, (x) =>
				x.avif({ ...AVIF, effort, quality }),
			);
		}
	}
	console.log(`\n${table(["encoding", "KB", "s", "SSIM"], rows, new Set([1, 2, 3]))}`);
}

async function main(): Promise<void> {
	const dir = await mkdtemp(path.join(os.tmpdir(), "dateline-bench-"));
	console.log(
		`Dateline photo benchmark: sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${String(CONCURRENCY)} cores, ${os.cpus()[0]?.model ?? ""}`,
	);
	console.log(
		`AVIF ${JSON.stringify(AVIF)}, WebP ${JSON.stringify(WEBP)}, JPEG ${JSON.stringify(JPEG)}, widths ${WIDTHS.join(" ")}, crops ${String(CROP_WIDTH)} px`,
	);
	console.log(`generating ${String(SET.length)} photos in ${dir} ...`);
	// In a child process, so the peak memory reported at the end is the pipeline's alone.
	const child = spawnSync(process.execPath, [import.meta.filename, "--generate", dir], {
		stdio: "inherit",
	});
	if (child.status !== 0) throw new Error("generating the photos failed");
	const set = JSON.parse(await readFile(path.join(dir, "set.json"), "utf8")) as Generated[];
	if (args.includes("--sweep")) {
		await sweep(set);
		await rm(dir, { recursive: true, force: true });
		return;
	}

	// Per distinct photo: the floor and Dateline, alternating, best of REPEAT.
	const rows: (string | number)[][] = [];
	const bytesRows: (string | number)[][] = [];
	let [floorTotal, datelineTotal] = [0, 0];
	const total = { source: 0, avif: 0, webp: 0, jpeg: 0 };
	for (const [i, g] of set.entries()) {
		let [best, bestFloor, files] = [Infinity, Infinity, 0];
		let prepared: Awaited<ReturnType<typeof preparePhotos>> | undefined;
		for (let r = 0; r < REPEAT; r++) {
			const floorDir = path.join(dir, "floor", `${String(i)}-${String(r)}`);
			await mkdir(floorDir, { recursive: true });
			const [tf, n] = await timed(() => floor(g, floorDir));
			bestFloor = Math.min(bestFloor, tf);
			files = n;
			const run = path.join(dir, "dateline", `${String(i)}-${String(r)}`);
			const [td, result] = await timed(async () => {
				const p = await preparePhotos(
					usesOf(g),
					pipelineOptions(path.join(run, "cache")),
					dir,
				);
				await publishPhotos(p, path.join(run, "_site", "img"));
				return p;
			});
			best = Math.min(best, td);
			prepared = result;
		}
		floorTotal += bestFloor;
		datelineTotal += best;
		rows.push([
			g.spec.name,
			`${String(g.width)}x${String(g.height)} ${g.spec.format}`,
			g.spec.uses,
			files,
			prepared?.stats.files ?? 0,
			s(bestFloor),
			s(best),
			(best / bestFloor).toFixed(2),
		]);
		const rendition = prepared?.renditions.values().next().value;
		const sizeOf = async (srcset: string | undefined) => {
			let sum = 0;
			let top = 0;
			for (const candidate of (srcset ?? "").split(", ")) {
				const href = candidate.split(" ")[0] ?? "";
				const bytes = (
					await stat(path.join(dir, "dateline", `${String(i)}-0`, "_site", href))
				).size;
				sum += bytes;
				top = bytes;
			}
			return [sum, top];
		};
		const [avif, avifTop] = await sizeOf(rendition?.sources[0]?.srcset);
		const [webp, webpTop] = await sizeOf(rendition?.sources[1]?.srcset);
		const [jpeg, jpegTop] = await sizeOf(rendition?.fallback.srcset);
		total.source += g.bytes;
		total.avif += avif ?? 0;
		total.webp += webp ?? 0;
		total.jpeg += jpeg ?? 0;
		const pct = (n: number | undefined) => `${((100 * (n ?? 0)) / g.bytes).toFixed(0)}%`;
		bytesRows.push([
			g.spec.name,
			kb(g.bytes),
			String(rendition?.fallback.width ?? ""),
			kb(avifTop ?? 0),
			kb(webpTop ?? 0),
			kb(jpegTop ?? 0),
			`${kb(avif ?? 0)} (${pct(avif)})`,
			`${kb(webp ?? 0)} (${pct(webp)})`,
			`${kb(jpeg ?? 0)} (${pct(jpeg)})`,
		]);
	}
	const distinct = set.length;
	rows.push([
		`all ${String(distinct)} distinct photos`,
		"",
		set.reduce((n, g) => n + g.spec.uses, 0),
		"",
		"",
		s(floorTotal),
		s(datelineTotal),
		(datelineTotal / floorTotal).toFixed(2),
	]);
	rows.push([
		"per distinct photo",
		"",
		"",
		"",
		"",
		s(floorTotal / distinct),
		s(datelineTotal / distinct),
		"",
	]);
	console.log(`\nCold, per distinct photo (best of ${String(REPEAT)}; seconds):\n`);
	console.log(
		table(
			[
				"photo",
				"source",
				"uses",
				"floor files",
				"dateline files",
				"floor",
				"dateline",
				"ratio",
			],
			rows,
			new Set([2, 3, 4, 5, 6, 7]),
		),
	);
	const pct = (n: number) => `${((100 * n) / total.source).toFixed(0)}%`;
	bytesRows.push([
		"all",
		kb(total.source),
		"",
		"",
		"",
		"",
		`${kb(total.avif)} (${pct(total.avif)})`,
		`${kb(total.webp)} (${pct(total.webp)})`,
		`${kb(total.jpeg)} (${pct(total.jpeg)})`,
	]);
	console.log(
		"\nOutput bytes (KB) against the source: the largest width, and the whole ladder:\n",
	);
	console.log(
		table(
			[
				"photo",
				"source",
				"top w",
				"AVIF",
				"WebP",
				"JPEG",
				"AVIF ladder",
				"WebP ladder",
				"JPEG ladder",
			],
			bytesRows,
			new Set([1, 2, 3, 4, 5]),
		),
	);

	// The whole set as a build sees it: every use at once, cold, then warm with a fresh _site.
	const uses = set.flatMap(usesOf);
	const whole = path.join(dir, "whole");
	let totals = { files: 0, bytes: 0 };
	const build = async () => {
		const counter = countEncodes();
		const [t, stats] = await timed(async () => {
			const p = await preparePhotos(uses, pipelineOptions(path.join(whole, "cache")), dir);
			await publishPhotos(p, path.join(whole, "_site", "img"));
			totals = p.totals;
			return p.stats;
		});
		return { t, stats, encodes: counter.stop() };
	};
	const cold = await build();
	await rm(path.join(whole, "_site"), { recursive: true });
	const warm = await build();
	const datelinePeak = process.resourceUsage().maxRSS / 1024;
	const buildRows: (string | number)[][] = [
		["Dateline, cold", cold.stats.photos, cold.stats.uses, cold.encodes, s(cold.t)],
		[
			"Dateline, warm cache, fresh _site",
			warm.stats.photos,
			warm.stats.uses,
			warm.encodes,
			s(warm.t),
		],
	];
	if (!args.includes("--no-eleventy-img")) {
		const out = path.join(dir, "eleventy-img");
		const counter = countEncodes();
		const [t] = await timed(() =>
			Promise.all(
				uses.map((u) =>
					Image(u.photo.file, {
						widths: WIDTHS,
						formats: ["avif", "webp", "jpeg"],
						outputDir: out,
						sharpAvifOptions: AVIF,
						sharpWebpOptions: WEBP,
						sharpJpegOptions: JPEG,
					}),
				),
			),
		);
		const encodes = counter.stop();
		const written = (await readdir(out)).length;
		buildRows.push([
			`eleventy-img 7, cold, once per use (no crops; ${String(written)} distinct files)`,
			distinct,
			uses.length,
			encodes,
			s(t),
		]);
	}
	console.log("\nThe whole set as one build (every use at once):\n");
	console.log(
		table(["run", "distinct", "uses", "encodes", "seconds"], buildRows, new Set([1, 2, 3, 4])),
	);
	console.log(
		`\nCold within ${(datelineTotal / floorTotal).toFixed(2)}x of the floor; the warm run encoded ${String(warm.encodes)} files. Peak RSS through Dateline's runs ${datelinePeak.toFixed(0)} MB; after eleventy-img ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
	);
	if (!args.includes("--no-archive")) {
		const count = (flag: string, fallback: number) =>
			args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback;
		// Per distinct photo as a lead photo: every one here has crops, as a lead photo does.
		const per = {
			seconds: datelineTotal / 1000 / distinct,
			files: totals.files / distinct,
			bytes: totals.bytes / distinct,
		};
		await scaleReport(
			dir,
			per,
			pipelineOptions(path.join(dir, "scale-cache")),
			count("--archive", 20_000),
			count("--articles", 2000),
		);
	}
	await rm(dir, { recursive: true, force: true });
}

const generateInto = args.indexOf("--generate");
if (generateInto >= 0) {
	const dir = args[generateInto + 1] ?? "";
	await writeFile(
		path.join(dir, "set.json"),
		JSON.stringify(await generate(path.join(dir, "src"))),
	);
} else await main();
