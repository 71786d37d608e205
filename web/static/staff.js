// Shared by staff pages: login redirect, the user's language (switchable, remembered), small helpers.
async function staffFetch(path, options) {
  const res = await fetch(path, options);
  if (res.status === 401) { location.href = "/login?next=" + encodeURIComponent(location.pathname); throw new Error("login"); }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.detail || `request failed (${res.status})`);
  return data;
}
function staffPost(path, body) {
  return staffFetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}
// A page that reloads a list after each change can have two loads in flight, and the answer to the older one
// (asked before the change) may come last. `const ticket = newest();` then in the loader
// `const mine = ticket(); …await…; if (!mine()) return;` draws only the newest answer.
function newest() { let n = 0; return () => { const mine = ++n; return () => mine === n; }; }
function fmtTime(s) { const m = Math.floor(s / 60); return `${m}:${String(Math.floor(s % 60)).padStart(2, "0")}`; }
// ?lang=zh|en sets it; otherwise what the user chose last, otherwise the browser's language.
function staffLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "zh" || asked === "en") localStorage.setItem("lang", asked);
  return localStorage.getItem("lang") || (navigator.language.startsWith("zh") ? "zh" : "en");
}
function langSwitch(lang) {
  const b = document.createElement("button");
  b.className = "secondary lang"; b.type = "button";
  b.textContent = lang === "zh" ? "English" : "中文";
  b.onclick = () => { localStorage.setItem("lang", lang === "zh" ? "en" : "zh"); location.search = ""; };
  document.querySelector("header").appendChild(b);
}
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e[k] = v; else if (k === "dataset") Object.assign(e.dataset, v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}
