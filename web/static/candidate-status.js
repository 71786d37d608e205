// The candidate's status (invited → scheduled → in progress → completed → under review → decision sent),
// the device and network check before joining, and the "send me a new link" way out of an expired link.
const STEPS = ["invited", "scheduled", "in_progress", "completed", "under_review", "decision_sent"];

function fmtWhen(iso, lang) {
  if (!iso) return "";
  const d = new Date(iso.endsWith("Z") || iso.includes("+") ? iso : iso + "Z");
  return d.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

function showStatus(st, lang) {
  const list = document.getElementById("steps");
  list.replaceChildren();
  const steps = st.state === "cancelled" ? ["cancelled"] : STEPS.filter((s) => s !== "scheduled" || st.slot_at);
  const at = steps.indexOf(st.state === "scheduled" && !st.slot_at ? "invited" : st.state);
  steps.forEach((s, i) => {
    const li = document.createElement("li");
    li.textContent = t(lang, "st_" + s);
    li.className = i < at ? "done" : i === at ? "current" : "todo";
    if (i === at) li.setAttribute("aria-current", "step");
    list.appendChild(li);
  });
  document.getElementById("state").textContent = t(lang, "st_" + st.state);
  document.getElementById("state").dataset.state = st.state;
  const facts = [];
  if (st.slot_at) facts.push(`${t(lang, "slot")}: ${fmtWhen(st.slot_at, lang)}`);
  else if (st.deadline_at && ["invited", "in_progress"].includes(st.state)) facts.push(`${t(lang, "deadline")}: ${fmtWhen(st.deadline_at, lang)}`);
  if (st.retakes) facts.push(`${t(lang, "retakes")}: ${st.retakes}`);
  document.getElementById("status-facts").textContent = facts.join(" · ");
  document.getElementById("status-card").classList.remove("hidden");
}

function showExpired(lang, token) {
  document.getElementById("expired").classList.remove("hidden");
  document.getElementById("new-link-btn").onclick = async () => {
    const btn = document.getElementById("new-link-btn");
    btn.disabled = true;
    const res = await fetch(`/api/invite/${encodeURIComponent(token)}/new-link`, { method: "POST" });
    const data = await res.json().catch(() => ({}));
    document.getElementById("new-link-result").textContent = data.message || data.detail || `(${res.status})`;
  };
}

function mark(id, ok, lang, detail) {
  const el = document.getElementById(id);
  el.textContent = (ok ? "✓ " + t(lang, "ok") : "✗ " + t(lang, "failed")) + (detail ? ` (${detail})` : "");
  el.className = ok ? "check-ok" : "check-failed";
  el.dataset.ok = ok ? "true" : "false";
}

// Camera: a live video track with frames; microphone: the level of the input (an analyser); network: the
// round trip to this server, three times. The candidate sees each result before joining.
async function deviceCheck(stream, lang, ping) {
  const results = window.__deviceCheck = { camera: null, microphone: null, network: null, level: 0 };
  document.getElementById("device-check").classList.remove("hidden");
  const video = stream.getVideoTracks()[0];
  results.camera = !!video && video.readyState === "live";
  mark("check-camera", results.camera, lang, video ? `${video.getSettings().width || "?"}×${video.getSettings().height || "?"}` : "");
  const audio = stream.getAudioTracks()[0];
  if (audio) {
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(new MediaStream([audio])).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    const meter = document.getElementById("mic-level");
    const tick = () => {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      const level = Math.min(1, Math.sqrt(sum / data.length) * 4);
      results.level = Math.max(results.level, level);
      meter.value = level;
      if (results.microphone !== true && results.level > 0.02) { results.microphone = true; mark("check-mic", true, lang); }
      if (audio.readyState === "live") requestAnimationFrame(tick); else ctx.close();
    };
    tick();
    setTimeout(() => { if (results.microphone !== true) { results.microphone = false; mark("check-mic", false, lang, t(lang, "mic_hint")); } }, 5000);
  } else { results.microphone = false; mark("check-mic", false, lang); }
  const times = [];
  try {
    for (let i = 0; i < 3; i++) { const t0 = performance.now(); await ping(); times.push(performance.now() - t0); }
    const best = Math.round(Math.min(...times));
    results.network = best < 1500;
    results.rtt_ms = best;
    mark("check-network", results.network, lang, `${best} ms`);
  } catch (e) { results.network = false; mark("check-network", false, lang, e.message); }
  return results;
}
