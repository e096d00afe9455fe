/* Learning in the browser, without a server: checklists that remember, dated onboarding
 * paths, graded quizzes, the mentor's assignment link and shareable progress links.
 *
 * Progress lives in localStorage under one key per handbook (not per URL, page or
 * language), keyed by the stable ids the generator writes into data-item attributes.
 * Anything read from storage or from a link is checked before use; author and user
 * text only ever reaches the page through textContent.
 *
 * The first part holds the rules, without the DOM: window.HandbookLearning in the page,
 * and Node's tests import this same file, so nothing is built. The second wires them up. */
(function (root, build) {
  "use strict";
  var rules = build();
  if (typeof module === "object" && module.exports) { module.exports = rules; } else { root.HandbookLearning = rules; }
}(this, function () {
  "use strict";
  var DATE = /^(\d{4})-\d{2}-\d{2}$/;
  var KEY = /^[a-z0-9][a-z0-9:/_-]{0,199}$/;
  var FP = /^[0-9a-f]{1,16}$/;
  var YEARS = [2000, 2100]; // a start date outside these years is a typo or a forgery
  var RECORD = 2; // the stored record's format; format 1 is read and migrated
  var LINK = 1; // the progress link's format
  var OURS = ["v", "h", "items", "quizzes", "plans"];
  var MAX_LINK = 16000, MAX_ITEMS = 10000;
  var SET_ASIDE = ":set-aside", MAX_SET_ASIDE = 5;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isTime(t) { return typeof t === "number" && isFinite(t) && t >= 0; }
  /* items: id -> {on: 1 | fingerprint | 0 (unticked), t: time}: timed unticks too let tabs merge. */
  function fresh() { return { items: {}, quizzes: {}, plans: {}, extra: {} }; }
  function cleanName(s) { return typeof s === "string" ? s.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 80) : ""; }

  /* "ok", "range" (a real date outside YEARS) or "bad". */
  function checkDate(s) {
    var m = typeof s === "string" && DATE.exec(s);
    if (!m) { return "bad"; }
    var d = new Date(s + "T00:00:00Z");
    if (isNaN(d) || d.toISOString().slice(0, 10) !== s) { return "bad"; }
    return Number(m[1]) >= YEARS[0] && Number(m[1]) <= YEARS[1] ? "ok" : "range";
  }
  function validDate(s) { return checkDate(s) === "ok"; }

  /* --- the stored record ---------------------------------------------------------- */
  /* A record, checked: {state (null if unreadable), dropped (parts left out: a tampered
   * record is noticed, its sound parts kept), foreign (the other handbook's name)}. */
  function readRecord(raw, handbook) {
    if (!isObject(raw) || (raw.v !== 1 && raw.v !== RECORD)) { return { state: null, dropped: 0, foreign: "" }; }
    if (raw.v === RECORD && raw.h !== handbook) {
      return { state: null, dropped: 0, foreign: cleanName(raw.h) || "?" };
    }
    var state = fresh(), dropped = 0, old = raw.v === 1;
    function each(name, keep) {
      var part = raw[name];
      if (part === undefined) { return; }
      if (!isObject(part)) { dropped += 1; return; }
      Object.keys(part).forEach(function (k) { if (!KEY.test(k) || !keep(k, part[k])) { dropped += 1; } });
    }
    each("items", function (k, v) {
      var on = old ? v : Array.isArray(v) && v.length === 2 && isTime(v[1]) ? v[0] : null;
      if (!(on === 1 || (typeof on === "string" && FP.test(on)) || (!old && on === 0))) { return false; }
      state.items[k] = { on: on, t: old ? 0 : v[1] };
      return true;
    });
    each("quizzes", function (k, q) {
      if (!isObject(q) || typeof q.best !== "number" || !(q.best >= 0 && q.best <= 100)) { return false; }
      state.quizzes[k] = { best: q.best, passed: q.passed === true, fp: typeof q.fp === "string" && FP.test(q.fp) ? q.fp : "", t: isTime(q.t) ? q.t : 0 };
      return true;
    });
    each("plans", function (k, p) {
      // A cleared start date is kept as "" with its time, so that no other tab brings it back.
      if (!isObject(p) || !(validDate(p.start) || (!old && p.start === ""))) { return false; }
      state.plans[k] = { name: cleanName(p.name), start: p.start, t: isTime(p.t) ? p.t : 0 };
      return true;
    });
    if (!old) {
      // Fields a later version added: kept, or an older version's page would erase them.
      Object.keys(raw).forEach(function (k) { if (OURS.indexOf(k) < 0) { state.extra[k] = raw[k]; } });
    }
    return { state: state, dropped: dropped, foreign: "" };
  }

  function writeRecord(state, handbook) {
    var record = {}, items = {};
    Object.keys(state.extra).forEach(function (k) { record[k] = state.extra[k]; });
    Object.keys(state.items).forEach(function (k) { items[k] = [state.items[k].on, state.items[k].t]; });
    record.v = RECORD;
    record.h = handbook;
    record.items = items;
    record.quizzes = state.quizzes;
    record.plans = state.plans;
    return record;
  }

  function planOf(state, path) { var plan = state.plans[path]; return plan && plan.start ? plan : null; }
  function tickOf(state, id) { var item = state.items[id]; return item ? item.on : 0; }
  function setTick(state, id, on, now) { state.items[id] = { on: on || 0, t: now }; }

  /* Fold theirs into mine: the newer change wins, a tie keeps a tick, a quiz the best score
   * of the same questions. True when mine changed. */
  function merge(mine, theirs) {
    var changed = false;
    Object.keys(theirs.items).forEach(function (k) {
      var a = mine.items[k], b = theirs.items[k];
      if (!a || b.t > a.t || (b.t === a.t && !a.on && b.on)) {
        changed = changed || !a || a.on !== b.on || a.t !== b.t;
        mine.items[k] = { on: b.on, t: b.t };
      }
    });
    Object.keys(theirs.quizzes).forEach(function (k) {
      var a = mine.quizzes[k], b = theirs.quizzes[k], next = b;
      if (a && a.fp === b.fp) {
        next = { best: Math.max(a.best, b.best), passed: a.passed || b.passed, fp: a.fp, t: Math.max(a.t, b.t) };
      } else if (a && a.t >= b.t) { next = a; }
      changed = changed || !a || JSON.stringify(a) !== JSON.stringify(next);
      mine.quizzes[k] = next;
    });
    Object.keys(theirs.plans).forEach(function (k) {
      var a = mine.plans[k], b = theirs.plans[k];
      if (!a || b.t > a.t) { mine.plans[k] = b; changed = changed || !a || a.start !== b.start || a.name !== b.name; }
    });
    Object.keys(theirs.extra).forEach(function (k) { if (!(k in mine.extra)) { mine.extra[k] = theirs.extra[k]; } });
    return changed;
  }

  /* Set-aside copies: "<key>:set-aside:<time>", the oldest beyond a few dropped. */
  function setAsideKey(key, now, taken) {
    var name = key + SET_ASIDE + ":" + now, n = 1;
    while (taken.indexOf(name) >= 0) { name = key + SET_ASIDE + ":" + now + "-" + n++; }
    return name;
  }
  function setAsideSurplus(key, keys) {
    var prefix = key + SET_ASIDE;
    function time(k) { var t = parseFloat(k.slice(prefix.length + 1)); return isNaN(t) ? 0 : t; }
    var mine = keys.filter(function (k) { return k === prefix || k.indexOf(prefix + ":") === 0; });
    mine.sort(function (a, b) { return time(a) - time(b) || (a < b ? -1 : 1); });
    return mine.slice(0, Math.max(0, mine.length - MAX_SET_ASIDE));
  }

  /* --- progress links: base64url of UTF-8 JSON -------------------------------------- */
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

  /* A progress link's content; ``more``: further fields, which readers that do not know them ignore. */
  function linkPayload(state, handbook, path, more) {
    var plan = planOf(state, path) || {}, quizzes = {}, payload = {};
    Object.keys(more || {}).forEach(function (k) { payload[k] = more[k]; });
    Object.keys(state.quizzes).forEach(function (k) {
      var q = state.quizzes[k];
      quizzes[k] = [q.best, q.passed ? 1 : 0, q.fp];
    });
    var ticked = Object.keys(state.items).filter(function (k) { return state.items[k].on; });
    payload.v = LINK;
    payload.h = handbook;
    payload.p = path || "";
    payload.n = plan.name || "";
    payload.s = plan.start || "";
    payload.i = ticked.map(function (k) { return state.items[k].on === 1 ? k : k + "@" + state.items[k].on; });
    payload.q = quizzes;
    return payload;
  }

  /* A progress link as {state, path, name, extra} (its ticks made at ``now``: the newest),
   * or {error: "damaged"} (also another handbook's) or {error: "date", date}. */
  function readLink(hash, handbook, now) {
    var m = /^#progress=([A-Za-z0-9_-]+)$/.exec(hash), o;
    if (!m || hash.length > MAX_LINK) { return { error: "damaged" }; }
    try { o = decode(m[1]); } catch (e) { return { error: "damaged" }; }
    if (!isObject(o) || o.v !== LINK || o.h !== handbook || !Array.isArray(o.i) || o.i.length > MAX_ITEMS ||
        !isObject(o.q) || typeof o.p !== "string" || !(o.p === "" || KEY.test(o.p)) || typeof o.s !== "string") {
      return { error: "damaged" };
    }
    if (o.s !== "" && checkDate(o.s) !== "ok") { return checkDate(o.s) === "range" ? { error: "date", date: o.s } : { error: "damaged" }; }
    var raw = { v: RECORD, h: handbook, items: {}, quizzes: {}, plans: {} };
    o.i.forEach(function (k) {
      if (typeof k !== "string") { return; }
      var at = k.indexOf("@");
      raw.items[at < 0 ? k : k.slice(0, at)] = [at < 0 ? 1 : k.slice(at + 1), now];
    });
    Object.keys(o.q).forEach(function (k) {
      var q = o.q[k];
      if (Array.isArray(q)) { raw.quizzes[k] = { best: q[0], passed: q[1] === 1, fp: q[2], t: now }; }
    });
    if (o.s && o.p) { raw.plans[o.p] = { name: o.n, start: o.s, t: now }; }
    var read = readRecord(raw, handbook);
    if (!read.state || read.dropped) { return { error: "damaged" }; }
    var extra = {};
    Object.keys(o).forEach(function (k) { if (["v", "h", "p", "n", "s", "i", "q"].indexOf(k) < 0) { extra[k] = o[k]; } });
    return { state: read.state, path: o.p, name: cleanName(o.n), extra: extra };
  }

  /* --- dates ---------------------------------------------------------------------- */
  function dueDate(start, day) {
    var d = new Date(start + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + day - 1);
    return d.toISOString().slice(0, 10);
  }
  /* The local calendar day of ``now`` as YYYY-MM-DD. */
  function dayOf(now) {
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
  }

  /* --- quizzes -------------------------------------------------------------------- */
  /* key: the question's data set (type, correct, value, tolerance). */
  function isRight(key, answer) {
    if (key.type === "numeric") {
      return answer !== null && Math.abs(answer - Number(key.value)) <= Number(key.tolerance || 0) + 1e-9;
    }
    return answer === String(key.correct).split(",").sort().join(",");
  }
  /* A quiz's fingerprint: its questions' fingerprints, folded into one short hex string. */
  function quizPrint(prints) {
    var text = prints.join(","), h = 2166136261;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0; }
    return h.toString(16);
  }
  /* The quiz's record after an attempt (a changed quiz starts again). */
  function attempt(best, fp, right, total, pass, now) {
    var percent = Math.round(right * 100 / total);
    var before = best && best.fp === fp ? best : { best: 0, passed: false };
    return { percent: percent, passed: percent >= pass,
      record: { best: Math.max(before.best, percent), passed: before.passed || percent >= pass, fp: fp, t: now } };
  }

  return {
    YEARS: YEARS, SET_ASIDE: SET_ASIDE, MAX_SET_ASIDE: MAX_SET_ASIDE,
    fresh: fresh, cleanName: cleanName, checkDate: checkDate, validDate: validDate,
    readRecord: readRecord, writeRecord: writeRecord, planOf: planOf, tickOf: tickOf, setTick: setTick, merge: merge,
    setAsideKey: setAsideKey, setAsideSurplus: setAsideSurplus,
    encode: encode, decode: decode, linkPayload: linkPayload, readLink: readLink,
    dueDate: dueDate, dayOf: dayOf, isRight: isRight, quizPrint: quizPrint, attempt: attempt
  };
}));

