import { readLocaleResources, t } from '../../src/shared/i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  const res = readLocaleResources();

  it('Vietnamese and English have the same namespaces and the same keys', () => {
    expect(Object.keys(res.en ?? {}).sort()).toEqual(Object.keys(res.vi ?? {}).sort());
    for (const ns of Object.keys(res.vi ?? {})) {
      expect({ ns, keys: keys(res.en?.[ns]).sort() }).toEqual({ ns, keys: keys(res.vi?.[ns]).sort() });
    }
  });

  it('no text is empty, and placeholders match between languages', () => {
    const vars = (s: string) => (s.match(/\{\{\s*\w+/g) ?? []).map((v) => v.replace(/\{\{\s*/, '')).sort();
    for (const ns of Object.keys(res.vi ?? {})) {
      for (const k of keys(res.vi?.[ns])) {
        const get = (lang: 'vi' | 'en') =>
          k
            .split('.')
            .reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], res[lang]?.[ns]) as string;
        expect(get('vi').trim()).not.toBe('');
        expect(get('en').trim()).not.toBe('');
        expect({ key: `${ns}:${k}`, vars: vars(get('en')) }).toEqual({
          key: `${ns}:${k}`,
          vars: vars(get('vi')),
        });
      }
    }
  });

  it('translates with variables and does not HTML-escape them', () => {
    expect(t('vi', 'common.taskRef', { number: 12 })).toBe('Việc số 12');
    expect(t('en', 'common.taskRef', { number: 12 })).toBe('Task 12');
  });
});
