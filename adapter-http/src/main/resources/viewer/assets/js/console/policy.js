// What a share lets its viewers do with each filter (docs/console.md, share dialog), as the
// share API's `share_filter_policies`: free (no policy), selectable (only the allowed values),
// fixed (one value, locked) or disabled (the viewer cannot use the filter). Pure functions, so
// that the dialog and its tests agree on the rules.

export const MODE_LABELS = {
  free: 'Free',
  selectable: 'Selectable',
  fixed: 'Fixed',
  disabled: 'Disabled',
};

export const MODE_HINTS = {
  free: 'The viewer may choose any value.',
  selectable: 'The viewer may choose only among the values you allow.',
  fixed: 'The value you set is used; the viewer cannot change it.',
  disabled: 'The viewer cannot use this filter; its default applies.',
};

const PICKED = new Set(['select', 'multi_select']);

/** The modes a filter of this kind may have: selectable needs a list of options to choose from. */
export function modesFor(filter) {
  return PICKED.has(filter.kind) ? ['free', 'selectable', 'fixed', 'disabled'] : ['free', 'fixed', 'disabled'];
}

const isEmpty = (value) => value === undefined || value === null || value === ''
  || (Array.isArray(value) && value.length === 0);

/**
 * @param filters the dashboard's filters ({slug, label, kind})
 * @param choices {slug: {mode, values?: [...] (selectable), value? (fixed)}}; a missing slug is free
 * @returns {policies: share_filter_policies, problems: [{slug, message}]}
 */
export function buildPolicies(filters, choices) {
  const policies = [];
  const problems = [];
  for (const filter of filters) {
    const choice = choices[filter.slug] || { mode: 'free' };
    const base = { filter_slug: filter.slug, filter_kind: filter.kind };
    if (!choice.mode || choice.mode === 'free') continue;
    if (!modesFor(filter).includes(choice.mode)) {
      problems.push({ slug: filter.slug, message: `${MODE_LABELS[choice.mode] || choice.mode} does not apply to a ${filter.kind} filter.` });
    } else if (choice.mode === 'disabled') {
      policies.push({ ...base, mode: 'disabled' });
    } else if (choice.mode === 'selectable') {
      const values = choice.values || [];
      if (!values.length) problems.push({ slug: filter.slug, message: 'Choose at least one value the viewer may pick.' });
      else policies.push({ ...base, mode: 'selectable', allowed_values: values });
    } else if (choice.mode === 'fixed') {
      if (choice.error) problems.push({ slug: filter.slug, message: choice.error });
      else if (isEmpty(choice.value)) problems.push({ slug: filter.slug, message: 'Choose the value viewers will see.' });
      else policies.push({ ...base, mode: 'fixed', value: choice.value });
    }
  }
  return { policies, problems };
}

/**
 * The filter an API error about `share_filter_policies[i]...` is about: details.field names the
 * policy by its index in what was sent.
 */
export function policySlugAt(field, policies) {
  const match = /^share_filter_policies\[(\d+)\]/.exec(String(field || ''));
  if (!match) return null;
  const policy = policies[Number(match[1])];
  return policy ? policy.filter_slug : null;
}

/** One line per policy of a share, for the shares list: "Status: selectable (Active, Pending)". */
export function describePolicies(policies, filters = []) {
  const labels = new Map(filters.map((f) => [f.slug, f.label]));
  return (policies || []).map((p) => {
    const name = labels.get(p.filter_slug) || p.filter_slug;
    if (p.mode === 'selectable') return `${name}: selectable (${(p.allowed_values || []).join(', ')})`;
    if (p.mode === 'fixed') return `${name}: fixed (${Array.isArray(p.value) ? p.value.join(', ') : p.value})`;
    return `${name}: ${p.mode}`;
  });
}

/**
 * The embed mint body (docs/embedding.md) from the token builder's rows: which filters the
 * viewer may set (allowed), must set (required, which implies allowed) and which are fixed.
 * @param rows {slug: {allowed, required, fixed: bool, value, error?}}
 */
export function buildMintBody(filters, rows, { expiresIn, downloads }) {
  const body = { allowed_params: [], required_params: [], fixed_params: {}, expires_in: expiresIn, downloads: Boolean(downloads) };
  const problems = [];
  for (const filter of filters) {
    const row = rows[filter.slug] || {};
    if (row.required && !row.allowed) {
      problems.push({ slug: filter.slug, message: 'A required filter must also be allowed: the viewer has to be able to set it.' });
      continue;
    }
    if (row.allowed) body.allowed_params.push(filter.slug);
    if (row.required) body.required_params.push(filter.slug);
    if (row.fixed) {
      if (row.error) problems.push({ slug: filter.slug, message: row.error });
      else if (isEmpty(row.value)) problems.push({ slug: filter.slug, message: 'Choose the fixed value.' });
      else body.fixed_params[filter.slug] = row.value;
    }
  }
  if (!Number.isInteger(expiresIn) || expiresIn < 60 || expiresIn > 30 * 24 * 3600) {
    problems.push({ slug: null, field: 'expires_in', message: 'The lifetime must be between 1 minute and 30 days.' });
  }
  return { body, problems };
}
