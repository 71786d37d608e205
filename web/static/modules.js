// Interview modules on the candidate page: the timer of a timed item, the read-aloud passage, the coding
// task's editor (CodeMirror, served from /static/vendor) with its runs, and the survey after the end.
const Modules = (() => {
  const $ = (id) => document.getElementById(id);
  let editor = null, timer = null, task = null, lang = "en", post = null;

  function countdown(limitS) {
    clearInterval(timer);
    if (!limitS) { $("module-timer").parentElement.classList.add("hidden"); return; }
    $("module-timer").parentElement.classList.remove("hidden");
    const end = Date.now() + limitS * 1000;
    const draw = () => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      $("module-timer").textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      if (!left) clearInterval(timer);
    };
    draw(); timer = setInterval(draw, 1000);
  }

  function showEditor(coding) {
    $("coding").classList.remove("hidden");
    $("tests").textContent = coding.tests.map((tc) => `# ${tc.name}\n${tc.code}`).join("\n\n");
    if (!editor && window.CodeMirror) {
      editor = CodeMirror.fromTextArea($("code"), { mode: "python", lineNumbers: true, indentUnit: 4 });
      window.__editor = editor;
    }
    if (editor) { editor.setValue(coding.starter || ""); editor.refresh(); } else { $("code").value = coding.starter || ""; }
    $("run-btn").disabled = false; $("done-btn").disabled = false;
  }
  const code = () => (editor ? editor.getValue() : $("code").value);

  function showRun(run) {
    const r = run.result;
    const passed = r.tests.filter((x) => x.passed).length;
    $("run-status").className = `run-status ${run.status}`;
    $("run-status").textContent = `${t(lang, "run_" + run.status, run.status)} — ${passed} / ${r.tests.length}` +
      (r.reason ? ` (${r.reason})` : "");
    $("run-tests").replaceChildren(...r.tests.map((x) => {
      const li = document.createElement("li");
      li.textContent = `${x.passed ? "✔" : "✘"} ${x.name}${x.error ? ": " + x.error : ""}`;
      return li;
    }));
    const out = [r.load_error, r.stdout, r.stderr].filter(Boolean).join("\n");
    $("run-output").textContent = out; $("run-output").classList.toggle("hidden", !out);
  }

  async function run(submit) {
    if (!task) return;
    $("run-btn").disabled = true; $("done-btn").disabled = true;
    $("run-status").className = "run-status"; $("run-status").textContent = t(lang, "running", "Running…");
    try {
      const out = await post("/code", { question_id: task.question_id, code: code(), submit });
      showRun(out);
      window.__runs = (window.__runs || []).concat([out]);
      if (submit) { task = null; $("run-status").textContent += " — " + t(lang, "handed_in", "handed in"); return; }
    } catch (e) { $("run-status").textContent = e.message; }
    $("run-btn").disabled = false; $("done-btn").disabled = false;
  }

  function show(module, language, poster) {
    lang = language; post = poster;
    $("coding").classList.add("hidden"); $("passage").classList.add("hidden");
    if (!module) { $("module").classList.add("hidden"); clearInterval(timer); task = null; return; }
    $("module").classList.remove("hidden");
    countdown(module.limit_s);
    if (module.passage) { $("passage").textContent = module.passage; $("passage").classList.remove("hidden"); }
    task = module.coding ? { question_id: module.question_id } : null;
    if (module.coding) showEditor(module.coding);
  }

  // The agent asks for the explanation: the editor stays visible (read-only) for reference.
  function explaining() {
    clearInterval(timer); $("module-timer").parentElement.classList.add("hidden");
    task = null; $("run-btn").disabled = true; $("done-btn").disabled = true;
    if (editor) editor.setOption("readOnly", true);
  }

  function survey(language, poster) {
    lang = language; post = poster;
    $("survey").classList.remove("hidden");
    document.querySelectorAll("input[name=rating]").forEach((r) => r.addEventListener("change", () => { $("survey-btn").disabled = false; }));
    $("survey-btn").onclick = async () => {
      const chosen = document.querySelector("input[name=rating]:checked");
      if (!chosen) return;
      $("survey-btn").disabled = true;
      try {
        await post("/survey", { rating: Number(chosen.value), comment: $("survey-comment").value.trim() || null });
        $("survey-thanks").classList.remove("hidden");
        $("survey-ratings").classList.add("hidden"); $("survey-comment").disabled = true;
      } catch (e) { $("survey-thanks").textContent = e.message; $("survey-thanks").classList.remove("hidden"); $("survey-btn").disabled = false; }
    };
  }

  $("run-btn").addEventListener("click", () => run(false));
  $("done-btn").addEventListener("click", () => run(true));
  return { show, explaining, survey };
})();
