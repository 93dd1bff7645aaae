import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { writePages, type PageJob } from "../../../src/build/writer.ts";

function job(page: string, signature: string, rendered: string[] = []): PageJob {
	return {
		path: page,
		signature,
		render: () => {
			rendered.push(page);
			return `<p>${page} ${signature}</p>`;
		},
	};
}

describe("the page writer", () => {
	test("renders and writes only the pages whose signature changed, and removes the rest", async () => {
		const out = await mkdtemp(path.join(tmpdir(), "dateline-writer-"));
		const first = await writePages(
			[job("a/index.html", "1"), job("b/c/index.html", "1"), job("d/index.html", "1")],
			out,
			{},
		);
		expect(first.written).toEqual(["a/index.html", "b/c/index.html", "d/index.html"]);
		const rendered: string[] = [];
		const second = await writePages(
			[job("a/index.html", "1", rendered), job("d/index.html", "2", rendered)],
			out,
			first.pages,
		);
		expect(rendered).toEqual(["d/index.html"]);
		expect(second.written).toEqual(["d/index.html"]);
		expect(second.removed).toEqual(["b/c/index.html"]);
		expect(second.pages).toEqual({ "a/index.html": "1", "d/index.html": "2" });
		expect(await readFile(path.join(out, "d", "index.html"), "utf8")).toBe(
			"<p>d/index.html 2</p>",
		);
		// The removed page's folders go with it, as if it had never been written.
		expect(existsSync(path.join(out, "b"))).toBe(false);
	});

	test("keeps a folder that still holds something else", async () => {
		const out = await mkdtemp(path.join(tmpdir(), "dateline-writer-"));
		const first = await writePages([job("a/b/index.html", "1")], out, {});
		await writeFile(path.join(out, "a", "feed.xml"), "<feed/>");
		await writePages([], out, first.pages);
		expect(existsSync(path.join(out, "a", "b"))).toBe(false);
		expect(existsSync(path.join(out, "a", "feed.xml"))).toBe(true);
	});

	test("decorates every page it writes", async () => {
		const out = await mkdtemp(path.join(tmpdir(), "dateline-writer-"));
		await writePages([job("x.html", "1")], out, {}, (h) => `<b>!</b>${h}`);
		expect(await readFile(path.join(out, "x.html"), "utf8")).toBe("<b>!</b><p>x.html 1</p>");
	});

	test("refuses two pages at one path rather than writing one over the other", async () => {
		const out = await mkdtemp(path.join(tmpdir(), "dateline-writer-"));
		await expect(writePages([job("x.html", "1"), job("x.html", "2")], out, {})).rejects.toThrow(
			"Two pages would be written to x.html",
		);
	});

	test("holds at most one batch of rendered pages in memory", async () => {
		const out = await mkdtemp(path.join(tmpdir(), "dateline-writer-"));
		let rendered = 0;
		let pulledAhead = 0;
		function* jobs(): Generator<PageJob> {
			for (let i = 0; i < 1000; i++) {
				pulledAhead = Math.max(pulledAhead, i - rendered);
				yield {
					path: `p${String(i)}.html`,
					signature: "1",
					render: () => String(++rendered),
				};
			}
		}
		await writePages(jobs(), out, {});
		expect(rendered).toBe(1000);
		expect(pulledAhead).toBeLessThanOrEqual(256);
	});
});
