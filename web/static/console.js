// Live console: a snapshot of the interview, then live events over a WebSocket (reconnects by itself).
const interviewId = location.pathname.split("/").pop();
const lang = navigator.language.startsWith("zh") ? "zh" : "en";
translatePage(lang);
const $ = (id) => document.getElementById(id);
const seen = new Set();
let questions = [];

function addLine(u) {
  if (seen.has(u.id)) return;
  seen.add(u.id);
  const p = document.createElement("p");
  p.className = u.speaker;
  p.dataset.start = u.start_s;
  const ts = document.createElement("span"); ts.className = "t"; ts.textContent = fmtTime(u.start_s);
  const who = document.createElement("span"); who.className = "agent"; who.textContent = u.speaker === "candidate" ? "" : "Q: ";
  const text = document.createElement("span"); text.textContent = u.text;
  p.append(ts, who, text);
  $("transcript").appendChild(p);
}
function showQuestion(index, total, text) {
  if (index < 0) return;
  $("progress").textContent = `${index + 1} / ${total}`;
  $("question").textContent = text;
}

function onEvent(ev) {
  if (ev.type === "snapshot") {
    const iv = ev.interview;
    $("title").textContent = `${iv.candidate_name} — ${iv.job_title}`;
    $("status").textContent = iv.status;
    questions = iv.questions;
    iv.transcript.forEach(addLine);
    showQuestion(iv.question_index, questions.length, questions[iv.question_index]);
  } else if (ev.type === "utterance.final") {
    addLine(ev);
  } else if (ev.type === "question.asked") {
    showQuestion(ev.index, ev.total, ev.text);
  } else if (ev.type === "interview.status") {
    $("status").textContent = ev.status;
  } else if (ev.type === "speech.started" || ev.type === "speech.ended") {
    const on = ev.type === "speech.started";
    $("speech").textContent = t(lang, on ? "speaking" : "silent");
    $("speech").classList.toggle("speaking", on);
  }
}

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
