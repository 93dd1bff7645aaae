// The floor Dateline's build is measured against: bare Eleventy on the same archive. Markdown
// to a minimal layout, tag pages paginated by 20, nothing else (no checks, photos, feeds,
// sitemaps, search or structured data). Layouts are virtual so the archive stays content only.
const PAGE_SIZE = 20;

export default function (eleventyConfig) {
	eleventyConfig.ignores.add("_data/**");
	eleventyConfig.ignores.add("brand/**");
	eleventyConfig.addGlobalData("layout", "article.11ty.js");
	eleventyConfig.addTemplate(
		"_includes/article.11ty.js",
		(data) =>
			`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${data.title}</title></head><body><main><h1>${data.title}</h1>${data.content}</main></body></html>`,
	);
	eleventyConfig.addCollection("tagPages", (api) => {
		const pages = [];
		const byTag = new Map();
		for (const item of api.getAllSorted().reverse()) {
			for (const tag of item.data.tags ?? []) {
				if (!byTag.has(tag)) byTag.set(tag, []);
				byTag.get(tag).push(item);
			}
		}
		for (const [tag, items] of byTag) {
			for (let i = 0; i < items.length; i += PAGE_SIZE) {
				pages.push({
					tag,
					number: i / PAGE_SIZE + 1,
					items: items.slice(i, i + PAGE_SIZE),
				});
			}
		}
		return pages;
	});
	eleventyConfig.addTemplate(
		"tag-pages.11ty.js",
		(data) =>
			`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${data.entry.tag}</title></head><body><h1>${data.entry.tag}</h1><ul>${data.entry.items.map((i) => `<li><a href="${i.url}">${i.data.title}</a></li>`).join("")}</ul></body></html>`,
		{
			layout: false,
			permalink: (data) =>
				`/tags/${data.entry.tag}/${data.entry.number > 1 ? `page/${data.entry.number}/` : ""}index.html`,
			pagination: { data: "collections.tagPages", size: 1, alias: "entry" },
		},
	);
}
