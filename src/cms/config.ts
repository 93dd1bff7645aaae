/**
 * The Decap CMS configuration, generated from the content model and the data files: one
 * folder collection for articles (`articles/<slug>/index.md`, photos beside it) and the data
 * files as file collections. Locally it talks to decap-server over the working copy; in
 * production to GitHub, each article a pull request through the editorial workflow.
 */
import { stringify } from "yaml";
import {
	articleSchema,
	authorSchema,
	sectionSchema,
	siteSchema,
	tagSchema,
	type AuthorData,
	type SectionData,
	type SiteData,
	type TagData,
} from "../schema.ts";
import { cmsFields, type CmsChoice, type CmsField } from "./fields.ts";

/** Where an article lives under the articles folder: its slug is the folder's name. */
export const ARTICLE_PATH = "{{slug}}/index";

/** What the configuration is made from. */
export interface CmsSource {
	site: SiteData;
	/** The content folder relative to the repository (or decap-server's folder), e.g. "content". */
	contentFolder: string;
	authors: Record<string, AuthorData>;
	sections: Record<string, SectionData>;
	/** `tags.yaml`, when the publication has one. */
	tags: Record<string, TagData> | undefined;
	/** Tags articles use, listed or not in tags.yaml. */
	usedTags: string[];
	/** decap-server's API address, for `npm run cms`; without it, the GitHub backend. */
	proxyUrl?: string | undefined;
}

/** A Decap collection. */
export interface CmsCollection {
	name: string;
	label: string;
	[key: string]: unknown;
}

/** The parts of Decap's configuration Dateline writes. */
export interface CmsConfig {
	backend: Record<string, string>;
	publish_mode?: "editorial_workflow";
	site_url: string;
	display_url: string;
	media_folder: string;
	public_folder: string;
	slug: { encoding: "ascii"; clean_accents: boolean; sanitize_replacement: string };
	collections: CmsCollection[];
}

/** "world-cup-2018" -> "World cup 2018", as tag pages show a tag tags.yaml does not name. */
function readable(id: string): string {
	const words = id.replace(/-/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Choices for ids: "Name (id)", so two entries with one name stay apart. */
function choices(entries: [string, { name: string }][]): CmsChoice[] {
	return entries.map(([value, { name }]) => ({ label: `${name} (${value})`, value }));
}

function tagChoices(source: CmsSource): CmsChoice[] {
	const named = source.tags ?? {};
	const ids = [...new Set([...Object.keys(named), ...source.usedTags])];
	const entries = ids.map((id): [string, { name: string }] => [
		id,
		// Own keys only: a tag `constructor` must not find Object.prototype's.
		{ name: (Object.hasOwn(named, id) ? named[id]?.name : undefined) ?? readable(id) },
	]);
	entries.sort(([a, x], [b, y]) => x.name.localeCompare(y.name) || a.localeCompare(b));
	return choices(entries);
}

/** The article form: every field of the schema, then the markdown body. */
export function articleFields(source: CmsSource): CmsField[] {
	const fields = cmsFields(articleSchema, {
		choices: {
			authors: choices(Object.entries(source.authors)),
			section: choices(Object.entries(source.sections)),
			tags: tagChoices(source),
		},
		defaults: { date: "{{now}}" },
	});
	return [
		...fields,
		{
			name: "body",
			label: "Body",
			widget: "markdown",
			hint: 'A further photo goes on a line of its own, its caption ending with its credit: "Caption. Photo: Name/Agency"',
		},
	];
}

/** A data file that maps ids to entries: one group per id it holds now. */
function idMapFile(
	name: string,
	file: string,
	entries: Record<string, { name: string }>,
	fields: CmsField[],
): CmsCollection {
	return {
		name,
		label: readable(name),
		file,
		fields: Object.entries(entries).map(([id, entry]) => ({
			name: id,
			label: `${entry.name} (${id})`,
			widget: "object",
			collapsed: true,
			fields,
		})),
	};
}

function articlesCollection(source: CmsSource): CmsCollection {
	return {
		name: "articles",
		label: "Articles",
		label_singular: "Article",
		folder: `${source.contentFolder}/articles`,
		path: ARTICLE_PATH,
		extension: "md",
		format: "frontmatter",
		create: true,
		// Photos go beside index.md and are named by their file name alone.
		media_folder: "",
		public_folder: "",
		preview_path: "articles/{{slug}}/",
		sortable_fields: ["date", "title"],
		view_filters: [{ label: "Drafts", field: "draft", pattern: true }],
		summary: "{{title}}",
		fields: articleFields(source),
	};
}

function dataCollection(source: CmsSource): CmsCollection {
	const data = `${source.contentFolder}/_data`;
	const files: CmsCollection[] = [
		{ name: "site", label: "Site", file: `${data}/site.yaml`, fields: cmsFields(siteSchema) },
		idMapFile("authors", `${data}/authors.yaml`, source.authors, cmsFields(authorSchema)),
		idMapFile("sections", `${data}/sections.yaml`, source.sections, cmsFields(sectionSchema)),
	];
	if (source.tags) {
		files.push(idMapFile("tags", `${data}/tags.yaml`, source.tags, cmsFields(tagSchema)));
	}
	return { name: "data", label: "Publication", editor: { preview: false }, files };
}

/** Decap's configuration for a publication. */
export function cmsConfig(source: CmsSource): CmsConfig {
	const { site } = source;
	const production = !source.proxyUrl && site.cms;
	let backend: Record<string, string>;
	if (source.proxyUrl) backend = { name: "proxy", proxy_url: source.proxyUrl };
	else if (site.cms) {
		backend = {
			name: "github",
			repo: site.cms.repo,
			branch: site.cms.branch ?? "main",
			...(site.cms.auth_url ? { base_url: site.cms.auth_url } : {}),
		};
	} else {
		throw new Error("the CMS needs `cms` in site.yaml, or decap-server's address");
	}
	return {
		backend,
		...(production ? { publish_mode: "editorial_workflow" as const } : {}),
		site_url: site.url,
		display_url: site.url,
		// Photos of the data files (logo, social image, avatars) are paths relative to content/.
		media_folder: `${source.contentFolder}/brand`,
		public_folder: "brand",
		slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
		collections: [articlesCollection(source), dataCollection(source)],
	};
}

/** config.yml as Decap reads it. */
export function cmsConfigYaml(config: CmsConfig): string {
	return `# Generated by Dateline from src/schema.ts and content/_data; edit those, not this.\n${stringify(config, { lineWidth: 0 })}`;
}
