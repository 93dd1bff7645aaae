/**
 * Reads everything an editor wrote (the data files and every article folder), checks it all
 * against the schema and the rules, and turns it into a typed catalog that pages, feeds and
 * sitemaps read. Nothing is written here; problems are collected, never thrown one at a time.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { toEpoch } from "../dates.ts";
import type { PhotoFile, PhotoSite } from "../photos/types.ts";
import { addProblems, type Problem } from "../problems.ts";
import { authorsSchema, sectionsSchema, siteSchema, tagsSchema, type TagData } from "../schema.ts";
import { urlPath } from "../urls.ts";
import { Catalog, basePathOf } from "./catalog.ts";
import { ruleContext, type ContentPaths, type DataFiles } from "./context.ts";
import { ARTICLES_DIR, DATA_DIR, isRefused, strayProblems, takeInventory } from "./inventory.ts";
import { isComplete, parseArticle, type CompleteDraft, type Draft } from "./parse.ts";
import { photoFileIn, readDataFile } from "./read.ts";
import { RULES, type RuleContext } from "./rules.ts";
import { unnamedTags, type UnnamedTag } from "./tag-notes.ts";
import type { Article, ArticleStatus, Author, DataPhoto, Photo, Section, Site } from "./types.ts";
import { lineOf } from "./yaml.ts";

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
	/**
	 * When content has problems, also make the catalog of what is sound, for a preview that
	 * has no good build to fall back on (see `LoadResult`).
	 */
	partial?: boolean;
}

/** Articles parsed on an earlier load, by file. */
export type ParseCache = Map<
	string,
	{ key: string; draft: Draft | undefined; problems: Problem[] }
>;

/**
 * The catalog when content is sound; otherwise every problem found, and when asked for, the
 * `partial` catalog: the articles that have no problem, in a publication drawn from site.yaml
 * (or a stand-in when site.yaml or its brand files are broken). Only the preview shows it.
 */
export type LoadResult = (
	| { catalog: Catalog; problems: [] }
	| { catalog: undefined; problems: Problem[]; partial?: Catalog }
) & {
	/**
	 * Tags the articles use that tags.yaml does not name (none while tags.yaml is broken),
	 * worked out when asked: only `npm run check` prints them.
	 */
	unnamedTags: () => UnnamedTag[];
	/** tags.yaml as messages name it. */
	tagsFile: string;
};

/** The build time: SOURCE_DATE_EPOCH (seconds) when set, so builds can be reproduced; else now. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): number {
	const epoch = env.SOURCE_DATE_EPOCH;
	return epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
}

/** The checked context once every data file is sound. */
type SoundContext = RuleContext & { authors: Map<string, Author>; sections: Map<string, Section> };

function readDataFiles(
	paths: ContentPaths,
	problems: Problem[],
): DataFiles & { tags: Record<string, TagData> | undefined } {
	const read = <T>(name: string, schema: z.ZodType<T>, fields: string[], optional = false) => {
		const file = path.join(paths.dataDir, name);
		// A refused link is named already; what it leads to is never read.
		if (paths.refused(file)) return undefined;
		return readDataFile(file, paths.rel(file), schema, fields, problems, optional);
	};
	return {
		site: read("site.yaml", siteSchema, Object.keys(siteSchema.shape)),
		authors: read("authors.yaml", authorsSchema, []),
		sections: read("sections.yaml", sectionsSchema, []),
		tags: read("tags.yaml", tagsSchema, [], true),
	};
}

/** The brand files and avatars the data files name; undefined while either file is broken. */
function namedFiles(data: DataFiles, contentDir: string): Set<string> | undefined {
	const { site, authors } = data;
	if (!site || !authors) return undefined;
	const sources = [site.logo, site.image, ...Object.values(authors).map((a) => a.avatar)];
	const files = sources.map((src) => src && photoFileIn(contentDir, src));
	return new Set(files.filter((f): f is string => typeof f === "string"));
}

/** Parses every article file, through the preview's cache when it has one. */
function parseAll(
	files: string[],
	paths: ContentPaths,
	cache: ParseCache | undefined,
	problems: Problem[],
): Draft[] {
	const parse = (file: string, found: Problem[]) => {
		try {
			return parseArticle(readFileSync(file, "utf8"), file, paths.rel(file), found);
		} catch (error) {
			// Whatever a reader or parser throws is told as this file's problem, never a stack trace.
			const why = error instanceof Error ? error.message : String(error);
			found.push({
				file: paths.rel(file),
				message: `Dateline could not read this file: ${why}`,
			});
			return undefined;
		}
	};
	return files
		.map((file) => {
			if (!cache) return parse(file, problems);
			const info = statSync(file);
			const key = `${String(info.size)}:${String(info.mtimeMs)}`;
			let entry = cache.get(file);
			if (entry?.key !== key) {
				const found: Problem[] = [];
				entry = { key, draft: parse(file, found), problems: found };
				cache.set(file, entry);
			}
			addProblems(problems, entry.problems);
			return entry.draft;
		})
		.filter((d): d is Draft => d !== undefined);
}

