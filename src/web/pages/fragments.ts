import { html, SafeHtml, type HtmlValue } from "../html.js";

/**
 * Pieces the pages share. Each section is a labelled `<section>` (a region landmark, and a target
 * for the page's table of contents); each table sits in a scrolling wrapper so a wide table scrolls
 * on a phone instead of widening the page.
 */

/** A page section: `<section id>` named by its `<h2>`. */
export function section(id: string, heading: string, content: HtmlValue): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
${content}
</section>
`;
}

/** What a section says when it has nothing to show. */
export function empty(text: string): SafeHtml {
  return html`<p class="empty">${text}</p>`;
}

export interface Column {
  label: string;
  /** Right-aligned, for figures. */
  numeric?: boolean;
}

/** A cell's content, or content spanning several columns (e.g. why a row has no figures). */
export type Cell = HtmlValue | { span: number; content: HtmlValue };

function isSpan(cell: Cell): cell is { span: number; content: HtmlValue } {
  return typeof cell === "object" && cell !== null && !(cell instanceof SafeHtml) && !Array.isArray(cell);
}

/**
 * A data table with a caption and column headers. The first cell of each row is its row header
 * (`<th scope="row">`), so a screen reader names the row when reading across. The wrapper can take
 * focus because it may scroll: a keyboard user must be able to scroll it too (and it is then
 * named by the caption).
 */
export function dataTable(id: string, caption: HtmlValue, columns: Column[], rows: Array<[HtmlValue, ...Cell[]]>): SafeHtml {
  const numeric = (column: number) => (columns[column]?.numeric ? html` class="num"` : null);
  const head = columns.map((c, i) => html`<th scope="col"${numeric(i)}>${c.label}</th>`);
  const body = rows.map(([first, ...rest]) => {
    let column = 1;
    const others = rest.map((cell) => {
      const at = column;
      if (!isSpan(cell)) return (column++, html`<td${numeric(at)}>${cell}</td>`);
      column += cell.span;
      return html`<td colspan="${cell.span}">${cell.content}</td>`;
    });
    return html`<tr><th scope="row"${numeric(0)}>${first}</th>${others}</tr>`;
  });
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-caption">
<table id="${id}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.map((row) => html`${row}\n`)}</tbody>
</table>
</div>
`;
}

/** A small label beside a name, e.g. "private". */
export function tag(text: string): SafeHtml {
  return html`<span class="tag">${text}</span>`;
}

/** A row of headline figures as a description list. */
export function figures(items: Array<{ label: HtmlValue; value: HtmlValue }>): SafeHtml {
  return html`<dl class="figures">${items.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>`;
}
