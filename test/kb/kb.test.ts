import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkKb } from '../../src/kb/check.js';
import { loadKbData } from '../../src/kb/load.js';
import { coder } from '../helpers/code.js';

test('the bundled knowledge base validates with no errors and has the promised size', () => {
  const { data, problems } = loadKbData();
  const report = checkKb(data, problems);
  assert.deepEqual(report.errors, []);
  assert.ok(report.counts.states! >= 195, `states ${report.counts.states}`);
  assert.ok(report.counts.people! >= 600, `people ${report.counts.people}`);
  assert.ok(report.counts.groups! >= 20, `groups ${report.counts.groups}`);
});

test('dated roles: Shoigu is defence minister in 2022 and Security Council secretary in 2024', () => {
  const kb = coder().kb;
  const shoigu = kb.people.get('sergei-shoigu');
  assert.ok(shoigu);
  const in2022 = kb.personActor(shoigu, '2022-05-13');
  assert.deepEqual([in2022.country, in2022.sector], ['RUS', 'MIL']);
  assert.match(in2022.role ?? '', /Defensa/);
  const in2024 = kb.personActor(shoigu, '2024-09-13');
  assert.deepEqual([in2024.country, in2024.sector], ['RUS', 'GOV']);
  assert.match(in2024.role ?? '', /Consejo de Seguridad/);
});

test('dated roles: Rubio is a senator in 2019 and secretary of state in 2025; Kirby is at the Pentagon in March 2022', () => {
  const kb = coder().kb;
  const rubio = kb.people.get('marco-rubio');
  assert.ok(rubio);
  assert.equal(kb.personActor(rubio, '2019-02-22').sector, 'LEG');
  assert.equal(kb.personActor(rubio, '2025-02-15').role, 'secretario de Estado');
  const kirby = kb.people.get('john-kirby');
  assert.ok(kirby);
  assert.equal(kb.personActor(kirby, '2022-03-24').sector, 'MIL');
  assert.equal(kb.personActor(kirby, '2023-06-01').sector, 'GOV');
});

test('check reports overlapping dates of one post and a name shared by two people', () => {
  const { data } = loadKbData();
  const person = (id: string, name: string, roles: Array<[string | null, string | null]>) => ({
    id, name, aliases: [], short: [], country: 'ESP',
    roles: roles.map(([from, to]) => ({ role: 'alcalde de Ávila', sector: 'GOV' as const, country: 'ESP', org: null, from, to, uncertain: false })),
  });
  const bad = { ...data, people: [...data.people, person('ana-uno', 'Ana Prueba', [['2019-06-15', '2023-06-17'], ['2023-01-01', null]]), person('ana-dos', 'Ana Prueba', [['2010', '2011']])] };
  const report = checkKb(bad, []);
  assert.ok(report.errors.some((e) => /overlaps itself/.test(e.message)));
  assert.ok(report.errors.some((e) => /"ana prueba" names person:ana-uno, person:ana-dos/.test(e.message)));
});

test('user KB files in YAML and CSV add people; a schema error is reported with the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-kb-'));
  const yaml = join(dir, 'alcaldes.yaml');
  writeFileSync(yaml, 'people:\n  - id: rosa-quintero\n    name: Rosa Quintero\n    short: [Quintero]\n    country: COL\n    roles:\n      - {role: alcaldesa de Cúcuta, sector: GOV, country: COL, from: 2024-01-01, to: null}\n');
  const csv = join(dir, 'milicias.csv');
  writeFileSync(csv, 'id,name,aliases,short,country,role,sector,role_country,org,from,to\nel-zarco,Ramiro Torres,"Ramiro ""el Zarco"" Torres",Zarco,COL,comandante del Frente Sur,REB,COL,,2021,\n');
  const broken = join(dir, 'roto.yaml');
  writeFileSync(broken, 'people:\n  - id: Sin Fechas\n    name: X\n    roles: []\n');
  const { data, problems } = loadKbData({ userFiles: [yaml, csv, broken] });
  assert.ok(data.people.some((p) => p.id === 'rosa-quintero'));
  const zarco = data.people.find((p) => p.id === 'el-zarco');
  assert.equal(zarco?.roles[0]?.sector, 'REB');
  assert.deepEqual(zarco?.aliases, ['Ramiro "el Zarco" Torres']);
  assert.ok(problems.some((p) => p.file === broken));
});

test('the build-time KB cache holds exactly what the YAML files validate to, and is ignored when stale', () => {
  const fresh = loadKbData({ noCache: true }).data;
  const cached = loadKbData().data;
  assert.equal(cached.people.length, fresh.people.length);
  assert.deepEqual(cached.people.find((p) => p.id === 'sergei-shoigu'), fresh.people.find((p) => p.id === 'sergei-shoigu'));
  assert.equal(cached.states.length, fresh.states.length);
});
