const lang = staffLang();
translatePage(lang);
langSwitch(lang);
const $ = (id) => document.getElementById(id);
const fail = (e) => { if (e.message !== "login") $("error").textContent = e.message; };
// The kinds come from the server's connector registry: the page never keeps its own list.
async function loadKinds() {
  const kinds = await staffFetch("/api/admin/connector-kinds");
  $("c-kind").replaceChildren(...kinds.map((k) => el("option", { value: k.kind }, k.label)));
}
async function loadConnectors() {
  const rows = await staffFetch("/api/admin/connectors");
  $("connectors").replaceChildren(...rows.map((c) => el("tr", {}, el("td", {}, c.name), el("td", {}, c.kind), el("td", {}, c.url),
    el("td", {}, c.enabled ? "enabled" : `disabled: ${c.disabled_reason || ""}`))));
}
const deliveriesTicket = newest();  // the filter can change again before the last list has come
async function loadDeliveries() {
  const mine = deliveriesTicket();
  const q = $("d-status").value ? `?status=${$("d-status").value}` : "";
  const rows = await staffFetch("/api/admin/deliveries" + q);
  if (!mine()) return;
  $("deliveries").replaceChildren(...rows.map((d) => el("tr", {}, el("td", {}, d.event_type), el("td", {}, d.interview_id),
    el("td", {}, d.status), el("td", {}, d.attempts), el("td", {}, d.last_error || ""),
    el("td", {}, d.status === "pending" ? "" : el("button", { type: "button", class: "secondary retry", onclick: () =>
      staffPost(`/api/admin/deliveries/${d.id}/retry`, {}).then(loadDeliveries).catch(fail) }, t(lang, "retry", "Retry"))))));
}
$("add").addEventListener("submit", async (e) => {
  e.preventDefault(); $("error").textContent = ""; $("created").textContent = "";
  let options;
  try { options = JSON.parse($("c-options").value || "{}"); } catch { $("error").textContent = "Options must be JSON"; return; }
  try {
    const out = await staffPost("/api/admin/connectors", { name: $("c-name").value, kind: $("c-kind").value, url: $("c-url").value,
      secret: $("c-secret").value || null, options });
    $("created").textContent = out.secret ? `Secret (shown once): ${out.secret}` : "Added";
    for (const id of ["c-secret", "c-url", "c-name"]) $(id).value = "";
    await loadConnectors();
  } catch (err) { fail(err); }
});
$("d-status").addEventListener("change", () => loadDeliveries().catch(fail));
Promise.all([loadKinds(), loadConnectors(), loadDeliveries()]).catch(fail);
