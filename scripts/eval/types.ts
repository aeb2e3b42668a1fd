/** One block of the accuracy report: a Markdown table plus the headline metrics for targets and tests. */
export interface EvalSection {
  title: string;
  markdown: string;
  metrics: Record<string, number>;
}
