// The dashboard: loads settings.json once, then polls GET <endpoint> every refreshMillis and keeps one
// card per instance. An instance's config (thresholds) and latest events come from
// GET <endpoint>/<type>/<name>, fetched for the cards that pass the filter when the instance is new,
// when its fields changed since the last fetch, or every DETAIL_EVERY polls; so an idle page with many
// instances costs one request per poll.
import { getJson, instanceUrl, postAction } from './api.js';
import { Card } from './card.js';
import { clock } from './format.js';
import { describe, sectionOrder } from './patterns.js';
import { History } from './sparkline.js';

const DETAIL_EVERY = 5;
const DETAIL_LIMIT = 40;
const DETAIL_PARALLEL = 4;

const $ = id => document.getElementById(id);

class Dashboard {
  constructor(settings) {
    this.settings = settings;
    this.endpoint = settings.endpoint;
    this.interval = settings.refreshMillis;
    this.groups = new Map();
    this.history = new History();
    this.filter = '';
    this.polls = 0;
    this.timer = null;
    this.running = false;
    this.lastSuccess = null;
  }

  start() {
    const mode = $('mode');
    mode.hidden = this.settings.writable;
    mode.textContent = 'read-only';
    mode.title = 'management.endpoint.resilience.access does not allow writes, so there are no buttons';
    $('filter').addEventListener('input', event => {
      this.filter = event.target.value.trim().toLowerCase();
      this.applyFilter();
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.pollNow();
    });
    for (const section of sectionOrder([])) {
      this.group(section);
    }
    this.pollNow();
  }

  /** Polls at once unless a poll is running; the next one follows `interval` after it. */
  pollNow() {
    if (this.running) return;
    clearTimeout(this.timer);
    this.tick();
  }

  async tick() {
    this.running = true;
    const started = Date.now();
    try {
      const data = await getJson(this.endpoint);
      this.polls += 1;
      this.render(data, Date.now());
      document.body.dataset.polls = String(this.polls);
      this.connected();
      await this.fetchDetails();
    } catch (error) {
      this.disconnected(error);
    } finally {
      this.running = false;
      if (!document.hidden) {
        this.timer = setTimeout(() => this.tick(), Math.max(0, this.interval - (Date.now() - started)));
      }
    }
  }

  group(section) {
    let group = this.groups.get(section);
    if (!group) {
      const descriptor = describe(section);
      const element = document.createElement('section');
      element.className = 'pattern';
      element.dataset.section = section;
      const heading = document.createElement('h2');
      const count = document.createElement('span');
      count.className = 'count';
      heading.append(descriptor.title, ' ', count);
      const grid = document.createElement('div');
      grid.className = 'cards';
      element.append(heading, grid);
      element.hidden = true;
      $('sections').append(element);
      group = { descriptor, element, count, grid, cards: new Map() };
      this.groups.set(section, group);
    }
    return group;
  }

  render(data, now) {
    const kept = new Set();
    for (const section of sectionOrder(Object.keys(data))) {
      const group = this.group(section);
      const instances = data[section] ?? {};
      const names = Object.keys(instances).sort();
      let changed = names.length !== group.cards.size;
      for (const name of names) {
        let card = group.cards.get(name);
        if (!card) {
          card = new Card(group.descriptor, name, this.settings.writable ? (target, action) => this.act(target, action) : null);
          group.cards.set(name, card);
          changed = true;
        }
        card.update(instances[name]);
        const spark = group.descriptor.sparkline;
        if (spark) {
          card.historyKey = `${section}/${name}`;
          kept.add(card.historyKey);
          this.history.add(card.historyKey, now, Number(instances[name][spark.field]));
          this.drawHistory(card, now);
        }
      }
      for (const [name, card] of group.cards) {
        if (!(name in instances)) {
          card.element.remove();
          group.cards.delete(name);
        }
      }
      if (changed) {
        // re-append in name order only when the set changed, so focus stays on a pressed button
        group.grid.append(...names.map(name => group.cards.get(name).element));
      }
    }
    this.history.retain(kept);
    this.applyFilter();
  }

