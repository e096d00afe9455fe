/* A mentor's "My hires": progress links kept in the mentor's browser, shown as one table
 * (items done, overdue, quiz results as first recorded, when the link was made).
 *
 * The rules come first, without the DOM (window.HandbookHires; Node's tests import this
 * file with the learning rules); the page part follows. Names and everything else read
 * from a link reach the page through textContent only. */
(function (root, build) {
  "use strict";
  var rules = build();
  if (typeof module === "object" && module.exports) { module.exports = rules; } else { root.HandbookHires = rules; }
}(this, function () {
  "use strict";
  var MAX_HIRES = 200;

  /* The kept list, checked: [{link, path, name, added}]. */
  function readList(raw) {
    if (!Array.isArray(raw)) { return []; }
    return raw.filter(function (h) {
      return h && typeof h.link === "string" && /^#progress=[A-Za-z0-9_-]+$/.test(h.link) &&
        typeof h.path === "string" && typeof h.name === "string" && typeof h.added === "number";
    }).slice(0, MAX_HIRES);
  }

  /* The list with ``link`` added: a newer link of the same hire on the same path replaces the
   * older one. {list, hire} or {error} when the link is not this handbook's. */
  function addLink(L, list, hash, handbook, now) {
    var view = L.readLink(hash, handbook, now);
    if (view.error) { return { error: view.error }; }
    var hire = { link: hash, path: view.path, name: view.name, added: now };
    var kept = list.filter(function (h) { return !(h.path === hire.path && (hire.name ? h.name === hire.name : h.link === hash)); });
    kept.push(hire);
    return { list: kept.slice(-MAX_HIRES), hire: hire };
  }

  /* One row of the table: the hire's link counted against the path's items
   * ([{key, fp, day, quiz}]); ``today`` is YYYY-MM-DD. */
  function row(L, hire, items, handbook, today) {
    var view = L.readLink(hire.link, handbook, 0);
    if (view.error) { return null; }
    var plan = L.planOf(view.state, hire.path), done = 0, overdue = 0, quizzes = [];
    items.forEach(function (item) {
      var on = L.tickOf(view.state, item.key), ticked = !!on && (on === 1 || !item.fp || on === item.fp);
      if (ticked) { done += 1; } else if (plan && L.dueDate(plan.start, item.day) < today) { overdue += 1; }
      var q = item.quiz && view.state.quizzes[item.quiz];
      if (q && !quizzes.some(function (x) { return x.id === item.quiz; })) { quizzes.push({ id: item.quiz, score: q.score, passed: q.passed }); }
    });
    return { name: view.name, done: done, total: items.length, overdue: plan ? overdue : null, quizzes: quizzes, updated: view.updated };
  }

  return { MAX_HIRES: MAX_HIRES, readList: readList, addLink: addLink, row: row };
}));

/* --- the page ------------------------------------------------------------------------ */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.Handbook || !window.HandbookLearning || !window.HandbookHires) { return; }
  var H = window.Handbook, L = window.HandbookLearning, R = window.HandbookHires;
  var info = window.HandbookData || {};
  var ui = info.ui || {}, handbook = info.id || "handbook";
  var key = "sales-handbook:" + handbook + ":hires";
  function say(k, values) { return H.fill(ui[k] || k, values || {}); }

  function kept() {
    try { return R.readList(JSON.parse(window.localStorage.getItem(key) || "[]")); } catch (e) { return []; }
  }
  function keep(list) {
    try { window.localStorage.setItem(key, JSON.stringify(list)); return true; } catch (e) { return false; }
  }
  /* Add a progress link (its "#progress=…" part) to the list: true once kept. */
  function add(hash) {
    var result = R.addLink(L, kept(), hash, handbook, Date.now());
    return !result.error && keep(result.list);
  }
  H.hires = { add: add };

  function tag(name, text) { var n = document.createElement(name); n.textContent = text; return n; }
  function when(t) {
    if (!t) { return say("hires_never"); }
    try {
      return new Intl.DateTimeFormat(info.lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(t));
    } catch (e) { return new Date(t).toISOString(); }
  }
  function paths(root) {
    var out = {};
    root.querySelectorAll(".hires-paths [data-path]").forEach(function (list) {
      out[list.dataset.path] = { title: list.dataset.title, items: Array.prototype.map.call(list.querySelectorAll("[data-item]"), function (i) {
        return { key: i.dataset.item, fp: i.dataset.fp, day: Number(i.dataset.day) || 1, quiz: i.dataset.quiz };
      }) };
    });
    return out;
  }

  function table(root) {
    var form = root.querySelector("form.hires-add");
    if (!form || form.dataset.hbReady) { return; }
    form.dataset.hbReady = "1";
    form.hidden = false;
    var known = paths(root), body = root.querySelector(".hires-table tbody"), status = form.querySelector(".hires-status");
    function draw() {
      var list = kept(), today = L.dayOf(new Date());
      body.textContent = "";
      list.forEach(function (hire) {
        var path = known[hire.path], r = path && R.row(L, hire, path.items, handbook, today);
        if (!r) { return; }
        var tr = document.createElement("tr");
        tr.dataset.hire = hire.name;
        tr.appendChild(tag("td", r.name || say("hires_none")));
        tr.appendChild(tag("td", path.title));
        tr.appendChild(tag("td", r.done + " / " + r.total));
        tr.appendChild(tag("td", r.overdue === null ? "—" : String(r.overdue)));
        tr.appendChild(tag("td", r.quizzes.map(function (q) { return q.score + " % " + say(q.passed ? "passed" : "failed"); }).join("; ") || "—"));
        tr.appendChild(tag("td", when(r.updated)));
        var remove = tag("button", say("hires_remove")), cell = document.createElement("td");
        remove.type = "button";
        remove.className = "md-button hires-remove";
        remove.addEventListener("click", function () {
          keep(kept().filter(function (h) { return h.link !== hire.link; }));
          status.textContent = say("hires_removed");
          draw();
        });
        cell.appendChild(remove);
        tr.appendChild(cell);
        body.appendChild(tr);
      });
      root.querySelector(".hires-table").hidden = !body.children.length;
      root.querySelector(".hires-empty").hidden = !!body.children.length;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var lines = form.elements.links.value.split(/\s+/).filter(Boolean), added = 0, bad = 0;
      lines.forEach(function (line) {
        var at = line.indexOf("#progress=");
        if (at >= 0 && add(line.slice(at))) { added += 1; } else { bad += 1; }
      });
      status.textContent = bad ? say("hires_bad", { n: bad }) : say("hires_added", { n: added });
      if (!bad) { form.elements.links.value = ""; }
      draw();
    });
    window.addEventListener("storage", function (event) { if (event.key === key) { draw(); } });
    draw();
  }

  H.onPage(table);
}());
