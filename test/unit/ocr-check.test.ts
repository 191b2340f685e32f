import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkTitle, isVietnameseSyllable, suspiciousWords } from '../../src/domain/ocr-check';

describe('titles that read like a bad scan', () => {
  it('flags words no Vietnamese word is spelled like, from seed 003 (a scan without diacritics)', () => {
    expect(suspiciousWords('Hoat déng truyén thong')).toEqual(['truyén']);
    expect(suspiciousWords('To chirc Thang hanh dong vi Hop tac xa')).toEqual(['chirc']);
    expect(suspiciousWords('khich 1€ tao dong luc mdi')).toEqual(['1€', 'mdi']);
    expect(suspiciousWords('t6 chic Thang hanh dong')).toContain('t6');
  });

  it('flags a long title with no accent at all', () => {
    expect(checkTitle('Hoat dong truyen thong ve hop tac xa')).toMatchObject({
      damaged: true,
      noAccents: true,
    });
  });

  it('leaves good titles alone: abbreviations, codes, dates, loanwords and foreign names', () => {
    for (const title of [
      'Hội nghị tổng kết hoạt động Liên minh HTX thành phố năm 2025',
      'Triển khai Kế hoạch số 882/KH-BTVLMHTXVN ngày 30/10/2024 của UBND',
      'Tôn vinh, trao cúp vàng "CoopGold Awards" lần thứ nhất',
      'Tuyên truyền trên fanpage, website và Zalo của Liên minh (quý II)',
      'Gìn giữ, quảng bá sản phẩm OCOP 4.0',
    ])
      expect(checkTitle(title)).toEqual({ damaged: false, words: [], noAccents: false });
  });

  it('no word of the typed plans in the fixtures is taken for damage; the plan typed without accents is flagged', () => {
    const dir = join(__dirname, '..', 'fixtures', 'plans');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.json'))) {
      const { tasks } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        tasks: Array<{ title: string }>;
      };
      if (file.includes('khong-dau')) {
        const flagged = tasks.filter((t) => checkTitle(t.title).damaged);
        expect(flagged.length).toBeGreaterThan(tasks.length / 2);
      } else {
        const words = tasks.map((t) => checkTitle(t.title)).flatMap((c) => (c.noAccents ? [] : c.words));
        expect([file, words]).toEqual([file, []]);
      }
    }
  });

  it('knows the shapes of syllables: initials, vowel groups, finals', () => {
    for (const ok of ['nghiêng', 'khuya', 'quyêt', 'giư', 'gin', 'oanh', 'thuơ', 'xoong', 'ươn'])
      expect([ok, isVietnameseSyllable(ok)]).toEqual([ok, true]);
    for (const bad of ['chirc', 'mdi', 'truyen', 'dbi', 'wifi', 'hqp'])
      expect([bad, isVietnameseSyllable(bad)]).toEqual([bad, false]);
  });
});
