import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HLJSApi, Language, LanguageFn } from 'highlight.js';

const requireHere = createRequire(import.meta.url);

/**
 * The aliases notes use most, by the language file that defines them, so that they register one
 * language and not all 190. `code-highlighter.test.ts` checks each against highlight.js itself.
 */
export const COMMON_ALIASES: Readonly<Record<string, string>> = {
  sh: 'bash',
  zsh: 'bash',
  console: 'shell',
  shellsession: 'shell',
  yml: 'yaml',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  golang: 'go',
  docker: 'dockerfile',
  html: 'xml',
  xhtml: 'xml',
  svg: 'xml',
  md: 'markdown',
  ps: 'powershell',
  ps1: 'powershell',
  pwsh: 'powershell',
  rs: 'rust',
  rb: 'ruby',
  toml: 'ini',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  kt: 'kotlin',
  cs: 'csharp',
  patch: 'diff',
  make: 'makefile',
  mk: 'makefile',
  nginxconf: 'nginx',
  txt: 'plaintext',
  text: 'plaintext',
  jsonc: 'json',
  proto: 'protobuf',
};

let core: HLJSApi | undefined;
let languageFiles: ReadonlySet<string> | undefined;
let everyLanguage = false;

function hljsCore(): HLJSApi {
  core ??= requireHere('highlight.js/lib/core') as HLJSApi;
  return core;
}

/** The names of highlight.js's language files (`bash`, `yaml`, …): the only names ever required. */
function fileNames(): ReadonlySet<string> {
  if (!languageFiles) {
    try {
      const dir = path.dirname(requireHere.resolve('highlight.js/lib/languages/bash'));
      languageFiles = new Set(
        fs
          .readdirSync(dir)
          .filter((file) => file.endsWith('.js') && !file.endsWith('.js.js'))
          .map((file) => file.slice(0, -3)),
      );
    } catch {
      // The folder cannot be listed (a packaged layout): every language loads at once instead.
      languageFiles = new Set();
    }
  }
  return languageFiles;
}

/** The languages a definition embeds by name (`subLanguage`), e.g. css and javascript in xml. */
function embeddedLanguages(definition: Language): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const mode = value as Record<string, unknown>;
    const sub = mode.subLanguage;
    for (const name of typeof sub === 'string' ? [sub] : Array.isArray(sub) ? sub : []) {
      if (typeof name === 'string') found.add(name);
    }
    for (const key of ['contains', 'variants', 'starts', 'ends']) visit(mode[key]);
  };
  visit(definition);
  return [...found];
}

function registerFile(hljs: HLJSApi, name: string): void {
  if (hljs.getLanguage(name) || !fileNames().has(name)) return;
  const loaded = requireHere(`highlight.js/lib/languages/${name}`) as
    LanguageFn | { default: LanguageFn };
  hljs.registerLanguage(name, typeof loaded === 'function' ? loaded : loaded.default);
  const definition = hljs.getLanguage(name);
  if (definition)
    for (const embedded of embeddedLanguages(definition)) registerFile(hljs, embedded);
}

/**
 * highlight.js with the language a fence names registered, or undefined when highlight.js has no
 * such language. Only that language's file (and those it embeds) is loaded: the whole library
 * took 250-500 ms at a note's first code block. An alias outside `COMMON_ALIASES` loads every
 * language once, as highlight.js does.
 */
export function highlighterFor(language: string): HLJSApi | undefined {
  const hljs = hljsCore();
  if (!hljs.getLanguage(language)) {
    registerFile(
      hljs,
      Object.hasOwn(COMMON_ALIASES, language) ? COMMON_ALIASES[language]! : language,
    );
    if (!hljs.getLanguage(language) && !everyLanguage) {
      everyLanguage = true;
      requireHere('highlight.js');
    }
  }
  return hljs.getLanguage(language) ? hljs : undefined;
}
