/**
 * Publishes the browser CMS at /admin/ when site.yaml names a repository (`cms: { repo }`), or
 * when `npm run cms` serves the preview beside decap-server: the admin page, config.yml
 * generated from the schema and the data files, Decap CMS's own files from node_modules under
 * a fingerprinted folder, and the admin script bundled for the browser.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import jsyaml from "js-yaml";
import { rolldown, type Plugin } from "rolldown";
import type { Catalog } from "../content/catalog.ts";
import type { CatalogEvent } from "../content/plugin.ts";
import type { DataPhoto } from "../content/types.ts";
import { STYLESHEETS, minifyCss } from "../pages.ts";
import { authorSchema, sectionSchema, tagsSchema, type TagData } from "../schema.ts";
import { render as renderAdmin } from "../../layouts/admin.11ty.ts";
import { cmsConfig, cmsConfigYaml, type CmsSource } from "./config.ts";
import { SNAPSHOT_ID, type PreviewSnapshot } from "./preview.ts";

/** Environment variable through which `npm run cms` names decap-server's API address. */
export const PROXY_ENV = "DATELINE_CMS_PROXY";

const DEFAULTS = {
	/** The site's own stylesheets, so the preview is the page readers get. */
	stylesheets: STYLESHEETS,
	/** The browser entry, bundled at build time. */
	script: "src/cms/admin.ts",
	/** decap-server's API address: set by `npm run cms`, used only by the preview server. */
	proxyUrl: process.env[PROXY_ENV],
};

/** Decap CMS's browser files in node_modules: the bundle, its lazy chunks and wasm. */
export function decapFiles(): { dir: string; files: string[]; version: string } {
	const require = createRequire(import.meta.url);
	const pkg = require.resolve("decap-cms/package.json");
	const dir = path.join(path.dirname(pkg), "dist");
	const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
	const files = readdirSync(dir).filter(
		(f) =>
			/^(\d+\.)?decap-cms\.js$/.test(f) || f.endsWith(".wasm") || f.endsWith(".LICENSE.txt"),
	);
	return { dir, files: files.filter((f) => !f.startsWith("cms.")), version };
}

/**
 * Node built-ins and sharp, which the layouts' modules import for the build, become modules of
 * functions that do nothing: the preview calls none of them, and what modules compute from
 * them at load (images.ts's default concurrency) is never used in the browser.
 */
function browserStubs(): Plugin {
	const PREFIX = "\0dateline-stub:";
	return {
		name: "dateline-browser-stubs",
		resolveId: (id) => (id.startsWith("node:") || id === "sharp" ? PREFIX + id : null),
		async load(id) {
			if (!id.startsWith(PREFIX)) return null;
			const name = id.slice(PREFIX.length);
			const exported = Object.keys((await import(name)) as object).filter(
				(n) => n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n),
			);
			return [
				"const none = () => undefined;",
				"export default new Proxy(none, { get: () => none });",
				...exported.map((n) => `export const ${n} = none;`),
			].join("\n");
		},
	};
}

/** Bundles the admin script for the browser, minified; modules are taken as free of side effects. */
export async function bundleAdminScript(entry: string): Promise<string> {
	const bundle = await rolldown({
		input: entry,
		platform: "browser",
		logLevel: "warn",
		// Only what the preview calls is kept: the schema, YAML parsers and photo pipeline that
		// content.ts imports for the build stay out.
		treeshake: { moduleSideEffects: false },
		transform: { define: { "process.env": "{}" } },
		plugins: [browserStubs()],
	});
	try {
		const { output } = await bundle.generate({ format: "iife", minify: true });
		// One entry in iife format: one chunk, first.
		return output[0].code;
	} finally {
		await bundle.close();
	}
}

