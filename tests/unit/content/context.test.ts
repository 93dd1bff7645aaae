import path from "node:path";
import { describe, expect, test } from "vitest";
import { ruleContext, type ContentPaths } from "../../../src/content/context.ts";
import { parseArticle, type Draft } from "../../../src/content/parse.ts";
import type { Problem } from "../../../src/problems.ts";
import { FIXTURES } from "../../helpers.ts";

const CONTENT = path.join(FIXTURES, "site", "content");
const PATHS: ContentPaths = {
	contentDir: CONTENT,
	dataDir: path.join(CONTENT, "_data"),
	base: "",
	rel: (file) => path.relative(CONTENT, file),
	refused: () => false,
};
const SITE = {
	name: "G",
	url: "https://g.example",
	language: "en",
	timezone: "UTC",
	logo: "brand/logo.png",
	image: "brand/logo.png",
};

function draft(slug: string, aliases: string[] = []): Draft {
	const problems: Problem[] = [];
	const parsed = parseArticle(
		`---\ntitle: A headline long enough\ndescription: A standfirst that is long enough to pass the fifty character minimum.\ndate: 2018-07-26T17:00:00-05:00\nauthors: [desk]\nsection: news\naliases: [${aliases.join(", ")}]\nimage:\n  src: photo.jpg\n  alt: A\n  credit: B\n---\n`,
		path.join(CONTENT, "articles", "first-story", "..", slug, "index.md"),
		`${slug}.md`,
		problems,
	);
	if (!parsed) throw new Error(JSON.stringify(problems));
	return parsed;
}

describe("what the rules know", () => {
	test("photos are measured once each; slugs and old slugs have their first owner", async () => {
		const drafts = [
			draft("first-story", ["old", "first-story"]),
			draft("second-story", ["old"]),
		];
		const problems: Problem[] = [];
		const { ctx, brand } = await ruleContext(
			drafts,
			{
				site: SITE,
				authors: { desk: { name: "Desk" } },
				sections: { news: { name: "News" } },
			},
			PATHS,
			problems,
			Date.parse("2026-01-01T00:00:00Z"),
		);
		expect(problems).toEqual([]);
		expect(brand?.logoFile.href).toBe("/brand/logo.png");
		expect(brand?.logoFile).toMatchObject({ width: 64, height: 64, format: "PNG" });
		expect([...ctx.photos.keys()].map(PATHS.rel).sort()).toEqual([
			"articles/first-story/photo.jpg",
			"articles/second-story/photo.jpg",
			"brand/logo.png",
		]);
		expect(ctx.slugOwners).toEqual(
			new Map([
				["first-story", "first-story.md"],
				["second-story", "second-story.md"],
			]),
		);
		expect(ctx.aliasOwners).toEqual(new Map([["old", "first-story.md"]]));
		expect(ctx.authors?.get("desk")).toMatchObject({ href: "/authors/desk/" });
	});

	test("a brand file or avatar that cannot be used is a problem of the data file", async () => {
		const problems: Problem[] = [];
		await ruleContext(
			[],
			{
				site: { ...SITE, logo: "brand/none.png", image: "../outside.png" },
				authors: { desk: { name: "Desk", avatar: "brand/none.jpg" } },
				sections: {},
			},
			PATHS,
			problems,
			Date.parse("2026-01-01T00:00:00Z"),
		);
		expect(problems.map((p) => `${p.file}  ${p.message}`)).toEqual([
			"_data/site.yaml  `logo` names brand/none.png, which does not exist; put the photo there or fix the name",
			"_data/site.yaml  `image` must be a path inside content/",
			"_data/authors.yaml  `desk.avatar` names brand/none.jpg, which does not exist; put the photo there or fix the name",
		]);
	});
});
