import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQrLogin, type QrLoginDeps } from '../../../src/channels/zalo/qr-login';
import { FakeZaloServer } from '../../helpers/zalo-fake';

describe('the QR login behind `npm run zalo:login`', () => {
  let dir: string;
  let zalo: FakeZaloServer;
  let out: string[];
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zalo-qr-'));
    zalo = new FakeZaloServer();
    out = [];
    err = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const deps = (outcome: 'ok' | 'declined' | 'expired'): QrLoginDeps => ({
    loginQR: zalo.loginQR(outcome),
    say: (vi, en) => void out.push(`${vi}\n${en}`),
    complain: (vi, en) => void err.push(`${vi}\n${en}`),
    maxQrRetries: 2,
  });
  const paths = () => ({ out: join(dir, 'zalo.json'), qrPath: join(dir, 'qr.png') });

  it('exits 1 with a clear message, saving nothing, when the login is declined on the phone', async () => {
    const code = await runQrLogin(paths(), deps('declined'));

    expect(code).toBe(1);
    expect(err.join('\n')).toContain('Đăng nhập đã bị từ chối trên điện thoại');
    expect(err.join('\n')).toContain('The login was declined on the phone');
    await expect(stat(paths().out)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(paths().qrPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 1 with a clear message when every QR code expires unscanned', async () => {
    const code = await runQrLogin(paths(), deps('expired'));

    expect(code).toBe(1);
    expect(zalo.qrCodesShown).toBe(3);
    expect(err.join('\n')).toContain('Mã QR đã hết hạn 3 lần mà không ai quét');
    expect(err.join('\n')).toContain('The QR code expired 3 times without a scan');
    await expect(stat(paths().out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('saves the session, an empty-valued cookie included, and exits 0 when the scan is confirmed', async () => {
    const code = await runQrLogin(paths(), deps('ok'));

    expect(code).toBe(0);
    const saved = JSON.parse(await readFile(paths().out, 'utf8'));
    expect(saved).toMatchObject({ imei: 'qr-imei', userAgent: 'Mozilla/5.0 (QR)' });
    expect(saved.cookie.map((c: { key: string }) => c.key)).toEqual(['zpw_sek', 'zpw_enk']);
    expect(err).toEqual([]);
  });
});
