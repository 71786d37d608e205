// HR review: the recording beside a synced transcript, the AI's scorecard with clickable evidence, and
// the human decision (status, recommendation, competency scores, a required comment) with its history.
const interviewId = location.pathname.split("/").pop();
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const player = $("player");
window.__review = { ready: false };

function seek(s) {
  player.currentTime = Math.max(0, s);
  window.__review.lastSeek = s;
}

function renderTranscript(lines, sources) {
  const box = $("transcript"); box.replaceChildren();
  for (const u of lines) {
    // A question the agent made from the resume is marked, so a reviewer weighs it as such.
    const fromResume = u.speaker !== "candidate" && (sources || [])[u.question_index] === "resume"
      ? el("span", { class: "tag resume-derived" }, t(lang, "from_resume")) : "";
    const p = el("p", { class: u.speaker, tabindex: "0", role: "button", dataset: { start: u.start_s, end: u.end_s } },
      el("span", { class: "t" }, fmtTime(u.start_s)), u.speaker === "candidate" ? "" : el("span", { class: "agent" }, "Q: "), u.text, fromResume);
    p.onclick = () => seek(u.start_s);
    p.onkeydown = (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); seek(u.start_s); } };
    box.appendChild(p);
  }
}

// The sentence being played is highlighted and kept in view.
player.addEventListener("timeupdate", () => {
  const now = player.currentTime;
  let current = null;
  for (const p of $("transcript").children) if (Number(p.dataset.start) <= now + 0.05) current = p;
  for (const p of $("transcript").children) p.classList.toggle("current", p === current);
  if (current) current.scrollIntoView({ block: "nearest" });
});

function scoreSelect(c) {
  const s = el("select", { "aria-label": `${t(lang, "human_score")}: ${c.name}`, dataset: { competency: c.name } });
  s.append(el("option", { value: "" }, "—"));
  for (let v = 1; v <= 5; v++) s.append(el("option", { value: String(v) }, String(v)));
  const initial = c.human_score ?? (c.ai_score !== null ? Math.round(c.ai_score) : "");
  s.value = String(initial);
  return s;
}

function renderConsent(card) {
  // What this candidate agreed to, scope by scope, and the notice version they read.
  $("human-only").classList.toggle("hidden", !card.human_evaluation_requested);
  const c = card.consent;
  if (!c) { $("consent-record").textContent = ""; return; }
  const yn = (v) => t(lang, v ? "yes_short" : "no_short");
  $("consent-record").textContent = `${t(lang, "consented_to")}: ${t(lang, "scope_recording")} ${yn(c.recording)} · `
    + `${t(lang, "scope_ai")} ${yn(c.ai_evaluation)} · ${t(lang, "scope_presence")} ${yn(c.presence_checks)} `
    + `(${t(lang, "version")} ${c.version}${c.jurisdiction ? ", " + c.jurisdiction : ""}; ${new Date(c.created_at).toLocaleString()})`;
}

function renderCard(card) {
  renderConsent(card);
  $("review-status").textContent = t(lang, card.status);
  $("ai-overall").textContent = card.ai_overall !== null ? card.ai_overall.toFixed(1) : "—";
  $("ai-recommendation").textContent = card.ai_recommendation ? t(lang, card.ai_recommendation) : "—";
  const body = $("competencies"); body.replaceChildren();
  for (const c of card.competencies) {
    const quotes = el("div", { class: "quotes" });
    for (const e of c.evidence) {
      const tags = el("span", { class: "tag" }, (e.labels || [e.label]).map((l) => t(lang, "ev_" + l, l)).join(" · "));
      const b = el("button", { type: "button", class: "evidence secondary", dataset: { start: e.t_start ?? "", text: e.text } }, `“${e.text}” `, tags);
      if (e.t_start !== null && e.t_start !== undefined) b.onclick = () => seek(e.t_start); else b.disabled = true;
      quotes.append(b);
    }
    if (c.reasons.length) quotes.append(el("p", { class: "muted" }, c.reasons.join("; ")));
    body.append(el("tr", {}, el("td", {}, c.name), el("td", { dataset: { aiScore: c.name } }, c.ai_score !== null ? c.ai_score.toFixed(1) : "—"),
      el("td", {}, t(lang, c.coverage)), el("td", {}, quotes), el("td", {}, scoreSelect(c))));
  }
  if (card.recommendation) $("recommendation").value = card.recommendation;
  else if (card.ai_recommendation) $("recommendation").value = card.ai_recommendation;
  if (card.status !== "pending_review") $("status").value = card.status;
  if (typeof renderMarks === "function") renderMarks();  // review_marks.js: "reasonable / not" per answer
  const hist = $("history"); hist.replaceChildren();
  for (const h of card.history) {
    const d = h.detail;
    hist.append(el("li", {}, `${new Date(h.created_at).toLocaleString()} · ${h.actor}: ${t(lang, d.before.status)} → ${t(lang, d.after.status)}, ${t(lang, d.after.recommendation)} — “${d.comment}”`));
  }
}

