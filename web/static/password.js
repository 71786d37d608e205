// Setting a password from an invitation or reset link (the token is in the link; it works once).
const lang = navigator.language.startsWith("zh") ? "zh" : "en";
translatePage(lang);
const token = new URLSearchParams(location.search).get("token") || "";
document.getElementById("set").addEventListener("submit", async (e) => {
  e.preventDefault();
  const error = document.getElementById("error");
  const password = document.getElementById("password").value;
  if (password !== document.getElementById("again").value) { error.textContent = t(lang, "passwords_differ", "The two passwords differ"); return; }
  const res = await fetch("/api/auth/password", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token, password }) });
  if (!res.ok) { const d = await res.json().catch(() => ({})); error.textContent = d.detail || "Failed"; return; }
  document.getElementById("set").classList.add("hidden");
  document.getElementById("done").classList.remove("hidden");
});
