/* Learning in the browser, without a server: checklists that remember, dated onboarding
 * paths, graded quizzes, the mentor's assignment link and shareable progress links.
 *
 * Progress lives in localStorage under one key per handbook (not per URL, page or
 * language), keyed by the stable ids the generator writes into data-item attributes.
 * Anything read from storage or from a link is checked before use; author and user
 * text only ever reaches the page through textContent. */
(function () {
  "use strict";
  var H = window.Handbook;
  if (!H) { return; }
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var KEY = /^[a-z0-9][a-z0-9:\/_-]{0,199}$/;
  var FP = /^[0-9a-f]{1,16}$/;
  var MAX_LINK = 16000;

  function data() {
    var node = document.getElementById("handbook-data");
    try { return JSON.parse(node ? node.textContent : "{}") || {}; } catch (e) { return {}; }
  }
  var info = data();
  var ui = info.ui || {};
  function say(key, values) { return H.fill(ui[key] || key, values || {}); }

  /* --- storage ---------------------------------------------------------------- */
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function fresh() { return { v: 1, items: {}, quizzes: {}, plans: {} }; }
  function validDate(s) {
    if (typeof s !== "string" || !DATE.test(s)) { return false; }
    var d = new Date(s + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === s;
  }
  function cleanName(s) { return typeof s === "string" ? s.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 80) : ""; }

  /* Keep only what has the expected shape; state.dropped counts what was left out,
   * so that a tampered record is noticed, while its sound parts are kept. */
  /* Set each part of a page up once, even if the page-view hook fires twice for one page. */
  function first(node) {
    if (!node || node.dataset.hbReady) { return false; }
    node.dataset.hbReady = "1";
    return true;
  }

  function sanitize(raw) {
    if (!isObject(raw) || raw.v !== 1) { return null; }
    var state = fresh();
    var dropped = 0;
    function each(name, keep) {
      var part = raw[name];
      if (part === undefined) { return; }
      if (!isObject(part)) { dropped += 1; return; }
      Object.keys(part).forEach(function (k) { if (!KEY.test(k) || !keep(k, part[k])) { dropped += 1; } });
    }
    each("items", function (k, v) {
      if (v !== 1 && !(typeof v === "string" && FP.test(v))) { return false; }
      state.items[k] = v;
      return true;
    });
    each("quizzes", function (k, q) {
      if (!isObject(q) || typeof q.best !== "number" || !(q.best >= 0 && q.best <= 100)) { return false; }
      state.quizzes[k] = { best: q.best, passed: q.passed === true, fp: typeof q.fp === "string" && FP.test(q.fp) ? q.fp : "" };
      return true;
    });
    each("plans", function (k, p) {
      if (!isObject(p) || !validDate(p.start)) { return false; }
      state.plans[k] = { name: cleanName(p.name), start: p.start };
      return true;
    });
    state.dropped = dropped;
    return state;
  }

  var storeKey = "sales-handbook:" + (info.id || "handbook");
  function load(notices) {
    var raw = null;
    try { raw = window.localStorage.getItem(storeKey); } catch (e) { return fresh(); }
    if (raw === null) { return fresh(); }
    var state = null;
    try { state = sanitize(JSON.parse(raw)); } catch (e) { state = null; }
    if (state && !state.dropped) { return state; }
    try {
      window.localStorage.setItem(storeKey + ":set-aside", raw);
      window.localStorage.removeItem(storeKey);
    } catch (e) { /* storage full or blocked: go on all the same */ }
    notices.push(say(state ? "storage_cleaned" : "storage_reset"));
    state = state || fresh();
    save(state);
    return state;
  }
  function save(state) {
    var copy = { v: 1, items: state.items, quizzes: state.quizzes, plans: state.plans };
    try { window.localStorage.setItem(storeKey, JSON.stringify(copy)); } catch (e) { /* read-only storage */ }
  }

  function notice(root, text) {
    var host = root.querySelector(".md-content__inner") || root.body;
    if (!host || !text) { return; }
    var p = document.createElement("p");
    p.className = "admonition hb-notice";
    p.setAttribute("role", "status");
    p.textContent = text;
    host.insertBefore(p, host.firstChild);
  }

  /* --- progress links: base64url of UTF-8 JSON -------------------------------- */
  function encode(obj) {
    var bytes = new TextEncoder().encode(JSON.stringify(obj)), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function decode(text) {
    var bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  }
  function shareLink(state, path) {
    var plan = state.plans[path] || {};
    var quizzes = {};
    Object.keys(state.quizzes).forEach(function (k) {
      var q = state.quizzes[k];
      quizzes[k] = [q.best, q.passed ? 1 : 0, q.fp];
    });
    var payload = { v: 1, h: info.id, p: path, n: plan.name || "", s: plan.start || "",
      i: Object.keys(state.items).map(function (k) { return state.items[k] === 1 ? k : k + "@" + state.items[k]; }), q: quizzes,
      a: sharedAcks.pack() };
    return location.href.split("#")[0].split("?")[0] + "#progress=" + encode(payload);
  }
  /* A progress link as a state, or null when it is damaged or from elsewhere. */
  function readShared(hash) {
    var m = /^#progress=([A-Za-z0-9_-]+)$/.exec(hash);
    if (!m || hash.length > MAX_LINK) { return null; }
    var o;
    try { o = decode(m[1]); } catch (e) { return null; }
    if (!isObject(o) || o.v !== 1 || o.h !== info.id || !Array.isArray(o.i) || o.i.length > 10000 ||
        !isObject(o.q) || typeof o.p !== "string" || !KEY.test(o.p)) { return null; }
    var raw = { v: 1, items: {}, quizzes: {}, plans: {} };
    o.i.forEach(function (k) {
      if (typeof k !== "string") { return; }
      var at = k.indexOf("@");
      if (at < 0) { raw.items[k] = 1; } else { raw.items[k.slice(0, at)] = k.slice(at + 1); }
    });
    Object.keys(o.q).forEach(function (k) {
      var q = o.q[k];
      if (Array.isArray(q)) { raw.quizzes[k] = { best: q[0], passed: q[1] === 1, fp: q[2] }; }
    });
    if (validDate(o.s)) { raw.plans[o.p] = { name: o.n, start: o.s }; }
    var state = sanitize(raw);
    if (!state || state.dropped) { return null; }
    state.path = o.p;
    state.name = cleanName(o.n);
    state.acks = sharedAcks.unpack(o.a);
    return state;
  }

  /* --- acknowledgements in progress links (kept by acknowledge.js) -------------------- */
  var sharedAcks = {
    pack: function () { return H.acks ? H.acks.pack() : []; },
    unpack: function (list) { return H.acks ? H.acks.unpack(list) : {}; },
    /* The read-only view of a hire's progress shows the hire's confirmations. */
    show: function (root, view) { if (H.acks && view) { H.acks.showList(root, view.acks || {}); } }
  };

  /* --- dates -------------------------------------------------------------------- */
  function dueDate(start, day) {
    var d = new Date(start + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + day - 1);
    return d.toISOString().slice(0, 10);
  }
  function today() {
    var d = new Date();
    return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
  }
  function showDate(iso) {
    try {
      return new Intl.DateTimeFormat(info.lang === "zh" ? "zh-CN" : "en-GB",
        { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }

  /* --- checklists and path items ------------------------------------------------ */
  function lists(root, state, view) {
    root.querySelectorAll(".checklist, .timeline").forEach(function (list) {
      var items = Array.prototype.slice.call(list.querySelectorAll("[data-item]"));
      if (!items.length || !first(list)) { return; }
      var bar = document.createElement("div");
      bar.className = "hb-progress";
      var meter = document.createElement("progress");
      var text = document.createElement("span");
      text.setAttribute("role", "status");
      meter.max = items.length;
      meter.setAttribute("aria-label", ui.done ? say("done", { done: "", total: "" }).trim() : "progress");
      bar.appendChild(meter);
      bar.appendChild(text);
      if (!view) {
        var reset = document.createElement("button");
        reset.type = "button";
        reset.className = "md-button hb-reset";
        reset.textContent = say("reset");
        reset.addEventListener("click", function () {
          if (!window.confirm(say("reset_confirm"))) { return; }
          items.forEach(function (item) { delete state.items[item.dataset.item]; });
          save(state);
          refresh();
        });
        bar.appendChild(reset);
      }
      list.parentNode.insertBefore(bar, list);
      function refresh() {
        var done = 0;
        items.forEach(function (item) {
          var box = item.querySelector("input[type=checkbox]");
          var saved = (view || state).items[item.dataset.item];
          var changed = typeof saved === "string" && item.dataset.fp && saved !== item.dataset.fp;
          var ticked = !!saved && !changed;
          if (box) { box.checked = ticked; box.disabled = !!view; }
          item.classList.toggle("is-done", ticked);
          item.classList.toggle("is-changed", !!changed);
          var flag = item.querySelector(".task-changed");
          if (changed && !flag) { (item.querySelector(".task-meta") || item).appendChild(tag("task-changed", " · " + say("changed"))); }
          if (!changed && flag) { flag.remove(); }
          if (ticked) { done += 1; }
        });
        meter.value = done;
        text.textContent = say("done", { done: done, total: items.length });
        dates(list, view || state);
      }
      items.forEach(function (item) {
        var box = item.querySelector("input[type=checkbox]");
        if (!box || view) { return; }
        box.addEventListener("change", function () {
          if (box.checked) { state.items[item.dataset.item] = item.dataset.fp || 1; } else { delete state.items[item.dataset.item]; }
          save(state);
          refresh();
        });
      });
      refresh();
    });
  }

  /* On a path page with a known start date: each item's due date, and overdue ones. */
  function dates(list, state) {
    var path = list.dataset.path;
    var plan = path && state.plans[path];
    list.querySelectorAll("[data-item]").forEach(function (item) {
      var old = item.querySelector(".task-due, .task-quiz");
      while (old) { old.remove(); old = item.querySelector(".task-due, .task-quiz"); }
      var meta = item.querySelector(".task-meta") || item;
      var quiz = item.dataset.quiz && state.quizzes[item.dataset.quiz];
      if (quiz) {
        meta.appendChild(tag("task-quiz", " · " + say("best", { best: quiz.best, result: say(quiz.passed ? "passed" : "failed") })));
      }
      if (!plan) { return; }
      var due = dueDate(plan.start, Number(item.dataset.day) || 1);
      var late = !item.classList.contains("is-done") && due < today();
      item.classList.toggle("is-overdue", late);
      meta.appendChild(tag("task-due", " · " + say("due", { date: showDate(due) }) + (late ? " · " + say("overdue") : "")));
    });
  }
  function tag(cls, text) {
    var span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }

  /* --- the path page: assignment link, start date, sharing and viewing progress ---- */
  function pathPlan(root, state, view) {
    var box = root.querySelector(".path-plan");
    if (!first(box)) { return; }
    var path = box.dataset.path;
    var who = box.querySelector(".path-plan-who");
    var start = box.querySelector(".path-start");
    var importer = box.querySelector(".path-import");
    var share = box.querySelector(".path-share");
    box.hidden = false;
    if (view) {
      who.textContent = say("viewing", { name: view.name || "—" });
      start.value = (view.plans[path] || {}).start || "";
      start.disabled = true;
      share.hidden = true;
      importer.hidden = false;
      importer.addEventListener("click", function () {
        Object.keys(view.items).forEach(function (k) { state.items[k] = view.items[k]; });
        Object.keys(view.quizzes).forEach(function (k) {
          var mine = state.quizzes[k], theirs = view.quizzes[k];
          state.quizzes[k] = mine && mine.best > theirs.best ? mine : theirs;
        });
        Object.keys(view.plans).forEach(function (k) { state.plans[k] = view.plans[k]; });
        save(state);
        location.replace(location.href.split("#")[0]);
      });
      return;
    }
    var plan = state.plans[path];
    who.textContent = plan && plan.name ? say("plan_for", { name: plan.name, start: showDate(plan.start) }) : "";
    start.value = plan ? plan.start : "";
    start.addEventListener("change", function () {
      if (validDate(start.value)) {
        state.plans[path] = { name: plan ? plan.name : "", start: start.value };
      } else { delete state.plans[path]; }
      save(state);
      location.reload();
    });
    share.addEventListener("click", function () {
      var field = box.querySelector(".path-share-link");
      field.value = shareLink(state, path);
      box.querySelector(".path-share-box").hidden = false;
      copy(field);
    });
  }

  /* An assignment link (?name=…&start=…) becomes this browser's plan for the path. */
  function takeAssignment(root, state, notices) {
    var box = root.querySelector(".path-plan");
    var params = new URLSearchParams(location.search);
    if (!box || !(params.has("start") || params.has("name"))) { return; }
    var name = cleanName(params.get("name")), start = params.get("start");
    if (validDate(start)) {
      state.plans[box.dataset.path] = { name: name, start: start };
      save(state);
    } else {
      notices.push(say("bad_assignment"));
    }
    history.replaceState(history.state, "", location.pathname + location.hash);
  }

  function copy(field) {
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).catch(function () { /* selected: the user copies */ });
    } else {
      try { document.execCommand("copy"); } catch (e) { /* selected: the user copies */ }
    }
  }

  /* --- the mentor's assignment form ------------------------------------------------ */
  function assignForm(root) {
    var form = root.querySelector("form.path-assign");
    if (!first(form)) { return; }
    var status = form.querySelector(".path-assign-status");
    var result = form.querySelector(".path-assign-result");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = cleanName(form.elements.name.value), start = form.elements.start.value;
      if (!name || !validDate(start)) { status.textContent = say("missing"); return; }
      var url = new URL(form.dataset.target.replace("{id}", encodeURIComponent(form.elements.path.value)), location.href);
      url.search = new URLSearchParams({ name: name, start: start }).toString();
      form.elements.link.value = url.href;
      form.querySelector(".path-assign-open").href = url.href;
      result.hidden = false;
      status.textContent = "";
      form.elements.link.focus();
      form.elements.link.select();
    });
    form.querySelector(".path-assign-copy").addEventListener("click", function () {
      copy(form.elements.link);
      status.textContent = say("copied");
    });
  }

  /* --- quizzes -------------------------------------------------------------------- */
  function quizzes(root, state) {
    root.querySelectorAll(".quiz[data-quiz]").forEach(function (quiz) { if (first(quiz)) { setUpQuiz(quiz, state); } });
  }

  function answerOf(q) {
    if (q.dataset.type === "numeric") {
      var input = q.querySelector("input[type=number]");
      return input.value.trim() === "" ? null : Number(input.value);
    }
    var chosen = Array.prototype.map.call(q.querySelectorAll("input:checked"), function (i) { return i.value; });
    return chosen.length ? chosen.sort().join(",") : null;
  }
  function isRight(q, answer) {
    if (q.dataset.type === "numeric") {
      return Math.abs(answer - Number(q.dataset.value)) <= Number(q.dataset.tolerance || 0) + 1e-9;
    }
    return answer === q.dataset.correct.split(",").sort().join(",");
  }

  function setUpQuiz(quiz, state) {
    var id = quiz.dataset.quiz, pass = Number(quiz.dataset.pass);
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-question"));
    var fp = quizPrint(questions);
    var exam = quiz.querySelector(".quiz-exam");
    var summary = quiz.querySelector(".quiz-summary");
    var score = quiz.querySelector(".quiz-score");
    quiz.querySelector(".quiz-mode").hidden = false;
    summary.hidden = false;

    function mark(q, reveal) {
      var answer = answerOf(q), feedback = q.querySelector(".quiz-feedback");
      if (answer === null) { feedback.textContent = say("unanswered"); q.dataset.result = ""; return; }
      var right = isRight(q, answer);
      q.dataset.result = right ? "correct" : "incorrect";
      if (reveal) {
        feedback.textContent = say(right ? "correct" : "incorrect");
        var details = q.querySelector(".quiz-answer");
        details.hidden = false;
        details.open = true;
      }
    }
    function total() {
      var right = questions.filter(function (q) { return q.dataset.result === "correct"; }).length;
      var percent = Math.round(right * 100 / questions.length);
      var passed = percent >= pass;
      var best = state.quizzes[id];
      if (!best || best.fp !== fp) { best = { best: 0, passed: false }; }
      state.quizzes[id] = { best: Math.max(best.best, percent), passed: best.passed || passed, fp: fp };
      save(state);
      score.textContent = say("score", { score: percent, total: questions.length, pass: pass, result: say(passed ? "passed" : "failed") }) +
        " " + bestLine();
    }
    function bestLine() {
      var best = state.quizzes[id];
      if (!best) { return ""; }
      return say("best", { best: best.best, result: say(best.passed ? "passed" : "failed") }) +
        (best.fp && best.fp !== fp ? " " + say("quiz_changed") : "");
    }
    function allMarked() { return questions.every(function (q) { return q.dataset.result; }); }
    function reset() {
      questions.forEach(function (q) {
        q.dataset.result = "";
        q.querySelectorAll("input").forEach(function (i) { i.checked = false; if (i.type === "number") { i.value = ""; } });
        q.querySelector(".quiz-feedback").textContent = "";
        q.querySelector(".quiz-answer").hidden = true;
        shuffle(q);
      });
      applyMode();
      score.textContent = bestLine();
    }
    function applyMode() {
      var examMode = exam.checked;
      questions.forEach(function (q) {
        q.querySelector(".quiz-actions").hidden = examMode;
        if (examMode && !q.dataset.result) { q.querySelector(".quiz-answer").hidden = true; }
      });
      quiz.querySelector(".quiz-submit").hidden = !examMode;
    }

    questions.forEach(function (q) {
      q.querySelector(".quiz-check").addEventListener("click", function () {
        mark(q, true);
        if (allMarked()) { total(); }
      });
    });
    quiz.querySelector(".quiz-submit").addEventListener("click", function () {
      questions.forEach(function (q) { mark(q, true); if (!q.dataset.result) { q.dataset.result = "incorrect"; } });
      total();
    });
    quiz.querySelector(".quiz-retake").addEventListener("click", reset);
    exam.addEventListener("change", reset);
    reset();
  }

  /* A quiz's fingerprint: its questions' fingerprints, folded into one short hex string. */
  function quizPrint(questions) {
    var text = questions.map(function (q) { return q.dataset.fp || ""; }).join(",");
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0; }
    return h.toString(16);
  }

  /* Options in a new order on each attempt (true/false keeps its natural order). */
  function shuffle(q) {
    if (q.dataset.type === "true-false") { return; }
    var group = q.querySelector(".quiz-options");
    var options = Array.prototype.slice.call(group.querySelectorAll(".quiz-option"));
    for (var i = options.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = options[i]; options[i] = options[j]; options[j] = t;
    }
    options.forEach(function (o) { group.appendChild(o); });
  }

  H.onPage(function (root) {
    var notices = [];
    var state = load(notices);
    var view = null;
    if (/^#progress=/.test(location.hash)) {
      view = readShared(location.hash);
      if (!view) { notices.push(say("bad_link")); }
    }
    takeAssignment(root, state, notices);
    pathPlan(root, state, view);
    sharedAcks.show(root, view);
    lists(root, state, view);
    quizzes(root, state);
    assignForm(root);
    notices.forEach(function (text) { notice(root, text); });
  });
}());
