// LibreOffice headless for the tests and the fixture script: is soffice installed, run a Basic macro (the way an
// office suite makes and edits files), convert a file (to PDF: does it open without repair). Each call gets a
// profile of its own so runs never share state; a macro that fails writes its error to a file (never a dialog).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary, or null (then LibreOffice tests say so in one line and are skipped). */
export function findSoffice(): string | null {
  for (const p of [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (p && existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export const NO_SOFFICE = 'LibreOffice（soffice）未安装：跳过用 LibreOffice 打开、另存和转 PDF 的测试（apt-get install libreoffice-calc-nogui）。';

function run(soffice: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(soffice, args, { env: { ...process.env, ...env }, timeout: timeoutMs }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) || 1 : 0, out: `${stdout}${stderr}` });
    });
  });
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Runs `Sub Main` of a Basic module in a fresh profile. The module may read Environ(...) for its paths; errors it
 * catches should be written to Environ("CE_ERR"). Returns that error text ('' when none).
 */
export async function runBasic(soffice: string, source: string, env: Record<string, string>, timeoutMs = 120_000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ce-lo-'));
  try {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(soffice, ['--headless', '--invisible', `-env:UserInstallation=${profile}`, '--terminate_after_init'], {}, timeoutMs);
    const module = join(dir, 'profile', 'user', 'basic', 'Standard', 'Module1.xba');
    writeFileSync(module, `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escapeXml(source)}</script:module>\n`);
    const errFile = join(dir, 'error.txt');
    const r = await run(soffice, ['--headless', '--invisible', `-env:UserInstallation=${profile}`, 'macro:///Standard.Module1.Main'], { ...env, CE_ERR: errFile }, timeoutMs);
    const err = existsSync(errFile) ? readFileSync(errFile, 'utf8') : '';
    return err || (r.code !== 0 ? `soffice exit ${r.code}: ${r.out.slice(0, 500)}` : '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Converts files with LibreOffice in one start-up (e.g. to 'pdf' or 'xlsx'); returns the output paths, or throws
 * naming the files it could not convert (a file it cannot open gives no output).
 */
export async function convert(soffice: string, files: readonly string[], to: string, outDir: string, timeoutMs = 300_000): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ce-lo-'));
  try {
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const r = await run(soffice, ['--headless', '--invisible', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', outDir, ...files], {}, timeoutMs);
    const outs = files.map((file) => join(outDir, `${file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`));
    const missing = files.filter((_, i) => !existsSync(outs[i]));
    if (missing.length > 0) throw new Error(`LibreOffice 未能转换 ${missing.join(', ')}：${r.out.slice(0, 500)}`);
    return outs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Basic statements that save the open document `doc` as .xlsx to Environ("CE_OUT") and close it. */
export const BASIC_SAVE_XLSX = `
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName"
  props(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(Environ("CE_OUT")), props())
  doc.close(True)
`;

/** Basic statements that write the current error to Environ("CE_ERR") and stop (append to a macro's error handler). */
export const BASIC_ERROR_HANDLER = `
Fail:
  Dim n As Integer
  n = FreeFile
  Open Environ("CE_ERR") For Output As #n
  Print #n, "Basic error " & Err & " at line " & Erl & ": " & Error$
  Close #n
`;
