/**
 * Incremental builds write exactly what a full build writes: a random sequence of the edits a
 * newsroom makes, each followed by an incremental build of one output folder and a full build
 * of a fresh one, compared file by file with `diff -r`. The sequence holds every kind of edit
 * once, in a random order, then random ones; its seed is printed, and DATELINE_SEED repeats it.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { ROOT, fixtureSite, runBuild } from "../helpers.ts";

// Fixed, so that which articles are scheduled does not depend on the day the test runs.
const ENV = { SOURCE_DATE_EPOCH: String(Date.parse("2026-01-01T00:00:00Z") / 1000) };

/** A small seeded generator (mulberry32), so a failing sequence can be run again. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]): T => {
		const item = list[int(list.length)];
		if (item === undefined) throw new Error("picked from an empty list");
		return item;
	};
	const shuffle = <T>(list: T[]): T[] => {
		for (let i = list.length - 1; i > 0; i--) {
			const j = int(i + 1);
			[list[i], list[j]] = [list[j] as T, list[i] as T];
		}
		return list;
	};
	return { int, pick, shuffle };
}

type Random = ReturnType<typeof generator>;

const TAGS = ["mexico", "world-cup-2018", "juan-carlos-osorio", "el-tri"];
const SECTIONS = ["news", "sport"];
const AUTHORS = ["desk", "ana-writer"];

/** Sets a one-line top-level frontmatter field, or removes it when `value` is undefined. */
function setField(markdown: string, key: string, value: string | undefined): string {
	const end = markdown.indexOf("\n---", 4);
	let head = markdown.slice(0, end);
	const line = new RegExp(`^${key}:.*$\\n?`, "m");
	head = head.replace(line, "");
	if (value !== undefined) head = `${head.replace(/\n?$/, "\n")}${key}: ${value}`;
	return head.replace(/\n+$/, "") + markdown.slice(end);
}

function newArticle(random: Random, n: number, date: string): string {
	const tags = random.shuffle([...TAGS]).slice(0, random.int(3));
	return `---
title: Story number ${String(n)} about the national team
description: A standfirst for story ${String(n)}, long enough to pass the fifty character minimum.
date: ${date}
authors: [${random
		.shuffle([...AUTHORS])
		.slice(0, 1 + random.int(2))
		.join(", ")}]
section: ${random.pick(SECTIONS)}
tags: [${tags.join(", ")}]
image:
  src: photo.jpg
  alt: A grey test card
  credit: Yuri Cortez
---

The body of story ${String(n)}.
`;
}

/** One newsroom edit on the content folder; returns what it did, for the failure message. */
type Edit = (content: string, random: Random, step: number) => Promise<string>;

async function articles(content: string): Promise<string[]> {
	return (await readdir(path.join(content, "articles"))).sort();
}

async function editArticle(
	content: string,
	slug: string,
	change: (markdown: string) => string,
): Promise<void> {
	const file = path.join(content, "articles", slug, "index.md");
	await writeFile(file, change(await readFile(file, "utf8")));
}

/** Articles this test made: their frontmatter is simple enough to reschedule and correct. */
const ours = async (content: string) =>
	(await articles(content)).filter((s) => s.startsWith("story-"));

const add: Edit = async (content, random, step) => {
	const slug = `story-${String(step)}`;
	const dir = path.join(content, "articles", slug);
	await mkdir(dir);
	await cp(
		path.join(content, "articles", "second-story", "photo.jpg"),
		path.join(dir, "photo.jpg"),
	);
	const day = String(1 + random.int(28)).padStart(2, "0");
	const date = `2018-0${String(1 + random.int(9))}-${day}T1${String(random.int(10))}:00:00Z`;
	await writeFile(path.join(dir, "index.md"), newArticle(random, step, date));
	return `added ${slug} dated ${date}`;
};

