// khabar's web page: analyse a text, search the archive, read articles and entity pages.
// Plain JavaScript, no libraries. Every piece of text goes into the page through textContent
// or attributes (never innerHTML), so article text is always escaped.
"use strict";

const TYPES = { PER: "شخص", ORG: "مؤسسة", LOC: "مكان", MISC: "أخرى" };
const KINDS = { direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط" };
const view = document.getElementById("view");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) throw new Error((data && data.error) || `HTTP ${response.status}`);
  return data;
}

// Replace what the view shows (null and false items are left out).
function show(...nodes) {
  view.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));
}

function showError(error) {
  view.append(el("p", { class: "error", role: "alert" }, error.message || String(error)));
}

// ---- highlighting ---------------------------------------------------------------------------

// The spans to highlight in an analysis (khabar.analysis/1).
function spansOf(a) {
  const spans = [];
  for (const e of a.entities || []) {
    const roles = (e.roles || []).map(r => r.text);
    const title = `${e.name} — ${TYPES[e.type] || e.type}` + (roles.length ? ` (${roles.join("، ")})` : "");
    for (const m of e.mentions || [])
      spans.push({ start: m.start, end: m.end, cls: `ent ${e.type}`, title, ref: e.ref, entity: e.id });
  }
  for (const q of a.quotes || []) {
    const who = q.speaker && q.speaker.name ? q.speaker.name : "غير معروف";
    const via = q.via ? ` — عبر ${q.via.name}` : "";
    spans.push({ start: q.start, end: q.end, cls: "quote", title: `المتحدث: ${who}${via}` });
  }
  for (const t of a.times || [])
    spans.push({ start: t.start, end: t.end, cls: "time",
                 title: `${t.value === null ? "غير محدد" : t.value}${t.mod ? " " + t.mod : ""} (${t.type})` });
  for (const q of a.quantities || [])
    spans.push({ start: q.start, end: q.end, cls: "qty",
                 title: `${q.value}${q.unit ? " " + q.unit : ""}${q.approx ? " (تقريبي)" : ""}` });
  return spans;
}

// The text with spans marked; overlapping spans nest (longest outside).
function marked(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b)
                          .sort((x, y) => (y.end - y.start) - (x.end - x.start));
    let node = document.createTextNode(piece);
    covering.slice().reverse().forEach((s, j) => {
      const wrap = s.ref !== undefined && s.ref !== null
        ? el("a", { class: s.cls, href: `#/entity/${s.ref}`, "data-entity": s.entity })
        : el("span", { class: s.cls, "data-entity": s.entity });
      wrap.title = j === 0 ? covering.map(c => c.title).reverse().join(" | ") : s.title;
      wrap.append(node);
      node = wrap;
    });
    out.append(node);
  }
  return out;
}

function snippetNode(snippet) {
  const spans = snippet.highlights.map(([s, e]) => ({ start: s - snippet.start, end: e - snippet.start }));
  const out = el("p", { class: "snippet" });
  let last = 0;
  for (const s of spans) {
    out.append(snippet.text.slice(last, s.start), el("mark", {}, snippet.text.slice(s.start, s.end)));
    last = s.end;
  }
  out.append(snippet.text.slice(last));
  return out;
}

function facts(...items) {
  return el("div", { class: "facts" }, items.filter(Boolean).join(" · "));
}

function analysisLists(a) {
  const cols = el("div", { class: "cols" });
  if ((a.entities || []).length) cols.append(el("section", { class: "box", id: "entities" },
    el("h2", {}, `الكيانات (${a.entities.length})`),
    el("ul", { class: "plain" }, a.entities.map(e => el("li", {},
      e.ref ? el("a", { class: `ent ${e.type}`, href: `#/entity/${e.ref}` }, e.name)
            : el("span", { class: `ent ${e.type}` }, e.name),
      ` ${TYPES[e.type] || e.type} ×${e.mentions.length}`,
      (e.roles || []).length ? ` — ${[...new Set(e.roles.map(r => r.text))].join("؛ ")}` : "")))));
  if ((a.quotes || []).length) cols.append(el("section", { class: "box", id: "quotes" },
    el("h2", {}, `الاقتباسات (${a.quotes.length})`),
    el("ul", { class: "plain" }, a.quotes.map(q => el("li", {},
      el("strong", {}, (q.speaker && q.speaker.name) || "؟"), `: «${a.text.slice(q.start, q.end)}»`)))));
  if ((a.times || []).length) cols.append(el("section", { class: "box", id: "times" },
    el("h2", {}, `الأزمنة (${a.times.length})`),
    el("ul", { class: "plain" }, a.times.map(t => el("li", {}, `${t.text} ← `,
      el("bdi", { dir: "ltr" }, `${t.value === null ? "?" : t.value}${t.mod ? " " + t.mod : ""}`))))));
  if ((a.quantities || []).length) cols.append(el("section", { class: "box", id: "quantities" },
    el("h2", {}, `الكميات (${a.quantities.length})`),
    el("ul", { class: "plain" }, a.quantities.map(q => el("li", {}, `${q.text} ← ${q.value} ${q.unit || ""}`)))));
  return cols;
}

