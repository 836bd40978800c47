/**
 * @module new-moon — the two astronomical quantities a lunisolar calendar needs: the day of each new moon and the
 * sun's longitude sector at a local midnight, for a given time zone. Written from J. Meeus, "Astronomical
 * Algorithms" (2nd ed., 1998): ch. 49 (phases of the Moon, with the planetary corrections), ch. 25 (solar
 * coordinates, low accuracy), and the Espenak–Meeus polynomials for ΔT (NASA Five Millennium Canon, 2006).
 * The calendar rules built on them follow Hồ Ngọc Đức, "Thuật toán tính âm lịch" (calrules).
 */

const RAD = Math.PI / 180;
/** Julian Day Number of 1970-01-01, i.e. of local day 0. */
export const JDN_OF_LOCAL_DAY_0 = 2440588;
export const SYNODIC_MONTH_DAYS = 29.530588861;

/** ΔT = TT − UT in seconds (Espenak–Meeus), good to a minute over 1900–2150. */
function deltaTSeconds(year: number): number {
  if (year >= 2050) return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
  if (year >= 2005) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (year >= 1986) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year >= 1961) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t ** 3 / 718;
  }
  if (year >= 1941) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t ** 3 / 2547;
  }
  if (year >= 1920) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t * t + 0.0020936 * t ** 3;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u;
}

// Periodic terms of Meeus Table 49.A for the new moon: [coefficient, power of E, multiples of M, M', F, Ω].
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number, number, number]> = [
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

// Additional corrections of Meeus ch. 49 (planetary arguments A1…A14):
// [coefficient, A at k = 0 in degrees, degrees per lunation, degrees per T²].
const PLANETARY_TERMS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.000325, 299.77, 0.107408, -0.009173], [0.000165, 251.88, 0.016321, 0], [0.000164, 251.83, 26.651886, 0],
  [0.000126, 349.42, 36.412478, 0], [0.00011, 84.66, 18.206239, 0], [0.000062, 141.74, 53.303771, 0],
  [0.00006, 207.14, 2.453732, 0], [0.000056, 154.84, 7.30686, 0], [0.000047, 34.52, 27.261239, 0],
  [0.000042, 207.19, 0.121824, 0], [0.00004, 291.34, 1.844379, 0], [0.000037, 161.72, 24.198154, 0],
  [0.000035, 239.56, 25.513099, 0], [0.000023, 331.55, 3.592518, 0],
];

/** Julian Ephemeris Day of the true new moon number `k` (k = 0 is the new moon of 6 January 2000). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t4;
  const e = 1 - 0.002516 * t - 0.0000074 * t2;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
  const mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
  const omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
  for (const [c, ePower, nm, nmp, nf, nomega] of NEW_MOON_TERMS) {
    jde += c * e ** ePower * Math.sin(nm * m + nmp * mp + nf * f + nomega * omega);
  }
  for (const [c, a0, rate, perT2] of PLANETARY_TERMS) {
    jde += c * Math.sin((a0 + rate * k + perT2 * t2) * RAD);
  }
  return jde;
}

/** Julian Day Number of the local day (at `timeZoneHours` east of UTC) on which new moon `k` falls. */
export function newMoonDay(k: number, timeZoneHours: number): number {
  const jde = newMoonJde(k);
  const year = 2000 + (jde - 2451545) / 365.25;
  const jdUt = jde - deltaTSeconds(year) / 86400;
  return Math.floor(jdUt + 0.5 + timeZoneHours / 24);
}

/** Index k of the last new moon whose local day is on or before the Julian Day Number `jdn`. */
export function lastNewMoonIndex(jdn: number, timeZoneHours: number): number {
  let k = Math.floor((jdn - 2451550.1) / SYNODIC_MONTH_DAYS);
  while (newMoonDay(k + 1, timeZoneHours) <= jdn) k += 1;
  while (newMoonDay(k, timeZoneHours) > jdn) k -= 1;
  return k;
}

/**
 * Which 30° sector (0 = 0°–30° … 11) the sun's apparent longitude is in at local midnight starting day `jdn`.
 * A lunar month holds a major solar term (trung khí) iff the sector changes between its first day and the next
 * month's first day.
 */
export function sunLongitudeSector(jdn: number, timeZoneHours: number): number {
  const jdUt = jdn - 0.5 - timeZoneHours / 24;
  const t = (jdUt - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * RAD;
  const c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
    + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
  const omega = (125.04 - 1934.136 * t) * RAD;
  const apparent = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
  const normalised = ((apparent % 360) + 360) % 360;
  return Math.floor(normalised / 30);
}
