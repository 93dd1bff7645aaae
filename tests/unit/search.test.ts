import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { Catalog } from "../../src/content/catalog.ts";
import type { Article } from "../../src/content/types.ts";
import { indexSite, shardOf, shards } from "../../src/search.ts";

const page = (title: string) =>
	`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Osorio leaves.</p></main></body></html>`;

function article(slug: string, published: string, source = "1"): Article {
	return {
		slug,
		href: `/articles/${slug}/`,
		published: Date.parse(published),
		sourceHash: source,
		status: "published",
		image: { href: `/img/${slug}.jpg` },
		bodyPhotos: [],
	} as unknown as Article;
}

function catalogOf(articles: Article[]): Catalog {
	return {
		articles,
		outputPath: (href: string) => `${href}index.html`,
	} as unknown as Catalog;
}

async function site(articles: Article[]) {
	const dir = await mkdtemp(path.join(tmpdir(), "dateline-search-"));
	for (const a of articles) {
		await mkdir(path.join(dir, "articles", a.slug), { recursive: true });
		await writeFile(path.join(dir, "articles", a.slug, "index.html"), page(a.slug));
	}
	return dir;
}

describe("search", () => {
	test("shards by the quarter of publication, newest first", () => {
		expect(shardOf({ published: Date.parse("2018-07-26T22:00:00Z") })).toBe("2018-q3");
		expect(shardOf({ published: Date.parse("2018-12-31T23:59:59Z") })).toBe("2018-q4");
		expect(shardOf({ published: Date.parse("2019-01-01T00:00:00Z") })).toBe("2019-q1");
		const list = [
			article("c", "2019-02-01T00:00:00Z"),
			article("b", "2018-08-01T00:00:00Z"),
			article("a", "2018-07-01T00:00:00Z"),
		];
		expect([...shards(catalogOf(list))].map(([k, v]) => [k, v.map((a) => a.slug)])).toEqual([
			["2019-q1", ["c"]],
			["2018-q3", ["b", "a"]],
		]);
	});

	test("indexes each shard's article pages, and again only the shards whose pages changed", async () => {
		const list = [
			article("new", "2019-02-01T00:00:00Z"),
			article("old", "2018-08-01T00:00:00Z"),
		];
		const dir = await site(list);
		const plan = { pageKey: "k", shards: {} as Record<string, string>, previousShards: {} };
		expect(await indexSite(catalogOf(list), dir, plan)).toBe(2);
		const entry = JSON.parse(
			await readFile(path.join(dir, "pagefind", "2019-q1", "pagefind-entry.json"), "utf8"),
		) as { languages: Record<string, { page_count: number }> };
		expect(entry.languages.en?.page_count).toBe(1);
		// The newer article edited: only its quarter is indexed again.
		const edited = [article("new", "2019-02-01T00:00:00Z", "2"), list[1] as Article];
		const next = {
			pageKey: "k",
			shards: {} as Record<string, string>,
			previousShards: plan.shards,
		};
		expect(await indexSite(catalogOf(edited), dir, next)).toBe(1);
		// A change to what every page shows (the code, the data files) indexes every quarter.
		const recoded = { pageKey: "k2", shards: {}, previousShards: next.shards };
		expect(await indexSite(catalogOf(edited), dir, recoded)).toBe(2);
		// A shard no article is in any more goes.
		const last = { pageKey: "k2", shards: {}, previousShards: recoded.shards };
		await indexSite(catalogOf(edited.slice(0, 1)), dir, last);
		expect(existsSync(path.join(dir, "pagefind", "2018-q3"))).toBe(false);
		expect(existsSync(path.join(dir, "pagefind", "2019-q1", "pagefind-entry.json"))).toBe(true);
	});
});
