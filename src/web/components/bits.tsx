// Small shared pieces: type chips and titled panels.
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { typeColor } from '../types';

export function TypeChip({ type }: { type: string }) {
  const { t } = useT();
  return (
    <span class="type-chip" style={{ background: typeColor(type) }} title={t(`type.${type}`)} data-type={type}>
      {type}
    </span>
  );
}

export function Panel({ title, testid, extra, children, class: cls = '' }: { title: string; testid: string; extra?: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <section class={`panel ${cls}`} data-testid={testid}>
      <header class="panel-head">
        <h2>{title}</h2>
        {extra}
      </header>
      <div class="panel-body">{children}</div>
    </section>
  );
}

/** A count per type as "CONSULT 3 · REQUEST 1", most frequent first. */
export const typeCounts = (types: Record<string, number>): string =>
  Object.entries(types).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(' · ');
