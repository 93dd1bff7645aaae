/**
 * The content model (the README's "For editors") as zod schemas: the single description of an
 * article and of the data files. Layouts use the types inferred here; messages read as
 * "`field` <message>", and the checker adds what it found.
 */
import { z } from "zod";
import { dateTimeProblem, isTimeZone, toEpoch } from "./dates.ts";
import { escapedChar } from "./problems.ts";

/** Lowercase ASCII words joined by hyphens: article folders, tags, author and section ids. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_HINT = "must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018";
const LANGUAGE_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const PHOTO_EXTENSIONS_RE = /\.(jpe?g|png|webp|avif)$/i;

/**
 * What forms need beyond the rules (the CMS configuration is generated from these schemas):
 * `format` names a date-time or a photo path, `multiline` asks for a text area, and `title`
 * and `description` label a field and explain it.
 */
declare module "zod" {
	interface GlobalMeta {
		format?: "date-time" | "photo";
		multiline?: boolean;
	}
}

/** What no text may hold: C0 controls but tab and line feed, DEL, C1 controls, and U+FFFE and
 * U+FFFF. Invisible in an editor, they make the feeds and sitemaps ill-formed XML.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const INVISIBLE_RE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF]/u;

/** Refuses an invisible character, naming it and its place (in characters, as written). */
function visibleText(value: string, ctx: z.RefinementCtx): void {
	const at = value.search(INVISIBLE_RE);
	if (at === -1) return;
	const char = String.fromCodePoint(value.codePointAt(at) ?? 0);
	const place = Array.from(value.slice(0, at)).length + 1;
	ctx.addIssue({
		code: "custom",
		message: `must not hold the invisible control character \`${escapedChar(char)}\` (character ${String(place)}): delete it; it breaks feeds and sitemaps`,
	});
}

/** Text that must hold something other than white space. */
function text(required: string) {
	return z
		.string({
			error: (issue) =>
				issue.input === undefined ? `is required: ${required}` : "must be text",
		})
		.superRefine(visibleText)
		.trim()
		.min(1, { error: `must not be empty: ${required}` });
}

function optionalText() {
	return z
		.string({ error: "must be text" })
		.superRefine(visibleText)
		.trim()
		.min(1, { error: "must not be empty; remove the line instead" })
		.optional();
}

function lengthBetween(min: number, max: number, required: string) {
	return text(required)
		.min(min, { error: `must be ${min} to ${max} characters` })
		.max(max, { error: `must be ${min} to ${max} characters` });
}

function slug(required: string) {
	return text(required).regex(SLUG_RE, { error: SLUG_HINT });
}

/** An ISO 8601 date-time with an offset, kept as written so the offset survives. */
function dateTime(required: string) {
	return z
		.string({
			error: (issue) =>
				issue.input === undefined
					? `is required: ${required}`
					: "must be an ISO 8601 date and time with a time zone, e.g. 2018-07-26T17:00:00-05:00; quote it if YAML reads it as something else",
		})
		.superRefine((value, ctx) => {
			const problem = dateTimeProblem(value);
			if (problem) ctx.addIssue({ code: "custom", message: problem });
		})
		.meta({ format: "date-time" });
}

