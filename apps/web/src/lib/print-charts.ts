/**
 * Charts on paper. Recharts sizes its SVG in pixels when the screen lays it out, and does not redraw
 * for the print layout, so a chart drawn on a wide screen would run off an A4 page. Just before
 * printing, each chart is scaled down (a transform: it does not trigger a redraw) to the printable
 * width, and put back afterwards.
 */

/** A4 (210 mm) minus the print stylesheet's side margins (2 × 12 mm) and a card's padding, in CSS px. */
const PRINTABLE_WIDTH = ((210 - 24) / 25.4) * 96 - 40;

const scaled = new Map<HTMLElement, string>();

/** Remember an element's inline style once, so restore() puts it back exactly. */
function keep(element: HTMLElement) {
  if (!scaled.has(element)) scaled.set(element, element.getAttribute('style') ?? '');
}

function fitToPage() {
  for (const chart of document.querySelectorAll<HTMLElement>('.chart')) {
    if (scaled.has(chart)) continue;
    // Side-by-side panels (works and value) keep the pixel widths their SVGs were drawn at.
    keep(chart);
    let panels = 0;
    for (const wrapper of chart.querySelectorAll<HTMLElement>('.recharts-wrapper')) {
      let panel = wrapper.parentElement;
      while (panel && panel.parentElement !== chart) panel = panel.parentElement;
      if (!panel || panel === wrapper) continue;
      keep(panel);
      panel.style.flex = 'none';
      panel.style.width = `${wrapper.offsetWidth}px`;
      panels += 1;
    }
    if (panels > 1) chart.style.gridTemplateColumns = `repeat(${panels}, max-content)`;
    const width = chart.scrollWidth;
    if (width <= PRINTABLE_WIDTH) continue;
    const scale = PRINTABLE_WIDTH / width;
    const height = chart.offsetHeight;
    chart.style.width = `${width}px`;
    chart.style.transform = `scale(${scale})`;
    chart.style.transformOrigin = 'top left';
    // The transform leaves the layout box as it was: give back the height it no longer uses.
    chart.style.marginBottom = `${-(1 - scale) * height}px`;
  }
}

function restore() {
  for (const [chart, style] of scaled) {
    if (style) chart.setAttribute('style', style);
    else chart.removeAttribute('style');
  }
  scaled.clear();
}

export function installPrintCharts() {
  window.addEventListener('beforeprint', fitToPage);
  window.addEventListener('afterprint', restore);
  // Emulated print media (headless Chromium's PDFs) announces itself only through matchMedia.
  window.matchMedia('print').addEventListener('change', (event) => (event.matches ? fitToPage() : restore()));
}
