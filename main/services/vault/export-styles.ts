/** The stylesheet inlined into exported notes: readable in light and dark, no external fonts. */
export const EXPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f3f4f6;
  --accent: #3b6fd8; --mark: #fff3a3; --callout-bg: rgba(59,111,216,.08); }
@media (prefers-color-scheme: dark) { :root { --bg: #1e1f22; --fg: #dcddde; --muted: #9aa0a6; --border: #3a3d42;
  --code-bg: #2a2c30; --accent: #7aa2f7; --mark: #6b5d00; --callout-bg: rgba(122,162,247,.1); } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.65 system-ui, -apple-system, "Segoe UI", sans-serif; }
main.note-body { max-width: 760px; margin: 0 auto; padding: 40px 24px 80px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 .6em; }
h1.note-title { margin-top: 0; font-size: 2em; }
a { color: var(--accent); }
a.is-unresolved { opacity: .7; text-decoration: underline dotted; cursor: default; }
a.tag { background: var(--callout-bg); border-radius: 999px; padding: 1px 8px; text-decoration: none; font-size: .9em; }
code { background: var(--code-bg); border-radius: 4px; padding: .1em .35em; font: .9em ui-monospace, "SFMono-Regular", Menlo, monospace; }
pre { background: var(--code-bg); border-radius: 6px; padding: 12px 14px; overflow: auto; }
pre code { background: none; padding: 0; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 2px; }
blockquote { border-left: 3px solid var(--border); margin: 1em 0; padding: 0 1em; color: var(--muted); }
.table-wrapper { overflow-x: auto; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid var(--border); padding: 6px 12px; text-align: left; vertical-align: top; }
img { max-width: 100%; }
math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", math; font-size: 1.05em; }
.math-block { display: block; margin: 1em 0; overflow-x: auto; text-align: center; }
.math-block math { display: block math; margin: 0 auto; }
math mspace[mathbackground="black"] { background-color: currentColor; }
.math-error { color: #e5534b; font: .88em ui-monospace, "SFMono-Regular", Menlo, monospace; cursor: help; }
.math-block.math-error { white-space: pre-wrap; text-align: left; }
.callout { border-left: 4px solid var(--accent); background: var(--callout-bg); border-radius: 6px; padding: 10px 14px; margin: 1em 0; }
.callout-title { font-weight: 600; }
.callout[data-callout-family="warning"], .callout[data-callout-family="danger"], .callout[data-callout-family="failure"], .callout[data-callout-family="bug"] { border-color: #e5534b; background: rgba(229,83,75,.08); }
.callout[data-callout-family="tip"], .callout[data-callout-family="success"] { border-color: #2da44e; background: rgba(45,164,78,.08); }
.embed-note { border-left: 3px solid var(--accent); padding: 4px 0 4px 14px; margin: 1em 0; }
.embed-note-header { font-size: .85em; color: var(--muted); }
.embed-missing, .remote-image, .blocked-image, .embed-error { display: inline-block; border: 1px dashed var(--border); border-radius: 4px; padding: 2px 8px; color: var(--muted); font-size: .9em; }
.berth-demo-card { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; margin: 1em 0; }
.berth-demo-card::before { content: "▶ Demo"; font-weight: 600; display: block; }
.properties { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; margin-bottom: 1.5em; font-size: .9em; }
.properties dt { font-weight: 600; color: var(--muted); }
.properties dd { margin: 0 0 .4em 0; }
.note-problem { border: 1px solid #e5534b; border-radius: 6px; padding: 8px 12px; color: #e5534b; }
.task-list-item { list-style: none; }
.task-list-item-checkbox { margin-right: .4em; }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in { color: #cf222e; } .hljs-string, .hljs-attr { color: #0a3069; }
.hljs-comment { color: #6e7781; font-style: italic; } .hljs-number, .hljs-literal { color: #0550ae; }
@media (prefers-color-scheme: dark) { .hljs-keyword, .hljs-selector-tag, .hljs-built_in { color: #ff7b72; } .hljs-string, .hljs-attr { color: #a5d6ff; } .hljs-number, .hljs-literal { color: #79c0ff; } }
`;
