import { describe, expect, test } from "vitest";
import { renderInline } from "../../src/markdown.ts";
import { editorsNotes, typographic } from "../../src/typography.ts";

describe("typographic", () => {
	test.each([
		[
			"Osorio's three years with Mexico: a timeline",
			"Osorio’s three years with Mexico: a timeline",
		],
		['The "dream" job', "The “dream” job"],
		["'Tata' Martino's side", "‘Tata’ Martino’s side"],
		["He said: \"it's 'over'\"", "He said: “it’s ‘over’”"],
		["Mexico -- and Colombia", "Mexico – and Colombia"],
		["Mexico --- and Colombia", "Mexico — and Colombia"],
		["Wait...", "Wait…"],
		["a 7-0 loss", "a 7-0 loss"],
		["2015-2018", "2015-2018"],
		["no quotes here", "no quotes here"],
		["", ""],
	])("%j -> %j", (input, expected) => {
		expect(typographic(input)).toBe(expected);
	});

	test.each([
		"*not emphasis*",
		"[not a link](/x)",
		"Tom &amp; Jerry",
		"<b>not markup</b>",
		"back\\slash",
		"two  spaces\nand a newline",
		"`code`",
	])("keeps %j as text, character for character", (input) => {
		expect(typographic(input)).toBe(input);
	});

	test.each([
		"Osorio's three years with Mexico: a timeline",
		'Colombia or the United States: "where" Osorio could go next',
		"the '90s -- a decade...",
	])("gives %j the quotes the article body gets", (input) => {
		expect(typographic(input)).toBe(renderInline(input));
	});
});

describe("editorsNotes", () => {
	test.each([
		[
			"<p><em>Editor’s note: the source gives no date.</em></p>",
			'<p class="editors-note"><strong>Editor’s note:</strong> the source gives no date.</p>',
		],
		[
			'<p><em>Editor’s note: see <a href="/x/">the timeline</a>.</em></p>\n',
			'<p class="editors-note"><strong>Editor’s note:</strong> see <a href="/x/">the timeline</a>.</p>\n',
		],
		// Only the label in emphasis: the rest is not the note's to restyle.
		[
			"<p><em>Editor’s note:</em> plain <em>and</em> emphasised.</p>",
			"<p><em>Editor’s note:</em> plain <em>and</em> emphasised.</p>",
		],
		["<p><em>A whole italic paragraph.</em></p>", "<p><em>A whole italic paragraph.</em></p>"],
		["<p>Editor’s note in passing.</p>", "<p>Editor’s note in passing.</p>"],
	])("%j", (input, expected) => {
		expect(editorsNotes(input)).toBe(expected);
	});
});
