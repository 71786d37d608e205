// Minimal page translations; the candidate page follows the job's language, staff pages the browser's.
const I18N = {
  zh: {
    notice: "开始之前", version: "告知版本", agree: "我同意录音录像，并同意由 AI 辅助评估、由人工复核。",
    continue: "继续", join: "加入面试", leave: "离开", captions: "我们听到的内容",
    connecting: "正在连接…", connected: "已连接", ended: "面试已结束", question: "问题",
    transcript: "实时转写", login: "登录", email: "邮箱", password: "密码", interviews: "面试列表",
    current: "当前问题", speaking: "正在说话", silent: "安静", waiting: "加入后，第一个问题会显示在这里。",
  },
  en: {
    connecting: "Connecting…", connected: "Connected", ended: "Interview ended", question: "Question",
    speaking: "speaking", silent: "silent",
  },
};
function t(lang, key, fallback) { return (I18N[lang] && I18N[lang][key]) || (I18N.en[key]) || fallback || key; }
function translatePage(lang) {
  document.documentElement.lang = lang;
  if (lang === "en") return;
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    const v = I18N[lang] && I18N[lang][el.dataset.i18n];
    if (v) el.textContent = v;
  });
}
