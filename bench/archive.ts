/**
 * A deterministic synthetic archive in Dateline's content model, for benchmarks: N articles
 * across sections and authors, tags with a few very popular and many rare (Zipf), realistic
 * bodies with headings, lists, links and tables, and K distinct photos reused across
 * articles (or, "text only", one tiny photo: every article needs a lead photo).
 */
import { copyFile, link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const SECTIONS = [
	"news",
	"politics",
	"business",
	"sport",
	"culture",
	"science",
	"world",
	"opinion",
];
const AUTHORS = 24;
const TAG_POOL = 3000;
const WORDS =
	"the a of to and in that for on with as was at by from his her their said would after before over under national team coach federation league match season minister council market report court city police election budget school hospital research player club fans stadium goal season contract decision source official statement week month year government".split(
		" ",
	);

/** A small seeded PRNG (mulberry32), so every run writes the same archive. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface ArchiveOptions {
	articles: number;
	/** Distinct photos; 0 means text only (one tiny photo shared by all). */
	photos: number;
	seed?: number;
}

function sentence(rnd: () => number, words: number): string {
	const out: string[] = [];
	for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)] ?? "the");
	const text = out.join(" ");
	return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/** Zipf-like tag choice: tag 0 is in a third of articles, tag 2999 in almost none. */
function tag(rnd: () => number): string {
	const rank = Math.floor(Math.pow(TAG_POOL, rnd()) - 1);
	return `tag-${String(rank).padStart(4, "0")}`;
}

function body(rnd: () => number, index: number, slugOf: (i: number) => string): string {
	const parts: string[] = [];
	for (let p = 0; p < 9; p++) {
		if (p === 3) parts.push(`## ${sentence(rnd, 5).slice(0, -1)}`);
		if (p === 5)
			parts.push(
				["- " + sentence(rnd, 8), "- " + sentence(rnd, 6), "- " + sentence(rnd, 10)].join(
					"\n",
				),
			);
		if (p === 7) {
			parts.push(
				"| Year | Result | Note |\n| --- | --- | --- |\n" +
					[2015, 2016, 2017, 2018]
						.map(
							(y) =>
								`| ${String(y)} | ${String(Math.floor(rnd() * 5))}-${String(Math.floor(rnd() * 5))} | ${sentence(rnd, 3)} |`,
						)
						.join("\n"),
			);
		}
		const linked =
			index > 0 && p === 2
				? ` See [the earlier report](/articles/${slugOf(index - 1)}/).`
				: "";
		parts.push(sentence(rnd, 25 + Math.floor(rnd() * 30)) + " " + sentence(rnd, 20) + linked);
	}
	return parts.join("\n\n");
}

async function makePhotos(dir: string, count: number, rnd: () => number): Promise<string[]> {
	await mkdir(dir, { recursive: true });
	const files: string[] = [];
	const sizes: [number, number][] =
		count === 0
			? [[64, 43]]
			: Array.from(
					{ length: count },
					(_, i) =>
						[
							[2400, 1600],
							[3000, 2000],
							[1600, 1067],
							[4000, 2667],
							[1200, 1200],
						][i % 5] as [number, number],
				);
	for (const [i, [w, h]] of sizes.entries()) {
		const file = path.join(dir, `photo-${String(i)}.jpg`);
		const r = Math.floor(rnd() * 200);
		const g = Math.floor(rnd() * 200);
		const b = Math.floor(rnd() * 200);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${String(w)}" height="${String(h)}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="rgb(${String(r)},${String(g)},${String(b)})"/><stop offset="1" stop-color="rgb(${String(b)},${String(r)},${String(g)})"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${String(w / 3)}" cy="${String(h / 2)}" r="${String(h / 4)}" fill="rgba(255,255,255,0.5)"/></svg>`;
		await sharp(Buffer.from(svg))
			.composite([
				{
					input: {
						create: {
							width: w,
							height: h,
							channels: 3,
							noise: { type: "gaussian", mean: 128, sigma: 30 },
							background: "#808080",
						},
					},
					blend: "overlay",
				},
			])
			.jpeg({ quality: 85 })
			.toFile(file);
		files.push(file);
	}
	return files;
}