function renderNotes(notes) {
  const ul = $("notes"); ul.replaceChildren();
  if (!notes.length) ul.append(el("li", { class: "muted" }, "—"));
  for (const n of notes) {
    const when = n.t_s !== null ? el("button", { type: "button", class: "link", onclick: () => seek(n.t_s) }, fmtTime(n.t_s)) : "";
    ul.append(el("li", {}, when, ` ${n.author}: ${n.text}`));
  }
}

function renderFlags(flags) {
  const ul = $("flags"); ul.replaceChildren();
  if (!flags.length) ul.append(el("li", { class: "muted" }, "—"));
  for (const f of flags) {
    const span = f.t_end !== null && f.t_end > f.t_start ? ` (${(f.t_end - f.t_start).toFixed(1)} s)` : "";
    ul.append(el("li", { class: "flag" }, el("button", { type: "button", class: "link", onclick: () => seek(f.t_start) }, fmtTime(f.t_start)),
      ` ${t(lang, "flag_" + f.kind, f.kind)}${span}`));
  }
}

for (const o of document.querySelectorAll("#status option, #recommendation option")) o.textContent = t(lang, o.value);

$("decision").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("decision-error").textContent = ""; $("saved").textContent = "";
  const competencies = [...document.querySelectorAll("select[data-competency]")]
    .filter((s) => s.value).map((s) => ({ name: s.dataset.competency, score: Number(s.value) }));
  try {
    const card = await staffPost(`/api/interviews/${interviewId}/review`, {
      status: $("status").value, recommendation: $("recommendation").value, competencies, comment: $("comment").value,
    });
    renderCard(card);
    if (typeof loadNextStep === "function") { loadMessages(); loadNextStep(); }  // the decision drafts the next step
    $("comment").value = "";
    $("saved").textContent = t(lang, "saved");
  } catch (err) { if (err.message !== "login") $("decision-error").textContent = err.message; }
});

// The feedback letter (HR): draft from the evidence, edit, approve to send.
function showLetter(letter) {
  for (const id of ["letter", "letter-label", "letter-actions"]) $(id).classList.remove("hidden");
  $("letter").value = letter.text;
  const approved = letter.status === "approved";
  $("letter").readOnly = approved;
  $("letter-actions").classList.toggle("hidden", approved);
  $("draft-btn").classList.toggle("hidden", approved);
  $("letter-status").textContent = approved
    ? `${t(lang, "approved_by")} ${letter.approved_by}, ${new Date(letter.approved_at).toLocaleString()}` : t(lang, "draft_status");
}
async function letterCall(path, method, body) {
  $("letter-error").textContent = "";
  try {
    showLetter(await staffFetch(`/api/interviews/${interviewId}/feedback${path}`, {
      method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined,
    }));
  } catch (e) { if (e.message !== "login") $("letter-error").textContent = e.message; }
}
$("draft-btn").onclick = () => letterCall("/draft", "POST");
$("save-letter").onclick = () => letterCall("", "PUT", { text: $("letter").value });
$("approve-letter").onclick = async () => {
  if (!confirm(t(lang, "approve") + "?")) return;
  await letterCall("", "PUT", { text: $("letter").value });
  if (!$("letter-error").textContent) await letterCall("/approve", "POST");
  if (typeof loadNextStep === "function") { loadMessages(); loadNextStep(); }  // a rejection can now be drafted
};

async function load() {
  const [iv, card] = await Promise.all([staffFetch(`/api/interviews/${interviewId}`), staffFetch(`/api/interviews/${interviewId}/review`)]);
  document.title = `${t(lang, "review")} — ${iv.candidate_name}`;
  $("title").textContent = `${iv.candidate_name} — ${iv.job_title}`;
  $("report-link").href = `/report/${interviewId}`;
  const rec = iv.recordings[iv.recordings.length - 1];
  if (rec) player.src = `/api/interviews/${interviewId}/recordings/${rec.id}`;
  else player.classList.add("hidden");
  renderTranscript(iv.transcript, iv.question_sources);
  renderNotes(iv.notes);
  renderFlags(iv.flags);
  renderCard(card);
  const me = await staffFetch("/api/auth/me");
  if (me.role === "hr" || me.role === "admin") {
    $("letter-card").classList.remove("hidden");
    const res = await fetch(`/api/interviews/${interviewId}/feedback`);
    if (res.ok) showLetter(await res.json());
  }
  window.__review.ready = true;
}
load().catch((e) => { if (e.message !== "login") $("error").textContent = e.message; });
