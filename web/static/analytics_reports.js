// Analytics: drop-out by step, candidate satisfaction and HR's score marks (dashboard-wide), and for one
// job its validity, suggested weights and bias audit with intersectional categories.
function stepLabel(step) {
  const q = /^question_(\d+)$/.exec(step);
  return q ? tf(lang, "step_question", { n: q[1] }) : t(lang, "step_" + step, step);
}
function renderSteps(d) {
  bar("chart-steps", d.steps.map((s) => stepLabel(s.step)), d.steps.map((s) => s.reached), t(lang, "reached"));
  $("step-rows").replaceChildren(...d.steps.map((s) => el("tr", { dataset: { step: s.step } }, el("td", {}, stepLabel(s.step)),
    el("td", {}, s.reached), el("td", {}, s.stopped), el("td", {}, pct(s.rate)))));
  $("device-failed").textContent = d.device_check_failed;
}
function renderSatisfaction(s) {
  bar("chart-satisfaction", s.distribution.map((c) => c.key), s.distribution.map((c) => c.count), t(lang, "responses"));
  $("satisfaction-summary").replaceChildren(
    `${t(lang, "responses")}: `, el("b", { id: "sat-n" }, s.n), ` · ${t(lang, "satisfaction_mean")}: `, el("b", { id: "sat-mean" }, fmt(s.mean, 2)),
    ` · ${t(lang, "median", "Median")}: ${fmt(s.median, 1)} · ${t(lang, "response_rate")}: `, el("b", { id: "sat-rate" }, pct(s.response_rate)));
}
function renderMarkRates(marks) {
  $("mark-rows").replaceChildren(...marks.map((m) => el("tr", { dataset: { competency: m.competency } }, el("td", {}, m.competency),
    el("td", {}, m.marks), el("td", {}, m.not_reasonable), el("td", {}, pct(m.not_reasonable_rate)))));
}
function warning(w) { return w === "small_sample" ? t(lang, "small_sample_warn") : w ? t(lang, "warn_" + w, w) : ""; }
async function validity(jobId) {
  const v = await staffFetch(`/api/analytics/jobs/${jobId}/validity?metric=${$("v-metric").value}`);
  const row = (c, label) => el("tr", { dataset: { predictor: c.predictor }, class: c.warning ? "warn" : "" }, el("td", {}, label),
    el("td", {}, fmt(c.r, 2)), el("td", {}, c.ci_low === null ? "—" : `${c.ci_low.toFixed(2)} – ${c.ci_high.toFixed(2)}`),
    el("td", {}, c.n), el("td", { class: "muted" }, warning(c.warning)));
  $("validity-rows").replaceChildren(...v.correlations.map((c) => row(c, c.predictor === "ai_overall" ? t(lang, "ai_overall") : c.predictor)),
    row(v.hr_recommendation, t(lang, "hr_alone")));
  $("validity-warning").textContent = v.n < 30 ? `n = ${v.n}: ${t(lang, "small_sample_warn")}` : "";
  const inc = v.incremental;
  $("incremental").textContent = `${t(lang, "r2_hr")}: ${fmt(inc.r2_hr, 3)} · ${t(lang, "r2_hr_ai")}: ${fmt(inc.r2_hr_and_ai, 3)} · ${t(lang, "delta_r2")}: ${fmt(inc.delta_r2, 3)}`;
  $("range-note").textContent = lang === "zh" ? t(lang, "range_note_text") : v.range_restriction_note;
}
function renderIntersections(tables) {
  $("intersections").replaceChildren(...tables.map((tb) => el("div", { class: "intersection", dataset: { dimensions: tb.dimensions.join(",") } },
    el("p", {}, el("b", {}, tb.dimensions.join(" × ")), ` · ${t(lang, "unknown_count")}: `, el("span", { class: "unknown" }, tb.unknown)),
    el("table", {}, el("thead", {}, el("tr", {}, ...["category", "applicants", "selected", "selection_rate", "impact_ratio"].map((k) => el("th", {}, t(lang, k, k))))),
      el("tbody", {}, ...tb.rows.map((g) => el("tr", { class: g.flagged ? "flagged" : "", dataset: { group: g.group.join(" × ") } },
        el("td", {}, g.group.join(" × ")), el("td", {}, g.candidates), el("td", {}, g.selected), el("td", {}, pct(g.selection_rate)),
        el("td", {}, g.excluded ? t(lang, "excluded") : fmt(g.impact_ratio, 2) + (g.flagged ? " ⚠ " + t(lang, "below_four_fifths", "below 4/5") : "")))))))));
}
async function jobReports(jobId) {
  $("job-reports").hidden = !jobId;
  if (!jobId) return;
  await validity(jobId);
  $("v-metric").onchange = () => validity(jobId).catch((e) => { $("error").textContent = e.message; });
  const cal = await staffFetch(`/api/analytics/jobs/${jobId}/calibration`);
  $("calibration-note").textContent = `n = ${cal.n}` + (cal.warning ? ` · ${t(lang, "warn_" + cal.warning, cal.warning)}` : "");
  $("calibration-rows").replaceChildren(...cal.weights.map((w) => el("tr", {}, el("td", {}, w.competency), el("td", {}, fmt(w.current, 2)),
    el("td", {}, fmt(w.suggested, 2)), el("td", { class: w.diff > 0 ? "up" : "" }, w.diff === null ? "—" : (w.diff > 0 ? "+" : "") + w.diff.toFixed(2)),
    el("td", {}, w.ci_low === null ? "—" : `${w.ci_low.toFixed(2)} – ${w.ci_high.toFixed(2)}`))));
  $("accept-weights").disabled = !cal.weights.every((w) => w.suggested !== null);
  $("accept-weights").onclick = async () => {
    try {
      const weights = Object.fromEntries(cal.weights.map((w) => [w.competency, w.suggested]));
      const v = await staffPost(`/api/analytics/jobs/${jobId}/weights`, { weights, source: "outcomes:performance" });
      $("calibration-note").textContent = `${t(lang, "accepted_version", "Accepted as version")} ${v.version}`;
    } catch (e) { $("error").textContent = e.message; }
  };
  const audit = await staffFetch(`/api/analytics/jobs/${jobId}/audit?category=sex`);
  $("audit-rows").replaceChildren(...audit.selection.map((g) => el("tr", { class: g.flagged ? "flagged" : "" }, el("td", {}, g.group),
    el("td", {}, g.candidates), el("td", {}, g.selected), el("td", {}, pct(g.selection_rate)),
    el("td", {}, fmt(g.impact_ratio, 2) + (g.flagged ? " ⚠ " + t(lang, "below_four_fifths", "below 4/5") : "")))));
  renderIntersections(audit.intersectional);
  $("audit-csv").href = `/api/analytics/jobs/${jobId}/audit?category=sex&format=csv`;
}
