import { describe, expect, test } from "vitest";
import { escapeHtml, escapeXml, html, jsonForScript, raw, SafeHtml } from "../../src/html.ts";

describe("html tag", () => {
	test.each([
		["<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"],
		["Tom & Jerry", "Tom &amp; Jerry"],
		[`"double" and 'single'`, "&quot;double&quot; and &#39;single&#39;"],
		[
			"</script><script>alert(1)</script>",
			"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
		],
	])("escapes text %j", (input, expected) => {
		expect(html`<p>${input}</p>`.toString()).toBe(`<p>${expected}</p>`);
	});

	test("escapes quotes in attributes so a value cannot leave its attribute", () => {
		const alt = `x" onerror="alert(1)`;
		expect(html`<img alt="${alt}">`.toString()).toBe(
			'<img alt="x&quot; onerror=&quot;alert(1)">',
		);
	});

	test("does not escape nested fragments twice", () => {
		const inner = html`<em>${"a & b"}</em>`;
		expect(html`<p>${inner}</p>`.toString()).toBe("<p><em>a &amp; b</em></p>");
	});

	test("joins lists of fragments and escapes plain strings in them", () => {
		const items = ["<1>", html`<li>2</li>`];
		expect(html`<ul>${items}</ul>`.toString()).toBe("<ul>&lt;1&gt;<li>2</li></ul>");
	});

	test("renders nothing for null, undefined and false, and numbers as text", () => {
		expect(html`${null}${undefined}${false}${0}${42}`.toString()).toBe("042");
	});

	test("raw() passes trusted HTML through untouched", () => {
		expect(html`<div>${raw("<p>markdown</p>")}</div>`.toString()).toBe(
			"<div><p>markdown</p></div>",
		);
		expect(raw("x")).toBeInstanceOf(SafeHtml);
	});

	test("escapeHtml leaves plain text alone", () => {
		expect(escapeHtml("Osorio to leave Mexican national team")).toBe(
			"Osorio to leave Mexican national team",
		);
	});
});

describe("jsonForScript", () => {
	test("escapes < so </script> cannot end the script element", () => {
		const out = jsonForScript({ headline: "</script><script>alert(1)</script>" }).toString();
		expect(out).not.toContain("</script>");
		expect(out).toContain("\\u003c/script>");
		expect(JSON.parse(out)).toEqual({ headline: "</script><script>alert(1)</script>" });
	});

	test("escapes line and paragraph separators", () => {
		const out = jsonForScript({ t: "a\u2028b\u2029c" }).toString();
		expect(out).toBe('{"t":"a\\u2028b\\u2029c"}');
		expect(JSON.parse(out)).toEqual({ t: "a\u2028b\u2029c" });
	});

	test.each([
		["a\bb", "ab"],
		["nul\u0000 & <tag>", "nul &amp; &lt;tag&gt;"],
		["tab\tand\nline", "tab\tand\nline"],
		["\uFFFE\uFFFF", ""],
		["lone \uD800 half", "lone  half"],
		["pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept"],
	])("escapeXml(%j) is %j: well-formed XML whatever the text", (input, output) => {
		expect(escapeXml(input)).toBe(output);
	});
});
