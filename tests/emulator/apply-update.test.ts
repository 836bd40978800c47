import { ObjectId, type Document } from 'bson';
import { updateOne } from 'mingo';
import { describe, expect, it } from 'vitest';
import { applyUpdate, cloneDocument } from '../../mongo-emulator/src/apply-update';
import { compileFilter } from '../../mongo-emulator/src/compiled-filter';

/** What mingo's own updateOne makes of the document: the emulator's plain-operator path must agree with it. */
function byMingo(doc: Document, update: Document): Document {
  const documents = [cloneDocument(doc)];
  updateOne(documents, {}, update);
  return documents[0]!;
}

const stored: Document = {
  _id: 'd1',
  provinceCode: '01',
  format: 2,
  counts: { received: 3, started: 1 },
  series: { '2026-12-07': { received: 1 } },
  holders: ['a'],
  tags: ['x', { k: 1 }],
  owner: new ObjectId('64b7f0c2a1b2c3d4e5f60718'),
  at: new Date('2026-12-07T01:00:00Z'),
  title: 'Hồ sơ',
};

describe('update operators on plain field paths', () => {
  const cases: Array<[string, Document]> = [
    ['$inc on existing, new and nested-new fields', { $inc: { 'counts.received': 1, 'counts.openOverdue': 1, 'series.2026-12-08.received': 1 } }],
    ['$max and $min against larger, smaller and missing values', { $max: { format: 3, 'counts.started': 0, fresh: 5 }, $min: { 'counts.received': 1 } }],
    ['$set of scalars, subdocuments, ObjectIds and dates', { $set: { title: 'Mới', 'meta.by': new ObjectId('64b7f0c2a1b2c3d4e5f60719'), 'meta.at': new Date(0), nested: { a: [1, { b: 2 }] } } }],
    ['$unset of present, missing and missing-parent fields', { $unset: { title: '', nothing: '', 'no.such.path': '' } }],
    ['$push of a value onto an array and onto a missing field', { $push: { holders: 'b', newList: { who: 'c' } } }],
    ['$addToSet of a value present and a value absent', { $addToSet: { tags: { k: 1 }, holders: 'z' } }],
    ['several operators together, new fields appended in order', { $inc: { 'counts.started': 2 }, $set: { z: 1, y: 2 }, $push: { holders: 'q' } }],
  ];
  for (const [name, update] of cases) {
    it(`applies ${name} exactly as mingo does`, () => {
      const next = applyUpdate(stored, update, { filter: { _id: 'd1' }, inserting: false });
      expect(next).toStrictEqual(byMingo(stored, update));
      expect(Object.keys(next)).toStrictEqual(Object.keys(byMingo(stored, update)));
    });
  }

  it('never changes the stored document or shares a changed subdocument with it', () => {
    const before = cloneDocument(stored);
    const next = applyUpdate(stored, { $inc: { 'counts.received': 1 }, $push: { holders: 'b' }, $set: { 'series.2026-12-07.received': 9 } }, { filter: {}, inserting: false });
    expect(stored).toStrictEqual(before);
    expect(next.counts).not.toBe(stored.counts);
    expect(next.holders).not.toBe(stored.holders);
    expect(next.tags).toBe(stored.tags); // untouched parts are shared: stored documents are never changed in place
  });

  it('leaves the harder forms to mingo: positional and numeric paths, $each, non-numeric $inc', () => {
    const doc = { _id: 1, items: [{ n: 1 }, { n: 2 }], label: 'x' };
    expect(applyUpdate(doc, { $inc: { 'items.$.n': 5 } }, { filter: { 'items.n': 2 }, inserting: false }).items).toStrictEqual([{ n: 1 }, { n: 7 }]);
    expect(applyUpdate(doc, { $set: { 'items.0.n': 9 } }, { filter: {}, inserting: false }).items).toStrictEqual([{ n: 9 }, { n: 2 }]);
    expect(applyUpdate(doc, { $push: { items: { $each: [{ n: 3 }], $slice: -2 } } }, { filter: {}, inserting: false }).items).toStrictEqual([{ n: 2 }, { n: 3 }]);
    expect(applyUpdate(doc, { $inc: { label: 1 } }, { filter: {}, inserting: false })).toStrictEqual(byMingo(doc, { $inc: { label: 1 } }));
    const deep = { $set: { [Array.from({ length: 120 }, () => 'a').join('.')]: 1 } }; // deeper than mongod nests documents
    expect(applyUpdate(doc, deep, { filter: {}, inserting: false })).toStrictEqual(byMingo(doc, deep));
  });
});

describe('compiled filters', () => {
  it('match with query operators, and with expressions when the filter names $expr', () => {
    const doc = { _id: 1, due: 5, done: 7, tags: ['a', 'b'] };
    expect(compileFilter({ due: { $lte: 5 }, tags: 'a' }).test(doc)).toBe(true);
    expect(compileFilter({ $or: [{ due: { $gt: 9 } }, { tags: { $in: ['z'] } }] }).test(doc)).toBe(false);
    expect(compileFilter({ $expr: { $gt: ['$done', '$due'] } }).test(doc)).toBe(true);
    expect(compileFilter({ $and: [{ $expr: { $lt: ['$done', '$due'] } }] }).test(doc)).toBe(false);
  });
});
