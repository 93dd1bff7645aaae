import { describe, expect, test, vi } from "vitest";
import {
	closest,
	counted,
	describeFound,
	fieldName,
	formatProblems,
	MAX_PROBLEMS_PER_FILE,
	sortProblems,
	stopBuild,
	visible,
} from "../../src/problems.ts";

describe("the report an editor reads", () => {
	test("problems sorted by file and line, one a line, then a count", () => {
		expect(
			formatProblems([
				{ file: "b.md", line: 2, message: "second" },
				{ file: "a.md", message: "no line" },
				{ file: "b.md", line: 1, message: "first" },
			]),
		).toBe(
			"a.md  no line\nb.md:1  first\nb.md:2  second\n3 problems in 2 files; nothing was written.",
		);
	});

	test("one problem in one file is counted in the singular", () => {
		expect(formatProblems([{ file: "a.md", message: "x" }], "")).toBe(
			"a.md  x\n1 problem in 1 file.",
		);
	});

	test("at most MAX_PROBLEMS_PER_FILE lines a file, then a count of the rest; the total counts all", () => {
		const many = Array.from({ length: 1000 }, (_, i) => ({
			file: "a.md",
			line: 1000 - i,
			message: "broken",
		}));
		const lines = formatProblems([...many, { file: "b.md", message: "x" }]).split("\n");
		expect(lines).toHaveLength(MAX_PROBLEMS_PER_FILE + 3);
		expect(lines[0]).toBe("a.md:1  broken");
		expect(lines[MAX_PROBLEMS_PER_FILE]).toBe(
			"a.md  ...and 980 more problems in this file, not listed; fix the ones above and check again",
		);
		expect(lines.at(-1)).toBe("1001 problems in 2 files; nothing was written.");
	});

	test.each([
		["\u001b[31mred", "\\x1b[31mred"],
		["line\nforged", "line\\x0aforged"],
		["tab\there", "tab\\x09here"],
		["c1 \u009b", "c1 \\x9b"],
		["bidi \u202e", "bidi \\u{202e}"],
		["separator \u2028", "separator \\u{2028}"],
		["accents é and emoji 😀", "accents é and emoji 😀"],
	])("visible(%j) shows control characters as escapes", (text, shown) => {
		expect(visible(text)).toBe(shown);
	});

	test("no file name or message can forge a line of the report", () => {
		const report = formatProblems([
			{ file: "a\u001b[2K\rb.md", line: 1, message: "x\nb.md:1  forged" },
		]);
		expect(report.split("\n")).toEqual([
			"a\\x1b[2K\\x0db.md:1  x\\x0ab.md:1  forged",
			"1 problem in 1 file; nothing was written.",
		]);
	});

	test("sorting does not change the list it is given", () => {
		const list = [
			{ file: "b", message: "x" },
			{ file: "a", message: "y" },
		];
		expect(sortProblems(list).map((p) => p.file)).toEqual(["a", "b"]);
		expect(list.map((p) => p.file)).toEqual(["b", "a"]);
	});

	test("a production build with problems prints them and exits 1", () => {
		const exit = vi.spyOn(process, "exit").mockImplementation(() => {
			throw new Error("exited");
		});
		const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
		expect(() => stopBuild([{ file: "a.md", line: 3, message: "broken" }])).toThrow("exited");
		expect(exit).toHaveBeenCalledWith(1);
		expect(stderr).toHaveBeenCalledWith(
			"\na.md:3  broken\n1 problem in 1 file; nothing was written.\n\n",
		);
		exit.mockRestore();
		stderr.mockRestore();
	});
});

describe("describing what was found", () => {
	test.each([
		[undefined, "nothing"],
		[null, "an empty value"],
		["Osorio", '"Osorio"'],
		[2018, "2018 (a number)"],
		[true, "true (true or false)"],
		[[1, 2], "a list of 2"],
		[{ a: 1 }, "a mapping of fields"],
	])("%j is %s", (value, words) => {
		expect(describeFound(value)).toBe(words);
	});

	test.each([
		["Osorio", '"Osorio" (6 characters)'],
		["⚽", '"⚽" (1 character)'],
		["x".repeat(100), `"${"x".repeat(57)}..." (100 characters)`],
	])("for a message about length, %j is %s", (value, words) => {
		expect(describeFound(value, true)).toBe(words);
	});

	test.each([
		[0, "0 problems"],
		[1, "1 problem"],
		[2, "2 problems"],
	])("%i is counted as %s", (n, words) => {
		expect(counted(n, "problem")).toBe(words);
	});

	test.each([
		[["image", "alt"], "image.alt"],
		[["tags", 2], "tags[2]"],
		[["corrections", 0, "date"], "corrections[0].date"],
	])("the field %j is written %s", (path, name) => {
		expect(fieldName(path)).toBe(name);
	});

	test.each([
		["auther", ["authors", "title"], "authors"],
		["secton", ["section", "tags"], "section"],
		["zzzzzz", ["section", "tags"], undefined],
	])("%s is closest to %s", (name, known, guess) => {
		expect(closest(name, known)).toBe(guess);
	});
});
