import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { indexSite } from "../../src/search.ts";

describe("search", () => {
	test("indexes the article pages only, by their marked body", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-search-"));
		const page = (title: string) =>
			`<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Osorio leaves.</p></main></body></html>`;
		await mkdir(path.join(dir, "articles", "a"), { recursive: true });
		await writeFile(path.join(dir, "articles", "a", "index.html"), page("A story"));
		await writeFile(path.join(dir, "index.html"), page("Home"));
		expect(await indexSite(dir)).toBe(1);
		const entry = JSON.parse(
			await readFile(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8"),
		) as { languages: Record<string, { page_count: number }> };
		expect(entry.languages.en?.page_count).toBe(1);
	});
});
