// The failure-rate sparkline: samples are kept in this browser tab, one per poll, for the last
// WINDOW_MS; nothing is stored on the server, so the line starts when the page is opened. Until the
// tab has WINDOW_MS of history the time axis spans what it has (at least MIN_SPAN_MS).

/** How much history a sparkline keeps and shows at most. */
export const WINDOW_MS = 5 * 60 * 1000;

/** The shortest time axis, so that the first few samples do not stretch across the whole width. */
const MIN_SPAN_MS = 30 * 1000;

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 40;

/** Samples per instance name, pruned to the window. */
export class History {
  constructor() {
    this.samples = new Map();
  }

  /** Records a value (negative: not measured yet, drawn as a gap). */
  add(name, time, value) {
    let list = this.samples.get(name);
    if (!list) {
      list = [];
      this.samples.set(name, list);
    }
    list.push({ time, value });
    while (list.length && list[0].time < time - WINDOW_MS) {
      list.shift();
    }
  }

  /** The samples of one instance, oldest first. */
  of(name) {
    return this.samples.get(name) ?? [];
  }

  /** Forgets every instance not in `names`. */
  retain(names) {
    for (const name of this.samples.keys()) {
      if (!names.has(name)) {
        this.samples.delete(name);
      }
    }
  }
}

/** A new, empty sparkline element. */
export function createSparkline(label) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg;
}

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  return node;
}

/**
 * Redraws a sparkline: one polyline per run of measured samples (a sample below zero, or a pause longer
 * than `gapMs` between polls, breaks the line), and the threshold as a dashed line. Answers the time
 * the axis starts at.
 */
export function drawSparkline(svg, samples, now, gapMs, threshold) {
  const from = Math.max(now - WINDOW_MS, samples.length ? samples[0].time : now);
  const span = Math.max(MIN_SPAN_MS, now - from);
  const x = time => ((time - (now - span)) / span) * WIDTH;
  const y = value => HEIGHT - (Math.min(100, Math.max(0, value)) / 100) * (HEIGHT - 2) - 1;
  const nodes = [element('rect', { class: 'frame', x: 0, y: 0, width: WIDTH, height: HEIGHT, rx: 3 })];
  if (typeof threshold === 'number') {
    nodes.push(element('line', { class: 'threshold', x1: 0, x2: WIDTH, y1: y(threshold), y2: y(threshold) }));
  }
  let run = [];
  let previous = null;
  const flush = () => {
    if (run.length === 1) {
      // a lone sample: a short tick ending at it, so that it shows
      run.unshift([run[0][0] - 4, run[0][1]]);
    }
    if (run.length > 1) {
      const points = run.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
      nodes.push(element('polyline', { class: 'line', points }));
    }
    run = [];
  };
  for (const sample of samples) {
    if (sample.value < 0 || (previous && sample.time - previous.time > gapMs)) {
      flush();
    }
    if (sample.value >= 0) {
      run.push([x(sample.time), y(sample.value)]);
    }
    previous = sample;
  }
  flush();
  svg.replaceChildren(...nodes);
  return from;
}
