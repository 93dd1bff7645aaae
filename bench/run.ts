/**
 * `npm run bench`: builds deterministic synthetic archives with Dateline and with the bare
 * Eleventy floor (bench/floor) in the same run, and prints wall time, ms per article, peak
 * RSS and pages written for a cold build, a rebuild with nothing changed and a rebuild after
 * one article is edited; then the content check alone and the preview's edit-to-page time.
 *
 *   npm run bench                      N = 1,000, 4,000 and 20,000 text only, and 1,000 with 50 photos
 *   npm run bench -- --sizes 1000,4000 other sizes (text only)
 *   npm run bench -- --no-photos       skip the photo run
 *   npm run bench -- --no-preview      skip the preview timing
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeArchive } from "./archive.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY = path.join(ROOT, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const WORK = path.join(tmpdir(), "dateline-bench");

interface Run {
	wall: number;
	rssMb: number;
	files: number;
}

/** Runs a command under GNU time: wall seconds and the peak RSS of the process tree. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): Run & { stdout: string } {
	const result = spawnSync("/usr/bin/time", ["-f", "@@time %e %M", process.execPath, ...args], {
		cwd: ROOT,
		encoding: "utf8",
		env: { ...process.env, ...env },
		maxBuffer: 64 * 1024 * 1024,
	});
	const match = /@@time ([\d.]+) (\d+)/.exec(result.stderr);
	if (result.status !== 0 || !match)
		throw new Error(`${args.join(" ")} failed:\n${result.stderr.slice(-3000)}`);
	const files = /Wrote (\d+) files/.exec(result.stdout + result.stderr);
	return {
		wall: Number(match[1]),
		rssMb: Number(match[2]) / 1024,
		files: Number(files?.[1] ?? 0),
		stdout: result.stdout,
	};
}

function build(kind: "dateline" | "floor", content: string, output: string): Run {
	const args = [ELEVENTY, "--quiet", `--output=${output}`];
	// Dateline reads content itself (Eleventy's input holds none); bare Eleventy takes it as input.
	return kind === "dateline"
		? timed([...args, "--config=.eleventy.ts"], { DATELINE_CONTENT: content })
		: timed([...args, "--config=bench/floor/eleventy.config.js", `--input=${content}`]);
}

async function editOne(content: string, n: number, round: number): Promise<string> {
	const file = path.join(
		content,
		"articles",
		`story-${String(Math.floor(n / 2)).padStart(5, "0")}`,
		"index.md",
	);
	await appendFile(file, `\nAn edit made by the benchmark, round ${String(round)}.\n`);
	return file;
}

const rows: string[][] = [];
const HEAD = ["archive", "build", "step", "wall s", "ms/article", "peak RSS MB", "pages", "ratio"];

function row(archive: string, kind: string, step: string, run: Run, n: number, floor?: Run): void {
	rows.push([
		archive,
		kind,
		step,
		run.wall.toFixed(2),
		((run.wall * 1000) / n).toFixed(2),
		run.rssMb.toFixed(0),
		String(run.files),
		floor ? `${(run.wall / floor.wall).toFixed(2)}x` : "",
	]);
}

function print(): void {
	const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
	console.log(`\n${line(HEAD)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
	for (const r of rows) console.log(line(r));
}

/** Starts the preview on an archive, edits one article, and times until the page shows the edit. */
async function previewEdit(content: string, output: string, n: number): Promise<number[]> {
	const port = 8600 + (n % 100);
	const child = spawn(
		process.execPath,
		[
			ELEVENTY,
			"--config=.eleventy.ts",
			`--output=${output}`,
			"--serve",
			`--port=${String(port)}`,
		],
		{
			cwd: ROOT,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, DATELINE_CONTENT: content },
		},
	);
	let log = "";
	child.stdout.on("data", (c: Buffer) => (log += c.toString()));
	child.stderr.on("data", (c: Buffer) => (log += c.toString()));
	const slug = `story-${String(Math.floor(n / 2)).padStart(5, "0")}`;
	const page = path.join(output, "articles", slug, "index.html");
	try {
		for (let i = 0; i < 600 && !log.includes("Server at"); i++)
			await new Promise((r) => setTimeout(r, 100));
		// The file watcher attaches to thousands of folders after the server starts; an edit
		// made before it is ready is never seen.
		await new Promise((r) => setTimeout(r, 10_000));
		const times: number[] = [];
		for (let round = 1; round <= 3; round++) {
			const marker = `Preview edit ${String(Date.now())}`;
			const file = path.join(content, "articles", slug, "index.md");
			const started = performance.now();
			await appendFile(file, `\n${marker}\n`);
			for (;;) {
				if (existsSync(page) && (await readFile(page, "utf8")).includes(marker)) break;
				if (performance.now() - started > 120_000)
					throw new Error(`the preview never showed the edit:\n${log.slice(-2000)}`);
				await new Promise((r) => setTimeout(r, 20));
			}
			times.push(performance.now() - started);
			await new Promise((r) => setTimeout(r, 1500));
		}
		return times;
	} finally {
		child.kill();
	}
}

