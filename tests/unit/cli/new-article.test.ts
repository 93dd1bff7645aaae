import { describe, expect, test } from "vitest";
import { scaffold, slugify } from "../../../src/cli/new-article.ts";
import { parseArticle } from "../../../src/content/parse.ts";
import type { Problem } from "../../../src/problems.ts";

describe("npm run new", () => {
	test.each([
		["Osorio to leave Mexican national team", "osorio-to-leave-mexican-national-team"],
		["Pékerman’s Colombia: what next?", "pekermans-colombia-what-next"],
		["  2018 — World Cup  ", "2018-world-cup"],
		["¡¿!", ""],
	])("the slug of %j is %j", (headline, slug) => {
		expect(slugify(headline)).toBe(slug);
	});

	test("a slug stops at a whole word within the limit", () => {
		expect(slugify("one two three four", 10)).toBe("one-two");
	});

	test("the scaffold is a draft the content check accepts", () => {
		const problems: Problem[] = [];
		const draft = parseArticle(
			scaffold({
				title: 'Mexico names "interim" coach',
				date: "2018-07-27T09:00:00-05:00",
				author: "goal-staff",
				section: "national-teams",
				photo: "replace-me.png",
			}),
			"/x/content/articles/mexico-names-interim-coach/index.md",
			"content/articles/mexico-names-interim-coach/index.md",
			problems,
		);
		expect(problems).toEqual([]);
		expect(draft?.data).toMatchObject({
			title: 'Mexico names "interim" coach',
			draft: true,
			authors: ["goal-staff"],
			image: { src: "replace-me.png" },
		});
	});
});
