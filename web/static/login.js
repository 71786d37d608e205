const lang = new URLSearchParams(location.search).get("lang") || localStorage.getItem("lang") || (navigator.language.startsWith("zh") ? "zh" : "en");
translatePage(lang);
document.getElementById("login").addEventListener("submit", async (e) => {
  e.preventDefault();
  // The server says where to go: only ever a path on this site (never `//evil` or `/\evil`).
  const next = new URLSearchParams(location.search).get("next");
  const res = await fetch("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: document.getElementById("email").value, password: document.getElementById("password").value, next }) });
  if (!res.ok) { const d = await res.json().catch(() => ({})); document.getElementById("error").textContent = d.detail || "Login failed"; return; }
  location.href = (await res.json()).next;
});
// Single sign-on, when the server has an OpenID Connect provider configured (a plain link: a GET).
fetch("/api/auth/oidc").then((r) => r.json()).then((sso) => {
  if (!sso.enabled) return;
  const next = new URLSearchParams(location.search).get("next");
  const link = document.getElementById("sso");
  link.textContent = sso.label;
  if (next) link.href = "/api/auth/oidc/login?next=" + encodeURIComponent(next);
  document.getElementById("sso-box").classList.remove("hidden");
}).catch(() => {});
// Forgot password: the same neutral answer whatever the address (the server never says who has an account).
document.getElementById("forgot-open").addEventListener("click", () => {
  document.getElementById("forgot").classList.remove("hidden");
  document.getElementById("forgot-email").value = document.getElementById("email").value;
  document.getElementById("forgot-email").focus();
});
document.getElementById("forgot").addEventListener("submit", async (e) => {
  e.preventDefault();
  const answer = document.getElementById("forgot-answer"), error = document.getElementById("forgot-error");
  answer.textContent = ""; error.textContent = "";
  const res = await fetch("/api/auth/password-reset", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: document.getElementById("forgot-email").value, language: lang === "zh" ? "zh" : "en" }) });
  if (res.ok) answer.textContent = (await res.json()).status.startsWith("this server cannot") ? t(lang, "forgot_no_mail") : t(lang, "forgot_sent");
  else error.textContent = (await res.json().catch(() => ({}))).detail || `request failed (${res.status})`;
});
