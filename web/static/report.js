const interviewId = location.pathname.split("/").pop();
const lang = staffLang();
translatePage(lang);
document.getElementById("print").onclick = () => window.print();
const $ = (id) => document.getElementById(id);
Promise.all([staffFetch(`/api/interviews/${interviewId}`), staffFetch(`/api/interviews/${interviewId}/report`)]).then(([iv, r]) => {
  $("who").textContent = `${iv.candidate_name} — ${iv.job_title} (${t(lang, "job_version", "version")} ${iv.job_version})`;
  $("meta").textContent = `${new Date(iv.created_at).toLocaleString()} · ${t(lang, iv.status)}`;
  $("human-only").classList.toggle("hidden", !r.human_evaluation_requested);
  $("overall").textContent = r.overall_score !== null ? r.overall_score.toFixed(1) + " / 5" : "—";
  $("ai-rec").textContent = r.recommendation ? t(lang, r.recommendation) : "—";
  const rv = r.review || {};
  $("decision").textContent = t(lang, rv.status || "pending_review") + (rv.recommendation ? ` · ${t(lang, rv.recommendation)}` : "");
  $("decided").textContent = rv.decided_by ? `${t(lang, "decided_by")} ${rv.decided_by}, ${new Date(rv.decided_at).toLocaleString()}` : t(lang, "needs_review");
  $("comment").textContent = rv.comment || "";
  for (const c of r.competencies) {
    const quotes = el("ul", {}, ...c.evidence.map((e) => el("li", {}, `“${e.text}”` + (e.t_start !== null ? ` (${fmtTime(e.t_start)})` : ""))));
    $("rows").append(el("tr", {}, el("td", {}, c.name, el("br"), el("span", { class: "muted" }, t(lang, c.coverage))),
      el("td", {}, c.score !== null ? c.score.toFixed(1) : "—"), el("td", {}, c.human_score ?? "—"), el("td", {}, quotes)));
  }
  window.__report = { ready: true };
}).catch((e) => { if (e.message !== "login") $("error").textContent = e.message; });
