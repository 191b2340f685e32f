import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UnitDirectory } from '../../../src/domain/plan-parser';
import type { OrgDirectory } from '../../../src/domain/task';

const orgs = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../data/orgs.json'), 'utf8'),
) as OrgDirectory;
const haiPhong = new UnitDirectory(orgs['hai-phong']?.departments ?? {});
const namDinh = new UnitDirectory(orgs['nam-dinh']?.departments ?? {});
const haiDuong = new UnitDirectory(orgs['hai-duong']?.departments ?? {});

const slugs = (d: UnitDirectory, text: string): string[] => d.scan(text).hits.map((h) => h.slug);
const unknown = (d: UnitDirectory, text: string): string[] => d.scan(text).unknown.map((u) => u.name);

describe('department resolution', () => {
  it('resolves names and aliases ignoring case, accents and dashes', () => {
    expect(slugs(haiPhong, 'Phòng Kế hoạch – Tổng hợp')).toEqual(['ke-hoach-tong-hop']);
    expect(slugs(haiPhong, 'phòng kế hoạch - tổng hợp')).toEqual(['ke-hoach-tong-hop']);
    expect(slugs(haiPhong, 'PHONG KE HOACH TONG HOP')).toEqual(['ke-hoach-tong-hop']);
    expect(slugs(namDinh, 'Phòng phong trào, các HTX')).toEqual(['phong-trao']);
    expect(
      slugs(
        haiDuong,
        'Văn phòng phối hợp với Trung tâm hỗ trợ phát triển HTX và phòng Thông tin Tuyên truyền',
      ),
    ).toEqual(['van-phong', 'trung-tam-ho-tro', 'thong-tin-tuyen-truyen']);
  });

  it('prefers the longest name: "Quỹ hỗ trợ phát triển HTX thành phố" is one unit', () => {
    const scan = haiPhong.scan('Quỹ hỗ trợ phát triển HTX thành phố: Căn cứ kế hoạch');
    expect(scan.hits).toEqual([
      { slug: 'quy-ho-tro', from: 0, to: 'Quỹ hỗ trợ phát triển HTX thành phố'.length },
    ]);
  });

  it('resolves OCR-damaged names', () => {
    expect(slugs(haiPhong, 'Phong Kiém tra va Té chirc thanh vién:')).toEqual([
      'kiem-tra-to-chuc-thanh-vien',
    ]);
    expect(slugs(haiPhong, 'Trung tim Hd tr¢ phat trién HTX')).toEqual(['trung-tam-ho-tro']);
    expect(slugs(haiPhong, 'Quy hd tro phat trién HTX')).toEqual(['quy-ho-tro']);
    expect(slugs(haiPhong, 'Phong Ké hoach — Tong hop')).toEqual(['ke-hoach-tong-hop']);
  });

  it('expands "các Phòng, Trung tâm" to every department of those kinds', () => {
    expect(slugs(haiPhong, 'Văn phòng, các Phòng, Trung tâm, Quỹ hỗ trợ.')).toEqual([
      'van-phong',
      'ke-hoach-tong-hop',
      'kiem-tra-to-chuc-thanh-vien',
      'thong-tin-tuyen-truyen',
      'trung-tam-dao-tao',
      'trung-tam-ho-tro',
      'quy-ho-tro',
    ]);
    // Generic words are no list of units.
    expect(slugs(haiPhong, 'các phòng, ban, cá nhân có liên quan')).toEqual([]);
    expect(slugs(namDinh, 'Văn phòng và các bộ phận chuyên môn')).toEqual(['van-phong']);
  });

  it('reports a unit of the alliance that the directory does not know', () => {
    const scan = haiPhong.scan('Phòng Tài chính chủ trì, phối hợp với Văn phòng');
    expect(scan.hits.map((h) => h.slug)).toEqual(['van-phong']);
    expect(scan.unknown.map((u) => u.name)).toEqual(['Phòng Tài chính']);
    expect(unknown(namDinh, 'Đơn vị phối hợp: Phòng Tổ chức - Hành chính.')).toEqual([
      'Phòng Tổ chức - Hành chính',
    ]);
    expect(unknown(namDinh, 'Phong Ke toan')).toEqual(['Phong Ke toan']);
    // "và" before another body ends the name; "và" inside a name ("Nông nghiệp và PTNT") does not.
    expect(haiPhong.scan('Phòng Kế toán và Trung tâm Đào tạo')).toMatchObject({
      hits: [{ slug: 'trung-tam-dao-tao' }],
      unknown: [{ name: 'Phòng Kế toán' }],
    });
    expect(unknown(haiPhong, 'Phòng Tài chính và Sở Tài chính')).toEqual(['Phòng Tài chính']);
  });

  it('ignores outside bodies, the leadership and other meanings of the words', () => {
    const outside = [
      'Sở Tài chính và UBND thành phố Hải Phòng',
      'phòng Ngoại vụ VP UBND tỉnh, Ban hợp tác Quốc tế Liên minh HTX Việt Nam',
      'Văn phòng UBND tỉnh',
      'các HTX, Liên hiệp HTX, Quỹ TDND, Câu lạc bộ giám đốc doanh nghiệp',
      'Ban Thường vụ, Ban Chấp hành, Thường trực Liên minh HTX tỉnh, Ban Chỉ đạo phát triển kinh tế tập thể',
      'Tỉnh ủy, Liên minh HTX Việt Nam, các Sở, ngành',
      'phong trào thi đua; quy định; Quý II/2024; ban hành',
      'Phòng Nông nghiệp và PTNT các huyện, Phòng Cảnh sát kinh tế Công an tỉnh',
    ];
    for (const text of outside) {
      expect({ text, hits: slugs(namDinh, text), unknown: unknown(namDinh, text) }).toEqual({
        text,
        hits: [],
        unknown: [],
      });
    }
  });

  it('reads "các Văn phòng đại diện" as every department whose name opens so, and a name before a colon alone', () => {
    const merged = new UnitDirectory({
      'van-phong': ['Văn phòng'],
      'ban-tong-hop': ['Ban Tổng hợp - Chính sách'],
      'vpdd-nam-dinh': ['Văn phòng đại diện khu vực Nam Định'],
      'vpdd-ha-nam': ['Văn phòng đại diện khu vực Hà Nam'],
      'trung-tam': ['Trung tâm Dịch vụ và Hỗ trợ HTX'],
      quy: ['Quỹ Hỗ trợ phát triển HTX', 'Quỹ Hỗ trợ phát triển HTX tỉnh'],
    });
    expect(slugs(merged, 'Các Văn phòng đại diện tổ chức quán triệt Nghị quyết').sort()).toEqual([
      'vpdd-ha-nam',
      'vpdd-nam-dinh',
    ]);
    // "bố trí" after the colon is no "Bộ" that would make the Trung tâm someone else's.
    expect(slugs(merged, 'Trung tâm Dịch vụ và Hỗ trợ HTX: bố trí khu trưng bày')).toEqual(['trung-tam']);
    // The OCR budget does not stretch "… HTX" over the verb after it into "… HTX tỉnh".
    expect(slugs(merged, 'Quỹ Hỗ trợ phát triển HTX gửi số liệu về Ban Tổng hợp - Chính sách')).toEqual([
      'quy',
      'ban-tong-hop',
    ]);
  });
});
