// Ticket page: times are written in the desk's zone by the server; here they are rewritten in the browser's zone.
(function () {
  "use strict";
  const today = new Date().toDateString();
  document.querySelectorAll("time[datetime]").forEach((t) => {
    const d = new Date(t.getAttribute("datetime"));
    if (isNaN(d)) return;
    const sameDay = d.toDateString() === today;
    const opts = sameDay
      ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
      : { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    t.title = t.textContent;
    t.textContent = (sameDay ? "today " : "") + d.toLocaleString(undefined, opts);
  });
})();
