import { noteSanitizePolicy } from '../../contract/vault';

/** Tags rendered note HTML may contain, MathML included (shared with the reader through the contract). */
export const NOTE_ALLOWED_TAGS: string[] = [...noteSanitizePolicy.allowedTags, ...noteSanitizePolicy.mathTags];
export const NOTE_ALLOWED_ATTRIBUTES: string[] = [...noteSanitizePolicy.allowedAttributes, ...noteSanitizePolicy.mathAttributes];
export const NOTE_FORBIDDEN_TAGS: string[] = [...noteSanitizePolicy.forbiddenTags];
export const NOTE_FORBIDDEN_ATTRIBUTES: string[] = [...noteSanitizePolicy.forbiddenAttributes];
/** Link and source URLs that survive sanitizing: http(s), mailto, the vault protocol, and relative ones. */
export const NOTE_ALLOWED_URI: RegExp = noteSanitizePolicy.allowedUri;
