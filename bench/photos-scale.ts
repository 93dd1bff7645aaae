/**
 * Prints the archive-scale figures of `npm run bench:photos` and the 50,000-photo plan worked
 * out from them (measured figures in, arithmetic out; the hosts' limits as they document them).
 */
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { HOST_LIMITS, size } from "../src/host-fit.ts";
import type { PhotoUse, PipelineOptions } from "../src/photos/types.ts";
import { htmlPerArticle, shards, shown, warmAtScale } from "./photos-archive.ts";

/** What the per-photo half of the benchmark measured, per distinct lead photo. */
export interface PerPhoto {
	/** Cold seconds per distinct photo on this machine, all its cores. */
	seconds: number;
	files: number;
	bytes: number;
}

const ARCHIVE = 50_000;
const MATRIX = 32;
// GitHub-hosted runners: concurrent jobs on the Free plan (Pro 40, Team 60), 6 h a job.
const CONCURRENT_JOBS = 20;
const JOB_HOURS = 6;
// What a shard job spends before encoding (checkout, npm ci, cache restore): not measurable
// here, so a stated guess, shown as such.
const JOB_START_MIN = 3;
const SHARD_PHOTOS = 24;

/** Distinct photo-like 2400 x 1600 JPEGs for the shard run (smooth shapes and grain). */
async function shardSet(dir: string): Promise<PhotoUse[]> {
	const uses: PhotoUse[] = [];
	for (let i = 0; i < SHARD_PHOTOS; i++) {
		const file = path.join(dir, "shard-set", `photo-${String(i)}.jpg`);
		await mkdir(path.dirname(file), { recursive: true });
		const hue = (i * 47) % 360;
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600"><rect width="100%" height="100%" fill="hsl(${String(hue)},40%,45%)"/><circle cx="${String(600 + i * 50)}" cy="800" r="500" fill="hsl(${String((hue + 120) % 360)},50%,60%)"/></svg>`;
		const grain = { type: "gaussian" as const, mean: 128, sigma: 24 };
		await sharp(Buffer.from(svg))
			.composite([
				{
					input: {
						create: {
							width: 2400,
							height: 1600,
							channels: 3,
							background: "#808080",
							noise: grain,
						},
					},
					blend: "soft-light",
				},
			])
			.jpeg({ quality: 90 })
			.toFile(file);
		uses.push({
			photo: { file, width: 2400, height: 1600, format: "JPEG" },
			credit: { credit: "Bench Photographer", agency: "AFP" },
			crops: true,
			where: { file, subject: "`image.src`", line: () => undefined },
		});
	}
	return uses;
}

const n = (v: number) => Math.round(v).toLocaleString("en-US");
const hours = (s: number) => `${(s / 3600).toFixed(1)} h`;

