import { mergePlan, withChoices, type DocFields, type LoadedTask } from '../../src/domain/plan-merge';
import type { DraftTask } from '../../src/domain/task';

const draft = (ref: string, title: string, end: string, extra: Partial<DraftTask> = {}): DraftTask => ({
  ref,
  title,
  kind: 'deadline',
  lead: ['van-phong'],
  support: [],
  start: null,
  end,
  time_text: null,
  ...extra,
});

function loaded(number: number, d: DraftTask, chat: Partial<DocFields> = {}): LoadedTask {
  const base: DocFields = {
    title: d.title,
    kind: d.kind,
    lead: d.lead,
    support: d.support,
    start: d.start,
    end: d.end,
    timeText: d.time_text,
    series: null,
  };
  return { id: `t${number}`, number, ref: d.ref, base, current: { ...base, ...chat } };
}

const A = draft('1', 'Hội nghị tổng kết năm 2024', '2025-02-19');
const B = draft('2', 'Khảo sát nhu cầu đào tạo', '2025-06-30');
const C = draft('3', 'Báo cáo xúc tiến thương mại', '2025-09-30');

describe('a new version of a plan against chat’s changes', () => {
  it('follows an item renumbered by an insertion, by its work, keeping its number', () => {
    const inserted = draft('2', 'Gặp mặt hợp tác xã điển hình', '2025-04-30');
    const next = [A, inserted, { ...B, ref: '3' }, { ...C, ref: '4' }];
    const m = mergePlan([loaded(1, A), loaded(2, B), loaded(3, C)], [], next, ['1', '2', '3', '4']);
    expect(m.tasks.map((t) => (t.kind === 'matched' ? t.task.number : t.kind))).toEqual([1, 'new', 2, 3]);
    expect(m.conflicts).toEqual([]);
    expect(m.missing).toEqual([]);
  });

  it('applies the document where chat changed nothing, keeps chat where the document changed nothing', () => {
    const m = mergePlan(
      [loaded(1, A), loaded(2, B, { end: '2025-07-15' })],
      [],
      [{ ...A, end: '2025-03-10' }, B],
      ['1', '2'],
    );
    const [a, b] = m.tasks;
    expect(a?.kind === 'matched' && a.fields.end).toBe('2025-03-10');
    expect(b?.kind === 'matched' && b.fields.end).toBe('2025-07-15');
    expect(b?.kind === 'matched' && b.chatKept).toEqual(['end']);
    expect(m.conflicts).toEqual([]);
  });

  it('numbers a field both changed as a conflict, kept as chat set it unless the document is chosen', () => {
    const m = mergePlan(
      [loaded(2, B, { title: 'Khảo sát nhu cầu đào tạo của HTX' })],
      [],
      [{ ...B, title: 'Khảo sát nhu cầu đào tạo nghề' }],
      ['2'],
    );
    expect(m.conflicts).toEqual([
      {
        index: 1,
        taskId: 't2',
        number: 2,
        field: 'title',
        document: 'Khảo sát nhu cầu đào tạo nghề',
        chat: 'Khảo sát nhu cầu đào tạo của HTX',
      },
    ]);
    const t = m.tasks[0]!;
    if (t.kind !== 'matched') throw new Error('not matched');
    expect(withChoices(t, new Set()).title).toBe('Khảo sát nhu cầu đào tạo của HTX');
    expect(withChoices(t, new Set([1])).title).toBe('Khảo sát nhu cầu đào tạo nghề');
  });

  it('does not bring back a task deleted in chat, even renumbered', () => {
    const m = mergePlan(
      [loaded(1, A)],
      [{ number: 3, ref: '3', title: C.title, start: null, end: C.end }],
      [A, draft('2', 'Việc mới chèn vào', '2025-05-31'), { ...C, ref: '4' }],
      ['1', '2', '4'],
    );
    expect(m.tasks.map((t) => t.kind)).toEqual(['matched', 'new', 'deleted']);
  });

  it('does not take an unrelated item for a task because it stands at the same place', () => {
    const m = mergePlan(
      [loaded(2, B)],
      [],
      [draft('2', 'Gặp mặt hợp tác xã điển hình', '2025-06-30')],
      ['2'],
    );
    expect(m.tasks.map((t) => t.kind)).toEqual(['new']);
    expect(m.missing.map((t) => t.number)).toEqual([2]);
  });
});
