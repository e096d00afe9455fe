/* The home page's view for the reader's role: the reader picks a role once (or it comes
 * from the onboarding path an assignment link set up), and the home page then leads with
 * that role's stages, steps, path, checklists, KPIs, scripts and drills. The choice is kept
 * in the practice record (practice.js), so it follows the reader across pages, languages
 * and versions; it can be changed or cleared at any time. */
(function () {
  "use strict";
  var H = window.Handbook, P = window.HandbookPractice;
  if (!H || !P || !H.practice) { return; }

  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }
  var handbook = (window.HandbookData || {}).id || "handbook";

  /* The role of the path in the newest onboarding plan, for a reader who never chose one. */
  function assignedRole(views) {
    var paths = {}, learning = null;
    views.forEach(function (v) { paths[v.dataset.role] = (v.dataset.paths || "").split(" "); });
    try { learning = parse(window.localStorage.getItem("sales-handbook:" + handbook) || ""); } catch (e) { /* blocked */ }
    return learning ? P.roleFromPlans(learning.plans, paths) : "";
  }

  function roles(root) {
    var pick = root.querySelector(".role-pick");
    if (!pick || pick.dataset.hbRole) { return; }
    pick.dataset.hbRole = "1";
    var views = Array.prototype.slice.call(root.querySelectorAll(".role-view"));
    var select = pick.querySelector(".role-select"), clear = pick.querySelector(".role-clear");
    var state = H.practice.load();
    var assigned = state.chosen ? "" : assignedRole(views);
    if (assigned) { state = H.practice.change(function (s) { s.role = assigned; s.chosen = true; }); }
    function apply(role) {
      views.forEach(function (v) { v.hidden = v.dataset.role !== role; });
      select.value = role;
      clear.hidden = !role;
    }
    function choose(role) {
      H.practice.change(function (s) { s.role = role; s.chosen = true; }); // a cleared choice stays cleared
      apply(role);
    }
    pick.hidden = false;
    apply(state.role);
    select.addEventListener("change", function () { choose(select.value); });
    clear.addEventListener("click", function () { choose(""); select.focus(); });
  }

  H.onPage(roles);
}());
