// Actor network (GET /api/network) in cytoscape: edges from conflict (red) through neutral (grey)
// to cooperation (green), width by story count; a click on a node opens the actor.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useApi } from '../hooks';
import { useT } from '../i18n';
import { filterParams, type Filters } from '../route';
import type { Network as NetworkData } from '../types';
import { typeCounts } from './bits';

const KIND_COLORS: Record<string, string> = { person: '#4e79a7', state: '#e8a33d', org: '#5aa5a0', group: '#a47fb8' };

/** tone -1 → red, 0 → grey, +1 → green. */
export function toneColor(tone: number): string {
  const x = Math.max(-1, Math.min(1, Number.isFinite(tone) ? tone : 0));
  const grey = [150, 150, 150];
  const end = x < 0 ? [214, 39, 40] : [44, 160, 44];
  const k = Math.abs(x);
  const c = grey.map((g, i) => Math.round(g + (end[i]! - g) * k));
  return `rgb(${c.join(',')})`;
}

export const edgeWidth = (count: number): number => Math.min(12, 1.5 + 2 * Math.log2(Math.max(1, count)));

interface Props {
  filters: Filters;
  onActor: (id: string) => void;
  height?: number;
}

type Hover = { kind: 'node'; text: string } | { kind: 'edge'; text: string } | null;

export function Network({ filters, onActor, height = 300 }: Props) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onActorRef = useRef(onActor);
  onActorRef.current = onActor;
  const [hover, setHover] = useState<Hover>(null);
  const res = useApi(`network:${filterParams(filters, false).toString()}`, (signal) => api.network(filters, signal));

  useEffect(() => {
    if (!box.current || !res.data) return;
    const data = res.data;
    const instance = cytoscape({
      container: box.current,
      elements: elements(data),
      style: STYLE,
      layout: { name: 'preset' },
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    instance.layout({
      name: 'cose', animate: false, randomize: false, fit: true, padding: 14,
      // Lay out in the shape of the box so the graph fills it.
      boundingBox: { x1: 0, y1: 0, w: Math.max(200, box.current.clientWidth) * 1.6, h: height * 1.6 },
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 80, nodeOverlap: 40, componentSpacing: 120, gravity: 0.25, numIter: 2500,
    } as cytoscape.LayoutOptions).run();
    // Labels keep a readable size on screen whatever the zoom.
    const scaleLabels = () => {
      const z = instance.zoom();
      instance.nodes().style({ 'font-size': 10.5 / z, 'text-max-width': `${100 / z}px`, 'text-margin-y': 1 / z });
    };
    scaleLabels();
    for (let pass = 0; pass < 2; pass++) {
      if (!separateLabels(instance)) break;
      instance.fit(undefined, 14);
      scaleLabels();
    }
    instance.on('zoom', scaleLabels);
    instance.on('tap', 'node', (e) => onActorRef.current(String(e.target.id())));
    instance.on('mouseover', 'node', (e) => {
      const n = e.target;
      setHover({ kind: 'node', text: `${n.data('name')} · ${n.data('country') ?? ''} · ${n.data('events')}` });
      box.current?.classList.add('pointer');
    });
    instance.on('mouseover', 'edge', (e) => {
      const d = e.target.data();
      const tone = Number(d.tone);
      setHover({ kind: 'edge', text: `${d.sourceName} → ${d.targetName}: ${d.count} (${typeCounts(d.types)}) · ${tone >= 0 ? '+' : ''}${tone.toFixed(2)}` });
    });
    instance.on('mouseout', 'node, edge', () => { setHover(null); box.current?.classList.remove('pointer'); });
    cy.current = instance;
    return () => { instance.destroy(); cy.current = null; };
  }, [res.data, height]);

  const n = res.data?.nodes.length ?? 0;
  return (
    <div class="network-wrap">
      <div ref={box} class="network" style={{ height: `${height}px` }} data-testid="network-canvas" data-nodes={n} data-edges={res.data?.edges.length ?? 0} />
      {res.data && n === 0 && <p class="muted overlay">{t('empty')}</p>}
      {res.error && <p class="error overlay">{t('error')}: {res.error}</p>}
      <p class="network-info muted">{hover ? hover.text : t('panel.network.legend')}</p>
    </div>
  );
}

/**
 * Pushes apart nodes whose labels overlap (the force layout packs small components tightly);
 * returns whether anything moved. Skipped on large graphs, where it would cost too much.
 */
function separateLabels(cy: Core): boolean {
  const nodes = cy.nodes().toArray();
  if (nodes.length > 250) return false;
  let movedAny = false;
  for (let iter = 0; iter < 80; iter++) {
    let moved = false;
    const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (ox <= 0 || oy <= 0) continue;
        const pa = nodes[i]!.position();
        const pb = nodes[j]!.position();
        // Move along the axis of least overlap, half each way.
        if (ox < oy) {
          const d = (ox / 2 + 1) * (pa.x <= pb.x ? 1 : -1);
          nodes[i]!.position({ x: pa.x - d, y: pa.y });
          nodes[j]!.position({ x: pb.x + d, y: pb.y });
        } else {
          const d = (oy / 2 + 1) * (pa.y <= pb.y ? 1 : -1);
          nodes[i]!.position({ x: pa.x, y: pa.y - d });
          nodes[j]!.position({ x: pb.x, y: pb.y + d });
        }
        moved = true;
      }
    }
    if (!moved) break;
    movedAny = true;
  }
  return movedAny;
}

function elements(data: NetworkData): ElementDefinition[] {
  const max = Math.max(1, ...data.nodes.map((n) => n.events));
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  // Start from a circle so the force layout is the same on every load.
  const out: ElementDefinition[] = data.nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, data.nodes.length);
    return {
      group: 'nodes',
      data: { id: n.id, name: n.name, kind: n.kind, country: n.country, events: n.events, size: 12 + 28 * Math.sqrt(n.events / max), color: KIND_COLORS[n.kind] ?? '#888' },
      position: { x: 200 * Math.cos(angle), y: 200 * Math.sin(angle) },
    };
  });
  data.edges.forEach((e, i) => {
    if (!byId.has(e.source) || !byId.has(e.target)) return;
    out.push({
      group: 'edges',
      data: {
        id: `e${i}`, source: e.source, target: e.target, count: e.count, types: e.types, tone: e.tone,
        sourceName: byId.get(e.source)!.name, targetName: byId.get(e.target)!.name,
        color: toneColor(e.tone), width: edgeWidth(e.count),
      },
    });
  });
  return out;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(name)',
      // Label size for the layout (about what the fitted zoom turns into 10.5 px); rescaled after it.
      'font-size': 16,
      'text-max-width': '150px',
      'font-family': 'system-ui, sans-serif',
      color: '#222',
      'text-valign': 'bottom',
      'text-wrap': 'ellipsis',
      'text-background-color': '#fff',
      'text-background-opacity': 0.7,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#fff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      opacity: 0.85,
    },
  },
  { selector: 'node:active, node:selected', style: { 'border-color': '#222', 'border-width': 2 } },
];
