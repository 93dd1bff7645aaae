import path from "node:path";
import { describe, expect, test } from "vitest";
import { articleHash, sign } from "../../../src/build/signatures.ts";
import { loadContent } from "../../../src/content/load.ts";
import { FIXTURES } from "../../helpers.ts";

describe("signatures", () => {
	test("no two lists of parts run together", () => {
		expect(sign("ab", "c")).not.toBe(sign("a", "bc"));
		expect(sign("a")).toBe(sign("a"));
	});

	test("an article's hash follows its source and its status", async () => {
		const { catalog } = await loadContent({
			contentDir: path.join(FIXTURES, "site", "content"),
			includeUnpublished: true,
			now: Date.parse("2026-01-01T00:00:00Z"),
		});
		const [a, b] = catalog?.articles ?? [];
		if (!a || !b) throw new Error("the fixture has articles");
		expect(articleHash(a)).not.toBe(articleHash(b));
		expect(articleHash({ ...a })).toBe(articleHash(a));
		expect(articleHash({ ...a, status: "draft" })).not.toBe(articleHash(a));
		expect(articleHash({ ...a, sourceHash: "other" })).not.toBe(articleHash(a));
	});
});
