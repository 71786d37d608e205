// Interviewers publish availability windows (wall-clock times in a named zone, cut into slots); HR and
// admins see the windows of their scope. Times in the table are shown in the window's own zone.
Object.assign(I18N.zh, {
  availability: "面试可用时间", publish_window: "发布您可以面试的时间", publish_hint: "本部门职位的候选人会从这些时段中选择（按其所在时区显示）。",
  window_start: "开始", window_end: "结束", time_zone: "时区", slot_minutes: "每场时长（分钟）", publish: "发布",
  interviewer: "面试官", department: "部门", booked: "已预约", remove: "删除", no_windows: "尚未发布可用时间。",
});
Object.assign(I18N.en, {
  availability: "Availability for interviews", publish_window: "Publish the times you take interviews",
  publish_hint: "Candidates of your department's jobs pick from these slots, in their own time zone.",
  window_start: "From", window_end: "Until", time_zone: "Time zone", slot_minutes: "Slot length (minutes)", publish: "Publish",
  interviewer: "Interviewer", department: "Department", booked: "Booked", remove: "Remove", no_windows: "No availability published yet.",
});
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
$("w-zone").value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

function inZone(iso, zone) {
  return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }) + ` (${zone})`;
}

const ticket = newest();
async function load() {
  const mine = ticket();
  let me, rows;
  try { [me, rows] = await Promise.all([staffFetch("/api/auth/me"), staffFetch("/api/availability")]); } catch (e) { if (mine()) $("error").textContent = e.message; return; }
  if (!mine()) return;  // a newer load, asked after a change, draws instead
  $("publish").classList.toggle("hidden", !["interviewer", "admin"].includes(me.role));
  $("windows").replaceChildren(...rows.map((w) => el("tr", { dataset: { id: w.id } },
    el("td", {}, w.interviewer_name), el("td", {}, w.department || "—"),
    el("td", {}, inZone(w.starts_at, w.timezone)), el("td", {}, inZone(w.ends_at, w.timezone)),
    el("td", {}, w.slot_minutes), el("td", {}, w.booked),
    el("td", {}, w.interviewer === me.email || me.role === "admin"
      ? el("button", { type: "button", class: "secondary", onclick: () => remove(w.id) }, t(lang, "remove")) : ""))));
  $("no-windows").classList.toggle("hidden", rows.length > 0);
}

async function remove(id) {
  try { await staffFetch(`/api/availability/${encodeURIComponent(id)}`, { method: "DELETE" }); $("error").textContent = ""; } catch (e) { $("error").textContent = e.message; }
  load();
}

$("publish").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    await staffPost("/api/availability", {
      starts_at: $("w-start").value, ends_at: $("w-end").value, timezone: $("w-zone").value.trim(),
      slot_minutes: Number($("w-minutes").value),
    });
    $("error").textContent = "";
  } catch (err) { $("error").textContent = err.message; }
  load();
});
load();
