import { describe, expect, test } from "vitest";
import { liveProgress, summary } from "../../../src/photos/progress.ts";

describe("what the build says about photos", () => {
	test.each([
		[
			{ photos: 2, uses: 2, encoded: 2, cached: 0, files: 12, copied: 12, read: 2, ms: 1234 },
			"Photos: 2 photos (2 uses): 2 encoded (12 files), 0 from the cache; 1.2 s",
		],
		[
			{ photos: 1, uses: 1, encoded: 0, cached: 1, files: 0, copied: 0, read: 0, ms: 40 },
			"Photos: 1 photo (1 use): 0 encoded (0 files), 1 from the cache; 0.0 s",
		],
	])("one summary line", (stats, line) => {
		expect(summary(stats)).toBe(line);
	});

	test("a live line redrawn in place, then cleared", () => {
		const written: string[] = [];
		const out = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
		const live = liveProgress(out);
		live.update(1, 3);
		live.clear();
		const erase = "\r\u001b[2K";
		expect(written[0]?.startsWith(`${erase}Photos: 1 of 3 done, `)).toBe(true);
		expect(written[0]).toMatch(/done, \d+\.\d s$/);
		expect(written.at(-1)).toBe(erase);
	});
});
