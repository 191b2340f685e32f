/**
 * The text layer of a PDF, page after page, through unpdf.
 *
 * unpdf is ESM-only inside (its CommonJS entry itself calls `import('unpdf/pdfjs')`), so this CommonJS
 * project loads it with a dynamic import. Under a VM sandbox that disables import() — jest without
 * --experimental-vm-modules — the same module is loaded through Node's own loader instead.
 */
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const importUnpdf = () => import('unpdf');
type Unpdf = Awaited<ReturnType<typeof importUnpdf>>;

function importDisabled(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
}

async function loadUnpdf(): Promise<Unpdf> {
  try {
    return await importUnpdf();
  } catch (e) {
    if (!importDisabled(e)) throw e;
    const load = vm.runInThisContext('(url) => import(url)', {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (url: string) => Promise<Unpdf>;
    return load(pathToFileURL(require.resolve('unpdf')).href);
  }
}

export async function extractPdfText(data: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await loadUnpdf();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(data));
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await pdf.destroy();
  }
}
