import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../project-root.js';

/**
 * The audit log page words each action (`auditActions` in the console's staff.json, dots as
 * underscores); an action without words shows as its bare code. This reads every action the server
 * records, as its source spells it, and asks for its words.
 */
const serverSource = path.join(projectRoot, 'server', 'src');
const words = (
  JSON.parse(readFileSync(path.join(projectRoot, 'client', 'src', 'staff', 'locales', 'en', 'staff.json'), 'utf8')) as {
    auditActions: Record<string, string>;
  }
).auditActions;

/** What a template's one variable part can be, by the variable's last name, for the actions built from one. */
const templates: Record<string, readonly string[]> = {
  auditPrefix: ['staff', 'agency'],
  seen: ['accounts.viewed', 'account.viewed'],
  change: ['disable', 'enable', 'role', 'name', 'reset-second-factor'],
  outcome: ['chased', 'resolved'],
  to: ['acknowledged', 'actioned'],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const action = String.raw`[a-z-]+(?:\.[a-z0-9-]+)+`;

/**
 * Every audit action in the server's source: `action: 'a.b'`, either side of `action: x ? 'a.b' : 'c.d'`,
 * templates such as `action: \`${kind.auditPrefix}.signed-in\``, and the quoted actions of a statement
 * inserting into audit_events itself.
 */
function recordedActions(): { actions: Set<string>; unknownTemplates: string[] } {
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  const expand = (file: string, template: string) => {
    const variable = /\$\{[^}]+\}/.exec(template)?.[0] ?? '';
    const values = templates[/(\w+)\}$/.exec(variable)?.[1] ?? ''];
    if (!values) unknownTemplates.push(`${path.relative(projectRoot, file)}: ${template}`);
    else for (const value of values) actions.add(template.replace(variable, value));
  };
  for (const file of sourceFiles(serverSource)) {
    const text = readFileSync(file, 'utf8');
    for (const [, found] of text.matchAll(new RegExp(`action: '(${action})'`, 'g'))) actions.add(found ?? '');
    for (const [, one, other] of text.matchAll(new RegExp(`action: [^\n]*?\\? '(${action})' : '(${action})'`, 'g')))
      for (const found of [one, other]) actions.add(found ?? '');
    // A template action starts with a variable or a word and a dot; a form's action (a path) starts with "/".
    for (const [, template] of text.matchAll(/action: `((?:\$\{[^}]+\}|[a-z-]+)\.[^`]*)`/g))
      expand(file, template ?? '');
    for (const [, statement] of text.matchAll(/insert into audit_events([\s\S]{0,400})/g)) {
      for (const [, found] of (statement ?? '').matchAll(new RegExp(`'(${action})'`, 'g'))) actions.add(found ?? '');
      for (const [, template] of (statement ?? '').matchAll(/`([a-z-]+\.\$\{\w+\})`/g)) expand(file, template ?? '');
    }
  }
  return { actions, unknownTemplates };
}

describe('the audit log’s words', () => {
  it('has words for every action the server records', () => {
    const { actions, unknownTemplates } = recordedActions();
    // Most are literal; the scan would miss none of these kinds.
    expect(actions).toContain('submission.created');
    expect(actions).toContain('staff.signed-in');
    expect(actions).toContain('agency.second-factor.set-up');
    expect(actions).toContain('staff.signed-out-everywhere');
    expect(actions).toContain('notification.target-missed');
    expect(actions).toContain('notification.actioned');
    expect(unknownTemplates, 'a new template action: say in `templates` what its variable can be').toEqual([]);
    expect([...actions].filter((action) => !Object.hasOwn(words, action.replaceAll('.', '_'))).sort()).toEqual([]);
  });
});
