/**
 * `npm run bench`: builds deterministic synthetic archives with Dateline and with the bare
 * Eleventy floor (bench/floor) in the same run, and prints wall time, ms per article, peak
 * RSS (of the whole process tree) and files written for a cold build, a rebuild with nothing
 * changed, a rebuild after one article is edited, one after a new article is added (the
 * breaking story) and a `--full` rebuild; then the content check alone and the preview's
 * edit-to-page time. Last, the cold build's time per article at each size against the size
 * before it (the archive-scale target: within 1.2x from 20,000 to 100,000).
 *
 *   npm run bench                      N = 1,000, 4,000 and 20,000 text only, and 1,000 with 50 photos
 *   npm run bench -- --sizes 1000,4000 other sizes (text only)
 *   npm run bench -- --no-photos       skip the photo run
 *   npm run bench -- --no-preview      skip the preview timing
 *   npm run bench -- --no-floor        skip bare Eleventy (it cannot build 100,000 pages)
 *   npm run bench -- --reuse           use an archive already generated under $TMPDIR/dateline-bench
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { appendFile, copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
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

/** The resident memory of a process and all its descendants (Pagefind runs as a child), in KB. */
function treeRssKb(pid: number): number {
	let total = 0;
	const visit = (id: number) => {
		try {
			const status = readFileSync(`/proc/${String(id)}/status`, "utf8");
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			for (const task of readdirSync(`/proc/${String(id)}/task`)) {
				const children = readFileSync(`/proc/${String(id)}/task/${task}/children`, "utf8");
				for (const child of children.split(" ").filter(Boolean)) visit(Number(child));
			}
		} catch {
			// gone while we looked
		}
	};
	visit(pid);
	return total;
}

/**
 * Runs a command: wall seconds, and the peak resident memory of its whole process tree,
 * sampled every 100 ms (GNU time reports the largest single process only).
 */
async function timed(
	args: string[],
	env: NodeJS.ProcessEnv = {},
): Promise<Run & { stdout: string }> {
	const started = performance.now();
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let stdout = "";
	let stderr = "";
	child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
	child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
	let peak = 0;
	const sampler = setInterval(() => {
		if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
	}, 100);
	const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
	clearInterval(sampler);
	const wall = (performance.now() - started) / 1000;
	if (status !== 0) throw new Error(`${args.join(" ")} failed:\n${stderr.slice(-3000)}`);
	// Eleventy counts the files of its templates; the page writer counts its own pages.
	const eleventy = /Wrote (\d+) files/.exec(stdout + stderr);
	const pages = /Pages: (\d+) written, (\d+) removed/.exec(stdout);
	return {
		wall,
		rssMb: peak / 1024,
		files: Number(eleventy?.[1] ?? 0) + Number(pages?.[1] ?? 0) + Number(pages?.[2] ?? 0),
		stdout,
	};
}

function build(
	kind: "dateline" | "floor",
	content: string,
	output: string,
	env: NodeJS.ProcessEnv = {},
): Promise<Run> {
	const args = [ELEVENTY, "--quiet", `--output=${output}`];
	// Dateline reads content itself (Eleventy's input holds none); bare Eleventy takes it as input.
	return kind === "dateline"
		? timed([...args, "--config=.eleventy.ts"], { ...env, DATELINE_CONTENT: content })
		: timed([...args, "--config=bench/floor/eleventy.config.js", `--input=${content}`], env);
}

