// The candidate's voluntary self-ID form (after the interview, and on the status page once it ended):
// every question has "prefer not to say" (the default), nothing is stored without its own consent
// box, and the answers go to the bias audit's counts only, never to the people who rate the interview.
const SelfId = (() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {  // the candidate page does not load the staff pages' helpers
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (k === "dataset") Object.assign(e.dataset, v); else e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const OPTIONS = {
    sex: ["female", "male", "other"],
    age_band: ["under_25", "25_34", "35_44", "45_54", "55_plus"],
    disability: ["yes", "no"],
  };
  const ETHNICITY = { zh: ["han", "minority", "other"], en: ["asian", "black", "hispanic_latino", "white", "mixed", "other"] };
  const LABELS = {
    zh: { under_25: "25 岁以下", "25_34": "25–34 岁", "35_44": "35–44 岁", "45_54": "45–54 岁", "55_plus": "55 岁及以上",
      han: "汉族", minority: "少数民族", asian: "亚裔", black: "非裔", hispanic_latino: "西班牙裔/拉丁裔", white: "白人", mixed: "混血" },
    en: { under_25: "under 25", "25_34": "25–34", "35_44": "35–44", "45_54": "45–54", "55_plus": "55 or older",
      han: "Han", minority: "Ethnic minority", asian: "Asian", black: "Black", hispanic_latino: "Hispanic or Latino", white: "White", mixed: "Mixed" },
  };
  let shown = false;
  function label(lang, value) { return LABELS[lang][value] || t(lang, "a_" + value, value); }
  function show(lang, post) {
    if (shown) return;
    shown = true;
    const questions = { ...OPTIONS, race_ethnicity: ETHNICITY[lang] || ETHNICITY.en };
    $("selfid-questions").replaceChildren(...Object.entries(questions).map(([q, values]) => {
      const select = el("select", { id: `selfid-${q}`, dataset: { question: q } },
        el("option", { value: "" }, t(lang, "prefer_not")), ...values.map((v) => el("option", { value: v }, label(lang, v))));
      return el("p", {}, el("label", { for: `selfid-${q}` }, t(lang, "q_" + q)), " ", select);
    }));
    $("selfid").classList.remove("hidden");
    $("selfid-skip").onclick = () => $("selfid").classList.add("hidden");
    $("selfid-form").onsubmit = async (e) => {
      e.preventDefault();
      const consent = $("selfid-consent").checked;
      const answers = {};
      for (const s of document.querySelectorAll("#selfid-questions select")) if (s.value && consent) answers[s.dataset.question] = s.value;
      $("selfid-submit").disabled = true;
      try {
        const out = await post("/self-id", { consent, answers });
        $("selfid-result").textContent = t(lang, out.stored ? "selfid_saved" : "selfid_not_saved");
        $("selfid-form").classList.add("hidden");
      } catch (err) { $("selfid-result").textContent = err.message; $("selfid-submit").disabled = false; }
    };
  }
  return { show };
})();
