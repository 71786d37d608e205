// Live console: a snapshot of the interview, then live events over a WebSocket (reconnects by itself and
// gets a fresh snapshot, so nothing is missed). Controls go to the agent through the API.
const interviewId = location.pathname.split("/").pop();
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const seen = new Set();
let startedAt = null;
window.__console = { delays: [], events: 0, snapshots: 0 };
window.__watchAudio = () => inboundAudioEnergy(watchPc);

function showPartial(ev) {
  let live = $("transcript").querySelector("p.partial");
  if (!live) { live = el("p", { class: "candidate partial" }); $("transcript").append(live); }
  live.replaceChildren(el("span", { class: "t" }, fmtTime(ev.start_s)), ev.text);
  $("transcript").scrollTop = $("transcript").scrollHeight;
}
function addLine(u) {
  if (seen.has(u.id)) return;
  seen.add(u.id);
  if (u.speaker === "candidate") { const live = $("transcript").querySelector("p.partial"); if (live) live.remove(); }
  const who = u.speaker === "candidate" ? "" : el("span", { class: "agent" }, u.speaker === "interviewer" ? "☎ " : "Q: ");
  $("transcript").append(el("p", { class: u.speaker, dataset: { start: u.start_s } }, el("span", { class: "t" }, fmtTime(u.start_s)), who, u.text));
  $("transcript").scrollTop = $("transcript").scrollHeight;
}
function addDecision(ev) {
  const label = ev.kind === "end_of_answer" ? `— ${ev.reason} —` : `→ ${ev.kind}: ${ev.reason}`;
  $("transcript").append(el("p", { class: "decision muted" }, el("span", { class: "t" }, fmtTime(ev.t)), label));
}
let questionSources = [];
function resumeTag(basis) {
  return el("span", { class: "tag resume-derived", title: basis || "" }, t(lang, "from_resume"));
}
function showQuestion(index, total, text) {
  if (index < 0) return;
  $("progress").textContent = `${index + 1} / ${total}`;
  $("question").replaceChildren(text, questionSources[index] === "resume" ? resumeTag() : "");
}
function showState(state) {
  $("agent-state").textContent = state === "running" ? "" : t(lang, state === "paused" ? "agent_paused" : state === "taken_over" ? "agent_taken_over" : state);
  $("agent-state").className = `pill ${state}`;
  $("pause-btn").classList.toggle("hidden", state === "paused");
  $("resume-btn").classList.toggle("hidden", state !== "paused");
  $("takeover-btn").classList.toggle("hidden", state === "taken_over");
  $("handback-btn").classList.toggle("hidden", state !== "taken_over");
  for (const b of document.querySelectorAll(".buttons button, #inject-btn")) b.disabled = state === "finished";
}
function showScore(ev) {
  $("score").textContent = `${ev.score} / 5`;
  $("score-kind").textContent = t(lang, ev.provisional ? "provisional" : "final");
  $("star").textContent = Object.entries(ev.star).map(([k, v]) => `${v.present ? "✓" : "✗"} ${k}`).join("  ");
  const quotes = [...new Set(ev.evidence.map((e) => e.text))].slice(0, 4);
  $("evidence").replaceChildren(...quotes.map((q) => el("li", {}, `“${q}”`)));
  $("reasons").textContent = ev.reasons.join("; ");
  $("suggestions").replaceChildren(...(ev.suggestions || []).map((s) =>
    el("li", {}, el("button", { type: "button", class: "secondary suggestion", dataset: { reason: s.reason }, onclick: () => control("inject", s.text) }, s.text), " ", el("span", { class: "tag" }, s.reason))));
}
function showCoverage(summary) {
  $("coverage").replaceChildren(...summary.competencies.map((c) =>
    el("li", { class: `cov-${c.coverage}` }, `${c.name}: ${t(lang, c.coverage)}` + (c.score !== null ? ` (${c.score.toFixed(1)})` : ""))));
}
const flags = new Map();
function showFlag(f) {
  flags.set(f.id, f);
  $("flags").replaceChildren(...[...flags.values()].map((x) => el("li", { class: "flag" },
    el("span", { class: "t" }, fmtTime(x.t_start)), ` ${t(lang, "flag_" + x.kind, x.kind)}` + (x.t_end !== null && x.t_end > x.t_start ? ` (${(x.t_end - x.t_start).toFixed(1)} s)` : ""))));
}
function showNotes(notes) {
  $("notes").replaceChildren(...notes.map((n) => el("li", {}, el("span", { class: "t" }, n.t_s !== null ? fmtTime(n.t_s) : ""), ` ${n.text}`)));
}
async function refreshSummary() {
  const { summary } = await staffFetch(`/api/interviews/${interviewId}/summary`);
  showCoverage(summary);
}
async function showOutline(jobId) {
  // This interview's questions (the resume's marked), with the job's indicators to listen for.
  const [plan, job] = await Promise.all([
    staffFetch(`/api/interviews/${interviewId}/plan`).catch(() => null),
    staffFetch(`/api/jobs/${jobId}/plan`).catch(() => null),
  ]);
  if (!plan) return;
  const comps = Object.fromEntries(((job && job.competencies) || []).map((c) => [c.name, c]));
  $("outline").replaceChildren(...plan.questions.map((q) => {
    const ind = (comps[q.competency] || {}).indicators || {};
    const listen = ind[lang] || ind.en || Object.values(ind)[0] || [];
    const from = q.source === "resume" ? [resumeTag(q.basis), el("div", { class: "muted basis" }, q.basis || "")] : [];
    return el("li", { class: q.source === "resume" ? "resume-derived" : "" }, el("b", {}, q.competency || ""), ` ${q.text}`, ...from,
      listen.length ? el("div", { class: "muted" }, "👂 " + listen.join(", ")) : null);
  }));
}
function where(src) { return src ? ` (p${src.page} l${src.line})` : ""; }
function dates(x) { return `${x.start || "?"} – ${x.current ? t(lang, "present") : (x.end || "?")}`; }
async function uploadResume(file) {
  // The file as the body (the server reads its type from the bytes); HR only.
  $("resume-error").textContent = "";
  try {
    await staffFetch(`/api/interviews/${interviewId}/resume`, {
      method: "POST", body: file,
      headers: { "Content-Type": "application/octet-stream", "X-Filename": encodeURIComponent(file.name).slice(0, 200) },
    });
    const [state, iv] = await Promise.all([staffFetch(`/api/interviews/${interviewId}/resume`), staffFetch(`/api/interviews/${interviewId}`)]);
    questionSources = iv.question_sources || [];
    showResume(state);
    showOutline(iv.job_id);
  } catch (e) { $("resume-error").textContent = e.message; }
}
$("resume-file").addEventListener("change", (e) => { if (e.target.files[0]) uploadResume(e.target.files[0]); });
function showResume(state) {
  // The parsed profile beside the outline: what the candidate wrote, each item with its page and line.
  const r = state && state.resume;
  if (!r) return;
  const p = r.profile;
  const section = (key, items) => items.length ? [el("h3", {}, t(lang, key)), el("ul", { class: "plain" }, ...items)] : [];
  const jobs = p.experience.map((j) => el("li", {}, el("b", {}, [j.title, j.organisation].filter(Boolean).join(" · ")),
    el("span", { class: "muted" }, ` ${dates(j)}${where(j.source)}`),
    el("ul", {}, ...j.highlights.map((h) => el("li", {}, h.text, el("span", { class: "muted" }, where(h.source)))))));
  const schools = p.education.map((e) => el("li", {}, el("b", {}, e.school), ` ${[e.degree, e.field].filter(Boolean).join(", ")}`,
    el("span", { class: "muted" }, ` ${dates(e)}${where(e.source)}`)));
  const flagged = p.flags.map((f) => el("li", { class: `resume-flag ${f.kind}` },
    `${t(lang, "resume_" + f.kind)}: ${f.months} ${t(lang, "months")} (${f.start} – ${f.end})`));
  $("resume").replaceChildren(
    ...section("resume_experience", jobs), ...section("resume_education", schools),
    ...section("resume_skills", p.skills.length ? [el("li", {}, p.skills.map((s) => s.text).join(", "))] : []),
    ...section("resume_achievements", p.achievements.map((a) => el("li", {}, a.text, el("span", { class: "muted" }, where(a.source))))),
    ...section("resume_flags", flagged),
    flagged.length ? el("p", { class: "muted" }, t(lang, "resume_flags_note")) : "",
    ...p.warnings.map((w) => el("p", { class: "muted" }, w)));
}

