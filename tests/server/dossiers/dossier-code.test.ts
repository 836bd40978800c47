import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode, vietnamDayStamp } from '../../../server/src/dossiers/dossier-code';

describe('dossier codes', () => {
  it('follows <agency id>-yyMMdd-<4-digit daily sequence> like 000.00.64.H10-230515-0011', () => {
    // given a dossier received on 15/05/2023 at 09:00 in Vietnam (02:00 UTC)
    const at = Date.UTC(2023, 4, 15, 2, 0);
    // when its code is formatted with the 11th number of the day
    const code = formatDossierCode('000.00.64.H10', at, 11);
    // then it reads as the national pattern
    expect(code).toBe('000.00.64.H10-230515-0011');
  });

  it('counts the day in Vietnam, so 23:30 UTC belongs to the next Vietnamese day', () => {
    expect(vietnamDayStamp(Date.UTC(2023, 4, 14, 23, 30))).toBe('230515');
    expect(vietnamDayStamp(Date.UTC(2023, 4, 14, 16, 59))).toBe('230514');
  });

  it('parses a code back into agency, day and sequence, and refuses what is not a code', () => {
    expect(parseDossierCode('000.00.64.H10-230515-0011')).toEqual({ agencyId: '000.00.64.H10', day: '230515', sequence: 11 });
    expect(parseDossierCode('H10-2305-11')).toBeUndefined();
  });
});
