// One way of writing instants and durations on every page, in the browser's time zone:
// "14:05" when it is today, otherwise "Sat 10 Jan 14:05 GMT" (the year too when it is not this year).
// Durations in words: "45 min", "2 h 5 min", "1 day 3 h". Chat texts follow the same rules in the desk's zone (core TimeText).
(function () {
  "use strict";

  const parts = (date, options) => Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", options).formatToParts(date).map((p) => [p.type, p.value]));

  const dayKey = (date) => {
    const p = parts(date, { year: "numeric", month: "2-digit", day: "2-digit" });
    return p.year + "-" + p.month + "-" + p.day;
  };

  function zoneName(date) {
    return parts(date || new Date(), { timeZoneName: "short" }).timeZoneName || "";
  }

  function at(value, now) {
    const date = new Date(value);
    if (isNaN(date)) return "";
    const reference = now ? new Date(now) : new Date();
    const p = parts(date, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    const time = p.hour + ":" + p.minute;
    if (dayKey(date) === dayKey(reference)) return time;
    const year = parts(reference, { year: "numeric" }).year === p.year ? "" : " " + p.year;
    return p.weekday + " " + p.day + " " + p.month + year + " " + time + " " + p.timeZoneName;
  }

  function full(value) {
    const p = parts(new Date(value), { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    return p.weekday + " " + p.day + " " + p.month + " " + p.year + " " + p.hour + ":" + p.minute + " " + p.timeZoneName;
  }

  function day(value) {
    const p = parts(new Date(value), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
    return p.weekday + " " + p.day + " " + p.month + " " + p.year;
  }

  function hour(value) {
    const p = parts(new Date(value), { hour: "2-digit", hourCycle: "h23" });
    return p.hour + ":00";
  }

  function duration(minutes) {
    let m = Math.max(0, Math.round(minutes));
    if (m < 60) return m + " min";
    const d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
    m = m % 60;
    if (d === 0) return h + " h" + (m ? " " + m + " min" : "");
    return d + (d === 1 ? " day" : " days") + (h ? " " + h + " h" : "");
  }

  window.CeTime = { at, full, day, dayKey: (v) => dayKey(new Date(v)), hour, duration, zoneName };
})();