// ext4 allows 65,000 links to one file; an archive of 100,000 articles sharing one photo needs
// more, so each master gets fresh copies (same bytes, so the same photo to Dateline) as it fills.
const LINKS_PER_COPY = 60_000;
const copies = new Map<string, { file: string; links: number; made: number }>();

/** Hard-links a master photo into place, starting a fresh copy of it every LINKS_PER_COPY links. */
async function linkPhoto(master: string, to: string): Promise<void> {
	let copy = copies.get(master);
	if (!copy || copy.links >= LINKS_PER_COPY) {
		const made = (copy?.made ?? 0) + 1;
		const file = made === 1 ? master : `${master}.copy-${String(made)}.jpg`;
		if (made > 1) await copyFile(master, file);
		copy = { file, links: 0, made };
		copies.set(master, copy);
	}
	copy.links++;
	await link(copy.file, to);
}

/** Writes the archive's content folder at `contentDir` (replacing it). */
export async function writeArchive(contentDir: string, options: ArchiveOptions): Promise<void> {
	copies.clear();
	const rnd = random(options.seed ?? 42);
	await rm(contentDir, { recursive: true, force: true });
	await mkdir(path.join(contentDir, "_data"), { recursive: true });
	const photos = await makePhotos(
		path.join(path.dirname(contentDir), "photos"),
		options.photos,
		rnd,
	);
	await writeFile(
		path.join(contentDir, "_data", "site.yaml"),
		"name: Bench Gazette\ndescription: A synthetic archive for measuring Dateline.\nurl: https://bench.example\nlanguage: en\ntimezone: America/New_York\nlogo: brand/logo.jpg\nimage: brand/logo.jpg\n",
	);
	await mkdir(path.join(contentDir, "brand"), { recursive: true });
	await linkPhoto(photos[0] ?? "", path.join(contentDir, "brand", "logo.jpg"));
	await writeFile(
		path.join(contentDir, "_data", "sections.yaml"),
		SECTIONS.map((s) => `${s}:\n  name: ${s.charAt(0).toUpperCase()}${s.slice(1)}\n`).join(""),
	);
	await writeFile(
		path.join(contentDir, "_data", "authors.yaml"),
		Array.from(
			{ length: AUTHORS },
			(_, i) => `writer-${String(i)}:\n  name: Writer ${String(i)}\n  role: Reporter\n`,
		).join(""),
	);
	const slugOf = (i: number) => `story-${String(i).padStart(5, "0")}`;
	const start = Date.parse("2021-01-01T00:00:00Z");
	const span = Date.parse("2026-01-01T00:00:00Z") - start;
	for (let i = 0; i < options.articles; i++) {
		const dir = path.join(contentDir, "articles", slugOf(i));
		await mkdir(dir, { recursive: true });
		const date = new Date(
			start + Math.floor((span * i) / options.articles) + Math.floor(rnd() * 3_600_000),
		);
		const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
		const tags = [
			...new Set(Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => tag(rnd))),
		];
		const photo = photos[i % photos.length] ?? "";
		await linkPhoto(photo, path.join(dir, "photo.jpg"));
		const title = sentence(rnd, 6 + Math.floor(rnd() * 6)).slice(0, -1);
		await writeFile(
			path.join(dir, "index.md"),
			`---
title: ${JSON.stringify(title.length < 10 ? `${title} and more` : title)}
description: ${JSON.stringify(sentence(rnd, 22))}
date: ${iso}
authors: [writer-${String(i % AUTHORS)}]
section: ${SECTIONS[i % SECTIONS.length] ?? "news"}
tags: [${tags.join(", ")}]
image:
  src: photo.jpg
  alt: ${JSON.stringify(sentence(rnd, 6))}
  credit: Bench Photographer
---

${body(rnd, i, slugOf)}
`,
		);
	}
}
