export declare const DEV_BASE_URL: string;
export declare const DEV_SERVER_PORT: number;
export declare const DEFAULT_BASE_URL: string;
export declare const OFFICE_JS_CDN_URL: string;
export declare const OFFLINE_OFFICE_JS_DIR: string;
export declare function resolveBaseUrl(env: Record<string, string | undefined>): string;
export declare function placeholderHostWarning(env: Record<string, string | undefined>): string | undefined;
export declare function isOfflineBuild(env: Record<string, string | undefined>): boolean;
export declare function rewriteManifestUrls(manifestXml: string, baseUrl: string): string;
