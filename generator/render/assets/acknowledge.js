/* "I have read and understood this version": the reader's confirmations, per entry.
 *
 * A page (or an entry on it) marked `acknowledge: true` carries a control
 *   <div class="hb-ack" data-ack="stage:negotiation-and-contract" data-ack-fp="…">
 * whose fingerprint is a hash of the entry's content. A confirmation records that
 * fingerprint and the day; when a new version changes the content, the fingerprint on the
 * page differs and the reader is asked to confirm again. Unchanged entries keep theirs.
 *
 * Confirmations live in localStorage beside the learning progress, under the handbook's
 * id (never a URL: /latest/ and /1.2/ are the same handbook). Anything read from storage
 * or from a progress link is checked before use; text reaches the page via textContent.
 * Window.Handbook.acks lets learning.js put them into progress links and show a hire's
 * confirmations in the read-only view; Handbook.acks.listeners is where a learning-record
 * sender can subscribe to each confirmation. */
(function () {
  "use strict";
  var H = window.Handbook;
  if (!H) { return; }
  var KEY = /^[a-z-]+:[A-Za-z0-9._/-]{1,200}$/;
  var FP = /^[0-9a-f]{1,16}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  var info = window.HandbookData || {};
  var ui = info.ui || {};
  function say(key, values) { return H.fill(ui[key] || key, values || {}); }
  var storeKey = "sales-handbook:" + (info.id || "handbook") + ":acknowledged";
  // Confirmations kept under the title's slug (before the handbook had an id) move, once.
  (function carryOver() {
    if (!info.former || info.former === info.id) { return; }
    try {
      var store = window.localStorage, oldKey = "sales-handbook:" + info.former + ":acknowledged";
      var raw = store.getItem(oldKey);
      if (raw !== null && store.getItem(storeKey) === null) {
        store.setItem(storeKey, raw);
        store.removeItem(oldKey);
      }
    } catch (e) { /* storage blocked: nothing to carry */ }
  }());

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function valid(key, ack) {
    return KEY.test(key) && isObject(ack) && FP.test(ack.fp) && typeof ack.on === "string" && DATE.test(ack.on);
  }
  /* Only well-formed confirmations are kept. */
  function clean(raw) {
    var out = {};
    if (!isObject(raw)) { return out; }
    Object.keys(raw).forEach(function (k) {
      if (valid(k, raw[k])) { out[k] = { fp: raw[k].fp, on: raw[k].on }; }
    });
    return out;
  }
  function read() {
    try {
      var raw = JSON.parse(window.localStorage.getItem(storeKey) || "null");
      return isObject(raw) && raw.v === 1 ? clean(raw.acks) : {};
    } catch (e) { return {}; }
  }
  function write(acks) {
    try { window.localStorage.setItem(storeKey, JSON.stringify({ v: 1, acks: acks })); } catch (e) { /* read-only */ }
  }
  function today() {
    var d = new Date();
    return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
  }

  /* Compact form for progress links: "kind:id@fingerprint@date". */
  function pack(acks) {
    acks = acks || read();
    return Object.keys(acks).sort().map(function (k) { return k + "@" + acks[k].fp + "@" + acks[k].on; });
  }
  function unpack(list) {
    var raw = {};
    if (!Array.isArray(list) || list.length > 2000) { return {}; }
    list.forEach(function (s) {
      if (typeof s !== "string") { return; }
      var parts = s.split("@");
      if (parts.length === 3) { raw[parts[0]] = { fp: parts[1], on: parts[2] }; }
    });
    return clean(raw);
  }

  /* Where a confirmation stands against the content on this page. */
  function status(acks, key, fp) {
    var ack = acks[key];
    if (!ack) { return "open"; }
    return ack.fp === fp ? "done" : "changed";
  }

  var listeners = [];
  function confirm(key, fp, title) {
    var acks = read();
    acks[key] = { fp: fp, on: today() };
    write(acks);
    listeners.forEach(function (listen) {
      try { listen({ key: key, fingerprint: fp, title: title, on: acks[key].on }); } catch (e) { /* a listener's fault */ }
    });
  }
  function withdraw(key) {
    var acks = read();
    delete acks[key];
    write(acks);
  }

  /* --- the control on the page --------------------------------------------------- */
  function control(box) {
    var key = box.dataset.ack, fp = box.dataset.ackFp, title = box.dataset.ackTitle || "";
    if (!KEY.test(key || "") || !FP.test(fp || "")) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var acks = read(), state = status(acks, key, fp);
    box.dataset.ackState = state;
    var text = document.createElement("p");
    text.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "button";
    if (state === "done") {
      text.textContent = say("ack_done", { date: acks[key].on });
      button.textContent = say("ack_undo");
      button.addEventListener("click", function () { withdraw(key); control(box); });
    } else {
      if (state === "changed") { text.textContent = say("ack_changed", { date: acks[key].on }); }
      button.textContent = say("ack_button");
      button.setAttribute("aria-label", say("ack_label", { title: title }));
      button.addEventListener("click", function () { confirm(key, fp, title); control(box); box.querySelector("button").focus(); });
    }
    if (text.textContent) { box.appendChild(text); }
    box.appendChild(button);
  }

  /* --- the list of confirmations on an onboarding path page ----------------------- */
  /* acks: this browser's, or a hire's from a progress link (read-only view). */
  function showList(root, acks) {
    root.querySelectorAll(".hb-ack-list").forEach(function (list) {
      list.hidden = false;
      list.querySelectorAll("li[data-ack]").forEach(function (li) {
        var key = li.dataset.ack, fp = li.dataset.ackFp, state = status(acks, key, fp);
        li.dataset.ackState = state;
        var note = li.querySelector(".hb-ack-state");
        if (!note) {
          note = document.createElement("span");
          note.className = "hb-ack-state";
          li.appendChild(note);
        }
        var said = state === "open" ? say("ack_open") : say(state === "done" ? "ack_item" : "ack_item_changed", { date: acks[key].on });
        note.textContent = say("ack_sep") + said;
      });
    });
  }

  H.acks = { read: read, pack: pack, unpack: unpack, showList: showList, listeners: listeners };

  H.onPage(function (root) {
    root.querySelectorAll(".hb-ack[data-ack]").forEach(control);
    if (!/^#progress=/.test(location.hash)) { showList(root, read()); }
  });
}());
