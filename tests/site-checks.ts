/**
 * Checks a newsroom's web team runs over a whole built site: links, XML schemas, feeds,
 * JSON-LD and HTML validity. Shared by the build tests.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { parseHTML } from "linkedom";
import { ROOT } from "./helpers.ts";

export const SITEMAP_XSD = path.join(ROOT, "tests", "schemas", "sitemaps", "sitemap-combined.xsd");

/** Every file under a folder, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile())
		.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
		.sort();
}

/**
 * The file a site address is served from, or undefined when it is not this site's. The site
 * is served under the path of its URL (a project page's /dateline/); an address on the same
 * host outside that path maps to a file that cannot exist, so it is reported as broken.
 */
export function fileFor(
	output: string,
	siteUrl: string,
	url: string,
	from?: string,
): string | undefined {
	const site = new URL(siteUrl);
	const basePath = site.pathname.replace(/\/+$/, "");
	const resolved = new URL(url, new URL(from ?? `${basePath}/`, site));
	if (resolved.origin !== site.origin) return undefined;
	let pathname = decodeURIComponent(resolved.pathname);
	if (!pathname.startsWith(`${basePath}/`))
		return path.join(output, "__outside_the_site__", pathname);
	pathname = pathname.slice(basePath.length);
	if (pathname.endsWith("/")) pathname += "index.html";
	return path.join(output, pathname);
}

/** Every internal URL in a page's href, src and srcset attributes that has no file behind it. */
export async function brokenLinks(output: string, siteUrl: string): Promise<string[]> {
	const broken: string[] = [];
	for (const file of (await listFiles(output)).filter(
		(f) => f.endsWith(".html") && !f.startsWith("pagefind/"),
	)) {
		const { document } = parseHTML(await readFile(path.join(output, file), "utf8"));
		const from = `${new URL(siteUrl).pathname.replace(/\/+$/, "")}/${file.replace(/index\.html$/, "")}`;
		const urls: string[] = [];
		for (const el of document.querySelectorAll(
			"[href], [src], [srcset], meta[property^='og:'][content^='http']",
		)) {
			for (const attr of ["href", "src", "content"]) {
				const value = el.getAttribute(attr);
				if (value && (attr !== "content" || /^https?:/.test(value))) urls.push(value);
			}
			const srcset = el.getAttribute("srcset");
			if (srcset) urls.push(...srcset.split(",").map((c) => c.trim().split(/\s+/)[0] ?? ""));
		}
		for (const url of urls) {
			if (/^(mailto|tel|data):/.test(url) || url.startsWith("#")) continue;
			const target = fileFor(output, siteUrl, url.split("#")[0] ?? url, from);
			if (target && !existsSync(target)) broken.push(`${file}: ${url}`);
		}
	}
	return broken;
}

/** Validates XML against an XSD with xmllint; returns xmllint's complaint or "". */
export function xsdErrors(file: string, xsd = SITEMAP_XSD): string {
	try {
		execFileSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { stdio: "pipe" });
		return "";
	} catch (error) {
		return String((error as { stderr?: Buffer }).stderr ?? error);
	}
}

/** Parses XML strictly: any warning or error throws. */
export function parseXmlStrict(source: string): Document {
	const parser = new DOMParser({
		onError: (level: string, message: string) => {
			throw new Error(`${level}: ${message}`);
		},
	});
	return parser.parseFromString(source, "application/xml") as unknown as Document;
}

/** html-validate over every HTML page, with the project's .htmlvalidate.json. */
export async function htmlProblems(output: string): Promise<string[]> {
	// The built site sits outside the project, so the project's config is passed in directly.
	const config = JSON.parse(
		await readFile(path.join(ROOT, ".htmlvalidate.json"), "utf8"),
	) as ConfigData;
	const validator = new HtmlValidate(new StaticConfigLoader(config));
	const problems: string[] = [];
	for (const file of (await listFiles(output)).filter(
		(f) => f.endsWith(".html") && !f.startsWith("pagefind/"),
	)) {
		const report = await validator.validateFile(path.join(output, file));
		for (const result of report.results) {
			for (const m of result.messages)
				problems.push(`${file}:${String(m.line)} ${m.ruleId} ${m.message}`);
		}
	}
	return problems;
}

/** The JSON-LD objects of a page. */
export function jsonLd(document: Document): Record<string, unknown>[] {
	return [...document.querySelectorAll('script[type="application/ld+json"]')].map(
		(s) => JSON.parse(s.textContent) as Record<string, unknown>,
	);
}
