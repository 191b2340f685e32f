import { decide, type Actor, type Extension, type TaskState } from '../../../src/domain/task-rules';
import { scorecard, type ScorecardTask } from '../../../src/domain/scorecard';

const Q2 = { start: '2025-04-01', end: '2025-06-30' };
const AFTER_Q2 = '2025-07-07';

function task(over: Partial<ScorecardTask> = {}): ScorecardTask {
  return {
    status: 'open',
    progress: 0,
    start: null,
    end: '2025-05-15',
    completedOn: null,
    lead: ['ke-hoach'],
    ...over,
  };
}
const done = (end: string, on: string, over: Partial<ScorecardTask> = {}) =>
  task({ status: 'done', progress: 100, end, completedOn: on, ...over });
const ext = (from: string, to: string, on: string): Extension => ({
  from,
  to,
  at: new Date(`${on}T09:00:00+07:00`),
  on,
  by: 'Chủ tịch',
  requestedBy: null,
  reason: null,
  via: 'request',
});

describe('scorecard', () => {
  it('counts due, on time, late, not done and the rate per lead department', () => {
    const rows = scorecard(
      [
        done('2025-05-15', '2025-05-14'),
        done('2025-05-15', '2025-05-20'),
        task({ end: '2025-06-10', status: 'in_progress', progress: 40 }),
        done('2025-06-01', '2025-06-01', { lead: ['van-phong'] }),
      ],
      Q2,
      AFTER_Q2,
    );
    expect(rows).toEqual([
      {
        department: 'van-phong',
        due: 1,
        onTime: 1,
        late: 0,
        notDone: 0,
        rate: 100,
        extended: 0,
        returned: 0,
      },
      { department: 'ke-hoach', due: 3, onTime: 1, late: 1, notDone: 1, rate: 33, extended: 0, returned: 0 },
    ]);
  });

  it('counts an extended task finished after its original but before its approved deadline on time', () => {
    // Due 15/5, extended on 10/5 (before it passed) to 30/6, finished 20/6.
    const t = done('2025-06-30', '2025-06-20', {
      originalEnd: '2025-05-15',
      extensions: [ext('2025-05-15', '2025-06-30', '2025-05-10')],
    });
    expect(scorecard([t], Q2, AFTER_Q2)).toEqual([
      expect.objectContaining({ due: 1, onTime: 1, late: 0, rate: 100, extended: 1 }),
    ]);
  });

  it('counts late, in the period of its real deadline, a task whose date was moved after it was late', () => {
    // Due 15/5; on 20/5, already late, a leader moved it to 30/7; finished 25/5.
    const t = done('2025-07-30', '2025-05-25', {
      originalEnd: '2025-05-15',
      extensions: [ext('2025-05-15', '2025-07-30', '2025-05-20')],
    });
    expect(scorecard([t], Q2, AFTER_Q2)).toEqual([
      expect.objectContaining({ due: 1, onTime: 0, late: 1, rate: 0, extended: 1 }),
    ]);
    // Nor does the moved date make it due (again) in the third quarter.
    expect(scorecard([t], { start: '2025-07-01', end: '2025-09-30' }, '2025-10-06')).toEqual([]);
  });

  it('counts one return for a result returned then accepted, judged by the date it was sent', () => {
    const leaders: Actor = { roles: ['leaders'], label: 'Chủ tịch' };
    const lead: Actor = { roles: ['lead'], label: 'Lan' };
    let state: TaskState = {
      status: 'in_progress',
      progress: 50,
      start: null,
      end: '2025-05-15',
      completedAt: null,
      originalEnd: null,
      extensions: [],
      extensionRequest: null,
      review: null,
      returned: 0,
    };
    const at = (day: string) => ({ at: new Date(`${day}T09:00:00+07:00`), today: day });
    const apply = (action: Parameters<typeof decide>[1], who: Actor, day: string) => {
      const d = decide(state, action, who, at(day), { acceptance: true });
      if (!d.ok) throw new Error(d.code);
      state = { ...state, ...d.change.set } as TaskState;
    };
    apply({ kind: 'done', note: null }, lead, '2025-05-12');
    apply({ kind: 'return', reason: 'thiếu ảnh' }, leaders, '2025-05-13');
    // Returned: open again, not done — past its deadline it is a miss.
    const open = task({ status: state.status, progress: state.progress, returned: state.returned });
    expect(scorecard([open], Q2, '2025-05-20')).toEqual([
      expect.objectContaining({ due: 1, onTime: 0, notDone: 1, returned: 1 }),
    ]);
    apply({ kind: 'done', note: null }, lead, '2025-05-14');
    apply({ kind: 'accept', note: null }, leaders, '2025-05-16');
    const accepted = done('2025-05-15', '2025-05-14', { returned: state.returned });
    expect(state.returned).toBe(1);
    expect(scorecard([accepted], Q2, AFTER_Q2)).toEqual([
      expect.objectContaining({ due: 1, onTime: 1, notDone: 0, returned: 1, rate: 100 }),
    ]);
  });

  it('leaves out what cannot be judged yet: no deadline, a deadline still ahead, or outside the period', () => {
    const today = '2025-05-20';
    const rows = scorecard(
      [
        task({ end: null, start: '2025-05-01' }),
        task({ end: '2025-06-30', start: '2025-04-01', status: 'in_progress', progress: 20 }),
        task({ end: today }),
        task({ end: '2025-03-31' }),
        // A window overlapping Q2 that ends in Q3 is not due in Q2.
        done('2025-07-15', '2025-05-19', { start: '2025-06-01' }),
        task({ end: '2025-05-01', lead: [] }),
      ],
      Q2,
      today,
    );
    expect(rows).toEqual([]);
    // Finished early, its deadline still ahead: judged already, on time.
    expect(scorecard([done('2025-06-30', '2025-05-19')], Q2, today)).toEqual([
      expect.objectContaining({ due: 1, onTime: 1 }),
    ]);
  });

  it('counts a task led by two departments for each, once each', () => {
    const rows = scorecard([done('2025-05-15', '2025-05-15', { lead: ['a', 'b', 'a'] })], Q2, AFTER_Q2);
    expect(rows.map((r) => [r.department, r.due])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('ranks by the exact rate, then more due, then fewer returns, then name — whatever the input order', () => {
    const d = (lead: string, n: number, onTime: number, returned = 0): ScorecardTask[] =>
      Array.from({ length: n }, (_, i) =>
        done('2025-05-15', i < onTime ? '2025-05-15' : '2025-05-16', {
          lead: [lead],
          returned: i ? 0 : returned,
        }),
      );
    const tasks = [
      ...d('c', 3, 2), // 67 %
      ...d('x', 200, 133), // 66.5 %, rounds to 67 % too, ranks below
      ...d('a', 6, 4), // 67 %, more due than c
      ...d('b', 6, 4, 1), // same as a, one return
      ...d('e', 3, 2), // same as c: by name
      ...d('d', 1, 1),
    ];
    const names: Record<string, string> = { c: 'Phòng B', e: 'Phòng A' };
    const order = (ts: ScorecardTask[]) =>
      scorecard(ts, Q2, AFTER_Q2, (k) => names[k] ?? k).map((r) => `${r.department} ${r.rate}`);
    const expected = ['d 100', 'a 67', 'b 67', 'e 67', 'c 67', 'x 67'];
    expect(order(tasks)).toEqual(expected);
    expect(order([...tasks].reverse())).toEqual(expected);
  });
});
