// Where each PLOVER type sits between conflict (-1) and cooperation (+1), for colouring networks.
import type { PloverType } from './model.js';

export const TONE: Readonly<Record<PloverType, number>> = {
  AGREE: 1, COOPERATE: 1, AID: 1, SUPPORT: 0.8, CONSULT: 0.6, CONCEDE: 0.6, RETREAT: 0.4, REQUEST: 0.1,
  REJECT: -0.3, ACCUSE: -0.4, PROTEST: -0.5, MOBILIZE: -0.5, THREATEN: -0.7, SANCTION: -0.7, COERCE: -0.8, ASSAULT: -1,
};
