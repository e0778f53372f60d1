/** V8 flags for Berth's web host process (see main-process-flags.mjs). */
export declare const MAIN_PROCESS_V8_FLAGS: readonly string[];
