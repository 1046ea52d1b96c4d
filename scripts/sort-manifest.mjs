// Makes oclif.manifest.json deterministic: `oclif manifest` lists commands in the order the
// file system returns them, which differs between clones; sort them by id.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../oclif.manifest.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.commands = Object.fromEntries(Object.keys(manifest.commands).sort().map((id) => [id, manifest.commands[id]]));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
