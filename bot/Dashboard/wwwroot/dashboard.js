// Dashboard: who is looking (/dashboard/api/me), then the figures over the chosen period and the open-ticket list. Refreshes every 15 s.
// Times are written in the browser's zone; durations as people say them; no figure is ever shown negative.
(function () {
  "use strict";
  const charts = {};
  const SLA_COLOURS = { Breached: "#c62828", AtRisk: "#e06a00", Warning: "#e0a100", OnTrack: "#1f8a4c", Paused: "#8a8fa0" };
  const SLA_WORDS = { Breached: "breached", AtRisk: "at risk", Warning: "warning", OnTrack: "on track", Paused: "paused", Met: "met", Missed: "missed", Cancelled: "cancelled" };
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const key = (n) => "INC-" + String(n).padStart(6, "0");
  const pct = (r) => (r == null ? "n/a" : Math.round(Math.max(0, r) * 100) + " %");
  let me = null;

  /** A duration in minutes as people say it: "45 min", "3 h 20 min", "2 days 4 h"; never negative. */
  function human(minutes) {
    const m = Math.max(0, Math.round(minutes || 0));
    if (m < 1) return "under a minute";
    if (m < 60) return m + " min";
    const h = Math.floor(m / 60), rest = m % 60;
    if (h < 24) return h + " h" + (rest ? " " + rest + " min" : "");
    const d = Math.floor(h / 24), hh = h % 24;
    return d + (d === 1 ? " day" : " days") + (hh ? " " + hh + " h" : "");
  }

  /** An instant in the browser's zone: the time alone today, with the day (and year when not this one) otherwise, and the zone. */
  function when(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return "";
    const now = new Date();
    const today = d.toDateString() === now.toDateString();
    const opts = today ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
      : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    if (!today && d.getFullYear() !== now.getFullYear()) opts.year = "numeric";
    return (today ? "today " : "") + d.toLocaleString(undefined, opts);
  }

  /** yyyy-MM-dd of an instant in the browser's zone (for the date inputs). */
  function localDate(iso) {
    const d = new Date(iso);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function chart(id, config) {
    if (!window.Chart) return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } }, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function rows(id, html, columns) {
    document.querySelector("#" + id + " tbody").innerHTML = html || '<tr><td colspan="' + (columns || 6) + '" class="muted">none</td></tr>';
  }

  function period() {
    const chosen = document.querySelector("#range input[name=days]:checked").value;
    if (chosen !== "custom") return "days=" + chosen;
    return "from=" + encodeURIComponent($("from").value) + "&to=" + encodeURIComponent($("to").value);
  }

  async function json(url) {
    const r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.detail || body.title || r.status + " " + r.statusText);
    }
    return r.json();
  }

  async function loadTickets() {
    const list = await json("/dashboard/api/tickets?status=open");
    rows("t-open", list.map((t) => '<tr data-ticket="' + t.number + '"><td><a href="/tickets/' + t.number + '">' + esc(t.key) + "</a></td><td>" + esc(t.title) +
      "</td><td>" + esc(t.priority) + "</td><td>" + esc(t.tierName) + "</td><td>" + esc(t.owner || "nobody yet") +
      '</td><td><span class="sla" data-sla="' + esc(t.slaState) + '">' + esc(SLA_WORDS[t.slaState] || t.slaState) + "</span> " + esc(t.slaText) +
      (t.slaDueAt ? '<br><small class="muted">due ' + esc(when(t.slaDueAt)) + "</small>" : "") +
      "</td><td>" + esc(when(t.raisedAt)) + "</td></tr>").join(""), 7);
  }

  async function loadFigures() {
    const q = period();
    $("export-tickets").href = "/dashboard/export.csv?" + q;
    $("export-summary").href = "/dashboard/export-summary.csv?" + q;
    let f;
    try { f = await json("/dashboard/api/figures?" + q); $("range-error").textContent = ""; }
    catch (e) { $("range-error").textContent = e.message; return; }
    if (document.querySelector("#range input[name=days]:checked").value !== "custom") {
      $("from").value = localDate(f.range.from);
      $("to").value = localDate(f.range.to);
    }
    $("at").textContent = "as of " + when(f.at) + " · " + new Date(f.range.from).toLocaleDateString() + " – " + new Date(f.range.to).toLocaleDateString();
    $("kpi-open").textContent = f.openTickets;
    $("kpi-escalation-rate").textContent = pct(f.escalationRate);
    const manual = f.byTechnician.reduce((a, t) => a + t.count, 0);
    $("kpi-escalations").textContent = "of tickets raised were escalated (" + f.raisedAndEscalated + " of " + f.raised + "; " + manual + " by people, " + f.automaticEscalations + " automatic)";
    $("kpi-fcr").textContent = pct(f.firstContact.rate);
    $("kpi-fcr").dataset.band = f.firstContact.band;
    $("kpi-fcr-count").textContent = "(" + f.firstContact.resolvedAtTier1WithoutEscalation + " of " + f.firstContact.resolved + " resolved)";
    $("kpi-pages").textContent = pct(f.pages.acknowledgedRate);
    $("kpi-pages-text").textContent = "of pagings acknowledged (" + f.pages.acknowledged + " of " + f.pages.runs + "; " + f.pages.pages + " pages sent" +
      (f.pages.averageMinutes == null ? "" : "; " + human(f.pages.averageMinutes) + " to acknowledge on average") + ")";
    $("kpi-parked").textContent = f.parked.length;

    const tiers = [...new Set(f.openByTierAndSla.map((o) => o.tier))].sort();
    chart("c-open", { type: "bar", data: { labels: tiers.map((t) => "Tier " + t), datasets: Object.keys(SLA_COLOURS).map((s) => ({ label: SLA_WORDS[s], backgroundColor: SLA_COLOURS[s],
      data: tiers.map((t) => (f.openByTierAndSla.find((o) => o.tier === t && o.sla === s) || { count: 0 }).count) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-sla", { type: "bar", data: { labels: f.slaCompliance.map((p) => p.priority + " (" + p.met + " of " + p.counted + ")"), datasets: [
      { label: "% met (an open breach counts as a miss)", backgroundColor: "#1f8a4c", data: f.slaCompliance.map((p) => Math.round(Math.max(0, p.rate ?? 0) * 100)) }] },
      options: { scales: { y: { min: 0, max: 100 } } } });
    chart("c-trend", { data: { labels: f.weeks.map((w) => "week of " + new Date(w.weekStart + "T12:00:00").toLocaleDateString(undefined, { day: "numeric", month: "short" })), datasets: [
      { type: "bar", label: "escalations", backgroundColor: "#4a3aff", data: f.weeks.map((w) => w.escalations), yAxisID: "y" },
      { type: "line", label: "first-contact resolution %", borderColor: "#1f8a4c", backgroundColor: "#1f8a4c", spanGaps: true,
        data: f.weeks.map((w) => (w.firstContactRate == null ? null : Math.round(w.firstContactRate * 100))), yAxisID: "pct" }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 }, position: "left" }, pct: { min: 0, max: 100, position: "right", grid: { drawOnChartArea: false } } } } });
    chart("c-category", { type: "bar", data: { labels: f.byCategory.map((c) => c.category), datasets: [
      { label: "by a person", backgroundColor: "#4a3aff", data: f.byCategory.map((c) => c.manual) },
      { label: "automatic", backgroundColor: "#b8b5e6", data: f.byCategory.map((c) => c.automatic) }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-tech", { type: "bar", data: { labels: f.byTechnician.map((t) => t.name), datasets: [
      { label: "escalations", backgroundColor: "#4a3aff", data: f.byTechnician.map((t) => t.count) },
      { label: "resolutions", backgroundColor: "#1f8a4c", data: f.byTechnician.map((t) => t.resolved) }] },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-tier", { type: "bar", data: { labels: f.timeInTier.map((t) => t.tierName), datasets: [
      { label: "average hours per ticket", backgroundColor: "#e06a00", data: f.timeInTier.map((t) => Math.max(0, t.averageMinutes) / 60) }] },
      options: { scales: { y: { beginAtZero: true } }, plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => human(f.timeInTier[c.dataIndex].averageMinutes) + " per ticket" } } } } });
    fcrBand(f.firstContact);

    rows("t-load", f.load.map((l) => "<tr><td>" + esc(l.name) + "</td><td>" + l.open + "</td><td>" + l.urgent + "</td></tr>").join(""), 3);
    rows("t-tech", [...f.byTechnician.map((t) => "<tr><td>" + esc(t.name) + "</td><td>" + t.count + "</td><td>" + t.resolved + "</td></tr>"),
      "<tr><td><em>automatic (functional trigger)</em></td><td>" + f.automaticEscalations + "</td><td></td></tr>"].join(""), 3);
    rows("t-repeats", f.repeats.map((r) => '<tr><td><a href="/tickets/' + r.ticket + '">' + esc(r.key) + "</a></td><td>" + esc(when(r.at)) +
      "</td><td>T" + r.fromTier + " → T" + r.toTier + "</td><td>" + esc(r.reason) + "</td></tr>").join(""), 4);
    rows("t-parked", f.parked.map((m) => "<tr><td>" + m.id + '</td><td><a href="/tickets/' + m.ticket + '">' + key(m.ticket) + "</a></td><td>" + esc(m.platform) +
      "</td><td>" + esc(m.audience) + "</td><td>" + (m.unconfirmed ? "may have arrived: look in the chat first" : "failed") + "</td><td>" + m.attempts +
      "</td><td>" + esc(m.lastError) + '</td><td><button type="button" data-retry="' + m.id + '" data-testid="retry-' + m.id + '">' +
      (m.unconfirmed ? "Send again" : "Try again") + "</button></td></tr>").join(""), 8);
    document.querySelectorAll("[data-retry]").forEach((b) => b.addEventListener("click", async () => {
      b.disabled = true;
      const r = await fetch("/dashboard/api/parked/" + b.dataset.retry + "/retry", { method: "POST", credentials: "same-origin", headers: { "X-CSRF-TOKEN": me.csrf } });
      b.textContent = r.ok ? "queued" : "failed";
    }));
  }

  /** The target band drawn as a band on a 0–100 % track, the actual value as a marker with its number. */
  function fcrBand(fc) {
    $("fcr-band").style.left = fc.low * 100 + "%";
    $("fcr-band").style.width = (fc.high - fc.low) * 100 + "%";
    const marker = $("fcr-marker");
    marker.classList.toggle("hidden", fc.rate == null);
    marker.style.left = Math.min(100, Math.max(0, (fc.rate ?? 0) * 100)) + "%";
    marker.dataset.band = fc.band;
    $("fcr-value").textContent = pct(fc.rate);
    $("fcr-note").textContent = fc.rate == null ? "Nothing resolved in this period yet."
      : pct(fc.rate) + " (" + fc.resolvedAtTier1WithoutEscalation + " of " + fc.resolved + " resolved at Tier 1 without escalation): " +
        (fc.band === "within" ? "within the target band." : fc.band + " the target band.");
  }

  async function loadOthers() {
    const oncall = await json("/dashboard/api/oncall");
    rows("t-oncall", oncall.map((l) => "<tr><td>" + esc(l.tierName) + "</td><td>" + esc(l.layer) + "</td><td>" + esc(l.nowName || "nobody (gap)") +
      "</td><td>" + esc(when(l.until)) + "</td><td>" + esc(l.nextName || "nobody (gap)") + "</td></tr>").join(""), 5);
    const knowledge = await json("/dashboard/api/knowledge");
    rows("t-knowledge", knowledge.map((k) => '<tr><td><a href="/tickets/' + k.ticket + '">' + esc(k.key) + "</a></td><td>" + esc(k.category) + "</td><td>" +
      esc(k.title) + "</td><td>" + esc(k.fix) + "</td><td>" + esc(k.author) + " (" + esc(k.tierName) + ")</td><td>" + esc(when(k.at)) + "</td></tr>").join(""), 6);
  }

  async function load() {
    try {
      await loadTickets();
      if (me.figures) { await loadFigures(); await loadOthers(); }
    } catch (e) {
      $("range-error").textContent = e.message;
    }
    document.body.dataset.loaded = "true";
  }

  async function start() {
    me = await json("/dashboard/api/me");
    document.body.dataset.figures = String(me.figures);
    document.body.dataset.parked = String(me.parked);
    $("viewer").textContent = me.email ? "signed in as " + me.name + " (" + me.role.toLowerCase() + ")" : "";
    if (!me.figures) $("list-title").textContent = "Your open tickets";
    await load();
    setInterval(load, 15000);
  }

  $("range").addEventListener("change", () => load());
  $("kpi-open-button").addEventListener("click", () => {
    const list = $("open-list");
    list.scrollIntoView({ behavior: "smooth", block: "start" });
    list.focus({ preventScroll: true });
  });
  $("goto").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = $("goto-number").value.replace(/[^0-9]/g, "");
    if (v) location.href = "/tickets/" + Number(v);
  });
  start().catch((e) => { $("range-error").textContent = e.message; document.body.dataset.loaded = "true"; });
})();
