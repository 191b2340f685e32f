/**
 * ical.js for tests. Its types are ESM-only, which TypeScript cannot follow from a CommonJS file under
 * Node16 resolution, so (as src/channels/zalo/zca.ts does for zca-js) the types come from the declaration
 * file and the value from Node's require, which resolves to the package's CommonJS build.
 */
import type ICALModule from '../../node_modules/ical.js/dist/types/module.js' with {
  'resolution-mode': 'import',
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- see the header
export const ICAL = require('ical.js') as typeof ICALModule;
export type IcalEvent = InstanceType<typeof ICAL.Event>;

/** The VEVENTs of an .ics file, parsed as a calendar app would. */
export function parseEvents(ics: string): IcalEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
