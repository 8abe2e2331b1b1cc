import type { PreviewReport } from '../../../../contract/preview';

/** What the live preview says about its numbers: where they come from, and why some are missing. */

type GoodReport = Extract<PreviewReport, { valid: true }>;

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

const queries = (count: number) => (count === 1 ? '1 new query' : `${count} new queries`);

export function previewStatus(report: GoodReport | null, problem: string | null): string {
  if (report === null) return problem ? `No preview yet: ${problem}` : 'Preparing the preview…';
  const lines: string[] = [];
  if (!report.connected) {
    lines.push(
      'Not signed in: the preview shows the layout, and numbers once an account (or the demo) is connected.',
    );
  } else if (report.pendingQueries > 0 && report.budgetWaitUntil !== null) {
    lines.push(
      `Waiting for the rate budget: ${queries(report.pendingQueries)} for this draft go out from ${clockTime(report.budgetWaitUntil)}, inside the budget the screens share.`,
    );
  } else if (report.pendingQueries > 0) {
    lines.push(`Fetching ${queries(report.pendingQueries)} for this draft, inside the rate budget…`);
  } else if (report.extraQueries > 0) {
    lines.push(
      `Real numbers from the account. ${queries(report.extraQueries).replace(/^./, (c) => c.toUpperCase())} ${report.extraQueries === 1 ? 'is' : 'are'} fetched for this draft while the preview is open.`,
    );
  } else {
    lines.push('Real numbers from the account: the same answers the screens show.');
  }
  if (problem) lines.push(`This is the last draft that could be drawn: ${problem}`);
  return lines.join(' ');
}
