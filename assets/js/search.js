// Progressive enhancement of /search/: the same form, answered in the page by Pagefind's
// search API instead of a web search, with results set like the site's own list rows.
// Reads ?q= so a query typed elsewhere carries over, and writes it back as the query changes.
"use strict";
// A block, not a function, so each function stays short; in strict mode nothing in it leaks
// into the page's globals.
{
	const form = document.querySelector(".search-form");
	const input = document.getElementById("search-q");
	const list = document.getElementById("search-results");
	const status = document.getElementById("search-status");
	const filterBar = document.getElementById("search-filters");
	let pagefind = null;
	let section = null;
	const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "en", {
		year: "numeric",
		month: "long",
		day: "numeric",
		timeZone: "UTC",
	});

	function el(tag, className, text) {
		var node = document.createElement(tag);
		if (className) node.className = className;
		if (text) node.textContent = text;
		return node;
	}

	// An excerpt of about 30 words around the first match after the headline (the page's
	// text opens with it, and the result shows it already), with the matched words marked.
	function excerpt(data, title) {
		var p = el("p", "card-standfirst");
		var words = (data.content || "").split(/\s+/);
		var skip = title ? title.split(/\s+/).length : 0;
		var marked = new Set(data.locations || []);
		var first = (data.locations || []).filter(function (l) {
			return l >= skip;
		})[0];
		var start = first === undefined ? skip : Math.max(skip, first - 12);
		var end = Math.min(words.length, start + 30);
		if (start > skip) p.append("… ");
		for (var i = start; i < end; i++) {
			// Punctuation after a matched word stays outside its mark.
			const word = marked.has(i) ? /^(.*?)([.,;:!?”’)]*)$/.exec(words[i]) : null;
			if (word) p.append(el("mark", "", word[1]), word[2]);
			else p.append(words[i]);
			if (i < end - 1) p.append(" ");
		}
		if (end < words.length) p.append(" …");
		return p;
	}

	function row(data) {
		var meta = data.meta || {};
		var item = el("article", "row");
		var text = el("div", "row-text");
		if (meta.section) text.append(el("p", "label", meta.section));
		var h2 = el("h2", "card-title");
		var link = el("a", "", meta.title || data.url);
		link.href = data.url;
		h2.append(link);
		text.append(h2, excerpt(data, meta.title || ""));
		if (meta.date) {
			var time = el("time", "", dateFormat.format(new Date(meta.date + "T12:00:00Z")));
			time.setAttribute("datetime", meta.date);
			var p = el("p", "card-meta");
			p.append(time);
			text.append(p);
		}
		item.append(text);
		return item;
	}

	function filters(counts) {
		filterBar.replaceChildren();
		var names = Object.keys(counts || {});
		if (names.length < 2) return;
		[null].concat(names).forEach(function (name) {
			var button = el(
				"button",
				"search-filter",
				name ? name + " (" + counts[name] + ")" : "All",
			);
			button.type = "button";
			button.setAttribute("aria-pressed", String(section === name));
			button.addEventListener("click", function () {
				section = name;
				run();
			});
			filterBar.append(button);
		});
	}

	let latest = 0;
	async function run() {
		var q = input.value.trim();
		var mine = ++latest;
		var url = new window.URL(window.location.href);
		if (q) url.searchParams.set("q", q);
		else url.searchParams.delete("q");
		window.history.replaceState(null, "", url);
		if (!q) {
			list.replaceChildren();
			filterBar.replaceChildren();
			status.textContent = "";
			return;
		}
		var options = section ? { filters: { section: section } } : {};
		var search = await pagefind.search(q, options);
		var all = section ? await pagefind.search(q) : search;
		var results = await Promise.all(
			search.results.slice(0, 20).map(function (r) {
				return r.data();
			}),
		);
		if (mine !== latest) return; // A newer query has started.
		filters(all.filters && all.filters.section);
		list.replaceChildren.apply(list, results.map(row));
		var n = search.results.length;
		status.textContent =
			n === 0 ? "No articles match “" + q + "”." : n + " article" + (n === 1 ? "" : "s");
	}

	async function start() {
		if (!form || !input || !list || !status || !filterBar) return;
		try {
			// One index per quarter, newest first: the newest is loaded, the others merged into it.
			var bundles = form.getAttribute("data-pagefind") || "/pagefind/";
			var keys = (form.getAttribute("data-pagefind-shards") || "").split(" ").filter(Boolean);
			var baseUrl = form.getAttribute("data-base-url") || "/";
			if (keys.length === 0) return;
			pagefind = await import(bundles + keys[0] + "/pagefind.js");
			await pagefind.options({ baseUrl: baseUrl });
			for (var i = 1; i < keys.length; i++)
				await pagefind.mergeIndex(bundles + keys[i] + "/", { baseUrl: baseUrl });
		} catch {
			return; // No index (the preview, say): the form keeps its web search.
		}
		form.classList.add("search-form-local");
		let timer = 0;
		input.addEventListener("input", function () {
			window.clearTimeout(timer);
			timer = window.setTimeout(run, 200);
		});
		form.addEventListener("submit", function (event) {
			event.preventDefault();
			run();
		});
		var q = new URLSearchParams(window.location.search).get("q");
		if (q) {
			input.value = q;
			run();
		}
	}

	start();
}
