// The pack's one stylesheet, inline: it reads on screen and prints on A4 with each section on its own page,
// table headers repeated on every page and no row split across two.
export const REVIEW_CSS = `
:root { --ink: #1d2733; --muted: #5b6878; --line: #d8dee6; --soft: #f3f6f9; --accent: #1f5fa8;
  --good: #1d7a46; --bad: #b3261e; --warn: #9a6200; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 14px/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 20px; }
header.cover .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 700; }
h1 { font-size: 28px; margin: 4px 0 6px; }
h2 { font-size: 20px; margin: 0 0 4px; color: var(--accent); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.meta, .hint { color: var(--muted); font-size: 12.5px; }
.note-box { border-left: 4px solid var(--warn); background: #fff8e8; padding: 8px 12px; margin: 10px 0; }
section { margin-top: 30px; }
section > .intro { color: var(--muted); margin-bottom: 12px; max-width: 70ch; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 14px 0 18px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--soft); break-inside: avoid; }
.kpi .label { font-size: 12px; color: var(--muted); }
.kpi .value { font-size: 22px; font-weight: 700; margin-top: 2px; }
.kpi .sub { font-size: 11.5px; color: var(--muted); }
.kpi.bad .value { color: var(--bad); }
.kpi.good .value { color: var(--good); }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-size: 12.5px; font-weight: 700; margin-bottom: 6px; }
svg text { font-family: inherit; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; margin-top: 6px; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 700; background: var(--soft); border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.lead { display: block; font-weight: 600; overflow-wrap: break-word; }
td .hint, td .note { font-size: inherit; }
.id { display: block; color: var(--muted); font-size: .88em; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: .92em; background: var(--soft); border: 1px solid var(--line); white-space: nowrap; }
.pill.good { color: var(--good); border-color: #a8d5b9; background: #eef8f1; }
.pill.bad { color: var(--bad); border-color: #efb7b2; background: #fdf0ef; }
.pill.warn { color: var(--warn); border-color: #ecd08f; background: #fff8e8; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { padding: 14px; border: 1px dashed var(--line); border-radius: 6px; color: var(--muted); background: #fbfcfd; }
.side { margin-top: 14px; }
footer { margin-top: 36px; color: var(--muted); font-size: 11.5px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  section { margin-top: 0; break-before: page; }
  /* The summary shares the first page with the cover. */
  section#summary { margin-top: 12px; break-before: auto; }
  h2, h3 { break-after: avoid; }
  .kpis { grid-template-columns: repeat(4, 1fr); }
  table { font-size: 10.5px; }
}
`;
