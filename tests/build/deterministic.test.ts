/** Two builds of the same commit, with the build time fixed by SOURCE_DATE_EPOCH, are byte-identical. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildPublishedSite } from "../helpers.ts";
import { listFiles } from "../site-checks.ts";

describe("deterministic output", () => {
	test("two builds of the Osorio site diff clean", async () => {
		// The day after the story, so the news sitemap is not empty either.
		const env = { SOURCE_DATE_EPOCH: "1532692800" };
		const a = (await buildPublishedSite({ env })).output;
		const b = (await buildPublishedSite({ env })).output;
		const files = await listFiles(a);
		expect(files.length).toBeGreaterThan(30);
		expect(await listFiles(b)).toEqual(files);
		const different: string[] = [];
		for (const file of files) {
			const [x, y] = await Promise.all([
				readFile(path.join(a, file)),
				readFile(path.join(b, file)),
			]);
			if (!x.equals(y)) different.push(file);
		}
		expect(different).toEqual([]);
	}, 180_000);
});
