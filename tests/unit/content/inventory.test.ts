import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isRefused, strayProblems, takeInventory } from "../../../src/content/inventory.ts";

/** A content folder with these files (each holding "x"), and a folder outside it. */
async function folder(files: string[]): Promise<{ root: string; content: string }> {
	const root = await mkdtemp(path.join(tmpdir(), "dateline-inventory-"));
	const content = path.join(root, "content");
	for (const file of [...files, "../outside/secret.jpg", "../outside/dir/a.jpg"]) {
		await mkdir(path.dirname(path.join(content, file)), { recursive: true });
		await writeFile(path.join(content, file), "x");
	}
	return { root, content };
}

describe("what content/ may hold", () => {
	test("articles are index.md files at any depth under articles/, sorted", async () => {
		const { root, content } = await folder([
			"articles/a/index.md",
			"articles/2018/b/index.md",
			"brand/index.md",
		]);
		const found = takeInventory(content, (f) => path.relative(root, f));
		expect(found.articles.map((f) => path.relative(content, f))).toEqual([
			"articles/2018/b/index.md",
			"articles/a/index.md",
		]);
		expect(found.problems).toEqual([]);
	});

	test("files the model does not know are refused by name; a foreign folder once, with its count", async () => {
		const { root, content } = await folder([
			"README.md",
			".DS_Store",
			"_data/site.yaml",
			"_data/site.yml",
			"_data/evil.js",
			"brand/logo.png",
			"brand/old-logo.png",
			"articles/a/index.md",
			"articles/a/photo.jpg",
			"articles/a/deep/photo.webp",
			"articles/a/pwn.11ty.js",
			"articles/a/notes.md",
			"articles/2018/loose.jpg",
			"articles/2018/b/index.md",
			"articles/no-index-yet/photo.jpg",
			"node_modules/x/index.js",
			"node_modules/y.js",
		]);
		const rel = (f: string) => path.relative(root, f);
		const found = takeInventory(content, rel);
		const named = new Set([path.join(content, "brand", "logo.png")]);
		const problems = strayProblems(found, named, rel).sort((a, b) =>
			a.file.localeCompare(b.file),
		);
		expect(problems.map((p) => [p.file, p.message.split(":")[0]])).toEqual([
			["content/_data/evil.js", "this file is not part of the content model"],
			["content/_data/site.yml", "this file is not part of the content model"],
			["content/articles/2018/loose.jpg", "this file is not in an article's folder"],
			["content/articles/a/notes.md", "this markdown file is not an article"],
			["content/articles/a/pwn.11ty.js", "this file is not part of the content model"],
			[
				"content/articles/no-index-yet/",
				"this folder holds no `index.md`, so it is not an article (1 file in it); move it out of content/ or delete it",
			],
			["content/brand/old-logo.png", "this file is not part of the content model"],
			[
				"content/node_modules/",
				"this folder is not part of the content model (2 files in it); move it out of content/ or delete it",
			],
		]);
		expect(problems[1]?.message).toContain("(did you mean `site.yaml`?)");
	});

	test("while a data file is broken, photos outside articles/ pass: which ones it names is unknown", async () => {
		const { root, content } = await folder(["brand/logo.png", "brand/notes.txt"]);
		const rel = (f: string) => path.relative(root, f);
		expect(
			strayProblems(takeInventory(content, rel), undefined, rel).map((p) => p.file),
		).toEqual(["content/brand/notes.txt"]);
	});

	test("links out of content/, to folders, or to nothing are refused; a link inside it is a file", async () => {
		const { root, content } = await folder(["articles/a/index.md", "articles/a/photo.jpg"]);
		const a = path.join(content, "articles", "a");
		await symlink(path.join(root, "outside", "secret.jpg"), path.join(a, "secret.jpg"));
		await symlink("../../../outside/dir", path.join(a, "dir"));
		await symlink("photo.jpg", path.join(a, "same.jpg"));
		await symlink("nothing.jpg", path.join(a, "gone.jpg"));
		await symlink(path.join(content, "articles"), path.join(content, "loop"));
		const rel = (f: string) => path.relative(root, f);
		const found = takeInventory(content, rel);
		const messages = Object.fromEntries(found.problems.map((p) => [p.file, p.message]));
		expect(messages).toEqual({
			"content/articles/a/secret.jpg": `this is a link to ${path.join(root, "outside", "secret.jpg")}, outside content/: Dateline reads nothing from outside the content folder; put the file itself here`,
			"content/articles/a/dir":
				"this is a link to ../../../outside/dir, outside content/: Dateline reads nothing from outside the content folder; put the folder itself here",
			"content/articles/a/gone.jpg":
				"this is a link to nothing.jpg, which does not exist; put the file itself here",
			"content/loop": `this is a link to the folder ${path.join(content, "articles")}; Dateline does not follow linked folders: move the folder here instead`,
		});
		expect(found.files).toContain(path.join(a, "same.jpg"));
		expect(isRefused(found, path.join(a, "dir", "a.jpg"))).toBe(true);
		expect(isRefused(found, path.join(a, "photo.jpg"))).toBe(false);
	});
});
