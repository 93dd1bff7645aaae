/**
 * The admin page's script against a stand-in for what decap-cms.js puts on `window`: it
 * registers the article preview, the site's CSS and the clean-up before saving.
 */
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SNAPSHOT_ID } from "../../../src/cms/preview.ts";

/** Just enough of Immutable.js's Map for the script: get, toJS and deleteIn. */
class FakeMap {
	readonly value: Record<string, unknown>;
	constructor(value: Record<string, unknown>) {
		this.value = value;
	}
	get(key: string): unknown {
		const v = this.value[key];
		return v !== null && typeof v === "object" && !Array.isArray(v)
			? new FakeMap(v as Record<string, unknown>)
			: v;
	}
	toJS(): unknown {
		return structuredClone(this.value);
	}
	deleteIn(path: (string | number)[]): FakeMap {
		const copy = structuredClone(this.value);
		let at: Record<string | number, unknown> = copy;
		for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
		const last = path.at(-1) as string | number;
		if (Array.isArray(at)) at.splice(Number(last), 1);
		else Reflect.deleteProperty(at, last);
		return new FakeMap(copy);
	}
}

interface Spec {
	getInitialState(): unknown;
	render(this: unknown): { props: { dangerouslySetInnerHTML: { __html: string } } };
}

const registered = {
	styles: [] as { style: string; raw: boolean }[],
	templates: new Map<string, Spec>(),
	listeners: new Map<string, (event: { entry: FakeMap }) => unknown>(),
};
const saved = { ...globalThis } as Record<string, unknown>;

beforeAll(async () => {
	const { window, document } = parseHTML(`<!DOCTYPE html><html><body>
<script type="application/json" id="${SNAPSHOT_ID}">${JSON.stringify({
		css: ".story{color:red}",
		site: {
			name: "Dateline Football",
			url: "https://dateline.example",
			language: "en",
			timezone: "America/Mexico_City",
			logo: "brand/logo.png",
			image: "brand/social.png",
			logoFile: { file: "", width: 1, height: 1, format: "png", href: "/img/logo-1.jpg" },
			imageFile: { file: "", width: 1, height: 1, format: "png", href: "/img/social-1.jpg" },
		},
		authors: [["desk", { name: "Sports desk" }]],
		sections: [["news", { name: "News" }]],
		tags: {},
	})}</script></body></html>`);
	Object.assign(globalThis, {
		window: Object.assign(window, {
			CMS: {
				registerPreviewStyle: (style: string, options: { raw: boolean }) =>
					registered.styles.push({ style, raw: options.raw }),
				registerPreviewTemplate: (name: string, spec: Spec) =>
					registered.templates.set(name, spec),
				registerEventListener: (listener: {
					name: string;
					handler: (event: { entry: FakeMap }) => unknown;
				}) => registered.listeners.set(listener.name, listener.handler),
			},
			createClass: (spec: Spec) => spec,
			h: (type: string, props: Record<string, unknown>) => ({ type, props }),
		}),
		document,
		DOMParser: window.DOMParser,
	});
	await import("../../../src/cms/admin.ts");
});

afterAll(() => {
	for (const key of ["window", "document", "DOMParser"]) {
		if (key in saved) (globalThis as Record<string, unknown>)[key] = saved[key];
		else Reflect.deleteProperty(globalThis, key);
	}
});

describe("the admin script", () => {
	test("gives the preview the site's CSS", () => {
		expect(registered.styles).toEqual([{ style: ".story{color:red}", raw: true }]);
	});

	test("renders the article preview with the site's layout", () => {
		const spec = registered.templates.get("articles");
		expect(spec).toBeDefined();
		const component = {
			state: spec?.getInitialState(),
			props: {
				entry: new FakeMap({
					slug: "a-story",
					data: {
						title: "A story worth reading",
						section: "news",
						authors: ["desk"],
						image: { src: "photo.jpg", alt: "A desk", credit: "Ana Pérez" },
					},
				}),
				getAsset: (src: string) => ({ toString: () => `blob:${src}` }),
			},
			measure: () => undefined,
			setState: () => undefined,
		};
		const html = spec?.render.call(component).props.dangerouslySetInnerHTML.__html ?? "";
		const doc = parseHTML(`<html><body>${html}</body></html>`).document;
		expect(doc.querySelector("h1.headline")?.textContent).toBe("A story worth reading");
		expect(doc.querySelector(".lead-photo img")?.getAttribute("src")).toBe("blob:photo.jpg");
		expect(doc.querySelector(".lead-photo .credit")?.textContent).toBe("Photo: Ana Pérez");
	});

	test("drops what the editor left empty before saving, and keeps the rest", () => {
		const handler = registered.listeners.get("preSave");
		const data = {
			title: "A story worth reading",
			kicker: "",
			draft: false,
			tags: [],
			image: { src: "photo.jpg", caption: "", focus: [0.5, 0.25] },
			aliases: ["old-slug", ""],
		};
		const result = handler?.({ entry: new FakeMap({ data }) }) as FakeMap;
		expect(result.toJS()).toEqual({
			title: "A story worth reading",
			draft: false,
			image: { src: "photo.jpg", focus: [0.5, 0.25] },
			aliases: ["old-slug"],
		});
	});
});
