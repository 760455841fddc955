// The config file as a layer of settings for config.ts (flags > environment >
// this file > defaults), and the authentication built from the layered
// settings, with new login tokens kept in the same file.
import type { OgcAuth } from '../ogc/index.js';
import { AuthSettingsError, resolveAuth } from './auth.js';
import { ConfigFileError, configPathOf, flagLayerOf, readConfigFile, updateConfigFile } from './file.js';

export interface FileSettings {
  /** The file read; undefined when there was none. */
  path?: string;
  /** Its settings under flag names. */
  layer: Record<string, string>;
  /** The authentication from the layered settings; errors come as `toError` made them. */
  auth(read: (flag: string) => string | undefined, label: (flag: string) => string): OgcAuth | undefined;
}

export function settingsFromFile(flag: string | undefined, env: NodeJS.ProcessEnv, toError: (message: string) => Error): FileSettings {
  const { path, named } = configPathOf(flag, env);
  let settings;
  try {
    settings = readConfigFile(path);
  } catch (error) {
    throw error instanceof ConfigFileError ? toError(error.message) : error;
  }
  if (settings === undefined && named) {
    throw toError(`The config file ${path} does not exist; write it with \`ogc-processes-mcp configure -c ${path}\`.`);
  }
  const { ['refresh-token']: refreshToken, ['grant-type']: grantType, ...layer } = settings ? flagLayerOf(settings) : {};
  return {
    ...(settings ? { path } : {}),
    layer,
    auth(read, label) {
      try {
        return resolveAuth(read, label, {
          ...(refreshToken ? { refreshToken } : {}),
          ...(grantType ? { grantType } : {}),
          // The next run (or the bridge) starts from the newest tokens instead of logging in again.
          ...(settings ? { onTokens: (t) => updateConfigFile(path, { token: t.token, refresh_token: t.refreshToken }) } : {}),
        });
      } catch (error) {
        throw error instanceof AuthSettingsError ? toError(error.message) : error;
      }
    },
  };
}
