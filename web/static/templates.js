// Message templates (admins): pick a template and language, edit subject/text/HTML, preview with sample
// values (nothing stored), save (the server refuses a wording that lost a placeholder it needs), reset.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
const base = "/api/admin/message-templates";
let all = [];
const current = () => all.find((x) => x.name === $("t-name").value && x.language === $("t-language").value);
const params = () => Object.fromEntries($("t-params").value.split("\n").map((l) => l.split("=")).filter((p) => p.length > 1 && p[0].trim()).map(([k, ...v]) => [k.trim(), v.join("=").trim()]));
const wording = () => ({ subject: $("t-subject").value, text: $("t-text").value, html: $("t-html").value });
function show(tpl) {
  $("t-subject").value = tpl.subject; $("t-text").value = tpl.text; $("t-html").value = tpl.html_from_text ? "" : tpl.html;
  $("t-state").textContent = t(lang, tpl.edited ? "edited" : "builtin");
  $("t-reset").disabled = !tpl.edited;
  $("t-required").textContent = tpl.required.length ? `${t(lang, "placeholders_needed")} ${tpl.required.map((k) => "$" + k).join(", ")}` : "";
  $("t-params").value = Object.entries(tpl.sample).map(([k, v]) => `${k}=${v}`).join("\n");
  $("error").textContent = ""; $("t-saved").textContent = "";
}
function replace(tpl) { all = all.map((x) => (x.name === tpl.name && x.language === tpl.language ? { ...x, ...tpl } : x)); show(current()); }
async function load() {
  all = await staffFetch(base);
  const names = [...new Set(all.map((x) => x.name))];
  $("t-name").replaceChildren(...names.map((n) => el("option", { value: n }, t(lang, "tpl_" + n, n))));
  $("t-language").value = lang;
  show(current());
}
async function preview() {
  $("error").textContent = "";
  try {
    const out = await staffPost(`${base}/${$("t-name").value}/${$("t-language").value}/preview`, { ...wording(), params: params() });
    $("p-subject").textContent = out.subject; $("p-text").textContent = out.text;
    $("p-html").srcdoc = out.html;  // sandboxed: no script runs, nothing loads
  } catch (e) { fail(e); }
}
for (const id of ["t-name", "t-language"]) $(id).addEventListener("change", () => { show(current()); preview(); });
$("t-preview").addEventListener("click", preview);
$("editor").addEventListener("submit", async (e) => {
  e.preventDefault(); $("error").textContent = "";
  try {
    replace(await staffFetch(`${base}/${$("t-name").value}/${$("t-language").value}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wording()) }));
    $("t-saved").textContent = t(lang, "saved_template");
    await preview();
  } catch (err) { fail(err); }
});
$("t-reset").addEventListener("click", async () => {
  $("error").textContent = "";
  try { replace(await staffFetch(`${base}/${$("t-name").value}/${$("t-language").value}`, { method: "DELETE" })); $("t-saved").textContent = t(lang, "reset_done"); await preview(); }
  catch (e) { fail(e); }
});
load().then(preview).catch(fail);
