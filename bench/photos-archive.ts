/**
 * The archive-scale half of `npm run bench:photos` (issue 12): photo work with a warm cache at
 * 20,000 distinct photos (without and with the cache index, and with the files on a photo
 * host), the content check's photo reading at that size, four shards run one after another
 * and merged, the HTML site's files and bytes per article, and a 50,000-photo archive worked
 * out from those figures. Times are wall and CPU seconds: the machine is shared, and CPU time
 * suffers less from its load.
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { measureFolder } from "../src/host-fit.ts";
import { writeManifest } from "../src/photos/cache.ts";
import { CacheIndex } from "../src/photos/cache-index.ts";
import { isComplete } from "../src/photos/complete.ts";
import { photoInspector } from "../src/photos/inspect.ts";
import { preparePhotos } from "../src/photos/prepare.ts";
import { publishPhotos } from "../src/photos/publish.ts";
import type { PhotoUse, PipelineOptions } from "../src/photos/types.ts";
import { markUploaded } from "../src/photos/upkeep.ts";
import { groupWorks } from "../src/photos/works.ts";
import { writeArchive } from "./archive.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const HOST = "https://img.example.org/";

/** Wall and CPU milliseconds of one run. */
export interface Time {
	wall: number;
	cpu: number;
}

/** Runs `fn`, timing it by the clock and by this process's CPU. */
export async function clock<T>(fn: () => Promise<T>): Promise<[Time, T]> {
	const [wall, cpu] = [performance.now(), process.cpuUsage()];
	const result = await fn();
	const used = process.cpuUsage(cpu);
	return [{ wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 }, result];
}

/** "1.23 s (0.80 s CPU)". */
export function shown(t: Time): string {
	return `${(t.wall / 1000).toFixed(2)} s (${(t.cpu / 1000).toFixed(2)} s CPU)`;
}

/** A lead-photo use of a generated file, credited as a wire photo. */
function leadUse(file: string, width: number, height: number): PhotoUse {
	return {
		photo: { file, width, height, format: "JPEG" },
		credit: { credit: "Bench Photographer", agency: "AFP" },
		crops: true,
		where: { file, subject: "`image.src`", line: () => undefined },
	};
}

/**
 * N distinct 960 x 640 source photos, each a copy of one JPEG with its own comment segment,
 * so their content hashes differ while they cost nothing to make; with mtimes in the past, as
 * in any archive (a file changed in the last two seconds is read again, as git does).
 */
async function sources(dir: string, n: number): Promise<PhotoUse[]> {
	const noise = { type: "gaussian" as const, mean: 120, sigma: 40 };
	const base = await sharp({
		create: { width: 960, height: 640, channels: 3, background: "#777", noise },
	})
		.jpeg({ quality: 80 })
		.toBuffer();
	const past = new Date("2025-01-01T00:00:00Z");
	const uses: PhotoUse[] = [];
	for (let i = 0; i < n; i++) {
		const folder = path.join(dir, "articles", `story-${String(i).padStart(5, "0")}`);
		await mkdir(folder, { recursive: true });
		const comment = Buffer.from(`bench photo ${String(i)}`);
		const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
		const file = path.join(folder, "photo.jpg");
		await writeFile(file, Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]));
		await utimes(file, past, past);
		uses.push(leadUse(file, 960, 640));
	}
	return uses;
}

/**
 * A warm cache for the uses without encoding them: each work's entries hold stand-in files of
 * 1 KB under the names and in the number the pipeline writes (18 ladder files, 3 crops), which
 * is all a warm run looks at.
 */
async function warmCache(uses: PhotoUse[], options: PipelineOptions): Promise<void> {
	const { works } = await groupWorks(uses, options, CacheIndex.inMemory());
	const stand = Buffer.alloc(1024, 1);
	const fill = async (dir: string, names: string[]) => {
		await mkdir(dir, { recursive: true });
		await Promise.all(names.map((name) => writeFile(path.join(dir, name), stand)));
		const files = names.map((name) => ({
			name,
			format: "jpeg" as const,
			width: 1,
			height: 1,
			bytes: stand.length,
		}));
		await writeManifest(dir, { placeholder: "#777777", files });
	};
	for (const work of works.values()) {
		const key = work.ladder.key;
		const ladder = options.widths.flatMap((w) =>
			["avif", "webp", "jpg"].map((ext) => `${key}-${String(w)}.${ext}`),
		);
		await fill(work.ladder.dir, ladder);
		for (const e of work.crops.values())
			await fill(
				e.dir,
				["16x9", "4x3", "1x1"].map((r) => `${e.key}-${r}-1200.jpg`),
			);
	}
}

