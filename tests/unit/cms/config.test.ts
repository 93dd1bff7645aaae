import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { cmsConfig, cmsConfigYaml, type CmsSource } from "../../../src/cms/config.ts";
import type { CmsField } from "../../../src/cms/fields.ts";
import {
	articleSchema,
	authorSchema,
	sectionSchema,
	siteSchema,
	tagSchema,
	type SiteData,
} from "../../../src/schema.ts";

const SITE: SiteData = {
	name: "Dateline Football",
	url: "https://dateline.example",
	language: "en",
	timezone: "America/Mexico_City",
	logo: "brand/logo.png",
	image: "brand/social.png",
	cms: { repo: "newsroom/dateline", branch: "main" },
};

const SOURCE: CmsSource = {
	site: SITE,
	contentFolder: "content",
	authors: { "goal-staff": { name: "Goal staff" }, desk: { name: "Sports desk" } },
	sections: { "national-teams": { name: "National teams" } },
	tags: { usmnt: { name: "USMNT" } },
	usedTags: ["mexico", "usmnt"],
};

/**
 * Every field path of a zod schema, walked here on its own (not by the generator), so a field
 * added to schema.ts that the configuration leaves out fails this test.
 */
function schemaPaths(schema: z.core.$ZodType, prefix = ""): string[] {
	let inner = schema;
	while (inner._zod.def.type === "optional") {
		inner = (inner._zod.def as z.core.$ZodOptionalDef).innerType;
	}
	const def = inner._zod.def;
	if (def.type === "object") {
		return Object.entries((def as z.core.$ZodObjectDef).shape).flatMap(([key, child]) => [
			prefix + key,
			...schemaPaths(child, `${prefix}${key}.`),
		]);
	}
	if (def.type === "array") return schemaPaths((def as z.core.$ZodArrayDef).element, prefix);
	return [];
}

function configPaths(fields: CmsField[], prefix = ""): string[] {
	return fields.flatMap((f) => [
		prefix + f.name,
		...configPaths(f.fields ?? [], `${prefix}${f.name}.`),
	]);
}

function collection(config: ReturnType<typeof cmsConfig>, name: string) {
	const found = config.collections.find((c) => c.name === name);
	if (!found) throw new Error(`no collection ${name}`);
	return found as Record<string, unknown>;
}

function file(config: ReturnType<typeof cmsConfig>, name: string) {
	const files = collection(config, "data").files as Record<string, unknown>[];
	const found = files.find((f) => f.name === name);
	if (!found) throw new Error(`no file ${name}`);
	return found as { file: string; fields: CmsField[] };
}

describe("every field of the content model has its widget", () => {
	const config = cmsConfig(SOURCE);

	test("articles: the schema's fields and the body, nothing else", () => {
		const fields = collection(config, "articles").fields as CmsField[];
		expect(configPaths(fields).sort()).toEqual([...schemaPaths(articleSchema), "body"].sort());
	});

	test("site.yaml", () => {
		expect(configPaths(file(config, "site").fields).sort()).toEqual(
			schemaPaths(siteSchema).sort(),
		);
	});

	test.each([
		["authors", authorSchema, ["goal-staff", "desk"]],
		["sections", sectionSchema, ["national-teams"]],
		["tags", tagSchema, ["usmnt"]],
	] as const)("%s.yaml: a group per id, each with every field", (name, schema, ids) => {
		const { fields } = file(config, name);
		expect(fields.map((f) => f.name)).toEqual(ids);
		for (const group of fields) {
			expect(configPaths(group.fields ?? []).sort()).toEqual(schemaPaths(schema).sort());
		}
	});

	test("the walk itself sees nested fields, so the comparison means something", () => {
		expect(schemaPaths(articleSchema)).toEqual(
			expect.arrayContaining(["image.credit", "image.focus", "corrections.text"]),
		);
	});
});

describe("the articles collection", () => {
	const articles = collection(cmsConfig(SOURCE), "articles");

	test("one folder per article, photos beside index.md, named by file name", () => {
		expect(articles).toMatchObject({
			folder: "content/articles",
			path: "{{slug}}/index",
			extension: "md",
			format: "frontmatter",
			create: true,
			media_folder: "",
			public_folder: "",
			preview_path: "articles/{{slug}}/",
		});
	});

	test("authors, sections and tags are choices from the data files; tags in use count too", () => {
		const fields = articles.fields as CmsField[];
		const options = (name: string) =>
			fields.find((f) => f.name === name)?.options?.map((o) => o.value);
		expect(options("authors")).toEqual(["goal-staff", "desk"]);
		expect(options("section")).toEqual(["national-teams"]);
		expect(options("tags")).toEqual(["mexico", "usmnt"]);
		expect(fields.find((f) => f.name === "tags")?.options?.[0]?.label).toBe("Mexico (mexico)");
	});

	test("a tag named like an Object.prototype property takes no name from it", () => {
		const found = collection(cmsConfig({ ...SOURCE, usedTags: ["constructor"] }), "articles");
		const tags = (found.fields as CmsField[]).find((f) => f.name === "tags");
		expect(tags?.options?.map((o) => o.label)).toContain("Constructor (constructor)");
	});
});

describe("backends", () => {
	test("production: GitHub, the editorial workflow, the branch from site.yaml", () => {
		const config = cmsConfig(SOURCE);
		expect(config.backend).toEqual({
			name: "github",
			repo: "newsroom/dateline",
			branch: "main",
		});
		expect(config.publish_mode).toBe("editorial_workflow");
	});

	test("production: main when no branch is named, and the OAuth client when one is", () => {
		const config = cmsConfig({
			...SOURCE,
			site: { ...SITE, cms: { repo: "a/b", auth_url: "https://auth.example" } },
		});
		expect(config.backend).toEqual({
			name: "github",
			repo: "a/b",
			branch: "main",
			base_url: "https://auth.example",
		});
	});

	test("npm run cms: decap-server over the working copy, saved at once", () => {
		const config = cmsConfig({ ...SOURCE, proxyUrl: "http://127.0.0.1:8081/api/v1" });
		expect(config.backend).toEqual({
			name: "proxy",
			proxy_url: "http://127.0.0.1:8081/api/v1",
		});
		expect(config.publish_mode).toBeUndefined();
	});

	test("without `cms` in site.yaml or a local server there is no CMS", () => {
		const site = { ...SITE, cms: undefined };
		expect(() => cmsConfig({ ...SOURCE, site })).toThrow("the CMS needs `cms` in site.yaml");
	});

	test("no tags.yaml, no tags file collection", () => {
		const files = collection(cmsConfig({ ...SOURCE, tags: undefined }), "data").files as {
			name: string;
		}[];
		expect(files.map((f) => f.name)).toEqual(["site", "authors", "sections"]);
	});
});

test("config.yml reads back as the same configuration, patterns intact", () => {
	const config = cmsConfig(SOURCE);
	const yaml = cmsConfigYaml(config);
	expect(yaml.startsWith("# Generated by Dateline")).toBe(true);
	expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(config)));
});
