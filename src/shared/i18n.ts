/**
 * Wording lives in locales/<lang>/<namespace>.json (i18next). `t(locale, key, vars)` works without any
 * chat context, so the worker sending a reminder at 08:00 and every adapter share the same texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { projectPath } from './paths';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Translate = (locale: Locale, key: string, vars?: Record<string, unknown>) => string;

export const LOCALES_DIR = projectPath('locales');

/** Reads every namespace file of every locale: `{ vi: { bot: {...}, reminders: {...} }, en: {...} }`. */
export function readLocaleResources(dir: string = LOCALES_DIR): Resource {
  const out: Resource = {};
  for (const lang of LOCALES) {
    out[lang] = {};
    for (const file of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      out[lang][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, lang, file), 'utf8'));
    }
  }
  return out;
}

let instance: I18n | undefined;

function init(): I18n {
  const resources = readLocaleResources();
  const inst = i18next.createInstance();
  void inst.init({
    initAsync: false,
    resources,
    lng: 'vi',
    fallbackLng: 'vi',
    ns: Object.keys(resources.vi ?? {}),
    defaultNS: 'bot',
    nsSeparator: ':',
    // Adapters escape for their platform (HTML on Telegram); escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return inst;
}

/** `key` is `namespace:path.to.key`, or a bare path in the `bot` namespace. */
export const t: Translate = (locale, key, vars) => {
  instance ??= init();
  return instance.t(key, { lng: locale, ...vars });
};
