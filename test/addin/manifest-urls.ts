// Every URL manifest.xml points Office at (resources, icons, support page, source locations), for the checks that
// each is https on the expected host and each is a file of the build.
import { find, parseXml } from './xml-lite';

export function manifestUrls(xml: string): string[] {
  const root = parseXml(xml);
  const urls = [
    ...find(root, 'bt:Url').map((n) => n.attrs.DefaultValue),
    ...find(root, 'bt:Image').map((n) => n.attrs.DefaultValue),
    ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].flatMap((name) => find(root, name).map((n) => n.attrs.DefaultValue)),
    ...find(root, 'SourceLocation').flatMap((n) => (n.attrs.DefaultValue ? [n.attrs.DefaultValue] : [])),
  ];
  return [...new Set(urls.filter((u): u is string => typeof u === 'string' && u !== ''))];
}

/** The AppDomain entries (origins, not files). */
export function manifestAppDomains(xml: string): string[] {
  return find(parseXml(xml), 'AppDomain').map((n) => n.text);
}