const EDITS: Record<string, Edit> = {
	add,
	async text(content, random, step) {
		const slug = random.pick(await articles(content));
		await editArticle(
			content,
			slug,
			(md) => `${md.trimEnd()}\n\nA paragraph added at step ${String(step)}.\n`,
		);
		return `edited the text of ${slug}`;
	},
	async headline(content, random, step) {
		const slug = random.pick(await articles(content));
		await editArticle(content, slug, (md) =>
			setField(md, "title", `A new headline, written at step ${String(step)}`),
		);
		return `changed the headline of ${slug}`;
	},
	async tagsOrSection(content, random) {
		const slug = random.pick(await articles(content));
		const tags = random.shuffle([...TAGS]).slice(0, random.int(4));
		const section = random.pick(SECTIONS);
		await editArticle(content, slug, (md) =>
			setField(setField(md, "tags", `[${tags.join(", ")}]`), "section", section),
		);
		return `moved ${slug} to ${section}, tags [${tags.join(", ")}]`;
	},
	async remove(content, random, step) {
		const all = await articles(content);
		if (all.length <= 3) return add(content, random, step);
		const slug = random.pick(all.filter((s) => s !== "second-story"));
		await rm(path.join(content, "articles", slug), { recursive: true });
		return `deleted ${slug}`;
	},
	async rename(content, random, step) {
		const slug = random.pick((await articles(content)).filter((s) => s !== "second-story"));
		const to = `renamed-${String(step)}`;
		await rename(path.join(content, "articles", slug), path.join(content, "articles", to));
		await editArticle(content, to, (md) => {
			const old = /^aliases: \[(.*)\]$/m.exec(md)?.[1];
			return setField(md, "aliases", `[${old ? `${old}, ` : ""}${slug}]`);
		});
		return `renamed ${slug} to ${to}, with an alias`;
	},
	async draft(content, random) {
		const slug = random.pick(await articles(content));
		let flipped = "";
		await editArticle(content, slug, (md) => {
			const draft = /^draft: true$/m.test(md);
			flipped = draft ? "published" : "made a draft of";
			return setField(md, "draft", draft ? undefined : "true");
		});
		return `${flipped} ${slug}`;
	},
	async schedule(content, random, step) {
		const mine = await ours(content);
		if (mine.length === 0) return add(content, random, step);
		const slug = random.pick(mine);
		let what = "";
		await editArticle(content, slug, (md) => {
			const future = /^date: 2099/m.test(md);
			what = future ? "brought back" : "scheduled";
			return setField(md, "date", future ? "2018-08-01T12:00:00Z" : "2099-03-01T12:00:00Z");
		});
		return `${what} ${slug}`;
	},
	async correct(content, random, step) {
		const mine = await ours(content);
		const live = [];
		for (const slug of mine) {
			const md = await readFile(path.join(content, "articles", slug, "index.md"), "utf8");
			if (!/^date: 2099/m.test(md)) live.push(slug);
		}
		if (live.length === 0) return add(content, random, step);
		const slug = random.pick(live);
		await editArticle(content, slug, (md) =>
			setField(
				md,
				"corrections",
				`[{date: "2019-01-0${String(1 + random.int(9))}T10:00:00Z", text: "A correction made at step ${String(step)}."}]`,
			),
		);
		return `corrected ${slug}`;
	},
	async photo(content, random) {
		const slug = random.pick(await articles(content));
		await sharp({ create: { width: 96, height: 64, channels: 3, background: color(random) } })
			.jpeg()
			.toFile(path.join(content, "articles", slug, "photo.jpg"));
		return `replaced the lead photo of ${slug} under the same name`;
	},
	async logo(content, random) {
		await sharp({ create: { width: 48, height: 48, channels: 3, background: color(random) } })
			.png()
			.toFile(path.join(content, "brand", "logo.png"));
		return "replaced the logo under the same name";
	},
	async dataFile(content, random, step) {
		const file = path.join(content, "_data", "sections.yaml");
		const yaml = await readFile(file, "utf8");
		await writeFile(
			file,
			yaml.replace(
				/^ {2}description: .*$/m,
				`  description: What happened, as of step ${String(step)}.`,
			),
		);
		return "changed the description of a section in sections.yaml";
	},
};

function color(random: Random): { r: number; g: number; b: number } {
	return { r: random.int(256), g: random.int(256), b: random.int(256) };
}

function diff(a: string, b: string): string {
	const result = spawnSync("diff", ["-r", a, b], { encoding: "utf8" });
	return `${result.stdout}${result.stderr}`;
}

