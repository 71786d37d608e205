// Texts of the dashboard's newer parts (drop-out by step, satisfaction, score marks, intersectional
// audit, validity) and of the review page's "reasonable / not reasonable" marks, in zh and en.
Object.assign(I18N.zh, {
  steps: "按步骤的流失", step: "步骤", reached: "到达", stopped: "在此停止", step_rate: "占上一步",
  step_invited: "已邀请", step_opened: "打开链接", step_consented: "已同意", step_device_check: "设备检测通过",
  step_started: "开始面试", step_question: "第 {n} 题", step_completed: "完成",
  device_check_failed: "设备检测未通过且未开始的候选人", steps_note: "“在此停止”包含仍可能继续的候选人；未记录的早期步骤按后续步骤推断为已到达。",
  satisfaction_title: "候选人满意度", rating: "评分", response_rate: "回复率（占完成面试）", satisfaction_mean: "满意度平均分",
  responses: "回复数", satisfaction_n: "满意度样本数",
  score_marks: "HR 对单题 AI 评分的判断", marks_n: "标记数", not_reasonable: "标记为不合理", not_reasonable_rate: "不合理比例",
  intersectional: "交叉类别（如性别 × 种族/族裔）", category: "类别", excluded: "人数过少（<2%），不计入影响比",
  unknown_count: "类别未知或拒绝回答", validity: "预测效度", validity_metric: "结果指标", predictor: "预测项",
  correlation: "相关系数 r", ci95: "95% 置信区间", n_pairs: "样本数", small_sample_warn: "样本少于 30，结果不稳定",
  hr_alone: "仅 HR 推荐", r2_hr: "仅 HR 推荐的 R²", r2_hr_ai: "HR 推荐 + AI 总分的 R²", delta_r2: "AI 增加的解释力 ΔR²",
  ai_overall: "AI 总分", range_note: "范围限制", perf_performance: "绩效评分", perf_probation_passed: "通过试用期",
  perf_retained_6m: "6 个月留任", weights_diff: "建议权重与当前权重对比",
  range_note_text: "只有被录用的人才有入职后结果，他们的分数范围比全部候选人窄；据此算出的系数会低估在全部候选人中的效度。",
  mark_reasonable: "评分合理", mark_not_reasonable: "评分不合理", mark_reason: "原因（可选，最多 500 字）",
  mark_saved: "已保存判断", mark_counts: "合理 {ok} · 不合理 {bad}", mark_question: "第 {n} 题",
});
Object.assign(I18N.en, {
  steps: "Drop-out by step", step: "Step", reached: "Reached", stopped: "Stopped here", step_rate: "Of previous step",
  step_invited: "Invited", step_opened: "Opened link", step_consented: "Consented", step_device_check: "Device check passed",
  step_started: "Started", step_question: "Question {n}", step_completed: "Completed",
  device_check_failed: "Device check failed, never started", steps_note: "“Stopped here” includes candidates who may still go on; an unrecorded earlier step counts as reached when a later one was.",
  satisfaction_title: "Candidate satisfaction", rating: "Rating", response_rate: "Response rate (of completed)", satisfaction_mean: "Satisfaction mean",
  responses: "Responses", satisfaction_n: "Satisfaction n",
  score_marks: "HR's marks on individual AI scores", marks_n: "Marks", not_reasonable: "Not reasonable", not_reasonable_rate: "Share not reasonable",
  intersectional: "Intersectional categories (e.g. sex × race/ethnicity)", category: "Category", excluded: "under 2%: excluded from impact ratios",
  unknown_count: "Unknown or declined", validity: "Predictive validity", validity_metric: "Outcome", predictor: "Predictor",
  correlation: "Correlation r", ci95: "95% interval", n_pairs: "n", small_sample_warn: "fewer than 30: unstable",
  hr_alone: "HR recommendation alone", r2_hr: "R² of HR's recommendation", r2_hr_ai: "R² of HR + AI overall", delta_r2: "What the AI adds (ΔR²)",
  ai_overall: "AI overall", range_note: "Range restriction", perf_performance: "Performance rating", perf_probation_passed: "Passed probation",
  perf_retained_6m: "Retained at 6 months", weights_diff: "Suggested weights against the current ones",
  mark_reasonable: "Score is reasonable", mark_not_reasonable: "Score is not reasonable", mark_reason: "Reason (optional, up to 500 characters)",
  applicants: "Applicants", selected: "Selected", selection_rate: "Selection rate", impact_ratio: "Impact ratio",
  mark_saved: "Mark saved", mark_counts: "reasonable {ok} · not {bad}", mark_question: "Question {n}",
});
function tf(lang, key, values) { return Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, v), t(lang, key)); }
