// A small renderer of Slack Block Kit to HTML for the emulator: header, section (text, fields, button accessory),
// context, divider, image, actions (buttons) and rich_text paragraphs. Text is escaped; mrkdwn is read the Slack way.
(function (global) {
  "use strict";

  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // Slack escapes &, < and > in text; everything else in <...> is a link, a mention or a special command.
  function unescapeSlack(s) {
    return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function inline(s) {
    let h = escapeHtml(unescapeSlack(s));
    h = h.replace(/`([^`]+)`/g, "<code>$1</code>");
    h = h.replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<strong>$2</strong>");
    h = h.replace(/(^|[\s(])_([^_\n]+)_/g, "$1<em>$2</em>");
    h = h.replace(/(^|[\s(])~([^~\n]+)~/g, "$1<del>$2</del>");
    h = h.replace(/:rotating_light:/g, "🚨").replace(/:warning:/g, "⚠️").replace(/:white_check_mark:/g, "✅");
    return h;
  }

  function mrkdwn(text) {
    const out = [];
    const re = /<([^>]+)>/g;
    let last = 0, m;
    while ((m = re.exec(text)) !== null) {
      out.push(inline(text.slice(last, m.index)));
      const [target, label] = m[1].split("|");
      if (target.startsWith("!date^")) out.push(date(target, label));
      else if (target.startsWith("@")) out.push('<span class="mention">@' + escapeHtml(label || target.slice(1)) + "</span>");
      else if (target.startsWith("#")) out.push('<span class="mention">#' + escapeHtml(label || target.slice(1)) + "</span>");
      else if (target.startsWith("!")) out.push('<span class="mention">@' + escapeHtml(label || target.slice(1).split("^")[0]) + "</span>");
      else out.push('<a href="' + escapeHtml(target) + '" target="_blank" rel="noopener">' + escapeHtml(label || target) + "</a>");
      last = re.lastIndex;
    }
    out.push(inline(text.slice(last)));
    return out.join("").replace(/\n/g, "<br>");
  }

  // <!date^1773828000^{date_short_pretty} {time}|fallback>: Slack shows it in the viewer's zone; so does the emulator, the pages' way.
  function date(target, fallback) {
    const seconds = Number(target.split("^")[1]);
    if (!global.CeTime || !isFinite(seconds)) return escapeHtml(fallback || "");
    return '<time class="bk-date" datetime="' + new Date(seconds * 1000).toISOString() + '">' + escapeHtml(global.CeTime.at(seconds * 1000, api.now || undefined)) + "</time>";
  }

  function text(obj) {
    if (!obj) return "";
    if (typeof obj === "string") return escapeHtml(obj);
    return obj.type === "mrkdwn" ? mrkdwn(obj.text || "") : escapeHtml(obj.text || "");
  }

  function button(el, onAction) {
    const b = document.createElement("button");
    b.className = "bk-button" + (el.style === "primary" ? " bk-primary" : el.style === "danger" ? " bk-danger" : "");
    b.innerHTML = text(el.text);
    b.dataset.actionId = el.action_id || "";
    b.addEventListener("click", () => onAction(el.action_id, el.value, el));
    return b;
  }

  function element(el, onAction) {
    if (el.type === "button") return button(el, onAction);
    if (el.type === "image") { const i = document.createElement("img"); i.src = el.image_url; i.alt = el.alt_text || ""; i.className = "bk-img"; return i; }
    const s = document.createElement("span");
    s.innerHTML = text(el);
    return s;
  }

  function render(blocks, onAction) {
    const root = document.createElement("div");
    root.className = "bk";
    (Array.isArray(blocks) ? blocks : (blocks && blocks.blocks) || []).forEach((b) => {
      const div = document.createElement("div");
      div.className = "bk-block bk-" + b.type;
      switch (b.type) {
        case "header": div.innerHTML = text(b.text); break;
        case "divider": div.appendChild(document.createElement("hr")); break;
        case "section": {
          if (b.text) { const t = document.createElement("div"); t.innerHTML = text(b.text); div.appendChild(t); }
          if (b.fields) {
            const f = document.createElement("div"); f.className = "bk-fields";
            b.fields.forEach((x) => { const c = document.createElement("div"); c.innerHTML = text(x); f.appendChild(c); });
            div.appendChild(f);
          }
          if (b.accessory) div.appendChild(element(b.accessory, onAction));
          break;
        }
        case "context": (b.elements || []).forEach((e) => div.appendChild(element(e, onAction))); break;
        case "actions": (b.elements || []).forEach((e) => div.appendChild(element(e, onAction))); break;
        case "image": div.appendChild(element(b, onAction)); break;
        case "rich_text":
          div.innerHTML = (b.elements || []).map((s) => (s.elements || []).map((t) => escapeHtml(t.text || "")).join("")).join("<br>");
          break;
        default: div.textContent = "[" + b.type + " block]";
      }
      root.appendChild(div);
    });
    return root;
  }

  // now: the instant "today" is read against (the emulator sets its demo clock's time); null for the browser's.
  const api = { render: render, mrkdwn: mrkdwn, now: null };
  global.BlockKit = api;
})(window);
