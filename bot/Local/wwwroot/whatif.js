// The what-if page: asks /local/whatif (the engine's dry run) and shows a summary first, then the timeline grouped by day and
// hour, with filters. The question and the filters live in the address, so a link shares exactly this view.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const TOPICS = ["page", "warning", "escalation", "message"];
  const TOPIC_LABEL = { page: "page", warning: "warning", escalation: "escalation", message: "message" };
  let last = null;

  function esc(s) {
    return String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  async function loadChoices() {
    const res = await fetch("/local/state");
    const data = await res.json();
    const reporter = $("reporter"), category = $("category");
    for (const p of data.people) reporter.add(new Option(p.name + (p.isVip && !/\bVIP\b/.test(p.name) ? " (VIP)" : ""), p.key));
    reporter.value = data.people.find((p) => p.isVip)?.key ?? data.people[0].key;
    for (const c of data.categories) category.add(new Option(c, c));
    $("desk-zone").textContent = "(desk time, " + data.zone + ")";
  }

  // Address → form and filters; the defaults are "a P1 from a VIP on Saturday at 02:00".
  function fromAddress() {
    const q = new URLSearchParams(location.search);
    for (const el of form.elements) {
      if (!el.name || !q.has(el.name)) continue;
      el.value = q.get(el.name);
    }
    if (!q.has("priority") && !q.has("impact") && !q.has("urgency")) form.elements.priority.value = "P1";
    if (!q.has("day")) form.elements.day.value = "Saturday";
    const show = q.has("show") ? q.get("show").split(",") : TOPICS;
    document.querySelectorAll("input[name=show]").forEach((box) => { box.checked = show.includes(box.value); });
  }

  function question() {
    const q = new URLSearchParams();
    for (const el of form.elements) if (el.name && el.value) q.set(el.name, el.value);
    return q;
  }

  function shown() {
    return [...document.querySelectorAll("input[name=show]:checked")].map((b) => b.value);
  }

  function toAddress() {
    const q = question();
    const show = shown();
    if (show.length !== TOPICS.length) q.set("show", show.join(","));
    history.replaceState(null, "", "/whatif?" + q.toString());
  }

  async function run(e) {
    if (e) e.preventDefault();
    toAddress();
    const res = await fetch("/local/whatif?" + question().toString());
    last = await res.json();
    render();
  }

  function since(minutes) {
    return minutes === 0 ? "at once" : "+" + CeTime.duration(minutes);
  }

  function render() {
    const d = last;
    if (!d) return;
    $("result").classList.remove("hidden");
    $("details").classList.remove("hidden");
    $("headline").textContent = d.priority + " from " + d.reporter + ", raised " + CeTime.at(d.raisedAt) + " · " + d.category;
    const note = $("note");
    note.textContent = d.note || "";
    note.classList.toggle("hidden", !d.note);
    renderSummary(d);
    $("zone-note").textContent = "Times in your time zone (" + CeTime.zoneName(new Date(d.raisedAt)) + ").";
    renderTimeline(d);
  }

  function renderSummary(d) {
    const s = d.summary;
    const when = (at) => at ? esc(CeTime.at(at, d.raisedAt)) + ' <span class="muted">(' + since(minutesFrom(d.raisedAt, at)) + ")</span>" : '<span class="muted">never</span>';
    const woken = s.woken.length
      ? "<ul>" + s.woken.map((w) => "<li><strong>" + esc(w.name) + "</strong> × " + w.pages + ' <span class="muted">from ' + esc(CeTime.at(w.firstAt, d.raisedAt)) + "</span></li>").join("") + "</ul>"
      : '<p class="muted">nobody</p>';
    $("summary").innerHTML =
      '<div class="figure" data-testid="first-page"><h3>First page</h3><p>' + when(s.firstPageAt) + "</p></div>" +
      '<div class="figure" data-testid="first-breach"><h3>First breach</h3><p>' + when(s.firstBreachAt) + "</p></div>" +
      '<div class="figure wide" data-testid="woken"><h3>Woken up</h3>' + woken + "</div>" +
      '<div class="figure" data-testid="counts"><h3>In all</h3><p>' + s.pages + " pages · " + s.escalations + " escalations · " + s.warnings + " warnings · " +
      s.messages + " messages</p><p class=\"muted\">ends at " + esc(s.finalTier) + "</p>" +
      (s.late ? '<p class="late">' + s.late + " lines fired late</p>" : "") + "</div>";
    $("summary").dataset.late = String(s.late);
  }

  function minutesFrom(a, b) {
    return Math.round((new Date(b) - new Date(a)) / 60000);
  }

  function renderTimeline(d) {
    const show = new Set(shown());
    const box = $("timeline");
    box.innerHTML = "";
    let dayKey = null, hourKey = null, hourList = null, count = 0;
    for (const line of d.lines) {
      if (!show.has(line.topic)) continue;
      count++;
      const key = CeTime.dayKey(line.at);
      if (key !== dayKey) {
        dayKey = key;
        hourKey = null;
        const h = document.createElement("h2");
        h.className = "day";
        h.setAttribute("data-testid", "day");
        h.textContent = CeTime.day(line.at);
        box.appendChild(h);
      }
      const hk = key + CeTime.hour(line.at);
      if (hk !== hourKey) {
        hourKey = hk;
        const group = document.createElement("section");
        group.className = "hour";
        group.setAttribute("data-testid", "hour");
        group.innerHTML = '<h3 class="hour-head">' + esc(CeTime.hour(line.at)) + "</h3>";
        hourList = document.createElement("ol");
        hourList.className = "lines";
        group.appendChild(hourList);
        box.appendChild(group);
      }
      const li = document.createElement("li");
      li.className = "line topic-" + line.topic + (line.urgent ? " urgent" : "") + (line.late ? " late" : "");
      li.setAttribute("data-testid", "line");
      li.dataset.topic = line.topic;
      li.dataset.late = String(line.late);
      const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(line.at));
      li.innerHTML = '<span class="when"><strong>' + esc(time) + '</strong> <span class="muted">' + esc(since(line.minute)) + "</span></span>" +
        '<span class="badge">' + esc(TOPIC_LABEL[line.topic]) + "</span>" +
        '<span class="who">' + (line.who ? "to " + esc(line.who) : "") + "</span>" +
        '<span class="what">' + esc(line.text) + "</span>";
      hourList.appendChild(li);
    }
    if (!count) box.innerHTML = '<p class="muted">Nothing to show with these filters.</p>';
    box.dataset.count = String(count);
  }

  form.addEventListener("submit", run);
  document.querySelectorAll("input[name=show]").forEach((b) => b.addEventListener("change", () => { toAddress(); render(); }));
  $("copy-link").addEventListener("click", async () => {
    toAddress();
    try { await navigator.clipboard.writeText(location.href); $("copy-link").textContent = "Link copied"; }
    catch { $("copy-link").textContent = "Copy the address bar"; }
  });

  // The question is open beside the answer on a wide screen; on a phone the answer comes first and the question folds away.
  $("question").open = window.matchMedia("(min-width: 761px)").matches;
  loadChoices().then(() => { fromAddress(); return run(); }).then(() => { document.body.dataset.loaded = "true"; });
})();
