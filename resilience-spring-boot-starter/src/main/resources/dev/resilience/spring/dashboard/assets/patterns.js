// How each section of GET /actuator/resilience is shown. The fields are those of the contract (SPEC §5);
// a field no descriptor knows is still shown, by its name, and a section no descriptor knows gets a
// generic one, so the page keeps working when the endpoint grows.
import { count, duration, percent, words } from './format.js';

const RESET = [['reset', 'Reset']];

function rate(fields, config, key, thresholdKey, label) {
  const value = fields[key];
  // an adaptive breaker reports the threshold in effect among its fields; else the configured one applies
  const threshold = typeof fields[thresholdKey] === 'number' ? fields[thresholdKey] : config ? config[thresholdKey] : undefined;
  const row = { key, label, value: percent(value) };
  if (typeof threshold === 'number') {
    row.hint = `/ ${percent(threshold)}`;
    row.bad = typeof value === 'number' && value >= 0 && value >= threshold;
  }
  if (typeof value === 'number' && value < 0 && config && config.minimumNumberOfCalls) {
    row.title = `measured from ${config.minimumNumberOfCalls} calls on`;
  }
  return row;
}

function ratio(key, label, used, max) {
  const row = { key, label, value: `${count(used)} / ${count(max)}` };
  if (typeof used === 'number' && typeof max === 'number' && max > 0) {
    row.bar = { fraction: Math.min(1, used / max), full: used >= max };
  }
  return row;
}

// an adaptive bulkhead reports the limit in effect as concurrencyLimit; else max-concurrent-calls is the limit
function limitOf(fields) {
  return typeof fields.concurrencyLimit === 'number' ? fields.concurrencyLimit : fields.maxConcurrentCalls;
}

function adaptiveHint(row, fields) {
  if (typeof fields.concurrencyLimit === 'number') {
    row.hint = `adaptive, max ${count(fields.maxConcurrentCalls)}`;
  }
  return row;
}

const circuitBreakers = {
  section: 'circuitBreakers',
  title: 'Circuit breakers',
  segment: 'circuitbreakers',
  actions: [['reset', 'Reset'], ['force-open', 'Force open'], ['disable', 'Disable']],
  uses: ['state', 'failureRate', 'slowCallRate', 'bufferedCalls', 'failedCalls', 'slowCalls', 'notPermittedCalls',
    'failureRateThreshold'],
  state: fields => fields.state,
  sparkline: { field: 'failureRate', threshold: 'failureRateThreshold', label: 'Failure rate' },
  rows(fields, config) {
    const slowCallRate = rate(fields, config, 'slowCallRate', 'slowCallRateThreshold', 'Slow-call rate');
    if (config && config.slowCallDurationThreshold) {
      slowCallRate.title = `a call is slow from ${duration(config.slowCallDurationThreshold)}`;
    }
    return [
      rate(fields, config, 'failureRate', 'failureRateThreshold', 'Failure rate'),
      slowCallRate,
      { key: 'bufferedCalls', label: 'Calls in window', value: count(fields.bufferedCalls) },
      { key: 'failedCalls', label: 'Failed · slow', value: `${count(fields.failedCalls)} · ${count(fields.slowCalls)}` },
      { key: 'notPermittedCalls', label: 'Not permitted', value: count(fields.notPermittedCalls) },
    ];
  },
};

const bulkheads = {
  section: 'bulkheads',
  title: 'Bulkheads',
  segment: 'bulkheads',
  actions: RESET,
  uses: ['activeCalls', 'queuedCalls', 'maxConcurrentCalls', 'maxQueueSize', 'rejectedCalls', 'concurrencyLimit'],
  state: fields => (limitOf(fields) > 0 && fields.activeCalls >= limitOf(fields) ? 'FULL' : null),
  rows(fields) {
    const queue = fields.maxQueueSize > 0
      ? ratio('queuedCalls', 'Queued', fields.queuedCalls, fields.maxQueueSize)
      : { key: 'queuedCalls', label: 'Queued', value: 'no queue' };
    return [
      adaptiveHint(ratio('activeCalls', 'Active calls', fields.activeCalls, limitOf(fields)), fields),
      queue,
      { key: 'rejectedCalls', label: 'Rejected', value: count(fields.rejectedCalls) },
    ];
  },
};