/** Adds one new article, as a breaking story: dated now, in the first section. */
async function addOne(content: string, round: number): Promise<void> {
	const dir = path.join(content, "articles", `breaking-${String(round)}`);
	await mkdir(dir, { recursive: true });
	const first = path.join(content, "articles", "story-00000");
	await copyFile(path.join(first, "photo.jpg"), path.join(dir, "photo.jpg"));
	const source = await readFile(path.join(first, "index.md"), "utf8");
	await writeFile(
		path.join(dir, "index.md"),
		source
			.replace(
				/^title: .*$/m,
				`title: "Breaking story number ${String(round)} of the benchmark"`,
			)
			.replace(/^date: .*$/m, `date: ${new Date().toISOString().replace(/\.\d{3}Z$/, "Z")}`),
	);
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

function row(
	archive: string,
	kind: string,
	step: string,
	run: Run | undefined,
	n: number,
	floor?: Run,
): void {
	if (!run) return;
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

/** Cold build time per article at each size against the smallest, the archive-scale target. */
function perArticle(): void {
	const cold = rows.filter(
		(r) => r[1] === "dateline" && r[2] === "cold" && r[0]?.endsWith("text"),
	);
	const [base] = cold;
	if (!base) return;
	for (const r of cold.slice(1)) {
		const ratio = Number(r[4]) / Number(base[4]);
		rows.push([
			r[0] ?? "",
			"dateline",
			`ms/article vs ${base[0] ?? ""}`,
			"",
			"",
			"",
			"",
			`${ratio.toFixed(2)}x`,
		]);
	}
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

async function archive(
	n: number,
	photos: number,
	opts: { preview: boolean; floor: boolean; reuse: boolean },
): Promise<void> {
	const name = photos ? `${String(n)} + ${String(photos)} photos` : `${String(n)} text`;
	const dir = path.join(WORK, `${String(n)}-${String(photos)}`);
	const content = path.join(dir, "content");
	console.log(`\n${name}: generating...`);
	if (opts.reuse && existsSync(path.join(content, "articles")))
		console.log(`${name}: using the archive already at ${content}`);
	else await writeArchive(content, { articles: n, photos });
	await rm(path.join(ROOT, ".cache", "photos"), { recursive: true, force: true });

	const check = await timed([path.join(ROOT, "src", "cli", "check.ts"), content]);
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
	await rm(path.join(ROOT, ".cache", "build"), { recursive: true, force: true });
	console.log(`${name}: cold builds...`);
	const floorCold = opts.floor ? await build("floor", content, out.floor) : undefined;
	const cold = await build("dateline", content, out.dateline);
	row(name, "floor", "cold", floorCold, n);
	row(name, "dateline", "cold", cold, n, floorCold);
	console.log(`${name}: rebuilds...`);
	const floorWarm = opts.floor ? await build("floor", content, out.floor) : undefined;
	const warm = await build("dateline", content, out.dateline);
	row(name, "floor", "no change", floorWarm, n);
	row(name, "dateline", "no change", warm, n, floorWarm);
	await editOne(content, n, 1);
	const floorEdit = opts.floor ? await build("floor", content, out.floor) : undefined;
	const edit = await build("dateline", content, out.dateline);
	row(name, "floor", "one edit", floorEdit, n);
	row(name, "dateline", "one edit", edit, n, floorEdit);
	await addOne(content, 1);
	const added = await build("dateline", content, out.dateline);
	row(name, "dateline", "add one article", added, n, cold);
	const full = await build("dateline", content, out.dateline, { DATELINE_FULL: "1" });
	row(name, "dateline", "--full rebuild", full, n, cold);
	await rm(path.join(content, "articles", "breaking-1"), { recursive: true });
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
		floor: { type: "boolean", default: true },
		reuse: { type: "boolean", default: false },
	},
	allowNegative: true,
});
await mkdir(WORK, { recursive: true });
const sizes = values.sizes.split(",").map(Number);
for (const n of sizes) {
	// Bare Eleventy runs out of heap at 100,000 pages (11ty/eleventy#3948): no floor there.
	const floor = values.floor && n <= 20_000;
	await archive(n, 0, { preview: values.preview && n === 4000, floor, reuse: values.reuse });
}
if (values.photos) await archive(1000, 50, { preview: false, floor: values.floor, reuse: false });
perArticle();
print();
await writeFile(path.join(WORK, "results.txt"), rows.map((r) => r.join("\t")).join("\n"));
