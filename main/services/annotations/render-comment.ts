import { LinkResolver, type LinkTarget } from '../vault/link-resolver';
import { renderNote } from '../vault/render-note';

/** Resolves a link as written in a note: the open vault's resolver, or nothing. */
export type ResolveLink = (target: string, fromPath: string) => LinkTarget | null;

/** A resolver that asks the open vault, so links in comments resolve like links in notes. */
class DelegatingResolver extends LinkResolver {
  constructor(private readonly resolveLink: ResolveLink) {
    super();
  }

  override resolve(target: string, sourcePath: string): LinkTarget | null {
    return this.resolveLink(target, sourcePath);
  }
}

/**
 * A comment's markdown as sanitized HTML, through the same pipeline the reader uses for notes
 * (links resolve against the note the comment is on; embeds are not expanded).
 */
export function renderComment(notePath: string, markdown: string, resolveLink: ResolveLink = () => null): string {
  if (!markdown.trim()) return '';
  // A comment has no front matter: a leading `---` is a rule, not properties.
  const source = markdown.startsWith('---') ? `\n${markdown}` : markdown;
  const rendered = renderNote(notePath, source, { resolver: new DelegatingResolver(resolveLink), scanOf: () => undefined, sourceOf: () => null });
  return rendered.html;
}
