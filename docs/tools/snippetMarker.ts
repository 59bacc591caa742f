/**
 * The marker that opens an included snippet in a guide:
 * `<!-- snippet: snippets/file.ts -->` or `<!-- snippet: snippets/file.ts#region -->`, followed
 * by a fenced code block and closed by `<!-- /snippet -->`.
 */
export const snippetMarker = /<!-- snippet: ([^\s#]+)(?:#([\w-]+))? -->\n[\s\S]*?<!-- \/snippet -->/g;
