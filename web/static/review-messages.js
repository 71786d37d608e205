// The review page's "messages to the candidate": every invitation, reminder and next step with its
// outcome (a bounce or failure says why), the candidate's request for a new link, and the next step
// after the decision, drafted here and sent only when HR approves it.
// While a message is due and not yet handled, the card looks again every few seconds, so HR sees it go
// out (or why it did not) without reloading the page.
let messagesTimer = null;
async function loadMessages() {
  clearTimeout(messagesTimer);
  const box = document.getElementById("messages");
  const res = await fetch(`/api/interviews/${interviewId}/invitation`);
  if (res.status === 403) { document.getElementById("messages-card").classList.add("hidden"); return; }
  document.getElementById("messages-card").classList.remove("hidden");
  if (res.status === 404) { box.replaceChildren(el("p", { class: "muted" }, t(lang, "not_invited"))); return; }
  const inv = await res.json();
  const rows = inv.messages.map((m) => el("tr", { class: `msg-${m.status}`, dataset: { status: m.status, kind: m.kind } },
    el("td", {}, t(lang, "kind_" + m.kind)), el("td", {}, m.channel),
    el("td", {}, new Date(m.sent_at || m.due_at).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB")),
    el("td", {}, t(lang, "ms_" + m.status)), el("td", {}, m.last_error || ""),
    el("td", {}, m.status === "draft" ? el("button", { type: "button", onclick: () => approveStep(m.id) }, t(lang, "approve_send")) : "")));
  const head = el("tr", {}, ...["msg_kind", "msg_channel", "msg_due", "msg_status", "msg_reason", ""].map((k) => el("th", {}, k ? t(lang, k) : "")));
  const parts = [el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))];
  if (inv.link_requested_at) parts.unshift(el("p", { class: "error" }, t(lang, "link_requested") + new Date(inv.link_requested_at).toLocaleString()));
  box.replaceChildren(...parts);
  if (inv.messages.some((m) => m.status === "pending" && new Date(m.due_at) <= Date.now())) messagesTimer = setTimeout(loadMessages, 3000);
}
async function draftStep(kind) {
  try { await staffPost(`/api/interviews/${interviewId}/next-step`, { kind }); document.getElementById("step-error").textContent = ""; }
  catch (e) { document.getElementById("step-error").textContent = e.message; }
  loadMessages(); loadNextStep();
}
async function approveStep(id) {
  try { await staffPost(`/api/interviews/${interviewId}/next-step/${id}/approve`, {}); }
  catch (e) { document.getElementById("step-error").textContent = e.message; }
  loadMessages(); loadNextStep();
}
// The next step the server drafted when the decision was saved: shown as ready, sent only on approval.
async function loadNextStep() {
  const res = await fetch(`/api/interviews/${interviewId}/next-step`);
  if (!res.ok) return;
  const step = await res.json();
  const box = document.getElementById("next-ready"), waiting = document.getElementById("next-waiting");
  box.classList.toggle("hidden", !step.draft);
  waiting.classList.toggle("hidden", !step.waiting_for);
  waiting.textContent = step.waiting_for ? `${t(lang, "no_draft_yet")} ${step.waiting_for}` : "";
  if (!step.draft) return;
  document.getElementById("next-ready-what").textContent = `${t(lang, "tpl_" + step.draft.template)} (${step.draft.channel})`;
  document.getElementById("approve-next").onclick = () => approveStep(step.draft.id);
}
// The job's setting: draft the next step when the decision is saved (part of its invite policy).
async function setupAutoNext() {
  const box = document.getElementById("auto-next");
  try {
    const { job_id: jobId } = await staffFetch(`/api/interviews/${interviewId}`);
    const { job_id: _, ...policy } = await staffFetch(`/api/jobs/${jobId}/invite-policy`);
    box.checked = policy.auto_next_step;
    box.onchange = async () => {
      try {
        Object.assign(policy, await staffFetch(`/api/jobs/${jobId}/invite-policy`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...policy, auto_next_step: box.checked }) }));
        delete policy.job_id;
      } catch (e) { box.checked = !box.checked; document.getElementById("step-error").textContent = e.message; }
    };
  } catch (e) { box.closest("p").classList.add("hidden"); }
}
document.getElementById("draft-next-round").onclick = () => draftStep("next_round");
document.getElementById("draft-rejection").onclick = () => draftStep("rejection");
loadMessages(); loadNextStep(); setupAutoNext();
