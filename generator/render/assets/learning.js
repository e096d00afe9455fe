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
  function isPercent(n) { return typeof n === "number" && n >= 0 && n <= 100; }
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
      // score: the first complete attempt's; records before it was kept held a best score.
      var score = isObject(q) ? (q.score === undefined ? q.best : q.score) : null;
      if (!isPercent(score) || !(q.practice === undefined || isPercent(q.practice))) { return false; }
      state.quizzes[k] = { score: score, passed: q.passed === true, fp: typeof q.fp === "string" && FP.test(q.fp) ? q.fp : "", t: isTime(q.t) ? q.t : 0 };
      if (q.practice !== undefined) { state.quizzes[k].practice = q.practice; }
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
      if (a && a.fp === b.fp) { next = firstOf(a, b); } else if (a && a.t >= b.t) { next = a; }
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

  /* Two records of the same questions: the earlier first attempt stands; the later practice shows. */
  function firstOf(a, b) {
    var first = b.t < a.t ? b : a, later = first === a ? b : a, next = {};
    Object.keys(first).forEach(function (k) { next[k] = first[k]; });
    if (later.practice !== undefined) { next.practice = later.practice; }
    return next;
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
    var plan = state.plans[path] || {}, quizzes = {}, payload = {};
    Object.keys(more || {}).forEach(function (k) { payload[k] = more[k]; });
    Object.keys(state.quizzes).forEach(function (k) {
      var q = state.quizzes[k];
      quizzes[k] = [q.score, q.passed ? 1 : 0, q.fp];
    });
    var ticked = Object.keys(state.items).filter(function (k) { return state.items[k].on; });
    payload.v = LINK;
    payload.h = handbook;
    payload.p = path || "";
    payload.n = plan.name || "";
    payload.s = plan.start || "";
    payload.i = ticked.map(function (k) { return state.items[k].on === 1 ? k : k + "@" + state.items[k].on; });
    payload.q = quizzes;
    payload.u = lastChange(state);
    return payload;
  }
  /* When the progress last changed (0: never): a mentor's "last update". */
  function lastChange(state) {
    var t = 0;
    ["items", "quizzes", "plans"].forEach(function (part) {
      Object.keys(state[part]).forEach(function (k) { t = Math.max(t, state[part][k].t || 0); });
    });
    return t;
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
      if (Array.isArray(q)) { raw.quizzes[k] = { score: q[0], passed: q[1] === 1, fp: q[2], t: now }; }
    });
    if (o.s && o.p) { raw.plans[o.p] = { name: o.n, start: o.s, t: now }; }
    var read = readRecord(raw, handbook);
    if (!read.state || read.dropped) { return { error: "damaged" }; }
    var extra = {};
    Object.keys(o).forEach(function (k) { if (["v", "h", "p", "n", "s", "i", "q", "u"].indexOf(k) < 0) { extra[k] = o[k]; } });
    return { state: read.state, path: o.p, name: cleanName(o.n), updated: isTime(o.u) ? o.u : 0, extra: extra };
  }

  /* --- dates ---------------------------------------------------------------------- */
  /* Path day ``day`` of a hire starting on ``start`` (day 1). With ``working`` (ISO weekdays,
     1 = Monday) only working days that are not ``holidays`` count: the rule of
     generator/model/schedule.py date_of, checked against it by tests/js/learning.test.mjs. */
  function dueDate(start, day, working, holidays) {
    var d = new Date(start + "T00:00:00Z");
    if (!working || !working.length) {
      d.setUTCDate(d.getUTCDate() + day - 1);
      return d.toISOString().slice(0, 10);
    }
    var left = Math.max(day, 1), iso = start;
    for (var guard = 0; guard < 40000; guard++) {
      iso = d.toISOString().slice(0, 10);
      if (working.indexOf(d.getUTCDay() || 7) >= 0 && (holidays || []).indexOf(iso) < 0 && --left === 0) { return iso; }
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return iso;
  }
  /* The local calendar day of ``now`` as YYYY-MM-DD. */
  function dayOf(now) {
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
  }

  /* --- quizzes -------------------------------------------------------------------- */
  /* SHA-256 of a text's UTF-8, as hex: plain JavaScript, so grading is synchronous and the
   * same on file:// pages, where crypto.subtle is missing (it needs a secure context). */
  var K = [];
  (function () {
    function frac(x) { return (x - Math.floor(x)) * 4294967296 >>> 0; }
    for (var n = 2, found = 0; found < 64; n++) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) { if (n % d === 0) { prime = false; break; } }
      if (prime) { K.push(frac(Math.cbrt(n))); found++; }
    }
  }());
  function sha256Bytes(text) {
    var bytes = Array.prototype.slice.call(new TextEncoder().encode(text)), bits = bytes.length * 8;
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) { bytes.push(0); }
    for (var s = 56; s >= 0; s -= 8) { bytes.push(s >= 32 ? Math.floor(bits / Math.pow(2, s)) & 255 : (bits >>> s) & 255); }
    function rot(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var at = 0; at < bytes.length; at += 64) {
      var w = [], v = h.slice(), i;
      for (i = 0; i < 64; i++) {
        if (i < 16) {
          w[i] = (bytes[at + 4 * i] << 24) | (bytes[at + 4 * i + 1] << 16) | (bytes[at + 4 * i + 2] << 8) | bytes[at + 4 * i + 3];
        } else {
          var s0 = rot(w[i - 15], 7) ^ rot(w[i - 15], 18) ^ (w[i - 15] >>> 3);
          var s1 = rot(w[i - 2], 17) ^ rot(w[i - 2], 19) ^ (w[i - 2] >>> 10);
          w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
        }
        var t1 = (v[7] + (rot(v[4], 6) ^ rot(v[4], 11) ^ rot(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[i] + w[i]) | 0;
        var t2 = ((rot(v[0], 2) ^ rot(v[0], 13) ^ rot(v[0], 22)) + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]))) | 0;
        v = [(t1 + t2) | 0, v[0], v[1], v[2], (v[3] + t1) | 0, v[4], v[5], v[6]];
      }
      for (i = 0; i < 8; i++) { h[i] = (h[i] + v[i]) | 0; }
    }
    var out = [];
    h.forEach(function (x) { out.push((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255); });
    return out;
  }
  function hex(bytes) { return bytes.map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""); }
  function sha256(text) { return hex(sha256Bytes(text)); }

  /* key: a question's data set: type, question (id), salt and key (see generator/render/answer_keys.py). */
  function choiceKey(key, answer) { return sha256(key.salt + "|" + key.question + "|" + answer); }
  /* A numeric key as {value, tolerance}, or null if it does not decode. */
  function numericKey(key) {
    var stream = sha256Bytes(key.salt + "|" + key.question + "|number"), text = "";
    var pairs = String(key.key).match(/../g) || [];
    pairs.forEach(function (pair, i) { text += String.fromCharCode(parseInt(pair, 16) ^ stream[i % stream.length]); });
    var m = /^(-?[0-9.e+-]+);([0-9.e+-]+)$/.exec(text);
    return m ? { value: Number(m[1]), tolerance: Number(m[2]) } : null;
  }
  function isRight(key, answer) {
    if (answer === null) { return false; }
    if (key.type === "numeric") {
      var n = numericKey(key);
      return !!n && Math.abs(answer - n.value) <= n.tolerance + 1e-9;
    }
    return choiceKey(key, answer) === key.key;
  }
  /* The right answer, for practice mode to show after a check: the option ids whose
   * set matches the key (a few options are quickly tried), or the numeric value. */
  function rightAnswer(key, options) {
    if (key.type === "numeric") { var n = numericKey(key); return n ? [String(n.value)] : []; }
    var many = key.type === "multiple";
    for (var mask = 1; mask < (1 << options.length); mask++) {
      var chosen = options.filter(function (o, i) { return mask & (1 << i); });
      if ((many || chosen.length === 1) && choiceKey(key, chosen.slice().sort().join(",")) === key.key) { return chosen; }
    }
    return [];
  }
  /* A quiz's fingerprint: its questions' fingerprints, folded into one short hex string. */
  function quizPrint(prints) {
    var text = prints.join(","), h = 2166136261;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0; }
    return h.toString(16);
  }
  /* A complete attempt: the first of these questions is the record; a later one is practice,
   * shown beside the record and never replacing it (a changed quiz starts again). */
  function attempt(record, fp, right, total, pass, now) {
    var percent = Math.round(right * 100 / total), passed = percent >= pass;
    if (record && record.fp === fp) {
      var kept = {};
      Object.keys(record).forEach(function (k) { kept[k] = record[k]; });
      kept.practice = percent;
      return { percent: percent, passed: passed, practice: true, record: kept };
    }
    return { percent: percent, passed: passed, practice: false, record: { score: percent, passed: passed, fp: fp, t: now } };
  }

  return {
    YEARS: YEARS, SET_ASIDE: SET_ASIDE, MAX_SET_ASIDE: MAX_SET_ASIDE,
    fresh: fresh, cleanName: cleanName, checkDate: checkDate, validDate: validDate,
    readRecord: readRecord, writeRecord: writeRecord, planOf: planOf, tickOf: tickOf, setTick: setTick, merge: merge,
    setAsideKey: setAsideKey, setAsideSurplus: setAsideSurplus,
    encode: encode, decode: decode, linkPayload: linkPayload, readLink: readLink, lastChange: lastChange,
    dueDate: dueDate, dayOf: dayOf, sha256: sha256, isRight: isRight, rightAnswer: rightAnswer,
    quizPrint: quizPrint, attempt: attempt
  };
}));

