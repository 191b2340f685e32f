import { ALIASES, COMMANDS } from '../../src/bot/command-parser';
import { readLocaleResources } from '../../src/shared/i18n';

/** Every text of a language, with its key: "bot:errors.missingNumber". */
function texts(obj: unknown, prefix: string): Array<[string, string]> {
  if (typeof obj === 'string') return [[prefix, obj]];
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) =>
    texts(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`),
  );
}

const commandsIn = (s: string) => [...s.matchAll(/(?<![\w/:.])\/([a-z]+)\b/g)].map((m) => m[1]!);
/** The one line of each /help that names the other language's commands on purpose. */
const OTHER_LANGUAGE = 'bot:help.otherLanguage';

describe('examples name the command of the reply’s language', () => {
  const res = readLocaleResources();
  const english = new Set<string>(COMMANDS);
  const vietnamese = new Set(Object.keys(ALIASES));

  it('Vietnamese texts use the Vietnamese commands (/xong, not /done)', () => {
    const found = Object.entries(res.vi ?? {}).flatMap(([ns, tree]) =>
      texts(tree, `${ns}:`)
        .filter(([key]) => key !== OTHER_LANGUAGE)
        .flatMap(([key, s]) =>
          commandsIn(s)
            .filter((c) => english.has(c))
            .map((c) => `${key}: /${c}`),
        ),
    );
    expect(found).toEqual([]);
  });

  it('English texts use the English commands (/done, not /xong)', () => {
    const found = Object.entries(res.en ?? {}).flatMap(([ns, tree]) =>
      texts(tree, `${ns}:`)
        .filter(([key]) => key !== OTHER_LANGUAGE)
        .flatMap(([key, s]) =>
          commandsIn(s)
            .filter((c) => vietnamese.has(c))
            .map((c) => `${key}: /${c}`),
        ),
    );
    expect(found).toEqual([]);
  });
});
