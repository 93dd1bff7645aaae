/**
 * Turns the content model's zod schemas into Decap CMS fields: one widget per field, with the
 * schema's rules (required, lengths, patterns, list sizes, number ranges) as Decap validates
 * them before saving. Nothing here names a field of the content model: whatever the schemas
 * hold, the form holds. Rules no widget can express (a date not before another, a photo that
 * is really a JPEG) are left to `npm run check`.
 */
import { z } from "zod";

/** One Decap CMS field, as config.yml writes it. */
export interface CmsField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	pattern?: [string, string];
	min?: number;
	max?: number;
	step?: number;
	value_type?: "int" | "float";
	options?: CmsChoice[];
	multiple?: boolean;
	format?: string;
	default?: unknown;
	choose_url?: boolean;
	collapsed?: boolean;
	summary?: string;
	field?: CmsField;
	fields?: CmsField[];
	media_folder?: string;
	public_folder?: string;
}

/** An option of a select widget: the value written and the label shown. */
export interface CmsChoice {
	label: string;
	value: string;
}

/** What the schemas cannot say: choices read from the data files, by dotted field path. */
export interface FieldContext {
	choices?: Record<string, CmsChoice[]>;
	/** Defaults for new entries, by dotted field path. */
	defaults?: Record<string, unknown>;
}

/** How dates are written: ISO 8601 with the offset of the editor's browser, e.g. -05:00. */
export const DATE_FORMAT = "YYYY-MM-DDTHH:mm:ssZ";

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
interface CheckDef {
	check: string;
	minimum?: number;
	maximum?: number;
	value?: number;
	format?: string;
	pattern?: RegExp;
	error?: (issue: unknown) => unknown;
}

function defOf(schema: z.core.$ZodType): Def {
	return schema._zod.def as Def;
}

function checksOf(schema: z.core.$ZodType): CheckDef[] {
	const checks = defOf(schema).checks ?? [];
	return checks.map((c) => c._zod.def as unknown as CheckDef);
}

/** The message a check was given in schema.ts, so the form says what the check says. */
function messageOf(check: { error?: (issue: unknown) => unknown }): string | undefined {
	const message = check.error?.({ input: "" });
	return typeof message === "string" ? message : undefined;
}

/** Unwraps `.optional()`, keeping whether the field may be left out and its metadata. */
function unwrap(schema: z.core.$ZodType): {
	inner: z.core.$ZodType;
	required: boolean;
	meta: z.core.GlobalMeta;
} {
	let inner = schema;
	let required = true;
	let meta: z.core.GlobalMeta = { ...z.globalRegistry.get(schema) };
	for (let type = defOf(inner).type; type === "optional" || type === "pipe";) {
		if (type === "optional") required = false;
		// A pipe (the site URL, normalised after its checks) is edited as what goes in.
		inner = (type === "optional" ? defOf(inner).innerType : defOf(inner).in) as z.core.$ZodType;
		meta = { ...z.globalRegistry.get(inner), ...meta };
		type = defOf(inner).type;
	}
	return { inner, required, meta };
}

