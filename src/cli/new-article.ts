/**
 * `npm run new -- "Headline"`: scaffolds content/articles/<slug>/index.md as a draft, dated now
 * in the publication's time zone, with an author and a section from the data files, and a
 * stand-in photo so the preview shows it at once. What the editor still has to write is
 * marked `TODO:`, which the check refuses in anything that is not a draft.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { PLACEHOLDER, PLACEHOLDER_PHOTO } from "../content/rules.ts";
import { localIso } from "../dates.ts";
import { authorsSchema, sectionsSchema, siteSchema } from "../schema.ts";

/** The slug for a headline: lowercase ASCII words joined by hyphens, at most `max` characters. */
export function slugify(headline: string, max = 60): string {
	const words = headline
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/['’]/g, "")
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = "";
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > max && slug) break;
		slug = next.slice(0, max);
	}
	return slug;
}

/** The new article's index.md. */
export function scaffold(fields: {
	title: string;
	date: string;
	author: string;
	section: string;
	photo: string;
}): string {
	const q = (text: string) => JSON.stringify(text);
	return `---
title: ${q(fields.title)}
description: ${q(`${PLACEHOLDER} write the standfirst, 50 to 300 characters: what happened, to whom, and why it matters.`)}
date: ${fields.date}
authors: [${fields.author}]
section: ${fields.section}
tags: []
image:
  src: ${fields.photo}
  alt: ${q(`${PLACEHOLDER} describe what the photo shows`)}
  credit: ${q(`${PLACEHOLDER} name who made the photo`)}
draft: true
---

${PLACEHOLDER} write the article.
`;
}

async function readData<T>(file: string, schema: { parse(data: unknown): T }): Promise<T> {
	try {
		return schema.parse(parse(await readFile(file, "utf8")));
	} catch (cause) {
		throw new Error(
			`${file} must be sound before an article can be added; run \`npm run check\` to see why.`,
			{ cause },
		);
	}
}

async function choose(
	rl: ReturnType<typeof createInterface> | undefined,
	what: string,
	ids: string[],
	names: string[],
): Promise<string> {
	if (!rl || ids.length === 1) return ids[0] ?? "";
	const menu = ids.map((id, i) => `  ${String(i + 1)}. ${names[i] ?? id} (${id})`).join("\n");
	for (;;) {
		const answer = (await rl.question(`${what}:\n${menu}\nNumber [1]: `)).trim();
		const n = answer === "" ? 1 : Number(answer);
		if (Number.isInteger(n) && n >= 1 && n <= ids.length) return ids[n - 1] ?? "";
		process.stdout.write(`Type a number from 1 to ${String(ids.length)}.\n`);
	}
}

/** An author or section id: the one given, checked; else chosen from the data file's. */
async function pickId(
	rl: ReturnType<typeof createInterface> | undefined,
	what: "Author" | "Section",
	given: string | undefined,
	map: Record<string, { name: string }>,
): Promise<string> {
	const ids = Object.keys(map);
	if (given) {
		if (!Object.hasOwn(map, given))
			throw new Error(
				`\`${given}\` is not a${what === "Author" ? "n author" : " section"} id; choose one of ${ids.map((i) => `\`${i}\``).join(", ")}`,
			);
		return given;
	}
	if (ids.length === 0)
		throw new Error(
			`${what === "Author" ? "authors.yaml" : "sections.yaml"} lists none yet; add one first`,
		);
	return choose(
		rl,
		what,
		ids,
		ids.map((id) => map[id]?.name ?? id),
	);
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			author: { type: "string" },
			section: { type: "string" },
			content: { type: "string", default: "content" },
		},
	});
	const contentDir = path.resolve(values.content);
	const dataDir = path.join(contentDir, "_data");
	const [site, authors, sections] = await Promise.all([
		readData(path.join(dataDir, "site.yaml"), siteSchema),
		readData(path.join(dataDir, "authors.yaml"), authorsSchema),
		readData(path.join(dataDir, "sections.yaml"), sectionsSchema),
	]);
	const interactive = process.stdin.isTTY && process.stdout.isTTY;
	const rl = interactive
		? createInterface({ input: process.stdin, output: process.stdout })
		: undefined;
	try {
		let title = positionals.join(" ").trim();
		while (!title && rl) title = (await rl.question("Headline: ")).trim();
		if (!title)
			throw new Error(
				'Give the headline: npm run new -- "Osorio to leave Mexican national team"',
			);

		const pick = (
			what: "Author" | "Section",
			given: string | undefined,
			map: Record<string, { name: string }>,
		) => pickId(rl, what, given, map);
		const author = await pick("Author", values.author, authors);
		const section = await pick("Section", values.section, sections);

		const slug = slugify(title);
		if (!slug)
			throw new Error("The headline needs at least one letter or digit to make a slug.");
		const dir = path.join(contentDir, "articles", slug);
		if (existsSync(dir))
			throw new Error(
				`${path.relative(process.cwd(), dir)} already exists; choose another headline.`,
			);
		const brand = path.join(contentDir, site.image);
		const photo = `${PLACEHOLDER_PHOTO}${path.extname(brand).toLowerCase()}`;
		await mkdir(dir, { recursive: true });
		await copyFile(brand, path.join(dir, photo));
		const file = path.join(dir, "index.md");
		await writeFile(
			file,
			scaffold({ title, date: localIso(Date.now(), site.timezone), author, section, photo }),
		);
		const rel = (p: string) => path.relative(process.cwd(), p);
		process.stdout
			.write(`Created ${rel(file)} as a draft (author \`${author}\`, section \`${section}\`).
Next:
  1. Put the lead photo beside it in ${rel(dir)}/ (JPEG, PNG, WebP or AVIF), set \`image.src\` to its file name,
     and delete ${photo}, the stand-in copied there so the preview works now.
  2. Fill in every ${PLACEHOLDER} (standfirst, photo alt text and credit, the body) and the tags.
     Further photos go in the body on a line of their own: ![What it shows](file.jpg "Caption. Photo: Name/Agency")
  3. Preview with \`npm start\`; \`npm run check\` lists what is still missing.
  4. Remove \`draft: true\` to publish.
`);
	} finally {
		rl?.close();
	}
}

// Run only as a command, so tests can import slugify() and scaffold().
if (import.meta.main) {
	try {
		await main();
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
}