async function archive(n: number, photos: number, opts: { preview: boolean }): Promise<void> {
	const name = photos ? `${String(n)} + ${String(photos)} photos` : `${String(n)} text`;
	const dir = path.join(WORK, `${String(n)}-${String(photos)}`);
	const content = path.join(dir, "content");
	console.log(`\n${name}: generating...`);
	await writeArchive(content, { articles: n, photos });
	await rm(path.join(ROOT, ".cache", "photos"), { recursive: true, force: true });

	const check = timed([path.join(ROOT, "src", "cli", "check.ts"), content]);
	const checked = /checked in (\d+) ms/.exec(check.stdout);
	rows.push([
		name,
		"check",
		"content check",
		check.wall.toFixed(2),
		((check.wall * 1000) / n).toFixed(3),
		check.rssMb.toFixed(0),
		"",
		checked ? `(${checked[1] ?? ""} ms inside)` : "",
	]);

	const out = { dateline: path.join(dir, "_site"), floor: path.join(dir, "_floor") };
	await rm(out.dateline, { recursive: true, force: true });
	await rm(out.floor, { recursive: true, force: true });
	console.log(`${name}: cold builds...`);
	const floorCold = build("floor", content, out.floor);
	const cold = build("dateline", content, out.dateline);
	console.log(`${name}: rebuilds...`);
	const floorWarm = build("floor", content, out.floor);
	const warm = build("dateline", content, out.dateline);
	await editOne(content, n, 1);
	const floorEdit = build("floor", content, out.floor);
	const edit = build("dateline", content, out.dateline);
	row(name, "floor", "cold", floorCold, n);
	row(name, "dateline", "cold", cold, n, floorCold);
	row(name, "floor", "no change", floorWarm, n);
	row(name, "dateline", "no change", warm, n, floorWarm);
	row(name, "floor", "one edit", floorEdit, n);
	row(name, "dateline", "one edit", edit, n, floorEdit);
	if (opts.preview) {
		console.log(`${name}: preview edit...`);
		const times = await previewEdit(content, path.join(dir, "_preview"), n);
		rows.push([
			name,
			"dateline",
			"preview edit to page",
			(Math.min(...times) / 1000).toFixed(2),
			"",
			"",
			"",
			`best of ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s`,
		]);
	}
	await stat(out.dateline);
}

const { values } = parseArgs({
	options: {
		sizes: { type: "string", default: "1000,4000,20000" },
		photos: { type: "boolean", default: true },
		preview: { type: "boolean", default: true },
	},
	allowNegative: true,
});
await mkdir(WORK, { recursive: true });
const sizes = values.sizes.split(",").map(Number);
for (const n of sizes) await archive(n, 0, { preview: values.preview && n === 4000 });
if (values.photos) await archive(1000, 50, { preview: false });
print();
await writeFile(path.join(WORK, "results.txt"), rows.map((r) => r.join("\t")).join("\n"));
