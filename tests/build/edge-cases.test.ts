/** Valid but unusual input builds correctly, and a production build never leaves stale pages. */
import { readFile, readdir, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { existsSync, fixtureSite, readPage, runBuild } from "../helpers.ts";

describe("unusual but valid input", () => {
	test("a byte-order mark and Windows line endings build like any article", async () => {
		const site = await fixtureSite();
		const file = path.join(site.content, "articles", "second-story", "index.md");
		const source = await readFile(file, "utf8");
		await writeFile(file, `\uFEFF${source.replace(/\n/g, "\r\n")}`);
		const result = runBuild(site.content, site.output);
		expect(result.stderr).toBe("");
		expect(result.status).toBe(0);
		const page = await readPage(site.output, "/articles/second-story/");
		expect(page.querySelector("h1")?.textContent).toBe(
			"The second story, in the sport section",
		);
	});

	test("the same file used twice with two credits is published twice, each with its credit", async () => {
		const site = await fixtureSite();
		const dir = path.join(site.content, "articles", "second-story");
		await copyFile(path.join(dir, "photo.jpg"), path.join(dir, "bench.jpg"));
		const file = path.join(dir, "index.md");
		await writeFile(
			file,
			`${await readFile(file, "utf8")}\n![One](bench.jpg "One. Photo: José Núñez/EFE")\n\n![Two](bench.jpg "Two. Photo: Ana Pérez")\n`,
		);
		const result = runBuild(site.content, site.output);
		expect(result.stderr).toBe("");
		const page = await readPage(site.output, "/articles/second-story/");
		const figures = [...page.querySelectorAll(".story-body figure")];
		expect(figures.map((f) => f.querySelector(".credit")?.textContent)).toEqual([
			"Photo: José Núñez/EFE",
			"Photo: Ana Pérez",
		]);
		const sources = figures.map((f) => f.querySelector("img")?.getAttribute("src"));
		expect(sources[0]).not.toBe(sources[1]);
	});

	test("body photos under any file name, reference-style too, carry the credit the page shows into their files", async () => {
		const site = await fixtureSite();
		const dir = path.join(site.content, "articles", "second-story");
		for (const name of ["foto-ñ.jpg", "estadio azteca.jpg", "ref (1).jpg"])
			await copyFile(path.join(dir, "photo.jpg"), path.join(dir, name));
		const file = path.join(dir, "index.md");
		await writeFile(
			file,
			`${await readFile(file, "utf8")}
![Ñ](foto-ñ.jpg "Bench. Photo: Ruiz &amp; Cortez/AFP")

![Azteca](<estadio azteca.jpg> "The stadium. Photo: Ana Pérez")

![By reference][ref]

[ref]: <ref (1).jpg> "Warm-up. Photo: José Núñez/EFE"
`,
		);
		const result = runBuild(site.content, site.output);
		expect(result.stderr).toBe("");
		const page = await readPage(site.output, "/articles/second-story/");
		const figures = [...page.querySelectorAll(".story-body figure")];
		expect(figures.map((f) => f.querySelector(".credit")?.textContent)).toEqual([
			"Photo: Ruiz & Cortez/AFP",
			"Photo: Ana Pérez",
			"Photo: José Núñez/EFE",
		]);
		const jpegs = figures.map((f) => f.querySelector("img")?.getAttribute("src") ?? "");
		expect(jpegs.every((src) => /^\/img\/[0-9a-f]{16}-\d+\.jpg$/.test(src))).toBe(true);
		const creators = await Promise.all(
			jpegs.map(async (src) => {
				const xmp = (await sharp(path.join(site.output, src)).metadata()).xmp?.toString();
				return /<dc:creator><rdf:Seq><rdf:li>(.*?)<\/rdf:li>/.exec(xmp ?? "")?.[1];
			}),
		);
		// What the page shows is what the file says, XML-escaped once.
		expect(creators).toEqual(["Ruiz &amp; Cortez", "Ana Pérez", "José Núñez"]);
	});
});

describe("a production build", () => {
	test("leaves nothing of an article that was pulled since the last build", async () => {
		const site = await fixtureSite();
		expect(runBuild(site.content, site.output).status).toBe(0);
		expect(existsSync(path.join(site.output, "articles", "second-story", "index.html"))).toBe(
			true,
		);
		const file = path.join(site.content, "articles", "second-story", "index.md");
		await writeFile(
			file,
			(await readFile(file, "utf8")).replace("section: sport", "section: sport\ndraft: true"),
		);
		expect(runBuild(site.content, site.output).status).toBe(0);
		expect(existsSync(path.join(site.output, "articles", "second-story"))).toBe(false);
		expect(existsSync(path.join(site.output, "sections", "sport", "index.html"))).toBe(true);
		// The search index, in its shards by quarter, holds the one live article left.
		let pages = 0;
		for (const shard of await readdir(path.join(site.output, "pagefind"))) {
			const entry = await readFile(
				path.join(site.output, "pagefind", shard, "pagefind-entry.json"),
				"utf8",
			);
			pages +=
				(JSON.parse(entry) as { languages: Record<string, { page_count: number }> })
					.languages.en?.page_count ?? 0;
		}
		expect(pages).toBe(1);
	});
});