const retries = {
  section: 'retries',
  title: 'Retries',
  segment: 'retries',
  actions: RESET,
  uses: ['successfulWithoutRetry', 'successfulWithRetry', 'failedWithoutRetry', 'failedWithRetry'],
  state: () => null,
  rows(fields, config) {
    const attempts = config && config.maxAttempts ? `of ${config.maxAttempts} attempts` : undefined;
    return [
      { key: 'successfulWithoutRetry', label: 'Succeeded, no retry', value: count(fields.successfulWithoutRetry) },
      { key: 'successfulWithRetry', label: 'Succeeded with retry', value: count(fields.successfulWithRetry) },
      { key: 'failedWithoutRetry', label: 'Failed, no retry', value: count(fields.failedWithoutRetry) },
      { key: 'failedWithRetry', label: 'Failed with retry', value: count(fields.failedWithRetry), hint: attempts },
    ];
  },
};

const timeouts = {
  section: 'timeouts',
  title: 'Timeouts',
  segment: 'timeouts',
  actions: RESET,
  uses: ['duration', 'successfulCalls', 'failedCalls', 'timedOutCalls'],
  state: () => null,
  rows(fields) {
    return [
      { key: 'duration', label: 'Timeout', value: duration(fields.duration) },
      { key: 'successfulCalls', label: 'Succeeded', value: count(fields.successfulCalls) },
      { key: 'failedCalls', label: 'Failed', value: count(fields.failedCalls) },
      { key: 'timedOutCalls', label: 'Timed out', value: count(fields.timedOutCalls), bad: fields.timedOutCalls > 0 },
    ];
  },
};

const rateLimiters = {
  section: 'rateLimiters',
  title: 'Rate limiters',
  segment: 'ratelimiters',
  actions: RESET,
  uses: ['availablePermits', 'permittedCalls', 'rejectedCalls'],
  state: fields => (typeof fields.availablePermits === 'number' && fields.availablePermits <= 0 ? 'EXHAUSTED' : null),
  rows(fields, config) {
    const limit = config ? config.limitForPeriod : undefined;
    const available = typeof limit === 'number'
      ? ratio('availablePermits', 'Available permits', fields.availablePermits, limit)
      : { key: 'availablePermits', label: 'Available permits', value: count(fields.availablePermits) };
    return [
      available,
      { key: 'permittedCalls', label: 'Permitted', value: count(fields.permittedCalls) },
      { key: 'rejectedCalls', label: 'Rejected', value: count(fields.rejectedCalls) },
    ];
  },
};

const KNOWN = [circuitBreakers, bulkheads, retries, timeouts, rateLimiters];

/** The descriptor of a section of the endpoint's answer; a generic one for a section this page does not know. */
export function describe(section) {
  const known = KNOWN.find(pattern => pattern.section === section);
  if (known) {
    return known;
  }
  const title = words(section);
  return {
    section,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    segment: section.toLowerCase(),
    actions: RESET,
    uses: [],
    state: fields => (typeof fields.state === 'string' ? fields.state : null),
    rows: () => [],
  };
}

/** The sections in display order: the known ones first, then any others in the endpoint's order. */
export function sectionOrder(sections) {
  const known = KNOWN.map(pattern => pattern.section);
  return [...known, ...sections.filter(section => !known.includes(section))];
}

/** Rows for the fields a descriptor does not use, by field name; nested values are skipped. */
export function otherRows(descriptor, fields) {
  return Object.entries(fields)
    .filter(([key, value]) => !descriptor.uses.includes(key) && key !== 'config' && key !== 'events'
      && (value === null || typeof value !== 'object'))
    .map(([key, value]) => ({ key, label: words(key), value: typeof value === 'number' ? count(value) : String(value) }));
}