/** "auth_url" -> "Auth url", for fields without a `title`. */
export function humanize(name: string): string {
	const words = name.replace(/[_-]+/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Swaps the case of letters outside escapes: "a-c\\d" -> "A-C\\d". */
function swapCase(source: string): string {
	return source.replace(/\\.|[A-Za-z]/g, (c) =>
		c.length > 1 ? c : c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
	);
}

/**
 * The source of a regular expression that matches the same strings without the `i` flag, since
 * Decap compiles `pattern` without flags: a letter becomes a class of both cases, and a class
 * gets its letters (ranges too) in the other case as well.
 */
export function caseInsensitiveSource(re: RegExp): string {
	if (!re.flags.includes("i")) return re.source;
	let out = "";
	const src = re.source;
	for (let i = 0; i < src.length; i++) {
		const c = src.charAt(i);
		if (c === "\\") {
			out += c + src.charAt(i + 1);
			i++;
		} else if (c === "[") {
			// The class runs to the first `]` that is not escaped (or first, as a literal).
			let j = i + 1;
			if (src.charAt(j) === "^") j++;
			if (src.charAt(j) === "]") j++;
			while (j < src.length && src.charAt(j) !== "]") j += src.charAt(j) === "\\" ? 2 : 1;
			const body = src.slice(i + 1, j);
			const negated = body.startsWith("^");
			const items = negated ? body.slice(1) : body;
			out += `[${negated ? "^" : ""}${items}${swapCase(items) === items ? "" : swapCase(items)}]`;
			i = j;
		} else {
			const lower = c.toLowerCase();
			const upper = c.toUpperCase();
			out += lower === upper ? c : `[${lower}${upper}]`;
		}
	}
	return out;
}

/**
 * One pattern for Decap from a string's checks, or undefined when it has none. The schema
 * trims before it counts, so lengths are of the text between the first and last non-space
 * character; each regular expression becomes a lookahead, as `test()` finds it anywhere.
 */
export function stringPattern(schema: z.core.$ZodType): [string, string] | undefined {
	const checks = checksOf(schema);
	const trims = checks.some((c) => c.check === "overwrite");
	let min = 0;
	let max = Infinity;
	let minMessage: string | undefined;
	const lookaheads: string[] = [];
	const messages: string[] = [];
	const say = (message: string | undefined) => {
		if (message && !messages.includes(message)) messages.push(message);
	};
	for (const check of checks) {
		if (check.check === "min_length" && check.minimum !== undefined) {
			// The longest minimum speaks for all: "must be 10 to 110 characters".
			if (check.minimum >= min) minMessage = messageOf(check);
			min = Math.max(min, check.minimum);
		} else if (check.check === "max_length" && check.maximum !== undefined) {
			max = Math.min(max, check.maximum);
			say(messageOf(check));
		} else if (check.check === "string_format" && check.pattern) {
			lookaheads.push(`(?=[\\s\\S]*?(?:${caseInsensitiveSource(check.pattern)}))`);
			say(messageOf(check));
		}
	}
	if (min === 0 && max === Infinity && lookaheads.length === 0) return undefined;
	// A length or a pattern says more than "must not be empty"; else that is the message.
	if (min > 1 && minMessage && !messages.includes(minMessage)) messages.unshift(minMessage);
	if (messages.length === 0 && minMessage) messages.push(minMessage.replace(/:\s*$/, ""));
	let length: string;
	if (!trims) {
		length = `[\\s\\S]{${String(min)},${max === Infinity ? "" : String(max)}}`;
	} else {
		// Trimmed length in [min, max]: a non-space at each end, min - 2 to max - 2 between.
		const upper = max === Infinity ? "" : String(Math.max(0, max - 2));
		const first = Math.max(1, min);
		length =
			max === 1
				? "\\s*\\S\\s*"
				: first === 1
					? `\\s*\\S(?:[\\s\\S]{0,${upper}}\\S)?\\s*`
					: `\\s*\\S[\\s\\S]{${String(first - 2)},${upper}}\\S\\s*`;
		if (messages.length === 0) say("must not be empty");
	}
	return [`^${lookaheads.join("")}${length}$`, messages.join("; ")];
}

function numberRules(schema: z.core.$ZodType): Pick<CmsField, "min" | "max"> {
	const rules: Pick<CmsField, "min" | "max"> = {};
	for (const check of checksOf(schema)) {
		if (check.check === "greater_than" && check.value !== undefined) rules.min = check.value;
		if (check.check === "less_than" && check.value !== undefined) rules.max = check.value;
	}
	return rules;
}

function sizeRules(schema: z.core.$ZodType): Pick<CmsField, "min" | "max"> {
	const rules: Pick<CmsField, "min" | "max"> = {};
	for (const check of checksOf(schema)) {
		if (check.check === "min_length" && check.minimum !== undefined) rules.min = check.minimum;
		if (check.check === "max_length" && check.maximum !== undefined) rules.max = check.maximum;
	}
	return rules;
}

function scalarWidget(
	schema: z.core.$ZodType,
	meta: z.core.GlobalMeta,
	choices: CmsChoice[] | undefined,
): Partial<CmsField> {
	const def = defOf(schema);
	if (choices) return { widget: "select", options: choices };
	switch (def.type) {
		case "boolean":
			return { widget: "boolean" };
		case "number":
			return { widget: "number", value_type: "float", step: 0.01, ...numberRules(schema) };
		case "enum":
			return {
				widget: "select",
				options: Object.values(def.entries as Record<string, string>).map((value) => ({
					label: value,
					value,
				})),
			};
		case "string":
			break;
		default:
			throw new Error(`the CMS has no widget for a zod ${def.type}`);
	}
	if (meta.format === "date-time") return { widget: "datetime", format: DATE_FORMAT };
	if (def.format === "url") {
		const message = messageOf(def as { error?: (issue: unknown) => unknown });
		return { widget: "string", pattern: ["^https?://\\S+$", message ?? "must be a URL"] };
	}
	const pattern = stringPattern(schema);
	if (meta.format === "photo") return { widget: "image", choose_url: false, pattern };
	return { widget: meta.multiline ? "text" : "string", pattern };
}

/** The Decap field for one entry of a schema's shape; `at` is its dotted path, for choices. */
export function cmsField(
	name: string,
	schema: z.core.$ZodType,
	context: FieldContext = {},
	at = name,
): CmsField {
	const { inner, required, meta } = unwrap(schema);
	const def = defOf(inner);
	const field: CmsField = {
		name,
		label: meta.title ?? humanize(name),
		widget: "",
		...(required ? {} : { required: false }),
		...(meta.description ? { hint: meta.description } : {}),
	};
	const choices = context.choices?.[at];
	if (def.type === "object") {
		Object.assign(field, {
			widget: "object",
			fields: cmsFields(inner as z.ZodObject, context, `${at}.`),
		});
	} else if (def.type === "array") {
		const element = unwrap(def.element as z.core.$ZodType).inner;
		const size = sizeRules(inner);
		if (choices) {
			Object.assign(field, { widget: "select", multiple: true, options: choices, ...size });
		} else if (defOf(element).type === "object") {
			Object.assign(field, {
				widget: "list",
				...size,
				fields: cmsFields(element as z.ZodObject, context, `${at}.`),
			});
		} else {
			Object.assign(field, {
				widget: "list",
				...size,
				field: cmsField(name, element, context, at),
			});
		}
	} else if (def.type === "tuple") {
		// A fixed-length list: the widget keeps its size, each item the element's rules.
		const items = def.items as z.core.$ZodType[];
		const [first] = items;
		if (!first) throw new Error(`the CMS has no widget for an empty tuple (${at})`);
		Object.assign(field, {
			widget: "list",
			min: items.length,
			max: items.length,
			field: cmsField(name, first, context, at),
		});
	} else {
		Object.assign(field, scalarWidget(inner, meta, choices));
	}
	if (field.pattern === undefined) delete field.pattern;
	// An optional field left empty is dropped before saving; only blank text is refused.
	else if (!required && field.pattern[1].startsWith("must not be empty"))
		field.pattern = [field.pattern[0], "must hold text, or be left empty"];
	const fallback = context.defaults?.[at];
	if (fallback !== undefined) field.default = fallback;
	return field;
}

/** The Decap fields of an object schema, in the schema's order. */
export function cmsFields(
	schema: z.ZodObject,
	context: FieldContext = {},
	prefix = "",
): CmsField[] {
	return Object.entries(schema.shape).map(([name, child]) =>
		cmsField(name, child as z.core.$ZodType, context, `${prefix}${name}`),
	);
}