function onEvent(ev) {
  window.__console.events++; (window.__console.types = window.__console.types || []).push(ev.type + (ev.status ? ":" + ev.status : ""));
  if (ev.type === "snapshot") {
    window.__console.snapshots++;
    const iv = ev.interview;
    $("title").textContent = `${iv.candidate_name} — ${iv.job_title}`;
    $("status").textContent = t(lang, iv.status);
    startedAt = iv.started_at ? Date.parse(iv.started_at) : null;
    questionSources = iv.question_sources || [];
    iv.transcript.forEach(addLine);
    showQuestion(iv.question_index, iv.questions.length, iv.questions[iv.question_index]);
    showState(iv.agent_state);
    showCoverage(iv.summary);
    showNotes(iv.notes);
    iv.flags.forEach(showFlag);
    const last = iv.scores[iv.scores.length - 1];
    if (last) showScore({ ...last.detail, provisional: false });
    if (!$("outline").children.length) {
      showOutline(iv.job_id);
      staffFetch(`/api/interviews/${interviewId}/resume`).then(showResume).catch(() => {});
    }
    if (iv.status === "live") startWatching();
    return;
  }
  if (ev.type === "utterance.final") addLine(ev);
  else if (ev.type === "utterance.partial") showPartial(ev);
  else if (ev.type === "question.asked") showQuestion(ev.index, ev.total, ev.text);
  else if (ev.type === "interview.status") {
    $("status").textContent = t(lang, ev.status);
    if (ev.status === "live" && !startedAt) startedAt = Date.parse(ev.created_at);
    if (ev.status === "live") startWatching();
    if (ev.status !== "live") stopTalking();
    if (ev.status === "finished") showState("finished");
  }
  else if (ev.type === "answer.scored") { showScore(ev); if (!ev.provisional) refreshSummary().catch(() => {}); }
  else if (ev.type === "agent.decision") addDecision(ev);
  else if (ev.type === "control.applied") showState(ev.agent_state);
  else if (ev.type === "integrity.flag") showFlag(ev);
  else if (ev.type === "code.ran") addDecision({ kind: "code_run", t: ev.t ?? 0, reason: `${ev.status} ${ev.passed}/${ev.total}${ev.submitted ? " ✓" : ""}` });
  else if (ev.type === "module.assessed") addDecision({ kind: ev.module, t: ev.t, reason: Object.entries(ev.figures).map(([k, v]) => `${k} ${v}`).join(", ") });
  else if (ev.type === "speech.started" || ev.type === "speech.ended") {
    const on = ev.type === "speech.started";
    $("speech").textContent = t(lang, on ? "speaking" : "silent");
    $("speech").classList.toggle("speaking", on);
  }
  // Event-to-screen delay: from the server's event time to the frame that shows it.
  if (ev.created_at) requestAnimationFrame(() => window.__console.delays.push(performance.timeOrigin + performance.now() - Date.parse(ev.created_at)));
}