/* --- the page ------------------------------------------------------------------------ */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.Handbook || !window.HandbookLearning) { return; }
  var H = window.Handbook, L = window.HandbookLearning;

  function data() {
    var node = document.getElementById("handbook-data");
    try { return JSON.parse(node ? node.textContent : "{}") || {}; } catch (e) { return {}; }
  }
  var info = data();
  var ui = info.ui || {};
  var handbook = info.id || "handbook";
  var storeKey = "sales-handbook:" + handbook;
  var former = info.former && info.former !== handbook ? info.former : "";
  carryOver();
  function say(key, values) { return H.fill(ui[key] || key, values || {}); }
  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }

  /* This tab's progress, for every page view, in step with other tabs; and the page's redraws. */
  var state = null;
  var shown = [];
  var here = { path: "" };
  /* Confirmations ("read and understood") are kept by acknowledge.js; progress links carry them. */
  var acks = {
    pack: function () { return H.acks ? H.acks.pack() : []; },
    unpack: function (list) { return H.acks ? H.acks.unpack(list) : {}; },
    show: function (root, view) { if (H.acks && view) { H.acks.showList(root, view.acks || {}); } }
  };
  var failing = false; // the last write failed: every page view says so until one works

  /* Each part is set up once, even if the page-view hook fires twice. */
  function first(node) {
    if (!node || node.dataset.hbReady) { return false; }
    node.dataset.hbReady = "1";
    return true;
  }

  /* Progress kept before the handbook had an id was keyed by its title's slug: move it
   * (once) to the id, so a renamed handbook keeps every tick. A record that cannot be read
   * moves as it is, and is set aside by load() like any damaged one. */
  function carryOver() {
    if (!former) { return; }
    try {
      var store = window.localStorage, oldKey = "sales-handbook:" + former;
      var raw = store.getItem(oldKey);
      if (raw === null || store.getItem(storeKey) !== null) { return; }
      var record = parse(raw);
      if (record && typeof record === "object" && record.h === former) {
        record.h = handbook;
        raw = JSON.stringify(record);
      }
      store.setItem(storeKey, raw);
      store.removeItem(oldKey);
    } catch (e) { /* storage blocked: nothing to carry */ }
  }

  /* --- storage ---------------------------------------------------------------------- */
  function stored() {
    try { return window.localStorage.getItem(storeKey); } catch (e) { return null; }
  }
  /* Take in what another tab stored meanwhile. */
  function catchUp() {
    var raw = stored(), theirs = raw === null ? null : L.readRecord(parse(raw), handbook).state;
    if (theirs) { L.merge(state, theirs); }
  }

  function load(notices) {
    var raw = stored();
    if (raw === null) { return L.fresh(); }
    var read = L.readRecord(parse(raw), handbook);
    if (read.state && !read.dropped) { return read.state; }
    // Damaged, foreign or a later format: replaced only once a copy is set aside.
    var kept = setAside(raw);
    notices.push(setAsideNotice(read, kept, raw));
    var loaded = read.state || L.fresh();
    if (kept) { write(loaded); }
    return loaded;
  }

  function setAside(raw) {
    var keys = [], name;
    try {
      for (var i = 0; i < window.localStorage.length; i++) { keys.push(window.localStorage.key(i)); }
      name = L.setAsideKey(storeKey, Date.now(), keys);
      window.localStorage.setItem(name, raw);
    } catch (e) { return false; }
    try {
      L.setAsideSurplus(storeKey, keys.concat([name])).forEach(function (k) { window.localStorage.removeItem(k); });
    } catch (e) { /* one copy too many is harmless */ }
    return true;
  }

  function setAsideNotice(read, kept, raw) {
    var problem = read.foreign ? "foreign" : read.state ? "cleaned" : "reset";
    if (kept) { return { text: say("storage_" + problem, { other: read.foreign }) }; }
    var what = { foreign: "record_foreign", cleaned: "record_invalid", reset: "record_unreadable" }[problem];
    var space = typeof ui.sentence_space === "string" ? ui.sentence_space : " "; // none in Chinese
    return { text: say(what, { other: read.foreign }) + space + say("set_aside_failed"), alert: true,
      copy: raw, label: say("raw_record"), multiline: true };
  }

  /* Write this tab's progress, with another tab's changes, not over them. */
  function save() {
    catchUp();
    return write(state);
  }
  function write(progress) {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(L.writeRecord(progress, handbook)));
    } catch (e) {
      unsaved(true);
      return false;
    }
    unsaved(false);
    return true;
  }

  /* A failed write says so at once, with the progress as a link to keep. */
  function unsaved(failed) {
    failing = failed;
    var box = document.querySelector(".hb-unsaved");
    if (!failed && !box) { return; }
    if (!box) {
      box = notice(document, { text: say("unsaved"), alert: true, copy: "", label: say("progress_link") });
      box.classList.add("hb-unsaved");
    }
    box.setAttribute("role", failed ? "alert" : "status");
    box.querySelector(".hb-notice-text").textContent = say(failed ? "unsaved" : "saved_again");
    box.querySelector(".hb-copy-row").hidden = !failed;
    if (failed) { box.querySelector(".hb-copy-field").value = progressLink(here.path); }
  }

  function progressLink(path) {
    return location.href.split("#")[0].split("?")[0] + "#progress=" + L.encode(L.linkPayload(state, handbook, path, { a: acks.pack() }));
  }

  /* Another tab saved: take its changes in; if the writes crossed, write back ours. */
  window.addEventListener("storage", function (event) {
    if (event.key !== storeKey || event.newValue === null || !state) { return; }
    var theirs = L.readRecord(parse(event.newValue), handbook).state;
    if (!theirs) { return; }
    if (L.merge(state, theirs)) { redraw(); }
    if (L.merge(theirs, state)) { write(state); }
  });
  function redraw() {
    shown = shown.filter(function (part) { return document.contains(part.node); });
    shown.forEach(function (part) { part.redraw(); });
  }

  /* A notice atop the page, once per text: {text, alert, copy, label, multiline, action}. */
  function notice(root, spec) {
    var host = root.querySelector(".md-content__inner") || root.body;
    if (!host || !spec.text) { return null; }
    var same = Array.prototype.filter.call(host.querySelectorAll(".hb-notice"), function (n) { return n.dataset.text === spec.text; });
    if (same.length) { return same[0]; }
    var box = document.createElement("div");
    box.className = "admonition hb-notice";
    box.dataset.text = spec.text;
    box.setAttribute("role", spec.alert ? "alert" : "status");
    box.appendChild(tag("p", "hb-notice-text", spec.text));
    if (spec.copy !== undefined) { box.appendChild(copyRow(spec)); }
    if (spec.action) {
      var button = tag("button", "md-button md-button--primary", spec.action.label);
      button.type = "button";
      button.addEventListener("click", spec.action.run);
      box.appendChild(button);
    }
    host.insertBefore(box, host.firstChild);
    return box;
  }
  function copyRow(spec) {
    var row = tag("p", "hb-copy-row", "");
    var label = tag("label", "", spec.label + " ");
    var field = document.createElement(spec.multiline ? "textarea" : "input");
    field.className = "hb-copy-field";
    field.readOnly = true;
    if (spec.multiline) { field.rows = 4; } else { field.size = 40; }
    field.value = spec.copy;
    label.appendChild(field);
    var button = tag("button", "md-button hb-copy", say("copy"));
    button.type = "button";
    button.addEventListener("click", function () { copy(field); });
    row.appendChild(label);
    row.appendChild(button);
    return row;
  }
  function tag(name, cls, text) {
    var node = document.createElement(name);
    if (cls) { node.className = cls; }
    node.textContent = text;
    return node;
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

  /* --- checklists and path items ---------------------------------------------------- */
  function lists(root, view) {
    root.querySelectorAll(".checklist, .timeline").forEach(function (list) {
      var items = Array.prototype.slice.call(list.querySelectorAll("[data-item]"));
      if (!items.length || !first(list)) { return; }
      var bar = tag("div", "hb-progress", "");
      var meter = document.createElement("progress");
      var text = document.createElement("span");
      text.setAttribute("role", "status");
      meter.max = items.length;
      meter.setAttribute("aria-label", ui.done ? say("done", { done: "", total: "" }).trim() : "progress");
      bar.appendChild(meter);
      bar.appendChild(text);
      if (!view) {
        var reset = tag("button", "md-button hb-reset", say("reset"));
        reset.type = "button";
        reset.addEventListener("click", function () {
          if (!window.confirm(say("reset_confirm"))) { return; }
          var now = Date.now();
          items.forEach(function (item) { L.setTick(state, item.dataset.item, 0, now); });
          save();
          redraw();
        });
        bar.appendChild(reset);
      }
      list.parentNode.insertBefore(bar, list);
      function refresh() {
        var done = 0, progress = view ? view.state : state;
        items.forEach(function (item) {
          var box = item.querySelector("input[type=checkbox]");
          var saved = L.tickOf(progress, item.dataset.item);
          var changed = typeof saved === "string" && item.dataset.fp && saved !== item.dataset.fp;
          var ticked = !!saved && !changed;
          if (box) { box.checked = ticked; box.disabled = !!view; }
          item.classList.toggle("is-done", ticked);
          item.classList.toggle("is-changed", !!changed);
          var flag = item.querySelector(".task-changed");
          if (changed && !flag) { (item.querySelector(".task-meta") || item).appendChild(tag("span", "task-changed", " · " + say("changed"))); }
          if (!changed && flag) { flag.remove(); }
          if (ticked) { done += 1; }
        });
        meter.value = done;
        text.textContent = say("done", { done: done, total: items.length });
        dates(list, progress);
      }
      items.forEach(function (item) {
        var box = item.querySelector("input[type=checkbox]");
        if (!box || view) { return; }
        box.addEventListener("change", function () {
          L.setTick(state, item.dataset.item, box.checked ? item.dataset.fp || 1 : 0, Date.now());
          save();
          redraw();
        });
      });
      shown.push({ node: list, redraw: refresh });
      refresh();
    });
  }

  /* On a path page with a known start date: each item's due date, and overdue ones. */
  function dates(list, progress) {
    var plan = list.dataset.path && L.planOf(progress, list.dataset.path);
    var today = L.dayOf(new Date());
    list.querySelectorAll("[data-item]").forEach(function (item) {
      var old = item.querySelector(".task-due, .task-quiz");
      while (old) { old.remove(); old = item.querySelector(".task-due, .task-quiz"); }
      var meta = item.querySelector(".task-meta") || item;
      var quiz = item.dataset.quiz && progress.quizzes[item.dataset.quiz];
      if (quiz) {
        meta.appendChild(tag("span", "task-quiz", " · " + say("best", { best: quiz.best, result: say(quiz.passed ? "passed" : "failed") })));
      }
      item.classList.remove("is-overdue");
      if (!plan) { return; }
      var due = L.dueDate(plan.start, Number(item.dataset.day) || 1);
      var late = !item.classList.contains("is-done") && due < today;
      item.classList.toggle("is-overdue", late);
      meta.appendChild(tag("span", "task-due", " · " + say("due", { date: showDate(due) }) + (late ? " · " + say("overdue") : "")));
    });
  }
  function showDate(iso) {
    try {
      // The page's language (a BCP 47 tag), as the exported plan writes the same dates.
      return new Intl.DateTimeFormat(info.lang || "en",
        { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }

  /* --- progress links, the path page and the mentor's assignment link ---------------- */
  /* A progress link's ticks, taken into this browser: they are the newest change. */
  function importView(view) {
    L.merge(state, view.state);
    save();
    location.replace(location.href.split("#")[0]);
  }

  function pathPlan(root, view) {
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
      start.value = (L.planOf(view.state, path) || {}).start || "";
      start.disabled = true;
      share.hidden = true;
      importer.hidden = false;
      importer.addEventListener("click", function () { importView(view); });
      return;
    }
    var plan = L.planOf(state, path);
    who.textContent = plan && plan.name ? say("plan_for", { name: plan.name, start: showDate(plan.start) }) : "";
    start.value = plan ? plan.start : "";
    years(start);
    start.addEventListener("change", function () {
      // A date outside min..max is left for the field to show as invalid, not saved.
      if (start.value !== "" && !L.validDate(start.value)) { return; }
      state.plans[path] = { name: plan ? plan.name : "", start: start.value, t: Date.now() };
      save();
      location.reload();
    });
    share.addEventListener("click", function () {
      var field = box.querySelector(".path-share-link");
      field.value = progressLink(path);
      box.querySelector(".path-share-box").hidden = false;
      copy(field);
    });
  }

  /* An assignment link (?name=…&start=…) becomes this browser's plan for the path. */
  function takeAssignment(root, notices) {
    var box = root.querySelector(".path-plan");
    var params = new URLSearchParams(location.search);
    if (!box || !(params.has("start") || params.has("name"))) { return; }
    var start = params.get("start"), checked = L.checkDate(start);
    if (checked === "ok") {
      state.plans[box.dataset.path] = { name: L.cleanName(params.get("name")), start: start, t: Date.now() };
      save();
    } else {
      notices.push({ text: checked === "range" ? say("bad_date", { date: start }) : say("bad_assignment") });
    }
    history.replaceState(history.state, "", location.pathname + location.hash);
  }

  function years(input) {
    input.min = L.YEARS[0] + "-01-01";
    input.max = L.YEARS[1] + "-12-31";
  }

  function assignForm(root) {
    var form = root.querySelector("form.path-assign");
    if (!first(form)) { return; }
    var status = form.querySelector(".path-assign-status");
    var result = form.querySelector(".path-assign-result");
    years(form.elements.start);
    form.noValidate = true; // our message, in the handbook's language, not the browser's
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = L.cleanName(form.elements.name.value), start = form.elements.start.value;
      var checked = L.checkDate(start);
      if (!name || checked !== "ok") { status.textContent = say(name && checked === "range" ? "start_range" : "missing"); return; }
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

  /* --- quizzes ---------------------------------------------------------------------- */
  function quizzes(root) {
    root.querySelectorAll(".quiz[data-quiz]").forEach(function (quiz) { if (first(quiz)) { setUpQuiz(quiz); } });
  }

  function answerOf(q) {
    if (q.dataset.type === "numeric") {
      var input = q.querySelector("input[type=number]");
      return input.value.trim() === "" ? null : Number(input.value);
    }
    var chosen = Array.prototype.map.call(q.querySelectorAll("input:checked"), function (i) { return i.value; });
    return chosen.length ? chosen.sort().join(",") : null;
  }

  function setUpQuiz(quiz) {
    var id = quiz.dataset.quiz, pass = Number(quiz.dataset.pass);
    var questions = Array.prototype.slice.call(quiz.querySelectorAll(".quiz-question"));
    var fp = L.quizPrint(questions.map(function (q) { return q.dataset.fp || ""; }));
    var exam = quiz.querySelector(".quiz-exam");
    var summary = quiz.querySelector(".quiz-summary");
    var score = quiz.querySelector(".quiz-score");
    quiz.querySelector(".quiz-mode").hidden = false;
    summary.hidden = false;

    function mark(q, reveal) {
      var answer = answerOf(q), feedback = q.querySelector(".quiz-feedback");
      if (answer === null) { feedback.textContent = say("unanswered"); q.dataset.result = ""; return; }
      var right = L.isRight(q.dataset, answer);
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
      var result = L.attempt(state.quizzes[id], fp, right, questions.length, pass, Date.now());
      state.quizzes[id] = result.record;
      save();
      score.textContent = say("score", { score: result.percent, total: questions.length, pass: pass, result: say(result.passed ? "passed" : "failed") }) +
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
    if (state) { catchUp(); } else { state = load(notices); }
    var view = null;
    if (/^#progress=/.test(location.hash)) {
      var link = L.readLink(location.hash, handbook, Date.now());
      if (link.error === "damaged" && former) { // a link sent before the handbook had an id
        var earlier = L.readLink(location.hash, former, Date.now());
        if (!earlier.error) { link = earlier; }
      }
      if (link.error) {
        notices.push({ text: link.error === "date" ? say("bad_date", { date: link.date }) : say("bad_link") });
      } else { view = link; view.acks = acks.unpack(view.extra.a); }
    }
    var plan = root.querySelector(".path-plan");
    here.path = plan ? plan.dataset.path : "";
    if (view && !plan) {
      // Only the path page has an import button of its own.
      notices.push({ text: say("viewing", { name: view.name || "—" }), action: { label: say("import"), run: function () { importView(view); } } });
    }
    takeAssignment(root, notices);
    pathPlan(root, view);
    acks.show(root, view);
    lists(root, view);
    quizzes(root);
    assignForm(root);
    notices.forEach(function (spec) { notice(root, spec); });
    if (failing) { unsaved(true); }
  });
}());
