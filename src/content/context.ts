/**
 * What the rules need to know about the whole of the content before they look at one article:
 * the authors and sections, which article owns each slug and old slug, and every photo file
 * named anywhere, measured once. The brand files and avatars are checked here too.
 */
import path from "node:path";
import { mapLimit } from "../concurrency.ts";
import { failureMessage, isPhoto, photoInspector, type Inspection } from "../photos/inspect.ts";
import type { Problem } from "../problems.ts";
import { urlPath } from "../urls.ts";
import type { AuthorData, SectionData, SiteData } from "../schema.ts";
import type { Draft } from "./parse.ts";
import { photoFileIn } from "./read.ts";
import type { RuleContext } from "./rules.ts";
import type { Author, DataPhoto, Section, Site } from "./types.ts";

// Files read at once: enough to keep the disk busy, far below the open-file limit.
const IO_CONCURRENCY = 64;

/** The data files as read, each undefined when it is broken (its problems say why). */
export interface DataFiles {
	site: SiteData | undefined;
	authors: Record<string, AuthorData> | undefined;
	sections: Record<string, SectionData> | undefined;
}

/** Where content lives, and how messages name its files. */
export interface ContentPaths {
	contentDir: string;
	dataDir: string;
	/** The path the site is served under, from site.yaml's url ("" when it is broken). */
	base: string;
	rel: (file: string) => string;
	/** Whether a file is a refused link (out of content/, or to a folder) or lies under one. */
	refused: (file: string) => boolean;
}

/** The measured brand files of site.yaml, with their addresses. */
export type Brand = Pick<Site, "logoFile" | "imageFile">;

/** Measures every photo file named, once each, a few dozen at a time. */
async function measureAll(files: Iterable<string>): Promise<Map<string, Inspection>> {
	const inspect = photoInspector();
	const unique = [...new Set(files)];
	const found = await mapLimit(unique, IO_CONCURRENCY, inspect);
	return new Map(unique.map((file, i) => [file, found[i] as Inspection]));
}

/** Each slug's first article, and each old slug's first valid claim. */
function owners(drafts: Draft[]): Pick<RuleContext, "slugOwners" | "aliasOwners"> {
	const slugOwners = new Map<string, string>();
	for (const d of drafts) if (!slugOwners.has(d.slug)) slugOwners.set(d.slug, d.display);
	const aliasOwners = new Map<string, string>();
	for (const d of drafts) {
		for (const alias of d.data.aliases ?? []) {
			if (alias !== d.slug && !slugOwners.has(alias) && !aliasOwners.has(alias))
				aliasOwners.set(alias, d.display);
		}
	}
	return { slugOwners, aliasOwners };
}

/** A data file's photo, measured, with its address, or undefined with the problem added. */
function dataPhoto(
	photos: Map<string, Inspection>,
	file: string | undefined,
	where: { file: string; field: string },
	paths: ContentPaths,
	problems: Problem[],
): DataPhoto | undefined {
	const found = file ? photos.get(file) : undefined;
	if (found && isPhoto(found)) {
		return {
			...found,
			href: `${paths.base}/${urlPath(paths.contentDir, found.file)}`,
			where: { file: where.file, subject: `\`${where.field}\``, line: () => undefined },
		};
	}
	if (file && paths.refused(file)) return undefined;
	const why =
		!file || !found ? "must be a path inside content/" : failureMessage(found, paths.rel(file));
	problems.push({ file: where.file, message: `\`${where.field}\` ${why}` });
	return undefined;
}

/** Builds the rules' context, checking the brand files and avatars on the way. */
export async function ruleContext(
	drafts: Draft[],
	data: DataFiles,
	paths: ContentPaths,
	problems: Problem[],
	now: number,
): Promise<{ ctx: RuleContext; brand: Brand | undefined }> {
	const { site, authors, sections } = data;
	const inContent = (src: string | undefined) => src && photoFileIn(paths.contentDir, src);
	const brandFiles = site ? [inContent(site.logo), inContent(site.image)] : [];
	const avatarFiles = Object.values(authors ?? {}).map((a) => inContent(a.avatar));
	// A refused link is named already: what it leads to is never read, nor measured.
	const photos = await measureAll(
		[
			...drafts.flatMap((d) => [d.leadFile, ...d.bodyPhotos.map((p) => p.file)]),
			...brandFiles,
			...avatarFiles,
		].filter((f): f is string => typeof f === "string" && f !== "" && !paths.refused(f)),
	);
	const siteFile = paths.rel(path.join(paths.dataDir, "site.yaml"));
	const authorsFile = paths.rel(path.join(paths.dataDir, "authors.yaml"));
	let brand: Brand | undefined;
	if (site) {
		const [logo, image] = (["logo", "image"] as const).map((field, i) =>
			dataPhoto(
				photos,
				brandFiles[i] || undefined,
				{ file: siteFile, field },
				paths,
				problems,
			),
		);
		if (logo && image) brand = { logoFile: logo, imageFile: image };
	}
	const authorMap = authors
		? new Map<string, Author>(
				Object.entries(authors).map(([id, author], i) => {
					const avatar = author.avatar
						? dataPhoto(
								photos,
								avatarFiles[i] || undefined,
								{ file: authorsFile, field: `${id}.avatar` },
								paths,
								problems,
							)
						: undefined;
					return [
						id,
						{ ...author, id, href: `${paths.base}/authors/${id}/`, avatarFile: avatar },
					];
				}),
			)
		: undefined;
	const sectionMap = sections
		? new Map<string, Section>(
				Object.entries(sections).map(([id, s]) => [
					id,
					{ ...s, id, href: `${paths.base}/sections/${id}/` },
				]),
			)
		: undefined;
	return {
		ctx: {
			authors: authorMap,
			sections: sectionMap,
			...owners(drafts),
			photos,
			rel: paths.rel,
			now,
		},
		brand,
	};
}
