const LOCALE = document.documentElement.lang || 'en';
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

export function isNumeric(value) {
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
}

export function formatNumber(value) {
  return isNumeric(value) ? numberFormat.format(Number(value)) : formatCell(value);
}

export function formatCompact(value) {
  return isNumeric(value) ? compactFormat.format(Number(value)) : String(value);
}

export function formatCell(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One formatter for a whole column: when any value has decimals, all show at least two, so that
 * 207,367.30 and 207,367.31 line up (JSON drops the trailing zero the database had).
 */
export function columnFormat(values) {
  const decimals = values.some((v) => typeof v === 'number' && !Number.isInteger(v));
  if (!decimals) return formatCell;
  const format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  return (value) => (typeof value === 'number' ? format.format(value) : formatCell(value));
}

/** total_revenue -> Total revenue */
export function humanize(name) {
  const text = String(name || '').replace(/[_-]+/g, ' ').trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}
