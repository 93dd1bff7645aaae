/**
 * Reads everything an editor wrote (the data files and every article folder), checks it all
 * against the schema and against each other, and turns it into a typed catalog that pages,
 * feeds and sitemaps read. Nothing is written here; problems are collected, never thrown one
 * at a time.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import jsyaml from "js-yaml";
import path from "node:path";
import sharp from "sharp";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document } from "yaml";
import type { z } from "zod";
import {
	ARTICLE_FIELDS,
	SLUG_RE,
	articleSchema,
	authorsSchema,
	sectionsSchema,
	siteSchema,
	tagsSchema,
	type ArticleData,
	type AuthorData,
	type ImageData,
	type SectionData,
	type SiteData,
	type TagData,
} from "./schema.ts";
import { toEpoch } from "./dates.ts";
import { captionCredit, photoKey, type PhotoCredit, type Rendition } from "./images.ts";
import { closest, describeFound, fieldName, type Problem } from "./problems.ts";

const ARTICLES_DIR = "articles";
const DATA_DIR = "_data";
const ARTICLE_FILE = "index.md";
const PHOTO_FORMATS: Record<string, string> = {
	jpeg: "JPEG",
	png: "PNG",
	webp: "WebP",
	heif: "AVIF",
};
// Files read at once: enough to keep the disk busy, far below the open-file limit.
const IO_CONCURRENCY = 64;

/** Maps over items with at most `limit` calls in flight, keeping the results in order. */
export async function mapLimit<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** Marks what `npm run new` leaves for the editor to write; a draft may hold it, nothing published may. */
export const PLACEHOLDER = "TODO:";
/** The stand-in lead photo `npm run new` copies beside a new article. */
export const PLACEHOLDER_PHOTO = "replace-me";
// Inline photos as CommonMark reads them: alt text may hold escapes and one level of brackets;
// the title may be in double or single quotes or parentheses, with backslash escapes.
const INLINE_PHOTO_RE =
	/!\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|\(((?:[^()\\]|\\.)*)\)))?\s*\)/g;
const REFERENCE_PHOTO_RE = /!\[[^\]]*\]\[[^\]]*\]/g;

/** A photo file that was found, read and measured. */
export interface PhotoFile {
	/** Absolute path on disk. */
	file: string;
	width: number;
	height: number;
	format: string;
	/** Set by the photo pipeline before pages render. */
	rendition?: Rendition;
}

/** The lead photo: the editor's fields plus the measured file and its site URL. */
export interface LeadPhoto extends ImageData, PhotoFile {
	href: string;
}

/** A photo placed in the body with `![alt](file.jpg "caption")`. */
export interface InlinePhoto extends PhotoFile {
	src: string;
	href: string;
	/** From the end of its caption ("Photo: Name/Agency"), or the lead's when it is the same file. */
	credit: string;
	agency?: string | undefined;
	copyright?: string | undefined;
}

/** An author from authors.yaml with its id and page address. */
export interface Author extends AuthorData {
	id: string;
	href: string;
	avatarFile?: PhotoFile | undefined;
}

/** A section from sections.yaml with its id and page address. */
export interface Section extends SectionData {
	id: string;
	href: string;
}

/** Where an article stands on a given build. */
export type ArticleStatus = "published" | "draft" | "scheduled";

/** One checked article, ready for layouts. */
export interface Article {
	slug: string;
	/** Site-relative address of the article page, e.g. /articles/osorio-to-leave-mexico/. */
	href: string;
	/** The source file relative to the project, for messages. */
	sourcePath: string;
	data: ArticleData;
	/** The markdown body. */
	body: string;
	published: number;
	modified: number;
	status: ArticleStatus;
	authors: Author[];
	section: Section;
	tags: string[];
	image: LeadPhoto;
	/** Site-relative addresses of the article's old slugs, each redirecting here. */
	aliases: string[];
	/** Inline photos keyed by the `src` written in the body. */
	photos: Map<string, InlinePhoto>;
}

/** The publication from site.yaml, with its brand files measured. */
export interface Site extends SiteData {
	logoFile: PhotoFile;
	imageFile: PhotoFile;
	/** Site-relative addresses of the logo and the default social image. */
	logoHref: string;
	imageHref: string;
}

/**
 * The path a site is served under, from its URL: "https://newsroom.github.io/dateline/" ->
 * "/dateline". Every address Dateline writes starts with it, so the site works under a prefix.
 */
export function basePathOf(siteUrl: string): string {
	return new URL(siteUrl).pathname.replace(/\/+$/, "");
}

/** A tag with its display name (from tags.yaml, else a readable form of the slug). */
export interface Tag extends TagData {
	id: string;
	href: string;
}

