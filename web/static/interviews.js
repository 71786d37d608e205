const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
for (const o of document.querySelectorAll("#f-status option[value], #f-review option[value]")) if (o.value) o.textContent = t(lang, o.value);
async function load() {
  const q = new URLSearchParams();
  const add = (k, v) => { if (v) q.set(k, v); };
  add("job_id", $("f-job").value); add("status", $("f-status").value); add("review_status", $("f-review").value);
  add("date_from", $("f-from").value && $("f-from").value + "T00:00:00"); add("date_to", $("f-to").value && $("f-to").value + "T23:59:59");
  add("min_score", $("f-score").value);
  try {
    const rows = await staffFetch("/api/interviews?" + q);
    $("rows").replaceChildren(...rows.map((r) => el("tr", {},
      el("td", {}, el("a", { href: `/${r.status === "live" || r.status === "scheduled" ? "console" : "review"}/${r.id}` }, r.candidate_name)),
      el("td", {}, r.job_title), el("td", {}, t(lang, r.status)), el("td", {}, t(lang, r.review_status)),
      el("td", {}, r.overall_score !== null ? r.overall_score.toFixed(1) : "—"), el("td", {}, new Date(r.created_at).toLocaleString()),
      el("td", {}, el("a", { href: `/console/${r.id}` }, t(lang, "console", "Console")), " · ", el("a", { href: `/review/${r.id}` }, t(lang, "review")), " · ", el("a", { href: `/report/${r.id}` }, t(lang, "report"))))));
    $("error").textContent = "";
  } catch (e) { if (e.message !== "login") $("error").textContent = e.message; }
}
staffFetch("/api/jobs").then((jobs) => {
  for (const j of jobs) $("f-job").append(el("option", { value: j.id }, j.title + (j.department ? ` (${j.department})` : "")));
}).catch(() => {});
$("filters").addEventListener("change", load);
load();
