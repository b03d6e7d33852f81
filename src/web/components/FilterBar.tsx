// The shared filters of the API as form controls; every change rewrites the URL hash.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useApi, useDebouncedEffect } from '../hooks';
import { useT } from '../i18n';
import type { Filters } from '../route';
import { EVENT_TYPES, STATUSES, type ActorSummary } from '../types';

interface Props {
  filters: Filters;
  onChange: (f: Filters) => void;
}

export function FilterBar({ filters, onChange }: Props) {
  const { t } = useT();
  // Any filter change starts the table from its first page.
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch, offset: undefined };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };

  return (
    <form class="filters" data-testid="filters" onSubmit={(e) => e.preventDefault()} role="search">
      <ActorPicker value={filters.actor} onPick={(actor) => set({ actor })} />
      <label class="field narrow">
        <span>{t('filter.country')}</span>
        <TextFilter
          testid="filter-country" value={filters.country ?? ''} placeholder="ISO3" maxLength={3} wait={350}
          accept={(v) => v === '' || /^[A-Za-z]{3}$/.test(v)}
          onCommit={(v) => set({ country: v.toUpperCase() || undefined })}
        />
      </label>
      <label class="field">
        <span>{t('filter.type')}</span>
        <select data-testid="filter-type" value={filters.type ?? ''} onChange={(e) => set({ type: e.currentTarget.value || undefined })}>
          <option value="">{t('filter.all')}</option>
          {EVENT_TYPES.map((ty) => <option key={ty} value={ty}>{`${ty} · ${t(`type.${ty}`)}`}</option>)}
          {filters.type && !(EVENT_TYPES as readonly string[]).includes(filters.type) && <option value={filters.type}>{filters.type}</option>}
        </select>
      </label>
      <label class="field">
        <span>{t('filter.status')}</span>
        <select data-testid="filter-status" value={filters.status ?? ''} onChange={(e) => set({ status: e.currentTarget.value || undefined })}>
          <option value="">{t('filter.all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          {filters.status && !(STATUSES as readonly string[]).includes(filters.status) && <option value={filters.status}>{filters.status}</option>}
        </select>
      </label>
      <label class="field">
        <span>{t('filter.from')}</span>
        <input type="date" data-testid="filter-from" value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} />
      </label>
      <label class="field">
        <span>{t('filter.to')}</span>
        <input type="date" data-testid="filter-to" value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} />
      </label>
      <label class="field grow">
        <span>{t('filter.q')}</span>
        <TextFilter
          testid="filter-q" value={filters.q ?? ''} placeholder={t('filter.q.placeholder')} wait={400}
          onCommit={(v) => set({ q: v.trim() || undefined })}
        />
      </label>
      <button type="button" class="link-button" data-testid="filter-reset" onClick={() => onChange({})}>
        {t('filter.reset')}
      </button>
    </form>
  );
}

interface TextFilterProps {
  testid: string;
  value: string;
  placeholder: string;
  wait: number;
  maxLength?: number;
  accept?: (v: string) => boolean;
  onCommit: (v: string) => void;
}

/** A text box that commits after a pause in typing, or at once on Enter. */
function TextFilter({ testid, value, placeholder, wait, maxLength, accept = () => true, onCommit }: TextFilterProps) {
  const [draft, setDraft] = useState(value);
  // The URL changed elsewhere (reset, back button): show it.
  useEffect(() => setDraft(value), [value]);
  const commit = (v: string) => {
    if (v.trim() !== value && accept(v.trim())) onCommit(v.trim());
  };
  useDebouncedEffect(draft, wait, commit);
  return (
    <input
      type="text" data-testid={testid} value={draft} placeholder={placeholder} maxLength={maxLength} spellcheck={false}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(e.currentTarget.value); }}
    />
  );
}

/** Actor filter: type part of a name, pick from GET /api/actors?name=…; the URL keeps the actor id. */
function ActorPicker({ value, onPick }: { value: string | undefined; onPick: (id: string | undefined) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [options, setOptions] = useState<ActorSummary[]>([]);
  const box = useRef<HTMLDivElement>(null);

  // Name of the chosen actor (the URL holds only its id).
  const chosen = useApi(`actor:${value ?? ''}`, (signal) => (value ? api.actor(value, signal).then((d) => d.actor.name) : Promise.resolve('')));

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    const id = setTimeout(() => {
      api.actors(text.trim(), 12, ctrl.signal).then((r) => { setOptions(r.items); setActive(0); }, () => setOptions([]));
    }, 150);
    return () => { clearTimeout(id); ctrl.abort(); };
  }, [text, open]);

  useEffect(() => {
    const close = (e: MouseEvent) => { if (box.current && !box.current.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const pick = (a: ActorSummary) => {
    setOpen(false);
    setText('');
    onPick(a.id);
  };

  return (
    <div class="field actor-picker" ref={box}>
      <span>{t('filter.actor')}</span>
      {value ? (
        <div class="chip-input" data-testid="filter-actor-chosen">
          <span class="chip-text" title={value}>{chosen.data || value}</span>
          <button type="button" data-testid="filter-actor-clear" aria-label={t('filter.actor.clear')} title={t('filter.actor.clear')} onClick={() => onPick(undefined)}>×</button>
        </div>
      ) : (
        <input
          type="text" data-testid="filter-actor" value={text} placeholder={t('filter.actor.placeholder')} autocomplete="off" spellcheck={false}
          role="combobox" aria-expanded={open} aria-autocomplete="list"
          onFocus={() => setOpen(true)}
          onInput={(e) => { setText(e.currentTarget.value); setOpen(true); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); const a = options[active]; if (a) pick(a); }
            else if (e.key === 'Escape') setOpen(false);
          }}
        />
      )}
      {open && !value && (
        <ul class="suggestions" role="listbox" data-testid="filter-actor-options">
          {options.length === 0 && <li class="muted">{t('filter.actor.none')}</li>}
          {options.map((a, i) => (
            <li
              key={a.id} role="option" aria-selected={i === active} class={i === active ? 'active' : ''}
              data-testid="filter-actor-option" data-id={a.id}
              onMouseDown={(e) => { e.preventDefault(); pick(a); }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{a.name}</span>
              <span class="muted">{[a.country, a.org, t(`kind.${a.kind}`)].filter(Boolean).join(' · ')} · {a.events}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
