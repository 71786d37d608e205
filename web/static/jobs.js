// The job editor: a plan document (the shape POST /api/jobs takes) edited in place, with a live coverage check.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
const KINDS = ["behavioural", "situational", "technical", "general"];
let doc = null; // the plan being edited
let editingId = null; // the job version an edit replaces (null: a new job)
const textOf = (v, l) => (typeof v === "string" ? v : (v && (v[l] || Object.values(v)[0])) || "");
function normalise(d) {
  d.language = d.language || "en";
  for (const q of d.questions) { if (typeof q.text === "string") q.text = { [d.language]: q.text }; q.follow_ups = q.follow_ups || {}; q.minutes = q.minutes ?? 3; q.kind = q.kind || "behavioural"; }
  for (const c of d.competencies) { c.indicators = c.indicators || {}; c.anchors = c.anchors || {}; c.weight = c.weight ?? 1; }
  return d;
}
function input(attrs, value, onInput) {
  const e = el("input", { type: "text", ...attrs });
  e.value = value ?? "";
  e.addEventListener("input", () => { onInput(e.value); coverage(); });
  return e;
}
// Live: planned minutes against the budget, and every competency asked about at least once.
function coverage() {
  const planned = doc.questions.reduce((s, q) => s + (Number(q.minutes) || 0), 0);
  const budget = Number(doc.time_budget_min) || null;
  const asked = new Set(doc.questions.map((q) => q.competency));
  const uncovered = doc.competencies.map((c) => c.name).filter((n) => n && !asked.has(n));
  const over = budget !== null && planned > budget;
  const box = $("coverage");
  box.className = "card " + (over || uncovered.length ? "cov-weak" : "cov-covered");
  box.replaceChildren(
    el("strong", {}, `${t(lang, "planned", "Planned")}: ${planned} / ${budget ?? "—"} ${t(lang, "minutes", "min")}`),
    el("span", { id: "cov-state" }, over ? ` · ${t(lang, "over_budget", "over the time budget")}` : ` · ${t(lang, "within_budget", "within the time budget")}`),
    el("br"),
    uncovered.length ? el("span", { id: "cov-missing" }, `${t(lang, "uncovered", "No question yet for")}: ${uncovered.join(", ")}`)
      : el("span", { id: "cov-missing" }, t(lang, "all_covered", "Every competency has a question")));
}
function renderCompetencies() {
  const l = doc.language;
  $("competencies").replaceChildren(...doc.competencies.map((c, i) => el("fieldset", { class: "card competency" },
    el("div", { class: "row" },
      el("label", {}, t(lang, "name", "Name"), " ", input({ class: "c-name", maxlength: "100" }, c.name, (v) => { c.name = v.trim(); renderQuestions(); })),
      el("label", {}, t(lang, "weight", "Weight"), " ", input({ type: "number", min: "0.1", step: "any", class: "c-weight" }, c.weight, (v) => { c.weight = Number(v); })),
      el("label", {}, t(lang, "indicators", "Indicators (comma-separated)"), " ", input({ class: "c-indicators" }, (c.indicators[l] || []).join(", "),
        (v) => { c.indicators[l] = v.split(/[,，]/).map((w) => w.trim()).filter(Boolean); })),
      el("button", { type: "button", class: "danger", onclick: () => { doc.competencies.splice(i, 1); render(); } }, t(lang, "remove", "Remove"))),
    ...(c.scale === "bei3" ? [1, 2, 3] : [1, 3, 5]).map((s) => el("label", {}, `${t(lang, "anchor", "Anchor")} ${s}`, " ",
      input({ class: "full-width c-anchor", maxlength: "300" }, (c.anchors[l] || {})[s] || (c.anchors[l] || {})[String(s)],
        (v) => { c.anchors[l] = c.anchors[l] || {}; if (v.trim()) c.anchors[l][s] = v; else delete c.anchors[l][s]; }))))));
}
function renderQuestions() {
  const l = doc.language;
  const names = doc.competencies.map((c) => c.name).filter(Boolean);
  $("questions").replaceChildren(...doc.questions.map((q, i) => {
    const comp = el("select", { class: "q-competency" }, ...names.map((n) => el("option", { value: n }, n)));
    comp.value = q.competency; comp.onchange = () => { q.competency = comp.value; coverage(); };
    const kind = el("select", { class: "q-kind" }, ...KINDS.map((k) => el("option", { value: k }, t(lang, "kind_" + k, k))));
    kind.value = q.kind; kind.onchange = () => { q.kind = kind.value; };
    return el("fieldset", { class: "card question-row" },
      el("div", { class: "row" }, el("label", {}, t(lang, "competency"), " ", comp), el("label", {}, t(lang, "kind"), " ", kind),
        el("label", {}, t(lang, "minutes_long", "Minutes"), " ", input({ type: "number", min: "0.5", max: "60", step: "any", class: "q-minutes" }, q.minutes, (v) => { q.minutes = Number(v); })),
        el("button", { type: "button", class: "danger", onclick: () => { doc.questions.splice(i, 1); render(); } }, t(lang, "remove", "Remove"))),
      el("label", {}, t(lang, "question"), " ", input({ class: "full-width q-text", maxlength: "1000" }, q.text[l], (v) => { q.text[l] = v; })),
      el("label", {}, t(lang, "follow_up", "Follow-up when the result is missing"), " ",
        input({ class: "full-width q-follow", maxlength: "500" }, q.follow_ups.missing_result, (v) => { if (v.trim()) q.follow_ups.missing_result = v; else delete q.follow_ups.missing_result; })));
  }));
}
function render() {
  $("j-title").value = doc.title || ""; $("j-language").value = doc.language; $("j-department").value = doc.department || "";
  $("j-budget").value = doc.time_budget_min ?? "";
  $("editing").textContent = editingId ? `${t(lang, "job_version", "version")} ${doc.version || 1} → ${(doc.version || 1) + 1}` : t(lang, "new_job", "New job");
  renderCompetencies(); renderQuestions(); coverage();
  $("editor").classList.remove("hidden");
}
for (const [id, key, num] of [["j-title", "title"], ["j-department", "department"], ["j-budget", "time_budget_min", true]]) {
  $(id).addEventListener("input", () => { doc[key] = num ? ($(id).value ? Number($(id).value) : null) : $(id).value; coverage(); });
}
$("j-language").onchange = () => { doc.language = $("j-language").value; render(); };
$("add-competency").onclick = () => { doc.competencies.push({ name: "", weight: 1, indicators: {}, anchors: {} }); renderCompetencies(); coverage(); };
$("add-question").onclick = () => { doc.questions.push({ competency: doc.competencies[0]?.name, kind: "behavioural", minutes: 3, text: {}, follow_ups: {} }); renderQuestions(); coverage(); };
$("cancel-edit").onclick = () => $("editor").classList.add("hidden");
$("new-job").onclick = async () => {
  $("error").textContent = ""; $("saved").textContent = ""; editingId = null; $("versions-box").classList.add("hidden");
  const id = $("template").value;
  doc = normalise(id ? await staffFetch(`/api/jobs/templates/${id}`).catch(fail) : { title: "", language: lang, competencies: [], questions: [], time_budget_min: 20 });
  render();
};
async function edit(job) {
  $("error").textContent = ""; $("saved").textContent = "";
  const plan = await staffFetch(`/api/jobs/${job.id}/plan`);
  editingId = job.id; doc = normalise(plan);
  render();
  const versions = await staffFetch(`/api/jobs/${job.id}/versions`);
  $("versions").replaceChildren(...versions.map((v) => el("li", {}, `${t(lang, "job_version", "version")} ${v.version} · ${new Date(v.created_at).toLocaleString()}` + (v.current ? ` · ${t(lang, "current_version", "current")}` : ""))));
  $("versions-box").classList.remove("hidden");
}
$("editor").addEventListener("submit", async (e) => {
  e.preventDefault(); $("error").textContent = "";
  const { id, version, current, ...plan } = doc;
  plan.department = plan.department || null;
  try {
    const out = editingId ? await staffFetch(`/api/jobs/${editingId}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(plan) })
      : await staffPost("/api/jobs", plan);
    $("saved").textContent = `${t(lang, "saved")}: ${out.title} (${t(lang, "job_version", "version")} ${out.version})`;
    editingId = out.id; doc.version = out.version;
    await loadJobs();
  } catch (err) { fail(err); }
});
async function loadJobs() {
  const jobs = await staffFetch("/api/jobs");
  $("jobs").replaceChildren(...jobs.map((j) => el("tr", {}, el("td", {}, j.title), el("td", {}, j.department || "—"), el("td", {}, j.language),
    el("td", {}, j.version), el("td", {}, el("button", { type: "button", class: "secondary", onclick: () => edit(j).catch(fail) }, t(lang, "edit", "Edit"))))));
}
async function loadTemplates() {
  const list = await staffFetch("/api/jobs/templates");
  $("template").replaceChildren(el("option", { value: "" }, t(lang, "blank", "Blank")),
    ...list.map((tp) => el("option", { value: tp.id }, `${tp.title} (${tp.language}, ${tp.questions} ${t(lang, "questions_short", "questions")})`)));
}
Promise.all([loadJobs(), loadTemplates()]).catch(fail);
