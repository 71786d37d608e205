// Candidates: add (one, pasted, CSV/Excel through the all-or-nothing import), search, bulk actions.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
function showInvites(list) {
  $("invites").replaceChildren(...list.map((c) => el("tr", {}, el("td", {}, c.name || c.candidate_id), el("td", {}, c.job_title),
    el("td", {}, el("a", { href: c.invite_url, class: "invite-link" }, c.invite_url)))));
  $("invites-box").classList.toggle("hidden", !list.length);
}
async function importRows(body, type, names) {
  $("error").textContent = ""; $("done").textContent = "";
  try {
    const out = await staffFetch("/api/import/candidates", { method: "POST", headers: { "Content-Type": type }, body });
    showInvites(out.map((c, i) => ({ ...c, name: names ? names[i] : null })));
    $("done").textContent = `${out.length} ${t(lang, "added", "added")}`;
    await search();
    return true;
  } catch (e) { fail(e); return false; }
}
$("add-one").addEventListener("submit", async (e) => {
  e.preventDefault();
  const row = { name: $("a-name").value, email: $("a-email").value || null, job: $("a-job").value };
  if (await importRows(JSON.stringify([row]), "application/json", [row.name])) { $("a-name").value = ""; $("a-email").value = ""; }
});
$("add-list").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (await importRows($("l-text").value, "text/csv")) $("l-text").value = "";
});
$("l-file").addEventListener("change", async () => {
  const file = $("l-file").files[0];
  if (!file) return;
  await importRows(file, file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv");
  $("l-file").value = "";
});
const selected = () => [...document.querySelectorAll("#rows input[type=checkbox]:checked")].map((c) => c.value);
async function search() {
  const q = new URLSearchParams();
  if ($("q").value.trim()) q.set("q", $("q").value.trim());
  if ($("f-job").value) q.set("job_id", $("f-job").value);
  const rows = await staffFetch("/api/candidates?" + q);
  $("rows").replaceChildren(...rows.map((c) => el("tr", {},
    el("td", {}, el("input", { type: "checkbox", value: c.id, "aria-label": c.name })), el("td", {}, c.name), el("td", {}, c.email || "—"),
    el("td", {}, ...c.interviews.map((i) => el("div", {}, el("a", { href: `/console/${i.id}` }, i.job_title), ` · ${t(lang, i.status)}`))))));
  $("all").checked = false;
}
$("all").onchange = () => document.querySelectorAll("#rows input[type=checkbox]").forEach((c) => { c.checked = $("all").checked; });
$("search").addEventListener("input", () => search().catch(fail));
$("search").addEventListener("submit", (e) => { e.preventDefault(); search().catch(fail); });
async function bulk(path, body, confirmKey) {
  const ids = selected();
  $("error").textContent = ""; $("done").textContent = "";
  if (!ids.length) { $("error").textContent = t(lang, "select_first", "Select candidates first"); return; }
  if (confirmKey && !confirm(t(lang, confirmKey))) return;
  try {
    const out = await staffPost(path, { ...body, candidate_ids: ids });
    $("done").textContent = `${out.candidates} ${t(lang, "candidates_done", "candidates")}, ${out.interviews} ${t(lang, "interviews_done", "interviews")}`;
    if (out.invites && out.invites.length) {
      const names = Object.fromEntries([...document.querySelectorAll("#rows input")].map((c) => [c.value, c.getAttribute("aria-label")]));
      showInvites(out.invites.map((i) => ({ ...i, name: names[i.candidate_id] })));
    }
    await search();
  } catch (e) { fail(e); }
}
$("b-interview").onclick = () => bulk("/api/candidates/bulk", { action: "interview", job_id: $("b-job").value });
$("b-withdraw").onclick = () => bulk("/api/candidates/bulk", { action: "withdraw" }, "withdraw_confirm_bulk");
$("b-erase").onclick = () => bulk("/api/candidates/erase", {}, "erase_confirm");
staffFetch("/api/auth/me").then((me) => $("b-erase").classList.toggle("hidden", me.role !== "admin")).catch(fail);
staffFetch("/api/jobs").then((jobs) => {
  for (const s of document.querySelectorAll(".job-select")) {
    s.append(...jobs.map((j) => el("option", { value: j.id }, j.title + (j.department ? ` (${j.department})` : ""))));
  }
  $("f-job").onchange = () => search().catch(fail);
}).catch(fail);
search().catch(fail);
