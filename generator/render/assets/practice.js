/* Practice in the browser, without a server: script drills scored on a rubric, and spaced
 * review of drills and quiz questions (FSRS, from the vendored ts-fsrs).
 *
 * The practice record lives in localStorage under the handbook's id (never a URL: /latest/
 * and /1.2/ are the same handbook, and both languages share it), beside learning.js's
 * record. Cards are keyed "drill:<script id>" or "question:<question id>" and remember the
 * fingerprint of the content they were scored on: a card whose content changed in a new
 * version starts again. Anything read from storage or a link is checked before use; text
 * reaches the page through textContent only.
 *
 * The first part holds the rules, without the DOM (window.HandbookPractice; Node's tests
 * import this same file). The second wires them up on every page view; role.js shows the
 * home page's view for the reader's role. */
(function (root, build) {
  "use strict";
  var rules = build();
  if (typeof module === "object" && module.exports) { module.exports = rules; } else { root.HandbookPractice = rules; }
}(this, function () {
  "use strict";
  var RECORD = 1;
  var CARD = /^(drill|question):[A-Za-z0-9._-]{1,200}$/;
  var FP = /^[0-9a-f]{1,16}$/;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  var ROLE = /^[A-Za-z0-9._-]{0,200}$/;
  var MAX_CARDS = 20000;
  // Whole days between reviews: a rep practises once a day, not every ten minutes.
  var PARAMETERS = { enable_fuzz: false, enable_short_term: false, learning_steps: [], relearning_steps: [] };
  var STATE_FIELDS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "reps", "lapses", "state"];

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isCount(v) { return typeof v === "number" && isFinite(v) && v >= 0; }
  function fresh() { return { cards: {}, role: "", chosen: false }; }
  function cleanText(s) { return typeof s === "string" ? s.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 200) : ""; }

  /* One stored card, checked: {fp, due, last, card fields…, score, on, title} or null. */
  function readCard(raw) {
    if (!isObject(raw) || !FP.test(raw.fp) || !isCount(raw.due) || !isCount(raw.last)) { return null; }
    var card = { fp: raw.fp, due: raw.due, last: raw.last };
    for (var i = 0; i < STATE_FIELDS.length; i++) {
      if (!isCount(raw[STATE_FIELDS[i]])) { return null; }
      card[STATE_FIELDS[i]] = raw[STATE_FIELDS[i]];
    }
    card.score = typeof raw.score === "number" && raw.score >= 1 && raw.score <= 5 ? raw.score : null;
    card.on = typeof raw.on === "string" && DAY.test(raw.on) ? raw.on : "";
    card.title = cleanText(raw.title);
    return card;
  }

  /* The stored record, checked: {state, dropped} (state fresh when unreadable). */
  function readRecord(raw) {
    var state = fresh(), dropped = 0;
    if (!isObject(raw) || raw.v !== RECORD) { return { state: state, dropped: raw === null || raw === undefined ? 0 : 1 }; }
    var cards = isObject(raw.cards) ? raw.cards : {};
    Object.keys(cards).slice(0, MAX_CARDS).forEach(function (id) {
      var card = CARD.test(id) ? readCard(cards[id]) : null;
      if (card) { state.cards[id] = card; } else { dropped += 1; }
    });
    state.role = typeof raw.role === "string" && ROLE.test(raw.role) ? raw.role : "";
    state.chosen = raw.chosen === true;
    return { state: state, dropped: dropped };
  }
  function writeRecord(state) { return { v: RECORD, cards: state.cards, role: state.role, chosen: state.chosen }; }

  /* The local calendar day of a time (ms) as YYYY-MM-DD. */
  function dayOf(time) {
    var d = new Date(time);
    return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
  }

  /* A rubric's scores (1-5 each) as an FSRS rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  function average(scores) {
    var sum = scores.reduce(function (a, b) { return a + b; }, 0);
    return Math.round(sum * 10 / scores.length) / 10;
  }
  function rating(score) {
    if (score < 2) { return 1; }
    if (score < 3) { return 2; }
    return score < 4.5 ? 3 : 4;
  }

  function scheduler(FSRS) { return FSRS.fsrs(FSRS.generatorParameters(PARAMETERS)); }

  /* The card after a review rated ``grade`` at ``now`` (ms). A card scored on other content
   * (another fingerprint) starts again as a new one. ``extra``: {score, title}. */
  function review(FSRS, old, fp, grade, now, extra) {
    var at = new Date(now), card;
    if (old && old.fp === fp) {
      card = { due: new Date(old.due), last_review: new Date(old.last), learning_steps: 0 };
      STATE_FIELDS.forEach(function (k) { card[k] = old[k]; });
    } else {
      card = FSRS.createEmptyCard(at);
    }
    var next = scheduler(FSRS).next(card, at, grade).card;
    var out = { fp: fp, due: next.due.getTime(), last: now };
    STATE_FIELDS.forEach(function (k) { out[k] = next[k]; });
    extra = extra || {};
    out.score = typeof extra.score === "number" ? extra.score : null;
    out.on = dayOf(now);
    out.title = cleanText(extra.title);
    return out;
  }

  /* Is the card due on ``today``? A card whose content changed is due at once. */
  function isDue(card, fp, today) {
    if (!card) { return false; }
    return (fp && card.fp !== fp) || dayOf(card.due) <= today;
  }
  /* Cards due today; ``present`` (id -> fingerprint), where known, limits them to the
   * handbook's current items and catches changed ones. */
  function dueCards(state, today, present) {
    return Object.keys(state.cards).filter(function (id) {
      if (present && !(id in present)) { return false; }
      return isDue(state.cards[id], present ? present[id] : "", today);
    }).sort();
  }
  function nextDay(state) {
    var days = Object.keys(state.cards).map(function (id) { return dayOf(state.cards[id].due); }).sort();
    return days.length ? days[0] : "";
  }

  /* Keep the newer review of each card: two tabs, or a progress link, meeting this record. */
  function merge(mine, theirs) {
    var changed = false;
    Object.keys(theirs.cards).forEach(function (id) {
      var a = mine.cards[id], b = theirs.cards[id];
      if (!a || b.last > a.last) { mine.cards[id] = b; changed = true; }
    });
    return changed;
  }

  /* Drill results for progress links: "id@fp@score@day@due-day@title" (the mentor's view). */
  function pack(state) {
    return Object.keys(state.cards).filter(function (id) { return id.indexOf("drill:") === 0 && state.cards[id].score; })
      .sort().map(function (id) {
        var c = state.cards[id];
        return [id.slice(6), c.fp, c.score, c.on, dayOf(c.due), c.title.replace(/@/g, " ")].join("@");
      });
  }
  function unpack(list) {
    var out = [];
    if (!Array.isArray(list) || list.length > 2000) { return out; }
    list.forEach(function (s) {
      var p = typeof s === "string" ? s.split("@") : [];
      var score = Number(p[2]);
      if (p.length === 6 && CARD.test("drill:" + p[0]) && FP.test(p[1]) && score >= 1 && score <= 5 && DAY.test(p[3]) && DAY.test(p[4])) {
        out.push({ id: p[0], fp: p[1], score: score, on: p[3], due: p[4], title: cleanText(p[5]) || p[0] });
      }
    });
    return out;
  }

  /* The role a reader gets from their newest onboarding plan (an assignment link made it). */
  function roleFromPlans(plans, pathsByRole) {
    var newest = "", time = -1;
    Object.keys(plans || {}).forEach(function (path) {
      var plan = plans[path];
      if (plan && plan.start && plan.t > time) { newest = path; time = plan.t; }
    });
    var found = "";
    Object.keys(pathsByRole).forEach(function (role) { if (!found && pathsByRole[role].indexOf(newest) >= 0) { found = role; } });
    return newest ? found : "";
  }

  function pick(list, random) { return list.length ? list[Math.floor(random * list.length) % list.length] : null; }

  return {
    PARAMETERS: PARAMETERS, fresh: fresh, readRecord: readRecord, writeRecord: writeRecord, dayOf: dayOf,
    average: average, rating: rating, review: review, isDue: isDue, dueCards: dueCards, nextDay: nextDay,
    merge: merge, pack: pack, unpack: unpack, roleFromPlans: roleFromPlans, pick: pick
  };
}));

