// Small hooks: API calls that cancel when their inputs change, and debounced values.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes; a newer call aborts the older one. The previous data stays
 * on screen while the next arrives, so panels do not flicker.
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loader.current(ctrl.signal).then(
      (data) => { if (!ctrl.signal.aborted) setState({ data, error: null, loading: false }); },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ data: null, error: err instanceof Error ? err.message : String(err), loading: false });
      },
    );
    return () => ctrl.abort();
  }, [key]);
  return state;
}

/** Calls `fn(value)` once `value` has stopped changing for `ms`. */
export function useDebouncedEffect<T>(value: T, ms: number, fn: (v: T) => void): void {
  const cb = useRef(fn);
  cb.current = fn;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = setTimeout(() => cb.current(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
}

/** Width of an element, updated when it resizes (charts re-render at the new width). */
export function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return width;
}
