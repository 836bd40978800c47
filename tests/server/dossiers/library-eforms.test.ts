/**
 * The e-forms of the procedure library on the server: for each of the six shipped procedures a valid form (its spec's
 * example) is received at the counter (POST /api/dossiers) and submitted online (POST /api/submissions) and stored as
 * filled; a form with one fault (a missing field, a bad ID number, date, tax code or parcel number, a choice not
 * offered) is refused on both channels with a 400 problem whose `errors` name that field by its JSON pointer with a
 * Vietnamese message, and nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_SPECS } from '../../../procedures/tools/specs/library-specs';
import { exampleForm, PROCEDURES_DIR } from '../../procedures/support/library';
import { APPLICANT, call, createDossierTestApp, type TestApp } from './dossier-fixture';

type Form = Record<string, unknown>;
type Group = Record<string, unknown>;

interface Fault {
  what: string;
  change: (form: Form) => void;
  pointer: string;
  message: string;
}

const REQUIRED = 'Bắt buộc nhập';
const BAD_ID = 'Không đúng định dạng: 12 chữ số (số thẻ căn cước / căn cước công dân)';
const BAD_DATE = 'Ngày không hợp lệ (năm-tháng-ngày, ví dụ 2025-01-31)';
const BAD_TAX_CODE = 'Không đúng định dạng: 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (0123456789-001)';
const BAD_CHOICE = 'Không phải một lựa chọn hợp lệ';

const within = (form: Form, key: string) => form[key] as Group;

const FAULTS: Record<string, Fault[]> = {
  'lien-thong-khai-sinh': [
    { what: "the child's name is missing", change: (f) => delete within(f, 'child').fullName, pointer: '/child/fullName', message: REQUIRED },
    { what: "the declarant's ID number has 11 digits", change: (f) => void (within(f, 'declarant').idNumber = '00119001234'), pointer: '/declarant/idNumber', message: BAD_ID },
    { what: 'the date of birth is 30 February', change: (f) => void (within(f, 'child').dateOfBirth = '2025-02-30'), pointer: '/child/dateOfBirth', message: BAD_DATE },
    { what: 'the sex is not one of the choices', change: (f) => void (within(f, 'child').sex = 'x'), pointer: '/child/sex', message: BAD_CHOICE },
  ],
  'lien-thong-khai-tu': [
    { what: 'the funeral allowance choice is missing', change: (f) => delete f.funeralAllowance, pointer: '/funeralAllowance', message: REQUIRED },
    { what: 'the Social Insurance allowance is asked without the insurance number', change: (f) => delete f.socialInsuranceNumber, pointer: '/socialInsuranceNumber', message: REQUIRED },
    { what: 'the date of death is written day first', change: (f) => void (within(f, 'deceased').dateOfDeath = '25/08/2025'), pointer: '/deceased/dateOfDeath', message: BAD_DATE },
    { what: "the deceased's ID number holds letters", change: (f) => void (within(f, 'deceased').idNumber = '00104502222A'), pointer: '/deceased/idNumber', message: BAD_ID },
  ],
  'cap-giay-chung-nhan-dang-ky-dau-tu': [
    { what: "the organisation's enterprise code has 8 digits", change: (f) => void (within(f, 'investor').enterpriseCode = '01012345'), pointer: '/investor/enterpriseCode', message: BAD_TAX_CODE },
    { what: 'an organisation gives no enterprise code', change: (f) => delete within(f, 'investor').enterpriseCode, pointer: '/investor/enterpriseCode', message: REQUIRED },
    { what: "the project's name is empty", change: (f) => void (within(f, 'project').name = ''), pointer: '/project/name', message: REQUIRED },
    { what: 'the start date is not a date', change: (f) => void (within(f, 'project').startDate = 'quý 1/2026'), pointer: '/project/startDate', message: BAD_DATE },
  ],
  'cap-giay-phep-xay-dung-nha-o': [
    { what: 'the parcel number is 0', change: (f) => void (within(f, 'site').parcelNumber = 0), pointer: '/site/parcelNumber', message: 'Phải lớn hơn hoặc bằng 1' },
    { what: 'the map sheet number is not a whole number', change: (f) => void (within(f, 'site').mapSheetNumber = 14.5), pointer: '/site/mapSheetNumber', message: 'Phải là số nguyên' },
    { what: "the owner's ID number is missing", change: (f) => delete within(f, 'owner').idNumber, pointer: '/owner/idNumber', message: REQUIRED },
    { what: 'the building grade is not one of the choices', change: (f) => void (within(f, 'building').grade = 'cap-i'), pointer: '/building/grade', message: BAD_CHOICE },
  ],
  'dang-ky-bien-dong-dat-dai': [
    { what: 'the parcel number is negative', change: (f) => void (within(f, 'parcel').parcelNumber = -3), pointer: '/parcel/parcelNumber', message: 'Phải lớn hơn hoặc bằng 1' },
    { what: 'the map sheet number is missing', change: (f) => delete within(f, 'parcel').mapSheetNumber, pointer: '/parcel/mapSheetNumber', message: REQUIRED },
    {
      what: "an organisation receiving the right gives a tax code with a 1-digit suffix",
      change: (f) => void Object.assign(within(f, 'transferee'), { kind: 'to-chuc', taxCode: '0101234567-1' }),
      pointer: '/transferee/taxCode',
      message: BAD_TAX_CODE,
    },
    { what: "the certificate's date is not a date", change: (f) => void (within(f, 'certificate').issuedOn = '2019-13-01'), pointer: '/certificate/issuedOn', message: BAD_DATE },
  ],
  'dang-ky-thanh-lap-doanh-nghiep': [
    { what: 'the company name is missing', change: (f) => delete f.businessName, pointer: '/businessName', message: REQUIRED },
    {
      what: "an organisation owner's enterprise code has letters",
      change: (f) => void Object.assign(within(f, 'owner'), { kind: 'to-chuc', enterpriseCode: '01O1234567' }),
      pointer: '/owner/enterpriseCode',
      message: BAD_TAX_CODE,
    },
    { what: "the legal representative's ID number is missing", change: (f) => delete within(f, 'legalRepresentative').idNumber, pointer: '/legalRepresentative/idNumber', message: REQUIRED },
    { what: 'no business line is given', change: (f) => void (f.businessLines = []), pointer: '/businessLines', message: 'Phải có ít nhất 1 mục' },
    { what: 'a field the form does not have is sent', change: (f) => void (f.notes = 'thêm'), pointer: '/notes', message: 'Không phải một trường của biểu mẫu này' },
  ],
};

const DOCUMENTS = [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }];

interface Problem {
  code: string;
  errors: { pointer: string; message: string }[];
  issues: { field: string; message: string }[];
}

let t: TestApp;

/** One app per procedure: the online channel limits anonymous submissions per address (a dozen here is plenty). */
async function deployed(slug: string): Promise<TestApp> {
  const app = await createDossierTestApp({ deploy: false });
  const answer = await call(app, 'analyst', 'POST', '/api/procedures', { key: slug, xml: readFileSync(`${PROCEDURES_DIR}/${slug}/${slug}.bpmn`, 'utf8') });
  if (answer.status !== 201) throw new Error(`deploy ${slug}: ${JSON.stringify(answer.body)}`);
  return app;
}

