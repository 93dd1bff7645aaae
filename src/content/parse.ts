/**
 * One article's source on its own: frontmatter split by gray-matter, checked against the
 * schema, and its body photos read from markdown-it's tokens. Cross-references (authors,
 * sections, slugs, the photo files themselves) are the rules' to check, on every field that
 * passed the schema even when others did not, so one pass reports everything.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { addProblems, escapedChar, type Problem } from "../problems.ts";
import {
	ARTICLE_FIELDS,
	INVISIBLE_RE,
	SLUG_RE,
	articleSchema,
	type ArticleData,
	type ImageData,
} from "../schema.ts";
import { readBodyPhotos, type BodyPhotoDraft } from "./body-photos.ts";
import { splitFrontmatter } from "./frontmatter.ts";
import { schemaProblems } from "./problems-from-zod.ts";
import { photoFileIn, readableText } from "./read.ts";
import { yamlFailure } from "./yaml-errors.ts";
import { prototypeKeyProblems, withPositions, type Yaml } from "./yaml.ts";

/** The frontmatter fields that passed the schema: all of them once the article is sound. */
export type ArticleFields = Partial<Omit<ArticleData, "image">> & { image?: Partial<ImageData> };

/** An article as parsed, before cross-references are checked. */
export interface Draft {
	file: string;
	display: string;
	slug: string;
	/** The fields that passed the schema, which the rules check. */
	data: ArticleFields;
	/** Whether every field passed: only a complete draft can become an article. */
	complete: boolean;
	body: string;
	yaml: Yaml;
	bodyLine: number;
	/** The lead photo's file, when its path stays inside the article's folder. */
	leadFile: string | undefined;
	bodyPhotos: BodyPhotoDraft[];
	/** A hash of the file as read: a build that finds it unchanged need not render it again. */
	sourceHash: string;
}

/** A draft whose every field passed the schema. */
export type CompleteDraft = Draft & { data: ArticleData };

/** Whether every field of a draft passed the schema. */
export function isComplete(draft: Draft): draft is CompleteDraft {
	return draft.complete;
}

/**
 * The fields of a mapping that pass their own schema; a mapping that fails keeps the fields of
 * it that pass (the lead photo's `src` when only its `focus` is wrong). Lists stay whole.
 */
export function validFields(shape: z.ZodRawShape, value: unknown): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	if (typeof value !== "object" || value === null || Array.isArray(value)) return fields;
	for (const [key, schema] of Object.entries(shape)) {
		if (!Object.hasOwn(value, key)) continue;
		const given = (value as Record<string, unknown>)[key];
		const result = z.safeParse(schema, given);
		if (result.success) {
			if (result.data !== undefined) fields[key] = result.data;
		} else if (schema instanceof z.ZodObject) {
			fields[key] = validFields(schema.shape, given);
		}
	}
	return fields;
}

/** The frontmatter's YAML, parsed, or undefined with the problem added. */
function frontmatter(
	source: string,
	display: string,
	problems: Problem[],
): { yaml: Yaml; body: string; bodyLine: number } | undefined {
	const split = splitFrontmatter(source);
	const problem = (message: string) => problems.push({ file: display, line: 1, message });
	if ("missing" in split) {
		problem(
			split.missing === "start"
				? "the article must start with frontmatter between `---` lines (title, description, date, authors, section, image)"
				: "the frontmatter is not closed: end it with a line holding only `---` before the body",
		);
		return undefined;
	}
	if ("language" in split) {
		problem(
			`the frontmatter must be YAML; found \`---${split.language}\`: remove \`${split.language}\` from the first line`,
		);
		return undefined;
	}
	if ("error" in split.parsed) {
		problems.push({ file: display, ...yamlFailure(split.matter, split.parsed.error) });
		return undefined;
	}
	const yaml = withPositions(split.parsed.value, split.matter);
	addProblems(problems, prototypeKeyProblems(yaml, split.matter, display));
	return { yaml, body: split.body, bodyLine: split.bodyLine };
}

/**
 * A body's first invisible control character, as a problem on its line: the feeds carry
 * bodies, and such a character makes them ill-formed XML.
 */
function invisibleInBody(body: string, bodyLine: number, display: string): Problem | undefined {
	const at = body.search(INVISIBLE_RE);
	if (at === -1) return undefined;
	const start = body.lastIndexOf("\n", at - 1) + 1;
	let line = bodyLine;
	for (let i = body.indexOf("\n"); i !== -1 && i < at; i = body.indexOf("\n", i + 1)) line++;
	const char = String.fromCodePoint(body.codePointAt(at) ?? 0);
	const more = body.slice(at + 1).split(new RegExp(INVISIBLE_RE, "gu")).length - 1;
	return {
		file: display,
		line,
		message: `this line of the body holds an invisible control character (\`${escapedChar(char)}\`) at column ${String(at - start + 1)}${more > 0 ? `, and the body holds ${more.toLocaleString("en")} more after it` : ""}; delete ${more > 0 ? "them: they break" : "it: it breaks"} feeds and sitemaps`,
	};
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
	const parsed = frontmatter(text, display, problems);
	if (!parsed) return undefined;
	const { yaml, body, bodyLine } = parsed;
	const invisible = invisibleInBody(body, bodyLine, display);
	if (invisible) problems.push(invisible);
	const dir = path.dirname(file);
	const slug = path.basename(dir);
	if (!SLUG_RE.test(slug)) {
		problems.push({
			file: display,
			message: `the folder name \`${slug}\` is the article's slug and must be lowercase ASCII words joined by hyphens, e.g. osorio-to-leave-mexico; rename the folder`,
		});
	}
	const result = articleSchema.safeParse(yaml.data ?? {});
	if (!result.success)
		addProblems(problems, schemaProblems(result.error, yaml, display, ARTICLE_FIELDS));
	// Kept with what passed, so the rules check its cross-references in the same pass.
	const data: ArticleFields = result.success
		? result.data
		: validFields(articleSchema.shape, yaml.data);
	const { image } = data;
	const leadFile = image?.src === undefined ? undefined : photoFileIn(dir, image.src);
	const leadCredit = image?.credit === undefined ? undefined : { ...image, credit: image.credit };
	const read = readBodyPhotos(
		body,
		bodyLine,
		dir,
		{ file: leadFile, credit: leadCredit },
		display,
	);
	addProblems(problems, read.problems);
	const sourceHash = createHash("sha256").update(source).digest("base64url");
	return {
		file,
		display,
		slug,
		data,
		complete: result.success,
		body,
		yaml,
		bodyLine,
		leadFile,
		bodyPhotos: read.photos,
		sourceHash,
	};
}