describe("incremental builds", () => {
	test("after every edit of a random sequence, an incremental build equals a full one", async () => {
		const seed = Number(process.env.DATELINE_SEED ?? Math.floor(Math.random() * 1e6));
		const random = generator(seed);
		const site = await fixtureSite();
		const kinds = [...random.shuffle(Object.keys(EDITS)), random.pick(Object.keys(EDITS))];
		const first = runBuild(site.content, site.output, ENV);
		expect(first.status, first.stderr).toBe(0);
		const done: string[] = [];
		for (const [step, kind] of kinds.entries()) {
			const edit = EDITS[kind];
			if (!edit) throw new Error(kind);
			done.push(await edit(site.content, random, step));
			const story = `seed ${String(seed)} (DATELINE_SEED=${String(seed)} repeats it): ${done.join("; ")}`;
			const incremental = runBuild(site.content, site.output, ENV);
			expect(incremental.status, `${story}\n${incremental.stderr}`).toBe(0);
			const fresh = path.join(site.dir, `full-${String(step)}`);
			const full = runBuild(site.content, fresh, { ...ENV, DATELINE_FULL: "1" });
			expect(full.status, `${story}\n${full.stderr}`).toBe(0);
			expect(diff(site.output, fresh), story).toBe("");
			await rm(fresh, { recursive: true });
		}
	}, 600_000);

	test("an unchanged rebuild writes no page; a changed article rewrites it and its listings only", async () => {
		const site = await fixtureSite();
		expect(runBuild(site.content, site.output, ENV).stdout).toMatch(
			/Pages: \d+ written, 0 removed, 0 unchanged/,
		);
		const again = runBuild(site.content, site.output, ENV);
		expect(again.stdout).toMatch(/Pages: 0 written, 0 removed, \d+ unchanged/);
		expect(again.stdout).toContain("Search: 0 pages indexed again");
		await editArticle(site.content, "second-story", (md) =>
			setField(md, "title", "A new headline for the second story"),
		);
		const edited = runBuild(site.content, site.output, ENV);
		// The article, its section's page, its author's page; the first story lists it as related.
		expect(edited.stdout).toMatch(/Pages: [1-5] written, 0 removed/);
		const page = await readFile(
			path.join(site.output, "articles", "second-story", "index.html"),
			"utf8",
		);
		expect(page).toContain("A new headline for the second story");
	}, 120_000);

	test("npm run build -- --full writes every page again; --help says what it does", async () => {
		const site = await fixtureSite();
		const build = (...args: string[]) =>
			spawnSync(process.execPath, ["src/cli/build.ts", `--output=${site.output}`, ...args], {
				cwd: ROOT,
				encoding: "utf8",
				env: { ...process.env, ...ENV, DATELINE_CONTENT: site.content },
			});
		expect(build().status).toBe(0);
		const full = build("--full");
		expect(full.status, full.stderr).toBe(0);
		expect(full.stdout).toMatch(/Pages: \d+ written, 0 removed, 0 unchanged/);
		const help = spawnSync(process.execPath, ["src/cli/build.ts", "--help"], {
			cwd: ROOT,
			encoding: "utf8",
		});
		expect(help.stdout).toContain("--full");
	}, 120_000);

	test("a full build that fails halfway leaves the last complete site, not a half one", async () => {
		const site = await fixtureSite();
		expect(runBuild(site.content, site.output, ENV).status).toBe(0);
		const before = await readFile(path.join(site.output, "index.html"), "utf8");
		// A config that adds one template which throws while Eleventy renders its pages.
		const config = path.join(site.dir, "failing.eleventy.ts");
		await writeFile(
			config,
			`import base from ${JSON.stringify(path.join(ROOT, ".eleventy.ts"))};
export { config } from ${JSON.stringify(path.join(ROOT, ".eleventy.ts"))};
export default function (eleventyConfig) {
	const result = base(eleventyConfig);
	eleventyConfig.addTemplate("boom.11ty.js", () => { throw new Error("a layout failed"); }, { permalink: "/boom.html" });
	return result;
}
`,
		);
		const failed = spawnSync(
			process.execPath,
			["src/cli/build.ts", "--full", `--config=${config}`, `--output=${site.output}`],
			{
				cwd: ROOT,
				encoding: "utf8",
				env: { ...process.env, ...ENV, DATELINE_CONTENT: site.content },
			},
		);
		expect(failed.status).not.toBe(0);
		expect(failed.stderr).toContain("holds the last complete site again");
		expect(await readFile(path.join(site.output, "index.html"), "utf8")).toBe(before);
		expect(existsSync(`${site.output}.previous`)).toBe(false);
		expect(existsSync(path.join(site.output, "boom.html"))).toBe(false);
	}, 120_000);
});