function analysisView(a) {
  const box = el("div", { id: "analysis" });
  box.append(el("div", { class: "text", id: "analysed-text" }, marked(a.text, spansOf(a))));
  box.append(facts(`${(a.sentences || []).length} جملة`, `${(a.entities || []).length} كيان`,
                   `${(a.quotes || []).length} اقتباس`, `${(a.times || []).length} زمن`,
                   `${(a.quantities || []).length} كمية`));
  box.append(analysisLists(a));
  return box;
}

// ---- views ----------------------------------------------------------------------------------

function analyzePage() {
  const text = el("textarea", { id: "analyze-text", placeholder: "الصق نص خبر هنا…", dir: "rtl" });
  const date = el("input", { id: "analyze-date", type: "date", title: "تاريخ النشر" });
  const out = el("div", { id: "analyze-out" });
  const run = async (event) => {
    event.preventDefault();
    out.replaceChildren(el("p", { class: "muted" }, "جارٍ التحليل…"));
    try {
      const body = { text: text.value };
      if (date.value) body.published = date.value;
      const a = await api("/api/analyze", { method: "POST", body: JSON.stringify(body),
                                             headers: { "Content-Type": "application/json" } });
      out.replaceChildren(analysisView(a));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
    }
  };
  show(
    el("h1", {}, "تحليل نص خبر"),
    el("form", { on: { submit: run } }, text,
       el("div", { class: "filters" }, el("label", {}, "تاريخ النشر ", date), " ",
          el("button", { id: "analyze-button", type: "submit" }, "حلّل"))),
    out);
}

function searchForm(params) {
  const field = (name, label, type) => el("label", {}, label,
    el("input", { name, id: `search-${name}`, type: type || "search", value: params.get(name) || "" }));
  const form = el("form", { class: "filters", id: "search-form", on: { submit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) if (input.value) next.set(input.name, input.value);
    location.hash = `#/search?${next}`;
  } } },
    field("q", "كلمات البحث"), field("entity", "كيان"), field("source", "المصدر"),
    field("from", "من تاريخ", "date"), field("to", "إلى تاريخ", "date"),
    el("button", { id: "search-button", type: "submit" }, "ابحث"));
  return form;
}

async function searchPage(params) {
  show(el("h1", {}, "البحث في الأرشيف"), searchForm(params));
  const any = ["q", "entity", "source", "from", "to"].some(k => params.get(k));
  if (!any) {
    try {
      const latest = await api("/api/articles?limit=10");
      view.append(el("h2", {}, "أحدث المقالات"), el("ul", { class: "plain", id: "latest" },
        latest.map(a => el("li", {}, el("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id),
                            " ", el("span", { class: "muted" }, [a.source, a.published].filter(Boolean).join(" · "))))));
    } catch (error) { showError(error); }
    return;
  }
  const offset = Number(params.get("offset") || 0);
  const query = new URLSearchParams(params);
  query.set("limit", "10");
  try {
    const r = await api(`/api/search?${query}`);
    const results = el("div", { id: "results" },
      el("p", { class: "muted", id: "total" }, `${r.total} نتيجة`));
    for (const hit of r.hits) {
      results.append(el("div", { class: "hit" },
        el("h3", {}, el("a", { href: `#/article/${encodeURIComponent(hit.id)}` }, hit.title || hit.id)),
        facts(hit.source, hit.day),
        snippetNode(hit.snippet),
        hit.duplicates.length ? facts("نُشر أيضاً في: " + hit.duplicates.map(d => d.source || d.id).join("، ")) : null));
    }
    const pager = el("div", { class: "pager" });
    const page = (delta, label) => {
      const next = new URLSearchParams(params); next.set("offset", String(offset + delta));
      return el("a", { href: `#/search?${next}` }, label);
    };
    if (offset > 0) pager.append(page(-10, "السابق"));
    if (offset + r.hits.length < r.total) pager.append(page(10, "التالي"));
    results.append(pager);
    view.append(results);
  } catch (error) { showError(error); }
}

async function articlePage(key) {
  show(el("p", { class: "muted" }, "…"));
  try {
    const a = await api(`/api/articles/${encodeURIComponent(key)}`);
    show(el("h1", { id: "article-title" }, a.title || a.id),
      facts(a.source, a.published, a.id),
      a.url ? el("p", {}, el("a", { href: a.url, rel: "noopener noreferrer", dir: "ltr" }, a.url)) : null,
      a.duplicate_of ? facts(`نسخة من ${a.duplicate_of}`) : null,
      (a.duplicates || []).length ? facts("نُشر أيضاً في: " + a.duplicates.map(d => `${d.source || d.id} (${d.published || "؟"})`).join("، ")) : null,
      analysisView(a));
  } catch (error) { show(); showError(error); }
}

function chart(months) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  const width = Math.max(300, months.length * 40), height = 160, peak = Math.max(1, ...months.map(m => m.mentions));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "الذكر عبر الزمن");
  const step = width / Math.max(1, months.length);
  months.forEach((m, i) => {
    const h = Math.round((height - 30) * m.mentions / peak);
    // Time runs right to left, as the page reads.
    const x = width - (i + 1) * step + step * 0.15;
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", x); rect.setAttribute("y", height - 18 - h);
    rect.setAttribute("width", step * 0.7); rect.setAttribute("height", h);
    const tip = document.createElementNS(ns, "title");
    tip.textContent = `${m.month}: ${m.mentions} ذكر في ${m.articles} مقال`;
    rect.append(tip);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", x + step * 0.35); label.setAttribute("y", height - 4);
    label.setAttribute("text-anchor", "middle");
    label.textContent = m.month;
    svg.append(rect, label);
  });
  return svg;
}

