// Review: the coding task's runs on the call's timeline (code, tests, output; click the time to hear what
// was said then) and the spoken-English check, reported apart from the competency scores.
async function loadModules() {
  const data = await staffFetch(`/api/interviews/${interviewId}/modules`);
  if (!data.code_runs.length && !data.results.length) return;
  $("modules-card").classList.remove("hidden");
  if (data.code_runs.length) {
    $("code-runs-box").classList.remove("hidden");
    $("code-runs").replaceChildren(...data.code_runs.map((run) => {
      const r = run.result;
      const passed = r.tests.filter((x) => x.passed).length;
      const when = run.t === null ? el("span", { class: "t" }, "—")
        : el("button", { type: "button", class: "link", onclick: () => seek(run.t) }, fmtTime(run.t));
      const head = el("p", {}, when, " ", el("b", { class: `run-status ${run.status}` }, t(lang, "run_" + run.status, run.status)),
        ` · ${passed} / ${r.tests.length} ${t(lang, "tests_passed", "tests passed")}`,
        run.submitted ? ` · ${t(lang, "submitted", "handed in")}` : "", r.reason ? ` · ${r.reason}` : "");
      const tests = el("ul", { class: "plain" }, ...r.tests.map((x) => el("li", {}, `${x.passed ? "✔" : "✘"} ${x.name}${x.error ? ": " + x.error : ""}`)));
      const output = [r.load_error, r.stdout, r.stderr].filter(Boolean).join("\n");
      return el("li", { class: "code-run" }, head, el("pre", { class: "code" }, run.code), tests, output ? el("pre", {}, output) : "");
    }));
  }
  if (data.results.length) {
    $("english-box").classList.remove("hidden");
    $("english").replaceChildren(...data.results.map((m) => {
      const f = m.figures;
      const text = m.module === "read_aloud"
        ? `${t(lang, "intelligibility")}: ${Math.round(f.intelligibility * 100)}% (${f.words_matched} / ${f.words_expected})`
        : `${t(lang, "content")}: ${f.content} / 5`;
      return el("li", {}, el("button", { type: "button", class: "link", onclick: () => seek(m.t) }, fmtTime(m.t)), " ", text);
    }));
  }
}
loadModules().catch((e) => { if (e.message !== "login") $("error").textContent = e.message; });
