// Number, duration and time formatting for the cards.

/** A percentage such as 62.5, or "–" while the endpoint reports -1 (fewer calls than the minimum). */
export function percent(value) {
  if (typeof value !== 'number' || value < 0) {
    return '–';
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
}

/** A count with thousands separators. */
export function count(value) {
  return typeof value === 'number' ? value.toLocaleString('en') : String(value ?? '–');
}

/** An ISO-8601 duration from the endpoint (PT1M, PT0.4S, PT1H30M) in short human form (1m, 400ms, 1h 30m). */
export function duration(iso) {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(String(iso ?? ''));
  if (!match) {
    return String(iso ?? '–');
  }
  const [, hours, minutes, seconds] = match;
  const parts = [];
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds) {
    const value = Number(seconds);
    parts.push(value < 1 && parts.length === 0 ? `${Math.round(value * 1000)}ms` : `${value}s`);
  }
  return parts.length ? parts.join(' ') : '0s';
}

/** The time of day of an ISO-8601 timestamp, in the browser's time zone (12:03:04). */
export function clock(timestamp) {
  const date = timestamp instanceof Date ? timestamp : new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString('en-GB', { hour12: false });
}

/** The simple name of a class name (java.io.IOException -> IOException). */
export function simpleName(className) {
  const text = String(className ?? '');
  return text.slice(text.lastIndexOf('.') + 1);
}

/** A camelCase key as words (notPermittedCalls -> not permitted calls). */
export function words(key) {
  return String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
