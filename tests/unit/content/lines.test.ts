import { describe, expect, test } from "vitest";
import { linesHolding } from "../../../src/content/lines.ts";

describe("lines holding a needle", () => {
	test.each([
		["nowhere", "a\nb\n", 1, []],
		["on the first line", "TODO: a\nb", 1, [1]],
		["counted from the body's first line", "a\n\nTODO: b\nc\nTODO: d", 17, [19, 21]],
		["twice on one line, once", "TODO: a TODO: b\nc", 1, [1]],
		["with Windows line endings", "a\r\nb\r\nTODO:\r\n", 1, [3]],
		["at the very end", "a\nb\nTODO:", 1, [3]],
	])("%s", (_name, text, first, lines) => {
		expect(linesHolding(text, "TODO:", first)).toEqual(lines);
	});

	test("many matches on one long line cost one pass", () => {
		const text = `${"TODO: ".repeat(100_000)}\nlast`;
		expect(linesHolding(text, "TODO:")).toEqual([1]);
	});
});
