/**
 * Reads the operator-edited holiday table (data/holidays.json) and builds the working calendar from it.
 * The domain stays free of I/O: this is the only place that touches the file.
 */
import { readFile } from 'node:fs/promises';
import {
  createWorkingCalendar,
  parseHolidayOverrides,
  type HolidayOverrides,
  type WorkingCalendar,
} from '../domain/calendar';
import { projectPath } from '../shared/paths';

/** The project's own copy; operators edit it in place (it is data, not code). */
export function defaultHolidaysFile(): string {
  return projectPath('data', 'holidays.json');
}

export async function loadHolidayOverrides(file: string = defaultHolidaysFile()): Promise<HolidayOverrides> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  return parseHolidayOverrides(json);
}

export async function loadWorkingCalendar(file: string = defaultHolidaysFile()): Promise<WorkingCalendar> {
  return createWorkingCalendar({ overrides: await loadHolidayOverrides(file) });
}
