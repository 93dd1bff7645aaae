/**
 * The text face: Newsreader (Production Type, drawn for reading news on screens; SIL OFL),
 * self-hosted from Fontsource in its latin subset as woff2, served under a content-hashed name
 * like the scripts, with `font-display: swap`. Until it is used, text is set in local fallback
 * faces whose size and vertical metrics are overridden to Newsreader's, computed by Capsize
 * from the shipped files, so the swap moves nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { createFontStack } from "@capsizecss/core";
import notoSerif from "@capsizecss/metrics/notoSerif";
import notoSerifBold from "@capsizecss/metrics/notoSerif/700";
import timesNewRoman from "@capsizecss/metrics/timesNewRoman";
import timesNewRomanBold from "@capsizecss/metrics/timesNewRoman/700";
import { fromBuffer } from "@capsizecss/unpack";
import { fingerprint } from "./hosting.ts";

const FONTSOURCE = path.resolve(import.meta.dirname, "../node_modules/@fontsource/newsreader");
const FAMILY = "Newsreader";
const FALLBACK = `${FAMILY} Fallback`;
const FALLBACK_ANDROID = `${FAMILY} Fallback Android`;
type Metrics = Parameters<typeof createFontStack>[0][number];

/** One weight and style of the web font, as the site serves it. */
export interface WebFont {
	weight: 400 | 700;
	style: "normal" | "italic";
	/** Where it is read from, in the Fontsource package. */
	file: string;
	/** Site-relative, content-hashed address, e.g. /assets/newsreader-latin-400-normal.3f2a9c1e0b.woff2 */
	href: string;
	bytes: number;
}

// A browser fetches a face only when text on the page uses it: the italic rarely.
const FACES = [
	{ weight: 400, style: "normal" },
	{ weight: 700, style: "normal" },
	{ weight: 400, style: "italic" },
] as const;

function load(face: (typeof FACES)[number]): WebFont & { content: Buffer } {
	const file = path.join(
		FONTSOURCE,
		"files",
		`newsreader-latin-${String(face.weight)}-${face.style}.woff2`,
	);
	const content = readFileSync(file);
	return { ...face, file, content, href: fingerprint(file, content), bytes: content.length };
}

/** The web font's files, read once at start-up so pages know their hashed names. */
export const WEB_FONTS: readonly WebFont[] = FACES.map(load);

const UNICODE_RANGE = (
	JSON.parse(readFileSync(path.join(FONTSOURCE, "unicode.json"), "utf8")) as { latin: string }
).latin;

/**
 * Local faces that stand in for one weight: each lists the fonts that share one set of metrics
 * (Liberation Serif and Tinos are metric-compatible with Times New Roman).
 */
const STAND_INS: { family: string; weight: 400 | 700; metrics: Metrics; local: string[] }[] = [
	{
		family: FALLBACK,
		weight: 400,
		metrics: timesNewRoman,
		local: [
			"Times New Roman",
			"TimesNewRomanPSMT",
			"Liberation Serif",
			"LiberationSerif",
			"Tinos",
		],
	},
	{
		family: FALLBACK,
		weight: 700,
		metrics: timesNewRomanBold,
		local: [
			"Times New Roman Bold",
			"TimesNewRomanPS-BoldMT",
			"Liberation Serif Bold",
			"LiberationSerif-Bold",
			"Tinos Bold",
		],
	},
	{
		family: FALLBACK_ANDROID,
		weight: 400,
		metrics: notoSerif,
		local: ["Noto Serif", "NotoSerif"],
	},
	{
		family: FALLBACK_ANDROID,
		weight: 700,
		metrics: notoSerifBold,
		local: ["Noto Serif Bold", "NotoSerif-Bold"],
	},
];

const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The fallback `@font-face` rules, with overrides computed from the web font's own metrics. */
export async function fallbackFaces(): Promise<string> {
	const measured = new Map<number, Metrics>();
	for (const font of WEB_FONTS.filter((f) => f.style === "normal")) {
		measured.set(font.weight, await fromBuffer(readFileSync(font.file)));
	}
	return STAND_INS.map((stand) => {
		const primary = measured.get(stand.weight);
		if (!primary) throw new Error(`No ${FAMILY} ${String(stand.weight)} to measure`);
		const { fontFaces } = createFontStack([primary, stand.metrics], {
			fontFaceFormat: "styleObject",
		});
		const overrides = Object.entries(fontFaces[0]?.["@font-face"] ?? {})
			.filter(([key]) => key !== "src" && key !== "fontFamily")
			.map(([key, value]) => `${kebab(key)}:${String(value)}`);
		const src = stand.local.map((name) => `local("${name}")`).join(",");
		return `@font-face{font-family:"${stand.family}";font-weight:${String(stand.weight)};src:${src};${overrides.join(";")}}`;
	}).join("");
}

// Computed once per process: the inputs are the installed packages.
const FALLBACK_FACES = await fallbackFaces();

/** Every `@font-face` rule, for the inlined stylesheet; `url` adds the site's path prefix. */
export function fontFaceCss(url: (rootPath: string) => string): string {
	const faces = WEB_FONTS.map(
		(f) =>
			`@font-face{font-family:${FAMILY};font-style:${f.style};font-weight:${String(f.weight)};font-display:swap;src:url(${url(f.href)}) format("woff2");unicode-range:${UNICODE_RANGE}}`,
	);
	return faces.join("") + FALLBACK_FACES;
}

/** Copies the font files to their hashed addresses (binary files are copied, not rendered). */
export default function fontsPlugin(eleventyConfig: UserConfig): void {
	eleventyConfig.addPassthroughCopy(
		Object.fromEntries(
			WEB_FONTS.map((f) => [path.relative(process.cwd(), f.file), f.href.slice(1)]),
		),
	);
}