  applyFilter() {
    let total = 0;
    let shown = 0;
    for (const group of this.groups.values()) {
      let visible = 0;
      for (const card of group.cards.values()) {
        card.element.hidden = !card.matches(this.filter);
        if (!card.element.hidden) visible += 1;
      }
      total += group.cards.size;
      shown += visible;
      group.element.hidden = visible === 0;
      group.count.textContent = visible === group.cards.size ? `${visible}` : `${visible} of ${group.cards.size}`;
    }
    const empty = $('empty');
    empty.hidden = shown > 0 || this.polls === 0;
    empty.textContent = total === 0
      ? 'No instances yet. They appear with the first call of a protected method, or at startup when named under resilience.<pattern>.instances.'
      : `No instance matches “${this.filter}”.`;
  }

  /** Refreshes config and events of the visible cards that are new, changed, or due. */
  async fetchDetails() {
    const due = [];
    for (const group of this.groups.values()) {
      for (const card of group.cards.values()) {
        if (card.element.hidden) continue;
        const summary = JSON.stringify(card.fields);
        const fresh = card.detailPoll === undefined || summary !== card.detailSummary;
        if (fresh || this.polls - card.detailPoll >= DETAIL_EVERY) {
          due.push({ card, group, fresh });
        }
      }
    }
    due.sort((a, b) => Number(b.fresh) - Number(a.fresh));
    const queue = due.slice(0, DETAIL_LIMIT);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { card, group } = next;
        try {
          this.showDetails(card, await getJson(instanceUrl(this.endpoint, group.descriptor.segment, card.name)));
        } catch (error) {
          // 404: evicted since the list was read; the next poll drops the card
          if (error.status !== 404) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: DETAIL_PARALLEL }, worker));
  }

  showDetails(card, detail) {
    card.updateDetails(detail);
    card.detailSummary = JSON.stringify(card.fields);
    card.detailPoll = this.polls;
    // the config may have brought the threshold line
    this.drawHistory(card, Date.now());
  }

  drawHistory(card, now) {
    if (card.historyKey) {
      card.drawHistory(this.history.of(card.historyKey), now, this.interval * 3);
    }
  }

  async act(card, action) {
    const detail = await postAction(this.endpoint, card.descriptor.segment, card.name, action);
    card.detailSummary = undefined;
    this.pollNow();
    return detail;
  }

  connected() {
    document.body.classList.remove('stale');
    $('problem').hidden = true;
    this.lastSuccess = new Date();
    const seconds = this.interval >= 1000 ? `${this.interval / 1000} s` : `${this.interval} ms`;
    setStatus(true, `Live · updated ${clock(this.lastSuccess)} · every ${seconds}`);
  }

  disconnected(error) {
    document.body.classList.add('stale');
    const since = this.lastSuccess ? ` · last update ${clock(this.lastSuccess)}` : '';
    setStatus(false, `Not updating (${error.message})${since} · retrying`);
    if (error.status === 401 || error.status === 403) {
      showProblem(`The resilience endpoint refused to answer (HTTP ${error.status}): sign in as a user allowed to read ${this.endpoint}.`);
    }
  }
}

function setStatus(live, text) {
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  $('status').replaceChildren(dot, text);
  $('status').dataset.live = String(live);
}

function showProblem(text) {
  const problem = $('problem');
  problem.textContent = text;
  problem.hidden = false;
}

async function main() {
  let settings;
  try {
    settings = await getJson($('sections').dataset.settings);
  } catch (error) {
    setStatus(false, 'Not started');
    showProblem(`Cannot load the dashboard settings: ${error.message}`);
    return;
  }
  if (!settings.endpoint) {
    setStatus(false, 'Not started');
    showProblem(settings.problem ?? 'The resilience endpoint is not available.');
    return;
  }
  new Dashboard(settings).start();
}

main();
