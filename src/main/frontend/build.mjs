/*
 * Bundles the プロセス設計 page's editors into target/classes/static/design/vendor/ (run by the Maven build in
 * generate-resources, or `npm run build` here). Installs the pinned packages with `npm ci` when node_modules does not
 * match package-lock.json, packs the repository's .bpmnlintrc (bpmnlint's own rules and configurations only) into the
 * bundle, and skips everything when neither the lock file, the sources nor .bpmnlintrc changed since the last bundle.
 */
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const out = resolve(process.argv[2] || join(root, 'target/classes/static/design/vendor'));
const lintrc = join(root, '.bpmnlintrc');

function hash(files) {
  const digest = createHash('sha256');
  files.forEach(file => digest.update(file).update(readFileSync(file)));
  return digest.digest('hex');
}

const sources = readdirSync(join(here, 'src')).sort().map(name => join(here, 'src', name));
const stamp = hash([join(here, 'package-lock.json'), join(here, 'build.mjs'), lintrc, ...sources]);
const stampFile = join(out, '.stamp');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log('design vendor bundle up to date: ' + out);
  process.exit(0);
}

const installed = join(here, 'node_modules/.package-lock.json');
const lockStamp = join(here, 'node_modules/.isms-lock-sha256');
const lockHash = hash([join(here, 'package-lock.json')]);
if (!existsSync(installed) || !existsSync(lockStamp) || readFileSync(lockStamp, 'utf8') !== lockHash) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {cwd: here, stdio: 'inherit'});
  writeFileSync(lockStamp, lockHash);
}

/** .bpmnlintrc as a module: its configuration and a static resolver holding every rule it can reach. */
function lintConfigModule() {
  const require = createRequire(join(here, 'package.json'));
  const rc = JSON.parse(readFileSync(lintrc, 'utf8'));
  const configs = {};
  const rules = new Set();
  const visit = config => {
    [].concat(config.extends || []).forEach(name => {
      const match = /^bpmnlint:(.+)$/.exec(name);
      if (!match) {
        throw new Error('.bpmnlintrc: only bpmnlint\'s own configurations are bundled, not ' + name);
      }
      const resolved = require('bpmnlint/config/' + match[1]);
      configs[match[1]] = resolved;
      visit(resolved);
    });
    Object.keys(config.rules || {}).forEach(name => {
      if (name.includes('/')) {
        throw new Error('.bpmnlintrc: only bpmnlint\'s own rules are bundled, not ' + name);
      }
      rules.add(name);
    });
  };
  visit(rc);
  const lines = ['import StaticResolver from \'bpmnlint/lib/resolver/static-resolver\';', 'const cache = {};'];
  [...rules].sort().forEach((rule, index) => {
    lines.push(`import rule${index} from 'bpmnlint/rules/${rule}';`);
    lines.push(`cache['rule:bpmnlint/${rule}'] = rule${index};`);
  });
  Object.entries(configs).forEach(([name, config]) =>
    lines.push(`cache['config:bpmnlint/${name}'] = ${JSON.stringify(config)};`));
  lines.push(`export default {config: ${JSON.stringify(rc)}, resolver: new StaticResolver(cache)};`);
  return lines.join('\n');
}

/**
 * form-js-editor's palette has fixed English texts and no translate service: its bundle is read with the Japanese of
 * src/form-ja.json put in, each text found exactly once (a form-js update that changes one fails the build here).
 */
function japaneseFormPalette(file) {
  const palette = JSON.parse(readFileSync(join(here, 'src/form-ja.json'), 'utf8')).palette;
  let text = readFileSync(file, 'utf8');
  for (const [english, japanese] of Object.entries(palette)) {
    const found = text.split(english).length - 1;
    if (found !== 1) {
      throw new Error('form-js-editor palette: expected "' + english + '" once in ' + file + ', found ' + found);
    }
    text = text.replace(english, () => japanese);
  }
  return text;
}

const esbuild = await import('esbuild');
mkdirSync(out, {recursive: true});
await esbuild.build({
  entryPoints: {'design-editors': join(here, 'src/editors.js')},
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: out,
  legalComments: 'linked',
  loader: {'.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'dataurl'},
  logLevel: 'warning',
  plugins: [{
    name: 'form-js-editor-japanese-palette',
    setup(build) {
      build.onLoad({filter: /[\\/]@bpmn-io[\\/]form-js-editor[\\/]dist[\\/]index\.es\.js$/}, args => ({
        contents: japaneseFormPalette(args.path), loader: 'js'}));
    }
  }, {
    name: 'bpmnlintrc',
    setup(build) {
      build.onResolve({filter: /^bpmnlintrc$/}, () => ({path: lintrc, namespace: 'bpmnlintrc'}));
      build.onLoad({filter: /.*/, namespace: 'bpmnlintrc'}, () => ({contents: lintConfigModule(), resolveDir: here,
        loader: 'js'}));
    }
  }]
});
writeFileSync(stampFile, stamp);
console.log('design vendor bundle written: ' + out);
