import path from 'node:path';

/**
 * A feature is reached only through its public index: `features/<f>/index.ts`. Files inside
 * a feature import their own modules freely; everything else (other features, the shell)
 * imports `features/<f>/index.js` and nothing deeper. One exception: the shell and tests (not
 * another feature) may import a feature's translations, `features/<f>/strings/<lang>.js`, which
 * the shell merges into one chunk per language (the index would put every language in the main script).
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: "Import another feature only through its index (features/<name>/index.js), never its internals." },
    schema: [{ type: 'object', properties: { featuresDir: { type: 'string' } }, required: ['featuresDir'], additionalProperties: false }],
    messages: { internal: "'{{source}}' reaches into the {{feature}} feature's internals; import '{{feature}}/index.js' instead." },
  },
  create(context) {
    const featuresDir = path.resolve(context.options[0].featuresDir);
    const featureOf = (file) => {
      const rel = path.relative(featuresDir, file);
      return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
    };
    const here = featureOf(context.filename);
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const feature = featureOf(target);
      if (!feature || feature === here) return;
      const publicIndex = path.join(featuresDir, feature, 'index');
      if (target.replace(/\.(js|ts|tsx)$/, '') === publicIndex) return;
      if (!here && /^(kk|ru|en)\.(js|ts)$/.test(path.relative(path.join(featuresDir, feature, 'strings'), target))) return;
      context.report({ node, messageId: 'internal', data: { source, feature } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