/** Something with a page listing its articles. */
export type Subject =
	| { kind: "section"; item: Section }
	| { kind: "tag"; item: Tag }
	| { kind: "author"; item: Author };

/** One page of a paginated listing (a section, tag or author), with stable addresses. */
export interface ListingPage {
	subject: Subject;
	/** 1-based. */
	number: number;
	total: number;
	href: string;
	/** Every article of the listing, newest first (for counts). */
	all: Article[];
	items: Article[];
	prev: string | undefined;
	next: string | undefined;
}

/** Articles listed on one page of a section, tag or author listing. */
export const LISTING_PAGE_SIZE = 20;
// Related articles are ranked among the newest this many of each shared tag and the section,
// so a very popular tag does not make every article scan the whole archive.
const RELATED_SCAN = 400;

/** "world-cup-2018" -> "World cup 2018", for tags that tags.yaml does not name. */
export function readableSlug(slug: string): string {
	const words = slug.replace(/-/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function pushTo<K>(map: Map<K, Article[]>, key: K, article: Article): void {
	const list = map.get(key);
	if (list) list.push(article);
	else map.set(key, [article]);
}

/**
 * Everything the pages need. A class rather than a plain object so Eleventy's data cascade
 * passes it by reference instead of deep-copying it into every page.
 */
export class Catalog {
	readonly site: Site;
	readonly authors: Map<string, Author>;
	readonly sections: Map<string, Section>;
	/** Tags used by the articles of this build, by display name. */
	readonly tags: Map<string, Tag>;
	/** Articles this build publishes, newest first. */
	readonly articles: Article[];
	readonly buildTime: number;
	/** The path the site is served under, e.g. "/dateline" for project pages; "" at a domain's root. */
	readonly basePath: string;
	/**
	 * When set, this build renders only these articles' pages and the pages that list them
	 * (the preview after an edit to articles alone); everything else on disk stays as it is.
	 */
	renderOnly: Set<string> | undefined;
	/** Future-dated articles that are not drafts, soonest first (published or not in this build). */
	scheduled: Article[] = [];
	readonly #bySection = new Map<string, Article[]>();
	readonly #byTag = new Map<string, Article[]>();
	readonly #byAuthor = new Map<string, Article[]>();
	#listings: ListingPage[] | undefined;

	constructor(
		site: Site,
		authors: Map<string, Author>,
		sections: Map<string, Section>,
		tagNames: Record<string, TagData>,
		articles: Article[],
		buildTime: number,
	) {
		this.site = site;
		this.basePath = basePathOf(site.url);
		this.authors = authors;
		this.sections = sections;
		this.articles = articles;
		this.buildTime = buildTime;
		for (const article of articles) {
			pushTo(this.#bySection, article.section.id, article);
			for (const tag of article.tags) pushTo(this.#byTag, tag, article);
			for (const author of article.authors) pushTo(this.#byAuthor, author.id, article);
		}
		const tags = [...this.#byTag.keys()].map((id) => ({
			...(tagNames[id] ?? { name: readableSlug(id) }),
			id,
			href: `${this.basePath}/tags/${id}/`,
		}));
		tags.sort(
			(a, b) => a.name.localeCompare(b.name, site.language) || a.id.localeCompare(b.id),
		);
		this.tags = new Map(tags.map((t) => [t.id, t]));
	}

	/** A root-relative path as the site serves it: `/feed.xml` -> `/dateline/feed.xml`. */
	url(rootPath: string): string {
		return `${this.basePath}${rootPath}`;
	}

	/** Where an address lands in the output folder: `/dateline/tags/x/` -> `/tags/x/index.html`. */
	outputPath(href: string): string {
		const inSite = href.startsWith(`${this.basePath}/`)
			? href.slice(this.basePath.length)
			: href;
		return inSite.endsWith("/") ? `${inSite}index.html` : inSite;
	}

	/** Whether this build renders everything (not only what an edit touched). */
	get renderAll(): boolean {
		return this.renderOnly === undefined;
	}

	/** The articles whose pages this build renders. */
	get pageArticles(): Article[] {
		const only = this.renderOnly;
		return only ? this.articles.filter((a) => only.has(a.slug)) : this.articles;
	}

	/** Sections whose feeds this build writes: all, or none after an edit to articles alone. */
	get pageSections(): Section[] {
		return this.renderAll ? this.sectionList : [];
	}

	/** Redirect pages this build writes: all, or none after an edit to articles alone. */
	get pageRedirects(): { from: string; article: Article }[] {
		return this.renderAll ? this.redirects : [];
	}

	/** The listing pages this build renders: with an edit, those that list an edited article. */
	get pageListings(): ListingPage[] {
		const only = this.renderOnly;
		return only
			? this.listings.filter((p) => p.items.some((a) => only.has(a.slug)))
			: this.listings;
	}

	/** Old article addresses and where they redirect now. */
	get redirects(): { from: string; article: Article }[] {
		return this.articles.flatMap((article) =>
			article.aliases.map((from) => ({ from, article })),
		);
	}

	/** Sections in the order sections.yaml lists them. */
	get sectionList(): Section[] {
		return [...this.sections.values()];
	}

	/** Articles of one section, newest first. */
	inSection(id: string): Article[] {
		return this.#bySection.get(id) ?? [];
	}

	/** Articles with one tag, newest first. */
	withTag(id: string): Article[] {
		return this.#byTag.get(id) ?? [];
	}

	/** Articles by one author, newest first. */
	byAuthor(id: string): Article[] {
		return this.#byAuthor.get(id) ?? [];
	}

	/** The tag's display record (for an article's tag list). */
	tag(id: string): Tag {
		return (
			this.tags.get(id) ?? {
				id,
				name: readableSlug(id),
				href: `${this.basePath}/tags/${id}/`,
			}
		);
	}

	/** Every listing page at the default size, computed once, for Eleventy to paginate over. */
	get listings(): ListingPage[] {
		this.#listings ??= this.listingPages();
		return this.#listings;
	}

	/** Every page of every section, tag and author listing. */
	listingPages(pageSize = LISTING_PAGE_SIZE): ListingPage[] {
		const subjects: Subject[] = [
			...this.sectionList.map((item) => ({ kind: "section" as const, item })),
			...[...this.tags.values()].map((item) => ({ kind: "tag" as const, item })),
			...[...this.authors.values()].map((item) => ({ kind: "author" as const, item })),
		];
		const pages: ListingPage[] = [];
		for (const subject of subjects) {
			const all =
				subject.kind === "section"
					? this.inSection(subject.item.id)
					: subject.kind === "tag"
						? this.withTag(subject.item.id)
						: this.byAuthor(subject.item.id);
			const total = Math.max(1, Math.ceil(all.length / pageSize));
			const hrefOf = (n: number) =>
				n === 1 ? subject.item.href : `${subject.item.href}page/${String(n)}/`;
			for (let n = 1; n <= total; n++) {
				pages.push({
					subject,
					number: n,
					total,
					href: hrefOf(n),
					all,
					items: all.slice((n - 1) * pageSize, n * pageSize),
					prev: n > 1 ? hrefOf(n - 1) : undefined,
					next: n < total ? hrefOf(n + 1) : undefined,
				});
			}
		}
		return pages;
	}

	/**
	 * Articles related to one: ranked by shared tags, then by sharing its section; never the
	 * article itself; newest first on ties.
	 */
	related(article: Article, limit = 4): Article[] {
		const scores = new Map<Article, number>();
		const add = (list: Article[], weight: number) => {
			for (const other of list.slice(0, RELATED_SCAN)) {
				if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
			}
		};
		for (const tag of article.tags) add(this.withTag(tag), 2);
		add(this.inSection(article.section.id), 1);
		return [...scores]
			.sort(
				([a, sa], [b, sb]) =>
					sb - sa || b.published - a.published || a.slug.localeCompare(b.slug),
			)
			.slice(0, limit)
			.map(([other]) => other);
	}
}

/** How to read content. */
export interface LoadOptions {
	/** The `content/` folder. */
	contentDir: string;
	/** Folder that file names in messages are relative to; by default the one holding `content/`. */
	root?: string;
	/** Include drafts and future-dated articles (the preview server does). */
	includeUnpublished?: boolean;
	/** The build time in ms; articles dated after it are scheduled. */
	now?: number;
	/**
	 * Parsed articles kept between loads (the preview server's): a file whose size and
	 * modification time are unchanged is not read or checked against the schema again.
	 */
	cache?: ParseCache;
}

/** Articles parsed on an earlier load, by file. */
export type ParseCache = Map<
	string,
	{ key: string; draft: Draft | undefined; problems: Problem[] }
>;

/** The catalog when content is sound; otherwise every problem found. */
export type LoadResult =
	{ catalog: Catalog; problems: [] } | { catalog: undefined; problems: Problem[] };

/** The build time: SOURCE_DATE_EPOCH (seconds) when set, so builds can be reproduced; else now. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): number {
	const epoch = env.SOURCE_DATE_EPOCH;
	return epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
}

/** A parsed YAML document with the means to find a field's line. */
interface Yaml {
	data: unknown;
	doc: Document;
	lines: LineCounter;
}

/**
 * Parses YAML fast with js-yaml's core schema (no timestamps, so dates stay as written) and
 * keeps the `yaml` package's document, with line numbers, for when a message needs a line:
 * it is ten times slower, which counts at tens of thousands of articles.
 */
function readYaml(source: string, file: string, problems: Problem[]): Yaml | undefined {
	let data: unknown;
	try {
		data = jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA });
	} catch {
		// The slow parser reports the error with its line, in its own words.
		return parseYaml(source, file, problems);
	}
	let full: Yaml | undefined;
	const positions = (): Yaml => {
		if (!full) {
			const lines = new LineCounter();
			full = {
				data,
				doc: parseDocument(source, { lineCounter: lines, uniqueKeys: true }),
				lines,
			};
		}
		return full;
	};
	return {
		data,
		get doc() {
			return positions().doc;
		},
		get lines() {
			return positions().lines;
		},
	};
}

function parseYaml(source: string, file: string, problems: Problem[]): Yaml | undefined {
	const lines = new LineCounter();
	const doc = parseDocument(source, {
		lineCounter: lines,
		prettyErrors: false,
		uniqueKeys: true,
	});
	// The first error only: the ones after it are mostly its echoes (a tab gives seven).
	const [error] = doc.errors;
	if (error) {
		const line = lines.linePos(error.pos[0]).line;
		const detail =
			error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
		const hint =
			error.code === "DUPLICATE_KEY"
				? "a field appears twice; keep one of them"
				: error.code === "TAB_AS_INDENT"
					? "it is indented with a tab; indent with spaces"
					: `${detail}; fix the indentation or quoting on this line`;
		problems.push({ file, line, message: `the YAML does not parse: ${hint}` });
		return undefined;
	}
	return { data: doc.toJS() as unknown, doc, lines };
}

/** The line of the deepest part of `fieldPath` that the YAML holds. */
function lineOf(yaml: Yaml, fieldPath: readonly PropertyKey[]): number | undefined {
	let node: unknown = yaml.doc.contents;
	let offset: number | undefined;
	for (const part of fieldPath) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
			if (!pair) break;
			if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
			node = pair.value;
		} else if (isSeq(node) && typeof part === "number") {
			const item: unknown = node.items[part];
			if (item && typeof item === "object" && "range" in item && Array.isArray(item.range)) {
				offset = item.range[0] as number;
			}
			node = item;
		} else break;
	}
	return offset === undefined ? undefined : yaml.lines.linePos(offset).line;
}

