// One card per instance. The card's elements are made once and updated in place, so a button keeps
// its identity (and focus) across polls. Every value from the endpoint goes in as text, never as HTML.
import { clock, simpleName, words } from './format.js';
import { otherRows } from './patterns.js';
import { createSparkline, drawSparkline } from './sparkline.js';

const EVENTS_SHOWN = 5;

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What an event is, in bold: the transition (CLOSED → OPEN) for a state transition, else its type. */
function eventHeadline(event) {
  return 'from' in event && 'to' in event ? `${event.from} → ${event.to}` : String(event.type);
}

/** The rest of an event: its details other than type, timestamp and transition, in short form. */
function eventSummary(event) {
  const parts = [];
  for (const [key, value] of Object.entries(event)) {
    if (['type', 'timestamp', 'from', 'to'].includes(key)) continue;
    if (key === 'exception') parts.push(simpleName(value));
    else if (key === 'durationMs') parts.push(`${value} ms`);
    else if (key === 'waitMs') parts.push(`wait ${value} ms`);
    else if (key === 'attempt') parts.push(`attempt ${value}`);
    else parts.push(`${words(key)} ${value}`);
  }
  return parts.join(' · ');
}

export class Card {
  /**
   * @param descriptor the pattern's descriptor (patterns.js)
   * @param name the instance's display name
   * @param act called with (card, action) when a button is pressed, answering the instance after the
   *     action; null when the endpoint takes no writes, and then the card has no buttons at all
   */
  constructor(descriptor, name, act) {
    this.descriptor = descriptor;
    this.name = name;
    this.fields = {};
    this.config = null;
    this.events = null;

    this.element = make('article', 'card');
    this.element.dataset.name = name;
    const head = make('header', 'card-head');
    this.title = make('h3', 'card-name', name);
    this.title.title = name;
    this.badge = make('span', 'badge');
    head.append(this.title, this.badge);
    this.metrics = make('dl', 'metrics');
    this.element.append(head, this.metrics);

    if (descriptor.sparkline) {
      this.spark = createSparkline(descriptor.sparkline.label);
      this.sparkLabel = make('p', 'spark-label');
      this.element.append(this.spark, this.sparkLabel);
    }

    this.eventList = make('ol', 'events');
    this.eventList.setAttribute('aria-label', 'latest events');
    this.noEvents = make('p', 'events-none', 'No events yet');
    this.element.append(this.eventList, this.noEvents);

    this.buttons = [];
    if (act) {
      const actions = make('div', 'actions');
      this.buttons = descriptor.actions.map(([action, label]) => {
        const button = make('button', '', label);
        button.type = 'button';
        button.dataset.action = action;
        button.setAttribute('aria-label', `${label} ${name}`);
        button.addEventListener('click', () => this.press(action, label, act));
        return button;
      });
      actions.append(...this.buttons);
      this.error = make('p', 'card-error');
      this.error.setAttribute('role', 'alert');
      this.error.hidden = true;
      this.element.append(actions, this.error);
    }
  }

  /** New fields from the list (GET /actuator/resilience). */
  update(fields) {
    this.fields = fields;
    this.render();
  }

  /** A full description (GET /actuator/resilience/{type}/{name}, or a POST's answer): fields, config, events. */
  updateDetails(detail) {
    const { config, events, ...fields } = detail;
    this.fields = fields;
    this.config = config ?? this.config;
    this.events = Array.isArray(events) ? events : this.events;
    this.render();
  }

  /** Draws the sparkline from the samples the dashboard keeps. */
  drawHistory(samples, now, gapMs) {
    if (this.spark) {
      const { label, threshold } = this.descriptor.sparkline;
      // an adaptive breaker's threshold in effect is among its fields; else the configured one
      const current = this.fields && typeof this.fields[threshold] === 'number' ? this.fields[threshold] : undefined;
      const from = drawSparkline(this.spark, samples, now, gapMs, current ?? (this.config ? this.config[threshold] : undefined));
      this.sparkLabel.textContent = `${label} since ${clock(from)} (kept in this tab)`;
    }
  }

  /** Whether the card's name contains the filter text (case-insensitive). */
  matches(filter) {
    return this.name.toLowerCase().includes(filter);
  }

  render() {
    const state = this.descriptor.state(this.fields);
    this.badge.textContent = state ?? '';
    if (state) {
      this.element.dataset.state = state;
    } else {
      delete this.element.dataset.state;
    }
    const rows = [...this.descriptor.rows(this.fields, this.config), ...otherRows(this.descriptor, this.fields)];
    this.metrics.replaceChildren(...rows.flatMap(row => this.metricNodes(row)));
    this.renderEvents();
  }

  metricNodes(row) {
    const term = make('dt', '', row.label);
    const value = make('dd', row.bad ? 'bad' : '', row.value);
    value.dataset.metric = row.key;
    if (row.hint) {
      value.append(' ', make('span', 'hint', row.hint));
    }
    if (row.title) {
      value.title = row.title;
    }
    const nodes = [term, value];
    if (row.bar) {
      const bar = make('div', row.bar.full ? 'bar full' : 'bar');
      const fill = make('span');
      fill.style.width = `${(row.bar.fraction * 100).toFixed(1)}%`;
      bar.append(fill);
      nodes.push(bar);
    }
    return nodes;
  }

  renderEvents() {
    const events = (this.events ?? []).slice(0, EVENTS_SHOWN);
    this.eventList.replaceChildren(...events.map(event => {
      const item = make('li');
      const time = make('time', '', clock(event.timestamp));
      time.dateTime = event.timestamp;
      const headline = eventHeadline(event);
      const summary = eventSummary(event);
      item.title = `${event.timestamp} ${event.type} ${headline === event.type ? '' : headline} ${summary}`.trim();
      item.dataset.type = String(event.type);
      item.append(time, make('span', 'type', headline), make('span', 'what', summary));
      return item;
    }));
    this.noEvents.hidden = events.length > 0 || this.events === null;
  }

  async press(action, label, act) {
    this.buttons.forEach(button => { button.disabled = true; });
    this.error.hidden = true;
    try {
      this.updateDetails(await act(this, action));
    } catch (error) {
      this.error.textContent = `${label} failed: ${error.message}`;
      this.error.hidden = false;
    } finally {
      this.buttons.forEach(button => { button.disabled = false; });
    }
  }
}