/** An editor's URL with its user name and password hidden, for messages (CI logs are read). */
export function withoutCredentials(value: string): string {
	return value.replace(/^([a-z]+:\/\/)[^@/?#]*@/i, "$1…@");
}

/**
 * An absolute http(s) URL Dateline publishes: never with a user name or password, which would
 * reach every page; the site's own, from which every address is made, without a query or
 * fragment either.
 */
function httpUrl(own = false) {
	return (
		z
			.url({ protocol: /^https?$/, error: "must be an absolute http or https URL" })
			.superRefine((value, ctx) => {
				visibleText(value, ctx);
				if (!URL.canParse(value)) return;
				const url = new URL(value);
				const found = withoutCredentials(value);
				const refuse = (message: string) => {
					ctx.addIssue({ code: "custom", message, params: { found } });
				};
				if (url.username || url.password)
					refuse(
						"must not hold a user name or password: they would be published in every link, feed and sitemap; remove the `name:password@` before the host",
					);
				if (own && value.includes("?"))
					refuse(
						"must not hold a query (`?…`): every address of the site is made from it",
					);
				if (own && value.includes("#"))
					refuse(
						"must not hold a fragment (`#…`): every address of the site is made from it",
					);
			})
			// Published as the URL standard writes it: a space or an accent in the path encoded.
			.transform((value) => new URL(value).href)
	);
}

/**
 * The address photos are served from when they have their own host: absolute, ending in a
 * slash (one is added), with nothing a file name cannot follow and no credentials, since every
 * page publishes it.
 */
function photoHostUrl() {
	// httpUrl() refuses a user name or password already, as for every URL Dateline publishes.
	return httpUrl()
		.refine((value) => URL.canParse(value) && !new URL(value).search && !new URL(value).hash, {
			error: "must not hold a query (?…) or a fragment (#…): file names are added to its end",
		})
		.transform((value) => (value.endsWith("/") ? value : `${value}/`));
}

/** A photo path relative to the file that names it. */
function photoPath(required: string) {
	return text(required)
		.regex(PHOTO_EXTENSIONS_RE, {
			error: "must name a JPEG, PNG, WebP or AVIF file (.jpg, .jpeg, .png, .webp or .avif)",
		})
		.meta({ format: "photo" });
}

/** One coordinate of a focal point: a fraction of the width or height from the top left. */
function fraction(edges: string) {
	const error = `must be a fraction from 0 to 1 (${edges}), e.g. 0.5 for the middle`;
	return z.number({ error }).min(0, { error }).max(1, { error });
}

export const imageSchema = z.strictObject(
	{
		src: photoPath("name the photo file beside the article, e.g. osorio.jpg").meta({
			title: "Photo",
			description: "JPEG, PNG, WebP or AVIF, kept beside the article",
		}),
		alt: text("describe what the photo shows for readers who cannot see it").meta({
			title: "Alt text",
			description: "What the photo shows, for readers who cannot see it",
		}),
		caption: optionalText(),
		credit: text("name who made the photo").meta({
			description: "Who made the photo; shown as “Photo: Name/Agency”",
		}),
		agency: optionalText(),
		copyright: optionalText().meta({
			description: "The notice written into the published files, e.g. © 2018 AFP",
		}),
		focus: z
			.tuple(
				[fraction("0 the left edge, 1 the right"), fraction("0 the top, 1 the bottom")],
				{
					error: "must be [x, y], two fractions from the top left that crops keep in frame, e.g. [0.65, 0.4]",
				},
			)
			.optional()
			.meta({
				title: "Focus point",
				description:
					"Two fractions from the top left that crops keep in frame, e.g. 0.65 then 0.4",
			}),
	},
	{
		error: (issue) =>
			issue.input === undefined
				? "is required: every article has a lead photo"
				: "must be a mapping with `src`, `alt` and `credit`",
	},
);

export const correctionSchema = z.strictObject(
	{
		date: dateTime("give when the correction was made"),
		text: text("say what was corrected").meta({ multiline: true }),
	},
	{ error: "must be a mapping with `date` and `text`" },
);

/** An article's frontmatter, exactly as the README's content model describes it. */
export const articleSchema = z
	.strictObject({
		title: lengthBetween(10, 110, "write the headline").meta({ title: "Headline" }),
		kicker: optionalText().meta({ description: "The label above the headline" }),
		description: lengthBetween(50, 300, "write the standfirst").meta({
			title: "Standfirst",
			description: "Also the meta description and the feeds' summary",
			multiline: true,
		}),
		date: dateTime("give the publication date and time with a time zone").meta({
			title: "Published",
			description: "A date in the future schedules the article",
		}),
		updated: dateTime("")
			.optional()
			.meta({ description: "The last substantive change; not before the publication date" }),
		authors: z
			.array(slug("name an author id"), {
				error: "must be a list of author ids, e.g. [goal-staff]",
			})
			.min(1, { error: "must name at least one author id" }),
		section: slug("name a section id from sections.yaml"),
		tags: z
			.array(slug(""), { error: "must be a list of tags, e.g. [mexico, world-cup-2018]" })
			.superRefine((tags, ctx) => {
				// A set, not indexOf: 100,000 tags must not cost 5 billion comparisons.
				const seen = new Set<string>();
				tags.forEach((tag, index) => {
					if (!seen.has(tag)) seen.add(tag);
					else
						ctx.addIssue({
							code: "custom",
							message: `must not repeat a tag; \`${tag}\` appears twice`,
							path: [index],
						});
				});
			})
			.optional(),
		image: imageSchema.meta({ title: "Lead photo" }),
		draft: z
			.boolean({ error: "must be true or false" })
			.optional()
			.meta({ description: "A draft is shown only in the preview, never published" }),
		corrections: z
			.array(correctionSchema, { error: "must be a list of `date` and `text` entries" })
			.optional(),
		aliases: z
			.array(slug("give the old slug"), {
				error: "must be a list of old slugs that should redirect here, e.g. [old-slug]",
			})
			.optional()
			.meta({ description: "Old slugs that redirect here" }),
	})
	.superRefine(
		(article, ctx) => {
			// Runs even when other fields failed, so one pass reports every problem.
			const { date, updated } = article as { date?: unknown; updated?: unknown };
			if (typeof date !== "string" || typeof updated !== "string") return;
			if (dateTimeProblem(date) || dateTimeProblem(updated)) return;
			if (toEpoch(updated) < toEpoch(date)) {
				ctx.addIssue({
					code: "custom",
					message: `must not be before \`date\` (${date})`,
					path: ["updated"],
				});
			}
		},
		{ when: () => true },
	);

/** An article's frontmatter after checking. */
export type ArticleData = z.output<typeof articleSchema>;
/** A lead or inline photo's fields. */
export type ImageData = z.output<typeof imageSchema>;
/** A dated correction note. */
export type Correction = z.output<typeof correctionSchema>;

const REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const BRANCH_RE = /^[A-Za-z0-9._/-]+$/;

/** `site.yaml`'s `cms`: the repository the browser CMS commits to; without it, no /admin/. */
export const cmsSchema = z.strictObject(
	{
		repo: text("name the GitHub repository as owner/name").regex(REPO_RE, {
			error: "must be a GitHub repository as owner/name, e.g. newsroom/dateline",
		}),
		branch: text("")
			.regex(BRANCH_RE, { error: "must be a branch name, e.g. main" })
			.optional()
			.meta({ description: "The branch the site is built from; main when left out" }),
		auth_url: httpUrl().optional().meta({
			title: "Auth URL",
			description:
				"The GitHub OAuth client's address; Netlify's when left out (see the README)",
		}),
	},
	{ error: "must be a mapping with `repo`, e.g. { repo: newsroom/dateline, branch: main }" },
);

/** `site.yaml`: the publication. */
export const siteSchema = z.strictObject({
	name: text("give the publication's name"),
	description: optionalText(),
	url: httpUrl(true),
	language: text("give a BCP 47 language tag, e.g. en or es-MX").regex(LANGUAGE_RE, {
		error: "must be a BCP 47 language tag, e.g. en or es-MX",
	}),
	timezone: text("give an IANA time zone, e.g. America/Mexico_City").refine(isTimeZone, {
		error: "must be an IANA time zone, e.g. America/Mexico_City",
	}),
	logo: photoPath("give the logo's path relative to content/, e.g. brand/logo.png"),
	image: photoPath("give the default social image's path relative to content/"),
	cms: cmsSchema.optional().meta({ title: "CMS" }),
	photos: z
		.strictObject(
			{ url: photoHostUrl() },
			{
				error: "must be a mapping with `url`, e.g. `photos: { url: https://img.example.org/ }`",
			},
		)
		.optional()
		.meta({ title: "Photo host" }),
});
export type SiteData = z.output<typeof siteSchema>;

export const authorSchema = z.strictObject(
	{
		name: text("give the name shown in the byline"),
		role: optionalText(),
		bio: optionalText().meta({ multiline: true }),
		url: httpUrl().optional(),
		avatar: photoPath("").optional(),
		type: z
			.enum(["person", "organization"], { error: "must be `person` or `organization`" })
			.optional(),
	},
	{ error: "must be a mapping with at least `name`" },
);
export type AuthorData = z.output<typeof authorSchema>;

export const sectionSchema = z.strictObject(
	{
		name: text("give the section's name"),
		description: optionalText(),
	},
	{ error: "must be a mapping with at least `name`" },
);
export type SectionData = z.output<typeof sectionSchema>;

export const tagSchema = z.strictObject(
	{
		name: text("give the tag's display name"),
		description: optionalText(),
	},
	{ error: "must be a mapping with at least `name`" },
);
export type TagData = z.output<typeof tagSchema>;

function idMap<T extends z.ZodType>(entry: T, what: string) {
	return z.record(z.string().regex(SLUG_RE, { error: `${what} ids ${SLUG_HINT}` }), entry, {
		error: `must map ${what} ids to their fields`,
	});
}

/** `authors.yaml`: author id to author. */
export const authorsSchema = idMap(authorSchema, "author");
/** `sections.yaml`: section id to section. */
export const sectionsSchema = idMap(sectionSchema, "section");

/** `tags.yaml` (optional): tag id to display name and description. */
export const tagsSchema = idMap(tagSchema, "tag");

/** The names of an article's top-level fields, for "did you mean" hints on typos. */
export const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
