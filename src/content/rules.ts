/**
 * The rules an article must keep beyond its own schema: its ids must exist, its slug and
 * aliases must be its own, nothing publishable may hold a placeholder, and every photo it
 * names must be a file Dateline can read. A table of `(article, context) => Problem[]`, run on
 * every article that parsed, so one pass reports everything.
 */
import path from "node:path";
import { isoUtc, toEpoch } from "../dates.ts";
import { failureMessage, isPhoto, type Inspection } from "../photos/inspect.ts";
import { closest, fieldName, type Problem } from "../problems.ts";
import { linesHolding } from "./lines.ts";
import type { Draft } from "./parse.ts";
import type { Author, Section } from "./types.ts";
import { lineOf } from "./yaml.ts";

/** Marks what `npm run new` leaves for the editor to write; a draft may hold it, nothing published may. */
export const PLACEHOLDER = "TODO:";
/** The stand-in lead photo `npm run new` copies beside a new article. */
export const PLACEHOLDER_PHOTO = "replace-me";

/** What the rules know about the whole of the content. */
export interface RuleContext {
	/** Undefined when authors.yaml itself is broken: its own problems say so. */
	authors: Map<string, Author> | undefined;
	sections: Map<string, Section> | undefined;
	/** The first article, as shown in messages, of each slug. */
	slugOwners: Map<string, string>;
	/** The article each old slug redirects to: the first to claim it. */
	aliasOwners: Map<string, string>;
	/** Every photo file named, measured. */
	photos: Map<string, Inspection>;
	/** A path as messages show it. */
	rel: (file: string) => string;
	/** The build time, in ms. */
	now: number;
}

/** One rule: what is wrong with one article, given the rest. */
export type Rule = (draft: Draft, ctx: RuleContext) => Problem[];

/** A problem at a field of the article's frontmatter. */
function at(draft: Draft, fieldPath: PropertyKey[], message: string, line?: number): Problem {
	return { file: draft.display, line: line ?? lineOf(draft.yaml, fieldPath), message };
}

const uniqueSlug: Rule = (draft, ctx) => {
	const first = ctx.slugOwners.get(draft.slug);
	return first === draft.display
		? []
		: [
				at(
					draft,
					[],
					`the slug \`${draft.slug}\` is already used by ${String(first)}; slugs must be unique across the site, so rename one folder`,
				),
			];
};

// An old address may point to one live page only.
const ownAliases: Rule = (draft, ctx) =>
	(draft.data.aliases ?? []).flatMap((alias, i) => {
		const field = `\`aliases[${String(i)}]\``;
		const live = ctx.slugOwners.get(alias);
		const owner = ctx.aliasOwners.get(alias);
		let message: string | undefined;
		if (alias === draft.slug)
			message = `${field} is this article's own slug; list only old slugs`;
		else if (live)
			message = `${field} \`${alias}\` is the slug of a live article, ${live}; an old address cannot redirect while an article lives there`;
		else if (owner !== draft.display)
			message = `${field} \`${alias}\` is already an alias of ${String(owner)}; an old address can redirect to one article only`;
		return message ? [at(draft, ["aliases", i], message)] : [];
	});

// A newsroom may have hundreds of authors: a message lists this many ids and counts the rest.
const IDS_LISTED = 12;

/** "`desk`, `ana-writer`", or the first dozen "and 40 more in authors.yaml". */
export function idList(ids: readonly string[], file: string): string {
	const shown = ids.slice(0, IDS_LISTED).map((id) => `\`${id}\``);
	const rest = ids.length - shown.length;
	return rest > 0 ? `${shown.join(", ")} and ${String(rest)} more in ${file}` : shown.join(", ");
}

