// Progressive enhancement of /search/: replace the plain form with Pagefind's search UI,
// reading ?q= so a query typed elsewhere carries over.
(function () {
	if (!("PagefindUI" in window)) return;
	var form = document.querySelector(".search-form");
	if (form) form.hidden = true;
	var ui = new window.PagefindUI({
		element: "#search",
		showSubResults: false,
		showImages: false,
		resetStyles: false,
		translations: { placeholder: "Search articles" },
	});
	var q = new URLSearchParams(window.location.search).get("q");
	if (q) ui.triggerSearch(q);
})();
