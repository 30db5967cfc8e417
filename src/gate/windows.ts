/**
 * Deploy windows: whether a deployment may start at an instant under the policy's `deploy:` section
 * (issue 6 Build 5; anchors-gitops-promoters.md, windows). Weekly windows are days with `HH:MM`
 * wall-clock times, dated windows are local `YYYY-MM-DDTHH:MM` date-times, both in
 * `deploy.timeZone`. A deny window (a freeze) wins over every allow window; with no allow window,
 * any time not denied is open.
 *
 * Wall clock, not offsets: a window is compared with the local date and time of the instant as
 * `Intl.DateTimeFormat` gives it for the zone, so "mon–fri 09:00–17:00 Europe/Berlin" means nine
 * in Berlin in winter and in summer alike. Two DST hazards follow from wall clocks and are handled
 * where instants are computed (for `next`): a local time skipped in spring ("02:30" on the March
 * change) opens at the first instant after the gap (03:00 local), and a local time that happens twice
 * in autumn opens at each occurrence.
 */
import type { DeployPolicy, DeployWindow, Weekday } from '../config/types.js';
import { ConfigurationError } from '../errors.js';

/** Whether a deployment may start now, why, and when the gate opens next when it is closed. */
export interface WindowVerdict {
  open: boolean;
  /** One line naming the window that decided, in the policy's words. */
  reason: string;
  /** When closed: the first instant within 14 days at which it is open; absent when none is. */
  next?: Date;
}

/** How far ahead `next` looks. */
export const NEXT_HORIZON_DAYS = 14;

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** Index 0 is Sunday, as Date#getUTCDay counts. */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A window parsed once: wall-clock minutes (weekly: of the day; dated: since the local epoch). */
type ParsedWindow =
  | { kind: 'weekly'; days: ReadonlySet<Weekday>; from: number; to: number; text: string; reason?: string }
  | { kind: 'dated'; from: number; to: number; text: string; reason?: string };

/**
 * The verdict at `at`. Throws ConfigurationError naming the field (`deploy.timeZone`,
 * `deploy.allow[0].from`, …) when the zone or a window cannot be read.
 */
export function windowVerdict(deploy: DeployPolicy, at: Date): WindowVerdict {
  const clock = zoneClock(deploy.timeZone);
  const allow = deploy.allow.map((window, index) => parseWindow(window, `deploy.allow[${index}]`));
  const deny = deploy.deny.map((window, index) => parseWindow(window, `deploy.deny[${index}]`));
  const zone = deploy.timeZone;
  const verdict = verdictAtWall(allow, deny, clock.wallOf(at.getTime()), zone);
  if (verdict.open) return verdict;
  const next = nextOpening(allow, deny, at, clock);
  return next === undefined ? verdict : { ...verdict, next };
}

