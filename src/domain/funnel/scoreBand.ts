// Fit score bands for slicing analytics: quarters of the 0–100 scale, fixed so that periods compare.

export const FIT_BANDS = ['0-24', '25-49', '50-74', '75-100'] as const;
export type FitBand = (typeof FIT_BANDS)[number];

export function fitBand(fit: number | undefined): FitBand | null {
  if (fit === undefined || !Number.isFinite(fit)) return null;
  if (fit < 25) return '0-24';
  if (fit < 50) return '25-49';
  if (fit < 75) return '50-74';
  return '75-100';
}

/** The fit letter of a grade such as "B2"; null when the row carried no grade. */
export function fitGradeOf(grade: string | undefined): string | null {
  return grade ? grade.charAt(0) : null;
}
