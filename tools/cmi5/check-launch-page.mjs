// Runs the script of a cmi5 launch page (praxis export cmi5) as a browser would at ADDRESS,
// with a minimal document, and prints what it did as JSON: the address it sent the browser to,
// the "Open in Praxis" link, the command shown for pasting, the page's language.
// Usage: node check-launch-page.mjs launch.html ADDRESS [LANGUAGE]
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const [file, address, language = 'en-US'] = process.argv.slice(2);
const html = readFileSync(file, 'utf8');
const script = html.match(/<script>([\s\S]*?)<\/script>/);
if (!script) {
  console.error(`${file}: no script`);
  process.exit(2);
}
const elements = {};
const element = (id) =>
  (elements[id] ??= { id, textContent: '', value: '', href: '', onclick: null, select() {} });
const location = { href: address };
const context = {
  window: { location },
  navigator: { language },
  document: { getElementById: element, documentElement: { lang: 'en' }, execCommand() {} },
};
vm.runInNewContext(script[1], context);
console.log(JSON.stringify({
  navigated_to: location.href,
  link: element('open').href,
  command: element('command').value,
  title: element('title').textContent,
  lang: context.document.documentElement.lang,
}));
