// The security headers of every page and file the Worker's origin serves (docs/it-runbook.md, 安全设置). One policy,
// written by the build into dist/_headers (Workers static assets apply it to every asset they serve, without running
// the Worker) and set by the Worker itself on what it serves (/ in routes/index-page.ts, the API in app.ts).
//  - Content-Security-Policy: scripts, styles, images, fonts and requests from our own origin only; the task pane also
//    loads office.js from Microsoft's script host, which loads its host, locale and telemetry scripts from the same
//    place (@microsoft/office-js dist/office.debug.js: getOfficeJsBasePath; MicrosoftAjax is not required).
//  - frame-ancestors: the web page and every other file 'none'; the task pane only Office's own pages (Office on the
//    web shows it in an iframe; desktop Excel loads it as the top document, which frame-ancestors does not restrict).
//  - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (our URLs never reach office.js' host or a link).

/** Where office.js and the scripts it loads come from (the task pane's <script> in addin/taskpane/taskpane.html). */
export const OFFICE_SCRIPT_HOST = 'https://appsforoffice.microsoft.com';

/**
 * The origins that show the task pane in an iframe: Office on the web and the pages that open it. frame-ancestors
 * checks every ancestor, so both the Office frame (*.officeapps.live.com, excel.cloud.microsoft) and the page around
 * it (SharePoint / OneDrive for work or school, onedrive.live.com, office.com, microsoft365.com) must be listed.
 * Microsoft publishes no canonical list (OfficeDev/office-js#1005, office-js-docs-pr#4911); this one follows its
 * answers there and the Office for the web endpoints of Microsoft 365 and of Microsoft 365 operated by 21Vianet
 * (*.officeapps.partner.office365.cn, *.sharepoint.cn). 'self' lets pages of our own origin frame it (the e2e host).
 * A tenant with its own SharePoint domain, or Office Online Server, adds its origin here (docs/it-runbook.md).
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.officeapps.partner.office365.cn',
  'https://*.sharepoint.cn',
] as const;

type Policy = { scripts: readonly string[]; frameAncestors: readonly string[] };

function contentSecurityPolicy(p: Policy): string {
  return [
    "default-src 'self'",
    `script-src ${p.scripts.join(' ')}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${p.frameAncestors.join(' ')}`,
  ].join('; ');
}

const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

/** The .xlsx web page (/ and /index.html) and every file that is not the task pane: never framed. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy({ scripts: ["'self'"], frameAncestors: ["'none'"] }),
  'X-Frame-Options': 'DENY',
  ...COMMON,
};

/** The task pane (also the shared runtime's page and the custom functions' page): office.js, framed by Office only. */
export const TASK_PANE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy({ scripts: ["'self'", OFFICE_SCRIPT_HOST], frameAncestors: OFFICE_FRAME_ANCESTORS }),
  ...COMMON,
};

/** The path of the task pane (manifest.xml's SourceLocation and runtime page). */
export const TASK_PANE_PATH = '/taskpane.html';

/**
 * dist/_headers: PAGE_HEADERS on every path, and on the task pane those of PAGE_HEADERS it does not share taken off
 * (`! Name`) before its own are set (the rules of one path are applied in order; a header set twice would be joined
 * into two policies, both enforced).
 */
export function headersFile(): string {
  const lines = (h: Readonly<Record<string, string>>): string[] => Object.entries(h).map(([k, v]) => `  ${k}: ${v}`);
  const dropped = Object.keys(PAGE_HEADERS).filter((k) => PAGE_HEADERS[k] !== TASK_PANE_HEADERS[k]);
  const own = Object.fromEntries(Object.entries(TASK_PANE_HEADERS).filter(([k]) => dropped.includes(k)));
  return [
    '# Written by the build from worker/page-headers.ts: edit that file, not this one.',
    '/*',
    ...lines(PAGE_HEADERS),
    '',
    TASK_PANE_PATH,
    ...dropped.map((k) => `  ! ${k}`),
    ...lines(own),
    '',
  ].join('\n');
}
