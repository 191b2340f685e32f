/** npm run seed: the organisations, departments and plans the project ships (data/orgs.json, data/seeds/). */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { importPlanFile } from '../src/import/import-plan';
import { applyReviewedTitles, readReviewedTitles } from '../src/import/reviewed-titles';
import { extractText } from '../src/import/extract-text';
import { loadConfigOrExit } from '../src/app/load-env';
import { connectStore, disconnectStore } from '../src/store/connect';
import { upsertOrgDirectory } from '../src/store/org-repository';
import { loadPlan } from '../src/store/plan-loader';
import { orgDirectory } from './org-directory';
import { agreeServiceClock } from '../src/store/service-clock';
import { projectPath } from '../src/shared/paths';

const SEEDS = projectPath('data', 'seeds');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const directory = orgDirectory();
  const files = readdirSync(SEEDS);
  await connectStore(config.mongodbUri);
  // The deployment's clock (BOT_NOW counts, shared with the bot and worker): what was past at loading.
  const loadedAt = (await agreeServiceClock(config.botNow)).now();
  try {
    for (const [slug, entry] of Object.entries(directory)) {
      const { departments } = await upsertOrgDirectory(slug, entry);
      console.log(`${slug}: ${entry.name} (${departments} đơn vị / departments)`);
      for (const seed of entry.seeds ?? []) {
        if (!files.includes(seed))
          throw new Error(`data/seeds/${seed} is listed in data/orgs.json but missing`);
        const file = path.join(SEEDS, seed);
        // A scanned sample loads as its secretary corrected it (the reviewed draft beside the scan).
        const draft = applyReviewedTitles(
          await importPlanFile(file, { org: slug, directory }),
          readReviewedTitles(file),
        );
        const r = await loadPlan(draft, await extractText(file), seed, loadedAt);
        console.log(
          `  ${seed}: ${draft.tasks.length} việc / tasks — ${r.created} mới / new, ${r.updated} cập nhật / updated, ${r.unchanged} không đổi / unchanged`,
        );
      }
    }
  } finally {
    await disconnectStore();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Lỗi / error: ${(err as Error).message}\n`);
  process.exit(1);
});