function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): unknown {
	let value = data;
	for (const part of fieldPath) {
		if (value === null || typeof value !== "object") return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

/** Turns zod's issues into problems that name the field, the expectation and what was found. */
function schemaProblems(
	error: z.ZodError,
	yaml: Yaml,
	file: string,
	knownFields: readonly string[],
): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys) {
				const field = fieldName([...issue.path, key]);
				const guess = issue.path.length === 0 ? closest(key, knownFields) : undefined;
				problems.push({
					file,
					line: lineOf(yaml, [...issue.path, key]),
					message: `\`${field}\` is not a field of the content model${guess ? `; did you mean \`${guess}\`?` : ""} Fix its spelling or remove it.`,
				});
			}
			continue;
		}
		const found = valueAt(yaml.data, issue.path);
		if (issue.path.length === 0 && issue.code === "invalid_type") {
			problems.push({
				file,
				message: `the YAML must be fields, one per line, as \`name: value\`; found ${describeFound(found)}`,
			});
			continue;
		}
		const field = fieldName(issue.path);
		const message =
			issue.code === "invalid_key"
				? `\`${field}\` ${issue.issues[0]?.message ?? issue.message}`
				: `\`${field}\` ${issue.message}`;
		problems.push({
			file,
			line: lineOf(yaml, issue.path),
			message:
				found === undefined || issue.code === "invalid_key"
					? message
					: `${message}; found ${describeFound(found)}`,
		});
	}
	return problems;
}

