translatePage(navigator.language.startsWith("zh") ? "zh" : "en");
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
