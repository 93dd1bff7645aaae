/** Dateline's Eleventy configuration: directories, and one plugin per concern. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import cmsPlugin from "./src/cms/plugin.ts";
import contentPlugin from "./src/content/plugin.ts";
import feedsPlugin from "./src/feeds.ts";
import fontsPlugin from "./src/fonts.ts";
import hostFitPlugin from "./src/host-fit.ts";
import hostingPlugin from "./src/hosting.ts";
import photosPlugin from "./src/photos/plugin.ts";
import pagesPlugin from "./src/pages.ts";
import previewGuardPlugin from "./src/preview-guard.ts";
import previewPlugin from "./src/preview.ts";
import searchPlugin from "./src/search.ts";

export default function (eleventyConfig: UserConfig) {
	// The editors' folder, read only by the content plugin; DATELINE_CONTENT points a build
	// (the tests, the benchmarks) at other content.
	eleventyConfig.addPlugin(contentPlugin, {
		contentDir: process.env.DATELINE_CONTENT || "content",
		eleventyInput: config.dir.input,
	});
	eleventyConfig.addPlugin(photosPlugin);
	eleventyConfig.addPlugin(pagesPlugin);
	eleventyConfig.addPlugin(feedsPlugin);
	eleventyConfig.addPlugin(searchPlugin);
	eleventyConfig.addPlugin(hostingPlugin);
	eleventyConfig.addPlugin(cmsPlugin);
	eleventyConfig.addPlugin(fontsPlugin);
	eleventyConfig.addPlugin(previewPlugin);
	eleventyConfig.addPlugin(previewGuardPlugin);
	eleventyConfig.addPlugin(hostFitPlugin);
	// Pages come only from the plugins' virtual templates: Eleventy's input folder is empty, and
	// content/ is the editors' markdown and photos, which Eleventy never reads.
	eleventyConfig.setTemplateFormats(["11ty.js"]);
	eleventyConfig.setQuietMode(true);
}

export const config = {
	dir: { input: "eleventy-input", output: "_site" },
};
