/**
 * The CMS preview: an article as the editor is writing it, rendered by the site's own article
 * layout and markdown rules, so the preview is the page readers will get (photos shown from
 * the editor's files, since the photo pipeline runs only in a build). Pure functions: the
 * browser entry (admin.ts) feeds them Decap's entry data; the tests feed them plain objects.
 */
import { Catalog, basePathOf } from "../content/catalog.ts";
import type { Article, Author, Photo, Section, Site } from "../content/types.ts";
import { captionCredit } from "../credits.ts";
import { dateTimeProblem, toEpoch } from "../dates.ts";
import { readBody } from "../markdown.ts";
import type { ArticleData, AuthorData, SectionData, TagData } from "../schema.ts";
import { render as renderArticle } from "../../layouts/article.11ty.ts";

/** The id of the admin page's script element holding the publication as JSON. */
export const SNAPSHOT_ID = "dateline-cms";

/** What the build hands the admin page about the publication, as JSON. */
export interface PreviewSnapshot {
	site: Site;
	authors: [string, AuthorData][];
	sections: [string, SectionData][];
	tags: Record<string, TagData>;
}

/** How the preview finds a photo the editor named: Decap's asset URL, and its size once known. */
export interface PreviewPhotos {
	href: (src: string) => string;
	size: (href: string) => { width: number; height: number } | undefined;
}

/** Until a photo's size is known, it is drawn 3:2. */
const UNKNOWN_SIZE = { width: 1200, height: 800 };
const MISSING_CREDIT = "no credit yet: end the caption with “Photo: Name”";

/** The publication as a catalog with no articles: what the layouts need around one article. */
export function previewCatalog(snapshot: PreviewSnapshot, now = Date.now()): Catalog {
	const base = basePathOf(snapshot.site.url);
	const authors = new Map<string, Author>(
		snapshot.authors.map(([id, a]) => [id, { ...a, id, href: `${base}/authors/${id}/` }]),
	);
	const sections = new Map<string, Section>(
		snapshot.sections.map(([id, s]) => [id, { ...s, id, href: `${base}/sections/${id}/` }]),
	);
	// A Map, as the build's: a tag named `constructor` finds no name on Object.prototype.
	const tags = new Map(Object.entries(snapshot.tags));
	return new Catalog(snapshot.site, authors, sections, tags, [], now);
}

/** The photos a markdown body places, in token order, read by the parser that renders them. */
export function bodyPhotos(body: string): { src: string; alt: string; title: string | null }[] {
	return readBody(body).images.map(({ token, alt }) => {
		const title = token.attrGet("title");
		return {
			src: String(token.attrGet("src") ?? ""),
			alt,
			title: title === null ? null : String(title),
		};
	});
}

/** A date as written when it is one the check accepts; else the time of the preview. */
function instant(value: unknown, now: number): { iso: string; epoch: number } {
	if (typeof value === "string" && !dateTimeProblem(value))
		return { iso: value, epoch: toEpoch(value) };
	return { iso: new Date(now).toISOString(), epoch: now };
}

function text(value: unknown): string {
	return typeof value === "string" ? value : "";
}

/** An article from the fields as they stand in the form, however incomplete. */
export function previewArticle(
	catalog: Catalog,
	slug: string,
	fields: Partial<Record<keyof ArticleData | "body", unknown>>,
	photos: PreviewPhotos,
): Article {
	const now = catalog.buildTime;
	const image = (fields.image ?? {}) as Partial<ArticleData["image"]>;
	const date = instant(fields.date, now);
	const updated = fields.updated ? instant(fields.updated, now) : undefined;
	const ids = (list: unknown) =>
		Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
	const data: ArticleData = {
		...(fields as ArticleData),
		title: text(fields.title),
		description: text(fields.description),
		date: date.iso,
		...(updated ? { updated: updated.iso } : { updated: undefined }),
		authors: ids(fields.authors),
		section: text(fields.section),
		image: { ...image, src: text(image.src), alt: text(image.alt), credit: text(image.credit) },
	};
	const href = `${catalog.basePath}/articles/${slug}/`;
	const where = { file: "", subject: "", line: () => undefined };
	const photo = (src: string): Pick<Photo, "file" | "format" | "width" | "height" | "href"> => {
		const url = src ? photos.href(src) : "";
		return { file: "", format: "", ...(photos.size(url) ?? UNKNOWN_SIZE), href: url };
	};
	const body = text(fields.body);
	const inline = bodyPhotos(body).map(({ src, alt, title }): Photo => {
		const { caption, credit } = captionCredit(title);
		const credited =
			credit ?? (src === data.image.src ? data.image : { credit: MISSING_CREDIT });
		return {
			src,
			alt,
			...(caption ? { caption } : {}),
			credit: credited.credit,
			agency: credited.agency,
			...photo(src),
			where,
		};
	});
	return {
		slug,
		href,
		sourcePath: "",
		sourceHash: "",
		data,
		body,
		published: date.epoch,
		modified: updated?.epoch ?? date.epoch,
		status: data.draft ? "draft" : date.epoch > now ? "scheduled" : "published",
		authors: data.authors
			.map((id) => catalog.authors.get(id))
			.filter((a): a is Author => a !== undefined),
		section: catalog.sections.get(data.section) ?? {
			id: data.section,
			name: data.section || "No section yet",
			href: `${catalog.basePath}/sections/${data.section}/`,
		},
		tags: ids(fields.tags),
		image: { ...data.image, ...photo(data.image.src), where },
		bodyPhotos: inline,
		aliases: [],
	};
}

/** The article page's HTML for the preview: the whole document the site would serve. */
export function previewPage(catalog: Catalog, article: Article): string {
	return renderArticle({ catalog, article, css: "" });
}

/**
 * Where an entry holds nothing: empty text, null, and lists or groups left empty, deepest
 * first, so deleting them in order leaves indices valid. Decap writes an optional field the
 * editor cleared as "" and the check refuses that, so these are removed before saving.
 */
export function emptyPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
	if (value === "" || value === null || value === undefined) return [at];
	if (typeof value !== "object") return [];
	const entries: [string | number, unknown][] = Array.isArray(value)
		? value.map((v, i): [number, unknown] => [i, v])
		: Object.entries(value);
	const inner = entries.reverse().flatMap(([key, v]) => emptyPaths(v, [...at, key]));
	const emptied = entries.every(([key]) =>
		inner.some((p) => p.length === at.length + 1 && p[at.length] === key),
	);
	return emptied && at.length > 0 ? [at] : inner;
}