/** A checked article, ready for layouts. */
function toArticle(draft: CompleteDraft, ctx: SoundContext, base: string, now: number): Article {
	const { data: fm, display } = draft;
	const published = toEpoch(fm.date);
	const status: ArticleStatus = fm.draft ? "draft" : published > now ? "scheduled" : "published";
	const href = `${base}/${ARTICLES_DIR}/${draft.slug}/`;
	const measured = (file: string) => ctx.photos.get(file) as PhotoFile;
	const dir = path.dirname(draft.file);
	const leadWhere: PhotoSite = {
		file: display,
		subject: "`image.src`",
		line: () => lineOf(draft.yaml, ["image", "src"]),
	};
	const bodyPhotos = draft.bodyPhotos.map((p): Photo => ({
		...p.data,
		...measured(p.file),
		href: href + urlPath(dir, p.file),
		where: { file: display, subject: p.label, line: () => p.line },
	}));
	return {
		slug: draft.slug,
		href,
		sourcePath: display,
		sourceHash: draft.sourceHash,
		data: fm,
		body: draft.body,
		published,
		modified: fm.updated ? toEpoch(fm.updated) : published,
		status,
		authors: fm.authors.map((id) => ctx.authors.get(id) as Author),
		section: ctx.sections.get(fm.section) as Section,
		tags: fm.tags ?? [],
		aliases: (fm.aliases ?? []).map((alias) => `${base}/${ARTICLES_DIR}/${alias}/`),
		image: {
			...fm.image,
			...measured(draft.leadFile as string),
			href: href + urlPath(dir, draft.leadFile as string),
			where: leadWhere,
		},
		bodyPhotos,
	};
}

// What the preview shows for the publication while site.yaml or its brand files are broken.
const NO_PHOTO: DataPhoto = {
	file: "",
	width: 1,
	height: 1,
	format: "png",
	href: "",
	where: { file: "", subject: "", line: () => undefined },
};
const STAND_IN_SITE: Site = {
	name: "Dateline preview",
	url: "http://localhost/",
	language: "en",
	timezone: "UTC",
	logo: "",
	image: "",
	logoFile: NO_PHOTO,
	imageFile: NO_PHOTO,
};

/** The catalog of a build: the articles it shows, newest first, and the scheduled ones. */
function assemble(
	site: Site,
	ctx: SoundContext,
	tags: Record<string, TagData> | undefined,
	drafts: CompleteDraft[],
	options: { base: string; now: number; includeUnpublished: boolean },
): Catalog {
	const { base, now } = options;
	const articles = drafts.map((d) => toArticle(d, ctx, base, now));
	const visible = articles
		.filter((a) => options.includeUnpublished || a.status === "published")
		.sort((a, b) => b.published - a.published || a.slug.localeCompare(b.slug));
	// A Map, as every lookup keyed by an editor's text: `tags: [constructor]` finds nothing.
	const tagNames = new Map(Object.entries(tags ?? {}));
	const catalog = new Catalog(site, ctx.authors, ctx.sections, tagNames, visible, now);
	catalog.scheduled = articles
		.filter((a) => a.status === "scheduled")
		.sort((a, b) => a.published - b.published || a.slug.localeCompare(b.slug));
	return catalog;
}

/** The articles without a problem of their own, whose authors and section exist. */
function soundDrafts(drafts: Draft[], problems: Problem[], ctx: SoundContext): CompleteDraft[] {
	const broken = new Set(problems.map((p) => p.file));
	return drafts
		.filter(isComplete)
		.filter(
			(d) =>
				!broken.has(d.display) &&
				d.data.authors.every((id) => ctx.authors.has(id)) &&
				ctx.sections.has(d.data.section),
		);
}

/** Reads, checks and cross-checks all content. Returns a catalog only when nothing is wrong. */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
	const contentDir = path.resolve(options.contentDir);
	const root = path.resolve(options.root ?? path.dirname(contentDir));
	const now = options.now ?? buildTime();
	const rel = (file: string) => path.relative(root, file) || file;
	const inventory = takeInventory(contentDir, rel);
	const problems: Problem[] = [...inventory.problems];
	const paths: ContentPaths = {
		contentDir,
		dataDir: path.join(contentDir, DATA_DIR),
		base: "",
		rel,
		refused: (file) => isRefused(inventory, file),
	};
	const data = readDataFiles(paths, problems);
	if (data.site) paths.base = basePathOf(data.site.url);
	addProblems(problems, strayProblems(inventory, namedFiles(data, contentDir), rel));

	const drafts = parseAll(inventory.articles, paths, options.cache, problems);
	const tagsFile = paths.rel(path.join(paths.dataDir, "tags.yaml"));
	const tagsBroken = problems.some((p) => p.file === tagsFile);
	const notes = {
		tagsFile,
		unnamedTags: () => (tagsBroken ? [] : unnamedTags(drafts, data.tags ?? {})),
	};
	const { ctx, brand } = await ruleContext(drafts, data, paths, problems, now);
	for (const draft of drafts) for (const rule of RULES) addProblems(problems, rule(draft, ctx));

	const { site, tags } = data;
	const shown = {
		base: paths.base,
		now,
		includeUnpublished: options.includeUnpublished ?? false,
	};
	if (problems.length === 0 && site && brand && ctx.authors && ctx.sections) {
		const sound = ctx as SoundContext;
		const catalog = assemble(
			{ ...site, ...brand },
			sound,
			tags,
			drafts.filter(isComplete),
			shown,
		);
		return { catalog, problems: [], ...notes };
	}
	if (!options.partial) return { catalog: undefined, problems, ...notes };
	const sound: SoundContext = {
		...ctx,
		authors: ctx.authors ?? new Map<string, Author>(),
		sections: ctx.sections ?? new Map<string, Section>(),
	};
	const publication = site ? { ...STAND_IN_SITE, ...site, ...brand } : STAND_IN_SITE;
	const partial = assemble(publication, sound, tags, soundDrafts(drafts, problems, sound), shown);
	return { catalog: undefined, problems, partial, ...notes };
}
