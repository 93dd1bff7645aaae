import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { photoFileIn, readDataFile, readableText } from "../../../src/content/read.ts";
import type { Problem } from "../../../src/problems.ts";
import { sectionsSchema } from "../../../src/schema.ts";

describe("reading what editors wrote", () => {
	test("a byte-order mark is dropped; text that is not UTF-8 is refused with its line", () => {
		const problems: Problem[] = [];
		expect(readableText("\uFEFFtitle", "a.md", problems)).toBe("title");
		expect(readableText("one\ntwo \uFFFD", "a.md", problems)).toBeUndefined();
		expect(problems).toEqual([expect.objectContaining({ file: "a.md", line: 2 }) as Problem]);
	});

	test.each([
		["osorio.jpg", "/c/a/osorio.jpg"],
		["photos/osorio.jpg", "/c/a/photos/osorio.jpg"],
		["../b/osorio.jpg", undefined],
		["/etc/passwd", undefined],
		["https://e.org/a.jpg", undefined],
	])("the photo %s resolves to %s", (src, file) => {
		expect(photoFileIn("/c/a", src)).toBe(file);
	});

	test("a data file is read and checked; a missing required one is a problem", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), "dateline-data-"));
		await writeFile(path.join(dir, "sections.yaml"), "news:\n  name: News\n");
		const problems: Problem[] = [];
		expect(
			readDataFile(path.join(dir, "sections.yaml"), "s.yaml", sectionsSchema, [], problems),
		).toEqual({ news: { name: "News" } });
		expect(
			readDataFile(path.join(dir, "none.yaml"), "n.yaml", sectionsSchema, [], problems, true),
		).toBeUndefined();
		expect(problems).toEqual([]);
		readDataFile(path.join(dir, "none.yaml"), "n.yaml", sectionsSchema, [], problems);
		expect(problems[0]?.message).toBe(
			"`none.yaml` is required but was not found; create n.yaml",
		);
	});
});
