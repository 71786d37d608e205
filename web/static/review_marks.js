// Review: beside each AI answer score, the reviewer marks it "reasonable" or "not reasonable" (with an
// optional reason). One mark per reviewer per score, changed by marking again; HR and admins only.
let scoreMarks = null;
async function loadMarks() {
  const res = await fetch(`/api/interviews/${interviewId}/score-marks`);
  if (!res.ok) return;  // interviewers do not mark
  scoreMarks = await res.json();
  renderMarks();
}
function markControl(m) {
  const box = el("div", { class: "score-mark", dataset: { scoreId: m.score_id } });
  const choice = el("select", { "aria-label": `${tf(lang, "mark_question", { n: m.question_index + 1 })}: ${t(lang, "mark_reasonable")}?` },
    el("option", { value: "" }, "—"), el("option", { value: "yes" }, t(lang, "mark_reasonable")), el("option", { value: "no" }, t(lang, "mark_not_reasonable")));
  choice.value = m.reasonable === null ? "" : (m.reasonable ? "yes" : "no");
  const reason = el("input", { type: "text", maxlength: "500", class: "mark-reason", placeholder: t(lang, "mark_reason"), "aria-label": t(lang, "mark_reason") });
  reason.value = m.reason;
  reason.hidden = choice.value !== "no";
  const counts = el("span", { class: "muted mark-counts" }, tf(lang, "mark_counts", { ok: m.marked_reasonable, bad: m.marked_not_reasonable }));
  const status = el("span", { class: "muted", role: "status" });
  async function save() {
    if (!choice.value) return;
    status.textContent = "";
    try {
      const saved = await staffFetch(`/api/interviews/${interviewId}/score-marks/${m.score_id}`, {
        method: "PUT", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ reasonable: choice.value === "yes", reason: choice.value === "no" ? reason.value : "" }),
      });
      Object.assign(m, saved);
      counts.textContent = tf(lang, "mark_counts", { ok: saved.marked_reasonable, bad: saved.marked_not_reasonable });
      status.textContent = t(lang, "mark_saved");
    } catch (e) { if (e.message !== "login") status.textContent = e.message; }
  }
  choice.onchange = () => { reason.hidden = choice.value !== "no"; save(); };
  reason.onchange = save;
  box.append(el("span", {}, `${tf(lang, "mark_question", { n: m.question_index + 1 })}: ${m.ai_score.toFixed(1)} `), choice, reason, counts, status);
  return box;
}
// Called after the scorecard is drawn (and again when a decision redraws it).
function renderMarks() {
  if (!scoreMarks) return;
  for (const cell of document.querySelectorAll("td[data-ai-score]")) {
    cell.querySelectorAll(".score-mark").forEach((n) => n.remove());
    for (const m of scoreMarks.filter((s) => s.competency === cell.dataset.aiScore)) cell.append(markControl(m));
  }
}
loadMarks().catch(() => {});
