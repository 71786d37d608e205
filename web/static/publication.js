// Results publication (公示): the admin picks columns and masking, previews, and exports Excel or PDF.
const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
$("p-lang").value = lang;
function choice(format) {
  return {
    title: $("p-title").value.trim(),
    fields: [...document.querySelectorAll("input[name=field]:checked")].map((c) => c.value),
    name_mask: $("p-name-mask").value, id_mask: $("p-id-mask").value, lang: $("p-lang").value, format,
  };
}
async function preview() {
  if (!$("p-job").value) return;
  try {
    const pub = await staffPost(`/api/analytics/jobs/${$("p-job").value}/publication`, choice("json"));
    $("preview-title").textContent = pub.title;
    $("preview-head").replaceChildren(el("tr", {}, ...pub.headers.map((h) => el("th", {}, h))));
    $("preview-rows").replaceChildren(...pub.rows.map((r) => el("tr", {}, ...r.map((c) => el("td", {}, c)))));
    $("error").textContent = "";
    window.__publication = { ready: true };
  } catch (e) { if (e.message !== "login") $("error").textContent = e.message; }
}
async function download(format) {
  const res = await fetch(`/api/analytics/jobs/${$("p-job").value}/publication`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(choice(format)),
  });
  if (!res.ok) { $("error").textContent = (await res.json().catch(() => ({}))).detail || `export failed (${res.status})`; return; }
  const url = URL.createObjectURL(await res.blob());
  const a = el("a", { href: url, download: `publication.${format}` });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
$("p-xlsx").onclick = () => download("xlsx");
$("p-pdf").onclick = () => download("pdf");
$("choice").addEventListener("change", preview);
staffFetch("/api/jobs").then((jobs) => {
  for (const j of jobs) $("p-job").append(el("option", { value: j.id }, j.title + (j.department ? ` (${j.department})` : "")));
  const asked = new URLSearchParams(location.search).get("job");
  if (asked) $("p-job").value = asked;
  preview();
}).catch((e) => { if (e.message !== "login") $("error").textContent = e.message; });
