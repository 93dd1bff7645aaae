import { describe, expect, test } from "vitest";
import { lineOf, readYaml, valueAt } from "../../../src/content/yaml.ts";
import type { Problem } from "../../../src/problems.ts";

const SOURCE = "\ntitle: A\nimage:\n  src: a.jpg\ntags:\n  - x\n  - y\n";

describe("YAML with lines", () => {
	test("dates stay as written (the core schema has no timestamps)", () => {
		expect(readYaml("date: 2018-07-26T17:00:00-05:00\n", "a", [])?.data).toEqual({
			date: "2018-07-26T17:00:00-05:00",
		});
	});

	test.each([
		[["title"], 2],
		[["image", "src"], 4],
		[["tags", 1], 7],
		[["image", "nothing"], 3],
		[[], undefined],
	])("the line of %j is %s", (path, line) => {
		const yaml = readYaml(SOURCE, "a", []);
		if (!yaml) throw new Error("parses");
		expect(lineOf(yaml, path)).toBe(line);
	});

	test.each([
		["a tab", "\ntitle: A\n\tauthor: b\n", 3, "it is indented with a tab; indent with spaces"],
		["a key twice", "\ntitle: A\ntitle: B\n", 3, "a field appears twice; keep one of them"],
		[
			"a quote left open, at the line it opens",
			'\ntitle: A\ndescription: "Osorio leaves\n  the team\ndate: 2018\nauthors: [a]\n',
			3,
			'Missing closing "quote; fix the indentation or quoting on this line',
		],
		[
			"a quote left open inside a list, at the quote",
			'\ntitle: A\ntags: [a, "b, c]\ndate: 2018\nsection: x\n',
			3,
			'Missing closing "quote; fix the indentation or quoting on this line',
		],
		[
			"a list left open, at its bracket",
			"\ntitle: A\ntags: [a, b\ndate: 2018\nsection: x\n",
			3,
			"Flow sequence in block collection must be sufficiently indented and end with a ]; fix the indentation or quoting on this line",
		],
	])("%s is reported with its line", (_name, source, line, hint) => {
		const problems: Problem[] = [];
		expect(readYaml(source, "a.md", problems)).toBeUndefined();
		expect(problems).toEqual([
			{ file: "a.md", line, message: `the YAML does not parse: ${hint}` },
		]);
	});

	test("values at a path, or undefined past the end", () => {
		const data = { image: { src: "a.jpg" }, tags: ["x"] };
		expect(valueAt(data, ["image", "src"])).toBe("a.jpg");
		expect(valueAt(data, ["tags", 0])).toBe("x");
		expect(valueAt(data, ["image", "src", "deeper"])).toBeUndefined();
	});
});
