import { describe, expect, it } from 'vitest';
import { MERMAID_MAX_CHARS, mermaidSizeProblem } from './mermaid-limits';
import { diagramAlt, diagramKind, errorLine, mermaidErrorMessage } from './mermaid-text';

/** A jison parse error as mermaid 12 throws it for `api --> redis[(cache)`. */
function jisonError() {
  const error = new Error("Parse error on line 3:\n...> api    api --> redis[(cache)    redis \n-----------------------^\nExpecting 'CYLINDEREND', 'TAGEND', 'UNICODE_TEXT', 'TEXT', got 'PE'");
  return Object.assign(error, { hash: { text: ')', token: 'PE', line: 2, loc: { first_line: 3, last_line: 3 }, expected: ["'CYLINDEREND'", "'TAGEND'", "'UNICODE_TEXT'", "'TEXT'"] } });
}

describe('mermaid size cap', () => {
  it('lets ordinary diagrams through and stops code over the cap with a notice', () => {
    expect(mermaidSizeProblem('flowchart LR\n a --> b')).toBeUndefined();
    expect(mermaidSizeProblem('x'.repeat(MERMAID_MAX_CHARS))).toBeUndefined();
    expect(mermaidSizeProblem('x'.repeat(MERMAID_MAX_CHARS + 1))).toBe(
      'This mermaid diagram is too large to draw (49 KB; the limit is 50 KB). Its code is shown instead.',
    );
  });
});

describe('mermaid error messages', () => {
  const source = 'flowchart TD\n    web --> api\n    api --> redis[(cache)\n    redis --> disk';

  it('names the line, quotes it and says what mermaid found in plain symbols', () => {
    expect(mermaidErrorMessage(jisonError(), source)).toBe(
      'This mermaid diagram has an error on line 3 (api --> redis[(cache)): found “)” where mermaid expected “)]” or “>” or text',
    );
  });

  it('finds the line in the hash, in hash.line, or in the message', () => {
    expect(errorLine(jisonError())).toBe(3);
    expect(errorLine({ hash: { line: 4 } })).toBe(5);
    expect(errorLine(new Error('Parsing failed: Lexer error on line 2, column 5: unexpected character'))).toBe(2);
    expect(errorLine(new Error('something else'))).toBeUndefined();
  });

  it('explains an unknown diagram type and keeps other messages to one short line', () => {
    expect(mermaidErrorMessage(new Error('No diagram type detected matching given configuration for text: flowhcart LR'), 'flowhcart LR\n a-->b')).toBe(
      'This mermaid diagram has an error: the first line does not name a diagram type (e.g. flowchart LR, sequenceDiagram, classDiagram)',
    );
    const long = mermaidErrorMessage(new Error(`Parsing failed: Lexer error on line 2, column 1: ${'x'.repeat(500)}`), 'pie\n§');
    expect(long.startsWith('This mermaid diagram has an error on line 2 (§): Lexer error on line 2')).toBe(true);
    expect(long.length).toBeLessThan(300);
    expect(mermaidErrorMessage('boom', 'graph TD')).toBe('This mermaid diagram has an error: boom');
  });
});

describe('mermaid image text', () => {
  it('says what kind of diagram it is in words', () => {
    expect(diagramKind('flowchart-v2')).toBe('flowchart');
    expect(diagramKind('sequence')).toBe('sequence diagram');
    expect(diagramKind('classDiagram')).toBe('class diagram');
    expect(diagramKind('someNewThing-v3')).toBe('some new thing');
  });

  it('lists the labels once each, or the title, and stops at ~300 characters', () => {
    expect(diagramAlt('flowchart-v2', ['client', ' nginx ', 'app', 'nginx', '', 'db'])).toBe('Mermaid flowchart: client, nginx, app, db');
    expect(diagramAlt('sequence', ['a'], 'docker run, step by step')).toBe('Mermaid sequence diagram: docker run, step by step');
    expect(diagramAlt('pie', [])).toBe('Mermaid pie chart');
    const many = diagramAlt('flowchart-v2', Array.from({ length: 200 }, (_, i) => `node ${i}`));
    expect(many.length).toBeLessThan(340);
    expect(many.endsWith('…')).toBe(true);
  });
});
