import Holidays from 'date-holidays';

/**
 * The German Länder by their ISO 3166-2 code (without `DE-`), as `date-holidays` names them: a
 * jobcenter's Bundesland decides which public holidays its due dates skip.
 */
export enum FederalState {
  BadenWuerttemberg = 'BW',
  Bayern = 'BY',
  Berlin = 'BE',
  Brandenburg = 'BB',
  Bremen = 'HB',
  Hamburg = 'HH',
  Hessen = 'HE',
  MecklenburgVorpommern = 'MV',
  Niedersachsen = 'NI',
  NordrheinWestfalen = 'NW',
  RheinlandPfalz = 'RP',
  Saarland = 'SL',
  Sachsen = 'SN',
  SachsenAnhalt = 'ST',
  SchleswigHolstein = 'SH',
  Thueringen = 'TH',
}

// One calendar per Land and year, built once: the rules are fixed for the life of the process.
const CALENDARS = new Map<string, ReadonlySet<string>>();

/**
 * The statutory public holidays (`YYYY-MM-DD`) of `year` in `state`; with no state, only those
 * of every Land (New Year, Good Friday, Easter and Whit Monday, 1 May, Ascension, 3 October,
 * Christmas). Holidays of single municipalities (Augsburg's Friedensfest, Fronleichnam in parts
 * of Sachsen and Thüringen) are not counted: they do not hold in the whole Land.
 */
export function publicHolidays(state: FederalState | null, year: number): ReadonlySet<string> {
  const key = `${state ?? 'DE'}:${year}`;
  let calendar = CALENDARS.get(key);
  if (!calendar) {
    const rules = state ? new Holidays('DE', state) : new Holidays('DE');
    calendar = new Set(
      rules
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    CALENDARS.set(key, calendar);
  }
  return calendar;
}

/** Whether `date` (`YYYY-MM-DD`) is a public holiday in `state` (null: in every Land). */
export function isPublicHoliday(date: string, state: FederalState | null): boolean {
  return publicHolidays(state, Number(date.slice(0, 4))).has(date);
}
