// The talent pool (HR): past candidates by competency evidence, with the quotes that carry a result,
// and "invite to job" (a new interview and its invite link for the chosen job).
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
async function invite(match, cell) {
  $("error").textContent = "";
  try {
    const out = await staffPost("/api/analytics/talent-pool/invite", { candidate_id: match.candidate_id, job_id: $("s-job").value });
    cell.replaceChildren(el("span", { class: "muted" }, `${t(lang, "pool_invited")} ${out.job_title} `),
      el("a", { href: out.invite_url, class: "invite-link" }, out.invite_url));
  } catch (e) { fail(e); }
}
function row(m) {
  const action = el("td", {});
  action.append(el("button", { type: "button", class: "secondary invite", onclick: () => invite(m, action) }, t(lang, "pool_invite")));
  const quotes = el("ul", { class: "plain quotes" }, ...m.quantified_results.map((q) => el("li", {}, el("q", {}, q))));
  return el("tr", { dataset: { candidate: m.candidate_id } }, el("td", {}, m.name), el("td", {}, m.job_title),
    el("td", {}, m.score.toFixed(1)), el("td", {}, quotes), action);
}
$("search").addEventListener("submit", async (e) => {
  e.preventDefault(); $("error").textContent = "";
  const q = new URLSearchParams({ competency: $("s-competency").value.trim(), min_score: $("s-min").value, quantified: $("s-quantified").checked });
  try {
    const found = await staffFetch(`/api/analytics/talent-pool?${q}`);
    $("results").replaceChildren(...found.map(row));
    $("none").classList.toggle("hidden", found.length > 0);
  } catch (err) { fail(err); }
});
staffFetch("/api/jobs").then((jobs) => $("s-job").replaceChildren(...jobs.map((j) => el("option", { value: j.id }, j.title)))).catch(fail);
