// Tests for the Spanish date finder and resolver (src/extract/dates.ts + src/lang/es/dates.yaml).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDateExpressions, resolveDate, type DateExpression, type Lean } from '../../src/extract/dates.js';
import type { EventDate } from '../../src/events/model.js';

const FRI = '2022-05-13'; // a Friday
const NYE = '2021-12-31'; // also a Friday

/** The single date expression in `text`, checked against `phrase` (its text and offsets). */
function only(text: string, phrase: string): DateExpression {
  const found = findDateExpressions(text);
  assert.equal(found.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((e) => e.text))}`);
  const e = found[0]!;
  assert.equal(e.text, phrase);
  assert.equal(e.start, text.indexOf(phrase));
  assert.equal(e.end, text.indexOf(phrase) + phrase.length);
  return e;
}

function day(d: string, basis: EventDate['basis']): EventDate {
  return { start: d, end: d, precision: 'day', basis };
}

/** Resolve the single date of `text` (spanning `phrase`). */
function res(text: string, phrase: string, published: string, lean: Lean): EventDate | null {
  return resolveDate(only(text, phrase), published, lean);
}

describe('explicit dates', () => {
  it('full day–month–year', () => {
    const text = 'Ambos ministros se reunieron el 18 de febrero de 2022 en Ginebra.';
    const e = only(text, 'el 18 de febrero de 2022');
    assert.equal(e.rule, 'es.date.day_month');
    assert.deepEqual([e.day, e.month, e.year], [18, 2, 2022]);
    for (const lean of ['past', 'future', 'neutral'] as const) {
      assert.deepEqual(resolveDate(e, FRI, lean), day('2022-02-18', 'explicit'));
    }
  });

  it('dateline without "de" and with a capitalised month', () => {
    assert.deepEqual(res('31 Diciembre de 2021 11.20', '31 Diciembre de 2021', NYE, 'neutral'), day('2021-12-31', 'explicit'));
    assert.deepEqual(res('Moscú, 31 diciembre 2021.', '31 diciembre 2021', NYE, 'past'), day('2021-12-31', 'explicit'));
  });

  it('weekday before the date, ordinal first day, abbreviations', () => {
    assert.deepEqual(res('Lunes, 9 de mayo de 2022', 'Lunes, 9 de mayo de 2022', FRI, 'past'), day('2022-05-09', 'explicit'));
    assert.deepEqual(res('El acto del 1º de mayo reunió a miles.', '1º de mayo', FRI, 'past'), day('2022-05-01', 'explicit'));
    assert.deepEqual(res('El acto del 1.º de mayo.', '1.º de mayo', FRI, 'past'), day('2022-05-01', 'explicit'));
    assert.deepEqual(res('Publicado el 18 feb. 2022 a las 10.00', 'el 18 feb. 2022', FRI, 'past'), day('2022-02-18', 'explicit'));
    assert.deepEqual(res('La cumbre se celebró el día 7 de diciembre.', 'el día 7 de diciembre', NYE, 'past'), day('2021-12-07', 'explicit'));
  });

  it('numeric dates (day first)', () => {
    assert.deepEqual(res('Actualizado: 13/05/2022', '13/05/2022', NYE, 'future'), day('2022-05-13', 'explicit'));
    assert.deepEqual(res('Actualizado: 13/05/22', '13/05/22', NYE, 'future'), day('2022-05-13', 'explicit'));
    assert.deepEqual(res('Fecha: 13-05-2022.', '13-05-2022', FRI, 'past'), day('2022-05-13', 'explicit'));
    assert.deepEqual(res('Fecha: 13.05.2022.', '13.05.2022', FRI, 'past'), day('2022-05-13', 'explicit'));
    assert.deepEqual(res('Fecha: 2022-05-13.', '2022-05-13', FRI, 'past'), day('2022-05-13', 'explicit'));
  });

  it('an impossible date is found but does not resolve', () => {
    assert.equal(res('Dijo que ocurrió el 31 de febrero de 2022.', 'el 31 de febrero de 2022', FRI, 'past'), null);
  });

  it('relative year words after the month', () => {
    assert.deepEqual(res('Se vieron el 5 de junio del año pasado.', 'el 5 de junio del año pasado', FRI, 'past'), day('2021-06-05', 'explicit'));
  });
});

describe('day and month without a year', () => {
  const text = 'Los dos ministros hablaron por última vez el 18 de febrero, según el Pentágono.';
  it('past and neutral lean: the most recent such date on or before publication', () => {
    assert.deepEqual(res(text, 'el 18 de febrero', FRI, 'past'), day('2022-02-18', 'explicit'));
    assert.deepEqual(res(text, 'el 18 de febrero', FRI, 'neutral'), day('2022-02-18', 'explicit'));
    assert.deepEqual(res(text, 'el 18 de febrero', NYE, 'past'), day('2021-02-18', 'explicit'));
    assert.deepEqual(res('Se reunieron el 13 de mayo.', 'el 13 de mayo', FRI, 'past'), day('2022-05-13', 'explicit'));
  });

  it('future lean: the next such date on or after publication', () => {
    const t = 'La siguiente ronda tendrá lugar en Bruselas el 12 de enero.';
    assert.deepEqual(res(t, 'el 12 de enero', NYE, 'future'), day('2022-01-12', 'explicit'));
    assert.deepEqual(res(t, 'el 12 de enero', NYE, 'past'), day('2021-01-12', 'explicit'));
    // Neutral reads as past even when the date is days away: documented choice.
    assert.deepEqual(res(t, 'el 12 de enero', NYE, 'neutral'), day('2021-01-12', 'explicit'));
    assert.deepEqual(res('Votarán el 13 de mayo.', 'el 13 de mayo', FRI, 'future'), day('2022-05-13', 'explicit'));
  });

  it('"el pasado"/"el próximo" before the date override the clause tense', () => {
    assert.deepEqual(res('Lo anunció el pasado 7 de diciembre.', 'el pasado 7 de diciembre', NYE, 'future'), day('2021-12-07', 'explicit'));
    assert.deepEqual(res('Se votará el próximo 3 de marzo.', 'el próximo 3 de marzo', FRI, 'past'), day('2023-03-03', 'explicit'));
  });

  it('day numbers as words', () => {
    assert.deepEqual(res('El levantamiento del dos de mayo se recordó en Madrid.', 'dos de mayo', FRI, 'past'), day('2022-05-02', 'explicit'));
    assert.deepEqual(res('Nació el primero de marzo.', 'el primero de marzo', FRI, 'past'), day('2022-03-01', 'explicit'));
  });
});

describe('weekdays', () => {
  it('bare weekday: on or before publication (past), on or after (future)', () => {
    const past = 'El ministro habló el viernes con su homólogo.';
    assert.deepEqual(res(past, 'el viernes', FRI, 'past'), day('2022-05-13', 'relative'));
    assert.deepEqual(res(past, 'el viernes', FRI, 'future'), day('2022-05-13', 'relative'));
    const lunes = 'Las delegaciones se reunirán el lunes en Viena.';
    assert.deepEqual(res(lunes, 'el lunes', FRI, 'future'), day('2022-05-16', 'relative'));
    assert.deepEqual(res(lunes, 'el lunes', FRI, 'past'), day('2022-05-09', 'relative'));
    assert.deepEqual(res(lunes, 'el lunes', FRI, 'neutral'), day('2022-05-09', 'relative'));
    assert.deepEqual(res(lunes, 'el lunes', NYE, 'future'), day('2022-01-03', 'relative'));
  });

  it('"el pasado lunes" and "el lunes pasado" are strictly before, whatever the tense', () => {
    for (const phrase of ['el pasado lunes', 'el lunes pasado']) {
      const t = `La reunión de ${phrase} terminó sin acuerdo.`.replace('de el', 'del');
      const found = only(t, phrase.replace(/^el/, 'del'));
      assert.equal(found.rule, 'es.weekday.last');
      assert.deepEqual(resolveDate(found, FRI, 'future'), day('2022-05-09', 'relative'));
    }
    assert.deepEqual(res('Se vieron el pasado viernes.', 'el pasado viernes', FRI, 'past'), day('2022-05-06', 'relative'));
    assert.deepEqual(res('Se vieron el pasado viernes.', 'el pasado viernes', NYE, 'neutral'), day('2021-12-24', 'relative'));
  });

  it('"el próximo lunes" and "el lunes que viene" are strictly after', () => {
    assert.deepEqual(res('Viajará a Kiev el próximo lunes.', 'el próximo lunes', FRI, 'past'), day('2022-05-16', 'relative'));
    assert.deepEqual(res('Viajará a Kiev el lunes que viene.', 'el lunes que viene', FRI, 'neutral'), day('2022-05-16', 'relative'));
    assert.deepEqual(res('Votarán el próximo viernes.', 'el próximo viernes', FRI, 'future'), day('2022-05-20', 'relative'));
  });

  it('"este miércoles" follows the clause tense', () => {
    const t = 'El canciller llegó a Ankara este miércoles.';
    assert.deepEqual(res(t, 'este miércoles', FRI, 'past'), day('2022-05-11', 'relative'));
    assert.deepEqual(res(t, 'este miércoles', FRI, 'future'), day('2022-05-18', 'relative'));
  });

  it('time of day and "la noche del lunes" stay in the span', () => {
    assert.deepEqual(res('Hablaron el martes por la noche.', 'el martes por la noche', FRI, 'past'), day('2022-05-10', 'relative'));
    assert.deepEqual(res('El ataque ocurrió la noche del domingo.', 'la noche del domingo', FRI, 'past'), day('2022-05-08', 'relative'));
  });

  it('weekday with a day number and no month: the nearest matching date', () => {
    assert.deepEqual(res('Se reunirán el lunes 16, según fuentes oficiales.', 'el lunes 16', FRI, 'neutral'), day('2022-05-16', 'relative'));
    assert.deepEqual(res('Se reunieron el martes 10.', 'el martes 10', FRI, 'future'), day('2022-05-10', 'relative'));
  });

  it('"el día 5": the day of a nearby month', () => {
    assert.deepEqual(res('Lo firmaron el día 5.', 'el día 5', FRI, 'past'), day('2022-05-05', 'relative'));
    assert.deepEqual(res('Lo firmarán el día 5.', 'el día 5', FRI, 'future'), day('2022-06-05', 'relative'));
  });
});

describe('relative days', () => {
  const cases: Array<[string, string, string]> = [
    ['Hoy, el Kremlin confirmó la llamada.', 'Hoy', '2022-05-13'],
    ['El portavoz lo anunció ayer.', 'ayer', '2022-05-12'],
    ['El portavoz lo anunció anteayer.', 'anteayer', '2022-05-11'],
    ['El portavoz lo anunció antes de ayer.', 'antes de ayer', '2022-05-11'],
    ['Los bombardeos se intensificaron anoche.', 'anoche', '2022-05-12'],
    ['La delegación llegará mañana a Estambul.', 'mañana', '2022-05-14'],
    ['Mañana se votará la resolución.', 'Mañana', '2022-05-14'],
    ['La votación será pasado mañana.', 'pasado mañana', '2022-05-15'],
    ['El presidente habló esta mañana con su homólogo.', 'esta mañana', '2022-05-13'],
    ['Hablarán esta tarde.', 'esta tarde', '2022-05-13'],
    ['Se reunieron ayer por la tarde.', 'ayer por la tarde', '2022-05-12'],
    ['Llegará mañana por la mañana.', 'mañana por la mañana', '2022-05-14'],
  ];
  for (const [text, phrase, expected] of cases) {
    it(`${phrase} → ${expected}`, () => {
      for (const lean of ['past', 'future'] as const) assert.deepEqual(res(text, phrase, FRI, lean), day(expected, 'relative'));
    });
  }

  it('"mañana" as morning is not tomorrow', () => {
    assert.deepEqual(findDateExpressions('Los disparos comenzaron por la mañana y siguieron toda la mañana.'), []);
    assert.deepEqual(findDateExpressions('A la mañana siguiente, cada mañana, una mañana cualquiera.'), []);
    assert.deepEqual(findDateExpressions('Hay que pensar en el día de mañana.'), []);
    const morning = only('El ataque se produjo en la mañana del martes.', 'en la mañana del martes');
    assert.deepEqual(resolveDate(morning, FRI, 'past'), day('2022-05-10', 'relative'));
  });

  it('"hoy en día" is not a date', () => {
    assert.deepEqual(findDateExpressions('Hoy en día, la diplomacia se hace por teléfono.'), []);
  });
});

describe('hace N … / dentro de N …', () => {
  it('days, in digits and words', () => {
    const e = only('La última llamada fue hace 84 días.', 'hace 84 días');
    assert.deepEqual([e.amount, e.unit, e.direction], [84, 'day', -1]);
    assert.deepEqual(resolveDate(e, FRI, 'past'), day('2022-02-18', 'relative'));
    assert.deepEqual(resolveDate(e, NYE, 'past'), day('2021-10-08', 'relative'));
    assert.deepEqual(res('Ocurrió hace tres días.', 'hace tres días', FRI, 'past'), day('2022-05-10', 'relative'));
    assert.deepEqual(res('Ocurrió hace treinta y cinco días.', 'hace treinta y cinco días', FRI, 'past'), day('2022-04-08', 'relative'));
    assert.deepEqual(res('Ocurrió hace ya veintiún días.', 'hace ya veintiún días', FRI, 'past'), day('2022-04-22', 'relative'));
    assert.deepEqual(res('El asedio empezó hace cien días.', 'hace cien días', FRI, 'past'), day('2022-02-02', 'relative'));
    assert.deepEqual(res('Lo dijo hace dos horas.', 'hace dos horas', FRI, 'past'), day('2022-05-13', 'relative'));
  });

  it('weeks, months and years take their own precision', () => {
    assert.deepEqual(res('Se reunieron hace dos semanas.', 'hace dos semanas', FRI, 'past'),
      { start: '2022-04-25', end: '2022-05-01', precision: 'week', basis: 'relative' });
    assert.deepEqual(res('Se reunieron hace un mes.', 'hace un mes', FRI, 'past'),
      { start: '2022-04-01', end: '2022-04-30', precision: 'month', basis: 'relative' });
    assert.deepEqual(res('Se reunieron hace un par de meses.', 'hace un par de meses', NYE, 'past'),
      { start: '2021-10-01', end: '2021-10-31', precision: 'month', basis: 'relative' });
    assert.deepEqual(res('Firmaron el tratado hace tres años.', 'hace tres años', FRI, 'past'),
      { start: '2019-01-01', end: '2019-12-31', precision: 'year', basis: 'relative' });
    assert.deepEqual(res('Ocurrió tres semanas atrás.', 'tres semanas atrás', FRI, 'past'),
      { start: '2022-04-18', end: '2022-04-24', precision: 'week', basis: 'relative' });
  });

  it('"dentro de" goes forward', () => {
    assert.deepEqual(res('La misión llegará dentro de diez días.', 'dentro de diez días', FRI, 'future'), day('2022-05-23', 'relative'));
    assert.deepEqual(res('Votarán dentro de un mes.', 'dentro de un mes', NYE, 'future'),
      { start: '2022-01-01', end: '2022-01-31', precision: 'month', basis: 'relative' });
  });

  it('durations and vague amounts are not dates', () => {
    assert.deepEqual(findDateExpressions('Fue la primera llamada entre los dos en 84 días.'), []);
    assert.deepEqual(findDateExpressions('Hace unos días, hace tiempo y hace falta más.'), []);
  });
});

describe('weeks, months and years relative to publication', () => {
  const week = (start: string, end: string): EventDate => ({ start, end, precision: 'week', basis: 'relative' });
  it('la próxima semana / la semana pasada / esta semana', () => {
    assert.deepEqual(res('Se reunirán la próxima semana.', 'la próxima semana', FRI, 'future'), week('2022-05-16', '2022-05-22'));
    assert.deepEqual(res('Se reunirán la semana que viene.', 'la semana que viene', NYE, 'future'), week('2022-01-03', '2022-01-09'));
    assert.deepEqual(res('Se reunieron la semana pasada.', 'la semana pasada', FRI, 'past'), week('2022-05-02', '2022-05-08'));
    assert.deepEqual(res('Se reunieron la pasada semana.', 'la pasada semana', NYE, 'past'), week('2021-12-20', '2021-12-26'));
    assert.deepEqual(res('Se reunieron esta semana.', 'esta semana', FRI, 'past'), week('2022-05-09', '2022-05-15'));
    assert.deepEqual(res('Se reunieron esta semana.', 'esta semana', NYE, 'past'), week('2021-12-27', '2022-01-02'));
  });

  it('el mes pasado / el próximo mes / el año pasado / el próximo año', () => {
    const rel = (start: string, end: string, precision: EventDate['precision']): EventDate => ({ start, end, precision, basis: 'relative' });
    assert.deepEqual(res('Lo anunció el mes pasado.', 'el mes pasado', FRI, 'past'), rel('2022-04-01', '2022-04-30', 'month'));
    assert.deepEqual(res('Lo anunció el pasado mes.', 'el pasado mes', NYE, 'past'), rel('2021-11-01', '2021-11-30', 'month'));
    assert.deepEqual(res('Lo hará el próximo mes.', 'el próximo mes', NYE, 'future'), rel('2022-01-01', '2022-01-31', 'month'));
    assert.deepEqual(res('Lo hará el mes que viene.', 'el mes que viene', FRI, 'future'), rel('2022-06-01', '2022-06-30', 'month'));
    assert.deepEqual(res('Lo hizo este mes.', 'este mes', FRI, 'past'), rel('2022-05-01', '2022-05-31', 'month'));
    assert.deepEqual(res('Ocurrió el año pasado.', 'el año pasado', FRI, 'past'), rel('2021-01-01', '2021-12-31', 'year'));
    assert.deepEqual(res('Ocurrirá el próximo año.', 'el próximo año', NYE, 'future'), rel('2022-01-01', '2022-12-31', 'year'));
    assert.deepEqual(res('Ocurrirá el año que viene.', 'el año que viene', FRI, 'future'), rel('2023-01-01', '2023-12-31', 'year'));
  });

  it('el fin de semana', () => {
    const t = 'Las tropas se retiraron el fin de semana.';
    assert.deepEqual(res(t, 'el fin de semana', FRI, 'past'), week('2022-05-07', '2022-05-08'));
    assert.deepEqual(res(t, 'el fin de semana', FRI, 'future'), week('2022-05-14', '2022-05-15'));
    assert.deepEqual(res(t, 'el fin de semana', '2022-05-15', 'past'), week('2022-05-14', '2022-05-15'));
    assert.deepEqual(res('Hablaron el pasado fin de semana.', 'el pasado fin de semana', '2022-05-15', 'past'), week('2022-05-07', '2022-05-08'));
    assert.deepEqual(res('Hablarán el próximo fin de semana.', 'el próximo fin de semana', FRI, 'past'), week('2022-05-14', '2022-05-15'));
    assert.deepEqual(res('Hablarán este fin de semana.', 'este fin de semana', NYE, 'future'), week('2022-01-01', '2022-01-02'));
  });
});

describe('months and years', () => {
  const month = (start: string, end: string): EventDate => ({ start, end, precision: 'month', basis: 'explicit' });
  it('"en junio" follows the lean; the same month counts as past', () => {
    const t = 'La cumbre se celebró en junio.';
    assert.deepEqual(res(t, 'en junio', FRI, 'past'), month('2021-06-01', '2021-06-30'));
    assert.deepEqual(res(t, 'en junio', FRI, 'future'), month('2022-06-01', '2022-06-30'));
    assert.deepEqual(res(t, 'en junio', NYE, 'neutral'), month('2021-06-01', '2021-06-30'));
    assert.deepEqual(res(t, 'en junio', NYE, 'future'), month('2022-06-01', '2022-06-30'));
    assert.deepEqual(res('La ofensiva empezó en mayo.', 'en mayo', FRI, 'past'), month('2022-05-01', '2022-05-31'));
    assert.deepEqual(res('Habrá elecciones en mayo.', 'en mayo', FRI, 'future'), month('2022-05-01', '2022-05-31'));
  });

  it('month with a year, stated or relative', () => {
    assert.deepEqual(res('Se firmó en junio de 2021.', 'en junio de 2021', FRI, 'future'), month('2021-06-01', '2021-06-30'));
    assert.deepEqual(res('El acuerdo de febrero de 2015 sigue vigente.', 'febrero de 2015', FRI, 'past'), month('2015-02-01', '2015-02-28'));
    assert.deepEqual(res('Se firmó en marzo del año pasado.', 'en marzo del año pasado', FRI, 'past'), month('2021-03-01', '2021-03-31'));
    assert.deepEqual(res('Se firmó en marzo de este año.', 'en marzo de este año', FRI, 'past'), month('2022-03-01', '2022-03-31'));
  });

  it('"el pasado mes de junio" and "el próximo junio" are strictly before/after', () => {
    assert.deepEqual(res('Lo firmaron el pasado mes de mayo.', 'el pasado mes de mayo', FRI, 'past'), month('2021-05-01', '2021-05-31'));
    assert.deepEqual(res('Lo firmaron el pasado mes de abril.', 'el pasado mes de abril', FRI, 'future'), month('2022-04-01', '2022-04-30'));
    assert.deepEqual(res('Lo firmarán el próximo junio.', 'el próximo junio', FRI, 'past'), month('2022-06-01', '2022-06-30'));
  });

  it('a principios / mediados / finales de noviembre', () => {
    assert.deepEqual(res('Se retiraron a principios de noviembre.', 'a principios de noviembre', FRI, 'past'), month('2021-11-01', '2021-11-10'));
    assert.deepEqual(res('Se retiraron a mediados de noviembre.', 'a mediados de noviembre', FRI, 'past'), month('2021-11-11', '2021-11-20'));
    assert.deepEqual(res('Se retirarán a finales de noviembre.', 'a finales de noviembre', FRI, 'future'), month('2022-11-21', '2022-11-30'));
    assert.deepEqual(res('Desde finales de febrero de 2022 no hablan.', 'finales de febrero de 2022', NYE, 'past'), month('2022-02-21', '2022-02-28'));
  });

  it('years', () => {
    const year = (y: number): EventDate => ({ start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year', basis: 'explicit' });
    assert.deepEqual(res('La anexión ocurrió en 2014.', 'en 2014', FRI, 'past'), year(2014));
    assert.deepEqual(res('Las tropas llegaron en el año 2019.', 'en el año 2019', FRI, 'past'), year(2019));
    assert.deepEqual(res('No ha habido contactos desde 2019.', 'desde 2019', FRI, 'past'), year(2019));
    assert.deepEqual(res('Las obras terminarán a finales de 2023.', 'a finales de 2023', FRI, 'future'),
      { start: '2023-09-01', end: '2023-12-31', precision: 'year', basis: 'explicit' });
    assert.deepEqual(res('Empezó a principios del año pasado.', 'a principios del año pasado', FRI, 'past'),
      { start: '2021-01-01', end: '2021-04-30', precision: 'year', basis: 'relative' });
  });
});

describe('ranges', () => {
  const span = (start: string, end: string): EventDate => ({ start, end, precision: 'day', basis: 'explicit' });
  it('"del 9 al 10 de enero de 2022"', () => {
    const text = 'La primera ronda tendrá lugar en Ginebra, del 9 al 10 de enero de 2022, y luego en Bruselas.';
    const e = only(text, 'del 9 al 10 de enero de 2022');
    assert.equal(e.rule, 'es.date.range');
    assert.deepEqual([e.day, e.endDay, e.endMonth, e.endYear], [9, 10, 1, 2022]);
    assert.deepEqual(resolveDate(e, NYE, 'future'), span('2022-01-09', '2022-01-10'));
    assert.deepEqual(resolveDate(e, NYE, 'past'), span('2022-01-09', '2022-01-10'));
  });

  it('ranges without a year follow the lean', () => {
    const t = 'Las conversaciones serán del 9 al 10 de enero.';
    assert.deepEqual(res(t, 'del 9 al 10 de enero', NYE, 'future'), span('2022-01-09', '2022-01-10'));
    assert.deepEqual(res(t, 'del 9 al 10 de enero', NYE, 'past'), span('2021-01-09', '2021-01-10'));
    const across = 'Las maniobras duran del 28 de diciembre al 3 de enero.';
    assert.deepEqual(res(across, 'del 28 de diciembre al 3 de enero', NYE, 'future'), span('2021-12-28', '2022-01-03'));
    assert.deepEqual(res(across, 'del 28 de diciembre al 3 de enero', NYE, 'past'), span('2021-12-28', '2022-01-03'));
    assert.deepEqual(res(across, 'del 28 de diciembre al 3 de enero', FRI, 'past'), span('2021-12-28', '2022-01-03'));
  });

  it('"entre el 3 y el 5 de marzo" and other shapes', () => {
    assert.deepEqual(res('Los combates se libraron entre el 3 y el 5 de marzo.', 'entre el 3 y el 5 de marzo', FRI, 'past'), span('2022-03-03', '2022-03-05'));
    assert.deepEqual(res('Se reunirán entre el 28 de febrero y el 2 de marzo de 2023.', 'entre el 28 de febrero y el 2 de marzo de 2023', FRI, 'future'), span('2023-02-28', '2023-03-02'));
    assert.deepEqual(res('Se reunieron los días 9 y 10 de mayo.', 'los días 9 y 10 de mayo', FRI, 'past'), span('2022-05-09', '2022-05-10'));
    assert.deepEqual(res('La cumbre (9-10 de mayo) terminó.', '9-10 de mayo', FRI, 'past'), span('2022-05-09', '2022-05-10'));
  });
});

describe('spans in running text', () => {
  it('finds every expression, in order, with exact offsets', () => {
    const text = 'El ministro, que ya habló con su homólogo el 18 de febrero, lo llamó de nuevo el viernes. '
      + 'Según el Pentágono, hace 84 días que no hablaban; la próxima ronda será del 9 al 10 de enero de 2022 '
      + 'y otra, a mediados de noviembre. Mañana se sabrá más.';
    const found = findDateExpressions(text);
    const phrases = ['el 18 de febrero', 'el viernes', 'hace 84 días', 'del 9 al 10 de enero de 2022', 'a mediados de noviembre', 'Mañana'];
    assert.deepEqual(found.map((e) => e.text), phrases);
    let from = 0;
    for (const [i, phrase] of phrases.entries()) {
      const at = text.indexOf(phrase, from);
      assert.equal(found[i]!.start, at);
      assert.equal(found[i]!.end, at + phrase.length);
      assert.equal(text.slice(found[i]!.start, found[i]!.end), phrase);
      from = at + phrase.length;
    }
    assert.deepEqual(found.map((e) => e.rule), ['es.date.day_month', 'es.weekday', 'es.offset.ago', 'es.date.range', 'es.month.part', 'es.relative_day']);
  });

  it('offsets survive accents, ñ and non-breaking spaces', () => {
    const text = 'Según la agencia, el próximo\u00a0miércoles habrá reunión; mañana no.';
    const found = findDateExpressions(text);
    assert.deepEqual(found.map((e) => e.text), ['el próximo\u00a0miércoles', 'mañana']);
    assert.equal(found[1]!.start, text.indexOf('mañana'));
  });
});

describe('negative cases', () => {
  const none: string[] = [
    'Los buques navegaban por el mar Mediterráneo.',
    'Lucía Marzo dijo que la cifra era falsa.',
    'Según Abril, el acuerdo se mantiene.',
    'Miles de personas se concentraron en la Plaza de Mayo.',
    'Plácido Domingo cantó en el Teatro Real.',
    'El tenor visitó al Domingo del cartel.',
    'Recordó la Revolución de Octubre en su discurso.',
    'Las procesiones del Viernes Santo recorrieron la ciudad.',
    'Las procesiones del viernes santo recorrieron la ciudad.',
    'El ejército desplegó 2019 soldados en la frontera.',
    'Llegaron los 1.500 efectivos prometidos.',
    'Invocó el artículo 5 del tratado.',
    'Confiaba en Julio Pérez y en Junio Romero.',
    'Los lunes se reúne el gabinete.',
    'Se reúnen todos los martes y algunos sábados.',
    'La cifra subió 2019,5 puntos en la sesión.',
    'Aumentó un 18 % la producción.',
    'Hace frío y hace falta ayuda.',
    'La llegada de Abril Marzo a la Plaza de Mayo.',
  ];
  for (const text of none) {
    it(`no date in: ${text}`, () => assert.deepEqual(findDateExpressions(text).map((e) => e.text), []));
  }

  it('a capitalised month is a date only next to a day number or a year', () => {
    assert.deepEqual(findDateExpressions('Se reunieron en Junio.').map((e) => e.text), []);
    assert.deepEqual(findDateExpressions('Se reunieron en Junio de 2021.').map((e) => e.text), ['en Junio de 2021']);
    assert.deepEqual(findDateExpressions('La Plaza del Dos de Mayo estaba llena.').map((e) => e.text), []);
  });

  it('numbers next to a date are not swallowed', () => {
    assert.deepEqual(findDateExpressions('El 24 de marzo, 1.500 soldados cruzaron.').map((e) => e.text), ['El 24 de marzo']);
    assert.deepEqual(findDateExpressions('El lunes 12 soldados murieron.').map((e) => e.text), ['El lunes']);
  });
});

describe('resolveDate input checks', () => {
  it('rejects a malformed publication date', () => {
    const e = only('Se vieron ayer.', 'ayer');
    assert.throws(() => resolveDate(e, '13/05/2022', 'past'), RangeError);
    assert.throws(() => resolveDate(e, '2022-02-30', 'past'), RangeError);
  });
});

describe('no catastrophic backtracking', () => {
  const KB100 = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  const inputs: Record<string, string> = {
    digits: fill('9'),
    'digit groups': fill('1234567890 '),
    'dotted numbers': fill('1.1.1.1/1/1/1-1-1-'),
    spaces: 'el' + ' '.repeat(KB100) + 'x',
    'words between space runs': fill('el' + ' '.repeat(500) + 'de' + ' '.repeat(300) + '9' + ' '.repeat(200)),
    'de de de': fill('de '),
    'del … al': fill('del 9 al del 9 de '),
    months: fill('enero febrero marzo de de 2022 '),
    'day de month de': fill('1 de enero de 1 de '),
    weekdays: fill('el lunes el lunes pasado el '),
    'hace numbers': fill('hace treinta y treinta y '),
    mañana: fill('la mañana mañana '),
    mixed: fill('el 31 de de Diciembre 2021 hace 84 días entre el 3 y el 5 de 9-10 de '),
  };
  for (const [name, input] of Object.entries(inputs)) {
    it(`~100 KB of ${name} in well under 2 s`, () => {
      const t0 = performance.now();
      findDateExpressions(input);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `${name}: ${ms.toFixed(0)} ms`);
    });
  }
});