// The candidate's video and audio, relayed by the server (the candidate uploads once).
let watchPc = null, watchStarting = false;
async function startWatching() {
  if (watchPc || watchStarting) return;
  watchStarting = true;  // while the ICE servers are fetched, so a second call does not start too
  const ice = await staffFetch("/api/ice").catch(() => null);
  watchStarting = false;
  const pc = new RTCPeerConnection(rtcConfig(ice));
  watchPc = pc;
  pc.addTransceiver("video", { direction: "recvonly" });
  pc.addTransceiver("audio", { direction: "recvonly" });
  const media = new MediaStream();
  pc.ontrack = (e) => { media.addTrack(e.track); $("video").srcObject = media; };
  pc.onconnectionstatechange = () => {
    if (["failed", "closed", "disconnected"].includes(pc.connectionState) && watchPc === pc) { watchPc = null; pc.close(); }
  };
  try {
    await pc.setLocalDescription(await pc.createOffer());
    await waitIce(pc);
    const answer = await staffPost(`/api/interviews/${interviewId}/watch`, { sdp: pc.localDescription.sdp, type: "offer" });
    await pc.setRemoteDescription(answer);
    $("video-note").textContent = "";
  } catch (e) {
    pc.close(); if (watchPc === pc) watchPc = null;
    if (e.message !== "login") $("video-note").textContent = e.message;
  }
}
// On take-over the interviewer's microphone goes to the candidate; handing back closes it.
let talkPc = null;
async function startTalking() {
  if (talkPc) return;
  try {
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc = new RTCPeerConnection(rtcConfig(await staffFetch("/api/ice")));
    talkPc = pc;
    mic.getTracks().forEach((tr) => pc.addTransceiver(tr, { direction: "sendonly" }));
    await pc.setLocalDescription(await pc.createOffer());
    await waitIce(pc);
    const answer = await staffPost(`/api/interviews/${interviewId}/watch`, { sdp: pc.localDescription.sdp, type: "offer", talk: true });
    await pc.setRemoteDescription(answer);
    pc.onconnectionstatechange = () => { if (pc.connectionState === "connected") window.__console.talking = true; };
  } catch (e) { stopTalking(); $("control-error").textContent = e.message; }
}
function stopTalking() {
  if (!talkPc) return;
  talkPc.getSenders().forEach((s) => s.track && s.track.stop());
  talkPc.close(); talkPc = null; window.__console.talking = false;
}

