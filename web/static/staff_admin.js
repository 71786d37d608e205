// Staff accounts: invite (an e-mail with a one-time link to set a password, or the link itself without SMTP), role, department, deactivate, reset.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
const ROLES = ["interviewer", "hr", "admin"];
const roleSelect = (value) => { const s = el("select", { class: "role-select" }, ...ROLES.map((r) => el("option", { value: r }, t(lang, "role_" + r, r)))); s.value = value; return s; };
$("i-role").replaceWith(Object.assign(roleSelect("interviewer"), { id: "i-role" }));
const patch = (id, body) => staffFetch(`/api/admin/users/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
// E-mailed links never reach this page; without SMTP the link is shown once, and the page says why.
function showLink(out) {
  const until = `(${t(lang, "until", "until")} ${new Date(out.expires_at).toLocaleString()})`;
  const what = out.emailed ? (out.purpose === "invite" ? "mail_sent_invite" : "mail_sent_reset") : (out.purpose === "invite" ? "invite_link_for" : "reset_link_for");
  $("link-what").textContent = `${t(lang, what)} ${out.user.email} ${until}`;
  $("link-note").textContent = out.emailed ? "" : t(lang, "no_smtp_link");
  $("link").classList.toggle("hidden", out.emailed);
  $("link").value = out.link || "";
  $("link-box").classList.remove("hidden");
  if (!out.emailed) $("link").select();
}
async function load() {
  const [users, departments] = await Promise.all([staffFetch("/api/admin/users"), staffFetch("/api/admin/departments")]);
  $("departments").replaceChildren(...departments.map((d) => el("option", { value: d })));
  $("users").replaceChildren(...users.map((u) => {
    const role = roleSelect(u.role);
    const dept = el("input", { type: "text", list: "departments", maxlength: "100", "aria-label": t(lang, "department") });
    dept.value = u.department || "";
    const act = (fn) => () => { $("error").textContent = ""; fn().then(load).catch(fail); };
    return el("tr", { dataset: { email: u.email } }, el("td", {}, u.email), el("td", {}, u.name), el("td", {}, role), el("td", {}, dept),
      el("td", {}, u.active ? t(lang, "active", "active") : t(lang, "deactivated", "deactivated")),
      el("td", { class: "row buttons" },
        el("button", { type: "button", class: "secondary save", onclick: act(() => patch(u.id, { role: role.value, department: dept.value, clear_department: !dept.value.trim() })) }, t(lang, "save")),
        el("button", { type: "button", class: u.active ? "danger toggle" : "secondary toggle", onclick: act(() => patch(u.id, { active: !u.active })) },
          t(lang, u.active ? "deactivate" : "activate", u.active ? "Deactivate" : "Activate")),
        u.active ? el("button", { type: "button", class: "secondary reset", onclick: () => staffPost(`/api/admin/users/${u.id}/password-reset?language=${lang}`, {}).then(showLink).catch(fail) },
          t(lang, "reset_password", "Reset password")) : null));
  }));
}
$("invite").addEventListener("submit", async (e) => {
  e.preventDefault(); $("error").textContent = "";
  try {
    showLink(await staffPost("/api/admin/users", { email: $("i-email").value, name: $("i-name").value, role: $("i-role").value, department: $("i-department").value || null, language: lang }));
    for (const id of ["i-email", "i-name", "i-department"]) $(id).value = "";
    await load();
  } catch (err) { fail(err); }
});
load().catch(fail);
