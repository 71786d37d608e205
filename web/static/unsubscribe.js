// Unsubscribe from reminders: the link names the interview; the button posts (a mail scanner's GET does not).
const token = decodeURIComponent(location.pathname.split("/").pop());
document.querySelectorAll("[data-key]").forEach((el) => { el.textContent = t(el.closest("[lang]").lang, el.dataset.key); });
document.getElementById("unsubscribe-btn").addEventListener("click", async () => {
  const res = await fetch(`/api/unsubscribe/${encodeURIComponent(token)}`, { method: "POST" });
  const data = await res.json().catch(() => ({}));
  document.getElementById("result").textContent = res.ok
    ? `${t("zh", "unsubscribed")} ${t("en", "unsubscribed")}` : (data.detail || `(${res.status})`);
  document.getElementById("unsubscribe-btn").disabled = res.ok;
});
