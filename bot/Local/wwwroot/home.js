// The emulator's Home: the person picked in the top bar sees their Slack App Home and Teams home card, built by the bot
// (GET /local/home); Accept acts as the real buttons do (POST /local/actions), and the view follows every change the page hears of.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const state = { open: false, events: null, timer: null, loading: false };

  function who() { return $("who").value; }

  function status(text, refused) {
    const s = $("home-status");
    s.textContent = text || "";
    s.classList.toggle("refused", !!refused);
  }

  async function load() {
    if (!state.open || !who()) return;
    state.loading = true;
    try {
      const res = await fetch("/local/home?user=" + encodeURIComponent(who()));
      const data = await res.json().catch(() => null);
      if (!res.ok || !data) { status((data && (data.error || data.detail)) || "HTTP " + res.status, true); return; }
      render(data);
    } finally {
      state.loading = false;
    }
  }

  function render(data) {
    const view = data.view;
    $("home-title").textContent = "Home · " + view.person.name;
    const pair = document.createElement("div");
    pair.className = "pair";
    const teams = document.createElement("div");
    teams.className = "render render-teams";
    teams.setAttribute("data-testid", "home-teams");
    teams.innerHTML = '<div class="render-label">Teams · home card</div>';
    teams.appendChild(adaptive(data.adaptiveCard));
    const slack = document.createElement("div");
    slack.className = "render render-slack";
    slack.setAttribute("data-testid", "home-slack");
    slack.innerHTML = '<div class="render-label">Slack · App Home</div>';
    slack.appendChild(window.BlockKit.render(data.blockKit || [], (actionId, value) => act(actionId, Number(value))));
    pair.append(teams, slack);
    const body = $("home-body");
    body.innerHTML = "";
    body.appendChild(pair);
  }

  function adaptive(json) {
    return window.CeEmulator.adaptiveCard(json, (action) => {
      if (action.verb === "homeRefresh") load();
      else sendTeams(action.verb, action.data || {});
    });
  }

  async function post(body) {
    const res = await fetch("/local/actions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => null);
    status((data && (data.message || data.error || data.detail)) || "HTTP " + res.status, !(data && data.ok));
    await load();
  }

  function act(actionId, ticket) { return post({ user: who(), ticket: ticket || 0, action: actionId, fields: {} }); }

  function sendTeams(verb, data) { return post({ user: who(), ticket: Number(data.ticket) || 0, teams: { verb, data } }); }

  // Every change the page hears of (a post, an edit, the clock) may change the home: look again, at most every 300 ms.
  function listen() {
    if (state.events) return;
    state.events = new EventSource("/local/events");
    const later = () => { clearTimeout(state.timer); state.timer = setTimeout(load, 300); };
    ["posted", "updated", "clock"].forEach((type) => state.events.addEventListener(type, () => { if (state.open) later(); }));
  }

  function show(open) {
    state.open = open;
    $("home").classList.toggle("hidden", !open);
    document.querySelector(".conversation").classList.toggle("hidden", open);
    $("home-link").classList.toggle("active", open);
    if (open) {
      document.querySelectorAll("#channel-list li, #dm-list li").forEach((li) => li.classList.remove("active"));
      document.body.classList.remove("channels-open");
      status("");
      listen();
      load();
    }
  }

  $("home-link").addEventListener("click", () => show(true));
  $("home-refresh").addEventListener("click", () => load());
  // Picking a channel or a direct chat (app.js draws them) leaves the home.
  ["channel-list", "dm-list"].forEach((id) => $(id).addEventListener("click", (e) => { if (e.target.closest("li")) show(false); }));
  $("who").addEventListener("change", () => { if (state.open) load(); });
})();