/** Measures a photo; a problem message when it is missing, unreadable or not a supported image. */
async function inspectPhoto(file: string, display: string): Promise<PhotoFile | string> {
	try {
		const meta = await sharp(file).metadata();
		const format = meta.format === "heif" && meta.compression !== "av1" ? "heic" : meta.format;
		if (!(format in PHOTO_FORMATS)) {
			return `names ${display}, which is ${format.toUpperCase()}; expected JPEG, PNG, WebP or AVIF`;
		}
		const rotated = (meta.orientation ?? 1) >= 5;
		return {
			file,
			width: rotated ? meta.height : meta.width,
			height: rotated ? meta.width : meta.height,
			format: PHOTO_FORMATS[format] ?? format,
		};
	} catch (cause) {
		const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
		return `names ${display}, which is not a readable image (${reason ?? "unknown error"}); export it again as JPEG, PNG, WebP or AVIF`;
	}
}

/** Resolves a photo path relative to a folder, refusing paths that leave it. */
function photoFileIn(dir: string, src: string): string | undefined {
	if (path.isAbsolute(src) || /^[a-z]+:/i.test(src)) return undefined;
	const file = path.resolve(dir, src);
	return file.startsWith(dir + path.sep) ? file : undefined;
}

async function readDataFile<T>(
	file: string,
	display: string,
	schema: z.ZodType<T>,
	knownFields: readonly string[],
	problems: Problem[],
	optional = false,
): Promise<T | undefined> {
	let source: string;
	try {
		const text = readableText(await readFile(file, "utf8"), display, problems);
		if (text === undefined) return undefined;
		source = text;
	} catch {
		if (optional) return undefined;
		problems.push({
			file: display,
			message: `\`${path.basename(file)}\` is required but was not found; create ${display}`,
		});
		return undefined;
	}
	const yaml = readYaml(source, display, problems);
	if (!yaml) return undefined;
	const result = schema.safeParse(yaml.data ?? {});
	if (result.success) return result.data;
	problems.push(...schemaProblems(result.error, yaml, display, knownFields));
	return undefined;
}