/** N distinct source photos and a warm cache for them. */
export async function setupWarm(dir: string, n: number, options: PipelineOptions) {
	const uses = await sources(dir, n);
	const cacheDir = path.join(dir, "cache");
	const opts = { ...options, cacheDir };
	await warmCache(uses, opts);
	return { uses, cacheDir, opts };
}

/** Photo work at N distinct photos with the cache warm, as a build runs it. */
export async function warmAtScale(dir: string, n: number, options: PipelineOptions) {
	const { uses, cacheDir, opts } = await setupWarm(dir, n, options);
	const run = async (index: CacheIndex, remote?: string) => {
		const urlPath = remote ?? "/img/";
		return clock(() => preparePhotos(uses, { ...opts, index, remote, urlPath }, dir));
	};
	const [unindexed, cold] = await run(CacheIndex.inMemory(dir));
	const learning = await CacheIndex.load(cacheDir, dir);
	await run(learning);
	await learning.save();
	const [indexed, warm] = await run(await CacheIndex.load(cacheDir, dir));
	const photosDir = path.join(dir, "_photos");
	await publishPhotos(warm, photosDir);
	const [publishWarm] = await clock(() => publishPhotos(warm, photosDir));
	const marking = await CacheIndex.load(cacheDir, dir);
	await markUploaded(cacheDir, photosDir, HOST, marking);
	await marking.save();
	const [remote] = await run(await CacheIndex.load(cacheDir, dir), HOST);
	const files = uses.map((u) => u.photo.file);
	const [header] = await clock(async () => {
		const inspect = photoInspector();
		for (const f of files) await inspect(f);
	});
	const [complete] = await clock(async () => {
		for (const f of files) isComplete(f, "JPEG", (await stat(f)).size);
	});
	const index = (await stat(path.join(cacheDir, "index.json"))).size;
	const cache = await measureFolder(cacheDir);
	return {
		cache,
		n,
		read: cold.stats.read,
		readWarm: warm.stats.read,
		sourceBytes: (await stat(files[0] ?? "")).size * n,
		unindexed,
		indexed,
		publishWarm,
		remote,
		header,
		complete,
		index,
	};
}

/** Four shards one after another, each into its own folder, then merged by copy and built. */
export async function shards(uses: PhotoUse[], dir: string, options: PipelineOptions) {
	const count = 4;
	const rows: { shard: string; photos: number; encoded: number; time: Time }[] = [];
	for (let index = 1; index <= count; index++) {
		const outDir = path.join(dir, `shard-${String(index)}`);
		const cacheDir = path.join(dir, "empty");
		const shard = { index, count };
		const [time, prepared] = await clock(() =>
			preparePhotos(uses, { ...options, cacheDir, outDir, shard }, dir),
		);
		const { photos, encoded } = prepared.stats;
		rows.push({ shard: `${String(index)}/${String(count)}`, photos, encoded, time });
	}
	const merged = path.join(dir, "merged");
	// A plain copy of each shard's entries; one written by two shards would stop it.
	const [merge] = await clock(async () => {
		await mkdir(merged, { recursive: true });
		for (let index = 1; index <= count; index++) {
			const from = path.join(dir, `shard-${String(index)}`);
			for (const entry of await readdir(from).catch(() => [])) {
				await cp(path.join(from, entry), path.join(merged, entry), {
					recursive: true,
					errorOnExist: true,
					force: false,
				});
			}
		}
	});
	const [build, built] = await clock(() =>
		preparePhotos(uses, { ...options, cacheDir: merged }, dir),
	);
	return { rows, merge, build, encoded: built.stats.encoded };
}

/** The HTML site (photos on their own host) of a text archive: files and bytes per article. */
export async function htmlPerArticle(dir: string, articles: number) {
	const content = path.join(dir, "content");
	await writeArchive(content, { articles, photos: 0 });
	const site = path.join(content, "_data", "site.yaml");
	await writeFile(site, `${await readFile(site, "utf8")}photos:\n  url: ${HOST}\n`);
	const output = path.join(dir, "_site");
	const cmd = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
	const built = spawnSync(
		process.execPath,
		[cmd, "--config=.eleventy.ts", `--output=${output}`],
		{
			cwd: ROOT,
			encoding: "utf8",
			env: { ...process.env, CI: "true", DATELINE_CONTENT: content },
		},
	);
	if (built.status !== 0) throw new Error(built.stderr);
	const size = await measureFolder(output);
	await rm(dir, { recursive: true, force: true });
	return { files: size.files / articles, bytes: size.bytes / articles };
}