/** Runs the archive-scale measurements and prints them with the 50,000-photo plan. */
export async function scaleReport(
	dir: string,
	per: PerPhoto,
	options: PipelineOptions,
	photos: number,
	articles: number,
): Promise<void> {
	console.log(
		`\nArchive scale: ${n(photos)} distinct photos with the cache warm (960 x 640 sources, stand-in renditions):\n`,
	);
	const w = await warmAtScale(path.join(dir, "warm"), photos, options);
	const mb = w.sourceBytes / 1e6;
	console.log(
		`  no cache index (every source read: ${n(w.read)} files, ${mb.toFixed(0)} MB): ${shown(w.unindexed)}`,
	);
	console.log(
		`  cache index (${n(w.readWarm)} read; index ${size(w.index)}):             ${shown(w.indexed)}`,
	);
	console.log(
		`  publishing into _photos/ with nothing new:                    ${shown(w.publishWarm)}`,
	);
	console.log(
		`  files on the photo host, manifests only in the cache:         ${shown(w.remote)}`,
	);
	console.log(
		`  warm cost per distinct photo: ${((w.indexed.wall * 1000) / photos).toFixed(0)} µs (${((w.indexed.cpu * 1000) / photos).toFixed(0)} µs CPU); cold: ${per.seconds.toFixed(2)} s`,
	);
	console.log(
		`  the content check's photo reading: headers ${shown(w.header)}, and the cut-short check ${shown(w.complete)} (${((100 * w.complete.cpu) / w.header.cpu).toFixed(0)}% of the headers' CPU)`,
	);

	const set = await shardSet(dir);
	console.log(
		`\nFour shards of ${String(SHARD_PHOTOS)} distinct 2400 x 1600 photos, one after another, then merged:\n`,
	);
	const s = await shards(set, path.join(dir, "shards"), options);
	for (const r of s.rows)
		console.log(
			`  shard ${r.shard}: ${String(r.photos)} photos, ${String(r.encoded)} encoded, ${shown(r.time)}`,
		);
	const total = s.rows.reduce((t, r) => t + r.time.wall, 0);
	const slowest = Math.max(...s.rows.map((r) => r.time.wall));
	console.log(
		`  merge by copy: ${shown(s.merge)}; a build on the merged cache: ${shown(s.build)}, ${String(s.encoded)} encoded`,
	);
	console.log(
		`  slowest shard ${(slowest / 1000).toFixed(1)} s of ${(total / 1000).toFixed(1)} s in all: ${((4 * slowest) / total).toFixed(2)}x an even quarter`,
	);

	const html = await htmlPerArticle(path.join(dir, "html"), articles);
	console.log(
		`\nThe HTML site with photos on their own host, ${n(articles)} articles: ${html.files.toFixed(2)} files and ${size(html.bytes)} an article`,
	);

	const imbalance = (4 * slowest) / total;
	const perShard = ARCHIVE / MATRIX;
	const shardSeconds = perShard * per.seconds * imbalance;
	const waves = Math.ceil(MATRIX / CONCURRENT_JOBS);
	const cacheBytes = ARCHIVE * (w.cache.bytes / photos);
	console.log(
		`\nA ${n(ARCHIVE)}-photo archive (one lead photo an article), worked out from the figures above:`,
	);
	console.log(
		`  encoding on one ${String(os.availableParallelism())}-core runner: ${hours(ARCHIVE * per.seconds)}, past a GitHub job's ${String(JOB_HOURS)} h`,
	);
	console.log(
		`  a ${String(MATRIX)}-job matrix: ${n(perShard)} photos a shard, ${hours(shardSeconds)} each with the measured imbalance (${imbalance.toFixed(2)}x), plus about ${String(JOB_START_MIN)} min to start (a guess); ${String(CONCURRENT_JOBS)} jobs run at once on the Free plan, so ${String(waves)} waves: about ${hours(waves * (shardSeconds + JOB_START_MIN * 60))} from empty, once`,
	);
	console.log(
		`  afterwards a push with a few new photos encodes them in the build job (${per.seconds.toFixed(1)} s each); the warm photo step stays near ${shown(w.indexed)} x ${(ARCHIVE / photos).toFixed(1)}`,
	);
	console.log(
		`  photo host: ${n(ARCHIVE * per.files)} files, ${size(ARCHIVE * per.bytes)}; shard artifacts ${size((ARCHIVE * per.bytes) / MATRIX)} each on the first run`,
	);
	const siteFiles = ARCHIVE * html.files;
	const siteBytes = ARCHIVE * html.bytes;
	console.log(
		`  _site/: ${n(siteFiles)} files, ${size(siteBytes)}: GitHub Pages ${siteBytes <= HOST_LIMITS.githubPagesBytes ? "fits" : "does not fit"} (${size(HOST_LIMITS.githubPagesBytes)}); Cloudflare Pages ${siteFiles <= HOST_LIMITS.cloudflareFreeFiles ? "fits the free plan" : siteFiles <= HOST_LIMITS.cloudflarePaidFiles ? "needs a paid plan" : "does not fit even a paid plan"} (${n(HOST_LIMITS.cloudflareFreeFiles)} / ${n(HOST_LIMITS.cloudflarePaidFiles)} files)`,
	);
	console.log(
		`  with photos in _site/ instead: ${n(siteFiles + ARCHIVE * per.files)} files, ${size(siteBytes + ARCHIVE * per.bytes)}: neither host`,
	);
	console.log(
		`  the CI photo cache after --uploaded (the index and a manifest an entry, measured ${size(w.cache.bytes)} for ${n(photos)}): about ${size(cacheBytes)}, far inside the Actions cache's 10 GB`,
	);
}