async function entityPage(ref) {
  show(el("p", { class: "muted" }, "…"));
  try {
    const [e, t] = await Promise.all([api(`/api/entities/${encodeURIComponent(ref)}`),
                                      api(`/api/entities/${encodeURIComponent(ref)}/timeline`)]);
    const aliases = e.aliases.map(a => a.alias).filter(a => a !== e.name);
    show(
      el("h1", { id: "entity-name" }, el("span", { class: `ent ${e.type}` }, e.name)),
      facts(TYPES[e.type] || e.type, `${e.mentions} ذكر`, `${e.articles} مقال`),
      aliases.length ? el("p", { id: "aliases" }, "يُذكر أيضاً باسم: " + aliases.join("، ")) : null,
      e.roles.length ? el("p", { id: "roles" }, "الصفات: " + e.roles.map(r => `${r.role} (${r.count})`).join("؛ ")) : null,
      e.others.length ? el("p", { id: "others", class: "muted" }, "كيانات أخرى بهذا الاسم: ",
        e.others.map((o, i) => [i ? "، " : "", el("a", { href: `#/entity/${o.id}` }, `${o.name} (${TYPES[o.type] || o.type})`)])) : null,
      el("section", { class: "box" }, el("h2", {}, "الذكر عبر الزمن"), chart(e.months)),
      el("div", { class: "cols" },
        el("section", { class: "box", id: "cooccurring" }, el("h2", {}, "يظهر مع"),
          el("ul", { class: "plain" }, e.cooccurring.map(o => el("li", {},
            el("a", { class: `ent ${o.type}`, href: `#/entity/${o.id}` }, o.name), ` (${o.articles})`)))),
        el("section", { class: "box", id: "entity-quotes" }, el("h2", {}, `أقواله (${e.quotes.length})`),
          el("ul", { class: "plain" }, e.quotes.map(q => el("li", {}, `«${q.text}» `,
            el("a", { href: `#/article/${encodeURIComponent(q.article)}`, dir: "ltr" },
               (q.published || q.article).slice(0, 10))))))),
      el("section", { class: "box", id: "timeline" }, el("h2", {}, `الخط الزمني (${t.total})`),
        el("ul", { class: "plain" }, t.entries.map(x => el("li", {},
          el("bdi", { dir: "ltr" }, x.date || "?"), " — ",
          marked(x.sentence, x.mentions.map(([s, f]) => ({ start: s - x.start, end: f - x.start, cls: `ent ${e.type}`, title: e.name }))),
          " ", el("a", { href: `#/article/${encodeURIComponent(x.article)}` }, "↗"))))));
  } catch (error) { show(); showError(error); }
}

// ---- routing --------------------------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  window.scrollTo(0, 0);
  if (path.startsWith("/search")) return searchPage(params);
  if (path.startsWith("/article/")) return articlePage(decodeURIComponent(path.slice(9)));
  if (path.startsWith("/entity/")) return entityPage(decodeURIComponent(path.slice(8)));
  return analyzePage();
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent = `${s.articles} مقال · ${s.entities} كيان · ${s.quotes} اقتباس`;
  } catch (error) { /* the page works without them */ }
}

window.addEventListener("hashchange", route);
route();
loadStats();
