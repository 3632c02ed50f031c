// strife desk: map, timeline, filters, event table and event page over the REST API.
// Plain JavaScript, no build step. Every value from the database or an article is
// put on the page with textContent or createTextNode, never as HTML.
"use strict";

(function () {
  const TYPE_COLORS = {
    "Battles": "#c62828",
    "Explosions/Remote violence": "#ef6c00",
    "Violence against civilians": "#6a1b9a",
    "Protests": "#2e7d32",
    "Riots": "#795548",
    "Strategic developments": "#1565c0",
  };
  const PAGE = 50;
  const DAY = 86400000;
  const FILTER_KEYS = ["q", "search_in", "country", "admin1", "since", "until", "type",
    "sub_type", "actor", "min_fatalities", "hedged", "bbox"];

  const state = { filters: {}, sort: "-date", offset: 0, meta: null, lastDesk: null, fitNext: true };

  // ---------------------------------------------------------------- helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const $ = (sel) => document.querySelector(sel);
  const fmt = (v) => (v === null || v === undefined || v === "" ? "\u2014" : String(v));
  const color = (t) => TYPE_COLORS[t] || "#555";
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (s) => Date.parse(s + "T00:00:00Z");

  function safeUrl(u) {
    try {
      const url = new URL(u);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  async function api(path, params) {
    const qs = params && params.toString();
    const r = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = (await r.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return r.json();
  }

  function filterParams(f, omit) {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      if (omit && omit.includes(k)) continue;
      const v = f[k];
      if (v !== undefined && v !== null && v !== "") p.set(k, v);
    }
    return p;
  }

  function busy(on) {
    document.body.dataset.state = on ? "loading" : "ready";
  }

  // ------------------------------------------------------------------- map
  const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 13 })
    .setView([15, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Basemap: Natural Earth (world-atlas)");
  map.createPane("base").style.zIndex = 250;
  const baseRenderer = L.canvas({ pane: "base" });
  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then((r) => r.json())
    .then((topo) => {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        pane: "base",
        renderer: baseRenderer,
        interactive: false,
        style: { color: "#b9b3a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      }).addTo(map);
      document.body.dataset.basemap = "ready";
    });

  const clusters = L.markerClusterGroup({
    maxClusterRadius: 40,
    chunkedLoading: true,
    showCoverageOnHover: false,
    iconCreateFunction(cluster) {
      const n = cluster.getChildCount();
      const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
      return L.divIcon({ html: el("span", { text: n }), className: "cluster", iconSize: L.point(size, size) });
    },
  });
  map.addLayer(clusters);

  const legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    const box = el("div", { class: "legend" });
    for (const [t, c] of Object.entries(TYPE_COLORS)) {
      const dot = el("i");
      dot.style.background = c;
      box.append(el("div", {}, dot, t));
    }
    box.append(el("div", { class: "dim", text: "size: killed" }));
    return box;
  };
  legend.addTo(map);

  function radius(dead) {
    return 5 + Math.min(18, Math.sqrt(dead || 0) * 2.2);
  }

  function popup(row) {
    const [id, , , type, dead, date, place] = row;
    return el("div", { class: "popup" },
      el("b", { text: type }),
      el("div", { text: `${fmt(place)} \u00b7 ${fmt(date)}` }),
      el("div", { class: "dim", text: dead === null ? "killed: not given" : `killed: ${dead}` }),
      el("a", { href: "#/event/" + encodeURIComponent(id), text: "Open event \u2192" }));
  }

  function drawPoints(rows) {
    clusters.clearLayers();
    const markers = rows.map((row) => {
      const [, lat, lon, type, dead] = row;
      const m = L.circleMarker([lat, lon], {
        radius: radius(dead), color: "#fff", weight: 1, fillColor: color(type), fillOpacity: 0.85,
      });
      m.bindPopup(() => popup(row));
      return m;
    });
    clusters.addLayers(markers);
    document.body.dataset.points = String(rows.length);
    if (state.fitNext && markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds(), { maxZoom: 6, padding: [30, 30] });
    }
    state.fitNext = false;
  }

  map.on("moveend", () => {
    if (!state.filters.in_view) return;
    const b = map.getBounds();
    const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
    setFilters({ bbox: [w, s, e, n].map((x) => x.toFixed(3)).join(",") }, false);
  });

  // -------------------------------------------------------------- timeline
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = $("#timeline");
  const tl = { t0: 0, t1: 1, width: 1, height: 110, pad: 18 };

  function svgEl(tag, attrs) {
    const n = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    return n;
  }

  function bucket(periods) {
    if (!periods.length) return { interval: "day", bars: [] };
    const span = (dayMs(periods[periods.length - 1].period) - dayMs(periods[0].period)) / DAY;
    const interval = span <= 150 ? "day" : span <= 1500 ? "week" : "month";
    const out = new Map();
    for (const p of periods) {
      let key = p.period;
      if (interval === "week") {
        const d = new Date(dayMs(p.period));
        key = isoDay(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
      } else if (interval === "month") key = p.period.slice(0, 7) + "-01";
      const b = out.get(key) || { start: key, events: 0, fatalities: 0 };
      b.events += p.events;
      b.fatalities += p.fatalities;
      out.set(key, b);
    }
    const bars = [...out.values()].map((b) => {
      const t = dayMs(b.start);
      let end = t + DAY;
      if (interval === "week") end = t + 7 * DAY;
      if (interval === "month") {
        const d = new Date(t);
        end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      }
      return { ...b, t, end };
    });
    return { interval, bars };
  }

  function drawTimeline(periods) {
    while (svg.firstChild) svg.firstChild.remove();
    const { interval, bars } = bucket(periods);
    $("#interval").textContent = interval;
    tl.width = svg.clientWidth || 800;
    svg.setAttribute("viewBox", `0 0 ${tl.width} ${tl.height}`);
    if (!bars.length) {
      svg.append(svgEl("text", { x: 8, y: 40, class: "axis" }));
      svg.lastChild.textContent = "no dated events match the filters";
      return;
    }
    tl.t0 = bars[0].t;
    tl.t1 = bars[bars.length - 1].end;
    const x = (t) => ((t - tl.t0) / (tl.t1 - tl.t0)) * tl.width;
    const h = tl.height - tl.pad;
    const max = Math.max(...bars.map((b) => b.events));
    svg.append(svgEl("line", { x1: 0, x2: tl.width, y1: h + 0.5, y2: h + 0.5, class: "baseline" }));
    for (const b of bars) {
      const x0 = x(b.t), w = Math.max(1, x(b.end) - x0 - 1);
      const bh = Math.max(2, (b.events / max) * (h - 6));
      const r = svgEl("rect", { x: x0, y: h - bh, width: w, height: bh, class: b.fatalities ? "bar dead" : "bar" });
      const title = svgEl("title");
      title.textContent = `${b.start} (${interval}): ${b.events} event(s), ${b.fatalities} killed`;
      r.append(title);
      svg.append(r);
    }
    const ticks = Math.min(6, bars.length + 1);
    for (let i = 0; i < ticks; i++) {
      const t = tl.t0 + ((tl.t1 - tl.t0) * i) / Math.max(1, ticks - 1);
      const label = svgEl("text", { x: Math.min(tl.width - 62, x(t)), y: tl.height - 4, class: "axis" });
      label.textContent = isoDay(Math.min(t, tl.t1 - DAY));
      svg.append(label);
    }
    const brush = svgEl("rect", { class: "brush", y: 0, height: h, x: 0, width: 0, visibility: "hidden" });
    svg.append(brush);
    tl.brush = brush;
    showBrush();
  }

  function showBrush() {
    if (!tl.brush) return;
    const f = state.filters;
    $("#clear-brush").hidden = !(f.since || f.until);
    if (!f.since && !f.until) {
      tl.brush.setAttribute("visibility", "hidden");
      return;
    }
    const x = (t) => Math.max(0, Math.min(tl.width, ((t - tl.t0) / (tl.t1 - tl.t0)) * tl.width));
    const a = f.since ? x(dayMs(f.since)) : 0;
    const b = f.until ? x(dayMs(f.until) + DAY) : tl.width;
    tl.brush.setAttribute("x", a);
    tl.brush.setAttribute("width", Math.max(1, b - a));
    tl.brush.setAttribute("visibility", "visible");
  }

  let drag = null;
  const toT = (px) => tl.t0 + (px / tl.width) * (tl.t1 - tl.t0);
  const localX = (ev) => {
    const r = svg.getBoundingClientRect();
    return Math.max(0, Math.min(tl.width, ((ev.clientX - r.left) / r.width) * tl.width));
  };
  svg.addEventListener("pointerdown", (ev) => {
    if (!tl.brush) return;
    drag = { x0: localX(ev) };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const x1 = localX(ev);
    tl.brush.setAttribute("x", Math.min(drag.x0, x1));
    tl.brush.setAttribute("width", Math.abs(x1 - drag.x0));
    tl.brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (ev) => {
    if (!drag) return;
    const x1 = localX(ev);
    const [a, b] = [Math.min(drag.x0, x1), Math.max(drag.x0, x1)];
    drag = null;
    if (b - a < 3) {
      setFilters({ since: "", until: "" });
      return;
    }
    setFilters({ since: isoDay(toT(a)), until: isoDay(Math.max(toT(a), toT(b) - 1)) });
  });
  $("#clear-brush").addEventListener("click", () => setFilters({ since: "", until: "" }));

  // ----------------------------------------------------------------- table
  const COLUMNS = [
    ["date", "Date", "date"],
    ["type", "Type", "type"],
    ["sub", "Sub-event type", "sub_type"],
    ["actors", "Actors", "actor1"],
    ["place", "Place", "location"],
    ["country", "Country", "country"],
    ["killed", "Killed", "fatalities"],
    ["notes", "", null],
  ];

  function drawHead() {
    const tr = $("#events thead tr");
    tr.replaceChildren();
    const key = state.sort.replace(/^-/, "");
    for (const [, label, sortKey] of COLUMNS) {
      const th = el("th", { text: label, "data-sort": sortKey, scope: "col" });
      if (sortKey && sortKey === key) th.className = "sorted" + (state.sort.startsWith("-") ? " desc" : "");
      if (sortKey) {
        th.addEventListener("click", () => {
          const desc = key === sortKey ? !state.sort.startsWith("-") : sortKey === "date" || sortKey === "fatalities";
          state.sort = (desc ? "-" : "") + sortKey;
          state.offset = 0;
          loadTable();
        });
      }
      tr.append(th);
    }
  }

  function actors(e) {
    const a1 = e.actor1 ? e.actor1.name : "";
    const a2 = e.actor2 ? e.actor2.name : "";
    return a1 && a2 ? `${a1} \u2192 ${a2}` : a1 || (a2 ? `\u2192 ${a2}` : "");
  }

  function killed(f) {
    if (f.best === null && f.low === null && f.high === null) return "";
    const best = f.best === null ? "?" : String(f.best);
    if ((f.low === null && f.high === null) || (f.low === f.best && f.high === f.best)) return best;
    return `${best} (${f.low === null ? "?" : f.low}\u2013${f.high === null ? "?" : f.high})`;
  }

  function drawRows(events) {
    const body = $("#events tbody");
    body.replaceChildren();
    if (!events.length) {
      body.append(el("tr", {}, el("td", { colspan: COLUMNS.length, class: "empty", text: "No events match these filters." })));
      return;
    }
    for (const e of events) {
      const href = "#/event/" + encodeURIComponent(e.id);
      const loc = e.location || {};
      const dot = el("span", { class: "dot" });
      dot.style.background = color(e.event_type);
      const tr = el("tr", { "data-id": e.id },
        el("td", { class: "date" }, el("a", { href, text: e.date || "undated" })),
        el("td", {}, dot, e.event_type),
        el("td", { text: e.sub_event_type }),
        el("td", { text: actors(e) }),
        el("td", { text: [loc.name, loc.admin1].filter(Boolean).join(", ") }),
        el("td", { text: loc.country || "" }),
        el("td", { class: "num", text: killed(e.fatalities) }),
        el("td", {}, e.hedged ? el("span", { class: "tag", text: "hedged" }) : null));
      tr.addEventListener("click", (ev) => {
        if (ev.target.tagName !== "A") location.hash = href;
      });
      body.append(tr);
    }
  }

  async function loadTable() {
    drawHead();
    const p = filterParams(state.filters);
    p.set("sort", state.sort);
    p.set("limit", PAGE);
    p.set("offset", state.offset);
    const data = await api("/api/events", p);
    drawRows(data.events);
    const last = Math.min(data.total, state.offset + data.events.length);
    $("#count").textContent = data.total
      ? `${data.total} event${data.total === 1 ? "" : "s"} \u00b7 showing ${state.offset + 1}\u2013${last}`
      : "0 events";
    $("#page").textContent = `page ${Math.floor(state.offset / PAGE) + 1} of ${Math.max(1, Math.ceil(data.total / PAGE))}`;
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = last >= data.total;
  }
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });

  // --------------------------------------------------------------- filters
  const form = $("#filters");

  function fillSelect(sel, options, current) {
    sel.replaceChildren(el("option", { value: "", text: "any" }));
    for (const [value, label] of options) sel.append(el("option", { value, text: label }));
    sel.value = current || "";
  }

  function subTypes() {
    const types = state.meta ? state.meta.event_types : {};
    const t = state.filters.type;
    return (t && types[t] ? types[t] : Object.values(types).flat()).map((s) => [s, s]);
  }

  function formToState() {
    const f = {};
    for (const k of ["q", "country", "admin1", "since", "until", "type", "sub_type", "actor", "min_fatalities", "hedged"]) {
      const v = form.elements[k].value.trim();
      if (v) f[k] = v;
    }
    if (form.elements.search_article.checked) f.search_in = "article";
    if (form.elements.in_view.checked) f.in_view = "1";
    return f;
  }

  function stateToForm() {
    const f = state.filters;
    for (const k of ["q", "country", "admin1", "since", "until", "type", "actor", "min_fatalities", "hedged"]) {
      if (document.activeElement !== form.elements[k]) form.elements[k].value = f[k] || "";
    }
    fillSelect(form.elements.sub_type, subTypes(), f.sub_type);
    form.elements.search_article.checked = f.search_in === "article";
    form.elements.in_view.checked = !!f.in_view;
    const p = filterParams(f);
    $("#csv").href = "/api/events?format=csv&" + p;
    $("#geojson").href = "/api/events?format=geojson&" + p;
  }

  function setFilters(changes, fit = true) {
    const f = { ...state.filters, ...changes };
    for (const k of Object.keys(f)) if (f[k] === "" || f[k] === null) delete f[k];
    if (!f.in_view) delete f.bbox;
    state.fitNext = fit && !f.in_view;
    const qs = new URLSearchParams(f).toString();
    location.hash = "#/" + (qs ? "?" + qs : "");
  }

  let typing = null;
  form.addEventListener("input", (ev) => {
    const text = ev.target.type === "search" || ev.target.type === "text" || ev.target.type === "number";
    clearTimeout(typing);
    const apply = () => {
      const f = formToState();
      if (ev.target.name === "type") delete f.sub_type;
      if (f.in_view && !state.filters.in_view) {
        const b = map.getBounds();
        f.bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
          .map((x, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, x)).toFixed(3)).join(",");
      } else if (f.in_view) f.bbox = state.filters.bbox;
      const keep = { ...f };
      for (const k of Object.keys(state.filters)) if (!(k in keep)) keep[k] = "";
      setFilters(keep, !f.in_view);
    };
    if (text) typing = setTimeout(apply, 350);
    else apply();
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  $("#reset").addEventListener("click", () => {
    state.sort = "-date";
    state.fitNext = true;
    location.hash = "#/";
  });

  // ------------------------------------------------------------------ desk
  async function loadMeta() {
    state.meta = await api("/api/meta");
    const m = state.meta;
    $("#summary").textContent = `${m.events} events from ${m.articles} articles` +
      (m.date_min ? ` \u00b7 ${m.date_min} to ${m.date_max}` : "");
    fillSelect(form.elements.country, m.countries.map((c) => [c.country, `${c.country} (${c.events})`]), state.filters.country);
    fillSelect(form.elements.type, Object.keys(m.event_types).map((t) => [t, t]), state.filters.type);
  }

  async function showDesk(params) {
    $("#event").hidden = true;
    $("#desk").hidden = false;
    document.title = "strife desk";
    map.invalidateSize();
    const f = {};
    for (const [k, v] of params) if (v) f[k] = v;
    const key = params.toString();
    if (key === state.lastDesk && document.body.dataset.state === "ready") return;
    const fit = state.fitNext || state.lastDesk === null;
    state.lastDesk = key;
    state.filters = f;
    state.offset = 0;
    busy(true);
    try {
      if (!state.meta) await loadMeta();
      stateToForm();
      state.fitNext = fit;
      const [points, timeline] = await Promise.all([
        api("/api/events/points", filterParams(f, ["bbox"])),
        api("/api/timeline", filterParams(f, ["since", "until"])),
        loadTable(),
      ]);
      drawPoints(points.rows);
      state.timeline = timeline.periods;
      drawTimeline(timeline.periods);
      busy(false);
    } catch (err) {
      $("#count").replaceChildren(el("span", { class: "error", text: "Could not load events: " + err.message }));
      busy(false);
    }
  }

  // ------------------------------------------------------------ event page
  function field(dl, name, value) {
    dl.append(el("dt", { text: name }), el("dd", {}, value instanceof Node ? value : fmt(value)));
  }

  function actorText(a) {
    if (!a) return null;
    return `${a.name} (as written: \u201c${a.text}\u201d; type ${a.type}; country ${fmt(a.country)})`;
  }

  function countText(c) {
    return `best ${fmt(c.best)} \u00b7 low ${fmt(c.low)} \u00b7 high ${fmt(c.high)}`;
  }

  const PRECISION = { 1: "day", 2: "week", 3: "month or vaguer" };
  const GEO_PRECISION = { 1: "the named town", 2: "near a town or part of a region", 3: "only the province/region" };

  function eventFields(e) {
    const dl = el("dl", { class: "fields" });
    const loc = e.location;
    field(dl, "event id", e.id);
    field(dl, "article id", e.article_id);
    field(dl, "event type", e.event_type);
    field(dl, "sub-event type", e.sub_event_type);
    field(dl, "PLOVER event / mode", [e.plover_event, e.plover_mode].filter(Boolean).join(" / ") || null);
    field(dl, "date", e.date);
    field(dl, "time precision", `${e.time_precision} (${PRECISION[e.time_precision] || "?"})`);
    field(dl, "actor 1 (who acted)", actorText(e.actor1));
    field(dl, "actor 2 (done to)", actorText(e.actor2));
    if (loc) {
      field(dl, "location", [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", "));
      field(dl, "coordinates", loc.lat === null ? null : `${loc.lat}, ${loc.lon}`);
      field(dl, "geo precision", loc.geo_precision ? `${loc.geo_precision} (${GEO_PRECISION[loc.geo_precision] || "?"})` : null);
      field(dl, "GeoNames id", loc.geonameid);
    } else field(dl, "location", null);
    field(dl, "fatalities", countText(e.fatalities));
    field(dl, "injured", countText(e.injured));
    field(dl, "weapons", e.weapons.join(", "));
    field(dl, "platforms", e.platforms.join(", "));
    field(dl, "hedged", e.hedged ? "yes: presented as alleged, possible or denied" : "no");
    field(dl, "attributed to", e.attributed_to);
    field(dl, "trigger", `\u201c${e.trigger.text}\u201d at ${e.trigger.start}\u2013${e.trigger.end}`);
    field(dl, "evidence", `${e.evidence.length} span(s), highlighted below`);
    field(dl, "confidence", e.confidence);
    field(dl, "incident", e.incident_id);
    return dl;
  }

  // Offsets are Python str indices (code points); JavaScript strings count UTF-16
  // units, so the text is cut as an array of code points.
  function highlighted(text, events, mainId) {
    const cps = Array.from(text);
    const spans = [];
    for (const e of events) {
      for (const s of e.evidence) spans.push({ start: s.start, end: s.end, kind: "evidence", main: e.id === mainId });
      spans.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", main: e.id === mainId });
    }
    const ok = spans.filter((s) => s.start >= 0 && s.end <= cps.length && s.start < s.end);
    const cuts = new Set([0, cps.length]);
    for (const s of ok) { cuts.add(s.start); cuts.add(s.end); }
    const pts = [...cuts].sort((a, b) => a - b);
    const box = el("div", { class: "article-text" });
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      let node = document.createTextNode(cps.slice(a, b).join(""));
      const cover = ok.filter((s) => s.start <= a && s.end >= b);
      const trig = cover.find((s) => s.kind === "trigger");
      const ev = cover.find((s) => s.kind === "evidence");
      if (trig) node = el("mark", { class: "trigger", title: "trigger" }, node);
      if (ev) node = el("mark", { class: ev.main ? "evidence" : "evidence other", title: "evidence" }, node);
      box.append(node);
    }
    return box;
  }

  function sourceCard(src, mainId) {
    const a = src.article;
    const url = a.url && safeUrl(a.url);
    const meta = [a.source, a.author, a.published ? "published " + a.published : null].filter(Boolean).join(" \u00b7 ");
    const card = el("section", { class: "card source", "data-article": a.id },
      el("h2", { text: a.title || "(untitled article)" }),
      el("p", { class: "article-meta" },
        meta ? meta + " \u00b7 " : "",
        "article ", el("code", { text: a.id }),
        url ? " \u00b7 " : "", url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: url }) : null),
      el("p", { class: "legend-inline" },
        el("mark", { class: "evidence", text: "evidence" }), " ",
        el("mark", { class: "trigger", text: "trigger" }),
        src.events.length > 1 || src.events[0].id !== mainId ? " \u00b7 " + src.events.length + " report(s) of this incident in this article" : ""),
      highlighted(a.text, src.events, mainId));
    return card;
  }

  async function showEvent(id) {
    $("#desk").hidden = true;
    const page = $("#event");
    page.hidden = false;
    page.replaceChildren(el("p", { text: "Loading\u2026" }));
    busy(true);
    try {
      const data = await api("/api/events/" + encodeURIComponent(id));
      const e = data.event;
      const loc = e.location;
      document.title = `${e.sub_event_type} \u2014 strife desk`;
      page.replaceChildren(
        el("a", { href: "#/" + (state.lastDesk ? "?" + state.lastDesk : ""), text: "\u2190 back to events" }),
        el("h1", { text: `${e.sub_event_type}${loc ? " \u2014 " + loc.name : ""}${e.date ? ", " + e.date : ""}` }),
        el("p", { class: "sub", text: e.event_type + (e.hedged ? " \u00b7 hedged" : "") }),
        el("section", { class: "card" }, eventFields(e)),
        el("h2", { text: `Source article${data.sources.length === 1 ? "" : "s"}` }),
        ...data.sources.map((s) => sourceCard(s, e.id)));
      busy(false);
    } catch (err) {
      page.replaceChildren(el("a", { href: "#/", text: "\u2190 back to events" }), el("p", { class: "error", text: err.message }));
      busy(false);
    }
  }

  // ---------------------------------------------------------------- router
  function route() {
    const h = location.hash || "#/";
    if (h.startsWith("#/event/")) showEvent(decodeURIComponent(h.slice(8)));
    else showDesk(new URLSearchParams(h.split("?")[1] || ""));
  }
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => {
    if (!$("#desk").hidden && state.timeline) drawTimeline(state.timeline);
  });
  route();
})();
