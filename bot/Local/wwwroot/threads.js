// Threads and the "Raise a ticket" message action on the emulator page (Slack's message shortcut, Teams' "…" → Raise a ticket).
// app.js calls CeThreads.decorate(el, m) for every message and CeThreads.attach(el, m, replies, render) for every top-level one;
// this file calls back through window.CeEmulator (act, api, toast, channel, me). No inline scripts or styles (the page's CSP).
(function () {
  "use strict";

  const collapsed = new Set(); // threads the viewer closed (open by default, so status lines stay in sight)
  const drafts = new Map();    // reply box text per thread, kept across re-renders
  let replying = null;         // the thread whose reply box is open

  const ce = () => window.CeEmulator;

  function button(text, testId, title) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("data-testid", testId);
    if (title) b.title = title;
    return b;
  }

  // A person's message in a channel (not a DM, not a reply) gets a "⋯" menu with "Raise a ticket": the prefilled raise form, for
  // the message's author, with the clicker recorded; the bot answers in the message's thread.
  function decorate(el, m) {
    const channel = ce().channel(m.channelId);
    if (m.kind !== "user" || m.threadOf || !channel || channel.kind === "Direct") return;
    const more = button("⋯", "msg-more", "More actions");
    more.className = "msg-more";
    more.setAttribute("aria-haspopup", "menu");
    const menu = document.createElement("div");
    menu.className = "msg-menu hidden";
    menu.setAttribute("role", "menu");
    menu.setAttribute("data-testid", "msg-menu");
    const raise = button("Raise a ticket", "raise-from-message", "Slack: message shortcut · Teams: message extension (… → Raise a ticket)");
    raise.setAttribute("role", "menuitem");
    raise.addEventListener("click", () => { menu.classList.add("hidden"); ce().act(null, "raise", m.text, m.id); });
    more.addEventListener("click", (e) => {
      e.stopPropagation();
      const wasHidden = menu.classList.contains("hidden");
      closeMenus();
      menu.classList.toggle("hidden", !wasHidden);
    });
    menu.appendChild(raise);
    el.querySelector(".msg-head").append(more, menu);
  }

  function closeMenus() {
    document.querySelectorAll(".msg-menu").forEach((x) => x.classList.add("hidden"));
  }

  // Under a top-level message: its reply count (opens or closes the thread), the replies, and a reply box on demand. A reply goes
  // through the same inbound path as a Slack or Teams thread reply (POST /local/messages with threadOf).
  function attach(el, m, replies, render) {
    const bar = document.createElement("div");
    bar.className = "thread-bar";
    bar.setAttribute("data-testid", "thread-bar");
    const open = !collapsed.has(m.id);
    if (replies.length) {
      const count = button(replies.length + (replies.length === 1 ? " reply" : " replies") + (open ? " ▾" : " ▸"), "thread-count",
        open ? "Close the thread" : "Open the thread");
      count.className = "link";
      count.addEventListener("click", () => {
        if (open) { collapsed.add(m.id); if (replying === m.id) replying = null; } else collapsed.delete(m.id);
        ce().rerender();
      });
      bar.appendChild(count);
    }
    const reply = button("Reply in thread", "thread-reply", "Answer in this message's thread");
    reply.className = "link";
    reply.addEventListener("click", () => { replying = m.id; collapsed.delete(m.id); ce().rerender(); });
    bar.appendChild(reply);
    el.appendChild(bar);

    if ((replies.length && open) || replying === m.id) {
      const th = document.createElement("div");
      th.className = "thread";
      th.setAttribute("data-testid", "thread");
      if (open) replies.forEach((r) => th.appendChild(render(r)));
      if (replying === m.id) th.appendChild(replyBox(m));
      el.appendChild(th);
    }
  }

  function replyBox(m) {
    const form = document.createElement("form");
    form.className = "thread-composer";
    form.setAttribute("data-testid", "thread-composer");
    const input = document.createElement("input");
    input.autocomplete = "off";
    input.placeholder = "Reply in the thread: a note on its ticket, or a command";
    input.setAttribute("data-testid", "thread-text");
    input.value = drafts.get(m.id) || "";
    input.addEventListener("input", () => drafts.set(m.id, input.value));
    const send = button("Reply", "thread-send");
    send.type = "submit";
    const cancel = button("Cancel", "thread-cancel");
    cancel.addEventListener("click", () => { replying = null; drafts.delete(m.id); ce().rerender(); });
    form.append(input, send, cancel);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      drafts.delete(m.id);
      input.value = "";
      const { data, status } = await ce().api("POST", "/local/messages", { user: ce().me(), channel: m.channelId, text, threadOf: m.id });
      if (!data?.ok) ce().toast(data?.message || data?.error || data?.detail || ("HTTP " + status), false);
    });
    setTimeout(() => { if (replying === m.id && document.activeElement?.tagName !== "INPUT") input.focus(); }, 0);
    return form;
  }

  document.addEventListener("click", closeMenus);
  window.CeThreads = { decorate, attach };
})();
