// HR dashboard: numbers from /api/analytics/dashboard, charts drawn with the locally served ECharts.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const charts = {};
function chart(id) { charts[id] = charts[id] || echarts.init($(id), null, { renderer: "canvas" }); return charts[id]; }
function fmt(v, digits) { return v === null || v === undefined ? "—" : Number(v).toFixed(digits); }
function pct(v) { return v === null || v === undefined ? "—" : (100 * v).toFixed(1) + "%"; }
function query() {
  const q = new URLSearchParams();
  const add = (k, v) => { if (v) q.set(k, v); };
  add("job_id", $("f-job").value); add("department", $("f-dept").value.trim());
  add("since", $("f-from").value); add("until", $("f-to").value);
  return q;
}
function bar(id, labels, values, name) {
  chart(id).setOption({
    animation: false, tooltip: {}, grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: "category", data: labels }, yAxis: { type: "value" },
    series: [{ type: "bar", name, data: values, label: { show: true, position: "top" } }],
  }, true);
}
function render(d) {
  const stages = d.funnel.map((s) => t(lang, "stage_" + s.stage, s.stage));
  bar("chart-funnel", stages, d.funnel.map((s) => s.count), t(lang, "funnel", "Funnel"));
  $("funnel-rows").replaceChildren(el("tr", {}, ...d.funnel.map((s) => el("td", { dataset: { stage: s.stage } }, `${t(lang, "stage_" + s.stage, s.stage)}: ${s.count}`))));
  bar("chart-dropout", d.dropout.map((c) => t(lang, "question", "Question") + " " + c.key), d.dropout.map((c) => c.count), t(lang, "dropout", "Drop-out"));
  bar("chart-agreement", d.agreement.map((a) => a.competency), d.agreement.map((a) => Math.round(100 * (a.override_rate || 0))), t(lang, "override_rate", "Override rate"));
  $("agreement-rows").replaceChildren(...d.agreement.map((a) => el("tr", {}, el("td", {}, a.competency), el("td", {}, a.decisions),
    el("td", {}, a.overrides), el("td", {}, pct(a.override_rate)), el("td", {}, fmt(a.mean_abs_diff, 2)), el("td", {}, fmt(a.mean_diff, 2)))));
  const times = [["interview_minutes", d.interview_minutes], ["review_hours", d.review_hours], ["satisfaction", d.satisfaction]];
  $("time-rows").replaceChildren(...times.map(([k, s]) => el("tr", { dataset: { measure: k } }, el("td", {}, t(lang, k, k)), el("td", {}, s.n),
    el("td", {}, fmt(s.median, 1)), el("td", {}, fmt(s.mean, 1)))));
  $("flag-rows").replaceChildren(...d.presence_flags.map((f) => el("tr", {}, el("td", {}, t(lang, "flag_" + f.key, f.key)), el("td", {}, f.count), el("td", {}, pct(f.rate)))));
  $("job-head").replaceChildren(el("tr", {}, el("th", {}, t(lang, "job", "Job")), el("th", {}, t(lang, "department", "Department")), ...stages.map((s) => el("th", {}, s)),
    el("th", {}, t(lang, "satisfaction_n")), el("th", {}, t(lang, "satisfaction_mean"))));
  $("job-rows").replaceChildren(...d.jobs.map((j) => el("tr", {}, el("td", {}, j.title), el("td", {}, j.department || "—"), ...j.funnel.map((s) => el("td", {}, s.count)),
    el("td", {}, j.satisfaction_n), el("td", {}, fmt(j.satisfaction_mean, 2)))));
  renderSteps(d); renderSatisfaction(d.satisfaction); renderMarkRates(d.score_marks);
}
async function load() {
  const q = query();
  for (const [id, format] of [["export-csv", "csv"], ["export-xlsx", "xlsx"]]) {
    const e = new URLSearchParams(q); e.set("format", format); e.set("lang", lang);
    $(id).href = "/api/analytics/dashboard?" + e;
  }
  try {
    render(await staffFetch("/api/analytics/dashboard?" + q));
    await jobReports($("f-job").value);
    $("error").textContent = "";
    window.__analytics = { ready: true };
  } catch (e) { if (e.message !== "login") $("error").textContent = e.message; }
}
staffFetch("/api/jobs").then((jobs) => {
  for (const j of jobs) $("f-job").append(el("option", { value: j.id }, j.title + (j.department ? ` (${j.department})` : "")));
}).catch(() => {});
$("filters").addEventListener("change", load);
window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
load();
