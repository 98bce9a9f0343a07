/** The route table plug-ins register handlers in (see RouteTable in types.ts). */
import type { RawHandler, ResourceKey, RouteTable, SubresourceHandler, UpgradeHandler } from '../types';

export class Routes implements RouteTable {
  readonly http = new Map<string, SubresourceHandler>();
  readonly upgrades = new Map<string, UpgradeHandler>();
  readonly raws: { prefix: string; handler: RawHandler; auth: boolean }[] = [];

  subresource(resource: ResourceKey, subresource: string, handler: SubresourceHandler): void {
    this.http.set(`${resource}/${subresource}`, handler);
  }

  upgrade(resource: ResourceKey, subresource: string, handler: UpgradeHandler): void {
    this.upgrades.set(`${resource}/${subresource}`, handler);
  }

  raw(pathPrefix: string, handler: RawHandler, options: { auth?: boolean } = {}): void {
    this.raws.push({ prefix: pathPrefix, handler, auth: options.auth !== false });
    // Longest prefix wins.
    this.raws.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  findRaw(pathname: string): { handler: RawHandler; auth: boolean } | undefined {
    return this.raws.find((r) => pathname === r.prefix || pathname.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`) || pathname.startsWith(r.prefix + '?'));
  }
}
