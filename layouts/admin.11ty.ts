/** The CMS page at /admin/: Decap CMS, the publication's data for its preview, and our script. */
import { html, jsonForScript } from "../src/html.ts";

/** What the CMS plugin hands this layout. */
export interface AdminPage {
	siteName: string;
	language: string;
	logoHref: string;
	/** Site-relative addresses of decap-cms.js and of the admin script (src/cms/admin.ts). */
	decapHref: string;
	scriptHref: string;
	/** The element id and JSON the admin script reads: the publication and the site's CSS. */
	snapshotId: string;
	snapshot: unknown;
}

/** Renders the admin page. */
export function render(page: AdminPage): string {
	return html`<!DOCTYPE html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Content manager | ${page.siteName}</title>
<link rel="icon" href="${page.logoHref}">
</head>
<body>
<script type="application/json" id="${page.snapshotId}">${jsonForScript(page.snapshot)}</script>
<script src="${page.decapHref}"></script>
<script src="${page.scriptHref}"></script>
</body>
</html>
`.toString();
}
