// Dashboard: fetches the figures and draws them with Chart.js. Refreshes every 15 s.
(function () {
  "use strict";
  const charts = {};
  const SLA_COLOURS = { OnTrack: "#1f8a4c", Warning: "#e0a100", AtRisk: "#e06a00", Breached: "#c62828", Paused: "#8a8fa0" };
  const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const key = (n) => "INC-" + String(n).padStart(6, "0");
  const pct = (r) => (r == null ? "n/a" : Math.round(r * 100) + " %");

  function chart(id, config) {
    if (!window.Chart) return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function rows(id, html) { document.querySelector("#" + id + " tbody").innerHTML = html || '<tr><td colspan="6" class="muted">none</td></tr>'; }

  async function load() {
    const f = await (await fetch("/dashboard/api/figures")).json();
    document.getElementById("at").textContent = "as of " + new Date(f.at).toLocaleString();
    document.getElementById("kpi-open").textContent = f.openTickets;
    const manual = f.byTechnician.reduce((a, t) => a + t.count, 0);
    document.getElementById("kpi-escalations").textContent = manual + " + " + f.automaticEscalations;
    document.getElementById("kpi-fcr").textContent = pct(f.firstContact.rate) + " (" + f.firstContact.resolvedAtTier1WithoutEscalation + "/" + f.firstContact.resolved + ")";
    document.getElementById("kpi-fcr").dataset.band = f.firstContact.band;
    document.getElementById("kpi-pages").textContent = f.pages.pages + " · " + f.pages.acknowledged + " · " + (f.pages.averageMinutes == null ? "–" : Math.round(f.pages.averageMinutes) + " min");
    document.getElementById("kpi-parked").textContent = f.parked.length;

    const tiers = [...new Set(f.openByTierAndSla.map((o) => o.tier))].sort();
    const states = Object.keys(SLA_COLOURS);
    chart("c-open", { type: "bar", data: { labels: tiers.map((t) => "Tier " + t), datasets: states.map((s) => ({ label: s, backgroundColor: SLA_COLOURS[s],
      data: tiers.map((t) => (f.openByTierAndSla.find((o) => o.tier === t && o.sla === s) || { count: 0 }).count) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-category", { type: "bar", data: { labels: f.byCategory.map((c) => c.category), datasets: [
      { label: "by a person", backgroundColor: "#4a3aff", data: f.byCategory.map((c) => c.manual) },
      { label: "automatic", backgroundColor: "#b8b5e6", data: f.byCategory.map((c) => c.automatic) }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-tech", { type: "bar", data: { labels: [...f.byTechnician.map((t) => t.name), "automatic (sweep)"], datasets: [
      { label: "escalations", backgroundColor: [...f.byTechnician.map(() => "#4a3aff"), "#b8b5e6"], data: [...f.byTechnician.map((t) => t.count), f.automaticEscalations] }] },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
    chart("c-sla", { type: "bar", data: { labels: f.slaCompliance.map((p) => p.priority + " (" + p.met + "/" + p.resolved + ")"), datasets: [
      { label: "% resolved within target", backgroundColor: "#1f8a4c", data: f.slaCompliance.map((p) => Math.round((p.rate ?? 0) * 100)) }] },
      options: { scales: { y: { min: 0, max: 100 } } } });
    chart("c-tier", { type: "bar", data: { labels: f.timeInTier.map((t) => t.tierName), datasets: [
      { label: "average hours per ticket", backgroundColor: "#e06a00", data: f.timeInTier.map((t) => t.averageHours) }] } });
    const rate = f.firstContact.rate == null ? 0 : Math.round(f.firstContact.rate * 100);
    chart("c-fcr", { type: "bar", data: { labels: ["Tier 1 FCR"], datasets: [
      { label: "actual %", backgroundColor: f.firstContact.band === "within" ? "#1f8a4c" : "#c62828", data: [rate] },
      { label: "target low 50 %", backgroundColor: "#d9d9e3", data: [50] }, { label: "target high 70 %", backgroundColor: "#b0b0c3", data: [70] }] },
      options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } } });

    const oncall = await (await fetch("/dashboard/api/oncall")).json();
    rows("t-oncall", oncall.map((l) => "<tr><td>" + esc(l.tierName) + "</td><td>" + esc(l.layer) + "</td><td>" + esc(l.nowName || "nobody (gap)") +
      "</td><td>" + esc(new Date(l.until).toLocaleString()) + "</td><td>" + esc(l.nextName || "nobody (gap)") + "</td></tr>").join(""));
    rows("t-repeats", f.repeats.map((r) => '<tr><td><a href="/tickets/' + r.ticket + '">' + esc(r.key) + "</a></td><td>" + esc(new Date(r.at).toLocaleString()) +
      "</td><td>T" + r.fromTier + " → T" + r.toTier + "</td><td>" + esc(r.reason) + "</td></tr>").join(""));
    rows("t-tech", [...f.byTechnician.map((t) => "<tr><td>" + esc(t.name) + "</td><td>" + t.count + "</td></tr>"),
      "<tr><td><em>automatic (functional trigger)</em></td><td>" + f.automaticEscalations + "</td></tr>"].join(""));
    const knowledge = await (await fetch("/dashboard/api/knowledge")).json();
    rows("t-knowledge", knowledge.map((k) => '<tr><td><a href="/tickets/' + k.ticket + '">' + esc(k.key) + "</a></td><td>" + esc(k.category) + "</td><td>" +
      esc(k.title) + "</td><td>" + esc(k.fix) + "</td><td>" + esc(k.author) + " (" + esc(k.tierName) + ")</td><td>" + esc(new Date(k.at).toLocaleString()) + "</td></tr>").join(""));
    rows("t-parked", f.parked.map((m) => "<tr><td>" + m.id + '</td><td><a href="/tickets/' + m.ticket + '">' + key(m.ticket) + "</a></td><td>" + esc(m.platform) +
      "</td><td>" + esc(m.audience) + "</td><td>" + m.attempts + "</td><td>" + esc(m.lastError) +
      '</td><td><button type="button" data-retry="' + m.id + '" data-testid="retry-' + m.id + '">Try again</button></td></tr>').join(""));
    document.querySelectorAll("[data-retry]").forEach((b) => b.addEventListener("click", async () => {
      b.disabled = true;
      const r = await fetch("/dashboard/api/parked/" + b.dataset.retry + "/retry", { method: "POST" });
      b.textContent = r.ok ? "queued" : "failed";
    }));
    document.body.dataset.loaded = "true";
  }

  document.getElementById("goto").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = document.getElementById("goto-number").value.replace(/[^0-9]/g, "");
    if (v) location.href = "/tickets/" + Number(v);
  });
  load();
  setInterval(load, 15000);
})();
