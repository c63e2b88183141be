/* The site's search box (partials/pagefind.html) over this language's
   Pagefind bundle. Nothing is fetched until the reader opens search: the
   bundle's script, its WebAssembly and the index chunks a query needs load on
   the first focus of the box. Every word shown comes from the box's data-msg-*
   attributes (config.extra.messages). Keys: "/" or "s" open search; ArrowDown
   and ArrowUp move between the box and the results; Enter opens the focused
   result (or, in the box, the first one); Escape closes. */
(function () {
  "use strict";

  var box = document.querySelector("[data-pb-search]");
  if (!box) return;
  var toggle = document.getElementById("__search");
  var form = box.querySelector(".md-search__form");
  var input = box.querySelector(".md-search__input");
  var status = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var more = box.querySelector(".pb-search__more");
  // The header stays when Material's instant navigation swaps the page, so
  // addresses are made absolute once, against the page the header came with.
  var root = new URL(box.getAttribute("data-pb-root").replace(/\/?$/, "/"), location.href);
  var bundle = new URL(box.getAttribute("data-pb-bundle"), location.href);
  var PAGE = 10;
  var engine = null; // the Pagefind module, once loading has started
  var results = []; // every result of the current query, best first; data() loads each one
  var asked = 0; // the latest query's number: answers to older queries are dropped

  function text(key) {
    return box.getAttribute("data-msg-" + key) || "";
  }

  function load() {
    if (!engine) {
      status.textContent = text("loading");
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        return pagefind
          .options({ baseUrl: root.pathname, excerptLength: 24 })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      engine.then(
        function () { if (!input.value.trim()) status.textContent = text("start"); },
        function () { status.textContent = text("unavailable"); engine = null; }
      );
    }
    return engine;
  }

  function open() {
    toggle.checked = true;
    load();
  }

  // WCAG 2.1.1 and 4.1.2: on narrow screens search opens from a <label> in the
  // header, which Tab never reaches and which may not take role=button (axe
  // aria-allowed-role). Put a real button, with the same icon and name, in its place.
  var label = document.querySelector('.md-header label.md-header__button[for="__search"]');
  var opener = null;
  if (label) {
    opener = document.createElement("button");
    opener.type = "button";
    opener.className = label.className;
    opener.setAttribute("data-pb-search-opener", "");
    // The theme's styles show and hide the header's search control by this attribute (Zensical's among them).
    opener.setAttribute("for", "__search");
    opener.title = label.getAttribute("title") || "";
    opener.setAttribute("aria-label", opener.title);
    while (label.firstChild) opener.appendChild(label.firstChild);
    label.replaceWith(opener);
    opener.addEventListener("click", function () {
      open();
      input.focus();
    });
  }

  function close() {
    toggle.checked = false;
    if (!box.contains(document.activeElement)) return;
    // Back to the button that opened search where there is one on screen, else out of the box.
    if (opener && opener.offsetWidth) opener.focus();
    else document.activeElement.blur();
  }

  function count(n) {
    return (n === 0 ? text("none") : n === 1 ? text("one") : text("other")).replace("#", String(n));
  }

  function element(tag, className, content) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (content) made.textContent = content;
    return made;
  }

  // Pagefind's excerpt is text with <mark> around the matched words: keep
  // exactly that, as text nodes and marks, whatever else the string holds.
  function excerpt(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var paragraph = element("p");
    parsed.content.childNodes.forEach(function (node) {
      paragraph.appendChild(node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
    return paragraph;
  }

  function item(page, query) {
    var meta = page.meta || {};
    var link = element("a", "md-search-result__link");
    link.href = page.url + "?h=" + encodeURIComponent(query);
    var article = link.appendChild(element("article", "md-search-result__article md-typeset"));
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element("h1", "", meta.title || page.url));
    var labels = element("div", "md-tags");
    if (meta.status === "enacted" || meta.status === "aspirational") {
      var badge = labels.appendChild(element("span", "pb-badge pb-badge--" + meta.status));
      var icon = badge.appendChild(element("span", "pb-icon pb-icon--" + meta.status));
      icon.setAttribute("aria-hidden", "true");
      badge.appendChild(document.createTextNode(" " + text("status-" + meta.status)));
    } else if (meta.kind) {
      labels.appendChild(element("span", "md-tag", meta.kind));
    }
    if (labels.firstChild) article.appendChild(labels);
    if (meta.strategy) article.appendChild(element("p", "pb-search-result__strategy", meta.strategy));
    article.appendChild(excerpt(page.excerpt || ""));
    var entry = element("li", "md-search-result__item");
    entry.appendChild(link);
    return entry;
  }

  function showMore(number, query) {
    var start = list.children.length;
    return Promise.all(results.slice(start, start + PAGE).map(function (result) { return result.data(); })).then(function (pages) {
      if (number !== asked) return;
      pages.forEach(function (page) { list.appendChild(item(page, query)); });
      more.hidden = list.children.length >= results.length;
    });
  }

  function run() {
    var number = ++asked;
    var query = input.value.trim();
    if (!query) {
      results = [];
      list.textContent = "";
      more.hidden = true;
      status.textContent = text("start");
      return Promise.resolve();
    }
    return load()
      .then(function (pagefind) { return pagefind.search(query); })
      .then(function (found) {
        if (number !== asked || !found) return;
        results = found.results;
        list.textContent = "";
        status.textContent = count(results.length);
        return showMore(number, query);
      })
      .catch(function () { if (number === asked) status.textContent = text("unavailable"); });
  }

  function stops() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link")));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  toggle.addEventListener("change", function () {
    // The header's search button (narrow screens) ticks the toggle: bring the box with it.
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 1); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run().then(function () {
      var first = list.querySelector(".md-search-result__link");
      if (first) first.click();
    });
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  more.addEventListener("click", function () {
    var next = list.children.length;
    showMore(asked, input.value.trim()).then(function () {
      var link = list.children[next] && list.children[next].querySelector("a");
      if (link) link.focus();
    });
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) close();
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var all = stops();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    var next = all[Math.max(0, Math.min(all.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  });
  // Focus leaving the box (Tab past the last result) closes it, so nothing
  // lies over the page where focus went.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) toggle.checked = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "/" && event.key !== "s") return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  /* The words searched for, marked in the page a result opened (?h=...). */
  function highlight() {
    var query = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!query || !article || article.hasAttribute("data-pb-highlighted")) return;
    article.setAttribute("data-pb-highlighted", "");
    var words = query.toLocaleLowerCase().split(/\s+/).filter(function (w) { return w.length > 1; });
    if (!words.length) return;
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var lower = node.data.toLocaleLowerCase();
      if (lower.length !== node.data.length) return; // a case change moved the offsets: leave this text as it is
      var pieces = [];
      var from = 0;
      for (;;) {
        var best = -1;
        var length = 0;
        words.forEach(function (word) {
          var at = lower.indexOf(word, from);
          if (at >= 0 && (best < 0 || at < best)) { best = at; length = word.length; }
        });
        if (best < 0) break;
        pieces.push(document.createTextNode(node.data.slice(from, best)), element("mark", "", node.data.slice(best, best + length)));
        from = best + length;
      }
      if (!pieces.length) return;
      pieces.push(document.createTextNode(node.data.slice(from)));
      var parent = node.parentNode;
      pieces.forEach(function (piece) { parent.insertBefore(piece, node); });
      parent.removeChild(node);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(highlight);
  else highlight();
})();
