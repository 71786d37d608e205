// Candidate page: notice and consent, camera preview, WebRTC call, questions and captions.
const token = decodeURIComponent(location.pathname.split("/").pop());
const $ = (id) => document.getElementById(id);
const metrics = { questions: [] };
window.__metrics = metrics;
let info = null, stream = null, pc = null, lang = "en";

function showError(msg) { $("error").textContent = msg; $("error").dataset.kind = ""; }
// What went wrong with the camera or microphone, and what the candidate can do about it.
function mediaError(e) {
  const name = e && e.name;
  metrics.mediaError = name || "unknown";
  if (name === "NotAllowedError" || name === "SecurityError") return t(lang, "err_permission");
  if (name === "NotFoundError" || name === "OverconstrainedError") return t(lang, "err_no_device");
  if (name === "NotReadableError" || name === "AbortError") return t(lang, "err_device_busy");
  return `${t(lang, "err_media")}: ${e && e.message}`;
}
async function api(path, body, method) {
  const res = await fetch(`/api/invite/${encodeURIComponent(token)}${path}`, body || method ? {
    method: method || "POST", headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined,
  } : {});
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(typeof data.detail === "string" ? data.detail : `request failed (${res.status})`);
    err.status = res.status;
    throw err;
  }
  return data;
}

async function load() {
  try { info = await api(""); } catch (e) {
    showError(e.message);
    if (e.status === 401 && /expired/.test(e.message)) {
      lang = (navigator.language || "").startsWith("zh") ? "zh" : "en"; translatePage(lang);
      showExpired(lang, token);
    }
    return;
  }
  lang = info.language; translatePage(lang);
  $("job-title").textContent = info.job_title;
  let st = null;
  try { st = await api("/status"); showStatus(st, lang); } catch (e) { showError(e.message); }
  if (info.status === "finished") { showError(t(lang, "ended")); SelfId.show(lang, api); return; }
  if (st && st.scheduling === "slot" && st.state === "invited" && new Date(st.deadline_at) > new Date()) {
    pickSlot(lang, (method, path, body) => api(path, body, method), () => location.reload());
    return;
  }
  if (st && st.scheduling === "slot" && st.state === "scheduled") {
    bookingActions(lang, (method, path, body) => api(path, body, method), st, () => location.reload());
  }
  if (st && !st.can_join) {
    if (["invited", "scheduled"].includes(st.state)) showExpired(lang, token);
    return;
  }
  $("consent-text").textContent = info.consent_text;
  $("consent-version").textContent = info.consent_version;
  $("consent-jurisdiction").textContent = info.consent_jurisdiction === "default" ? "" : info.consent_jurisdiction;
  if (info.consented) { await startPreview(); } else { $("notice").classList.remove("hidden"); }
}

$("consent-box").addEventListener("change", (e) => { $("consent-btn").disabled = !e.target.checked; });
$("consent-btn").addEventListener("click", async () => {
  try {
    await api("/consent", {
      version: info.consent_version, recording: true,
      ai_evaluation: $("consent-ai").checked, presence_checks: $("consent-presence").checked,
    });
    $("notice").classList.add("hidden");
    await startPreview();
  } catch (e) { showError(e.message); }
});

async function startPreview() {
  $("call").classList.remove("hidden");
  const ap = info.audio_processing;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: ap, noiseSuppression: ap, autoGainControl: ap },
      video: { width: 640, height: 480 },
    });
  } catch (e) { showError(mediaError(e)); return; }
  metrics.mediaAt = performance.now();
  $("preview").srcObject = stream;
  $("join-btn").disabled = false;
  deviceCheck(stream, lang, () => api("/status")).then(reportDeviceCheck);
}

// The check's outcome is stored for HR's drop-out report (did candidates stop at the device check?).
// The microphone is decided within five seconds of the check starting; the report waits for it.
async function reportDeviceCheck(results) {
  for (let i = 0; i < 60 && results.microphone === null; i++) await new Promise((r) => setTimeout(r, 100));
  const body = { camera: !!results.camera, microphone: !!results.microphone, network: !!results.network };
  if (typeof results.rtt_ms === "number") body.rtt_ms = results.rtt_ms;
  api("/device-check", body).catch(() => {});  // a lost report must not stop the candidate
}

// Leaving the interview tab is shown to the reviewer (a signal to look at, not a verdict).
let channel = null;
document.addEventListener("visibilitychange", () => {
  if (channel && channel.readyState === "open") channel.send(JSON.stringify({ type: "visibility", hidden: document.hidden }));
});

// One call: fresh TURN credentials, a new peer connection and offer. The server resumes the interview at
// the question in progress, so the same function joins the first time and after a lost connection.
async function connect() {
  info = await api("");
  const mine = new RTCPeerConnection(rtcConfig(info.ice));
  pc = mine;
  stream.getTracks().forEach((tr) => mine.addTrack(tr, stream));
  mine.ontrack = (ev) => { if (ev.track.kind === "audio") $("agent-audio").srcObject = new MediaStream([ev.track]); };
  channel = mine.createDataChannel("control");
  channel.onmessage = (ev) => onMessage(JSON.parse(ev.data));
  channel.onclose = () => lost(mine);  // the server closed the call (a restart, a dead network)
  mine.onconnectionstatechange = () => {
    metrics.connectionState = mine.connectionState;
    if (mine.connectionState === "connected") {
      metrics.connectedAt = performance.now(); $("status").textContent = t(lang, "connected");
      if ($("error").dataset.kind !== "audio") showError("");
    }
    if (mine.connectionState === "failed") { showError(t(lang, "err_ice_failed")); $("error").dataset.kind = "ice"; }
    if (mine.connectionState === "disconnected") { showError(t(lang, "err_ice_disconnected")); $("error").dataset.kind = "ice"; }
    if (["failed", "disconnected"].includes(mine.connectionState)) lost(mine);
  };
  try {
    await mine.setLocalDescription(await mine.createOffer());
    await waitIce(mine);
    const answer = await api("/offer", { sdp: mine.localDescription.sdp, type: mine.localDescription.type });
    await mine.setRemoteDescription(answer);
  } catch (e) { mine.onconnectionstatechange = null; channel.onclose = null; mine.close(); throw e; }
}

