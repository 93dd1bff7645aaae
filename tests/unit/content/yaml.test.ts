import { describe, expect, test } from "vitest";
import { lineOf, prototypeKeyProblems, readYaml, valueAt } from "../../../src/content/yaml.ts";
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

	const BOMB = [
		'a: &a ["l","l","l","l","l","l","l","l","l"]',
		...["b", "c", "d", "e", "f"].map(
			(name, i) =>
				`${name}: &${name} [${Array(9)
					.fill(`*${"abcde"[i] ?? ""}`)
					.join(",")}]`,
		),
	].join("\n");

	test.each([
		[
			"an alias bomb with an unknown tag",
			`${BOMB}\nfn: !!js/function "x"\n`,
			7,
			"the YAML tag `!!js/function` is not one Dateline reads",
		],
		[
			"binary data",
			"title: x\nimage: !!binary aGVsbG8=\n",
			2,
			"the YAML tag `!!binary` is not one Dateline reads",
		],
		[
			"a custom tag on a mapping",
			"desk: !!python/object:os.system\n  name: x\n",
			1,
			"the YAML tag `!!python/object:os.system`",
		],
		[
			"flow lists 5,000 deep",
			`tags: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
			1,
			"the YAML nests lists or mappings more than 100 levels deep",
		],
		[
			"mappings 300 deep",
			Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}a:`).join("\n"),
			100,
			"the YAML nests lists or mappings more than 100 levels deep",
		],
		[
			"a backspace",
			"title: x\ndescription: a\bb\n",
			2,
			"this line holds an invisible control character (`\\x08`) at column 15",
		],
		[
			"a NUL",
			"title: a\0b\n",
			1,
			"this line holds an invisible control character (`\\x00`) at column 9",
		],
		["U+FFFF", "title: a\uFFFFb\n", 1, "(`\\u{ffff}`) at column 9"],
	])("%s is a problem with its line, never a stack trace", (_name, source, line, message) => {
		const problems: Problem[] = [];
		expect(readYaml(source, "a.md", problems)).toBeUndefined();
		expect(problems).toHaveLength(1);
		expect(problems[0]?.line).toBe(line);
		expect(problems[0]?.message).toContain(message);
	});

	test("an alias bomb that parses is read without expanding it", () => {
		const yaml = readYaml(`${BOMB}\ntags: *f\n`, "a.md", []);
		expect((yaml?.data as { tags: unknown[] }).tags).toHaveLength(9);
	});

	test("values at a path, or undefined past the end; never what an object inherits", () => {
		const data = { image: { src: "a.jpg" }, tags: ["x"] };
		expect(valueAt(data, ["image", "src"])).toBe("a.jpg");
		expect(valueAt(data, ["tags", 0])).toBe("x");
		expect(valueAt(data, ["image", "src", "deeper"])).toBeUndefined();
		expect(valueAt(data, ["image", "constructor"])).toBeUndefined();
	});

	test("`__proto__` as a name is refused with its line, at any depth, once per alias", () => {
		const source = "a:\n  name: A\n__proto__:\n  name: P\nb: &x\n  __proto__: 1\nc: *x\n";
		const yaml = readYaml(source, "f.yaml", []);
		if (!yaml) throw new Error("parses");
		expect(
			prototypeKeyProblems(yaml, source, "f.yaml").map((p) => [
				p.line,
				p.message.split(" cannot")[0],
			]),
		).toEqual([
			[3, "`__proto__`"],
			[6, "`b.__proto__`"],
		]);
		expect(prototypeKeyProblems(yaml, "no such key", "f.yaml")).toEqual([]);
	});
});