const stored = async () => (await t.stores.dossiers.list({}, { offset: 0, limit: 1 })).total;
const atCounter = (slug: string, form: Form) => call<Problem & { id: string }>(t, 'official.motcua', 'POST', '/api/dossiers', { procedureKey: slug, applicant: APPLICANT, form, documents: DOCUMENTS });
const online = (slug: string, form: Form) =>
  call<Problem & { id: string }>(t, undefined, 'POST', '/api/submissions', { procedureKey: slug, agencyId: 'ttpvhcc', applicant: APPLICANT, form, documents: DOCUMENTS });

describe.each(LIBRARY_SPECS.map((spec) => spec.slug))('the e-form of %s', (slug) => {
  beforeAll(async () => {
    t = await deployed(slug);
  }, 60_000);

  it('takes a valid form at the counter and online, and stores it as filled', async () => {
    // given a form filled as the procedure's declaration asks
    const form = exampleForm(slug);
    // when it is received at the counter and submitted online
    const received = await atCounter(slug, form);
    const submitted = await online(slug, form);
    // then both dossiers exist, received (in process) and submitted (1), each with the form as filled
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await t.stores.dossiers.get(received.body.id))?.form).toEqual(form);
    const onlineDossier = await t.stores.dossiers.get(submitted.body.id);
    expect([onlineDossier?.status, onlineDossier?.form]).toEqual([1, form]);
  });

  it.each(FAULTS[slug]!)('refuses the form on both channels when $what, naming $pointer in Vietnamese, and stores nothing', async (fault) => {
    // given the valid form with one fault
    const form = exampleForm(slug);
    fault.change(form);
    const before = await stored();
    // when it is received at the counter and submitted online
    for (const answer of [await atCounter(slug, form), await online(slug, form)]) {
      // then each answer is a 400 problem whose errors name exactly the field at fault, with a Vietnamese message
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('FORM_INVALID');
      expect(answer.body.errors).toEqual([{ pointer: fault.pointer, message: fault.message }]);
      expect(answer.body.issues.map((issue) => issue.field)).toContain(fault.pointer);
    }
    // and no dossier was stored
    expect(await stored()).toBe(before);
  });
});