/* --- the page ------------------------------------------------------------------------ */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.Handbook || !window.HandbookLearning) { return; }
  var H = window.Handbook, L = window.HandbookLearning;

  var info = window.HandbookData || {};
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
  function stored(key) {
    try { return window.localStorage.getItem(key || storeKey); } catch (e) { return null; }
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
    return location.href.split("#")[0].split("?")[0] + "#progress=" + L.encode(L.linkPayload(state, handbook, path, { a: acks.pack(), r: H.practice ? H.practice.pack() : [] }));
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

  /* A notice atop the page, once per text: {text, alert, copy, label, multiline, action, second}. */
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
    [spec.action, spec.second].forEach(function (action, n) {
      if (!action) { return; }
      var button = tag("button", n ? "md-button" : "md-button md-button--primary", action.label);
      button.type = "button";
      button.addEventListener("click", action.run);
      box.appendChild(document.createTextNode(" "));
      box.appendChild(button);
    });
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
          if (box.checked) { completed(item); }
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
        var line = say("recorded", { score: quiz.score, result: say(quiz.passed ? "passed" : "failed") });
        if (quiz.practice !== undefined) { line += " " + say("practice", { score: quiz.practice }); }
        meta.appendChild(tag("span", "task-quiz", " · " + line));
      }
      item.classList.remove("is-overdue");
      if (!plan) { return; }
      var due = L.dueDate(plan.start, Number(item.dataset.day) || 1,
        (list.dataset.working || "").split(",").filter(Boolean).map(Number), (list.dataset.holidays || "").split(" "));
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
    var name = box.querySelector(".path-name");
    var start = box.querySelector(".path-start");
    var share = box.querySelector(".path-share");
    box.hidden = false;
    if (view) { viewerActions(box, view); return; }
    var plan = state.plans[path] || { name: "", start: "" };
    who.textContent = plan.name && plan.start ? say("plan_for", { name: plan.name, start: showDate(plan.start) }) : "";
    name.value = plan.name || "";
    start.value = plan.start || "";
    years(start);
    function keep() {
      state.plans[path] = { name: L.cleanName(name.value), start: start.value, t: Date.now() };
      save();
    }
    // A hire who starts alone names themselves: the mentor's table and the LRS show it.
    name.addEventListener("change", keep);
    start.addEventListener("change", function () {
      // A date outside min..max is left for the field to show as invalid, not saved.
      if (start.value !== "" && !L.validDate(start.value)) { return; }
      keep();
      location.reload();
    });
    share.addEventListener("click", function () {
      var field = box.querySelector(".path-share-link");
      field.value = progressLink(path);
      box.querySelector(".path-share-box").hidden = false;
      copy(field);
      box.querySelector(".path-share-status").textContent = say("copied");
    });
  }

  /* A mentor reading a hire's link: adding it to "My hires" is the main action; importing
   * (merging the ticks into this browser's own progress) is the hire's, for a second device. */
  function viewerActions(box, view) {
    box.querySelector(".path-plan-who").textContent = say("viewing", { name: view.name || "—" });
    var name = box.querySelector(".path-name"), start = box.querySelector(".path-start");
    name.value = view.name;
    name.disabled = true;
    start.value = (L.planOf(view.state, box.dataset.path) || {}).start || "";
    start.disabled = true;
    box.querySelector(".path-share").hidden = true;
    box.querySelector(".path-viewer").hidden = false;
    box.querySelector(".path-hires").addEventListener("click", function () {
      var status = box.querySelector(".path-hires-status");
      status.textContent = H.hires && H.hires.add(location.hash) ? say("hire_added") : say("unsaved");
    });
    box.querySelector(".path-import").addEventListener("click", function () { importView(view); });
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
    var submit = quiz.querySelector(".quiz-submit");
    var score = quiz.querySelector(".quiz-score");
    quiz.querySelector(".quiz-mode").hidden = false;
    quiz.querySelector(".quiz-summary").hidden = false;

    /* Practice mode tells right or wrong, then shows the right answer and the explanation;
     * exam mode only counts. */
    function mark(q, reveal) {
      var answer = answerOf(q), feedback = q.querySelector(".quiz-feedback");
      if (answer === null && reveal) { feedback.textContent = say("unanswered"); q.dataset.result = ""; return; }
      var right = L.isRight(q.dataset, answer);
      q.dataset.result = right ? "correct" : "incorrect";
      // The attempt counts each question's first check: seeing the answer and checking again is practice.
      if (!q.dataset.first) { q.dataset.first = q.dataset.result; draft.keep(); }
      if (!reveal) { return; }
      feedback.textContent = say(right ? "correct" : "incorrect");
      showKey(q);
      var details = q.querySelector(".quiz-answer");
      details.hidden = false;
      details.open = true;
    }
    var graded = false;
    /* A first attempt under way survives a reload: the answers it revealed cannot be
     * taken into a fresh first attempt. Kept beside the record, never inside it. */
    var draft = {
      key: storeKey + ":attempt:" + id,
      keep: function () {
        if (state.quizzes[id] && state.quizzes[id].fp === fp) { return; }
        var first = {};
        questions.forEach(function (q) { if (q.dataset.first) { first[q.dataset.question] = q.dataset.first; } });
        try { window.localStorage.setItem(draft.key, JSON.stringify({ fp: fp, first: first })); } catch (e) { /* kept in the page */ }
      },
      restore: function () {
        var saved = parse(stored(draft.key));
        if (!saved || saved.fp !== fp || !saved.first || (state.quizzes[id] && state.quizzes[id].fp === fp)) { return; }
        questions.forEach(function (q) {
          var was = saved.first[q.dataset.question];
          if (was === "correct" || was === "incorrect") { q.dataset.first = was; }
        });
      },
      clear: function () { try { window.localStorage.removeItem(draft.key); } catch (e) { /* nothing to clear */ } }
    };
    function total() {
      graded = true;
      draft.clear();
      var right = questions.filter(function (q) { return q.dataset.first === "correct"; }).length;
      var result = L.attempt(state.quizzes[id], fp, right, questions.length, pass, Date.now());
      state.quizzes[id] = result.record;
      if (result.passed) { tickPathItems(quiz); }
      save();
      var line = say(result.practice ? "practice_score" : "score",
        { score: result.percent, total: questions.length, pass: pass, result: say(result.passed ? "passed" : "failed") });
      score.textContent = line + " " + recordLine();
      recorded(id, result);
    }
    function recordLine() {
      var record = state.quizzes[id];
      if (!record) { return ""; }
      return say("recorded", { score: record.score, result: say(record.passed ? "passed" : "failed") }) +
        (record.fp && record.fp !== fp ? " " + say("quiz_changed") : "");
    }
    function allMarked() { return questions.every(function (q) { return q.dataset.first; }); }
    function lock(locked) {
      quiz.classList.toggle("is-locked", locked);
      questions.forEach(function (q) { q.querySelectorAll("input").forEach(function (i) { i.disabled = locked; }); });
      submit.hidden = locked || !exam.checked;
      exam.disabled = locked;
    }
    function reset() {
      graded = false;
      // Until the first attempt is complete, each question's first answer stays its answer.
      var open = !(state.quizzes[id] && state.quizzes[id].fp === fp);
      questions.forEach(function (q) {
        q.dataset.result = "";
        if (!open) { q.dataset.first = ""; }
        q.querySelectorAll("input").forEach(function (i) { i.checked = false; if (i.type === "number") { i.value = ""; } });
        q.querySelectorAll(".is-key").forEach(function (o) { o.classList.remove("is-key"); });
        q.querySelector(".quiz-feedback").textContent = "";
        q.querySelector(".quiz-answer").hidden = true;
        q.querySelector(".quiz-key").hidden = true;
        shuffle(q);
      });
      lock(false);
      questions.forEach(function (q) { q.querySelector(".quiz-actions").hidden = exam.checked; });
      score.textContent = recordLine();
    }

    questions.forEach(function (q) {
      q.querySelector(".quiz-check").addEventListener("click", function () {
        mark(q, true);
        if (!graded && allMarked()) { total(); }
      });
    });
    submit.addEventListener("click", function () {
      questions.forEach(function (q) { mark(q, false); });
      total();
      lock(true);
    });
    quiz.querySelector(".quiz-retake").addEventListener("click", reset);
    exam.addEventListener("change", reset);
    reset();
    draft.restore();
  }

  /* The right answer under a checked question: its options marked, a number written out. */
  function showKey(q) {
    var inputs = Array.prototype.slice.call(q.querySelectorAll(".quiz-option input"));
    var right = L.rightAnswer(q.dataset, inputs.map(function (i) { return i.value; }));
    var texts = [];
    inputs.forEach(function (i) {
      var on = right.indexOf(i.value) >= 0;
      i.closest(".quiz-option").classList.toggle("is-key", on);
      if (on && q.dataset.type !== "numeric") { texts.push(i.closest(".quiz-option").textContent.trim()); }
    });
    var key = q.querySelector(".quiz-key");
    key.querySelector(".quiz-key-text").textContent = q.dataset.type === "numeric" ? right.join("") : texts.join("; ");
    key.hidden = !right.length;
  }

  /* A passed quiz ticks the onboarding items that point at it (unless ticked already): on
   * the hire's own paths (those with a plan), or on every path for a hire with none. */
  function tickPathItems(quiz) {
    var now = Date.now(), mine = Object.keys(state.plans);
    (quiz.dataset.items || "").split(" ").filter(Boolean).forEach(function (entry) {
      var at = entry.lastIndexOf("@"), key = entry.slice(0, at), path = key.slice(5, key.indexOf("/"));
      if (mine.length && mine.indexOf(path) < 0) { return; }
      if (!L.tickOf(state, key)) {
        L.setTick(state, key, entry.slice(at + 1) || 1, now);
        if (H.lrs) { H.lrs.item(key, key); }
      }
    });
  }

  /* The xAPI hook: what a quiz attempt tells the learning record store, when there is one. */
  function recorded(id, result) {
    var title = document.querySelector("h1");
    if (H.lrs) { H.lrs.quiz(id, title ? title.textContent.trim() : id, result); }
  }
  function completed(item) {
    // The box is named by the item's text (aria-labelledby): the statement names it the same way.
    var box = item.querySelector("input[type=checkbox]");
    var text = box && document.getElementById(box.getAttribute("aria-labelledby") || "");
    if (H.lrs) { H.lrs.item(item.dataset.item, (text && text.textContent.trim()) || item.dataset.item); }
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
    H.progress = { state: function () { return state; }, path: function () { return here.path; } };
    if (view && !plan) {
      // Only the path page has an import button of its own.
      // A mentor adds the link to My hires; the hire imports their own link on a second device.
      notices.push({ text: say("viewing", { name: view.name || "—" }), action: { label: say("hire_add"), run: function () {
        notice(root, { text: H.hires && H.hires.add(location.hash) ? say("hire_added") : say("unsaved") });
      } }, second: { label: say("import"), run: function () { importView(view); } } });
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
