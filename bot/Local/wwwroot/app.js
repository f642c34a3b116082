// The emulator page: plays any person of the policy against the real engine, outbox and renderers.
(function () {
  "use strict";

  const state = { me: null, channel: "it-help", people: [], channels: [], messages: new Map(), unread: new Map(), demoClock: false, now: null };
  const $ = (id) => document.getElementById(id);

  function esc(s) {
    return String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function toast(text, ok) {
    const t = $("toast");
    t.textContent = text;
    t.className = "toast " + (ok ? "ok" : "refused");
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => t.classList.add("hidden"), 7000);
  }

  async function api(method, url, body) {
    const res = await fetch(url, { method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    return { status: res.status, ok: res.ok, data };
  }

  async function loadState() {
    const { data } = await api("GET", "/local/state");
    state.people = data.people;
    state.channels = data.channels;
    state.demoClock = data.demoClock;
    state.now = data.now;
    window.BlockKit.now = data.now;
    state.messages = new Map(data.messages.map((m) => [m.id, m]));
    showClock(data);
    $("renderers").textContent = "Renderers: Slack " + (data.renderers.slack ? "Block Kit renderer" : "emulator fallback") +
      " · Teams " + (data.renderers.teams ? "Adaptive Card renderer" : "emulator fallback");
    if (!state.me) fillPeople(data);
    renderChannels();
    renderMessages();
  }

  function showClock(data) {
    // The viewer's time zone, like every time on the page; the pill says whether the desk (in its own zone) is staffed.
    $("clock-now").textContent = CeTime.full(data.now) + (data.offsetMinutes ? " · demo +" + CeTime.duration(data.offsetMinutes) : "");
    $("clock-now").title = "Desk time zone: " + data.zone;
    const staffed = $("clock-staffed");
    staffed.textContent = data.staffedNow ? "desk staffed" : "after hours: on-call";
    staffed.className = "pill " + (data.staffedNow ? "pill-ok" : "pill-warn");
    $("clock-buttons").classList.toggle("hidden", !data.demoClock);
  }

  function fillPeople(data) {
    const who = $("who");
    who.innerHTML = "";
    for (const p of data.people) who.add(new Option(p.name + " — " + p.role, p.key));
    const saved = localStorage.getItem("ce-me");
    state.me = data.people.some((p) => p.key === saved) ? saved : data.people[0].key;
    who.value = state.me;
  }

  function me() { return state.people.find((p) => p.key === state.me); }

  function channelById(id) { return state.channels.find((c) => c.id === id); }

  function renderChannels() {
    const list = $("channel-list"), dms = $("dm-list");
    list.innerHTML = ""; dms.innerHTML = "";
    const mine = "dm:" + state.me;
    const ordered = [...state.channels.filter((c) => c.kind !== "Direct"),
      ...state.channels.filter((c) => c.id === mine), ...state.channels.filter((c) => c.kind === "Direct" && c.id !== mine)];
    for (const c of ordered) {
      const li = document.createElement("li");
      const unread = state.unread.get(c.id) || 0;
      const label = c.kind === "Direct" ? (c.id === mine ? "ChatEscalation (you)" : c.name) : c.name;
      li.innerHTML = esc(label) + (unread ? ' <span class="badge">' + unread + "</span>" : "");
      li.dataset.channel = c.id;
      li.setAttribute("data-testid", "channel-" + c.id);
      li.className = (c.id === state.channel ? "active " : "") + (c.kind === "Direct" && c.id !== mine ? "others" : "");
      li.addEventListener("click", () => selectChannel(c.id));
      (c.kind === "Direct" ? dms : list).appendChild(li);
    }
  }

  function selectChannel(id) {
    state.channel = id;
    state.unread.delete(id);
    showChannels(false);
    renderChannels();
    renderMessages();
  }

  // Narrow screens: the channel list is a drawer over the conversation, opened from the top bar.
  function showChannels(open) {
    document.body.classList.toggle("channels-open", open);
    $("toggle-channels").setAttribute("aria-expanded", String(open));
  }

  function renderMessages() {
    const c = channelById(state.channel);
    $("channel-title").textContent = c ? (c.kind === "Direct" ? "Direct messages · " + c.name : c.name) : state.channel;
    $("channel-hint").textContent = c?.kind === "TierQueue" ? "queue of Tier " + c.tier
      : c?.kind === "Help" ? "type /ticket … to raise a ticket" : c?.kind === "Direct" ? "talk to the bot: ticket …, status INC-1, mine, oncall, help" : "";
    const box = $("messages");
    box.innerHTML = "";
    const all = [...state.messages.values()].filter((m) => m.channelId === state.channel);
    // A reply whose card is no longer kept (the channel's oldest messages are dropped) is shown on its own.
    const top = all.filter((m) => !m.threadOf || !state.messages.has(m.threadOf));
    let day = null;
    for (const m of top) {
      if (CeTime.dayKey(m.at) !== day) {
        day = CeTime.dayKey(m.at);
        const sep = document.createElement("div");
        sep.className = "day-separator";
        sep.setAttribute("data-testid", "day-separator");
        sep.innerHTML = "<span>" + esc(CeTime.day(m.at)) + "</span>";
        box.appendChild(sep);
      }
      const el = renderMessage(m);
      window.CeThreads.attach(el, m, all.filter((r) => r.threadOf === m.id), renderMessage); // threads.js
      box.appendChild(el);
    }
    if (!top.length) box.innerHTML = '<p class="muted empty">No messages yet.</p>';
    box.scrollTop = box.scrollHeight;
  }

  function renderMessage(m) {
    const el = document.createElement("article");
    el.className = "msg msg-" + m.kind + (m.urgent ? " urgent" : "");
    el.setAttribute("data-testid", "msg");
    el.dataset.messageId = m.id;
    el.dataset.kind = m.kind;
    if (m.ticket) el.dataset.ticket = m.ticket;
    const when = CeTime.at(m.at, state.now);
    const head = document.createElement("div");
    head.className = "msg-head";
    head.innerHTML = "<strong>" + esc(m.authorName) + "</strong> <span class=\"muted\">" + esc(when) + " · " + esc(m.kind) +
      (m.revision > 1 ? " · edited (rev " + m.revision + ")" : "") + "</span>";
    el.appendChild(head);
    window.CeThreads.decorate(el, m); // threads.js: the message's "⋯" menu
    if (m.kind === "user" || m.kind === "bot" || (!m.blockKit && !m.adaptiveCard)) {
      const body = document.createElement("div");
      body.className = "msg-text";
      body.setAttribute("data-testid", "msg-text");
      body.textContent = m.text;
      el.appendChild(body);
      if ((m.view || m.blockKit) && m.kind === "bot") el.appendChild(renderPair(m));
      return el;
    }
    el.appendChild(renderPair(m));
    return el;
  }

  function renderPair(m) {
    const pair = document.createElement("div");
    pair.className = "pair";
    const teams = document.createElement("div");
    teams.className = "render render-teams";
    teams.setAttribute("data-testid", "render-teams");
    teams.innerHTML = '<div class="render-label">Teams · Adaptive Card</div>';
    teams.appendChild(renderAdaptive(m));
    const slack = document.createElement("div");
    slack.className = "render render-slack";
    slack.setAttribute("data-testid", "render-slack");
    slack.innerHTML = '<div class="render-label">Slack · Block Kit</div>';
    slack.appendChild(window.BlockKit.render(m.blockKit || [], (actionId, value) =>
      actionId === "raise" ? act(null, actionId, value) : act(Number(value) || m.ticket, actionId)));
    pair.append(teams, slack);
    const details = document.createElement("details");
    details.className = "json";
    details.innerHTML = "<summary>JSON (view · Block Kit · Adaptive Card)</summary>";
    const pre = document.createElement("pre");
    pre.textContent = JSON.stringify({ view: m.view, blockKit: m.blockKit, adaptiveCard: m.adaptiveCard }, null, 2);
    details.appendChild(pre);
    const wrap = document.createElement("div");
    wrap.append(pair, details);
    return wrap;
  }

  // Teams renders a subset of Markdown in TextBlocks; the adaptivecards library leaves that to the host.
  function markdown(text) {
    let h = esc(text);
    h = h.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
    h = h.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/(^|[\s(])_([^_]+)_/g, "$1<em>$2</em>").replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
    return h.replace(/\r?\n/g, "<br>");
  }
  if (window.AdaptiveCards) {
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = markdown(text); result.didProcess = true; };
  }

  // The Teams rendering submits what Teams would (the verb, and the data with the card's inputs merged in); the bot reads it
  // exactly as it reads Teams, so a form filled in on this card gives the same command as in Teams.
  function renderAdaptive(m) {
    return adaptiveCard(m.adaptiveCard, (action) => sendTeams(action.verb, action.data || {}, m.ticket));
  }

  // An Adaptive Card drawn by the adaptivecards library; onExecute gets each Action.Execute (home.js draws the home card with it too).
  function adaptiveCard(json, onExecute) {
    if (!window.AdaptiveCards) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = "The adaptivecards library is missing (the build installs it with npm ci).";
      return p;
    }
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: "Segoe UI, Helvetica Neue, Arial, sans-serif" });
    card.onExecuteAction = onExecute;
    try {
      card.parse(json);
      const el = card.render();
      return el || document.createTextNode("(empty card)");
    } catch (e) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = "Adaptive Card error: " + e;
      return p;
    }
  }

  // A button: the form it opens comes from the bot (the engine's definition, the same Slack and Teams draw); none: act at once.
  // source: the message "Raise a ticket" was used on (threads.js), so the ticket is raised for its author.
  async function act(ticket, action, text, source) {
    const query = ticket ? "?ticket=" + ticket : text ? "?text=" + encodeURIComponent(text) : "";
    const { data } = await api("GET", "/local/forms/" + encodeURIComponent(action) + query);
    const form = data && data.form;
    if (!form) { send(ticket, action, {}, source); return; }
    $("form-title").textContent = form.title + (ticket ? " · INC-" + String(ticket).padStart(6, "0") : "");
    $("form-submit").textContent = form.submit || "Submit";
    const fields = $("form-fields");
    fields.innerHTML = "";
    for (const f of form.fields) {
      const l = document.createElement("label");
      l.textContent = f.label + (f.required ? "" : " (optional)");
      let input;
      if (f.kind === "Choice") {
        input = document.createElement("select");
        input.appendChild(new Option("—", ""));
        for (const c of f.choices || []) input.appendChild(new Option(c.label, c.value));
      } else {
        input = document.createElement(f.kind === "Multiline" ? "textarea" : "input");
        if (f.maxLength) input.maxLength = f.maxLength;
        if (f.placeholder) input.placeholder = f.placeholder;
      }
      if (f.value) input.value = f.value;
      input.name = f.name;
      input.setAttribute("data-testid", "field-" + f.name);
      l.appendChild(input);
      fields.appendChild(l);
    }
    $("form-error").textContent = "";
    const dlg = $("form-dialog");
    $("action-form").onsubmit = async (e) => {
      e.preventDefault();
      const values = {};
      fields.querySelectorAll("[name]").forEach((i) => { values[i.name] = i.value; });
      const r = await send(ticket, action, values, source);
      if (r.ok) dlg.close(); else $("form-error").textContent = r.text;
    };
    $("form-cancel").onclick = () => dlg.close();
    dlg.showModal();
    fields.querySelector("[name]")?.focus();
  }

  async function send(ticket, action, fields, source) {
    return answer(await api("POST", "/local/actions", { user: state.me, ticket: ticket || 0, action, fields, source }));
  }

  async function sendTeams(verb, data, ticket) {
    return answer(await api("POST", "/local/actions", { user: state.me, ticket: ticket || 0, teams: { verb, data } }));
  }

  function answer({ data, status }) {
    const ok = !!data?.ok;
    const text = data?.message || data?.error || data?.detail || ("HTTP " + status);
    toast(text, ok);
    return { ok, text };
  }

  async function onCompose(e) {
    e.preventDefault();
    const input = $("composer-text");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    const { data, status } = await api("POST", "/local/messages", { user: state.me, channel: state.channel, text });
    if (!data?.ok) toast(data?.message || data?.error || data?.detail || ("HTTP " + status), false);
    else if (data.raise) act(null, "raise", data.raise); // words the bot did not understand, in a direct chat: the raise form, prefilled
  }

  async function jump(kind) {
    const { data, status } = await api("POST", "/local/clock", { jump: kind });
    if (status >= 400) { toast(data?.detail || data?.error || "The clock did not move", false); return; }
    toast("Clock moved forward " + ({ "30m": "30 minutes", "end-of-day": "to the end of the day", monday: "to Monday 08:00" })[kind] + "; the sweep ran.", true);
    await loadState();
  }

  function connect() {
    const es = new EventSource("/local/events");
    const upsert = (ev) => {
      const change = JSON.parse(ev.data);
      const m = change.message;
      state.messages.set(m.id, m);
      if (m.channelId === state.channel) renderMessages();
      else if (ev.type === "posted") { state.unread.set(m.channelId, (state.unread.get(m.channelId) || 0) + 1); renderChannels(); }
    };
    es.addEventListener("posted", upsert);
    es.addEventListener("updated", upsert);
    es.addEventListener("clock", () => loadState());
    es.onerror = () => { /* EventSource reconnects by itself */ };
    es.onopen = () => { document.body.dataset.live = "true"; };
  }

  $("who").addEventListener("change", (e) => {
    state.me = e.target.value;
    localStorage.setItem("ce-me", state.me);
    renderChannels();
  });
  $("composer").addEventListener("submit", onCompose);
  $("raise-button").addEventListener("click", () => act(null, "raise"));
  $("toggle-channels").addEventListener("click", () => showChannels(!document.body.classList.contains("channels-open")));
  document.querySelectorAll("[data-jump]").forEach((b) => b.addEventListener("click", () => jump(b.dataset.jump)));

  // What threads.js calls back.
  window.CeEmulator = { act, api, toast, channel: channelById, me: () => state.me, rerender: renderMessages, adaptiveCard };

  loadState().then(connect);
})();
