/** `analyze --print-config FILE`: the settings that apply to FILE, config and flags merged, as JSON (ESLint's --print-config). */
import { basename } from 'node:path';
import type { Config } from '../config/load.js';
import type { GateSettings } from '../report/gates.js';
import type { Rule } from '../types.js';
import { displayPath, excludeMatcher } from '../io/inputs.js';
import { loadRoles } from '../roles/file.js';
import { SELLER_FLAG } from './texts.js';

export interface PrintConfigInput {
  file: string;
  config: Config | undefined;
  sellers: string[];
  rolesFile?: string;
  callType?: string;
  exclude: string[];
  packs: string[];
  gates: GateSettings;
  rules: readonly Rule[];
}

/** The merged settings for one file, as pretty JSON; every rule that is on, with the severity it reports at. */
export function printConfig(input: PrintConfigInput): string {
  const { file, config } = input;
  const shown = displayPath(file);
  const fromRoles = input.rolesFile ? loadRoles(input.rolesFile)(file) : undefined;
  const sellers = fromRoles?.length
    ? { names: fromRoles, from: input.rolesFile }
    : input.sellers.length
      ? { names: input.sellers, from: SELLER_FLAG }
      : config?.sellers?.length
        ? { names: config.sellers, from: basename(config.file) }
        : { names: [], from: 'detected from what each speaker says' };
  const ignore = [...(config?.ignore ?? []), ...input.exclude];
  const ignored = excludeMatcher(ignore)?.(shown) ?? false;
  const settings = {
    file: shown,
    config: config ? config.file : null,
    ignored,
    sellers,
    callType: input.callType ?? null,
    rulePacks: input.packs,
    gates: input.gates,
    rules: Object.fromEntries(input.rules.map((r) => [r.id, r.severity])),
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}