function contentHash(content: string | Buffer): string {
	return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

/** Only the fields the schema names: no absolute paths of the build machine reach the page. */
function pick<T extends object>(value: T, keys: string[]): Partial<T> {
	return Object.fromEntries(
		Object.entries(value).filter(([k, v]) => keys.includes(k) && v !== undefined),
	) as Partial<T>;
}

/** A brand photo as the preview needs it: its published files and size, not its path on disk. */
function measured(photo: DataPhoto): DataPhoto {
	const { width, height, format, href, rendition } = photo;
	return {
		file: "",
		width,
		height,
		format,
		href,
		rendition,
		where: { file: "", subject: "", line: () => undefined },
	};
}

/** The publication as the admin page's preview needs it. */
export function previewSnapshot(catalog: Catalog, tags: Record<string, TagData>): PreviewSnapshot {
	const { site } = catalog;
	const authorKeys = Object.keys(authorSchema.shape);
	const sectionKeys = Object.keys(sectionSchema.shape);
	return {
		site: { ...site, logoFile: measured(site.logoFile), imageFile: measured(site.imageFile) },
		authors: [...catalog.authors].map(([id, a]) => [id, pick(a, authorKeys) as typeof a]),
		sections: [...catalog.sections].map(([id, s]) => [id, pick(s, sectionKeys) as typeof s]),
		tags,
	};
}

function readTags(contentDir: string): Record<string, TagData> | undefined {
	const file = path.join(contentDir, "_data", "tags.yaml");
	if (!existsSync(file)) return undefined;
	return tagsSchema.parse(jsyaml.load(readFileSync(file, "utf8")) ?? {});
}

/** What one build publishes under /admin/ and /assets/. */
interface AdminBuild {
	config: string;
	/**
	 * Rendered with the pages: the logo and the preview's brand photos are linked as the photo
	 * pipeline publishes them, which it settles only after `dateline.catalog`.
	 */
	page: () => string;
	script: { href: string; code: string };
	decap: { folder: string; dir: string; files: string[] };
}

/** Registers /admin/ and the CMS's files. */
export default function cmsPlugin(
	eleventyConfig: UserConfig,
	options: Partial<typeof DEFAULTS> = {},
): void {
	const opts = { ...DEFAULTS, ...options };
	let build: AdminBuild | undefined;
	let script: Promise<string> | undefined;
	const decap = decapFiles();
	const decapHash = contentHash(readFileSync(path.join(decap.dir, "decap-cms.js")));
	const decapFolder = `/assets/decap-cms-${decap.version}-${decapHash}/`;

	eleventyConfig.on(
		"dateline.catalog",
		async ({ catalog, directories, preview }: CatalogEvent) => {
			const proxyUrl = preview ? opts.proxyUrl : undefined;
			build = undefined;
			if (!proxyUrl && !catalog.site.cms) return;
			const contentDir = path.resolve(directories.input);
			const tags = readTags(contentDir);
			const source: CmsSource = {
				site: catalog.site,
				contentFolder: path.basename(contentDir),
				authors: Object.fromEntries(catalog.authors),
				sections: Object.fromEntries(catalog.sections),
				tags,
				usedTags: [...catalog.tags.keys()],
				proxyUrl,
			};
			script ??= bundleAdminScript(opts.script);
			const code = await script;
			const css = minifyCss(
				(await Promise.all(opts.stylesheets.map((f) => readFile(f, "utf8")))).join("\n"),
			);
			const scriptHref = catalog.url(`/assets/cms-admin.${contentHash(code)}.js`);
			build = {
				config: cmsConfigYaml(cmsConfig(source)),
				page: () =>
					renderAdmin({
						siteName: catalog.site.name,
						language: catalog.site.language,
						logoHref: catalog.logo.href,
						decapHref: catalog.url(`${decapFolder}decap-cms.js`),
						scriptHref,
						snapshotId: SNAPSHOT_ID,
						snapshot: { ...previewSnapshot(catalog, tags ?? {}), css },
					}),
				script: { href: scriptHref.slice(catalog.basePath.length), code },
				decap: { folder: decapFolder, dir: decap.dir, files: decap.files },
			};
		},
	);

	const common = { eleventyExcludeFromCollections: true };
	eleventyConfig.addTemplate("dateline/cms-admin.11ty.js", () => build?.page() ?? "", {
		...common,
		permalink: () => (build ? "/admin/index.html" : false),
	});
	eleventyConfig.addTemplate("dateline/cms-config.11ty.js", () => build?.config ?? "", {
		...common,
		permalink: () => (build ? "/admin/config.yml" : false),
	});

	// After a production build has emptied the output folder (see content/plugin.ts).
	eleventyConfig.on("dateline.publish", async ({ directories }: CatalogEvent) => {
		if (!build) return;
		const out = path.resolve(directories.output);
		const { script: admin, decap: files } = build;
		await mkdir(path.join(out, files.folder), { recursive: true });
		await writeFile(path.join(out, admin.href), admin.code);
		await Promise.all(
			files.files.map(async (file) => {
				const to = path.join(out, files.folder, file);
				// The folder's name carries the bundle's hash: a file already there is the same.
				if (!(await stat(to).catch(() => undefined))) {
					await copyFile(path.join(files.dir, file), to);
				}
			}),
		);
	});
}
