/**
 * The dashboard's one stylesheet, inlined in every page's `<style>` (no request, no build step).
 * Exported so the route can put its hash in the Content-Security-Policy (`style-src 'sha256-…'`);
 * the pages use no `style` attributes, which such a policy would block.
 *
 * Every colour is a custom property set once for light and once for dark, so the SVG charts
 * (styled by class from here) follow the scheme too. The pairs are chosen for WCAG AA: text at
 * least 4.5:1 on the page and on the surface colour, chart lines and focus rings at least 3:1
 * (test/web/contrast.test.ts reads the values below and checks them).
 */
export const DASHBOARD_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --surface: #f6f8fa;
  --fg: #1f2328;
  --muted: #59636e;
  --border: #d1d9e0;
  --link: #0550ae;
  --focus: #0969da;
  --series-0: #0550ae;
  --series-1: #a84700;
  --series-2: #6639ba;
  --reference: #59636e;
  --good: #116329;
  --warn: #7d4e00;
  --bad: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --surface: #161b22;
    --fg: #e6edf3;
    --muted: #9198a1;
    --border: #3d444d;
    --link: #58a6ff;
    --focus: #58a6ff;
    --series-0: #58a6ff;
    --series-1: #f0883e;
    --series-2: #bc8cff;
    --reference: #9198a1;
    --good: #3fb950;
    --warn: #d29922;
    --bad: #ff7b72;
  }
}
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-text-size-adjust: 100%;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -9999px; top: 0; }
.skip-link:focus { left: 1rem; top: 0.5rem; z-index: 1; padding: 0.5rem 1rem; background: var(--bg); }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.site-header { border-bottom: 1px solid var(--border); background: var(--surface); }
.site-header .bar, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.site-header .bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding-block: 0.75rem; }
.brand { font-weight: 700; font-size: 1.125rem; color: var(--fg); text-decoration: none; }
.account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.account form { margin: 0; }
button, .button {
  display: inline-block; font: inherit; line-height: 1.25; padding: 0.375rem 0.875rem; border-radius: 0.375rem;
  border: 1px solid var(--border); background: var(--bg); color: var(--fg); cursor: pointer; text-decoration: none;
}
.button-primary { background: var(--fg); color: var(--bg); border-color: var(--fg); font-weight: 600; padding: 0.625rem 1.25rem; }
.breadcrumbs { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.breadcrumbs ol { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0.75rem 0 0; padding: 0; font-size: 0.875rem; }
.breadcrumbs li + li::before { content: "/"; content: "/" / ""; margin-right: 0.25rem; color: var(--muted); }
main { padding-bottom: 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
.muted, .empty { color: var(--muted); }
.lead { font-size: 1.125rem; max-width: 40rem; }
.tag {
  display: inline-block; margin-left: 0.375rem; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 1rem;
  color: var(--muted); font-size: 0.75rem; font-weight: 600; vertical-align: middle; text-transform: uppercase; letter-spacing: 0.03em;
}
.alert, .notice { max-width: 40rem; padding: 0.75rem 1rem; border-left: 4px solid var(--bad); background: var(--surface); }
.notice { border-left-color: var(--warn); }
.toc ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; list-style: none; padding: 0; }
.cards li { padding: 1rem; border: 1px solid var(--border); border-radius: 0.5rem; background: var(--surface); }
.cards a { font-size: 1.125rem; font-weight: 600; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.75rem; margin: 1rem 0; }
.figures div { padding: 0.75rem 1rem; border: 1px solid var(--border); border-radius: 0.5rem; background: var(--surface); }
.figures dt { color: var(--muted); font-size: 0.875rem; }
.figures dd { margin: 0; font-size: 1.375rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { background: var(--surface); white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.stage { font-weight: 600; white-space: nowrap; }
.stage::before { content: "\\25CF\\00A0"; content: "\\25CF\\00A0" / ""; }
.stage-on-time { color: var(--good); }
.stage-due-soon { color: var(--warn); }
.stage-over-goal { color: var(--bad); }
.milestones { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.milestones li { padding: 1rem; border: 1px solid var(--border); border-radius: 0.5rem; }
.milestones h3 { margin-top: 0; }
progress { width: 100%; height: 0.75rem; accent-color: var(--series-0); }
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; color: var(--link); }
.chart { margin: 1rem 0; }
.chart-scroll { overflow-x: auto; }
.chart-scroll svg { display: block; width: 100%; min-width: 26rem; max-width: 52rem; height: auto; }
.chart text { fill: var(--muted); font-size: 14px; }
.chart .grid { stroke: var(--border); }
.chart .axis { stroke: var(--muted); }
.chart .reference { stroke: var(--reference); }
.chart .reference-label { fill: var(--fg); font-weight: 600; paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
.chart .line-0, .chart .hatch-0 { stroke: var(--series-0); }
.chart .line-1, .chart .hatch-1 { stroke: var(--series-1); }
.chart .line-2, .chart .hatch-2 { stroke: var(--series-2); }
.chart .marker-0, .chart .bar-0 { fill: var(--series-0); }
.chart .marker-1 { fill: var(--series-1); }
.chart .marker-2 { fill: var(--series-2); }
.chart .bar { stroke: var(--bg); }
.chart .bar-1 { stroke: var(--series-1); }
.chart .bar-2 { stroke: var(--series-2); }
.chart .pattern-bg { fill: var(--bg); }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; list-style: none; margin: 0.5rem 0; padding: 0; font-size: 0.875rem; }
.legend svg { vertical-align: middle; margin-right: 0.375rem; }
.newcomers { padding-left: 1.25rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  th, td { padding: 0.375rem 0.5rem; }
}
`.trim();
