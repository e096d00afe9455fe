/* Search in the header (overrides/partials/search.html), answered by the Pagefind index
 * of this language's site (generator/build/search.py): only the chunks a query needs are
 * downloaded, from the site itself. Keys as in Material: "/", "s" or "f" opens the search,
 * arrows move through the results, Enter follows one, Escape closes. Result links carry
 * ?h=<words>, and the words are marked on the page they lead to.
 * Result texts come from the index (built from our escaped pages): only their text and
 * their <mark> elements are copied into the page, never their markup. */
(function () {
  "use strict";

  var SHOWN = 8;          /* results loaded per batch: each costs one small download */
  var SECTIONS = 3;       /* matching sections shown under a page */
  var HIGHLIGHT = "h";    /* the query parameter Material's own search used */

  var dialog = document.querySelector(".hb-search");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) { return; }
  var input = dialog.querySelector(".md-search__input");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  /* Resolved once, on the first page: instant navigation keeps this header on later pages. */
  var bundle = new URL(dialog.dataset.bundle, location.href);
  var loading = null;
  var latest = 0;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind.js", bundle).href).then(function (api) {
        return api.options({
          baseUrl: new URL("..", bundle).pathname,
          excerptLength: 24
        }).then(function () { api.init(); return api; });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function count(n) {
    if (n === 0) { return dialog.dataset.none; }
    return (n === 1 ? dialog.dataset.one : dialog.dataset.other).replace("#", String(n));
  }

  /* The excerpt's text and <mark>s only, whatever else it holds. */
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return p;
  }

  function article(title, text, level, href) {
    var link = document.createElement("a");
    link.href = href;
    link.className = "md-search-result__link";
    link.tabIndex = -1;
    var box = document.createElement("article");
    box.className = "md-search-result__article md-typeset" +
      (level === 1 ? " md-search-result__article--document" : "");
    if (level === 1) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      box.appendChild(icon);
    }
    var heading = document.createElement(level === 1 ? "h1" : "h2");
    heading.textContent = title;
    box.appendChild(heading);
    box.appendChild(excerpt(text));
    link.appendChild(box);
    return link;
  }

  /* The result's address with the query, whole: the page marks the words (Pagefind's own
   * parameter would pass Chinese on character by character). */
  function withQuery(url, query) {
    var target = new URL(url, location.href);
    target.searchParams.set(HIGHLIGHT, query);
    return target.pathname + target.search + target.hash;
  }

  function item(data, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.appendChild(article(data.meta.title || data.url, data.excerpt, 1, withQuery(data.url, query)));
    (data.sub_results || []).filter(function (sub) {
      return sub.url !== data.url && sub.title !== data.meta.title;
    }).slice(0, SECTIONS).forEach(function (sub) {
      li.appendChild(article(sub.title, sub.excerpt, 2, withQuery(sub.url, query)));
    });
    return li;
  }

  /* Results and their count appear together, once the batch's excerpts have arrived. */
  function showFrom(results, start, turn, query, fresh) {
    var batch = results.slice(start, start + SHOWN);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (found) {
      if (turn !== latest) { return; }
      if (fresh) {
        list.replaceChildren();
        meta.textContent = count(results.length);
      }
      found.forEach(function (data) { list.appendChild(item(data, query)); });
      if (start + SHOWN < results.length) {
        var more = document.createElement("li");
        more.className = "md-search-result__item hb-search-more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "+" + (results.length - start - SHOWN);
        button.addEventListener("click", function () {
          more.remove();
          showFrom(results, start + SHOWN, turn, query, false);
        });
        more.appendChild(button);
        list.appendChild(more);
      }
    });
  }

  function search() {
    var query = input.value.trim();
    var turn = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = dialog.dataset.placeholder;
      return;
    }
    pagefind().then(function (api) {
      return api.debouncedSearch(query, {}, 150);
    }).then(function (found) {
      if (!found || turn !== latest) { return; }  /* a newer query replaced this one */
      return showFrom(found.results, 0, turn, query, true);
    }).catch(function () {
      /* No index here (the preview of handbook serve has none): nothing to find. */
      if (turn === latest) { list.replaceChildren(); meta.textContent = count(0); }
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function move(step) {
    var all = [input].concat(links());
    var at = all.indexOf(document.activeElement);
    var next = all[Math.max(0, Math.min(all.length - 1, at + step))];
    next.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) { return; }
    if (!toggle.checked) {
      if (!typing(event.target) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && document.activeElement === input) {
      event.preventDefault();
      var first = links()[0];
      if (first) { first.click(); }
    }
  });

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      input.focus();
      input.select();
      pagefind();  /* start loading while the reader types */
    }
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) { open(); }
  });
  input.addEventListener("input", search);
  dialog.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
  dialog.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) { close(); }
  });

  /* --- on the page a result leads to: mark the words searched for ------------------ */
  function words() {
    var value = new URLSearchParams(location.search).get(HIGHLIGHT);
    return value ? value.split(/\s+/).filter(Boolean) : [];
  }

  function markWords(root) {
    var body = root.querySelector("[data-pagefind-body]");
    var wanted = words();
    if (!body || !wanted.length || body.dataset.hbMarked) { return; }
    body.dataset.hbMarked = "1";
    var lowered = wanted.map(function (w) { return w.toLowerCase(); });
    var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) { texts.push(walker.currentNode); }
    texts.forEach(function (node) { markIn(node, lowered); });
    var first = body.querySelector("mark.hb-found");
    if (first && !location.hash) { first.scrollIntoView({ block: "center" }); }
  }

  function markIn(node, lowered) {
    var text = node.nodeValue || "";
    var lower = text.toLowerCase();
    var at = -1, length = 0;
    lowered.forEach(function (word) {
      var found = lower.indexOf(word);
      if (found !== -1 && (at === -1 || found < at)) { at = found; length = word.length; }
    });
    if (at === -1 || (node.parentElement && node.parentElement.closest("mark, script, style"))) { return; }
    var rest = node.splitText(at);
    var after = rest.splitText(length);
    var mark = document.createElement("mark");
    mark.className = "hb-found";
    mark.textContent = rest.nodeValue;
    rest.replaceWith(mark);
    markIn(after, lowered);
  }

  window.Handbook.onPage(markWords);
}());