/** `minutes` since the local epoch as `YYYY-MM-DD HH:MM`, for messages. */
export function formatWall(minutes: number): string {
  return new Date(minutes * MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant `at` as local wall-clock text in `timeZone` (`2026-03-30 09:00 Europe/Berlin`). */
export function formatInZone(at: Date, timeZone: string): string {
  return `${formatWall(zoneClock(timeZone).wallOf(at.getTime()))} ${timeZone}`;
}

function verdictAtWall(
  allow: readonly ParsedWindow[],
  deny: readonly ParsedWindow[],
  wall: number,
  zone: string,
): WindowVerdict {
  const denied = deny.find((window) => contains(window, wall));
  if (denied) {
    return {
      open: false,
      reason: `inside the deny window ${denied.text} (${zone})${denied.reason ? `: ${denied.reason}` : ''}`,
    };
  }
  if (allow.length === 0) return { open: true, reason: 'no deploy window restricts this time' };
  const allowed = allow.find((window) => contains(window, wall));
  if (allowed) return { open: true, reason: `inside the allow window ${allowed.text} (${zone})` };
  return {
    open: false,
    reason: `outside every allow window (${allow.map((window) => window.text).join('; ')}; ${zone})`,
  };
}

function contains(window: ParsedWindow, wall: number): boolean {
  if (window.kind === 'dated') return window.from <= wall && wall < window.to;
  const day = Math.floor(wall / DAY_MINUTES);
  const minute = wall - day * DAY_MINUTES;
  const opensOn = (d: number) => window.days.has(WEEKDAYS[(((d + 4) % 7) + 7) % 7]!);
  if (window.from < window.to) return opensOn(day) && window.from <= minute && minute < window.to;
  // Crossing midnight (or `to` equal to `from`: a whole 24 hours): the evening of an opening day,
  // or the morning after one.
  return (opensOn(day) && minute >= window.from) || (opensOn(day - 1) && minute < window.to);
}

/**
 * The first instant in (at, at + 14 days] at which the gate is open. Openness changes only at a
 * window's edge, so only edges are tried: each window's `from` and `to` on every local day in range.
 */
function nextOpening(
  allow: readonly ParsedWindow[],
  deny: readonly ParsedWindow[],
  at: Date,
  clock: ZoneClock,
): Date | undefined {
  const start = at.getTime();
  const end = start + NEXT_HORIZON_DAYS * DAY_MINUTES * MINUTE;
  const firstDay = Math.floor(clock.wallOf(start) / DAY_MINUTES) - 1;
  const walls = new Set<number>();
  for (const window of [...allow, ...deny]) {
    if (window.kind === 'dated') {
      walls.add(window.from).add(window.to);
      continue;
    }
    for (let day = firstDay; day <= firstDay + NEXT_HORIZON_DAYS + 2; day++) {
      walls.add(day * DAY_MINUTES + window.from).add(day * DAY_MINUTES + window.to);
    }
  }
  const instants = [...walls]
    .flatMap((wall) => clock.instantsOf(wall))
    .filter((instant) => instant > start && instant <= end)
    .sort((a, b) => a - b);
  const found = instants.find((instant) => verdictAtWall(allow, deny, clock.wallOf(instant), '').open);
  return found === undefined ? undefined : new Date(found);
}

/** Local wall-clock minutes of instants in one zone, and back. */
interface ZoneClock {
  /** Minutes since 1970-01-01T00:00 local time. */
  wallOf(instant: number): number;
  /**
   * The instants whose local wall clock reads `wall`: one, two in the hour an autumn change repeats,
   * or, when `wall` falls in a spring gap, the first instant after it.
   */
  instantsOf(wall: number): number[];
}

const clocks = new Map<string, ZoneClock>();

function zoneClock(timeZone: string): ZoneClock {
  const cached = clocks.get(timeZone);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    throw new ConfigurationError(
      `deploy.timeZone: "${timeZone}" is not an IANA time zone; write one such as UTC, Europe/Berlin or America/New_York`,
    );
  }
  const wallOf = (instant: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(instant))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!) / MINUTE;
  };
  const instantsOf = (wall: number): number[] => {
    const guess = wall * MINUTE;
    // The zone's offsets a day either side: at most one DST change lies between them.
    const offsets = [guess - MINUTE * DAY_MINUTES, guess + MINUTE * DAY_MINUTES].map(
      (instant) => (wallOf(instant) - Math.floor(instant / MINUTE)) * MINUTE,
    );
    const candidates = offsets.map((offset) => guess - offset);
    const exact = candidates.filter((instant) => wallOf(instant) === wall);
    if (exact.length > 0) return [...new Set(exact)];
    // A spring-forward gap: this wall time never occurs. Find the change itself, the first minute
    // whose wall clock is past `wall`, between the two readings (at most a few hours apart).
    let low = Math.min(...candidates) / MINUTE;
    let high = Math.max(...candidates) / MINUTE;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (wallOf(middle * MINUTE) >= wall) high = middle;
      else low = middle + 1;
    }
    return [high * MINUTE];
  };
  const clock = { wallOf, instantsOf };
  clocks.set(timeZone, clock);
  return clock;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

function parseWindow(window: DeployWindow, field: string): ParsedWindow {
  const reason = window.reason ? { reason: window.reason } : {};
  if (window.days === undefined && LOCAL_DATE_TIME.test(window.from)) {
    const from = parseLocalDateTime(window.from, `${field}.from`);
    const to = parseLocalDateTime(window.to, `${field}.to`);
    if (to <= from) {
      throw new ConfigurationError(
        `${field}: a dated window must end after it starts; got from ${window.from} to ${window.to}`,
      );
    }
    return { kind: 'dated', from, to, text: `${window.from}–${window.to}`, ...reason };
  }
  const days = window.days ?? WEEKDAYS.slice(1).concat('sun');
  for (const [index, day] of days.entries()) {
    if (!WEEKDAYS.includes(day)) {
      throw new ConfigurationError(
        `${field}.days[${index}]: "${String(day)}" is not a day; write one of mon, tue, wed, thu, fri, sat, sun`,
      );
    }
  }
  if (days.length === 0) {
    throw new ConfigurationError(`${field}.days is empty; list the days the window opens on (mon … sun)`);
  }
  const from = parseClock(window.from, `${field}.from`, false);
  const to = parseClock(window.to, `${field}.to`, true);
  const dayText = window.days === undefined ? 'daily' : window.days.join(',');
  return {
    kind: 'weekly',
    days: new Set(days),
    from,
    to,
    text: `${dayText} ${window.from}–${window.to}`,
    ...reason,
  };
}

/** `HH:MM` as minutes of the day; `24:00` is allowed as an end (the end of the day). */
function parseClock(text: string, field: string, end: boolean): number {
  if (end && text === '24:00') return DAY_MINUTES;
  const match = HH_MM.exec(text);
  if (!match) {
    const dated = LOCAL_DATE_TIME.test(text);
    throw new ConfigurationError(
      dated
        ? `${field}: "${text}" is a date-time in a weekly window (it has days); drop days for a dated window or write HH:MM`
        : `${field}: "${text}" is not a time; write HH:MM (weekly, 24-hour) or YYYY-MM-DDTHH:MM (dated)`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Local `YYYY-MM-DDTHH:MM` as wall-clock minutes since the local epoch. */
function parseLocalDateTime(text: string, field: string): number {
  const match = LOCAL_DATE_TIME.exec(text);
  const [year, month, day, hour, minute] = (match?.slice(1) ?? []).map(Number) as number[];
  const date = match ? new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!)) : undefined;
  if (!date || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) {
    throw new ConfigurationError(
      `${field}: "${text}" is not a local date-time; write YYYY-MM-DDTHH:MM (e.g. 2026-12-24T00:00) in deploy.timeZone`,
    );
  }
  return date.getTime() / MINUTE;
}