const knownAuthors: Rule = (draft, ctx) => {
	const authors = ctx.authors;
	if (!authors) return [];
	const ids = [...authors.keys()];
	return (draft.data.authors ?? []).flatMap((id, i) => {
		if (authors.has(id)) return [];
		const guess = closest(id, ids);
		return [
			at(
				draft,
				["authors", i],
				`\`authors[${String(i)}]\` must be an author id from authors.yaml (${idList(ids, "authors.yaml")}); found "${id}"${guess ? `; did you mean \`${guess}\`?` : ""}`,
			),
		];
	});
};

const knownSection: Rule = (draft, ctx) => {
	const { section } = draft.data;
	const sections = ctx.sections;
	if (!sections || section === undefined || sections.has(section)) return [];
	const ids = [...sections.keys()];
	const guess = closest(section, ids);
	return [
		at(
			draft,
			["section"],
			`\`section\` must be a section id from sections.yaml (${idList(ids, "sections.yaml")}); found "${section}"${guess ? `; did you mean \`${guess}\`?` : ""}`,
		),
	];
};

const noPlaceholders: Rule = (draft) => {
	const { data } = draft;
	if (data.draft) return [];
	const image = data.image ?? {};
	const fields: [PropertyKey[], string | undefined][] = [
		[["title"], data.title],
		[["description"], data.description],
		[["image", "alt"], image.alt],
		[["image", "caption"], image.caption],
		[["image", "credit"], image.credit],
	];
	const problems = fields
		.filter(([, value]) => value?.includes(PLACEHOLDER))
		.map(([fieldPath]) =>
			at(
				draft,
				fieldPath,
				`\`${fieldName(fieldPath)}\` still holds the placeholder from \`npm run new\`; write it, or keep \`draft: true\` until it is done`,
			),
		);
	for (const line of linesHolding(draft.body, PLACEHOLDER, draft.bodyLine)) {
		problems.push(
			at(
				draft,
				[],
				`the body still holds a \`${PLACEHOLDER}\` placeholder on this line; finish it, or keep \`draft: true\` until it is done`,
				line,
			),
		);
	}
	if (image.src && path.basename(image.src).startsWith(PLACEHOLDER_PHOTO)) {
		problems.push(
			at(
				draft,
				["image", "src"],
				"`image.src` is still the stand-in photo from `npm run new`; put the real photo beside the article and name it here",
			),
		);
	}
	return problems;
};

const noPhotosInCorrections: Rule = (draft) =>
	(draft.data.corrections ?? []).flatMap((c, i) =>
		c.text.includes("![")
			? [
					at(
						draft,
						["corrections", i, "text"],
						`\`corrections[${String(i)}].text\` must not hold a photo: a correction is a line of text; put photos in the body`,
					),
				]
			: [],
	);

const readablePhotos: Rule = (draft, ctx) => {
	const problems: Problem[] = [];
	const { leadFile } = draft;
	const src = draft.data.image?.src;
	const lead = leadFile ? ctx.photos.get(leadFile) : undefined;
	// Without a `src` that passed the schema, the schema's problem says what is wrong.
	if (!leadFile && src !== undefined) {
		problems.push(
			at(
				draft,
				["image", "src"],
				`\`image.src\` must be a file in the article's folder, e.g. osorio.jpg; found "${src}"`,
			),
		);
	} else if (leadFile && lead && !isPhoto(lead)) {
		problems.push(
			at(draft, ["image", "src"], `\`image.src\` ${failureMessage(lead, ctx.rel(leadFile))}`),
		);
	}
	for (const photo of draft.bodyPhotos) {
		const found = ctx.photos.get(photo.file);
		if (found && !isPhoto(found)) {
			const message = `${photo.label} ${failureMessage(found, ctx.rel(photo.file))}`;
			problems.push(at(draft, [], message, photo.line));
		}
	}
	return problems;
};

/** How far past the build time a date may lie: clocks differ, and offsets are mistyped. */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

// An update or correction is dated when it was made: after the build it has not happened yet,
// and the page, feeds and sitemap would carry the date. A scheduled article's own may reach its
// publication, no further, so it never blocks the build that publishes it.
const pastDates: Rule = (draft, ctx) => {
	const { data } = draft;
	// Without a sound `date` it is not known whether the article is scheduled, so nothing is
	// said until the date's own problem is fixed.
	if (data.date === undefined) return [];
	const published = toEpoch(data.date);
	const scheduled = published > ctx.now;
	const limit = (scheduled ? published : ctx.now) + FUTURE_TOLERANCE_MS;
	const dates: [PropertyKey[], string][] = [
		...(data.updated ? [[["updated"], data.updated] as [PropertyKey[], string]] : []),
		...(data.corrections ?? []).map((c, i): [PropertyKey[], string] => [
			["corrections", i, "date"],
			c.date,
		]),
	];
	const when = scheduled
		? `after the article's \`date\` (${data.date}), when it is published`
		: `after this build (${isoUtc(ctx.now)})`;
	const fix = scheduled
		? "an article cannot be updated or corrected before it is published"
		: "write when it happened, or give `date` a future time to schedule the article";
	return dates
		.filter(([, value]) => toEpoch(value) > limit)
		.map(([fieldPath, value]) =>
			at(
				draft,
				fieldPath,
				`\`${fieldName(fieldPath)}\` must not be in the future: ${value} is more than an hour ${when}; ${fix}`,
			),
		);
};

/** Every rule, in the order their problems are found. */
export const RULES: readonly Rule[] = [
	knownAuthors,
	knownSection,
	noPlaceholders,
	noPhotosInCorrections,
	readablePhotos,
	uniqueSlug,
	ownAliases,
	pastDates,
];