/** Every `index.md` under articles/, plus markdown files that are not articles (reported, never dropped). */
function findArticleFiles(articlesDir: string): { articles: string[]; strays: string[] } {
	let entries;
	try {
		// Synchronous: the promise-based recursive walk spends most of its time between folders.
		entries = readdirSync(articlesDir, { recursive: true, withFileTypes: true });
	} catch {
		return { articles: [], strays: [] };
	}
	const articles: string[] = [];
	const strays: string[] = [];
	for (const entry of entries) {
		if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) continue;
		const file = path.join(entry.parentPath, entry.name);
		(entry.name === ARTICLE_FILE ? articles : strays).push(file);
	}
	return { articles: articles.sort(), strays: strays.sort() };
}

// Frontmatter between `---` lines at the very top. Split by hand rather than with gray-matter:
// measured on 20,000 articles it cost 20 µs a file (0.4 s, a fifth of the check's budget),
// nearly all in per-call option handling, and without options it caches every file forever.
const FRONTMATTER_RE = /^---[ \t]*\r?\n((?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)/;

/** The frontmatter (with a leading newline, so YAML line numbers are file line numbers) and the body. */
export function splitFrontmatter(
	source: string,
): { matter: string; body: string; bodyLine: number } | undefined {
	const match = FRONTMATTER_RE.exec(source);
	if (!match) return undefined;
	const head = match[0];
	return {
		matter: `\n${match[1] ?? ""}`,
		body: source.slice(head.length),
		bodyLine: head.split("\n").length,
	};
}

/**
 * The text of a file as editors meant it: without a byte-order mark, which editors cannot see,
 * and refused when it is not UTF-8 (decoding turns such bytes into U+FFFD without a word).
 */
function readableText(source: string, display: string, problems: Problem[]): string | undefined {
	const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	const bad = text.indexOf("\uFFFD");
	if (bad === -1) return text;
	problems.push({
		file: display,
		line: text.slice(0, bad).split("\n").length,
		message:
			"the file is not saved as UTF-8: this line holds bytes that are not UTF-8 text (an old encoding such as Latin-1?); save the file as UTF-8",
	});
	return undefined;
}

/** An article that passed the schema, before cross-references are checked. */
export interface Draft {
	file: string;
	display: string;
	slug: string;
	data: ArticleData;
	body: string;
	yaml: Yaml;
	bodyLine: number;
}

/**
 * Checks one article's source on its own (cross-references come later), adding what is wrong
 * to `problems`. `file` is the path on disk and `display` the name used in messages.
 */
export function parseArticle(
	source: string,
	file: string,
	display: string,
	problems: Problem[],
): Draft | undefined {
	const text = readableText(source, display, problems);
	if (text === undefined) return undefined;
	source = text;
	if (!/^---[ \t]*\r?\n/.test(source)) {
		problems.push({
			file: display,
			line: 1,
			message:
				"the article must start with frontmatter between `---` lines (title, description, date, authors, section, image)",
		});
		return undefined;
	}
	const parsed = splitFrontmatter(source);
	if (!parsed) {
		problems.push({
			file: display,
			line: 1,
			message:
				"the frontmatter is not closed: end it with a line holding only `---` before the body",
		});
		return undefined;
	}
	const yaml = readYaml(parsed.matter, display, problems);
	if (!yaml) return undefined;
	const slug = path.basename(path.dirname(file));
	let ok = true;
	if (!SLUG_RE.test(slug)) {
		ok = false;
		problems.push({
			file: display,
			message: `the folder name \`${slug}\` is the article's slug and must be lowercase ASCII words joined by hyphens, e.g. osorio-to-leave-mexico; rename the folder`,
		});
	}
	const result = articleSchema.safeParse(yaml.data ?? {});
	if (!result.success) {
		problems.push(...schemaProblems(result.error, yaml, display, ARTICLE_FIELDS));
		return undefined;
	}
	return ok
		? {
				file,
				display,
				slug,
				data: result.data,
				body: parsed.body,
				yaml,
				bodyLine: parsed.bodyLine,
			}
		: undefined;
}

/** Reads, checks and cross-checks all content. Returns a catalog only when nothing is wrong. */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
	const contentDir = path.resolve(options.contentDir);
	const root = path.resolve(options.root ?? path.dirname(contentDir));
	const now = options.now ?? buildTime();
	const rel = (file: string) => path.relative(root, file) || file;
	const problems: Problem[] = [];
	const dataDir = path.join(contentDir, DATA_DIR);

	const dataFile = <T>(
		name: string,
		schema: z.ZodType<T>,
		fields: readonly string[],
		optional = false,
	) =>
		readDataFile(
			path.join(dataDir, name),
			rel(path.join(dataDir, name)),
			schema,
			fields,
			problems,
			optional,
		);
	const [site, authors, sections, tagNames] = await Promise.all([
		dataFile("site.yaml", siteSchema, Object.keys(siteSchema.shape)),
		dataFile("authors.yaml", authorsSchema, []),
		dataFile("sections.yaml", sectionsSchema, []),
		dataFile("tags.yaml", tagsSchema, [], true),
	]);

	// Photos are measured once per file, however many articles name them.
	const base = site ? basePathOf(site.url) : "";

	// Photos are measured once per file on disk, however many paths (hard links) or articles
	// name them: a stat is far cheaper than reading the header.
	const photoCache = new Map<string, Promise<PhotoFile | string>>();
	const measure = async (file: string): Promise<PhotoFile | string> => {
		const display = rel(file);
		let info;
		try {
			info = statSync(file);
		} catch {
			return `names ${display}, which does not exist; put the photo there or fix the name`;
		}
		if (!info.isFile()) return `names ${display}, which is not a file`;
		const key = `${String(info.dev)}:${String(info.ino)}:${String(info.size)}:${String(info.mtimeMs)}`;
		let pending = photoCache.get(key);
		if (!pending) {
			pending = inspectPhoto(file, display);
			photoCache.set(key, pending);
		}
		const found = await pending;
		return typeof found === "string"
			? found.replace(/^names [^,]+/, `names ${display}`)
			: { ...found, file };
	};

	let brand: Pick<Site, "logoFile" | "imageFile" | "logoHref" | "imageHref"> | undefined;
	if (site) {
		const siteFile = rel(path.join(dataDir, "site.yaml"));
		const [logo, image] = await Promise.all(
			(["logo", "image"] as const).map(async (key) => {
				const file = photoFileIn(contentDir, site[key]);
				const found = file ? await measure(file) : "must be a path inside content/";
				if (typeof found === "string") {
					problems.push({ file: siteFile, message: `\`${key}\` ${found}` });
					return undefined;
				}
				return found;
			}),
		);
		const href = (file: PhotoFile) =>
			`${base}/${path.relative(contentDir, file.file).split(path.sep).join("/")}`;
		if (logo && image)
			brand = {
				logoFile: logo,
				imageFile: image,
				logoHref: href(logo),
				imageHref: href(image),
			};
	}

	const { articles: files, strays } = findArticleFiles(path.join(contentDir, ARTICLES_DIR));
	for (const stray of strays) {
		problems.push({
			file: rel(stray),
			message: `this markdown file is not an article: each article is a folder holding \`${ARTICLE_FILE}\`; rename it to ${rel(path.join(path.dirname(stray), ARTICLE_FILE))} or move it into its own folder`,
		});
	}

	// Synchronous reads: for thousands of small files they beat promise-based reads threefold.
	const drafts = files
		.map((file) => {
			const cache = options.cache;
			if (!cache) return parseArticle(readFileSync(file, "utf8"), file, rel(file), problems);
			const info = statSync(file);
			const key = `${String(info.size)}:${String(info.mtimeMs)}`;
			let entry = cache.get(file);
			if (entry?.key !== key) {
				const found: Problem[] = [];
				entry = {
					key,
					draft: parseArticle(readFileSync(file, "utf8"), file, rel(file), found),
					problems: found,
				};
				cache.set(file, entry);
			}
			problems.push(...entry.problems);
			return entry.draft;
		})
		.filter((d): d is Draft => d !== undefined);

	const seen = new Map<string, string>();
	for (const draft of drafts) {
		const first = seen.get(draft.slug);
		if (first) {
			problems.push({
				file: draft.display,
				message: `the slug \`${draft.slug}\` is already used by ${first}; slugs must be unique across the site, so rename one folder`,
			});
		} else seen.set(draft.slug, draft.display);
	}

	// An old address may point to one live page only.
	const aliasOwner = new Map<string, string>();
	for (const draft of drafts) {
		(draft.data.aliases ?? []).forEach((alias, i) => {
			const field = `\`aliases[${String(i)}]\``;
			const line = lineOf(draft.yaml, ["aliases", i]);
			const live = seen.get(alias);
			const other = aliasOwner.get(alias);
			let message: string | undefined;
			if (alias === draft.slug)
				message = `${field} is this article's own slug; list only old slugs`;
			else if (live)
				message = `${field} \`${alias}\` is the slug of a live article, ${live}; an old address cannot redirect while an article lives there`;
			else if (other)
				message = `${field} \`${alias}\` is already an alias of ${other}; an old address can redirect to one article only`;
			if (message) problems.push({ file: draft.display, line, message });
			else aliasOwner.set(alias, draft.display);
		});
	}

	const authorMap = new Map<string, Author>();
	for (const [id, author] of Object.entries(authors ?? {})) {
		let avatarFile: PhotoFile | undefined;
		if (author.avatar) {
			const file = photoFileIn(contentDir, author.avatar);
			const found = file ? await measure(file) : "must be a path inside content/";
			if (typeof found === "string") {
				problems.push({
					file: rel(path.join(dataDir, "authors.yaml")),
					message: `\`${id}.avatar\` ${found}`,
				});
			} else avatarFile = found;
		}
		authorMap.set(id, { ...author, id, href: `${base}/authors/${id}/`, avatarFile });
	}
	const sectionMap = new Map<string, Section>(
		Object.entries(sections ?? {}).map(([id, s]) => [
			id,
			{ ...s, id, href: `${base}/sections/${id}/` },
		]),
	);

	const articles: Article[] = [];
	await mapLimit(drafts, IO_CONCURRENCY, async (draft) => {
		const { data: fm, yaml, display } = draft;
		const dir = path.dirname(draft.file);
		const found: Problem[] = [];
		const report = (fieldPath: PropertyKey[], message: string, line?: number) => {
			found.push({ file: display, line: line ?? lineOf(yaml, fieldPath), message });
		};

		if (authors) {
			fm.authors.forEach((id, i) => {
				if (!authorMap.has(id)) {
					const guess = closest(id, [...authorMap.keys()]);
					report(
						["authors", i],
						`\`authors[${String(i)}]\` must be an author id from authors.yaml${guess ? ` (did you mean \`${guess}\`?)` : ""}; found "${id}"`,
					);
				}
			});
		}
		if (sections && !sectionMap.has(fm.section)) {
			const known = [...sectionMap.keys()].map((k) => `\`${k}\``).join(", ");
			report(
				["section"],
				`\`section\` must be a section id from sections.yaml (${known}); found "${fm.section}"`,
			);
		}

		if (!fm.draft) {
			const fields: [PropertyKey[], string | undefined][] = [
				[["title"], fm.title],
				[["description"], fm.description],
				[["image", "alt"], fm.image.alt],
				[["image", "caption"], fm.image.caption],
				[["image", "credit"], fm.image.credit],
			];
			for (const [fieldPath, value] of fields) {
				if (value?.includes(PLACEHOLDER)) {
					report(
						fieldPath,
						`\`${fieldName(fieldPath)}\` still holds the placeholder from \`npm run new\`; write it, or keep \`draft: true\` until it is done`,
					);
				}
			}
			if (draft.body.includes(PLACEHOLDER)) {
				report(
					[],
					`the body still holds a \`${PLACEHOLDER}\` placeholder; finish it, or keep \`draft: true\` until it is done`,
					draft.bodyLine,
				);
			}
			if (path.basename(fm.image.src).startsWith(PLACEHOLDER_PHOTO)) {
				report(
					["image", "src"],
					`\`image.src\` is still the stand-in photo from \`npm run new\`; put the real photo beside the article and name it here`,
				);
			}
		}

		(fm.corrections ?? []).forEach((c, i) => {
			if (c.text.includes("![")) {
				report(
					["corrections", i, "text"],
					`\`corrections[${String(i)}].text\` must not hold a photo: a correction is a line of text; put photos in the body`,
				);
			}
		});

		const leadFile = photoFileIn(dir, fm.image.src);
		const lead = leadFile
			? await measure(leadFile)
			: `must be a file in the article's folder, e.g. osorio.jpg; found "${fm.image.src}"`;
		if (typeof lead === "string") report(["image", "src"], `\`image.src\` ${lead}`);

		const photos = new Map<string, InlinePhoto>();
		for (const match of draft.body.matchAll(REFERENCE_PHOTO_RE)) {
			const line = draft.bodyLine + draft.body.slice(0, match.index).split("\n").length - 1;
			report(
				[],
				`the body photo ${match[0]} is written reference-style; write it inline as ![alt](file.jpg "Caption. Photo: Name") so it is optimized and credited`,
				line,
			);
		}
		// Every `![` must be a photo read here, so none reaches the page unprocessed or uncredited.
		const read = new Set<number>();
		for (const match of draft.body.matchAll(INLINE_PHOTO_RE)) read.add(match.index);
		for (const match of draft.body.matchAll(REFERENCE_PHOTO_RE)) read.add(match.index);
		for (const match of draft.body.matchAll(/!\[/g)) {
			if (read.has(match.index)) continue;
			const line = draft.bodyLine + draft.body.slice(0, match.index).split("\n").length - 1;
			report(
				[],
				`this \`![\` starts a body photo Dateline cannot read; write it as ![alt](file.jpg "Caption. Photo: Name"), or escape it as \\![ if it is not a photo`,
				line,
			);
		}
		for (const match of draft.body.matchAll(INLINE_PHOTO_RE)) {
			const [whole, alt = "", src = "", double, single, parenthesised] = match;
			const escaped = double ?? single ?? parenthesised;
			const title = escaped?.replace(/\\(.)/g, "$1");
			const line = draft.bodyLine + draft.body.slice(0, match.index).split("\n").length - 1;
			const where = `the body photo ${whole.length > 50 ? `${whole.slice(0, 47)}...` : whole}`;
			if (!alt.trim()) {
				report(
					[],
					`${where} must have alt text: describe what it shows inside the square brackets`,
					line,
				);
			}
			const file = photoFileIn(dir, src);
			if (!file) {
				report(
					[],
					`${where} must name a file in the article's folder; found "${src}"`,
					line,
				);
				continue;
			}
			const measured = await measure(file);
			// Dateline never guesses a credit: a body photo names its own at the end of its
			// caption, unless it is the lead photo again.
			const { caption, credit } = captionCredit(title);
			const credited: PhotoCredit | undefined =
				credit ?? (file === leadFile ? fm.image : undefined);
			if (!credited) {
				report(
					[],
					`${where} has no credit: end its caption with "Photo: Name" or "Photo: Name/Agency", e.g. "${caption ? `${caption.replace(/([^.!?])$/, "$1.")} ` : ""}Photo: Yuri Cortez/AFP"`,
					line,
				);
			}
			if (typeof measured === "string") report([], `${where} ${measured}`, line);
			else if (credited) {
				const { agency, copyright } = credited;
				photos.set(photoKey(src, title), {
					...measured,
					src,
					href: "",
					credit: credited.credit,
					agency,
					copyright,
				});
			}
		}

		problems.push(...found);
		if (found.length > 0 || typeof lead === "string" || !authors || !sections) return;
		const published = toEpoch(fm.date);
		const status: ArticleStatus = fm.draft
			? "draft"
			: published > now
				? "scheduled"
				: "published";
		const href = `${base}/${ARTICLES_DIR}/${draft.slug}/`;
		for (const photo of photos.values()) photo.href = href + photo.src;
		articles.push({
			slug: draft.slug,
			href,
			sourcePath: display,
			data: fm,
			body: draft.body,
			published,
			modified: fm.updated ? toEpoch(fm.updated) : published,
			status,
			authors: fm.authors
				.map((id) => authorMap.get(id))
				.filter((a): a is Author => a !== undefined),
			section: sectionMap.get(fm.section) as Section,
			tags: fm.tags ?? [],
			aliases: (fm.aliases ?? []).map((alias) => `${base}/${ARTICLES_DIR}/${alias}/`),
			image: { ...fm.image, ...lead, href: href + fm.image.src },
			photos,
		});
	});

	if (problems.length > 0 || !site || !brand || !authors || !sections) {
		return { catalog: undefined, problems };
	}
	const visible = articles
		.filter((a) => options.includeUnpublished || a.status === "published")
		.sort((a, b) => b.published - a.published || a.slug.localeCompare(b.slug));
	const catalog = new Catalog(
		{ ...site, ...brand },
		authorMap,
		sectionMap,
		tagNames ?? {},
		visible,
		now,
	);
	catalog.scheduled = articles
		.filter((a) => a.status === "scheduled")
		.sort((a, b) => a.published - b.published || a.slug.localeCompare(b.slug));
	return {
		catalog,
		problems: [],
	};
}
