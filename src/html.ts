/**
 * The `html` tagged template: every interpolation is escaped unless it is already SafeHtml,
 * so layouts are safe by default. `raw()` is the one way out and is kept for markdown-it
 * output and our own builders, so every use is easy to review.
 */

const ESCAPES: Record<string, string> = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
	"'": "&#39;",
};
const ESCAPE_RE = /[&<>"']/g;

/** A string of HTML that has already been escaped or is trusted. */
export class SafeHtml {
	readonly value: string;
	constructor(value: string) {
		this.value = value;
	}
	toString(): string {
		return this.value;
	}
}

/** A value a layout may interpolate: text, numbers, SafeHtml, nothing, or a list of these. */
export type Interpolation =
	SafeHtml | string | number | boolean | null | undefined | Interpolation[];

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(ESCAPE_RE, (ch) => ESCAPES[ch] ?? ch);
}

// What XML 1.0 does not allow even escaped: C0 controls but tab, line feed and carriage return,
// U+FFFE, U+FFFF, and halves of surrogate pairs standing alone.
const XML_INVALID_RE =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML content and quoted attributes, dropping what XML cannot hold at all, so
 * a feed or sitemap is well-formed whatever reached it.
 */
export function escapeXml(text: string): string {
	return escapeHtml(text).replace(XML_INVALID_RE, "");
}

/** Marks trusted HTML so `html` does not escape it again. */
export function raw(value: string): SafeHtml {
	return new SafeHtml(value);
}

function render(value: Interpolation): string {
	if (value instanceof SafeHtml) return value.value;
	if (Array.isArray(value)) return value.map(render).join("");
	// `false`, `null` and `undefined` render nothing, so `${cond && html`...`}` reads naturally.
	if (value === null || value === undefined || value === false) return "";
	return escapeHtml(String(value));
}

/** Builds HTML, escaping every interpolated value that is not SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
	let out = strings[0] ?? "";
	for (let i = 0; i < values.length; i++) {
		out += render(values[i]) + (strings[i + 1] ?? "");
	}
	return new SafeHtml(out);
}

/**
 * Serialises data for `<script type="application/ld+json">`: `<` becomes `\u003c`, so no
 * value (a headline holding `</script>`, say) can end the script element.
 */
export function jsonForScript(data: unknown): SafeHtml {
	const json = JSON.stringify(data)
		.replace(/</g, "\\u003c")
		.replace(/\u2028/g, "\\u2028")
		.replace(/\u2029/g, "\\u2029");
	return new SafeHtml(json);
}
