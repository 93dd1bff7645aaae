/**
 * `npm run new -- "Headline"`: scaffolds content/articles/<slug>/index.md as a draft, dated now
 * in the publication's time zone, with an author and a section from the data files, and a
 * stand-in photo so the preview shows it at once. What the editor still has to write is
 * marked `TODO:`, which the check refuses in anything that is not a draft. The headline and
 * tags are checked against the same schema as the check's before anything is written.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { takeInventory } from "../content/inventory.ts";
import { parseArticle } from "../content/parse.ts";
import { aboutLength } from "../content/problems-from-zod.ts";
import { PLACEHOLDER, PLACEHOLDER_PHOTO } from "../content/rules.ts";
import { tagNote } from "../content/tag-notes.ts";
import { localIso } from "../dates.ts";
import { describeFound, formatProblems, type Problem } from "../problems.ts";
import { articleSchema, authorsSchema, sectionsSchema, siteSchema, tagsSchema } from "../schema.ts";

/** What `npm run new -- --help` prints. */
export const USAGE = `Usage: npm run new -- "Headline" [--author <id>] [--section <id>] [--tags <tag,tag>]

Creates content/articles/<slug>/index.md as a draft: the slug made from the headline, dated
now in the publication's time zone, with a stand-in photo so the preview shows it at once.
Without a headline it asks for one; with several authors or sections it asks which.

  --author <id>      an author id from authors.yaml
  --section <id>     a section id from sections.yaml
  --tags <a,b>       tags, lowercase words joined by hyphens, separated by commas
  --content <dir>    the content folder (default: content)
  -h, --help         print this and stop
`;

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
	tags?: string[];
}): string {
	const q = (text: string) => JSON.stringify(text);
	return `---
title: ${q(fields.title)}
description: ${q(`${PLACEHOLDER} write the standfirst, 50 to 300 characters: what happened, to whom, and why it matters.`)}
date: ${fields.date}
authors: [${fields.author}]
section: ${fields.section}
tags: [${(fields.tags ?? []).join(", ")}]
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

/** The headline checked against the article schema's `title`, in the command line's words. */
export function headlineProblems(title: string): string[] {
	const result = articleSchema.shape.title.safeParse(title);
	return (result.error?.issues ?? []).map(
		(issue) =>
			`The headline ${issue.message}; found ${describeFound(title, aboutLength(issue))}.`,
	);
}

/** `--tags` checked against the article schema's `tags`, in the command line's words. */
export function tagProblems(tags: string[]): string[] {
	const result = articleSchema.shape.tags.safeParse(tags);
	return (result.error?.issues ?? []).map((issue) => {
		const [index] = issue.path;
		const tag = typeof index === "number" ? tags[index] : undefined;
		return `--tags: ${tag === undefined ? "" : `"${tag}" `}${issue.message}.`;
	});
}

/** The tags of `--tags a,b`: split at commas, trimmed, empty ones left out. */
export function tagList(given: string | undefined): string[] {
	return (given ?? "")
		.split(",")
		.map((tag) => tag.trim())
		.filter(Boolean);
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

/** The command line, or a message (and the usage) when it cannot be read. */
function options() {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				author: { type: "string" },
				section: { type: "string" },
				tags: { type: "string" },
				content: { type: "string", default: "content" },
				help: { type: "boolean", short: "h" },
			},
		});
	} catch (error) {
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, {
			cause: error,
		});
	}
}

/** The data files `new` reads; tags.yaml may be absent. */
async function readDataFiles(dataDir: string) {
	const [site, authors, sections, tags] = await Promise.all([
		readData(path.join(dataDir, "site.yaml"), siteSchema),
		readData(path.join(dataDir, "authors.yaml"), authorsSchema),
		readData(path.join(dataDir, "sections.yaml"), sectionsSchema),
		// tags.yaml is optional: without it every tag is shown as its slug.
		existsSync(path.join(dataDir, "tags.yaml"))
			? readData(path.join(dataDir, "tags.yaml"), tagsSchema)
			: {},
	]);
	return { site, authors, sections, tags };
}

/** The headline given, or asked for until it passes the schema; refused when it cannot be asked. */
async function headline(
	rl: ReturnType<typeof createInterface> | undefined,
	given: string,
): Promise<string> {
	let title = given;
	for (;;) {
		while (!title && rl) title = (await rl.question("Headline: ")).trim();
		if (!title)
			throw new Error(
				'Give the headline: npm run new -- "Osorio to leave Mexican national team"',
			);
		const problems = headlineProblems(title);
		if (problems.length === 0) return title;
		if (!rl) throw new Error(`${problems.join("\n")}\nNothing was written.`);
		process.stdout.write(`${problems.join("\n")}\n`);
		title = "";
	}
}

/** Refuses a slug that any article folder already has, anywhere under articles/. */
function freeSlug(contentDir: string, slug: string): void {
	if (!slug) throw new Error("The headline needs at least one letter or digit to make a slug.");
	const taken = takeInventory(contentDir, (file) => file).articles.find(
		(file) => path.basename(path.dirname(file)) === slug,
	);
	const dir = taken ? path.dirname(taken) : path.join(contentDir, "articles", slug);
	if (taken || existsSync(dir))
		throw new Error(
			`${path.relative(process.cwd(), dir)} already exists, and slugs are unique; choose another headline. Nothing was written.`,
		);
}

/** What to do next, and a note for each tag tags.yaml does not name. */
function nextSteps(
	file: string,
	photo: string,
	byline: { author: string; section: string },
	unnamed: string[],
	tagsFile: string,
): string {
	const rel = (p: string) => path.relative(process.cwd(), p);
	const dir = path.dirname(file);
	const notes = unnamed.map((tag) => `Note: ${tagNote(tag, rel(tagsFile))}.\n`).join("");
	return `Created ${rel(file)} as a draft (author \`${byline.author}\`, section \`${byline.section}\`).
${notes}Next:
  1. Put the lead photo beside it in ${rel(dir)}/ (JPEG, PNG, WebP or AVIF), set \`image.src\` to its file name,
     and delete ${photo}, the stand-in copied there so the preview works now.
  2. Fill in every ${PLACEHOLDER} (standfirst, photo alt text and credit, the body) and the tags.
     Further photos go in the body on a line of their own: ![What it shows](file.jpg "Caption. Photo: Name/Agency")
  3. Preview with \`npm start\`; \`npm run check\` lists what is still missing.
  4. Remove \`draft: true\` to publish.
`;
}

async function main(): Promise<void> {
	const { values, positionals } = options();
	if (values.help) {
		process.stdout.write(USAGE);
		return;
	}
	const contentDir = path.resolve(values.content);
	const dataDir = path.join(contentDir, "_data");
	const data = await readDataFiles(dataDir);
	const tags = tagList(values.tags);
	const refused = tagProblems(tags);
	if (refused.length > 0) throw new Error(`${refused.join("\n")}\nNothing was written.`);
	const interactive = process.stdin.isTTY && process.stdout.isTTY;
	const rl = interactive
		? createInterface({ input: process.stdin, output: process.stdout })
		: undefined;
	try {
		const title = await headline(rl, positionals.join(" ").trim());
		const author = await pickId(rl, "Author", values.author, data.authors);
		const section = await pickId(rl, "Section", values.section, data.sections);
		const slug = slugify(title);
		freeSlug(contentDir, slug);
		const dir = path.join(contentDir, "articles", slug);
		const file = path.join(dir, "index.md");
		const brand = path.join(contentDir, data.site.image);
		const photo = `${PLACEHOLDER_PHOTO}${path.extname(brand).toLowerCase()}`;
		const date = localIso(Date.now(), data.site.timezone);
		const source = scaffold({ title, date, author, section, photo, tags });
		// The same check the build makes, on the file about to be written.
		const problems: Problem[] = [];
		parseArticle(source, file, path.relative(process.cwd(), file), problems);
		if (problems.length > 0) throw new Error(formatProblems(problems));
		await mkdir(dir, { recursive: true });
		await copyFile(brand, path.join(dir, photo));
		await writeFile(file, source);
		const unnamed = tags.filter((tag) => !Object.hasOwn(data.tags, tag));
		process.stdout.write(
			nextSteps(file, photo, { author, section }, unnamed, path.join(dataDir, "tags.yaml")),
		);
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
