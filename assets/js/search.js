// Progressive enhancement of /search/: replace the plain form with Pagefind's search UI,
// reading ?q= so a query typed elsewhere carries over.
(function () {
	if (!("PagefindUI" in window)) return;
	var form = document.querySelector(".search-form");
	if (form) form.hidden = true;
	var mount = document.getElementById("search");
	var ui = new window.PagefindUI({
		element: "#search",
		// Result links carry the path the site is served under (project pages and the like).
		baseUrl: (mount && mount.getAttribute("data-base-url")) || "/",
		showSubResults: false,
		showImages: false,
		resetStyles: false,
		translations: { placeholder: "Search articles" },
	});
	// Pagefind's input has a placeholder but no label; give it one for screen readers.
	var label = function () {
		var input = document.querySelector(".pagefind-ui__search-input");
		if (input) input.setAttribute("aria-label", "Search articles");
		return Boolean(input);
	};
	if (!label()) {
		var observer = new window.MutationObserver(function () {
			if (label()) observer.disconnect();
		});
		observer.observe(document.getElementById("search"), { childList: true, subtree: true });
	}
	var q = new URLSearchParams(window.location.search).get("q");
	if (q) ui.triggerSearch(q);
})();
