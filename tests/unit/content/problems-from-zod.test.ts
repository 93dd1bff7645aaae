import { describe, expect, test } from "vitest";
import { schemaProblems } from "../../../src/content/problems-from-zod.ts";
import { readYaml } from "../../../src/content/yaml.ts";
import { imageSchema } from "../../../src/schema.ts";

function problems(source: string) {
	const yaml = readYaml(source, "a.md", []);
	if (!yaml) throw new Error("parses");
	const result = imageSchema.safeParse(yaml.data);
	if (result.success) return [];
	return schemaProblems(result.error, yaml, "a.md", Object.keys(imageSchema.shape));
}

describe("zod issues as an editor's problems", () => {
	test("the field, what was expected, what was found, on the field's line", () => {
		expect(problems("\nsrc: a.jpg\nalt: ''\ncredit: B\n")).toEqual([
			{
				file: "a.md",
				line: 3,
				message:
					'`alt` must not be empty: describe what the photo shows for readers who cannot see it; found ""',
			},
		]);
	});

	test("an unknown field gets a guess", () => {
		expect(problems("\nsrc: a.jpg\nalt: A\ncredit: B\ncaptoin: C\n")).toEqual([
			{
				file: "a.md",
				line: 5,
				message:
					"`captoin` is not a field of the content model; did you mean `caption`? Fix its spelling or remove it.",
			},
		]);
	});

	test("a missing field says what to write and found nothing", () => {
		expect(problems("\nsrc: a.jpg\nalt: A\n")).toEqual([
			{
				file: "a.md",
				line: undefined,
				message: "`credit` is required: name who made the photo",
			},
		]);
	});

	test("YAML that is not fields says so", () => {
		expect(problems("\n- a\n- b\n")[0]?.message).toBe(
			"the YAML must be fields, one per line, as `name: value`; found a list of 2",
		);
	});
});
