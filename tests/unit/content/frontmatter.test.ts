import { describe, expect, test } from "vitest";
import { splitFrontmatter } from "../../../src/content/frontmatter.ts";

describe("splitting frontmatter with gray-matter", () => {
	test("YAML between `---` lines, parsed with dates kept as written, and the body after it", () => {
		const split = splitFrontmatter(
			"---\ntitle: A\ndate: 2018-07-26T17:00:00-05:00\n---\n\nBody.\n",
		);
		expect(split).toEqual({
			matter: "\ntitle: A\ndate: 2018-07-26T17:00:00-05:00",
			parsed: { value: { title: "A", date: "2018-07-26T17:00:00-05:00" } },
			body: "\nBody.\n",
			bodyLine: 5,
		});
	});

	test("Windows line endings split the same way", () => {
		const split = splitFrontmatter("---\r\ntitle: A\r\n---\r\nBody.\r\n");
		expect(split).toMatchObject({
			parsed: { value: { title: "A" } },
			body: "Body.\r\n",
			bodyLine: 4,
		});
	});

	test("YAML that does not parse comes back as the error, with the raw text for its line", () => {
		const split = splitFrontmatter('---\ntitle: "open\n---\nBody.');
		expect(split).toMatchObject({ matter: '\ntitle: "open' });
		expect("parsed" in split && "error" in split.parsed).toBe(true);
	});

	test("an empty block is empty fields", () => {
		expect(splitFrontmatter("---\n---\nBody.")).toMatchObject({ parsed: { value: {} } });
	});

	test.each([
		["no frontmatter", "Body only.", { missing: "start" }],
		["four dashes", "----\ntitle: A\n----\n", { missing: "start" }],
		["never closed", "---\ntitle: A\nBody.", { missing: "end" }],
		[
			"JavaScript, which gray-matter would run",
			"---js\n{ title: 'A' }\n---\n",
			{ language: "js" },
		],
		[
			"a name gray-matter would look up",
			"---constructor\ntitle: A\n---\n",
			{ language: "constructor" },
		],
	])("%s", (_name, source, result) => {
		expect(splitFrontmatter(source)).toEqual(result);
	});

	test("`---yaml` is YAML", () => {
		expect(splitFrontmatter("---yaml\ntitle: A\n---\n")).toMatchObject({
			parsed: { value: { title: "A" } },
		});
	});

	test("a file read twice is parsed twice: gray-matter keeps no cache", () => {
		const source = "---\ntitle: A\n---\n";
		const first = splitFrontmatter(source);
		const second = splitFrontmatter(source);
		expect(second).toEqual(first);
		expect("parsed" in second && "parsed" in first && second.parsed !== first.parsed).toBe(
			true,
		);
	});
});
