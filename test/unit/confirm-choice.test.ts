/** What a secretary types after /xacnhan: which conflicts take the document's value, and whether the proposed title repairs load. */
import { parseChoice } from '../../src/bot/plan-conflicts';

describe('/xacnhan choices', () => {
  it('reads conflicts to take from the document, with or without "sửa tên" anywhere', () => {
    expect(parseChoice('')).toEqual({ takeDocument: [], repairTitles: false });
    expect(parseChoice('vanban')).toEqual({ takeDocument: 'all', repairTitles: false });
    expect(parseChoice('1 3')).toEqual({ takeDocument: [1, 3], repairTitles: false });
    expect(parseChoice('sửa tên')).toEqual({ takeDocument: [], repairTitles: true });
    expect(parseChoice('Sua ten 2, 4')).toEqual({ takeDocument: [2, 4], repairTitles: true });
    expect(parseChoice('văn bản sửa tên')).toEqual({ takeDocument: 'all', repairTitles: true });
    expect(parseChoice('fix titles')).toEqual({ takeDocument: [], repairTitles: true });
  });

  it('names what it could not read, so nothing is loaded on a guess', () => {
    expect(parseChoice('sửa tiêu đề')).toEqual({ error: 'sua' });
    expect(parseChoice('2 x')).toEqual({ error: 'x' });
  });
});
