import { describe, expect, test } from "vitest";
import { parseArticle, type Draft } from "../../../src/content/parse.ts";
import { RULES, idList, type RuleContext } from "../../../src/content/rules.ts";
import type { Problem } from "../../../src/problems.ts";
import { articleSource } from "./fixtures.ts";

function draft(slug: string, extra = "", body = "Body."): Draft {
	const source = articleSource(extra, body);
	const problems: Problem[] = [];
	const parsed = parseArticle(source, `/c/articles/${slug}/index.md`, `${slug}.md`, problems);
	if (!parsed) throw new Error(JSON.stringify(problems));
	return parsed;
}

function context(drafts: Draft[], extra: Partial<RuleContext> = {}): RuleContext {
	const photos = new Map(
		drafts.map((d) => [
			d.leadFile ?? "",
			{ file: d.leadFile ?? "", width: 10, height: 10, format: "JPEG" },
		]),
	);
	return {
		authors: new Map([["desk", { id: "desk", name: "Desk", href: "/authors/desk/" }]]),
		sections: new Map([["news", { id: "news", name: "News", href: "/sections/news/" }]]),
		slugOwners: new Map(drafts.map((d) => [d.slug, `${d.slug}.md`])),
		aliasOwners: new Map(),
		photos,
		rel: (f) => f,
		now: Date.parse("2026-01-01T00:00:00Z"),
		...extra,
	};
}

function check(d: Draft, ctx: RuleContext): string[] {
	return RULES.flatMap((rule) => rule(d, ctx)).map((p) => `${String(p.line)} ${p.message}`);
}

describe("the rules", () => {
	test("a sound article breaks none", () => {
		const a = draft("a");
		expect(check(a, context([a]))).toEqual([]);
	});

	test("an unknown author gets a guess; an unknown section the known ones", () => {
		const a = draft("a");
		const ctx = context([a]);
		expect(check({ ...a, data: { ...a.data, authors: ["dsk"] } }, ctx)).toEqual([
			'5 `authors[0]` must be an author id from authors.yaml (`desk`); found "dsk"; did you mean `desk`?',
		]);
		expect(check({ ...a, data: { ...a.data, section: "sport" } }, ctx)).toEqual([
			'6 `section` must be a section id from sections.yaml (`news`); found "sport"',
		]);
	});

	test("a long list of ids is cut after a dozen, with the rest counted", () => {
		const ids = Array.from({ length: 20 }, (_, i) => `author-${String(i + 1)}`);
		expect(idList(ids, "authors.yaml")).toBe(
			`${ids
				.slice(0, 12)
				.map((id) => `\`${id}\``)
				.join(", ")} and 8 more in authors.yaml`,
		);
		expect(idList(["a", "b"], "authors.yaml")).toBe("`a`, `b`");
	});

	test("placeholders and the stand-in photo are refused outside drafts, allowed in them", () => {
		const body =
			"First paragraph.\n\nTODO: write the middle. TODO: and this.\n\nLast.\nTODO: the end.";
		const published = draft("a", "", body);
		published.data = {
			...published.data,
			image: { ...published.data.image, src: "replace-me.png" },
		};
		expect(check(published, context([published]))).toEqual([
			"15 the body still holds a `TODO:` placeholder on this line; finish it, or keep `draft: true` until it is done",
			"18 the body still holds a `TODO:` placeholder on this line; finish it, or keep `draft: true` until it is done",
			"8 `image.src` is still the stand-in photo from `npm run new`; put the real photo beside the article and name it here",
		]);
		const inDraft = draft("b", "draft: true\n", body);
		expect(check(inDraft, context([inDraft]))).toEqual([]);
	});

	test("a photo in a correction is refused", () => {
		const a = draft(
			"a",
			'corrections:\n  - date: 2018-07-27T09:00:00-05:00\n    text: "See ![x](x.jpg)"\n',
		);
		expect(check(a, context([a]))).toEqual([
			"13 `corrections[0].text` must not hold a photo: a correction is a line of text; put photos in the body",
		]);
	});

	test.each([
		["an update an hour after the build", "updated: 2026-01-01T01:00:00Z\n", []],
		[
			"an update in 2098",
			"updated: 2098-12-31T18:00:00-06:00\n",
			[
				"11 `updated` must not be in the future: 2098-12-31T18:00:00-06:00 is more than an hour after this build (2026-01-01T00:00:00Z); write when it happened, or give `date` a future time to schedule the article",
			],
		],
		[
			"a correction in 2099",
			"corrections:\n  - date: 2099-01-01T00:00:00Z\n    text: A fix.\n",
			[
				"12 `corrections[0].date` must not be in the future: 2099-01-01T00:00:00Z is more than an hour after this build (2026-01-01T00:00:00Z); write when it happened, or give `date` a future time to schedule the article",
			],
		],
	])("%s: dates after the build time are refused", (_name, extra, problems) => {
		const a = draft("a", extra);
		expect(check(a, context([a]))).toEqual(problems);
	});

	test("a scheduled article may be updated up to its publication, no further", () => {
		const scheduled = (updated: string): Draft => {
			const d = draft("a", `updated: ${updated}\n`);
			return { ...d, data: { ...d.data, date: "2099-01-01T00:00:00Z" } };
		};
		const onTime = scheduled("2099-01-01T00:30:00Z");
		expect(check(onTime, context([onTime]))).toEqual([]);
		const late = scheduled("2099-06-01T00:00:00Z");
		expect(check(late, context([late]))).toEqual([
			"11 `updated` must not be in the future: 2099-06-01T00:00:00Z is more than an hour after the article's `date` (2099-01-01T00:00:00Z), when it is published; an article cannot be updated or corrected before it is published",
		]);
	});

	test("a photo file that cannot be used is named with why", () => {
		const a = draft("a", "", '![Bench](bench.jpg "Photo: A")');
		const ctx = context([a]);
		ctx.photos.set("/c/articles/a/photo.jpg", { kind: "missing" });
		ctx.photos.set("/c/articles/a/bench.jpg", { kind: "format", format: "gif" });
		expect(check(a, ctx)).toEqual([
			"8 `image.src` names /c/articles/a/photo.jpg, which does not exist; put the photo there or fix the name",
			"13 the body photo ![Bench](bench.jpg) names /c/articles/a/bench.jpg, which is GIF; expected JPEG, PNG, WebP or AVIF",
		]);
	});

	test("a slug used twice, and aliases that clash, are refused with who holds them", () => {
		const first = draft("a");
		const again = { ...draft("a"), display: "again.md" };
		const b = draft("b", "aliases: [a, b, old]\n");
		const c = draft("c", "aliases: [old]\n");
		const ctx = context([first, b, c], { aliasOwners: new Map([["old", "b.md"]]) });
		expect(check(again, ctx)).toEqual([
			"undefined the slug `a` is already used by a.md; slugs must be unique across the site, so rename one folder",
		]);
		expect(check(b, ctx)).toEqual([
			"11 `aliases[0]` `a` is the slug of a live article, a.md; an old address cannot redirect while an article lives there",
			"11 `aliases[1]` is this article's own slug; list only old slugs",
		]);
		expect(check(c, ctx)).toEqual([
			"11 `aliases[0]` `old` is already an alias of b.md; an old address can redirect to one article only",
		]);
	});
});