async function control(action, text) {
  $("control-error").textContent = "";
  try { await staffPost(`/api/interviews/${interviewId}/control`, { action, text }); return true; }
  catch (e) { if (e.message !== "login") $("control-error").textContent = e.message; return false; }
}
$("inject-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (await control("inject", $("inject-text").value)) $("inject-text").value = "";
});
$("skip-btn").onclick = () => control("skip");
$("pause-btn").onclick = () => control("pause");
$("resume-btn").onclick = () => control("resume");
$("takeover-btn").onclick = async () => { if (await control("take_over")) startTalking(); };
$("handback-btn").onclick = async () => { stopTalking(); await control("hand_back"); };
$("end-btn").onclick = () => { if (confirm(t(lang, "end") + "?")) control("end"); };
$("note-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = $("note-text").value.trim();
  if (!text) return;
  const t_s = startedAt ? (Date.now() - startedAt) / 1000 : null;
  try {
    await staffPost(`/api/interviews/${interviewId}/notes`, { text, t_s });
    $("note-text").value = "";
    showNotes((await staffFetch(`/api/interviews/${interviewId}`)).notes);
  } catch (err) { if (err.message !== "login") $("control-error").textContent = err.message; }
});
setInterval(() => { if (startedAt) $("elapsed").textContent = fmtTime((Date.now() - startedAt) / 1000); }, 1000);
$("review-link").href = `/review/${interviewId}`;

let retry = 500;
function connect() {
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/interviews/${interviewId}/live`);
  ws.onmessage = (m) => { retry = 500; onEvent(JSON.parse(m.data)); };
  ws.onclose = (e) => {
    if (e.code === 4401) { location.href = "/login?next=" + encodeURIComponent(location.pathname); return; }
    if (e.code === 4404) { $("error").textContent = e.reason || "No such interview"; return; }
    setTimeout(connect, retry); retry = Math.min(retry * 2, 10000);
  };
}
staffFetch("/api/auth/me").then(connect).catch((e) => { if (e.message !== "login") $("error").textContent = e.message; });
