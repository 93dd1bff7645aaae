import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
	caseInsensitiveSource,
	cmsField,
	cmsFields,
	humanize,
	stringPattern,
	type CmsField,
} from "../../../src/cms/fields.ts";
import { articleSchema, authorSchema, imageSchema, siteSchema } from "../../../src/schema.ts";

function field(fields: CmsField[], dotted: string): CmsField {
	const [name, ...rest] = dotted.split(".");
	const found = fields.find((f) => f.name === name);
	if (!found) throw new Error(`no field ${dotted}`);
	return rest.length === 0 ? found : field(found.fields ?? [], rest.join("."));
}

const article = cmsFields(articleSchema, {
	choices: {
		authors: [{ label: "Goal staff (goal-staff)", value: "goal-staff" }],
		section: [{ label: "National teams (national-teams)", value: "national-teams" }],
		tags: [{ label: "Mexico (mexico)", value: "mexico" }],
	},
	defaults: { date: "{{now}}" },
});

describe("widgets follow the schema", () => {
	test.each([
		["title", "string", true],
		["kicker", "string", false],
		["description", "text", true],
		["date", "datetime", true],
		["updated", "datetime", false],
		["authors", "select", true],
		["section", "select", true],
		["tags", "select", false],
		["image", "object", true],
		["image.src", "image", true],
		["image.alt", "string", true],
		["image.caption", "string", false],
		["image.credit", "string", true],
		["image.agency", "string", false],
		["image.copyright", "string", false],
		["image.focus", "list", false],
		["draft", "boolean", false],
		["corrections", "list", false],
		["corrections.date", "datetime", true],
		["corrections.text", "text", true],
		["aliases", "list", false],
	])("%s is a %s widget, required: %s", (path, widget, required) => {
		const f = field(article, path);
		expect(f.widget).toBe(widget);
		expect(f.required ?? true).toBe(required);
	});

	test("dates are written with their offset, the publication date defaulting to now", () => {
		expect(field(article, "date")).toMatchObject({
			format: "YYYY-MM-DDTHH:mm:ssZ",
			default: "{{now}}",
		});
		expect(field(article, "updated").default).toBeUndefined();
	});

	test("authors are one or more choices; tags any number; the section one", () => {
		expect(field(article, "authors")).toMatchObject({ multiple: true, min: 1 });
		expect(field(article, "tags")).toMatchObject({ multiple: true });
		expect(field(article, "tags").min).toBeUndefined();
		expect(field(article, "section").multiple).toBeUndefined();
		expect(field(article, "section").options).toEqual([
			{ label: "National teams (national-teams)", value: "national-teams" },
		]);
	});

	test("the focus point is a list of exactly two fractions", () => {
		expect(field(article, "image.focus")).toMatchObject({
			min: 2,
			max: 2,
			field: { widget: "number", value_type: "float", min: 0, max: 1 },
		});
	});

	test("labels come from the schema's titles, else from the names", () => {
		expect(field(article, "title").label).toBe("Headline");
		expect(field(article, "description").label).toBe("Standfirst");
		expect(field(article, "image").label).toBe("Lead photo");
		expect(field(article, "kicker").label).toBe("Kicker");
		expect(humanize("auth_url")).toBe("Auth url");
	});

	test("an enum becomes a select of its values", () => {
		expect(field(cmsFields(authorSchema), "type").options).toEqual([
			{ label: "person", value: "person" },
			{ label: "organization", value: "organization" },
		]);
	});

	test("a zod type the CMS has no widget for is refused, not skipped", () => {
		expect(() => cmsField("when", z.date())).toThrow("the CMS has no widget for a zod date");
	});
});

/** Whether the CMS would let a value through, and whether the check would. */
function both(schema: z.ZodType, f: CmsField, value: string): { cms: boolean; check: boolean } {
	const pattern = f.pattern;
	const cms = pattern ? new RegExp(pattern[0]).test(value) : true;
	return { cms, check: schema.safeParse(value).success };
}

describe("what the check refuses, the form refuses before saving", () => {
	const cases: [string, z.ZodType, string, boolean][] = [
		["title", articleSchema.shape.title, "Short one", false],
		["title", articleSchema.shape.title, "Ten chars!", true],
		["title", articleSchema.shape.title, "  Ten chars!  ", true],
		["title", articleSchema.shape.title, "x".repeat(110), true],
		["title", articleSchema.shape.title, "x".repeat(111), false],
		["title", articleSchema.shape.title, " ".repeat(20), false],
		["description", articleSchema.shape.description, "y".repeat(49), false],
		["description", articleSchema.shape.description, `${"y".repeat(300)}\n`, true],
		["description", articleSchema.shape.description, "y".repeat(301), false],
		["aliases", z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), "old-slug", true],
		["aliases", z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), "Old Slug", false],
		["aliases", z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), "old--slug", false],
		["image.src", imageSchema.shape.src, "osorio.JPG", true],
		["image.src", imageSchema.shape.src, "osorio.avif", true],
		["image.src", imageSchema.shape.src, "osorio.gif", false],
		["image.alt", imageSchema.shape.alt, "   ", false],
		["image.alt", imageSchema.shape.alt, "A coach", true],
	];
	test.each(cases)("%s: %j -> %s", (path, schema, value, ok) => {
		const f = field(article, path);
		const result = both(schema, f.field ?? f, value);
		expect(result).toEqual({ cms: ok, check: ok });
	});

	test.each([
		["url", "https://dateline.example", true],
		["url", "dateline.example", false],
		["language", "es-MX", true],
		["language", "Spanish", false],
		["logo", "brand/logo.png", true],
		["logo", "brand/logo.svg", false],
	] as const)("site.yaml %s: %j -> %s", (name, value, ok) => {
		const site = cmsFields(siteSchema);
		const result = both(siteSchema.shape[name], field(site, name), value);
		expect(result).toEqual({ cms: ok, check: ok });
	});

	test("optional text may stay empty, but not blank", () => {
		const kicker = field(article, "kicker");
		expect(kicker.pattern?.[1]).toBe("must hold text, or be left empty");
		expect(new RegExp(kicker.pattern?.[0] ?? "").test("  ")).toBe(false);
	});

	test("messages are the schema's own", () => {
		expect(field(article, "title").pattern?.[1]).toBe("must be 10 to 110 characters");
		expect(field(article, "image.alt").pattern?.[1]).toBe(
			"must not be empty: describe what the photo shows for readers who cannot see it",
		);
		expect(field(article, "aliases").field?.pattern?.[1]).toBe(
			"must be lowercase ASCII words joined by hyphens, e.g. world-cup-2018",
		);
	});
});

describe("patterns Decap can compile", () => {
	test.each([
		[/abc/, "abc"],
		[/\.(jpe?g|png)$/i, "\\.([jJ][pP][eE]?[gG]|[pP][nN][gG])$"],
		[/[a-c]\d/i, "[a-cA-C]\\d"],
		[/[^x\]]y/i, "[^x\\]X\\]][yY]"],
		[/\S+x/i, "\\S+[xX]"],
	])("%s without its i flag is %s", (re, source) => {
		expect(caseInsensitiveSource(re)).toBe(source);
	});

	test("a string without rules has no pattern", () => {
		expect(stringPattern(z.string())).toBeUndefined();
	});

	test("lengths without trimming count every character", () => {
		const [pattern = ""] = stringPattern(z.string().min(2).max(3)) ?? [];
		expect(["a", "ab", " b ", "abcd"].map((v) => new RegExp(pattern).test(v))).toEqual([
			false,
			true,
			true,
			false,
		]);
	});
});
