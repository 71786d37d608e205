// Slot scheduling on the candidate's page: the free times of the interviewers, shown in the browser's own
// time zone (stored and sent in UTC), picked, moved or cancelled with one request each.
const BROWSER_ZONE = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "UTC";

function fmtSlot(iso, lang) {
  return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB",
    { dateStyle: "full", timeStyle: "short", timeZone: BROWSER_ZONE });
}

// Show the free slots; `call(method, path, body)` talks to the invite's API; `done()` after a change.
async function pickSlot(lang, call, done, movesLeft) {
  const card = document.getElementById("slots");
  const list = document.getElementById("slot-list");
  const result = document.getElementById("slot-result");
  card.classList.remove("hidden");
  document.getElementById("slot-zone").textContent = BROWSER_ZONE;
  document.getElementById("slot-moves").textContent =
    movesLeft === undefined ? "" : `${t(lang, "moves_left")}: ${movesLeft}`;
  list.replaceChildren();
  let data;
  try { data = await call("GET", "/slots"); } catch (e) { result.textContent = e.message; return; }
  if (!data.slots.length) { result.textContent = t(lang, "no_slots"); return; }
  for (const s of data.slots) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button"; b.className = "secondary slot"; b.dataset.start = s.starts_at;
    b.textContent = fmtSlot(s.starts_at, lang);
    b.onclick = async () => {
      list.querySelectorAll("button").forEach((x) => { x.disabled = true; });
      try {
        await call("PUT", "/booking", { availability_id: s.availability_id, starts_at: s.starts_at, timezone: BROWSER_ZONE });
        card.classList.add("hidden");
        done();
      } catch (e) { result.textContent = e.message; pickSlot(lang, call, done, movesLeft); }
    };
    li.appendChild(b);
    list.appendChild(li);
  }
}

// A booked slot: the time in the candidate's zone, and buttons to move it (while moves are left) or cancel.
function bookingActions(lang, call, st, done) {
  const box = document.getElementById("booking-actions");
  box.classList.remove("hidden");
  document.getElementById("booked-at").textContent = `${fmtSlot(st.slot_at, lang)} (${BROWSER_ZONE})`;
  const move = document.getElementById("reschedule-btn");
  move.disabled = st.reschedules_left <= 0;
  move.onclick = () => pickSlot(lang, call, done, st.reschedules_left);
  document.getElementById("cancel-slot-btn").onclick = async () => {
    try { await call("DELETE", "/booking"); done(); } catch (e) { document.getElementById("slot-result").textContent = e.message; }
  };
}
