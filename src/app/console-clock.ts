/** The console's `:time`, wired to the deployment's service clock (only a BOT_NOW clock can be moved). */
import type { ConsoleClock } from '../channels/console/console-channel';
import { formatServiceTime } from '../channels/console/console-time';
import type { Clock } from '../shared/clock';
import { moveServiceClock } from '../store/service-clock';

export function consoleClock(botNow: Date | undefined, clock: Clock, zone: string): ConsoleClock | undefined {
  if (!botNow) return undefined;
  const now = (): Date => clock.now();
  return {
    now,
    zone,
    describe: () =>
      `Giờ của dịch vụ / service time: ${formatServiceTime(now(), zone)} (giờ thử, nhắc việc lúc 08:00 ngày làm việc). ` +
      'Chỉnh: :time 07/05/2025 07:59, :time +1d, :time +1w. Giờ thật: DEV_NOW=real npm run dev.',
    moveTo: async (to) => {
      const moved = await moveServiceClock(botNow, clock, to);
      if (moved.ok)
        return `Giờ của dịch vụ: ${formatServiceTime(moved.to, zone)} (trước: ${formatServiceTime(moved.from, zone)}). Nhắc việc và tổng hợp tuần theo giờ này.`;
      if (moved.reason === 'backwards')
        return `Giờ chỉ chỉnh tiến được: bây giờ đã là ${formatServiceTime(moved.now, zone)}. Muốn bắt đầu lại, xoá thư mục .data/.`;
      return 'Giờ của dịch vụ chỉ chỉnh được khi chạy với BOT_NOW.';
    },
  };
}
