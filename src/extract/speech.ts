// Verbs of saying and "según X" in a sentence: who speaks, over which span, and the attribution they give.
import type { Attribution } from '../events/model.js';
import type { Token } from '../text/model.js';
import type { ClauseView } from './clause.js';
import type { ExtractEngines, SpeechAct } from './draft.js';
import { type Mention, toActor } from './mentions.js';
import { verbKey } from './trigger-lexicon.js';
import type { Trigger } from './triggers.js';

/** Verbs of saying and "según X" in the sentence, with their speaker and the span they cover. */
export function speechActs(clause: ClauseView, eng: ExtractEngines): SpeechAct[] {
  const tokens = clause.tokens;
  const acts: SpeechAct[] = [];
  tokens.forEach((t, i) => {
    if (!eng.triggers.speechVerbs.has(t.lower ?? verbKey(t.text))) return;
    let speaker = clause.subjectBefore(i);
    let anonymous: string | null = null;
    let affiliation: Mention | null = null;
    const after = clause.subjectAfter(i + 1);
    const anon = eng.cues.anonymous.findIn(tokens, i + 1, Math.min(tokens.length, i + 6));
    if (anon) {
      // "un alto funcionario del Gobierno francés": the affiliation follows, or the phrase is itself a mention.
      affiliation = clause.mentions.find((m) => m.refs.length > 0 && ((m.tokStart >= anon.end && m.tokStart <= anon.end + 2 && clause.prepositionOf(m) === 'of')
        || (m.tokStart <= anon.start && m.tokEnd >= anon.end))) ?? null;
      anonymous = tokens.slice(anon.start, affiliation ? affiliation.tokEnd : anon.end).map((x) => x.text).join(' ');
      speaker = [];
    }
    else if (after.length && (speaker.length === 0 || tokens[i - 1]?.text === ',' || tokens.slice(Math.max(0, i - 3), i).some((x) => eng.cues.according.has(x.norm)))) speaker = after;
    // "X dijo (a CNN) que …" covers what follows; "«…», dijo X" covers what precedes.
    const que = tokens.slice(i + 1, i + 5).findIndex((x) => eng.cues.complementizer.has(x.norm));
    // "«…», dijo X": a quotation closes right before; a mere comma ("Lloyd Austin, anunció") is an apposition.
    const closing = (t: Token | undefined): boolean => /^[»"”]$/.test(t?.text ?? '');
    // "…, informó la agencia KCNA": after a comma, a verb of saying whose subject follows it is inverted too.
    const inverted = closing(tokens[i - 1]) || (tokens[i - 1]?.text === ',' && (closing(tokens[i - 2]) || /^[«"“]$/.test(tokens[0]?.text ?? '') || after.length > 0 || !!anon))
      || tokens.slice(Math.max(0, i - 3), i).some((x) => eng.cues.according.has(x.norm));
    // A verb of saying reports what follows "que" or, inverted ("…», dijo X"), what precedes it; else it reports nothing here.
    if (que < 0 && !inverted) return;
    acts.push({ verb: i, speaker, anonymous, affiliation, segment: que >= 0 ? [i + 1, tokens.length] : [0, i] });
  });
  for (let i = 0; i < tokens.length; i++) {
    const m = eng.cues.attributionBefore.matchAt(tokens, i);
    if (!m || !eng.cues.according.has((tokens[i] as Token).norm)) continue;
    const who = clause.mentions.find((x) => x.tokStart >= m.end && x.tokStart <= m.end + 2 && x.refs.length > 0);
    const anon = eng.cues.anonymous.findIn(tokens, m.end, Math.min(tokens.length, m.end + 4));
    acts.push({ verb: i, speaker: who ? [who] : [], anonymous: !who && anon ? tokens.slice(anon.start, anon.end).map((x) => x.text).join(' ') : null, affiliation: null, segment: [0, tokens.length], noVerb: true });
  }
  return acts.filter((a) => a.speaker.length > 0 || a.anonymous);
}

export function attributionFor(tr: Trigger, speech: SpeechAct[], clause: ClauseView, eng: ExtractEngines, day: string | null): Attribution | null {
  const act = speech.find((a) => a.verb !== tr.start && tr.start >= a.segment[0] && tr.start < a.segment[1]);
  if (!act) return null;
  if (act.anonymous) {
    const aff = act.affiliation?.refs[0] ? toActor(act.affiliation.refs[0], eng.kb, day) : null;
    return { name: act.anonymous, country: aff?.country ?? null, org: aff?.org ?? null };
  }
  const mention = act.speaker[0];
  const ref = mention?.refs[0];
  const actor = ref ? toActor(ref, eng.kb, day) : null;
  if (!actor || !mention) return null;
  // "el Kremlin" is the attribution as written, coded RUS; people keep their canonical name.
  const surface = clause.tokens.filter((t) => t.start >= mention.start && t.end <= mention.end).map((t) => t.text).join(' ').replace(/^(el|la|los|las) /i, '');
  return { name: actor.kind === 'person' ? actor.name : surface.replace(/ ([,.])/g, '$1'), country: actor.country, org: actor.org };
}