$("join-btn").addEventListener("click", async () => {
  $("join-btn").disabled = true; $("status").textContent = t(lang, "connecting");
  try {
    await connect();
    $("leave-btn").classList.remove("hidden");
  } catch (e) { showError(e.message); $("join-btn").disabled = false; $("status").textContent = ""; }
});

// A lost call is joined again by itself: after a short wait (a "disconnected" often recovers), then
// with growing pauses while the server frees the old call or another server takes over.
let ended = false;
function lost(old) {
  if (ended || pc !== old || old.rejoining) return;
  old.rejoining = true;
  $("status").textContent = t(lang, "reconnecting");
  metrics.lostAt = performance.now();
  setTimeout(async () => {
    if (ended || pc !== old) return;
    if (old.connectionState === "connected" && channel && channel.readyState === "open") {
      old.rejoining = false; $("status").textContent = t(lang, "connected"); return;
    }
    old.onconnectionstatechange = null; channel.onclose = null; old.close();
    for (let attempt = 0; attempt < 16 && !ended; attempt++) {  // about two minutes
      try { await connect(); metrics.rejoins = (metrics.rejoins || 0) + 1; return; } catch (e) { showError(e.message); }
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** attempt, 8000)));
    }
    if (!ended) showError(t(lang, "reconnect_failed"));
  }, 2500);
}

// When the server cannot speak this language, the browser reads the text aloud if it can.
function speakLocally(msg) {
  if (msg.spoken !== false || !msg.text || !window.speechSynthesis) return;
  const u = new SpeechSynthesisUtterance(msg.text);
  u.lang = lang === "zh" ? "zh-CN" : "en-US";
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(u);
}
// How much of the agent's voice has arrived on the call (for tests and the connection check).
window.__agentAudio = () => inboundAudioEnergy(pc);
window.__icePair = () => selectedPair(pc);

function onMessage(msg) {
  if (msg.type === "audio") {  // the server says whether sound from the microphone reaches it
    metrics.audioHeard = msg.heard;
    if (!msg.heard) { showError(t(lang, "err_no_audio")); $("error").dataset.kind = "audio"; }
    else if ($("error").dataset.kind === "audio") showError("");
    return;
  }
  if (["question", "follow_up", "prompt", "end"].includes(msg.type)) speakLocally(msg);
  if (msg.type === "question") {
    metrics.questions.push({ index: msg.index, at: performance.now(), text: msg.text });
    $("progress").textContent = `${t(lang, "question")} ${msg.index + 1} / ${msg.total}`;
    $("question").textContent = msg.text; $("prompt").textContent = "";
    Modules.show(msg.module || null, lang, api);
  } else if (msg.type === "follow_up") {
    if (msg.reason === "explain_code") Modules.explaining();
    metrics.followUps = (metrics.followUps || []).concat([{ reason: msg.reason, at: performance.now(), text: msg.text }]);
    $("question").textContent = msg.text; $("prompt").textContent = "";
  } else if (msg.type === "prompt") {
    metrics.prompts = (metrics.prompts || []).concat([{ kind: msg.kind, at: performance.now(), text: msg.text }]);
    $("prompt").textContent = msg.text;
  } else if (msg.type === "caption") {
    // One live line, updated as the words settle, replaced by the final text when the sentence ends.
    let live = $("captions").querySelector("p.partial");
    if (!live) { live = document.createElement("p"); $("captions").appendChild(live); }
    live.textContent = msg.text;
    live.className = msg.final ? "" : "partial";
    if (!msg.final) metrics.partials = (metrics.partials || 0) + 1;
  } else if (msg.type === "end") {
    ended = true;
    $("question").textContent = msg.text; $("status").textContent = t(lang, "ended");
    Modules.show(null, lang, api);
    setTimeout(hangUp, (msg.speak_s || 0) * 1000 + 300);  // let the goodbye finish
    if (!msg.cancelled) setTimeout(() => { Modules.survey(lang, api); SelfId.show(lang, api); }, (msg.speak_s || 0) * 1000 + 800);
  }
}

function hangUp() {
  ended = true;
  metrics.leftAt = performance.now();
  if (pc) pc.close();
  if (stream) stream.getTracks().forEach((tr) => tr.stop());
  $("leave-btn").classList.add("hidden");
}
$("leave-btn").addEventListener("click", () => { hangUp(); $("status").textContent = t(lang, "ended"); });
// Withdrawal: the server ends the call, stops all processing and deletes the candidate's data.
$("withdraw-btn").addEventListener("click", async () => {
  if (!confirm(t(lang, "withdraw_confirm"))) return;
  try {
    const out = await api("/withdraw", {});
    hangUp();
    $("call").classList.add("hidden"); $("notice").classList.add("hidden");
    $("status").textContent = t(lang, "ended"); showError(out.message);
  } catch (e) { showError(e.message); }
});
load();
