/**
 * The procedure's result document (`resultTitle`, `resultTemplate`, `resultSigner` on `lt:procedure`) as the engine
 * reads it into `ProcedureMetadata.result`, the placeholders it refuses, and how a template is filled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillResultTemplate, parseProcedure } from '../../../engine/src/model/index';

const library = (slug: string) => readFileSync(new URL(`../../../procedures/${slug}/${slug}.bpmn`, import.meta.url), 'utf8');

describe('the result document of a procedure (lt:procedure result*)', () => {
  it('reads the investment certificate the library declares, with its paragraphs kept apart', async () => {
    // when the shipped investment registration procedure is parsed
    const { definition, issues } = await parseProcedure(library('cap-giay-chung-nhan-dang-ky-dau-tu'));
    // then its result is the certificate, signed by the director, with a template of five paragraphs
    expect(issues).toEqual([]);
    const result = definition?.procedure?.result;
    expect(result).toMatchObject({ title: 'Giấy chứng nhận đăng ký đầu tư', signer: 'Giám đốc' });
    expect(result?.template?.split('\n\n')).toHaveLength(5);
    expect(result?.template).toContain('{{form.project.name}}');
  });

  it('leaves the result out when the procedure declares none, so the server prints its default notice', async () => {
    const { definition } = await parseProcedure(library('lien-thong-khai-sinh'));
    expect(definition?.procedure).not.toHaveProperty('result');
  });

  it('reports a placeholder the server cannot fill, naming it and the known ones', async () => {
    // given a template naming a field that does not exist
    const xml = library('cap-giay-chung-nhan-dang-ky-dau-tu').replace('{{agency.name}}', '{{agency.director}}');
    // when it is parsed
    const { issues } = await parseProcedure(xml);
    // then the analyst is told which placeholder is unknown
    expect(issues).toEqual([expect.objectContaining({ code: 'PROCEDURE_METADATA_INVALID', severity: 'error', message: expect.stringContaining('resultTemplate naming {{agency.director}}') })]);
  });

  it('fills placeholders from the dossier and nested e-form fields, numbers in Vietnamese style, a missing value as an ellipsis', () => {
    const filled = fillResultTemplate('{{applicant.name}} – {{form.project.name}}: {{form.project.totalCapital}} đồng, {{form.project.unknown}}', { 'applicant.name': 'Trần Văn Dân' }, {
      project: { name: 'Nhà máy Sen Vàng', totalCapital: 120_000_000_000 },
    });
    expect(filled).toBe('Trần Văn Dân – Nhà máy Sen Vàng: 120.000.000.000 đồng, …');
  });
});
