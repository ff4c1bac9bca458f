"""The language server: seo-audit's findings in the editor, while the writer types.

`seo-audit lsp` (needs `pip install 'seo-audit[lsp]'`, which brings pygls) speaks the
Language Server Protocol on stdin and stdout. Modules:

- `server`: the pygls server: documents, debounced checks, hover, code actions, commands;
- `checker`: one check of one editor buffer through `engine.audit_drafts`, and what the
  server keeps of it (findings with their diagnostics);
- `convert`: positions (Python characters of the file text <-> the UTF-16 code units LSP
  counts in) and findings -> Diagnostics;
- `cache`: spaCy Docs of the blocks already analysed, so that an edit re-runs spaCy on the
  changed blocks only;
- `settings`: the editor's configuration, and the options and rule set of one document;
- `actions`: the quick fixes, suppression comments put where they work;
- `explain`: hover text, documentation pages and report files.

Only `server` imports pygls; `convert`, `checker` and `explain` use lsprotocol's types.
"""