/* --- the page ------------------------------------------------------------------------ */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.Handbook || !window.HandbookPractice || !window.FSRS) { return; }
  var H = window.Handbook, P = window.HandbookPractice, FSRS = window.FSRS;

  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }
  var info = window.HandbookData || {};
  var words = info.practice || {};
  var handbook = info.id || "handbook";
  var storeKey = "sales-handbook:" + handbook + ":practice";
  function say(key, values) { return H.fill(words[key] || key, values || {}); }
  function today() { return P.dayOf(Date.now()); }
  function showDate(iso) {
    try {
      return new Intl.DateTimeFormat(info.lang === "zh" ? "zh-CN" : "en-GB",
        { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) { return iso; }
  }
  function first(el) {
    if (!el || el.dataset.hbPractice) { return false; }
    el.dataset.hbPractice = "1";
    return true;
  }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* --- storage: read fresh before each change, so other tabs' reviews are kept --------- */
  function load() {
    try { return P.readRecord(parse(window.localStorage.getItem(storeKey))).state; } catch (e) { return P.fresh(); }
  }
  function change(update) {
    var state = load();
    update(state);
    try { window.localStorage.setItem(storeKey, JSON.stringify(P.writeRecord(state))); } catch (e) { /* full or blocked: learning.js says so */ }
    return state;
  }
  /* Progress links carry drill results (learning.js asks for them); role.js keeps the
   * reader's role in the same record. */
  H.practice = { pack: function () { return P.pack(load()); }, load: load, change: change };

  function record(id, fp, grade, extra) {
    var card;
    change(function (state) {
      card = P.review(FSRS, state.cards[id], fp, grade, Date.now(), extra);
      state.cards[id] = card;
    });
    refreshDue(document);
    return card;
  }

  /* --- drills -------------------------------------------------------------------------- */
  function setUpDrill(drill, done) {
    if (!first(drill)) { return; }
    var id = "drill:" + drill.dataset.drill, fp = drill.dataset.fp;
    var status = drill.querySelector(".drill-status");
    ["drill-work", "drill-timer", "drill-actions"].forEach(function (c) { drill.querySelector("." + c).hidden = false; });
    var old = load().cards[id];
    if (old && old.fp !== fp) { status.textContent = say("changed"); } else if (old && old.score) {
      status.textContent = say("last", { score: old.score, on: showDate(old.on), date: showDate(P.dayOf(old.due)) });
    }
    timer(drill);
    drill.querySelector(".drill-save").addEventListener("click", function () {
      var groups = all(drill, ".drill-criterion");
      var scores = groups.map(function (g) { var c = g.querySelector("input:checked"); return c ? Number(c.value) : 0; });
      if (!scores.length || scores.indexOf(0) >= 0) { status.textContent = say("score_all"); return; }
      var score = P.average(scores);
      var title = (drill.querySelector(".drill-title") || {}).textContent || "";
      var card = record(id, fp, P.rating(score), { score: score, title: title });
      status.textContent = say("saved", { score: score, date: showDate(P.dayOf(card.due)) });
      if (done) { done(); }
    });
  }
  function timer(drill) {
    var button = drill.querySelector(".drill-timer-start"), clock = drill.querySelector(".drill-clock");
    var left = 0, tick = null;
    function show() { clock.textContent = Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2); }
    button.addEventListener("click", function () {
      if (tick) { window.clearInterval(tick); }
      left = 120;
      show();
      tick = window.setInterval(function () {
        left -= 1;
        show();
        if (left <= 0) { window.clearInterval(tick); tick = null; clock.textContent = say("time_up"); }
      }, 1000);
    });
  }

  function tools(root) {
    all(root, ".practice-tools, .practice-due").forEach(function (box) { box.hidden = false; });
    all(root, ".practice-draw").forEach(function (button) {
      if (!first(button)) { return; }
      button.addEventListener("click", function () {
        var drills = all(root, ".drill").filter(function (d) { return !d.closest(".review-card"); });
        var chosen = P.pick(drills, Math.random());
        if (chosen) {
          chosen.scrollIntoView();
          chosen.querySelector(".drill-answer").focus();
          return;
        }
        var link = P.pick(all(root, ".practice-drill-link"), Math.random());
        if (link) { location.href = link.href; }
      });
    });
    all(root, ".practice-print").forEach(function (button) {
      if (first(button)) { button.addEventListener("click", function () { window.print(); }); }
    });
  }
  // The printed sheet shows the model answers to the mentor.
  window.addEventListener("beforeprint", function () {
    all(document, "details.drill-model").forEach(function (d) { d.open = true; });
  });

  /* --- "Due today" on the home, path and practice pages ---------------------------------- */
  // The site's root is where this script came from (assets/practice.js): right on every
  // page, under any version folder, after instant navigation too.
  var script = document.currentScript && document.currentScript.src;
  function reviewUrl() { return new URL("../practice/review/", script || location.href).href; }
  /* Counted from the saved schedule alone: this page does not know every item's current
   * fingerprint, so an item changed by a new version shows up on the review page first. */
  function dueLine(state) {
    var n = P.dueCards(state, today(), null).length, next = P.nextDay(state);
    if (n) { return say("due_today", { n: n }); }
    return say("nothing_due") + (next ? " " + say("next_due", { date: showDate(next) }) : "");
  }
  function refreshDue(root) {
    var state = load();
    all(root, ".practice-due-text").forEach(function (el) { el.textContent = dueLine(state); });
  }
  function pathDue(root) {
    var plan = root.querySelector(".path-plan");
    if (!plan || root.querySelector(".practice-due")) { return; }
    var box = document.createElement("p");
    box.className = "practice-due";
    var text = document.createElement("span");
    text.className = "practice-due-text";
    text.setAttribute("role", "status");
    var link = document.createElement("a");
    link.href = reviewUrl();
    link.textContent = say("review_start");
    box.appendChild(text);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(link);
    plan.parentNode.insertBefore(box, plan);
  }

  /* --- quiz pages: every checked question joins the review schedule ---------------------- */
  function newAttempt(event) {
    var quiz = event.target.closest && event.target.closest(".quiz");
    if (quiz && event.target.closest(".quiz-retake, .quiz-exam")) {
      all(quiz, ".quiz-question").forEach(function (q) { delete q.dataset.hbReviewed; });
    }
  }
  document.addEventListener("click", newAttempt);
  document.addEventListener("change", newAttempt);
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest(".quiz-check, .quiz-submit")) { return; }
    var quiz = target.closest(".quiz");
    // After learning.js has marked the answers (its handlers run first, on the buttons).
    window.setTimeout(function () {
      var questions = target.closest(".quiz-check") ? [target.closest(".quiz-question")] : all(quiz, ".quiz-question");
      questions.forEach(function (q) {
        var result = q && q.dataset.result;
        if (!result || q.dataset.hbReviewed === result) { return; }
        q.dataset.hbReviewed = result;
        record("question:" + q.dataset.question, q.dataset.fp, result === "correct" ? 3 : 1, {});
      });
    }, 0);
  });

  /* --- the review session: the due cards, one at a time ---------------------------------- */
  /* A large handbook's cards are on pages of their own: each listed on the session page
   * with the cards it holds ("id=fingerprint …"); only the pages with a card due are fetched. */
  function cardPages(root) {
    return all(root, ".review-chunk").map(function (el) {
      var cards = {};
      el.dataset.cards.split(" ").forEach(function (pair) {
        var cut = pair.lastIndexOf("=");
        if (cut > 0) { cards[pair.slice(0, cut)] = pair.slice(cut + 1); }
      });
      return { url: new URL(el.dataset.url, location.href).href, cards: cards };
    });
  }
  function fetchCards(page, wanted) {
    return fetch(page.url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(page.url + ": " + response.status); }
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      return all(doc, ".review-card").filter(function (c) { return wanted.indexOf(c.dataset.card) >= 0; }).map(function (c) {
        // Links were written relative to the card page: keep them leading where they did.
        all(c, "a[href]").forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), page.url).href); });
        return document.importNode(c, true);
      });
    });
  }
  function session(root) {
    var box = root.querySelector(".review-session");
    if (!first(box)) { return; }
    var holder = root.querySelector(".review-cards"), pages = cardPages(root), present = {};
    all(root, ".review-card").forEach(function (c) { present[c.dataset.card] = c.dataset.fp; });
    pages.forEach(function (p) { Object.keys(p.cards).forEach(function (id) { present[id] = p.cards[id]; }); });
    var due = P.dueCards(load(), today(), present);
    var status = box.querySelector(".review-status");
    box.hidden = false;
    var needed = pages.map(function (p) {
      return { page: p, wanted: due.filter(function (id) { return id in p.cards; }) };
    }).filter(function (n) { return n.wanted.length; });
    if (!needed.length) { runSession(box, all(root, ".review-card"), due); return; }
    status.textContent = say("session_loading");
    Promise.all(needed.map(function (n) { return fetchCards(n.page, n.wanted); })).then(function (lists) {
      lists.forEach(function (cards) { cards.forEach(function (c) { holder.appendChild(c); }); });
      runSession(box, all(root, ".review-card"), due);
    }, function () { status.textContent = say("session_failed"); });
  }
  function runSession(box, cards, due) {
    var queue = cards.filter(function (c) { return due.indexOf(c.dataset.card) >= 0; });
    var status = box.querySelector(".review-status"), next = box.querySelector(".review-next");
    function show() {
      cards.forEach(function (c) { c.hidden = true; });
      next.hidden = true;
      if (!queue.length) {
        var after = P.nextDay(load());
        status.textContent = due.length ? say("session_done", { date: after ? showDate(after) : "—" }) : say("session_empty");
        return;
      }
      status.textContent = say("session_left", { n: queue.length });
      queue[0].hidden = false;
    }
    function answered() { next.hidden = false; next.focus(); }
    next.addEventListener("click", function () { queue.shift(); show(); });
    queue.forEach(function (card) {
      var drill = card.querySelector(".drill");
      if (drill) { setUpDrill(drill, answered); } else { setUpQuestion(card, answered); }
    });
    show();
  }
  function setUpQuestion(card, done) {
    var q = card.querySelector(".review-question"), feedback = q.querySelector(".review-feedback");
    q.querySelector(".review-check").addEventListener("click", function () {
      var answer = answerOf(q);
      if (answer === null) { feedback.textContent = say("unanswered"); return; }
      var L = window.HandbookLearning;
      var right = L ? L.isRight(q.dataset, answer) : false;
      record(card.dataset.card, card.dataset.fp, right ? 3 : 1, {});
      feedback.textContent = say(right ? "correct" : "incorrect");
      if (L) { showKey(q, L); }
      q.querySelector(".review-answer").open = true;
      this.disabled = true;
      done();
    });
  }
  /* The right answer, worked out from the hashed key: the options' own words, or the number. */
  function showKey(q, L) {
    var inputs = all(q, ".quiz-options input[value]");
    var ids = L.rightAnswer(q.dataset, inputs.map(function (i) { return i.value; }));
    var words = q.dataset.type === "numeric" ? ids : ids.map(function (id) {
      var input = inputs.filter(function (i) { return i.value === id; })[0];
      return input ? input.parentNode.textContent.trim() : id;
    });
    var key = q.querySelector(".quiz-key");
    if (key && words.length) {
      key.querySelector(".quiz-key-text").textContent = words.join(document.documentElement.lang.indexOf("zh") === 0 ? "；" : "; ");
      key.hidden = false;
    }
  }
  function answerOf(q) {
    if (q.dataset.type === "numeric") {
      var input = q.querySelector("input[type=number]");
      return input.value.trim() === "" ? null : Number(input.value);
    }
    var chosen = all(q, "input:checked").map(function (i) { return i.value; });
    return chosen.length ? chosen.sort().join(",") : null;
  }

  /* --- the mentor's read-only view of a hire's progress link ----------------------------- */
  function mentorView(root) {
    if (!/^#progress=/.test(location.hash) || !window.HandbookLearning) { return; }
    var link = window.HandbookLearning.readLink(location.hash, handbook, Date.now());
    var host = root.querySelector(".path-plan");
    if (link.error || !host || root.querySelector(".practice-view")) { return; }
    var results = P.unpack(link.extra.r);
    var box = document.createElement("div");
    box.className = "admonition practice-view";
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = say("view_title", { name: link.name || "—" });
    box.appendChild(title);
    var list = document.createElement(results.length ? "ul" : "p");
    if (!results.length) { list.textContent = say("view_none"); }
    results.forEach(function (r) {
      var item = document.createElement("li");
      item.textContent = say("view_item", { title: r.title, score: r.score, on: showDate(r.on) });
      list.appendChild(item);
    });
    box.appendChild(list);
    host.parentNode.insertBefore(box, host.nextSibling);
  }

  H.onPage(function (root) {
    all(root, ".drill").forEach(function (d) { if (!d.closest(".review-card")) { setUpDrill(d, null); } });
    tools(root);
    pathDue(root);
    session(root);
    mentorView(root);
    refreshDue(root);
  });
}());
