/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → parts; anything else → null (the field is then missing). */
export function normaliseBirthDate(text: string | undefined): { year: number; month?: number; day?: number } | null {
  if (!text) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const result: { year: number; month?: number; day?: number } = { year: Number(match[1]) };
  if (match[2]) result.month = Number(match[2]);
  if (match[3]) result.day = Number(match[3]);
  return result;
}
