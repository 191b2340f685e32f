/**
 * One chart-drawing thread of the pool (chart-pool.ts): ECharts, resvg and the font paths are loaded once
 * when the thread starts, then every message is one chart to draw. Runs nothing else.
 */
import { parentPort } from 'node:worker_threads';
import { renderStatusChart, type StatusChartInput } from './chart';

export interface ChartRequest {
  id: number;
  input: StatusChartInput;
}

export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('chart-worker runs only as a worker thread');
const port = parentPort;

port.on('message', (req: ChartRequest) => {
  let res: ChartResponse;
  try {
    res = { id: req.id, png: renderStatusChart(req.input) };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(res);
});
